package fhir

import (
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Canonical is the canonical URL of this project's FHIR definitions: every extension the package
// writes is Canonical + "/StructureDefinition/<name>", every code system of its own is
// Canonical + "/CodeSystem/<name>", and the episode id's identifier system is Canonical +
// "/Id/episode-id". The URLs identify the definitions; they are not fetched.
const Canonical = "https://github.com/socialprescribing/go-socialprescribing/fhir"

// URLs of the national and international definitions the package writes.
const (
	// SystemNHSNumber is the identifier system of the NHS number (UK Core).
	SystemNHSNumber = "https://fhir.nhs.uk/Id/nhs-number"
	// ExtNHSNumberVerificationStatus is UK Core's NHS number verification status extension.
	ExtNHSNumberVerificationStatus = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus"
	// SystemNHSNumberVerificationStatus is the code system of the verification status codes 01–08.
	SystemNHSNumberVerificationStatus = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland"
	// ExtSourceOfServiceRequest is UK Core's extension for the source of a ServiceRequest.
	ExtSourceOfServiceRequest = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest"
	// SystemTaskCode is FHIR's Task code system, whose "fulfill" Gravity's referral Task uses.
	SystemTaskCode = "http://hl7.org/fhir/CodeSystem/task-code"
	// SystemActCode is HL7 v3 ActCode, whose OPTIN and OPTOUT are a Consent's policy rule.
	SystemActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	// SystemSNOMED is the FHIR system URI of SNOMED CT.
	SystemSNOMED = coding.SystemSNOMED
	// SystemLOINC is the FHIR system URI of LOINC.
	SystemLOINC = coding.SystemLOINC
)

// The identifier system and code systems of this project.
const (
	// SystemEpisodeID is the identifier system of the episode id (the referral's id).
	SystemEpisodeID = Canonical + "/Id/episode-id"
	// SystemNeed is the code system of the library's needs (referral.Need values).
	SystemNeed = Canonical + "/CodeSystem/need"
	// SystemReferralSource is the code system of the library's referral sources (referral.Source
	// values): no national coded list of social prescribing referral sources exists.
	SystemReferralSource = Canonical + "/CodeSystem/referral-source"
	// SystemReferralReason is the code system of the library's lifecycle reasons (referral.Reason).
	SystemReferralReason = Canonical + "/CodeSystem/referral-reason"
	// SystemBusinessStatus is the code system of the library's Task business statuses
	// (referral.FHIRTask.BusinessStatus).
	SystemBusinessStatus = Canonical + "/CodeSystem/task-business-status"
	// SystemConsentQuestion is the code system naming the two consent questions: "referral" and
	// "share-outcomes".
	SystemConsentQuestion = Canonical + "/CodeSystem/consent-question"
	// SystemGoalStatus is the code system of the library's goal statuses (plan.GoalStatus).
	SystemGoalStatus = Canonical + "/CodeSystem/goal-status"
	// SystemOutcome is the code system of the outcome measures and their items and scores where no
	// national code exists: the ONS4 personal wellbeing questions (no LOINC or SNOMED CT code exists
	// for the 0–10 items; LOINC 96929-5 is a different, 0–3 instrument), the item answers of SWEMWBS,
	// WEMWBS and UCLA-3, and which SWEMWBS score is raw and which metric.
	SystemOutcome = Canonical + "/CodeSystem/outcome"
	// SystemOfferCategory is the code system of the library's community offer categories
	// (plan.Category).
	SystemOfferCategory = Canonical + "/CodeSystem/offer-category"
	// SystemStopReason is the code system of the library's reasons a connection or goal stopped
	// (plan.StopReason).
	SystemStopReason = Canonical + "/CodeSystem/stop-reason"
	// SystemFeedback is the code system of the closed-loop message's category.
	SystemFeedback = Canonical + "/CodeSystem/feedback"
)

// The extensions of this project, for what the FHIR resources cannot hold natively.
const (
	ExtAccessNeed        = Canonical + "/StructureDefinition/access-need"        // Patient, valueCode, repeats
	ExtAccessNotes       = Canonical + "/StructureDefinition/access-notes"       // Patient, valueString
	ExtReferrerRole      = Canonical + "/StructureDefinition/referrer-role"      // ServiceRequest, valueString
	ExtReferrerContact   = Canonical + "/StructureDefinition/referrer-contact"   // ServiceRequest, valueCode
	ExtWhatMattersToMe   = Canonical + "/StructureDefinition/what-matters-to-me" // ServiceRequest, Goal's plan
	ExtSafeguarding      = Canonical + "/StructureDefinition/safeguarding"       // ServiceRequest, complex
	ExtReferralEvent     = Canonical + "/StructureDefinition/referral-event"     // Task, complex, repeats
	ExtTimepoint         = Canonical + "/StructureDefinition/timepoint"          // Observation, valueCode
	ExtGoalStatus        = Canonical + "/StructureDefinition/goal-status"        // Goal, valueCode
	ExtGoalReason        = Canonical + "/StructureDefinition/goal-reason"        // Goal, valueCode
	ExtPlanAgreed        = Canonical + "/StructureDefinition/plan-agreed"        // CarePlan, valueDate
	ExtPlanReview        = Canonical + "/StructureDefinition/plan-review"        // CarePlan, valueDate, repeats
	ExtPlanContact       = Canonical + "/StructureDefinition/plan-contact"       // CarePlan, complex, repeats
	ExtConnection        = Canonical + "/StructureDefinition/connection"         // CarePlan.activity.detail, complex
	ExtServiceUseWindow  = Canonical + "/StructureDefinition/service-use-window" // Observation, complex
	ExtFeedbackRecipient = Canonical + "/StructureDefinition/feedback-recipient" // Communication, valueCode
	ExtFeedbackRoute     = Canonical + "/StructureDefinition/feedback-route"     // Communication, valueCode
	ExtFeedbackWithheld  = Canonical + "/StructureDefinition/feedback-withheld"  // Communication, complex, repeats
)

// Code is one fixed code the package writes, with where it goes, where it comes from and how sure
// the library is of it, as the coding package's code set does.
type Code struct {
	// Coding is the code as written.
	Coding Coding `json:"coding"`
	// Element is where the package writes it ("ServiceRequest.code").
	Element string `json:"element"`
	// Source cites where the code and its use come from.
	Source string `json:"source"`
	// Confidence says how sure the library is of the code and its use.
	Confidence sp.Confidence `json:"confidence"`
}

// Sources of the codes (SOURCES.md#snomed-codes, #score-codes, #fhir-uk-core, #fhir-gravity, #ons4).
const (
	srcSPCodes = "NHS England, social prescribing guidance and Network Contract DES (SNOMED CT codes for social prescribing); SOURCES.md#snomed-codes"
	srcScores  = "SNOMED CT UK edition as quoted by one secondary source; verify before relying; SOURCES.md#score-codes"
	srcLOINC   = "Regenstrief Institute, LOINC 106418-7 Three-Item Loneliness scale; verify before relying; SOURCES.md#score-codes"
	srcGravity = "HL7 International, SDOH Clinical Care implementation guide (Gravity), Task for referral management; SOURCES.md#fhir-gravity"
	srcR4      = "HL7 International, FHIR Release 4 (4.0.1), 2019"
	srcUKCore  = "NHS England (HL7 UK), FHIR UK Core 2.0.0, Extension-UKCore-NHSNumberVerificationStatus; SOURCES.md#fhir-uk-core"
	srcSource  = "HL7 UK, FHIR UK Core, ValueSet UKCore-SourceOfServiceRequest 1.2.0 (2023), bound as preferred to Extension-UKCore-SourceOfServiceRequest: descendants of SNOMED CT 309013001 |Referred by person| and 306098008 |Self-referral|, as expanded from the SNOMED CT UK edition of January 2022; SOURCES.md#fhir-uk-core"
	srcOwn     = "this library's own code system (" + Canonical + "), as no national code exists"
	srcONS     = "ONS, personal well-being harmonised standard (question wording; SOURCES.md#ons4); this library's own code system, as no LOINC or SNOMED CT code exists for the 0–10 items"
)

// verificationStatuses are the codes of UK Core's NHS number verification status (England), in
// order 01–08.
var verificationStatuses = [...]Coding{
	{SystemNHSNumberVerificationStatus, "01", "Number present and verified"},
	{SystemNHSNumberVerificationStatus, "02", "Number present but not traced"},
	{SystemNHSNumberVerificationStatus, "03", "Trace required"},
	{SystemNHSNumberVerificationStatus, "04", "Trace attempted - No match or multiple match found"},
	{SystemNHSNumberVerificationStatus, "05", "Trace needs to be resolved - (NHS number or patient detail conflict)"},
	{SystemNHSNumberVerificationStatus, "06", "Trace in progress"},
	{SystemNHSNumberVerificationStatus, "07", "Number not present and trace not required"},
	{SystemNHSNumberVerificationStatus, "08", "Trace postponed (baby under six weeks old)"},
}

// VerificationStatuses returns UK Core's NHS number verification status codes (England), 01 to 08.
// The slice is new on each call.
func VerificationStatuses() []Coding { return slices.Clone(verificationStatuses[:]) }

func verificationStatus(code string) (Coding, bool) {
	for _, c := range verificationStatuses {
		if c.Code == code {
			return c, true
		}
	}
	return Coding{}, false
}

var (
	codeReferral = Coding{SystemSNOMED, coding.ReferralToSocialPrescribingID, "Referral to social prescribing service (procedure)"}
	codeFulfill  = Coding{SystemTaskCode, "fulfill", "Fulfill the focal request"}
	// codeSelfReferral is 306098008 |Self-referral|, the parent of UK Core's self-referral source codes.
	codeSelfReferral = Coding{SystemSNOMED, coding.SelfReferralID, "Self-referral"}
	codeSWEMWBS      = Coding{SystemSNOMED, coding.SWEMWBSScoreID, "Short Warwick-Edinburgh Mental Well-being Scale score"}
	codeWEMWBS       = Coding{SystemSNOMED, coding.WEMWBSScoreID, "Warwick-Edinburgh Mental Well-being Scale score"}
	codeUCLA3        = Coding{SystemLOINC, coding.UCLA3LoincCode, "Three-Item Loneliness scale"}
	codeONS4         = Coding{SystemOutcome, "ons4", "ONS personal well-being (ONS4), four questions each scored 0 to 10"}
)

var codes = [...]Code{
	{codeReferral, "ServiceRequest.code", srcSPCodes, sp.ConfidenceHigh},
	{codeFulfill, "Task.code", srcGravity + "; " + srcR4, sp.ConfidenceHigh},
	{Coding{SystemNHSNumberVerificationStatus, "01–08", "NHS number verification status"}, "Patient.identifier.extension (the caller's code, never guessed)", srcUKCore, sp.ConfidenceHigh},
	{codeUCLA3, "Observation.code (UCLA-3)", srcLOINC, sp.ConfidenceMedium},
	{codeSWEMWBS, "Observation.code (SWEMWBS)", srcScores, sp.ConfidenceMedium},
	{codeWEMWBS, "Observation.code (WEMWBS)", srcScores, sp.ConfidenceMedium},
	{codeONS4, "Observation.code (ONS4)", srcONS, sp.ConfidenceHigh},
	{Coding{SystemOutcome, "<scale or item>", "ONS4 items, SWEMWBS raw and metric scores, item answers"}, "Observation.component.code", srcOwn, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/condition-category", "health-concern", "Health Concern"}, "Condition.category", srcR4, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"}, "Condition.clinicalStatus", srcR4, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"}, "Observation.category", srcR4, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/consentscope", "treatment", "Treatment"}, "Consent.scope (consent to the referral)", srcR4, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"}, "Consent.scope (consent to share outcomes)", srcR4, sp.ConfidenceHigh},
	{Coding{SystemActCode, "OPTIN | OPTOUT", "opt-in | opt-out"}, "Consent.policyRule (OPTOUT, with provision deny, for a refusal)", srcR4, sp.ConfidenceHigh},
	{Coding{"http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress | achieved | not-achieved", "Goal achievement"}, "Goal.achievementStatus (where one matches)", srcR4, sp.ConfidenceHigh},
	{Coding{SystemNeed, "<referral.Need>", "need"}, "Condition.code", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemReferralSource, "<referral.Source>", "referral source"}, "ServiceRequest.extension(SourceOfServiceRequest)", srcOwn, sp.ConfidenceHigh},
	{codeSelfReferral, "ServiceRequest.extension(SourceOfServiceRequest), beside the library's code, for a self-referral; read on import as self", srcSource + "; " + srcSPCodes, sp.ConfidenceMedium},
	{Coding{SystemSNOMED, "310434002 | 1991000124105", "Self-referral to service | Referred by self"}, "ServiceRequest.extension(SourceOfServiceRequest), read on import as self", srcSource, sp.ConfidenceMedium},
	{Coding{SystemSNOMED, "108161000000109 | 185359002", "Referred by general practitioner | Referred by another GP"}, "ServiceRequest.extension(SourceOfServiceRequest), read on import as general-practice", srcSource, sp.ConfidenceMedium},
	{Coding{SystemSNOMED, "185369008", "Referred by pharmacist"}, "ServiceRequest.extension(SourceOfServiceRequest), read on import as pharmacy", srcSource, sp.ConfidenceMedium},
	{Coding{SystemSNOMED, "185365002", "Referred by social worker"}, "ServiceRequest.extension(SourceOfServiceRequest), read on import as social-care", srcSource, sp.ConfidenceMedium},
	{Coding{SystemSNOMED, "185370009", "Referred by physiotherapist"}, "ServiceRequest.extension(SourceOfServiceRequest), read on import as allied-health-professional", srcSource, sp.ConfidenceMedium},
	{Coding{SystemReferralReason, "<referral.Reason>", "reason"}, "Task.statusReason", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemBusinessStatus, "<referral.FHIRTask.BusinessStatus>", "business status"}, "Task.businessStatus", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemConsentQuestion, "referral | share-outcomes", "consent question"}, "Consent.category", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemGoalStatus, "<plan.GoalStatus>", "goal status"}, "Goal.achievementStatus", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemOfferCategory, "<plan.Category>", "community offer category"}, "CarePlan.activity.detail.code", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemStopReason, "<plan.StopReason>", "stop reason"}, "CarePlan.activity.detail.statusReason", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemOutcome, "service-use", "Health and care service use before and after the referral"}, "Observation.code (service use)", srcOwn, sp.ConfidenceHigh},
	{Coding{SystemFeedback, "closed-loop-feedback", "Closed-loop message back to the GP or referrer"}, "Communication.category", srcOwn, sp.ConfidenceHigh},
}

