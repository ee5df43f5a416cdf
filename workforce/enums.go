package workforce

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// Role is a role reimbursed through the Additional Roles Reimbursement Scheme that this package
// models.
type Role string

// The roles.
const (
	// RoleLinkWorker is a social prescribing link worker (SPLW), up to Agenda for Change band 5.
	RoleLinkWorker Role = "social-prescribing-link-worker"
	// RoleHealthWellbeingCoach is a health and wellbeing coach, up to band 5 (no maximum amount is
	// shipped: the figures could not be confirmed; load them as rows).
	RoleHealthWellbeingCoach Role = "health-and-wellbeing-coach"
	// RoleCareCoordinator is a care coordinator, band 4.
	RoleCareCoordinator Role = "care-coordinator"
)

var roles = [...]Role{RoleLinkWorker, RoleHealthWellbeingCoach, RoleCareCoordinator}

// Roles returns every Role. The slice is new on each call.
func Roles() []Role { return slices.Clone(roles[:]) }

// IsValid reports whether r is one of [Roles].
func (r Role) IsValid() bool { return slices.Contains(roles[:], r) }

// MarshalText returns r, or an error for a value outside [Roles].
func (r Role) MarshalText() ([]byte, error) { return enum.Marshal("workforce: role", roles[:], r) }

// UnmarshalText accepts exactly one of [Roles].
func (r *Role) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("workforce: role", roles[:], b)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Employment says how a PCN engages a member of staff.
type Employment string

// The kinds of employment.
const (
	// EmploymentDirect means the PCN (or one of its practices) employs the person.
	EmploymentDirect Employment = "direct"
	// EmploymentSubcontracted means another organisation (such as a VCSE provider) employs the
	// person and supplies them to the PCN; a flat contribution to that organisation's costs may
	// be claimed inside the role's maximum.
	EmploymentSubcontracted Employment = "subcontracted"
)

var employments = [...]Employment{EmploymentDirect, EmploymentSubcontracted}

// Employments returns every Employment. The slice is new on each call.
func Employments() []Employment { return slices.Clone(employments[:]) }

// IsValid reports whether e is one of [Employments].
func (e Employment) IsValid() bool { return slices.Contains(employments[:], e) }

// MarshalText returns e, or an error for a value outside [Employments].
func (e Employment) MarshalText() ([]byte, error) {
	return enum.Marshal("workforce: employment", employments[:], e)
}

// UnmarshalText accepts exactly one of [Employments].
func (e *Employment) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("workforce: employment", employments[:], b)
	if err != nil {
		return err
	}
	*e = v
	return nil
}
