package fixturetest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// AddSeeds adds every fixture of the document kind (testdata/{valid,invalid}/<kind>.*.json) as a fuzz
// seed, then `{}`, `null` and any extra seeds given.
func AddSeeds(f *testing.F, kind string, extra ...string) {
	f.Helper()
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
	for _, e := range extra {
		f.Add([]byte(e))
	}
}

// RoundTripBytes is the fuzz property of a document type: strict decode → Validate → encode never
// panics, and a document that decodes and validates encodes to bytes that decode, validate and
// re-encode identically. It returns the decoded value and whether it decoded.
func RoundTripBytes[T interface{ Validate() error }](t *testing.T, data []byte) (T, bool) {
	t.Helper()
	var v T
	if err := sp.Decode(data, &v); err != nil {
		return v, false
	}
	if err := v.Validate(); err != nil {
		_, _ = json.Marshal(v) // encoding an invalid value may fail, but must not panic
		return v, true
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
	return v, true
}
