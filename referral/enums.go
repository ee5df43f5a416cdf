package referral

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// Source is who referred the person: one of the local agencies NHS England lists as referral routes
// to a social prescribing link worker, or the person themselves.
//
// Source: NHS England, Social prescribing frequently asked questions (SOURCES.md#referral-sources),
// confidence high. No official
// coded list exists; these names are the library's own. The nearest national codes are the SNOMED CT
// children of 309013001 |Referred by person| and 306098008 |Self-referral| (confidence medium).
type Source string

// The referral sources.
const (
	// SourceGeneralPractice is general practice, including the wider practice staff.
	SourceGeneralPractice Source = "general-practice"
	// SourceLocalAuthority is a local authority.
	SourceLocalAuthority Source = "local-authority"
	// SourcePharmacy is a community pharmacy.
	SourcePharmacy Source = "pharmacy"
	// SourceMultidisciplinaryTeam is a multi-disciplinary team.
	SourceMultidisciplinaryTeam Source = "multidisciplinary-team"
	// SourceHospitalDischarge is a hospital discharge team.
	SourceHospitalDischarge Source = "hospital-discharge"
	// SourceAlliedHealth is an allied health professional.
	SourceAlliedHealth Source = "allied-health-professional"
	// SourceFireService is the fire and rescue service.
	SourceFireService Source = "fire-service"
	// SourcePolice is the police.
	SourcePolice Source = "police"
	// SourceJobCentre is a job centre.
	SourceJobCentre Source = "job-centre"
	// SourceSocialCare is a social care service.
	SourceSocialCare Source = "social-care"
	// SourceHousingAssociation is a housing association.
	SourceHousingAssociation Source = "housing-association"
	// SourceVCSE is a voluntary, community or social enterprise organisation.
	SourceVCSE Source = "vcse"
	// SourceSelf is a self-referral, which NHS England "also encouraged".
	SourceSelf Source = "self"
)

var sources = [...]Source{
	SourceGeneralPractice, SourceLocalAuthority, SourcePharmacy, SourceMultidisciplinaryTeam,
	SourceHospitalDischarge, SourceAlliedHealth, SourceFireService, SourcePolice, SourceJobCentre,
	SourceSocialCare, SourceHousingAssociation, SourceVCSE, SourceSelf,
}

// Sources returns every Source, general practice first and self-referral last. The slice is new on
// each call.
func Sources() []Source { return slices.Clone(sources[:]) }

// IsValid reports whether s is one of [Sources].
func (s Source) IsValid() bool { return enum.Contains(sources[:], s) }

// MarshalText returns s, or an error for a value outside [Sources].
func (s Source) MarshalText() ([]byte, error) { return enum.Marshal("referral: source", sources[:], s) }

// UnmarshalText accepts exactly one of [Sources].
func (s *Source) UnmarshalText(b []byte) (err error) {
	*s, err = unmarshal(*s, "referral: source", sources[:], b)
	return err
}

// Need is a reason the person is referred: the groups NHS England says social prescribing helps
// (NHS England, Social prescribing frequently asked questions; The King's Fund, What is social
// prescribing?, 2020; SOURCES.md#model) and the common social needs link workers meet
// (SOURCES.md#community-offers).
type Need string

// The needs.
const (
	NeedLoneliness           Need = "loneliness-isolation"
	NeedLongTermConditions   Need = "long-term-conditions"
	NeedMentalHealth         Need = "mental-health"
	NeedDebtMoney            Need = "debt-money"
	NeedWelfareBenefits      Need = "welfare-benefits"
	NeedHousing              Need = "housing"
	NeedEmployment           Need = "employment"
	NeedPhysicalInactivity   Need = "physical-inactivity"
	NeedHealthyEatingWeight  Need = "healthy-eating-weight"
	NeedCarerSupport         Need = "carer-support"
	NeedBereavement          Need = "bereavement"
	NeedFrequentAttendance   Need = "frequent-attendance"
	NeedMedicallyUnexplained Need = "medically-unexplained-symptoms"
	NeedSubstanceUse         Need = "substance-use"
	NeedOther                Need = "other" // needs a description
)

