package socialprescribing_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// TestFixtures runs every document under testdata through Decode and Validate: a valid fixture must
// pass both, an invalid one named <doc>.<rule>[.<detail>].json must fail with that rule.
func TestFixtures(t *testing.T) {
	decoders := map[string]func([]byte) error{
		"finding": func(b []byte) error {
			var f sp.Finding
			if err := sp.Decode(b, &f); err != nil {
				return err
			}
			return f.Validate()
		},
	}
	for _, verdict := range []string{"valid", "invalid"} {
		paths, err := filepath.Glob(filepath.Join("testdata", verdict, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) == 0 {
			t.Fatalf("no fixtures under testdata/%s", verdict)
		}
		for _, p := range paths {
			name := filepath.Base(p)
			t.Run(verdict+"/"+name, func(t *testing.T) {
				parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
				check, ok := decoders[parts[0]]
				if !ok {
					t.Fatalf("no decoder for document %q", parts[0])
				}
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				err = check(data)
				if verdict == "valid" {
					if err != nil {
						t.Errorf("valid fixture rejected: %v", err)
					}
					return
				}
				if len(parts) < 2 {
					t.Fatalf("invalid fixture %s does not name its rule", name)
				}
				var ve *sp.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("error = %v, want a *ValidationError with rule %q", err, parts[1])
				}
				if !ve.Has("", parts[1]) {
					t.Errorf("error = %v, want rule %q", err, parts[1])
				}
			})
		}
	}
}

func TestFindingValidate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		f      sp.Finding
		want   []ruleAt
	}{
		{"valid", "rule, severity and message set", sp.Finding{Rule: "r", Severity: sp.SeverityInfo, Message: "m"}, nil},
		{"empty", "every required field reported, sorted by path", sp.Finding{}, []ruleAt{{"/message", "required"}, {"/rule", "required"}, {"/severity", "required"}}},
		{"bad severity", "an undefined severity is an enum error", sp.Finding{Rule: "r", Severity: "fatal", Message: "m"}, []ruleAt{{"/severity", "enum"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate() = %v, want nil (%s)", err, tt.reason)
				}
				return
			}
			got := rulesOf(t, err)
			if len(got) != len(tt.want) {
				t.Fatalf("Validate() = %v, want %v (%s)", got, tt.want, tt.reason)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("error %d = %v, want %v (%s)", i, got[i], tt.want[i], tt.reason)
				}
			}
		})
	}
}
