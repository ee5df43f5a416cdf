package workforce_test

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"pgregory.net/rapid"
)

// refResult is the reference's whole calculation of a person-month.
type refResult struct {
	maximum, exact, subCap, counted *big.Rat
	daysInPost                      int
	noRule                          bool // a day in post has no rule row: the maximum is not known
}

// refLineFull is the slow, obviously correct calculation of one person-month: walk every day of the
// month in big.Rat, with no shared code with the engine beyond the rule lookup.
func refLineFull(rules workforce.Rules, s workforce.StaffMember, c workforce.Claim, absorbed *big.Rat) refResult {
	dim := c.Month.DaysInMonth()
	maximum := new(big.Rat)
	subCap := new(big.Rat)
	inPost := 0
	noRule := false
	for i := 0; i < dim; i++ {
		d := c.Month.AddDays(i)
		if d.Before(s.Start) || (s.End.IsValid() && d.After(s.End)) {
			continue
		}
		inPost++
		var w workforce.WTE
		for _, p := range s.WTE {
			if !p.From.After(d) {
				w = p.WTE
			}
		}
		wr := new(big.Rat).SetFrac64(int64(w.TenThousandths()), 10000)
		if wr.Cmp(big.NewRat(1, 1)) > 0 {
			wr.SetInt64(1)
		}
		if s.Cover != nil {
			a := new(big.Rat).SetFrac64(int64(s.Cover.AbsentWTE.TenThousandths()), 10000)
			if wr.Cmp(a) > 0 {
				wr = a
			}
		}
		wr = new(big.Rat).Sub(wr, absorbed)
		if wr.Sign() < 0 {
			wr.SetInt64(0)
		}
		row, ok := rules.RoleRateOn(s.Role, d)
		noRule = noRule || !ok
		if ok {
			// annual × WTE ÷ 12 ÷ days in month, in pounds
			part := new(big.Rat).Mul(new(big.Rat).SetFrac64(row.AnnualMaximum.Pence(), 100), wr)
			part.Quo(part, big.NewRat(int64(12*dim), 1))
			maximum.Add(maximum, part)
		}
		if srow, ok := rules.SubcontractRateOn(d); ok {
			// annual cap × WTE ÷ 12 ÷ days in month, in pounds
			sub := new(big.Rat).Mul(new(big.Rat).SetFrac64(srow.AnnualMaximum.Pence(), 100), wr)
			sub.Quo(sub, big.NewRat(int64(12*dim), 1))
			subCap.Add(subCap, sub)
		}
	}
	costs := new(big.Rat).SetFrac64(c.Salary.Pence()+c.EmployerNationalInsurance.Pence()+c.EmployerPension.Pence(), 100)
	if s.Employment == workforce.EmploymentSubcontracted {
		sub := new(big.Rat).SetFrac64(c.SubcontractContribution.Pence(), 100)
		if sub.Cmp(subCap) > 0 {
			sub = subCap
		}
		costs.Add(costs, sub)
	}
	exact := costs
	if maximum.Cmp(costs) < 0 {
		exact = new(big.Rat).Set(maximum)
	}
	return refResult{maximum: maximum, exact: exact, subCap: subCap, counted: costs, daysInPost: inPost, noRule: noRule}
}

// fromParts re-derives a line's maximum and subcontract cap from its parts alone, as an auditor
// reading the report would: Σ annual × WTE × days ÷ (12 × days in the month).
func fromParts(l workforce.Line) (maximum, subCap *big.Rat, days int) {
	maximum, subCap = new(big.Rat), new(big.Rat)
	den := big.NewRat(int64(12*l.DaysInMonth), 1)
	for _, p := range l.Parts {
		w := new(big.Rat).SetFrac(p.WTE.Decimal().Coefficient(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-p.WTE.Decimal().Exponent())), nil))
		days += p.Days
		if got := p.From.DaysUntil(p.To) + 1; got != p.Days {
			days = -1000 // a part whose days do not match its dates
		}
		if p.Rule != "" {
			x := new(big.Rat).Mul(new(big.Rat).SetFrac64(p.AnnualMaximum.Pence(), 100), w)
			x.Mul(x, big.NewRat(int64(p.Days), 1))
			maximum.Add(maximum, x.Quo(x, den))
		}
		if p.SubcontractRule != "" {
			x := new(big.Rat).Mul(new(big.Rat).SetFrac64(p.SubcontractAnnualMaximum.Pence(), 100), w)
			x.Mul(x, big.NewRat(int64(p.Days), 1))
			subCap.Add(subCap, x.Quo(x, den))
		}
	}
	return maximum, subCap, days
}

