package referral_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// decodeDoc strictly decodes data as the document type named by kind and validates it.
func decodeDoc(t *testing.T, kind string, data []byte) (any, error) {
	t.Helper()
	switch kind {
	case "referral":
		var r referral.Referral
		if err := sp.Decode(data, &r); err != nil {
			return nil, err
		}
		return r, r.Validate()
	case "signposting":
		var s referral.Signposting
		if err := sp.Decode(data, &s); err != nil {
			return nil, err
		}
		return s, s.Validate()
	case "event":
		var e referral.Event
		if err := sp.Decode(data, &e); err != nil {
			return nil, err
		}
		return e, e.Validate()
	}
	t.Fatalf("fixture for unknown document kind %q", kind)
	return nil, nil
}

func TestFixturesValid(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no valid fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			kind, _, _ := strings.Cut(filepath.Base(f), ".")
			v, err := decodeDoc(t, kind, data)
			if err != nil {
				t.Fatalf("Decode+Validate: got %v, want nil", err)
			}
			// A valid fixture is in canonical form: re-encoding gives the same bytes.
			got, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			want := bytes.TrimSpace(data)
			if !bytes.Equal(got, want) {
				t.Errorf("round trip not byte-identical:\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestFixturesInvalid(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no invalid fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.Split(strings.TrimSuffix(filepath.Base(f), ".json"), ".")
			kind, rule := parts[0], parts[1]
			_, err = decodeDoc(t, kind, data)
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Decode+Validate: got %v, want a *ValidationError with rule %q", err, rule)
			}
			if !ve.Has("", rule) {
				t.Errorf("got %v, want a FieldError with rule %q", ve, rule)
			}
		})
	}
}
