// Package fixturetest runs a package's sample documents — testdata/valid/<doc>.*.json and
// testdata/invalid/<doc>.<rule>[.detail][.go-only].json — through strict decoding and Validate, for the
// packages' own tests. (The schema package runs the same files through the published JSON Schemas.)
package fixturetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Decoder strictly decodes and validates one kind of document, returning the value it decoded.
type Decoder func(data []byte) (any, error)

// Of returns the Decoder of documents of type T: [sp.DecodeAndValidate].
func Of[T any, PT interface {
	*T
	sp.Validator
}]() Decoder {
	return func(data []byte) (any, error) {
		var v T
		if err := sp.DecodeAndValidate(data, PT(&v)); err != nil {
			return nil, err
		}
		return v, nil
	}
}

// RoundTrip says what a valid fixture must survive besides being accepted.
type RoundTrip int

// The round-trip checks.
const (
	// Accepted only: the document decodes and validates.
	Accepted RoundTrip = iota
	// SameValue: re-encoding the value and decoding it again gives the same value (go-cmp).
	SameValue
	// SameBytes: the fixture is in canonical form — re-encoding gives the same bytes — and SameValue.
	SameBytes
)

// Run checks every fixture under testdata/: a valid one is accepted (and survives rt); an invalid one
// is rejected with a *sp.ValidationError holding the rule its name gives. docs maps each fixture prefix
// (<doc>) to its Decoder; a fixture of another prefix fails the test.
func Run(t *testing.T, docs map[string]Decoder, rt RoundTrip) {
	t.Helper()
	for _, verdict := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("testdata", verdict, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s fixtures: %v", verdict, err)
		}
		for _, f := range files {
			name := filepath.Base(f)
			t.Run(verdict+"/"+name, func(t *testing.T) {
				parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
				decode, ok := docs[parts[0]]
				if !ok {
					t.Fatalf("fixture for unknown document %q", parts[0])
				}
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				v, err := decode(data)
				if verdict == "invalid" {
					if len(parts) < 2 {
						t.Fatalf("an invalid fixture is named <doc>.<rule>[.detail][.go-only].json")
					}
					rule := parts[1]
					var ve *sp.ValidationError
					if !errors.As(err, &ve) || !ve.Has("", rule) {
						t.Fatalf("invalid fixture: got %v; want a *ValidationError with rule %q", err, rule)
					}
					return
				}
				if err != nil {
					t.Fatalf("valid fixture rejected: %v", err)
				}
				if rt == Accepted {
					return
				}
				out, err := json.Marshal(v)
				if err != nil {
					t.Fatalf("Marshal: %v", err)
				}
				if want := bytes.TrimSpace(data); rt == SameBytes && !bytes.Equal(out, want) {
					t.Errorf("round trip not byte-identical:\n got %s\nwant %s", out, want)
				}
				back, err := decode(out)
				if err != nil {
					t.Fatalf("re-encoded fixture rejected: %v", err)
				}
				if d := cmp.Diff(v, back); d != "" {
					t.Errorf("round trip changed the value (-before +after):\n%s", d)
				}
			})
		}
	}
}