// refWTEOn is the WTE counted for s on day d (0 when not in post), clamped to 1 and limited to the
// absent WTE for cover.
func refWTEOn(s workforce.StaffMember, d sp.Date) *big.Rat {
	if d.Before(s.Start) || (s.End.IsValid() && d.After(s.End)) {
		return new(big.Rat)
	}
	var w workforce.WTE
	for _, p := range s.WTE {
		if !p.From.After(d) {
			w = p.WTE
		}
	}
	wr := new(big.Rat).SetFrac64(int64(min(w.TenThousandths(), 10000)), 10000)
	if s.Cover != nil {
		if a := new(big.Rat).SetFrac64(int64(s.Cover.AbsentWTE.TenThousandths()), 10000); wr.Cmp(a) > 0 {
			wr = a
		}
	}
	return wr
}

// refAbsorbed is how much of s's WTE in month falls within its PCN's baseline, as the package
// documents it: the baseline is taken first by the PCN's staff in the role not claimed for in the
// month, then by those claimed for, each group by first day in post then ID, each taking up to the
// most WTE it works on any day of the month.
func refAbsorbed(in workforce.Input, s workforce.StaffMember, month sp.Date) *big.Rat {
	left := new(big.Rat)
	for _, p := range in.PCNs {
		if p.ID != s.PCN {
			continue
		}
		for _, b := range p.Baseline {
			if b.Role == s.Role {
				left.SetFrac(b.WTE.Decimal().Coefficient(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-b.WTE.Decimal().Exponent())), nil))
			}
		}
	}
	claimed := map[string]bool{}
	for _, c := range in.Claims {
		if c.PCN == s.PCN && c.Month == month {
			claimed[c.Staff] = true
		}
	}
	var group []workforce.StaffMember
	for _, o := range in.Staff {
		if o.PCN == s.PCN && o.Role == s.Role {
			group = append(group, o)
		}
	}
	slices.SortFunc(group, func(x, y workforce.StaffMember) int {
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	for _, pass := range []bool{false, true} {
		for _, o := range group {
			if claimed[o.ID] != pass {
				continue
			}
			most := new(big.Rat)
			for i := 0; i < month.DaysInMonth(); i++ {
				if w := refWTEOn(o, month.AddDays(i)); w.Cmp(most) > 0 {
					most = w
				}
			}
			take := most
			if left.Cmp(take) < 0 {
				take = new(big.Rat).Set(left)
			}
			if o.ID == s.ID {
				return take
			}
			left.Sub(left, take)
		}
	}
	return new(big.Rat)
}

// penniesHalfUp rounds pounds r (≥ 0) to whole pence, half-up: floor(100r + 1/2).
func penniesHalfUp(r *big.Rat) int64 {
	x := new(big.Rat).Mul(r, big.NewRat(100, 1))
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom()) // floor for non-negative
	return q.Int64()
}

// Generators.

func genDate(from, to sp.Date) *rapid.Generator[sp.Date] {
	return rapid.Custom(func(t *rapid.T) sp.Date {
		return from.AddDays(rapid.IntRange(0, from.DaysUntil(to)).Draw(t, "day"))
	})
}

func genWTE() *rapid.Generator[workforce.WTE] {
	return rapid.Custom(func(t *rapid.T) workforce.WTE {
		w, _ := workforce.WTEFromTenThousandths(rapid.IntRange(1, 10000).Draw(t, "wte"))
		return w
	})
}

func genMoney(maxPence int64) *rapid.Generator[workforce.Money] {
	return rapid.Custom(func(t *rapid.T) workforce.Money {
		return workforce.MoneyFromPence(rapid.Int64Range(0, maxPence).Draw(t, "pence"))
	})
}

