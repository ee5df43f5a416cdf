package episode

import (
	"encoding/json"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
)

// FuzzEpisode: strict decode → Validate → codes due → feedback to both recipients → report →
// re-encode never panics; a valid episode re-encodes to a document that decodes and validates again,
// and every rendering of a valid episode encodes.
func FuzzEpisode(f *testing.F) {
	fixturetest.AddSeeds(f, "episode", `{"referral":{}}`,
		`{"referral":{"id":"x"},"plan":{"episodeId":"y"},"measurements":[{"episodeId":"x"}],"serviceUse":{"episodeId":"x"}}`)
	asOf := sp.MustParseDate("2025-01-01")
	f.Fuzz(func(t *testing.T, data []byte) {
		var e Episode
		if err := sp.Decode(data, &e); err != nil {
			return
		}
		err := e.Validate()
		// Whatever its verdict, nothing downstream panics.
		c, _ := e.CodesDue(asOf)
		for _, to := range Recipients() {
			if fb, ferr := NewFeedback(e, to, asOf); ferr == nil {
				if _, jerr := json.Marshal(fb); jerr != nil {
					t.Fatalf("feedback does not encode: %v", jerr)
				}
			}
		}
		r := NewReport([]Episode{e})
		_ = r.Text()
		_ = e.String()
		if err != nil {
			return
		}
		if _, jerr := json.Marshal(c); jerr != nil {
			t.Fatalf("codes due do not encode: %v", jerr)
		}
		if _, jerr := json.Marshal(r); jerr != nil {
			t.Fatalf("report does not encode: %v", jerr)
		}
		out, jerr := json.Marshal(e)
		if jerr != nil {
			t.Fatalf("valid episode does not encode: %v", jerr)
		}
		var back Episode
		if derr := sp.Decode(out, &back); derr != nil {
			t.Fatalf("re-encoded episode does not decode: %v", derr)
		}
		if verr := back.Validate(); verr != nil {
			t.Fatalf("re-encoded episode does not validate: %v", verr)
		}
	})
}

// FuzzFeedback: strict decode → Validate → re-encode of a received message never panics, and a valid
// message re-encodes to one that decodes and validates again.
func FuzzFeedback(f *testing.F) {
	fixturetest.AddSeeds(f, "feedback", `{"recipient":"referrer","person":{"dateOfBirth":"2000-01-01"},"withheld":[{"field":"person","reason":"minimum-necessary"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		var fb Feedback
		if err := sp.Decode(data, &fb); err != nil {
			return
		}
		err := fb.Validate()
		_ = fb.String()
		if err != nil {
			return
		}
		out, jerr := json.Marshal(fb)
		if jerr != nil {
			t.Fatalf("valid message does not encode: %v", jerr)
		}
		var back Feedback
		if derr := sp.Decode(out, &back); derr != nil {
			t.Fatalf("re-encoded message does not decode: %v", derr)
		}
		if verr := back.Validate(); verr != nil {
			t.Fatalf("re-encoded message does not validate: %v", verr)
		}
	})
}
