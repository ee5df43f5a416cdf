package outcomes

import (
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
)

// TestFixtures runs every sample document through strict decoding and Validate; a valid one has one
// canonical form (re-encoding and decoding gives the same value).
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, map[string]fixturetest.Decoder{
		"measurement":         fixturetest.Of[Measurement](),
		"service-use":         fixturetest.Of[ServiceUse](),
		"cohort-summary":      decodeOnly[CohortSummary],
		"service-use-summary": decodeOnly[ServiceUseSummary],
	}, fixturetest.SameValue)
}

// decodeOnly is the verdict on an output document, which has no Validate: strict Decode.
func decodeOnly[T any](b []byte) (any, error) {
	var v T
	if err := sp.Decode(b, &v); err != nil {
		return nil, err
	}
	return v, nil
}
