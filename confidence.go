package socialprescribing

// Confidence says how sure the library is of a figure or rule it ships, graded as in the library's
// reference of sources (SOURCES.md#confidence): high (official text, or several sources agreeing on an
// official figure), medium-high (an official figure reported by more than one secondary source, or
// official text known only as reported), medium (one secondary source quoting the official figure),
// low (an informal figure). A figure that could
// not be confirmed is never shipped; a caller may still supply one and mark it unconfirmed.
//
//enum:list Confidences most sure first
type Confidence string

// The confidence grades, from most to least sure.
const (
	ConfidenceHigh        Confidence = "high"
	ConfidenceMediumHigh  Confidence = "medium-high"
	ConfidenceMedium      Confidence = "medium"
	ConfidenceLow         Confidence = "low"
	ConfidenceUnconfirmed Confidence = "unconfirmed"
)