// Codes returns every fixed code or code system the package writes, with its element, source and
// confidence, in a fixed order. Codes of this library's own systems stand where no national code
// exists; no unconfirmed code is written as a national one. The slice is new on each call.
func Codes() []Code { return slices.Clone(codes[:]) }

// sourceCodes are the SNOMED CT codes of UK Core's source of service request value set that the
// import reads as a referral source: those whose meaning is one of the library's sources. Others
// (referred by a nurse, a hospital doctor, family, …) name a person whose service the library's
// sources do not tell, and are reported rather than guessed. Only the self-referral code is
// written on export, beside the library's own code: no other source maps onto one SNOMED CT code
// exactly (general practice, say, refers through any of its staff).
var sourceCodes = [...]struct {
	code   string
	source referral.Source
}{
	{coding.SelfReferralID, referral.SourceSelf},
	{"310434002", referral.SourceSelf},                  // Self-referral to service
	{"1991000124105", referral.SourceSelf},              // Referred by self
	{"108161000000109", referral.SourceGeneralPractice}, // Referred by general practitioner
	{"185359002", referral.SourceGeneralPractice},       // Referred by another GP
	{"185369008", referral.SourcePharmacy},              // Referred by pharmacist
	{"185365002", referral.SourceSocialCare},            // Referred by social worker
	{"185370009", referral.SourceAlliedHealth},          // Referred by physiotherapist
}

// sourceOf returns the library's source for a SNOMED CT source code, and whether there is one.
func sourceOf(code string) (referral.Source, bool) {
	for _, c := range sourceCodes {
		if c.code == code {
			return c.source, true
		}
	}
	return "", false
}
