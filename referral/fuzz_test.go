package referral_test

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func FuzzReferral(f *testing.F) {
	fixturetest.AddSeeds(f, "referral", `{"id":"a","history":[{"kind":"accept","at":"2024-01-01T00:00:00.000000001+14:00"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) { _, _ = fixturetest.RoundTripBytes[referral.Referral](t, data) })
}

func FuzzSignposting(f *testing.F) {
	fixturetest.AddSeeds(f, "signposting", `{"id":"a","history":[{"kind":"accept","at":"2024-01-01T00:00:00.000000001+14:00"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) { _, _ = fixturetest.RoundTripBytes[referral.Signposting](t, data) })
}

// FuzzEvent: strict decode → Validate → encode never panics; a valid event round-trips.
func FuzzEvent(f *testing.F) {
	fixturetest.AddSeeds(f, "event", `{"id":"a","history":[{"kind":"accept","at":"2024-01-01T00:00:00.000000001+14:00"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) { _, _ = fixturetest.RoundTripBytes[referral.Event](t, data) })
}
