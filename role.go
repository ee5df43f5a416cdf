package socialprescribing

// Role is the job of a person who works with the people referred: whoever records an event of a
// referral, does a piece of coded activity or is claimed for under the Additional Roles Reimbursement
// Scheme (ARRS). It is the one role vocabulary of the library: the coding, referral and workforce
// packages all speak it, with one JSON value per role.
//
// The three ARRS roles ([ARRSRoles]) are the roles with reimbursement rules; the workforce package
// accepts only them, and the coding package's recording rules tell them apart (only a link worker's
// activity takes the social prescribing codes; health and wellbeing coaches and care coordinators have
// codes of their own). The other roles appear in a referral's history.
//
//enum:list Roles the ARRS roles first
type Role string

// The roles, the ARRS roles first.
const (
	// RoleLinkWorker is a social prescribing link worker (SPLW), an ARRS role.
	RoleLinkWorker Role = "social-prescribing-link-worker"
	// RoleHealthAndWellbeingCoach is a health and wellbeing coach, an ARRS role.
	RoleHealthAndWellbeingCoach Role = "health-and-wellbeing-coach"
	// RoleCareCoordinator is a care coordinator, an ARRS role.
	RoleCareCoordinator Role = "care-coordinator"
	// RoleCareNavigator is a care navigator (often the practice's reception team).
	RoleCareNavigator Role = "care-navigator"
	// RoleClinician is a GP, nurse or other clinician.
	RoleClinician Role = "clinician"
	// RolePracticeStaff is any other member of the practice team.
	RolePracticeStaff Role = "practice-staff"
	// RoleAdministrator is an administrator of the social prescribing service.
	RoleAdministrator Role = "administrator"
	// RoleReferrer is whoever made the referral, acting on it (for instance to cancel it).
	RoleReferrer Role = "referrer"
)

// ARRSRoles returns the roles reimbursed through the Additional Roles Reimbursement Scheme that the
// library models: link worker, health and wellbeing coach and care coordinator. The slice is new on
// each call.
func ARRSRoles() []Role {
	return []Role{RoleLinkWorker, RoleHealthAndWellbeingCoach, RoleCareCoordinator}
}

// IsARRS reports whether r is one of [ARRSRoles].
func (r Role) IsARRS() bool {
	switch r {
	case RoleLinkWorker, RoleHealthAndWellbeingCoach, RoleCareCoordinator:
		return true
	}
	return false
}