func genStaff(id, pcnID string) *rapid.Generator[workforce.StaffMember] {
	return rapid.Custom(func(t *rapid.T) workforce.StaffMember {
		start := genDate(day("2019-07-01"), day("2024-02-01")).Draw(t, "start")
		s := workforce.StaffMember{ID: id, PCN: pcnID,
			Role:       rapid.SampledFrom([]sp.Role{sp.RoleLinkWorker, sp.RoleCareCoordinator}).Draw(t, "role"),
			Employment: rapid.SampledFrom(workforce.Employments()).Draw(t, "employment"),
			Start:      start,
			WTE:        []workforce.WTEPeriod{{From: start, WTE: genWTE().Draw(t, "wte0")}},
		}
		from := start
		for i := range rapid.IntRange(0, 3).Draw(t, "changes") {
			from = from.AddDays(rapid.IntRange(1, 120).Draw(t, "gap"))
			s.WTE = append(s.WTE, workforce.WTEPeriod{From: from, WTE: genWTE().Draw(t, fmt.Sprint("wte", i+1))})
		}
		if rapid.Bool().Draw(t, "leaves") {
			s.End = start.AddDays(rapid.IntRange(0, 900).Draw(t, "tenure"))
		}
		if rapid.IntRange(0, 4).Draw(t, "cover") == 0 {
			s.Cover = &workforce.Cover{AbsentWTE: genWTE().Draw(t, "absent")}
		}
		return s
	})
}

func genClaim(s workforce.StaffMember) *rapid.Generator[workforce.Claim] {
	return rapid.Custom(func(t *rapid.T) workforce.Claim {
		m := genDate(s.Start.AddMonths(-1), s.Start.AddMonths(14)).Draw(t, "month").FirstOfMonth()
		c := workforce.Claim{PCN: s.PCN, Staff: s.ID, Month: m,
			Salary:                    genMoney(400_000).Draw(t, "salary"),
			EmployerNationalInsurance: genMoney(60_000).Draw(t, "ni"),
			EmployerPension:           genMoney(80_000).Draw(t, "pension"),
		}
		if s.Employment == workforce.EmploymentSubcontracted && rapid.Bool().Draw(t, "sub") {
			c.SubcontractContribution = genMoney(30_000).Draw(t, "contribution")
		}
		return c
	})
}

// genRules is the default ruleset, sometimes with a loaded row that starts mid-month.
func genRules() *rapid.Generator[workforce.Rules] {
	return rapid.Custom(func(t *rapid.T) workforce.Rules {
		r := workforce.DefaultRules()
		if rapid.Bool().Draw(t, "override") {
			from := genDate(day("2019-07-01"), day("2024-12-31")).Draw(t, "from")
			to := from.AddDays(rapid.IntRange(0, 400).Draw(t, "len"))
			tb := workforce.RuleTable{RoleRates: []workforce.RoleRate{{
				Role: rapid.SampledFrom(sp.ARRSRoles()).Draw(t, "role"), From: from, To: to,
				AnnualMaximum: workforce.MoneyFromPence(rapid.Int64Range(1, 6_000_000).Draw(t, "annual")),
				Source:        "generated", Confidence: sp.ConfidenceHigh}}}
			if rapid.Bool().Draw(t, "overrideSubcontract") {
				sf := genDate(day("2019-07-01"), day("2025-12-31")).Draw(t, "subFrom")
				tb.SubcontractRates = []workforce.SubcontractRate{{From: sf, To: sf.AddDays(rapid.IntRange(0, 400).Draw(t, "subLen")),
					AnnualMaximum: workforce.MoneyFromPence(rapid.Int64Range(1, 1_000_000).Draw(t, "subAnnual")),
					Source:        "generated", Confidence: sp.ConfidenceHigh}}
			}
			var err error
			if r, err = r.Override(tb, "gen"); err != nil {
				t.Fatalf("Override: %v", err)
			}
		}
		return r
	})
}

type scenario struct {
	in    workforce.Input
	rules workforce.Rules
}