var needs = [...]Need{
	NeedLoneliness, NeedLongTermConditions, NeedMentalHealth, NeedDebtMoney, NeedWelfareBenefits,
	NeedHousing, NeedEmployment, NeedPhysicalInactivity, NeedHealthyEatingWeight, NeedCarerSupport,
	NeedBereavement, NeedFrequentAttendance, NeedMedicallyUnexplained, NeedSubstanceUse, NeedOther,
}

// Needs returns every Need, "other" last. The slice is new on each call.
func Needs() []Need { return slices.Clone(needs[:]) }

// IsValid reports whether n is one of [Needs].
func (n Need) IsValid() bool { return enum.Contains(needs[:], n) }

// MarshalText returns n, or an error for a value outside [Needs].
func (n Need) MarshalText() ([]byte, error) { return enum.Marshal("referral: need", needs[:], n) }

// UnmarshalText accepts exactly one of [Needs].
func (n *Need) UnmarshalText(b []byte) (err error) {
	*n, err = unmarshal(*n, "referral: need", needs[:], b)
	return err
}

// Urgency is how soon the referrer asks the service to make contact. The values are the library's
// own; there is no national scale for social prescribing.
type Urgency string

// The urgencies, least urgent first.
const (
	UrgencyRoutine Urgency = "routine"
	UrgencySoon    Urgency = "soon"
	UrgencyUrgent  Urgency = "urgent"
)

var urgencies = [...]Urgency{UrgencyRoutine, UrgencySoon, UrgencyUrgent}

// Urgencies returns every Urgency, least urgent first. The slice is new on each call.
func Urgencies() []Urgency { return slices.Clone(urgencies[:]) }

// IsValid reports whether u is one of [Urgencies].
func (u Urgency) IsValid() bool { return enum.Contains(urgencies[:], u) }

// MarshalText returns u, or an error for a value outside [Urgencies].
func (u Urgency) MarshalText() ([]byte, error) {
	return enum.Marshal("referral: urgency", urgencies[:], u)
}

// UnmarshalText accepts exactly one of [Urgencies].
func (u *Urgency) UnmarshalText(b []byte) (err error) {
	*u, err = unmarshal(*u, "referral: urgency", urgencies[:], b)
	return err
}

// ContactRoute is how the service reports back to the referrer (the closed loop).
type ContactRoute string

// The contact routes.
const (
	ContactRouteGPSystem    ContactRoute = "gp-clinical-system"
	ContactRouteNHSMail     ContactRoute = "nhsmail"
	ContactRouteSecureEmail ContactRoute = "secure-email"
	ContactRouteTelephone   ContactRoute = "telephone"
	ContactRoutePost        ContactRoute = "post"
	ContactRouteNone        ContactRoute = "none" // a self-referral has no referrer to report back to
)

var contactRoutes = [...]ContactRoute{ContactRouteGPSystem, ContactRouteNHSMail, ContactRouteSecureEmail, ContactRouteTelephone, ContactRoutePost, ContactRouteNone}

// ContactRoutes returns every ContactRoute. The slice is new on each call.
func ContactRoutes() []ContactRoute { return slices.Clone(contactRoutes[:]) }

// IsValid reports whether c is one of [ContactRoutes].
func (c ContactRoute) IsValid() bool { return enum.Contains(contactRoutes[:], c) }

// MarshalText returns c, or an error for a value outside [ContactRoutes].
func (c ContactRoute) MarshalText() ([]byte, error) {
	return enum.Marshal("referral: contact route", contactRoutes[:], c)
}

// UnmarshalText accepts exactly one of [ContactRoutes].
func (c *ContactRoute) UnmarshalText(b []byte) (err error) {
	*c, err = unmarshal(*c, "referral: contact route", contactRoutes[:], b)
	return err
}

