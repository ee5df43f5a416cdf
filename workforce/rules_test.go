package workforce_test

import (
	"errors"
	"fmt"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/google/go-cmp/cmp"
)

type rowView struct {
	Role, From, To, Amount string
	Confidence             sp.Confidence
}

func TestDefaultRulesMatchDomainReference(t *testing.T) {
	t.Parallel()
	// The rows of SOURCES.md#arrs-maximums graded high, medium-high or medium (and nothing else).
	want := []rowView{
		{"care-coordinator", "2020-04-01", "2021-03-31", "29135.00", sp.ConfidenceMedium},
		{"care-coordinator", "2021-04-01", "2022-03-31", "29726.00", sp.ConfidenceMedium},
		{"care-coordinator", "2023-04-01", "2023-06-30", "31746.00", sp.ConfidenceMedium},
		{"care-coordinator", "2023-07-01", "2024-03-31", "33396.00", sp.ConfidenceMedium},
		{"social-prescribing-link-worker", "2019-07-01", "2020-03-31", "34113.00", sp.ConfidenceHigh},
		{"social-prescribing-link-worker", "2020-04-01", "2021-03-31", "35389.00", sp.ConfidenceMediumHigh},
		{"social-prescribing-link-worker", "2022-04-01", "2023-03-31", "36428.00", sp.ConfidenceMedium},
		{"social-prescribing-link-worker", "2023-04-01", "2023-06-30", "38187.00", sp.ConfidenceMediumHigh},
		{"social-prescribing-link-worker", "2023-07-01", "2024-03-31", "40159.00", sp.ConfidenceHigh},
	}
	tb := workforce.DefaultRules().Table()
	var got []rowView
	for _, r := range tb.RoleRates {
		got = append(got, rowView{string(r.Role), r.From.String(), r.To.String(), r.AnnualMaximum.String(), r.Confidence})
		if r.Source == "" || r.Origin != workforce.OriginDefault {
			t.Errorf("row %s: source %q origin %q, want a source and origin %q", r.ID(), r.Source, r.Origin, workforce.OriginDefault)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default role rows (-want +got):\n%s", diff)
	}
	wantSum := []string{"2020/21 7.131 medium", "2023/24 22.671 high", "2024/25 22.894 high", "2025/26 26.631 high"}
	var gotSum []string
	for _, s := range tb.SumRates {
		gotSum = append(gotSum, s.Year.String()+" "+s.Rate.String()+" "+string(s.Confidence))
		if s.Source == "" {
			t.Errorf("sum rate %s has no source", s.ID())
		}
	}
	if diff := cmp.Diff(wantSum, gotSum); diff != "" {
		t.Errorf("default sum rates (-want +got):\n%s", diff)
	}
	// The subcontract contribution cap and the 2019/20 entitlement are rows too
	// (SOURCES.md#arrs-subcontracted and #arrs-2019-entitlement: £2,400 per WTE per year; one WTE
	// link worker per PCN of up to 100,000 patients in 2019/20). No source dates the contribution, so
	// its row, whose period is the library's reading, is of medium confidence, not the figure's high.
	var gotOther []string
	for _, r := range tb.SubcontractRates {
		gotOther = append(gotOther, r.ID()+" "+r.AnnualMaximum.String()+" "+string(r.Confidence))
	}
	for _, r := range tb.Entitlements {
		gotOther = append(gotOther, r.ID()+" "+r.WTE.String()+" "+fmt.Sprint(r.MaxListSize)+" "+string(r.Confidence))
	}
	wantOther := []string{"subcontract 2019-07-01..2026-03-31 default 2400.00 medium",
		"entitlement social-prescribing-link-worker 2019-07-01..2020-03-31 default 1 100000 high"}
	if diff := cmp.Diff(wantOther, gotOther); diff != "" {
		t.Errorf("default subcontract and entitlement rows (-want +got):\n%s", diff)
	}
	if err := tb.Validate(); err != nil {
		t.Errorf("default table does not validate: %v", err)
	}
}

// TestOverrideSubcontractAndEntitlement loads a subcontract cap and an entitlement of one's own and
// checks that the engine reads them.
func TestOverrideSubcontractAndEntitlement(t *testing.T) {
	t.Parallel()
	tb, err := workforce.ParseRuleTable([]byte(`{
		"subcontractRates": [{"from":"2023-09-01","to":"2023-09-30","annualMaximum":"3600.00","source":"local","confidence":"medium"}],
		"entitlements": [{"role":"social-prescribing-link-worker","from":"2019-08-01","to":"2019-08-31","wte":"2","maxListSize":100000,"source":"local","confidence":"low"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := workforce.DefaultRules().Override(tb, "local.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ day, amount, origin string }{
		{"2023-08-31", "2400.00", "default"}, {"2023-09-10", "3600.00", "local.json"}, {"2023-10-01", "2400.00", "default"},
	} {
		if row, ok := r.SubcontractRateOn(day(c.day)); !ok || row.AnnualMaximum.String() != c.amount || row.Origin != c.origin {
			t.Errorf("subcontract row on %s: got %s %s, want %s from %s", c.day, row.AnnualMaximum, row.Origin, c.amount, c.origin)
		}
	}
	// A full-time subcontracted link worker in September 2023 claiming £2,000 salary and a £400
	// contribution: the loaded cap is £3,600 ÷ 12 = £300.00 a month, so 2,300.00 is allowed (under
	// the maximum of 40,159 ÷ 12 = 3,346.58); under the default cap of £200 it would be 2,200.00.
	st := workforce.StaffMember{ID: "S1", PCN: "P1", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentSubcontracted,
		Start: day("2023-01-01"), WTE: []workforce.WTEPeriod{{From: day("2023-01-01"), WTE: workforce.MustParseWTE("1")}}}
	cl := workforce.Claim{PCN: "P1", Staff: "S1", Month: day("2023-09-01"), Salary: workforce.MustParseMoney("2000.00"),
		EmployerNationalInsurance: workforce.MustParseMoney("0.00"), EmployerPension: workforce.MustParseMoney("0.00"),
		SubcontractContribution: workforce.MustParseMoney("400.00")}
	in := workforce.Input{PCNs: []workforce.PCN{{ID: "P1", ListSize: 40000}}, Staff: []workforce.StaffMember{st}, Claims: []workforce.Claim{cl}}
	if got := workforce.Audit(in, r).Lines[0].Allowed.String(); got != "2300.00" {
		t.Errorf("allowed under the loaded cap: got %s, want 2300.00", got)
	}
	if got := workforce.Audit(in, workforce.DefaultRules()).Lines[0].Allowed.String(); got != "2200.00" {
		t.Errorf("allowed under the default cap: got %s, want 2200.00", got)
	}
	// Two full-time link workers in August 2019: over the default entitlement of one WTE, within
	// the loaded two.
	st2 := st
	st2.ID, st2.Employment, st2.Start, st2.WTE = "S2", workforce.EmploymentDirect, day("2019-07-01"), []workforce.WTEPeriod{{From: day("2019-07-01"), WTE: workforce.MustParseWTE("1")}}
	st.Employment, st.Start, st.WTE = workforce.EmploymentDirect, day("2019-07-01"), st2.WTE
	in = workforce.Input{PCNs: []workforce.PCN{{ID: "P1", ListSize: 40000}}, Staff: []workforce.StaffMember{st, st2}}
	for _, id := range []string{"S1", "S2"} {
		in.Claims = append(in.Claims, workforce.Claim{PCN: "P1", Staff: id, Month: day("2019-08-01"), Salary: workforce.MustParseMoney("2000.00"),
			EmployerNationalInsurance: workforce.MustParseMoney("0.00"), EmployerPension: workforce.MustParseMoney("0.00")})
	}
	has := func(rules workforce.Rules) bool {
		for _, f := range workforce.Audit(in, rules).Findings {
			if f.Rule == workforce.CodeOverEntitlement2019 {
				return true
			}
		}
		return false
	}
	if !has(workforce.DefaultRules()) {
		t.Errorf("default rules: want an over-entitlement finding for 2 WTE against 1")
	}
	if has(r) {
		t.Errorf("loaded entitlement of 2 WTE: want no over-entitlement finding")
	}
}

func TestDefaultRulesShipNoUnconfirmedFigure(t *testing.T) {
	t.Parallel()
	rules := workforce.DefaultRules()
	cases := []struct {
		name, reason string
		role         sp.Role
		day          string
	}{
		{"link worker 2021/22", "UNCONFIRMED (SOURCES.md#arrs-maximums)", sp.RoleLinkWorker, "2021-09-01"},
		{"link worker from 2024/25", "UNCONFIRMED (uplift of about 5.5–5.7% not stated exactly)", sp.RoleLinkWorker, "2024-04-01"},
		{"link worker before the scheme", "the scheme started on 1 July 2019", sp.RoleLinkWorker, "2019-06-30"},
		{"health and wellbeing coach", "amounts UNCONFIRMED", sp.RoleHealthAndWellbeingCoach, "2023-08-01"},
		{"care coordinator 2022/23", "UNCONFIRMED (SOURCES.md#arrs-maximums)", sp.RoleCareCoordinator, "2022-10-01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if row, ok := rules.RoleRateOn(c.role, day(c.day)); ok {
				t.Errorf("RoleRateOn(%s, %s): got %s, want no row; reason: %s", c.role, c.day, row.ID(), c.reason)
			}
		})
	}
	for _, y := range []string{"2019/20", "2021/22", "2022/23"} {
		if _, ok := rules.SumRateFor(workforce.MustParseFinancialYear(y)); ok {
			t.Errorf("SumRateFor(%s): got a row, want none (no confirmed rate)", y)
		}
	}
	for _, r := range rules.Table().RoleRates {
		if r.Confidence == sp.ConfidenceUnconfirmed || r.Confidence == sp.ConfidenceLow {
			t.Errorf("row %s ships with confidence %s", r.ID(), r.Confidence)
		}
	}
}

func TestOverride(t *testing.T) {
	t.Parallel()
	tb, err := workforce.ParseRuleTable([]byte(`{
		"roleRates": [{"role":"social-prescribing-link-worker","from":"2023-09-01","to":"2023-09-30","annualMaximum":"41000.00","source":"local","confidence":"medium"}],
		"sumRates": [{"year":"2023/24","rate":"23.5","source":"local","confidence":"low"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	def := workforce.DefaultRules()
	r, err := def.Override(tb, "local.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, reason, day, amount, origin string
	}{
		{"before the loaded row", "the default row keeps the days before", "2023-08-31", "40159.00", "default"},
		{"inside the loaded row", "the loaded row replaces ours for the days it covers", "2023-09-15", "41000.00", "local.json"},
		{"after the loaded row", "the default row keeps the days after", "2023-10-01", "40159.00", "default"},
	}
	for _, c := range cases {
		row, ok := r.RoleRateOn(sp.RoleLinkWorker, day(c.day))
		if !ok || row.AnnualMaximum.String() != c.amount || row.Origin != c.origin {
			t.Errorf("%s: got %s %s, want %s from %s; reason: %s", c.name, row.AnnualMaximum, row.Origin, c.amount, c.origin, c.reason)
		}
	}
	if s, ok := r.SumRateFor(workforce.MustParseFinancialYear("2023/24")); !ok || s.Rate.String() != "23.5" || s.Origin != "local.json" {
		t.Errorf("sum rate: got %+v, want 23.5 from local.json", s)
	}
	if row, _ := def.RoleRateOn(sp.RoleLinkWorker, day("2023-09-15")); row.AnnualMaximum.String() != "40159.00" {
		t.Errorf("Override changed its receiver: got %s", row.AnnualMaximum)
	}
	if def.Digest() == r.Digest() {
		t.Errorf("digest did not change with the rows")
	}
	if def.Digest() != workforce.DefaultRules().Digest() {
		t.Errorf("digest of the same rows differs")
	}
	if _, err := def.Override(tb, " "); !errors.Is(err, sp.ErrRequired) {
		t.Errorf("Override without an origin: got %v, want ErrRequired", err)
	}
}

func TestRuleTableValidate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason, doc, path, rule string
	}{
		{"overlap", "two rows of one role must not cover the same day",
			`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-06-30","annualMaximum":"1.00","source":"s","confidence":"high"},
			{"role":"care-coordinator","from":"2024-06-30","to":"2024-12-31","annualMaximum":"1.00","source":"s","confidence":"high"}]}`, "/roleRates/1", "overlap"},
		{"date order", "a row cannot end before it starts",
			`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-03-31","annualMaximum":"1.00","source":"s","confidence":"high"}]}`, "/roleRates/0/to", "date-order"},
		{"zero amount", "a maximum of nothing is a missing figure, not a rule",
			`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-06-30","annualMaximum":"0.00","source":"s","confidence":"high"}]}`, "/roleRates/0/annualMaximum", "money-range"},
		{"no source", "every figure carries its source",
			`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-06-30","annualMaximum":"1.00","confidence":"high"}]}`, "/roleRates/0/source", "required"},
		{"duplicate year", "one sum rate per year",
			`{"sumRates":[{"year":"2024/25","rate":"1","source":"s","confidence":"high"},{"year":"2024/25","rate":"2","source":"s","confidence":"high"}]}`, "/sumRates/1/year", "duplicate-year"},
		{"subcontract overlap", "two subcontract rows must not cover the same day",
			`{"subcontractRates":[{"from":"2024-04-01","to":"2024-06-30","annualMaximum":"1.00","source":"s","confidence":"high"},
			{"from":"2024-06-01","to":"2024-12-31","annualMaximum":"1.00","source":"s","confidence":"high"}]}`, "/subcontractRates/1", "overlap"},
		{"entitlement without WTE", "an entitlement is a number of WTE",
			`{"entitlements":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-06-30","maxListSize":1,"source":"s","confidence":"high"}]}`, "/entitlements/0/wte", "required"},
		{"amount as number", "money is a string",
			`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-06-30","annualMaximum":1.00,"source":"s","confidence":"high"}]}`, "/roleRates/0/annualMaximum", "type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := workforce.ParseRuleTable([]byte(c.doc))
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has(c.path, c.rule) {
				t.Errorf("got %v, want rule %q at %s; reason: %s", err, c.rule, c.path, c.reason)
			}
		})
	}
}
