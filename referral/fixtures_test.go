package referral_test

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// documents maps each fixture prefix to its strict decoder and validator.
var documents = map[string]fixturetest.Decoder{
	"referral":    fixturetest.Of[referral.Referral](),
	"signposting": fixturetest.Of[referral.Signposting](),
	"event":       fixturetest.Of[referral.Event](),
}

// decodeDoc strictly decodes data as the document type named by kind and validates it.
func decodeDoc(t *testing.T, kind string, data []byte) (any, error) {
	t.Helper()
	decode, ok := documents[kind]
	if !ok {
		t.Fatalf("fixture for unknown document kind %q", kind)
	}
	return decode(data)
}

// TestFixtures runs every sample document through strict decoding and Validate; a valid one is in
// canonical form (re-encoding gives the same bytes).
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, documents, fixturetest.SameBytes)
}
