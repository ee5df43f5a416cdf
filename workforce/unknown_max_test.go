package workforce_test

import (
	"bytes"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestUnknownMaximumIsNotCapped: a line with no rule row for its days, or no day in post, has a
// maximum that is not known, not one of £0: it is flagged as such and never counted as capped.
func TestUnknownMaximumIsNotCapped(t *testing.T) {
	t.Parallel()
	claim := func(month string) workforce.Claim {
		return workforce.Claim{PCN: "U1", Staff: "S1", Month: sp.MustParseDate(month), Salary: workforce.MustParseMoney("2000.00"),
			EmployerNationalInsurance: workforce.MustParseMoney("200.00"), EmployerPension: workforce.MustParseMoney("300.00")}
	}
	in := workforce.Input{
		PCNs: []workforce.PCN{{ID: "U1", ListSize: 42000}},
		Staff: []workforce.StaffMember{{ID: "S1", PCN: "U1", Role: sp.RoleCareCoordinator, Employment: workforce.EmploymentDirect,
			Start: sp.MustParseDate("2010-01-01"), End: sp.MustParseDate("2023-06-30"),
			WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2010-01-01"), WTE: workforce.MustParseWTE("1")}}}},
		// 2015: before any care coordinator row; 2023-08: after the last day in post.
		Claims: []workforce.Claim{claim("2015-05-01"), claim("2023-08-01")},
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	if len(rep.Lines) != 2 {
		t.Fatalf("%d lines, want 2", len(rep.Lines))
	}
	noRule, notInPost := rep.Lines[0], rep.Lines[1]
	if noRule.Capped || !noRule.NoRule || noRule.NotInPost {
		t.Errorf("line without a rule row: capped %v noRule %v notInPost %v, want false true false", noRule.Capped, noRule.NoRule, noRule.NotInPost)
	}
	if notInPost.Capped || !notInPost.NotInPost {
		t.Errorf("line not in post: capped %v notInPost %v, want false true", notInPost.Capped, notInPost.NotInPost)
	}
	if tot := rep.Totals; tot.Capped != 0 || tot.NoRule != 1 || tot.NotInPost != 1 {
		t.Errorf("totals capped %d noRule %d notInPost %d, want 0 1 1", tot.Capped, tot.NoRule, tot.NotInPost)
	}
	for _, f := range rep.Findings {
		if f.Rule == workforce.CodeOverMaximum {
			t.Errorf("over-maximum reported against a maximum that is not known: %+v", f)
		}
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if s := js.String(); strings.Contains(s, `"capped": true`) || !strings.Contains(s, `"noRule": true`) || !strings.Contains(s, `"notInPost": true`) {
		t.Errorf("JSON lines do not flag the unknown maximums apart from capped:\n%s", s)
	}
	var txt bytes.Buffer
	if err := rep.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if s := txt.String(); strings.Contains(s, "  capped\n") || !strings.Contains(s, "no rule") || !strings.Contains(s, "not in post") {
		t.Errorf("text report does not flag the unknown maximums apart from capped:\n%s", s)
	}
}
