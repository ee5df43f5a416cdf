package outcomes

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
)

// TestFixtures runs every sample document through strict decoding and Validate; a valid one has one
// canonical form (re-encoding and decoding gives the same value).
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, map[string]fixturetest.Decoder{
		"measurement": fixturetest.Of[Measurement](),
		"service-use": fixturetest.Of[ServiceUse](),
	}, fixturetest.SameValue)
}
