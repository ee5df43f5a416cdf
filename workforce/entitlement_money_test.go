package workforce_test

import (
	"bytes"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestOverEntitlementSaysPayableIsNotReduced: the 2019/20 entitlement is one WTE link worker (NHS
// England, Network Contract DES 2019/20); no source says how much of which claim the money of the
// excess WTE is, so the payable amount is not reduced, and the PCN-year row says so in every format.
func TestOverEntitlementSaysPayableIsNotReduced(t *testing.T) {
	t.Parallel()
	worker := func(id string) workforce.StaffMember {
		return workforce.StaffMember{ID: id, PCN: "U1", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
			Start: sp.MustParseDate("2019-07-01"), WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2019-07-01"), WTE: workforce.MustParseWTE("1")}}}
	}
	claim := func(staff string) workforce.Claim {
		return workforce.Claim{PCN: "U1", Staff: staff, Month: sp.MustParseDate("2019-08-01"), Salary: workforce.MustParseMoney("2000.00"),
			EmployerNationalInsurance: workforce.MustParseMoney("200.00"), EmployerPension: workforce.MustParseMoney("300.00")}
	}
	in := workforce.Input{
		PCNs:   []workforce.PCN{{ID: "U1", ListSize: 40000}},
		Staff:  []workforce.StaffMember{worker("S1"), worker("S2")},
		Claims: []workforce.Claim{claim("S1"), claim("S2")},
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	if len(rep.PCNYears) != 1 {
		t.Fatalf("%d PCN-years, want 1", len(rep.PCNYears))
	}
	y := rep.PCNYears[0]
	if !y.OverEntitlement {
		t.Error("two WTE claimed against an entitlement of one: the PCN-year is not marked over the entitlement")
	}
	// 2 × 2,500.00, each under the month's maximum of 34,113 ÷ 12 = 2,842.75.
	if y.Allowed.String() != "5000.00" || y.Payable.String() != "5000.00" {
		t.Errorf("allowed %s payable %s, want 5000.00 and 5000.00 (not reduced)", y.Allowed, y.Payable)
	}
	found := false
	for _, f := range rep.Findings {
		if f.Rule == workforce.CodeOverEntitlement2019 {
			found = true
			if !strings.Contains(f.Message, "not reduced") {
				t.Errorf("the finding does not say the payable amount is not reduced: %q", f.Message)
			}
		}
	}
	if !found {
		t.Fatal("no over-entitlement finding")
	}
	var txt, js, csv bytes.Buffer
	if err := rep.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := rep.WritePCNYearsCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "payable not reduced") {
		t.Errorf("text PCN-years do not say the payable amount is not reduced:\n%s", txt.String())
	}
	if !strings.Contains(js.String(), `"overEntitlement": true`) {
		t.Errorf("JSON PCN-year lacks overEntitlement:\n%s", js.String())
	}
	if !strings.Contains(csv.String(), "overEntitlement") || !strings.HasSuffix(strings.TrimSpace(csv.String()), ",yes") {
		t.Errorf("CSV PCN-years lack overEntitlement:\n%s", csv.String())
	}
}