// AccessNeed is a communication or accessibility need the service must meet to work with the person
// (the kinds the NHS Accessible Information Standard names; the values are the library's own).
type AccessNeed string

// The access needs.
const (
	AccessNeedInterpreter   AccessNeed = "interpreter"
	AccessNeedBSL           AccessNeed = "british-sign-language"
	AccessNeedEasyRead      AccessNeed = "easy-read"
	AccessNeedLargePrint    AccessNeed = "large-print"
	AccessNeedBraille       AccessNeed = "braille"
	AccessNeedHearingLoop   AccessNeed = "hearing-loop"
	AccessNeedStepFree      AccessNeed = "step-free-access"
	AccessNeedHomeVisit     AccessNeed = "home-visit"
	AccessNeedTelephoneOnly AccessNeed = "telephone-only"
	AccessNeedAdvocate      AccessNeed = "advocate-or-carer-present"
	AccessNeedOther         AccessNeed = "other"
)

var accessNeeds = [...]AccessNeed{
	AccessNeedInterpreter, AccessNeedBSL, AccessNeedEasyRead, AccessNeedLargePrint, AccessNeedBraille, AccessNeedHearingLoop,
	AccessNeedStepFree, AccessNeedHomeVisit, AccessNeedTelephoneOnly, AccessNeedAdvocate, AccessNeedOther,
}

// AccessNeeds returns every AccessNeed, "other" last. The slice is new on each call.
func AccessNeeds() []AccessNeed { return slices.Clone(accessNeeds[:]) }

// IsValid reports whether a is one of [AccessNeeds].
func (a AccessNeed) IsValid() bool { return enum.Contains(accessNeeds[:], a) }

// MarshalText returns a, or an error for a value outside [AccessNeeds].
func (a AccessNeed) MarshalText() ([]byte, error) {
	return enum.Marshal("referral: access need", accessNeeds[:], a)
}

// UnmarshalText accepts exactly one of [AccessNeeds].
func (a *AccessNeed) UnmarshalText(b []byte) (err error) {
	*a, err = unmarshal(*a, "referral: access need", accessNeeds[:], b)
	return err
}

// EscalationTarget is where a safeguarding concern was passed (link workers pass information back to
// the practice team or escalate it: Management in Practice, 2023; SOURCES.md#closed-loop).
type EscalationTarget string

// The escalation targets.
const (
	EscalationTargetPracticeTeam     EscalationTarget = "practice-team"
	EscalationTargetSafeguardingLead EscalationTarget = "safeguarding-lead"
	EscalationTargetLocalAuthority   EscalationTarget = "local-authority-safeguarding"
	EscalationTargetPolice           EscalationTarget = "police"
	EscalationTargetEmergency        EscalationTarget = "emergency-services"
)

var escalationTargets = [...]EscalationTarget{EscalationTargetPracticeTeam, EscalationTargetSafeguardingLead, EscalationTargetLocalAuthority, EscalationTargetPolice, EscalationTargetEmergency}

// EscalationTargets returns every EscalationTarget. The slice is new on each call.
func EscalationTargets() []EscalationTarget { return slices.Clone(escalationTargets[:]) }

// IsValid reports whether t is one of [EscalationTargets].
func (t EscalationTarget) IsValid() bool { return enum.Contains(escalationTargets[:], t) }

// MarshalText returns t, or an error for a value outside [EscalationTargets].
func (t EscalationTarget) MarshalText() ([]byte, error) {
	return enum.Marshal("referral: escalation target", escalationTargets[:], t)
}

// UnmarshalText accepts exactly one of [EscalationTargets].
func (t *EscalationTarget) UnmarshalText(b []byte) (err error) {
	*t, err = unmarshal(*t, "referral: escalation target", escalationTargets[:], b)
	return err
}

// unmarshal parses b as one of values, leaving cur unchanged on error.
func unmarshal[T ~string](cur T, what string, values []T, b []byte) (T, error) {
	v, err := enum.Unmarshal(what, values, b)
	if err != nil {
		return cur, err
	}
	return v, nil
}
