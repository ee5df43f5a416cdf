package workforce_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// decodeValidate decodes data strictly into the document type named doc and validates it.
func decodeValidate(doc string, data []byte) (error, bool) {
	run := func(v interface{ Validate() error }, decodeErr error) error {
		if decodeErr != nil {
			return decodeErr
		}
		return v.Validate()
	}
	switch doc {
	case "claim":
		var v workforce.Claim
		return run(&v, sp.Decode(data, &v)), true
	case "staff-member":
		var v workforce.StaffMember
		return run(&v, sp.Decode(data, &v)), true
	case "pcn":
		var v workforce.PCN
		return run(&v, sp.Decode(data, &v)), true
	case "rule-table":
		var v workforce.RuleTable
		return run(&v, sp.Decode(data, &v)), true
	case "audit-input":
		var v workforce.Input
		return run(&v, sp.Decode(data, &v)), true
	case "audit-report":
		var v workforce.Report
		return run(&v, sp.Decode(data, &v)), true
	case "caseload":
		var v workforce.Caseload
		return run(&v, sp.Decode(data, &v)), true
	case "caseload-policy":
		var v workforce.CaseloadPolicy
		return run(&v, sp.Decode(data, &v)), true
	}
	return nil, false
}

func TestFixtures(t *testing.T) {
	t.Parallel()
	for _, verdict := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("testdata", verdict, "*.json"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s fixtures: %v", verdict, err)
		}
		for _, f := range files {
			name := filepath.Base(f)
			t.Run(verdict+"/"+name, func(t *testing.T) {
				t.Parallel()
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
				err, known := decodeValidate(parts[0], data)
				if !known {
					t.Fatalf("unknown document %q", parts[0])
				}
				if verdict == "valid" {
					if err != nil {
						t.Errorf("got %v, want valid", err)
					}
					return
				}
				rule := parts[1]
				var ve *sp.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("got %v, want a ValidationError with rule %q", err, rule)
				}
				if !ve.Has("", rule) {
					t.Errorf("got %v, want rule %q", err, rule)
				}
			})
		}
	}
}
