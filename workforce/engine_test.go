package workforce_test

import (
	"slices"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/google/go-cmp/cmp"
)

var (
	day   = sp.MustParseDate
	money = workforce.MustParseMoney
	wte   = workforce.MustParseWTE
)

// splw returns a directly employed full-time link worker of PCN P1 from start.
func splw(id, start string) workforce.StaffMember {
	return workforce.StaffMember{ID: id, PCN: "P1", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
		Start: day(start), WTE: []workforce.WTEPeriod{{From: day(start), WTE: wte("1")}}}
}

// claim returns a claim by P1 for staff in month with the given costs.
func claim(staff, month, salary, ni, pension string) workforce.Claim {
	return workforce.Claim{PCN: "P1", Staff: staff, Month: day(month), Salary: money(salary),
		EmployerNationalInsurance: money(ni), EmployerPension: money(pension)}
}

func pcn() workforce.PCN { return workforce.PCN{ID: "P1", ListSize: 40000} }

func rulesWith(t *testing.T, table string) workforce.Rules {
	t.Helper()
	tb, err := workforce.ParseRuleTable([]byte(table))
	if err != nil {
		t.Fatalf("ParseRuleTable: %v", err)
	}
	r, err := workforce.DefaultRules().Override(tb, "test")
	if err != nil {
		t.Fatalf("Override: %v", err)
	}
	return r
}

type wantLine struct{ Claimed, Maximum, Allowed, Difference string }

func lineOf(l workforce.Line) wantLine {
	return wantLine{l.Claimed.String(), l.Maximum.String(), l.Allowed.String(), l.Difference.String()}
}

func rulesOf[F workforce.Finding | sp.Finding](fs []F) []string {
	var out []string
	for _, f := range fs {
		c := commonOf(f)
		out = append(out, string(c.Severity)+" "+c.Rule)
	}
	slices.Sort(out)
	return out
}

// commonOf returns f in the library's common finding shape.
func commonOf[F workforce.Finding | sp.Finding](f F) sp.Finding {
	switch v := any(f).(type) {
	case workforce.Finding:
		return v.Common()
	case sp.Finding:
		return v
	}
	return sp.Finding{}
}

