package referral

// Source is who referred the person: one of the local agencies NHS England lists as referral routes
// to a social prescribing link worker, or the person themselves.
//
// Source: NHS England, Social prescribing frequently asked questions (SOURCES.md#referral-sources),
// confidence high. No official
// coded list exists; these names are the library's own. The nearest national codes are the SNOMED CT
// children of 309013001 |Referred by person| and 306098008 |Self-referral| (confidence medium).
//
//enum:list Sources general practice first and self-referral last
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

// Need is a reason the person is referred: the groups NHS England says social prescribing helps
// (NHS England, Social prescribing frequently asked questions; The King's Fund, What is social
// prescribing?, 2020; SOURCES.md#model) and the common social needs link workers meet
// (SOURCES.md#community-offers).
//
//enum:list Needs "other" last
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

// Urgency is how soon the referrer asks the service to make contact. The values are the library's
// own; there is no national scale for social prescribing.
//
//enum:list Urgencies least urgent first
type Urgency string

// The urgencies, least urgent first.
const (
	UrgencyRoutine Urgency = "routine"
	UrgencySoon    Urgency = "soon"
	UrgencyUrgent  Urgency = "urgent"
)

// ContactRoute is how the service reports back to the referrer (the closed loop).
//
//enum:list ContactRoutes
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

// AccessNeed is a communication or accessibility need the service must meet to work with the person
// (the kinds the NHS Accessible Information Standard names; the values are the library's own).
//
//enum:list AccessNeeds "other" last
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

// EscalationTarget is where a safeguarding concern was passed (link workers pass information back to
// the practice team or escalate it: Management in Practice, 2023; SOURCES.md#closed-loop).
//
//enum:list EscalationTargets
type EscalationTarget string

// The escalation targets.
const (
	EscalationTargetPracticeTeam     EscalationTarget = "practice-team"
	EscalationTargetSafeguardingLead EscalationTarget = "safeguarding-lead"
	EscalationTargetLocalAuthority   EscalationTarget = "local-authority-safeguarding"
	EscalationTargetPolice           EscalationTarget = "police"
	EscalationTargetEmergency        EscalationTarget = "emergency-services"
)
