package episode

import (
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
)

// decodeValidate is the verdict the schema package also applies: strict Decode, then Validate.
func decodeValidate(b []byte) (Episode, error) {
	var e Episode
	if err := sp.Decode(b, &e); err != nil {
		return Episode{}, err
	}
	return e, e.Validate()
}

// TestFixtures runs every fixture through strict Decode + Validate: a valid one passes and
// round-trips to the same value; an invalid one fails with the rule its name gives
// (episode.<rule>[.<detail>][.go-only].json).
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, map[string]fixturetest.Decoder{
		"episode":  fixturetest.Of[Episode](),
		"feedback": fixturetest.Of[Feedback](),
		"report":   decodeOnly[Report],
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
