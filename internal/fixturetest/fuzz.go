package fixturetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	err := sp.Decode(data, &v)
	var verr error
	if err == nil {
		verr = v.Validate()
	}
	OnePass[T](t, data, err, verr)
	if err != nil {
		return v, false
	}
	if err := verr; err != nil {
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

// OnePass holds sp.DecodeAndValidate to the verdict of sp.Decode (decodeErr) then Validate
// (validateErr) on the same data: it accepts exactly what they accept, reports every error they report
// (Decode's all, or Validate's when Decode accepts), and keeps the shape a ValidationError promises —
// at most 100 errors and one counting the rest, sorted by path and rule, no path and rule twice.
func OnePass[T any](t *testing.T, data []byte, decodeErr, validateErr error) {
	t.Helper()
	var v T
	err := sp.DecodeAndValidate(data, any(&v).(sp.Validator))
	if (err == nil) != (decodeErr == nil && validateErr == nil) {
		t.Fatalf("DecodeAndValidate: %v; Decode: %v, then Validate: %v", err, decodeErr, validateErr)
	}
	if err == nil {
		return
	}
	var ve *sp.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) == 0 {
		if decodeErr == nil && errors.Is(err, validateErr) {
			return // Validate's own error, not a ValidationError
		}
		t.Fatalf("DecodeAndValidate error %v is not a non-empty *ValidationError", err)
	}
	errs := ve.Errors
	capped := errs[len(errs)-1].Rule == sp.RuleTooManyErrors
	if capped {
		errs = errs[:len(errs)-1]
		if len(errs) != 100 {
			t.Fatalf("%d errors before the count of the rest, want 100", len(errs))
		}
	}
	type key struct{ path, rule string }
	got := map[key]bool{}
	for i, fe := range errs {
		k := key{fe.Path, fe.Rule}
		if got[k] {
			t.Fatalf("%s %s reported twice", fe.Path, fe.Rule)
		}
		got[k] = true
		if i > 0 && (errs[i-1].Path > fe.Path || errs[i-1].Path == fe.Path && errs[i-1].Rule > fe.Rule) {
			t.Fatalf("errors not sorted: %v before %v", errs[i-1], fe)
		}
	}
	want := decodeErr
	if want == nil {
		want = validateErr
	}
	var wve *sp.ValidationError
	if capped || !errors.As(want, &wve) {
		return
	}
	// A value reported missing or empty hides what Validate says below it; nothing else is hidden.
	var missing []string
	for _, fe := range wve.Errors {
		if fe.Rule == "required" {
			missing = append(missing, fe.Path+"/")
		}
	}
	hidden := func(path string) bool {
		for _, m := range missing {
			if strings.HasPrefix(path, m) {
				return true
			}
		}
		return false
	}
	for _, fe := range wve.Errors {
		if hidden(fe.Path) {
			t.Fatalf("%s reports %s %s below a value reported missing", map[bool]string{true: "Decode", false: "Validate"}[decodeErr != nil], fe.Path, fe.Rule)
		}
		if fe.Rule != sp.RuleTooManyErrors && !got[key{fe.Path, fe.Rule}] {
			t.Fatalf("DecodeAndValidate does not report %s %s, which %s does", fe.Path, fe.Rule, map[bool]string{true: "Decode", false: "Validate"}[decodeErr != nil])
		}
	}
}