func TestAuditWorkedCases(t *testing.T) {
	t.Parallel()
	type tc struct {
		name     string
		reason   string
		in       workforce.Input
		rules    workforce.Rules
		lines    []wantLine
		findings []string // "severity rule", sorted
	}
	def := workforce.DefaultRules()
	withStaff := func(s workforce.StaffMember, f func(*workforce.StaffMember)) workforce.StaffMember { f(&s); return s }
	cases := []tc{
		{
			name:   "full month under the maximum",
			reason: "July 2023, 1 WTE: maximum 40,159 × 1 ÷ 12 = 3,346.58333 → 3,346.58; costs 2,500 + 250 + 350 = 3,100.00 < maximum, so allowed 3,100.00",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-07-01", "2500.00", "250.00", "350.00")}},
			rules:    def,
			lines:    []wantLine{{"3100.00", "3346.58", "3100.00", "0.00"}},
			findings: []string{"warning workforce.no-weighted-population"},
		},
		{
			name:   "full month over the maximum",
			reason: "costs 2,800 + 300 + 400 = 3,500.00 > 40,159 ÷ 12 = 3,346.58333; allowed rounds once half-up to 3,346.58, difference 153.42",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-07-01", "2800.00", "300.00", "400.00")}},
			rules:    def,
			lines:    []wantLine{{"3500.00", "3346.58", "3346.58", "153.42"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "before the 1 July 2023 uplift",
			reason: "May 2023 uses the 38,187 row: 38,187 ÷ 12 = 3,182.25 exactly; costs 4,000.00 → allowed 3,182.25",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-05-01", "3000.00", "500.00", "500.00")}},
			rules:    def,
			lines:    []wantLine{{"4000.00", "3182.25", "3182.25", "817.75"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "half a penny rounds up",
			reason: "a loaded row of 1,200.06 a year: 1,200.06 ÷ 12 = 100.005 exactly; half-up gives 100.01 (half-even would give 100.00)",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-07-01", "200.00", "0.00", "0.00")}},
			rules:    rulesWith(t, `{"roleRates":[{"role":"social-prescribing-link-worker","from":"2023-07-01","to":"2023-07-31","annualMaximum":"1200.06","source":"test","confidence":"high"}]}`),
			lines:    []wantLine{{"200.00", "100.01", "100.01", "99.99"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "start part way through the month",
			reason: "in post from 10 July 2023 at 0.8 WTE: 40,159 × 0.8 ÷ 12 × 22 ÷ 31 = 1,900.00430 → 1,900.00; costs 2,200.00 → allowed 1,900.00",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff:  []workforce.StaffMember{withStaff(splw("S1", "2023-07-10"), func(s *workforce.StaffMember) { s.WTE[0].WTE = wte("0.8") })},
				Claims: []workforce.Claim{claim("S1", "2023-07-01", "1800.00", "150.00", "250.00")}},
			rules:    def,
			lines:    []wantLine{{"2200.00", "1900.00", "1900.00", "300.00"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "leave part way through the month",
			reason: "last day 20 August 2023: 40,159 × 20 ÷ (12 × 31) = 2,159.08602 → 2,159.09",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff:  []workforce.StaffMember{withStaff(splw("S1", "2023-04-01"), func(s *workforce.StaffMember) { s.End = day("2023-08-20") })},
				Claims: []workforce.Claim{claim("S1", "2023-08-01", "2500.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"2500.00", "2159.09", "2159.09", "340.91"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "month split by a change of WTE",
			reason: "September 2023 (30 days): 1 WTE for 14 days, 0.5 for 16: 40,159 × (14 × 1 + 16 × 0.5) ÷ (12 × 30) = 883,498 ÷ 360 = 2,454.16111 → 2,454.16",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff: []workforce.StaffMember{withStaff(splw("S1", "2023-04-01"), func(s *workforce.StaffMember) {
					s.WTE = append(s.WTE, workforce.WTEPeriod{From: day("2023-09-15"), WTE: wte("0.5")})
				})},
				Claims: []workforce.Claim{claim("S1", "2023-09-01", "3000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "2454.16", "2454.16", "545.84"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name: "month split by a change of rate is the sum of its exact parts",
			reason: "a loaded row of 43,000 from 16 July 2023 leaves 40,159 for 1–15 July: (40,159 × 15 + 43,000 × 16) ÷ 372 = 1,290,385 ÷ 372 = 3,468.77688 → 3,468.78; " +
				"rounding each part first would give 1,619.31 + 1,849.46 = 3,468.77, a penny short",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-07-01", "4000.00", "0.00", "0.00")}},
			rules:    rulesWith(t, `{"roleRates":[{"role":"social-prescribing-link-worker","from":"2023-07-16","to":"2024-03-31","annualMaximum":"43000.00","source":"test","confidence":"high"}]}`),
			lines:    []wantLine{{"4000.00", "3468.78", "3468.78", "531.22"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "claim for a month before the first day in post",
			reason: "in post from 10 July 2023; a June claim has no days in post: maximum 0.00, allowed 0.00",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-07-10")},
				Claims: []workforce.Claim{claim("S1", "2023-06-01", "1000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"1000.00", "0.00", "0.00", "1000.00"}},
			findings: []string{"error workforce.outside-post", "warning workforce.no-weighted-population"},
		},
		{
			name:   "no rule for 2021/22 is a finding, not a silent zero",
			reason: "the 2021/22 link worker maximum is unconfirmed and not shipped: October 2021 has no row, maximum 0.00 with an error finding",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2021-04-01")},
				Claims: []workforce.Claim{claim("S1", "2021-10-01", "2500.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"2500.00", "0.00", "0.00", "2500.00"}},
			findings: []string{"error workforce.no-rule", "warning workforce.no-rule"},
		},
		{
			name:   "subcontract contribution above £200 × WTE",
			reason: "0.5 WTE subcontracted, August 2023: cap 200 × 0.5 = 100.00; costs 1,400 + min(150, 100) = 1,500.00 < 40,159 × 0.5 ÷ 12 = 1,673.29167, allowed 1,500.00 of 1,550.00 claimed",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff: []workforce.StaffMember{withStaff(splw("S1", "2023-04-01"), func(s *workforce.StaffMember) {
					s.Employment = workforce.EmploymentSubcontracted
					s.WTE[0].WTE = wte("0.5")
				})},
				Claims: []workforce.Claim{func() workforce.Claim {
					c := claim("S1", "2023-08-01", "1400.00", "0.00", "0.00")
					c.SubcontractContribution = money("150.00")
					return c
				}()}},
			rules:    def,
			lines:    []wantLine{{"1550.00", "1673.29", "1500.00", "50.00"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.subcontract-too-high"},
		},
		{
			name:   "subcontract contribution fits inside the maximum, not on top",
			reason: "costs 1,600 + contribution 100 = 1,700.00 > maximum 1,673.29167: allowed 1,673.29",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff: []workforce.StaffMember{withStaff(splw("S1", "2023-04-01"), func(s *workforce.StaffMember) {
					s.Employment = workforce.EmploymentSubcontracted
					s.WTE[0].WTE = wte("0.5")
				})},
				Claims: []workforce.Claim{func() workforce.Claim {
					c := claim("S1", "2023-08-01", "1600.00", "0.00", "0.00")
					c.SubcontractContribution = money("100.00")
					return c
				}()}},
			rules:    def,
			lines:    []wantLine{{"1700.00", "1673.29", "1673.29", "26.71"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "subcontract contribution for a direct employee does not count",
			reason: "directly employed: costs 1,000 + contribution 100 claimed; only 1,000.00 counts",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{func() workforce.Claim {
					c := claim("S1", "2023-08-01", "1000.00", "0.00", "0.00")
					c.SubcontractContribution = money("100.00")
					return c
				}()}},
			rules:    def,
			lines:    []wantLine{{"1100.00", "3346.58", "1000.00", "100.00"}},
			findings: []string{"error workforce.subcontract-not-subcontracted", "warning workforce.no-weighted-population"},
		},
		{
			name:   "cover counts only the absent WTE",
			reason: "1 WTE covering 0.6 WTE of leave: 40,159 × 0.6 ÷ 12 = 2,007.95 exactly; costs 3,000.00 → allowed 2,007.95",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff: []workforce.StaffMember{withStaff(splw("C1", "2023-04-01"), func(s *workforce.StaffMember) {
					s.Cover = &workforce.Cover{AbsentWTE: wte("0.6"), AbsentStaff: "S9"}
				})},
				Claims: []workforce.Claim{claim("C1", "2023-08-01", "3000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "2007.95", "2007.95", "992.05"}},
			findings: []string{"info workforce.cover-over-absent-wte", "warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "reduced pay during leave is reimbursed on what was paid",
			reason: "half pay on sickness leave: costs 1,200.00 < 3,346.58 → allowed 1,200.00, nothing special",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-08-01", "1000.00", "80.00", "120.00")}},
			rules:    def,
			lines:    []wantLine{{"1200.00", "3346.58", "1200.00", "0.00"}},
			findings: []string{"warning workforce.no-weighted-population"},
		},
		{
			name:   "baseline filled by unclaimed staff",
			reason: "baseline 1 WTE; B1 (in post since 2018, not claimed) fills it, so S2's 1 WTE is additional: allowed 3,000.00",
			in: workforce.Input{
				PCNs: []workforce.PCN{func() workforce.PCN {
					p := pcn()
					p.Baseline = []workforce.BaselineWTE{{Role: sp.RoleLinkWorker, WTE: workforce.MustParseWTETotal("1")}}
					return p
				}()},
				Staff:  []workforce.StaffMember{splw("B1", "2018-01-01"), splw("S2", "2023-04-01")},
				Claims: []workforce.Claim{claim("S2", "2023-08-01", "3000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "3346.58", "3000.00", "0.00"}},
			findings: []string{"warning workforce.no-weighted-population"},
		},
		{
			name:   "claimed staff within the baseline are not additional",
			reason: "baseline 1 WTE and S2 (1 WTE) is the only link worker: counted WTE 1 − 1 = 0, maximum 0.00",
			in: workforce.Input{
				PCNs: []workforce.PCN{func() workforce.PCN {
					p := pcn()
					p.Baseline = []workforce.BaselineWTE{{Role: sp.RoleLinkWorker, WTE: workforce.MustParseWTETotal("1")}}
					return p
				}()},
				Staff:  []workforce.StaffMember{splw("S2", "2023-04-01")},
				Claims: []workforce.Claim{claim("S2", "2023-08-01", "3000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "0.00", "0.00", "3000.00"}},
			findings: []string{"error workforce.not-additional", "warning workforce.no-weighted-population"},
		},
		{
			name:   "partly additional",
			reason: "baseline 0.4 WTE, S2 1 WTE alone: counted 0.6 WTE, maximum 40,159 × 0.6 ÷ 12 = 2,007.95",
			in: workforce.Input{
				PCNs: []workforce.PCN{func() workforce.PCN {
					p := pcn()
					p.Baseline = []workforce.BaselineWTE{{Role: sp.RoleLinkWorker, WTE: workforce.MustParseWTETotal("0.4")}}
					return p
				}()},
				Staff:  []workforce.StaffMember{splw("S2", "2023-04-01")},
				Claims: []workforce.Claim{claim("S2", "2023-08-01", "3000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "2007.95", "2007.95", "992.05"}},
			findings: []string{"warning workforce.no-weighted-population", "warning workforce.not-additional", "warning workforce.over-maximum"},
		},
		{
			name:   "duplicate claim",
			reason: "two claims for S1 in August 2023: the first (lower amounts first) is allowed 1,000.00, the second nothing",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-08-01", "1100.00", "0.00", "0.00"), claim("S1", "2023-08-01", "1000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"1000.00", "3346.58", "1000.00", "0.00"}, {"1100.00", "3346.58", "0.00", "1100.00"}},
			findings: []string{"error workforce.duplicate-claim", "warning workforce.no-weighted-population"},
		},
		{
			name:   "WTE out of range",
			reason: "a WTE of 1.2 is clamped to 1 for the maximum: 3,346.58, with an error finding",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()},
				Staff:  []workforce.StaffMember{withStaff(splw("S1", "2023-04-01"), func(s *workforce.StaffMember) { s.WTE[0].WTE = wte("1.2") })},
				Claims: []workforce.Claim{claim("S1", "2023-08-01", "4000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"4000.00", "3346.58", "3346.58", "653.42"}},
			findings: []string{"error workforce.wte-out-of-range", "warning workforce.no-weighted-population", "warning workforce.over-maximum"},
		},
		{
			name:   "2019/20 entitlement of one WTE",
			reason: "two full-time link workers in August 2019 at a 40,000-patient PCN: 2 WTE > 1 WTE entitlement; each line 34,113 ÷ 12 = 2,842.75",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2019-07-01"), splw("S2", "2019-07-01")},
				Claims: []workforce.Claim{claim("S1", "2019-08-01", "3000.00", "0.00", "0.00"), claim("S2", "2019-08-01", "2000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"3000.00", "2842.75", "2842.75", "157.25"}, {"2000.00", "2842.75", "2000.00", "0.00"}},
			findings: []string{"error workforce.over-entitlement-2019", "warning workforce.over-maximum"},
		},
		{
			name:   "2019/20 entitlement above 100,000 patients is the caller's",
			reason: "a 120,000-patient PCN without an entitlement: not checked, a warning says so",
			in: workforce.Input{PCNs: []workforce.PCN{{ID: "P1", ListSize: 120000}}, Staff: []workforce.StaffMember{splw("S1", "2019-07-01"), splw("S2", "2019-07-01")},
				Claims: []workforce.Claim{claim("S1", "2019-08-01", "2000.00", "0.00", "0.00"), claim("S2", "2019-08-01", "2000.00", "0.00", "0.00")}},
			rules:    def,
			lines:    []wantLine{{"2000.00", "2842.75", "2000.00", "0.00"}, {"2000.00", "2842.75", "2000.00", "0.00"}},
			findings: []string{"warning workforce.entitlement-unknown"},
		},
		{
			name:   "2019/20 entitlement given by the caller",
			reason: "a 120,000-patient PCN with an entitlement of 2 WTE: two full-time link workers are within it",
			in: workforce.Input{PCNs: []workforce.PCN{{ID: "P1", ListSize: 120000, SPLWEntitlement2019: workforce.MustParseWTETotal("2")}},
				Staff:  []workforce.StaffMember{splw("S1", "2019-07-01"), splw("S2", "2019-07-01")},
				Claims: []workforce.Claim{claim("S1", "2019-08-01", "2000.00", "0.00", "0.00"), claim("S2", "2019-08-01", "2000.00", "0.00", "0.00")}},
			rules: def,
			lines: []wantLine{{"2000.00", "2842.75", "2000.00", "0.00"}, {"2000.00", "2842.75", "2000.00", "0.00"}},
		},
		{
			name:     "unknown member of staff",
			reason:   "a claim for staff not in the input is not audited: no line",
			in:       workforce.Input{PCNs: []workforce.PCN{pcn()}, Claims: []workforce.Claim{claim("S1", "2023-08-01", "1000.00", "0.00", "0.00")}},
			rules:    def,
			findings: []string{"error workforce.unknown-staff"},
		},
		{
			name:   "invalid claim",
			reason: "a claim for the 15th of a month is invalid input and is not audited",
			in: workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-08-15", "1000.00", "0.00", "0.00")}},
			rules:    def,
			findings: []string{"error workforce.claim-not-audited", "error workforce.invalid-input"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rep := workforce.Audit(c.in, c.rules)
			var got []wantLine
			for _, l := range rep.Lines {
				got = append(got, lineOf(l))
			}
			if diff := cmp.Diff(c.lines, got); diff != "" {
				t.Errorf("lines (-want +got):\n%s\nreason: %s", diff, c.reason)
			}
			if diff := cmp.Diff(c.findings, rulesOf(rep.Findings)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nreason: %s\nall: %v", diff, c.reason, rep.Findings)
			}
		})
	}
}

func TestAuditPCNSum(t *testing.T) {
	t.Parallel()
	reason := "2023/24, weighted population 1,000 × 22.671 = 22,671.00. One full-time link worker: April–June 38,187 ÷ 12 = 3,182.25 a month, " +
		"July–March 40,159 ÷ 12 = 3,346.58333 → 3,346.58. Running total: 9,546.75 by June, then 12,893.33, 16,239.91, 19,586.49, 22,933.07 in October > 22,671.00. " +
		"Year allowed 3 × 3,182.25 + 9 × 3,346.58 = 39,665.97; excess 16,994.97; payable 22,671.00"
	p := pcn()
	p.Years = []workforce.PCNYear{{Year: workforce.MustParseFinancialYear("2023/24"),
		WeightedPopulation: workforce.MustParseWeightedPopulation("1000"), SnapshotDate: day("2023-01-01")}}
	in := workforce.Input{PCNs: []workforce.PCN{p}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")}}
	for m := day("2023-04-01"); m.Before(day("2024-04-01")); m = m.AddMonths(1) {
		in.Claims = append(in.Claims, claim("S1", m.String(), "3400.00", "0.00", "0.00"))
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	if len(rep.PCNYears) != 1 {
		t.Fatalf("PCN-years: got %d, want 1", len(rep.PCNYears))
	}
	y := rep.PCNYears[0]
	got := []string{y.Sum.String(), y.Allowed.String(), y.Excess.String(), y.RanOut.String(), y.Payable.String()}
	want := []string{"22671.00", "39665.97", "16994.97", "2023-10-01", "22671.00"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PCN-year (-want +got):\n%s\nreason: %s", diff, reason)
	}
	if rep.Totals.Allowed.String() != "39665.97" || rep.Totals.Payable.String() != "22671.00" {
		t.Errorf("totals: got allowed %s payable %s, want 39665.97 and 22671.00; reason: %s", rep.Totals.Allowed, rep.Totals.Payable, reason)
	}
	var over *workforce.Finding
	for i, f := range rep.Findings {
		if f.Rule == workforce.CodeOverPCNSum {
			over = &rep.Findings[i]
		}
	}
	if over == nil || !strings.Contains(over.Message, "2023-10") || len(over.RuleRows) != 1 || over.PCN != "P1" || over.Year.String() != "2023/24" {
		t.Fatalf("over-pcn-sum finding: got %+v, want one for P1 2023/24 naming 2023-10 and citing one row", over)
	}
	if row, ok := rep.Rule(over.RuleRows[0]); !ok || row.Rate.String() != "22.671" || row.Confidence != sp.ConfidenceHigh || row.Kind != workforce.RuleKindSumRate {
		t.Errorf("over-pcn-sum cites %q: got row %+v, want the 22.671 sum rate of high confidence listed in the report", over.RuleRows[0], row)
	}
}

func TestARRSSumRounding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason, pop, want string
	}{
		{"whole population", "22.671 × 50,000 = 1,133,550.00", "50000", "1133550.00"},
		{"fractional population", "22.671 × 45,123.25 = 1,022,989.20075 → 1,022,989.20", "45123.25", "1022989.20"},
		{"half a penny up", "22.671 × 0.5 = 11.3355 → 11.34 (half-up)", "0.5", "11.34"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := pcn()
			p.Years = []workforce.PCNYear{{Year: workforce.MustParseFinancialYear("2023/24"),
				WeightedPopulation: workforce.MustParseWeightedPopulation(c.pop), SnapshotDate: day("2023-01-01")}}
			in := workforce.Input{PCNs: []workforce.PCN{p}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
				Claims: []workforce.Claim{claim("S1", "2023-08-01", "1.00", "0.00", "0.00")}}
			rep := workforce.Audit(in, workforce.DefaultRules())
			if got := rep.PCNYears[0].Sum.String(); got != c.want {
				t.Errorf("sum: got %s, want %s; reason: %s", got, c.want, c.reason)
			}
		})
	}
}

func TestNoRuleNamesRoleAndDate(t *testing.T) {
	t.Parallel()
	s := splw("S1", "2021-04-01")
	s.Role = sp.RoleCareCoordinator
	in := workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{s},
		Claims: []workforce.Claim{claim("S1", "2022-06-01", "1000.00", "0.00", "0.00")}}
	for _, f := range workforce.Audit(in, workforce.DefaultRules()).Findings {
		if f.Rule == workforce.CodeNoRule && f.Severity == sp.SeverityError {
			if !strings.Contains(f.Message, "care-coordinator") || !strings.Contains(f.Message, "2022-06-01") {
				t.Errorf("no-rule message %q: want it to name the role and the first day without a rule", f.Message)
			}
			return
		}
	}
	t.Errorf("no error no-rule finding for a care coordinator in June 2022 (no confirmed 2022/23 figure)")
}

func TestAuditSourcesCiteRows(t *testing.T) {
	t.Parallel()
	in := workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
		Claims: []workforce.Claim{claim("S1", "2023-07-01", "4000.00", "0.00", "0.00"), claim("S1", "2023-08-01", "4000.00", "0.00", "0.00")}}
	rep := workforce.Audit(in, workforce.DefaultRules())
	const id = "social-prescribing-link-worker 2023-07-01..2024-03-31 default"
	// The row is listed once, with its figure, source and confidence.
	n := 0
	for _, u := range rep.Rules {
		if u.ID == id {
			n++
			if u.AnnualMaximum.String() != "40159.00" || u.Confidence != sp.ConfidenceHigh || u.Source == "" || u.Origin != "default" {
				t.Errorf("rule row %s: got %+v, want 40159.00, high, a source, origin default", id, u)
			}
		}
	}
	if n != 1 {
		t.Errorf("rule row %s listed %d times, want once", id, n)
	}
	over := 0
	for _, f := range rep.Findings {
		if f.Rule != workforce.CodeOverMaximum {
			continue
		}
		over++
		if len(f.RuleRows) != 1 || f.RuleRows[0] != id || f.PCN != "P1" || f.Staff != "S1" || !f.Claim.IsValid() {
			t.Errorf("over-maximum finding %+v: want PCN, staff, claim and row %s", f, id)
		}
	}
	if over != 2 {
		t.Errorf("over-maximum findings: got %d, want 2 in %v", over, rep.Findings)
	}
	for _, l := range rep.Lines {
		if len(l.Rules) != 1 || l.Rules[0] != id || !l.Capped {
			t.Errorf("line %s: rules %v capped %v, want [%s] and capped", l.Claim, l.Rules, l.Capped, id)
		}
	}
}

// TestAuditTotalOutOfRange: every claim is within its cap (£9,999,999.99 a component), but 340,000
// claims of £29,999,999.97 add up to about £10.2 trillion, past what a report can total (under £10
// trillion). Audit must report it as invalid input and audit nothing, not panic.
func TestAuditTotalOutOfRange(t *testing.T) {
	t.Parallel()
	c := claim("S1", "2023-06-01", "9999999.99", "9999999.99", "9999999.99")
	claims := make([]workforce.Claim, 340_000) // 340,000 × £29,999,999.97 ≈ £10.2 trillion
	for i := range claims {
		claims[i] = c
	}
	in := workforce.Input{PCNs: []workforce.PCN{pcn()}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")}, Claims: claims}
	var rep workforce.Report
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Audit panicked: %v", r)
			}
		}()
		rep = workforce.Audit(in, workforce.DefaultRules())
	}()
	found := false
	for _, f := range rep.Findings {
		if f.Rule == workforce.CodeInvalidInput && f.Path == "/claims" {
			found = true
		}
	}
	if !found {
		t.Errorf("no invalid-input finding at /claims for claims totalling more than a report can hold")
	}
	if len(rep.Lines) != 0 {
		t.Errorf("%d lines audited, want none", len(rep.Lines))
	}
}

// TestAuditSnapshotMismatch: the 2023/24 ARRS sum is calculated on the weighted population at
// 1 January 2023 (NHS England, Network Contract DES 2023/24; SOURCES.md#arrs-sum; high); a population
// given at another date is still used, with a warning naming both dates. At the right date there is
// no warning.
func TestAuditSnapshotMismatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, reason string
		snapshot     string
		want         bool
	}{
		{"same date", "1 January 2023 is the 2023/24 snapshot date", "2023-01-01", false},
		{"other date", "1 April 2023 is not the 2023/24 snapshot date", "2023-04-01", true},
	} {
		p := pcn()
		p.Years = []workforce.PCNYear{{Year: workforce.MustParseFinancialYear("2023/24"),
			WeightedPopulation: workforce.MustParseWeightedPopulation("1000"), SnapshotDate: day(tc.snapshot)}}
		in := workforce.Input{PCNs: []workforce.PCN{p}, Staff: []workforce.StaffMember{splw("S1", "2023-04-01")},
			Claims: []workforce.Claim{claim("S1", "2023-04-01", "3000.00", "0.00", "0.00")}}
		got := false
		for _, f := range workforce.Audit(in, workforce.DefaultRules()).Findings {
			if f.Rule == workforce.CodeSnapshotMismatch {
				got = f.Severity == sp.SeverityWarning && strings.Contains(f.Message, tc.snapshot) && strings.Contains(f.Message, "2023-01-01")
			}
		}
		if got != tc.want {
			t.Errorf("%s: snapshot-date-mismatch warning = %v, want %v (%s)", tc.name, got, tc.want, tc.reason)
		}
	}
}
