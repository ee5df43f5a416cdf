package outcomes

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
)

// documents maps a fixture's document name to a decoder of that type: strict Decode then Validate,
// returning the decoded value for a round trip.
var documents = map[string]func([]byte) (any, error){
	"measurement": func(b []byte) (any, error) { return decodeValidate[Measurement](b) },
	"service-use": func(b []byte) (any, error) { return decodeValidate[ServiceUse](b) },
}

func decodeValidate[T interface{ Validate() error }](b []byte) (any, error) {
	var v T
	if err := sp.Decode(b, &v); err != nil {
		return nil, err
	}
	return v, v.Validate()
}

func TestFixtures(t *testing.T) {
	for _, verdict := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("testdata", verdict, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s fixtures: %v", verdict, err)
		}
		for _, f := range files {
			t.Run(verdict+"/"+filepath.Base(f), func(t *testing.T) {
				parts := strings.Split(filepath.Base(f), ".")
				decode, ok := documents[parts[0]]
				if !ok {
					t.Fatalf("unknown document %q", parts[0])
				}
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				v, err := decode(data)
				if verdict == "valid" {
					if err != nil {
						t.Fatalf("valid fixture rejected: %v", err)
					}
					// One canonical form: re-encoding and decoding gives the same value.
					out, err := json.Marshal(v)
					if err != nil {
						t.Fatal(err)
					}
					back, err := decode(out)
					if err != nil {
						t.Fatalf("re-encoded fixture rejected: %v", err)
					}
					if d := cmp.Diff(v, back); d != "" {
						t.Errorf("round trip changed the value (-before +after):\n%s", d)
					}
					return
				}
				rule := parts[1]
				var ve *sp.ValidationError
				if !errors.As(err, &ve) || !ve.Has("", rule) {
					t.Fatalf("invalid fixture: got %v; want a %q error", err, rule)
				}
			})
		}
	}
}
