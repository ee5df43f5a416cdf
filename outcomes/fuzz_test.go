package outcomes

import (
	"encoding/json"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
)

func addFixtureSeeds(f *testing.F, doc string) { fixturetest.AddSeeds(f, doc) }

// FuzzMeasurement: strict decode → validate → score → re-encode never panics, and a valid
// measurement re-encodes to a document that decodes and validates again.
func FuzzMeasurement(f *testing.F) {
	addFixtureSeeds(f, "measurement")
	f.Add([]byte(`{"episodeId":"x","date":"2025-01-01","timepoint":"baseline","instrument":"ons4","ons4":{"lifeSatisfaction":0,"worthwhile":0,"happiness":0,"anxiety":0}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Measurement
		if err := sp.Decode(data, &m); err != nil {
			return
		}
		err := m.Validate()
		if m.valid() != (err == nil) {
			t.Fatalf("valid() disagrees with Validate() = %v", err)
		}
		if err != nil {
			return
		}
		if _, err := m.Scores(); err != nil {
			t.Fatalf("Scores of a valid measurement: %v", err)
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back Measurement
		if err := sp.Decode(out, &back); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("re-validate: %v", err)
		}
		Summarise([]Measurement{m, back})
	})
}

// FuzzServiceUse: strict decode → validate → changes → re-encode never panics.
func FuzzServiceUse(f *testing.F) {
	addFixtureSeeds(f, "service-use")
	f.Fuzz(func(t *testing.T, data []byte) {
		var u ServiceUse
		if err := sp.Decode(data, &u); err != nil {
			return
		}
		if err := u.Validate(); err != nil {
			return
		}
		if _, err := u.Changes(); err != nil {
			t.Fatalf("Changes of a valid record: %v", err)
		}
		out, err := json.Marshal(u)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back ServiceUse
		if err := sp.Decode(out, &back); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("re-validate: %v", err)
		}
		SummariseServiceUse([]ServiceUse{u, back})
	})
}
