package coding

import (
	"fmt"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Code-system URIs, as HL7 FHIR names them.
const (
	// SystemSNOMED is the FHIR system URI of SNOMED CT.
	SystemSNOMED = "http://snomed.info/sct"
	// SystemLOINC is the FHIR system URI of LOINC.
	SystemLOINC = "http://loinc.org"
)

// Identifiers of the social prescribing code set, as strings so that they can be constants. Pass them
// to [MustParseSCTID] or look them up with [LookupString].
const (
	// ReferralToSocialPrescribingID is 871731000000106 |Referral to social prescribing service
	// (procedure)|: recorded when the person accepts the referral to the link worker; the first
	// interaction of an episode only, not ongoing activity. Source: NHS England, Social prescribing
	// frequently asked questions, recording and coding activity (SOURCES.md#snomed-codes); confidence
	// high.
	ReferralToSocialPrescribingID = "871731000000106"
	// SocialPrescribingDeclinedID is 871711000000103 |Social prescribing declined (situation)|:
	// recorded when the person declines the referral. Confidence high.
	SocialPrescribingDeclinedID = "871711000000103"
	// SWEMWBSScoreID is 718466001, the SWEMWBS score (7–35). Confidence medium: verify before relying.
	SWEMWBSScoreID = "718466001"
	// WEMWBSScoreID is 718426000, the WEMWBS score (14–70). Confidence medium: verify before relying.
	WEMWBSScoreID = "718426000"
	// ReferredByPersonID is 309013001 |Referred by person|, whose children are the nearest national
	// codes for referral sources. Confidence medium.
	ReferredByPersonID = "309013001"
	// SelfReferralID is 306098008 |Self-referral|. Confidence medium.
	SelfReferralID = "306098008"
	// UCLA3LoincCode is LOINC 106418-7 "Three-Item Loneliness scale" (a LOINC code, not SNOMED CT; no
	// SNOMED CT code for UCLA-3 was found). Confidence medium.
	UCLA3LoincCode = "106418-7"
)

// Concept is a SNOMED CT concept: its identifier and a term that describes it.
type Concept struct {
	ID   SCTID  `json:"id" validate:"required"`
	Term string `json:"term" validate:"required,max=255"`
}

// Coding renders c as a FHIR Coding in the SNOMED CT system.
func (c Concept) Coding() Coding {
	return Coding{System: SystemSNOMED, Code: c.ID.String(), Display: c.Term}
}

// Coding is a code from a code system, shaped like an HL7 FHIR Coding so it can be written to a record
// as it is.
type Coding struct {
	System  string `json:"system" validate:"required,max=255"`
	Code    string `json:"code" validate:"required,max=64"`
	Display string `json:"display,omitempty" validate:"max=255"`
}

// Entry is one code of the social prescribing code set, with when to record it and where that rule
// comes from.
type Entry struct {
	// Coding is the code as it is written to a record.
	Coding Coding `json:"coding"`
	// When says when the code is recorded.
	When string `json:"when"`
	// Source cites where the code and its use come from.
	Source string `json:"source"`
	// Confidence says how sure the library is of the code and its use.
	Confidence sp.Confidence `json:"confidence"`
}

// Sources of the code set (SOURCES.md#snomed-codes, #score-codes, #referral-sources).
const (
	sourceNHSE       = "NHS England, Social prescribing FAQs, recording and coding activity; Network Contract DES 2024/25"
	sourceScore      = "SNOMED CT UK edition: identifier found in a secondary listing, not yet checked against a UK edition release; verify before relying"
	sourceReferredBy = "SNOMED CT UK edition, nearest national codes (no official coded list of referral sources)"
)

var codeSet = [...]Entry{
	{
		Coding:     Coding{SystemSNOMED, ReferralToSocialPrescribingID, "Referral to social prescribing service (procedure)"},
		When:       "the person accepts the referral to the link worker; the first interaction of an episode only, not ongoing activity",
		Source:     sourceNHSE,
		Confidence: sp.ConfidenceHigh,
	},
	{
		Coding:     Coding{SystemSNOMED, SocialPrescribingDeclinedID, "Social prescribing declined (situation)"},
		When:       "the person declines the referral to the link worker",
		Source:     sourceNHSE,
		Confidence: sp.ConfidenceHigh,
	},
	{
		Coding:     Coding{SystemSNOMED, SWEMWBSScoreID, "Short Warwick-Edinburgh Mental Well-being Scale score"},
		When:       "a SWEMWBS score (7–35) is recorded",
		Source:     sourceScore,
		Confidence: sp.ConfidenceMedium,
	},
	{
		Coding:     Coding{SystemSNOMED, WEMWBSScoreID, "Warwick-Edinburgh Mental Well-being Scale score"},
		When:       "a WEMWBS score (14–70) is recorded",
		Source:     sourceScore,
		Confidence: sp.ConfidenceMedium,
	},
	{
		Coding:     Coding{SystemSNOMED, ReferredByPersonID, "Referred by person"},
		When:       "parent of the nearest national codes for who referred the person; no official coded list of referral sources exists",
		Source:     sourceReferredBy,
		Confidence: sp.ConfidenceMedium,
	},
	{
		Coding:     Coding{SystemSNOMED, SelfReferralID, "Self-referral"},
		When:       "the person referred themselves",
		Source:     sourceReferredBy,
		Confidence: sp.ConfidenceMedium,
	},
	{
		Coding:     Coding{SystemLOINC, UCLA3LoincCode, "Three-Item Loneliness scale"},
		When:       "a UCLA-3 loneliness total (3–9) is recorded; LOINC, as no SNOMED CT code was found",
		Source:     "Regenstrief Institute, LOINC 106418-7 Three-Item Loneliness scale",
		Confidence: sp.ConfidenceMedium,
	},
}

// CodeSet returns the social prescribing code set, in a fixed order. The slice is new on each call.
// No SNOMED CT code exists for the ONS4 personal wellbeing items as far as the library's sources show,
// so none is listed.
func CodeSet() []Entry { return slices.Clone(codeSet[:]) }

// Lookup returns the code-set entry of a SNOMED CT identifier, or an error wrapping [ErrUnknownCode].
func Lookup(id SCTID) (Entry, error) {
	return LookupString(SystemSNOMED, id.String())
}

// LookupString returns the code-set entry for a code in a system, or an error wrapping
// [ErrUnknownCode].
func LookupString(system, code string) (Entry, error) {
	for _, e := range codeSet {
		if e.Coding.System == system && e.Coding.Code == code {
			return e, nil
		}
	}
	return Entry{}, fmt.Errorf("coding: lookup: %w", ErrUnknownCode)
}

// ReferralToSocialPrescribing returns the concept 871731000000106 |Referral to social prescribing
// service (procedure)|.
func ReferralToSocialPrescribing() Concept {
	return Concept{ID: referralID, Term: codeSet[0].Coding.Display}
}

// SocialPrescribingDeclined returns the concept 871711000000103 |Social prescribing declined
// (situation)|.
func SocialPrescribingDeclined() Concept {
	return Concept{ID: declinedID, Term: codeSet[1].Coding.Display}
}

var (
	referralID = MustParseSCTID(ReferralToSocialPrescribingID)
	declinedID = MustParseSCTID(SocialPrescribingDeclinedID)
)