// genScenario builds valid inputs, a third of the PCNs with a baseline.
func genScenario() *rapid.Generator[scenario] {
	return rapid.Custom(func(t *rapid.T) scenario {
		var in workforce.Input
		for p := range rapid.IntRange(1, 3).Draw(t, "pcns") {
			id := fmt.Sprintf("P%d", p)
			p := workforce.PCN{ID: id, ListSize: 40000}
			if rapid.IntRange(0, 2).Draw(t, "hasBaseline") == 0 {
				p.Baseline = []workforce.BaselineWTE{{Role: rapid.SampledFrom([]sp.Role{sp.RoleLinkWorker, sp.RoleCareCoordinator}).Draw(t, "baselineRole"),
					WTE: workforce.MustParseWTETotal(rapid.SampledFrom([]string{"0.5", "1", "1.25", "0.0001"}).Draw(t, "baselineWTE"))}}
			}
			in.PCNs = append(in.PCNs, p)
			for s := range rapid.IntRange(1, 4).Draw(t, "staff") {
				st := genStaff(fmt.Sprintf("%s-S%d", id, s), id).Draw(t, "member")
				in.Staff = append(in.Staff, st)
				for range rapid.IntRange(0, 4).Draw(t, "claims") {
					in.Claims = append(in.Claims, genClaim(st).Draw(t, "claim"))
				}
			}
		}
		return scenario{in: in, rules: genRules().Draw(t, "rules")}
	})
}

func staffByID(in workforce.Input) map[string]workforce.StaffMember {
	m := map[string]workforce.StaffMember{}
	for _, s := range in.Staff {
		m[s.ID] = s
	}
	return m
}

// TestAuditMatchesReference checks the engine against the big.Rat reference to the penny, and that
// every line is within half a penny of the exact value.
func TestAuditMatchesReference(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario().Draw(t, "scenario")
		rep := workforce.Audit(sc.in, sc.rules)
		staff := staffByID(sc.in)
		seen := map[string]bool{}
		for _, l := range rep.Lines {
			key := l.Staff + l.Month.String()
			if seen[key] {
				if l.Allowed.Pence() != 0 {
					t.Fatalf("duplicate line %s allowed %s, want 0.00", key, l.Allowed)
				}
				continue
			}
			seen[key] = true
			// The line points at its claim in the input.
			idx, ok := l.Claim.Index()
			if !ok || idx >= len(sc.in.Claims) {
				t.Fatalf("line %s %s points at claim %q, not in the input", l.Staff, l.Month, l.Claim)
			}
			c := sc.in.Claims[idx]
			if c.PCN != l.PCN || c.Staff != l.Staff || c.Month != l.Month ||
				c.Salary.Add(c.EmployerNationalInsurance).Add(c.EmployerPension).Add(c.SubcontractContribution) != l.Claimed {
				t.Fatalf("line %s %s points at %s, a claim for %s %s of other amounts", l.Staff, l.Month, l.Claim, c.Staff, c.Month)
			}
			ref := refLineFull(sc.rules, staff[l.Staff], c, refAbsorbed(sc.in, staff[l.Staff], l.Month))
			maxR, exact := ref.maximum, ref.exact
			// The line explains itself: its parts re-derive the exact maximum and contribution cap.
			pm, ps, days := fromParts(l)
			if pm.Cmp(maxR) != 0 {
				t.Fatalf("%s %s: the parts give a maximum of %s, the reference %s", l.Staff, l.Month, pm.FloatString(6), maxR.FloatString(6))
			}
			if days != ref.daysInPost || l.DaysInPost != ref.daysInPost || l.DaysInMonth != l.Month.DaysInMonth() {
				t.Fatalf("%s %s: days in post %d (parts %d), reference %d", l.Staff, l.Month, l.DaysInPost, days, ref.daysInPost)
			}
			if staff[l.Staff].Employment == workforce.EmploymentSubcontracted && c.SubcontractContribution.Pence() > 0 {
				if ps.Cmp(ref.subCap) != 0 || l.SubcontractCap.Pence() != penniesHalfUp(ref.subCap) {
					t.Fatalf("%s %s: contribution cap %s (parts %s), reference %s", l.Staff, l.Month, l.SubcontractCap, ps.FloatString(6), ref.subCap.FloatString(6))
				}
			}
			if l.NoRule != ref.noRule || l.NotInPost != (ref.daysInPost == 0) {
				t.Fatalf("%s %s: noRule %v notInPost %v, but the reference finds noRule %v and %d days in post", l.Staff, l.Month, l.NoRule, l.NotInPost, ref.noRule, ref.daysInPost)
			}
			// A maximum that is not known caps nothing.
			if l.Capped != (ref.counted.Cmp(maxR) > 0 && !ref.noRule && ref.daysInPost > 0) {
				t.Fatalf("%s %s: capped %v, but the reference counts %s against a maximum of %s", l.Staff, l.Month, l.Capped, ref.counted.FloatString(4), maxR.FloatString(4))
			}
			if l.Costs.Add(l.SubcontractClaimed).Pence() != l.Claimed.Pence() && l.SubcontractClaimed.IsValid() {
				t.Fatalf("%s %s: claimed %s is not costs %s + contribution %s", l.Staff, l.Month, l.Claimed, l.Costs, l.SubcontractClaimed)
			}
			if got, want := l.Maximum.Pence(), penniesHalfUp(maxR); got != want {
				t.Fatalf("%s %s maximum: got %d pence, reference %d (exact %s)", l.Staff, l.Month, got, want, maxR.FloatString(6))
			}
			if got, want := l.Allowed.Pence(), penniesHalfUp(exact); got != want {
				t.Fatalf("%s %s allowed: got %d pence, reference %d (exact %s)", l.Staff, l.Month, got, want, exact.FloatString(6))
			}
			diff := new(big.Rat).Sub(new(big.Rat).SetFrac64(l.Allowed.Pence(), 100), exact)
			if diff.Abs(diff).Cmp(big.NewRat(1, 200)) > 0 {
				t.Fatalf("%s %s allowed %s is more than half a penny from %s", l.Staff, l.Month, l.Allowed, exact.FloatString(6))
			}
		}
	})
}

func TestAuditProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario().Draw(t, "scenario")
		rep := workforce.Audit(sc.in, sc.rules)
		if err := rep.Validate(); err != nil {
			t.Fatalf("the report does not validate: %v", err)
		}
		var claimed, allowed, diff int64
		for _, l := range rep.Lines {
			if l.Allowed.Cmp(l.Claimed) > 0 {
				t.Fatalf("allowed %s > claimed %s", l.Allowed, l.Claimed)
			}
			if l.Allowed.Cmp(l.Maximum) > 0 {
				t.Fatalf("allowed %s > maximum %s", l.Allowed, l.Maximum)
			}
			if l.Allowed.Pence() < 0 {
				t.Fatalf("allowed %s < 0", l.Allowed)
			}
			if l.Claimed.Sub(l.Allowed) != l.Difference {
				t.Fatalf("difference %s != claimed %s − allowed %s", l.Difference, l.Claimed, l.Allowed)
			}
			claimed += l.Claimed.Pence()
			allowed += l.Allowed.Pence()
			diff += l.Difference.Pence()
		}
		tot := rep.Totals
		if tot.Claimed.Pence() != claimed || tot.Allowed.Pence() != allowed || tot.Difference.Pence() != diff || tot.Lines != len(rep.Lines) {
			t.Fatalf("totals %+v are not the sums of the lines (%d, %d, %d)", tot, claimed, allowed, diff)
		}
		var yAllowed, yExcess int64
		for _, y := range rep.PCNYears {
			yAllowed += y.Allowed.Pence()
			yExcess += y.Excess.Pence()
		}
		if yAllowed != allowed || yExcess != tot.Excess.Pence() || tot.Payable.Pence() != allowed-yExcess {
			t.Fatalf("PCN-years do not reconcile: allowed %d vs %d, excess %d vs %s", yAllowed, allowed, yExcess, tot.Excess)
		}
	})
}

