package referral_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// addSeeds adds every fixture of the document kind as a fuzz seed.
func addSeeds(f *testing.F, kind string) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, kind+".*.json"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"id":"a","history":[{"kind":"accept","at":"2024-01-01T00:00:00.000000001+14:00"}]}`))
}

// roundTrip is the fuzz property: strict decode → Validate → encode never panics, and a document
// that decodes and validates encodes to bytes that decode, validate and re-encode identically.
func roundTrip[T interface{ Validate() error }](t *testing.T, data []byte) {
	var v T
	if err := sp.Decode(data, &v); err != nil {
		return
	}
	if err := v.Validate(); err != nil {
		_, _ = json.Marshal(v) // encoding an invalid value may fail, but must not panic
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal of a valid document: %v", err)
	}
	var back T
	if err := sp.Decode(b, &back); err != nil {
		t.Fatalf("Decode of the re-encoded document: %v\n%s", err, b)
	}
	if err := back.Validate(); err != nil {
		t.Fatalf("Validate of the re-encoded document: %v\n%s", err, b)
	}
	b2, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("not byte-identical after a round trip:\n%s\n%s", b, b2)
	}
}

func FuzzReferral(f *testing.F) {
	addSeeds(f, "referral")
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip[referral.Referral](t, data) })
}

func FuzzSignposting(f *testing.F) {
	addSeeds(f, "signposting")
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip[referral.Signposting](t, data) })
}

// FuzzEvent: strict decode → Validate → encode never panics; a valid event round-trips.
func FuzzEvent(f *testing.F) {
	addSeeds(f, "event")
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip[referral.Event](t, data) })
}
