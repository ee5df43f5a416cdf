package episode

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

// decodeValidate is the verdict the schema package also applies: strict Decode, then Validate.
func decodeValidate(b []byte) (Episode, error) {
	var e Episode
	if err := sp.Decode(b, &e); err != nil {
		return Episode{}, err
	}
	return e, e.Validate()
}

// documents maps a fixture's document name to its strict decoder and validator.
var documents = map[string]func([]byte) (any, error){
	"episode":  func(b []byte) (any, error) { return decodeAndValidate[Episode](b) },
	"feedback": func(b []byte) (any, error) { return decodeAndValidate[Feedback](b) },
}

func decodeAndValidate[T interface{ Validate() error }](b []byte) (any, error) {
	var v T
	if err := sp.Decode(b, &v); err != nil {
		return nil, err
	}
	return v, v.Validate()
}

// TestFixtures runs every fixture through strict Decode + Validate: a valid one passes and
// round-trips to the same value; an invalid one fails with the rule its name gives
// (episode.<rule>[.<detail>][.go-only].json).
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
				e, err := decode(data)
				if verdict == "valid" {
					if err != nil {
						t.Fatalf("valid fixture rejected: %v", err)
					}
					out, err := json.Marshal(e)
					if err != nil {
						t.Fatal(err)
					}
					back, err := decode(out)
					if err != nil {
						t.Fatalf("re-encoded fixture rejected: %v", err)
					}
					if d := cmp.Diff(e, back); d != "" {
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