// shuffle returns a copy of xs in an order drawn by t.
func shuffle[T any](t *rapid.T, xs []T, label string) []T {
	out := append([]T(nil), xs...)
	for i := len(out) - 1; i > 0; i-- {
		j := rapid.IntRange(0, i).Draw(t, label)
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func TestAuditIndependentOfInputOrder(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario().Draw(t, "scenario")
		// Add a baseline and a weighted population so every path runs.
		for i := range sc.in.PCNs {
			sc.in.PCNs[i].Baseline = []workforce.BaselineWTE{{Role: sp.RoleLinkWorker, WTE: workforce.MustParseWTETotal("0.5")}}
			sc.in.PCNs[i].Years = []workforce.PCNYear{{Year: workforce.MustParseFinancialYear("2023/24"),
				WeightedPopulation: workforce.MustParseWeightedPopulation("2000"), SnapshotDate: day("2023-01-01")}}
		}
		a, err := withoutClaimRefs(workforce.Audit(sc.in, sc.rules)).JSON()
		if err != nil {
			t.Fatal(err)
		}
		shuffled := workforce.Input{PCNs: shuffle(t, sc.in.PCNs, "p"), Staff: shuffle(t, sc.in.Staff, "s"), Claims: shuffle(t, sc.in.Claims, "c")}
		b, err := withoutClaimRefs(workforce.Audit(shuffled, sc.rules)).JSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatalf("report depends on input order")
		}
	})
}

// withoutClaimRefs points every line and finding of rep at claim 0 and sorts the findings again:
// the claims' positions are the one part of a report that depends on the order of the input.
func withoutClaimRefs(rep workforce.Report) workforce.Report {
	for i := range rep.Lines {
		rep.Lines[i].Claim = workforce.ClaimAt(0)
	}
	for i := range rep.Findings {
		if rep.Findings[i].Claim.IsValid() {
			rep.Findings[i].Claim = workforce.ClaimAt(0)
		}
	}
	slices.SortFunc(rep.Findings, workforce.CompareFindings)
	return rep
}

// single builds a one-staff, one-claim input.
func single(s workforce.StaffMember, c workforce.Claim) workforce.Input {
	return workforce.Input{PCNs: []workforce.PCN{{ID: s.PCN, ListSize: 40000}}, Staff: []workforce.StaffMember{s}, Claims: []workforce.Claim{c}}
}

func TestAllowedMonotonicInWTE(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genStaff("S1", "P1").Draw(t, "staff")
		s.Cover = nil
		c := genClaim(s).Draw(t, "claim")
		rules := genRules().Draw(t, "rules")
		i := rapid.IntRange(0, len(s.WTE)-1).Draw(t, "period")
		lo := workforce.Audit(single(s, c), rules).Lines[0].Allowed
		more := s
		more.WTE = append([]workforce.WTEPeriod(nil), s.WTE...)
		up := min(10000, more.WTE[i].WTE.TenThousandths()+rapid.IntRange(1, 5000).Draw(t, "more"))
		more.WTE[i].WTE, _ = workforce.WTEFromTenThousandths(up)
		hi := workforce.Audit(single(more, c), rules).Lines[0].Allowed
		if hi.Cmp(lo) < 0 {
			t.Fatalf("raising a WTE from %s to %s lowered allowed from %s to %s", s.WTE[i].WTE, more.WTE[i].WTE, lo, hi)
		}
	})
}

func TestAllowedMonotonicInDaysInPost(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genStaff("S1", "P1").Draw(t, "staff")
		c := genClaim(s).Draw(t, "claim")
		rules := genRules().Draw(t, "rules")
		lo := workforce.Audit(single(s, c), rules).Lines[0].Allowed
		// In post longer: start earlier (the first WTE period moves with it) and stay longer.
		longer := s
		longer.WTE = append([]workforce.WTEPeriod(nil), s.WTE...)
		longer.Start = s.Start.AddDays(-rapid.IntRange(0, 40).Draw(t, "earlier"))
		longer.WTE[0].From = longer.Start
		if s.End.IsValid() && rapid.Bool().Draw(t, "stays") {
			longer.End = sp.Date{}
		}
		hi := workforce.Audit(single(longer, c), rules).Lines[0].Allowed
		if hi.Cmp(lo) < 0 {
			t.Fatalf("more days in post lowered allowed from %s to %s", lo, hi)
		}
	})
}
