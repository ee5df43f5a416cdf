package workforce_test

import (
	"errors"
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
	// The rows of DOMAIN.md section 7 graded high, medium-high or medium (and nothing else).
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
	if err := tb.Validate(); err != nil {
		t.Errorf("default table does not validate: %v", err)
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
		{"link worker 2021/22", "UNCONFIRMED in the domain reference", sp.RoleLinkWorker, "2021-09-01"},
		{"link worker from 2024/25", "UNCONFIRMED (uplift of about 5.5–5.7% not stated exactly)", sp.RoleLinkWorker, "2024-04-01"},
		{"link worker before the scheme", "the scheme started on 1 July 2019", sp.RoleLinkWorker, "2019-06-30"},
		{"health and wellbeing coach", "amounts UNCONFIRMED", sp.RoleHealthAndWellbeingCoach, "2023-08-01"},
		{"care coordinator 2022/23", "not in the domain reference", sp.RoleCareCoordinator, "2022-10-01"},
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
