package fixturetest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// MaxSeed is the size of the largest fixture AddSeeds adds as a fuzz seed. What the fuzzer finds
// by mutating a seed is about as large as the seed, and each new input it keeps is first minimised
// (for up to -fuzzminimizetime, a minute by default): a 30 KB seed spends a fuzz run minimising a
// handful of inputs. The fixture tests still check the larger fixtures.
const MaxSeed = 8 << 10

// AddSeeds adds the extra seeds given, `{}` and `null`, then every fixture of the document kind
// (testdata/{valid,invalid}/<kind>.*.json) up to MaxSeed bytes, smallest first, as fuzz seeds.
func AddSeeds(f *testing.F, kind string, extra ...string) {
	f.Helper()
	for _, e := range extra {
		f.Add([]byte(e))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	var seeds [][]byte
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, kind+".*.json"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) <= MaxSeed {
				seeds = append(seeds, data)
			}
		}
	}
	slices.SortStableFunc(seeds, func(a, b []byte) int { return len(a) - len(b) })
	for _, s := range seeds {
		f.Add(s)
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
