package plan_test

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/plan"
)

// TestFixtures runs every sample document through strict decoding and Validate; a valid one is in
// canonical form (re-encoding gives the same bytes).
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, map[string]fixturetest.Decoder{
		"plan":   fixturetest.Of[plan.Plan](),
		"policy": fixturetest.Of[plan.Policy](),
	}, fixturetest.SameBytes)
}
