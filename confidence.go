package socialprescribing

import (
	"fmt"
	"slices"
)

// Confidence says how sure the library is of a figure or rule it ships, graded as in the library's
// reference of sources (SOURCES.md#confidence): high (official text, or several sources agreeing on an
// official figure), medium-high (an official figure reported by more than one secondary source, or
// official text known only as reported), medium (one secondary source quoting the official figure),
// low (an informal figure). A figure that could
// not be confirmed is never shipped; a caller may still supply one and mark it unconfirmed.
type Confidence string

// The confidence grades, from most to least sure.
const (
	ConfidenceHigh        Confidence = "high"
	ConfidenceMediumHigh  Confidence = "medium-high"
	ConfidenceMedium      Confidence = "medium"
	ConfidenceLow         Confidence = "low"
	ConfidenceUnconfirmed Confidence = "unconfirmed"
)

var confidences = [...]Confidence{ConfidenceHigh, ConfidenceMediumHigh, ConfidenceMedium, ConfidenceLow, ConfidenceUnconfirmed}

// Confidences returns every Confidence, most sure first. The slice is new on each call.
func Confidences() []Confidence { return slices.Clone(confidences[:]) }

// IsValid reports whether c is one of [Confidences].
func (c Confidence) IsValid() bool { return slices.Contains(confidences[:], c) }

// MarshalText returns c, or an error for a value outside [Confidences].
func (c Confidence) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("socialprescribing: confidence: not one of the defined values: %w", ErrInvalid)
	}
	return []byte(c), nil
}

// UnmarshalText accepts exactly one of [Confidences].
func (c *Confidence) UnmarshalText(b []byte) error {
	v := Confidence(b)
	if !v.IsValid() {
		return fmt.Errorf("socialprescribing: confidence: not one of the defined values: %w", ErrInvalid)
	}
	*c = v
	return nil
}
