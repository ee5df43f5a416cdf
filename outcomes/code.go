package outcomes

import (
	"errors"
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// ErrNoCode means no code is known for an instrument in any code system the library ships. The
// library never invents one.
var ErrNoCode = errors.New("no code")

// The code system URIs.
const (
	// SystemSNOMED is the FHIR system URI of SNOMED CT (HL7 FHIR R4 and NHS England FHIR UK Core;
	// SOURCES.md#fhir-uk-core; confidence high).
	SystemSNOMED = "http://snomed.info/sct"
	// SystemLOINC is the FHIR system URI of LOINC (Regenstrief Institute, LOINC; SOURCES.md#score-codes).
	SystemLOINC = "http://loinc.org"
)

// Code identifies an instrument's score in a code system, so that a score can be written back to a
// clinical record. It carries the confidence the library has in the code and where it comes from:
// verify a code of medium confidence before relying on it.
type Code struct {
	// System is the code system URI: [SystemSNOMED] or [SystemLOINC].
	System string `json:"system"`
	// Code is the code in that system.
	Code string `json:"code"`
	// Display is the human-readable term.
	Display string `json:"display"`
	// Confidence is how sure the library is of the code.
	Confidence sp.Confidence `json:"confidence"`
	// Source says where the code comes from.
	Source string `json:"source"`
}

// Code returns the code of the instrument's score.
//
//   - SWEMWBS: SNOMED CT 718466001 "SWEMWBS score" (range 7–35), medium confidence.
//   - WEMWBS: SNOMED CT 718426000 "WEMWBS score" (range 14–70), medium confidence.
//   - UCLA-3: LOINC 106418-7 "Three-Item Loneliness scale", medium confidence. No SNOMED CT code was
//     found.
//   - ONS4: no code. No SNOMED CT code for the ONS4 items was found and the library does not invent
//     one: the error wraps [ErrNoCode].
//
// Where the codes come from: SOURCES.md#score-codes. The sources do not say whether the SWEMWBS code records the raw or the metric score; the library
// reports both and leaves the choice to the caller's clinical system.
func (i Instrument) Code() (Code, error) {
	const src = "SNOMED CT UK edition: identifier found in a secondary listing, not yet checked against a UK edition release; verify before relying"
	switch i {
	case InstrumentSWEMWBS:
		return Code{System: SystemSNOMED, Code: "718466001", Display: "SWEMWBS score", Confidence: sp.ConfidenceMedium, Source: src}, nil
	case InstrumentWEMWBS:
		return Code{System: SystemSNOMED, Code: "718426000", Display: "WEMWBS score", Confidence: sp.ConfidenceMedium, Source: src}, nil
	case InstrumentUCLA3:
		return Code{System: SystemLOINC, Code: "106418-7", Display: "Three-Item Loneliness scale", Confidence: sp.ConfidenceMedium, Source: "Regenstrief Institute, LOINC 106418-7; verify before relying"}, nil
	case InstrumentONS4:
		return Code{}, fmt.Errorf("outcomes: ons4: no SNOMED CT code for the ONS4 items was found (unconfirmed); none is invented: %w", ErrNoCode)
	}
	return Code{}, fmt.Errorf("outcomes: instrument: not one of the defined values: %w", sp.ErrInvalid)
}
