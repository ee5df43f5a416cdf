package workforce

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// claimAt is a claim to audit with its index in the input.
type claimAt struct {
	c *Claim
	i int
}

// auditor holds the state of one Audit call.
type auditor struct {
	rules    Rules
	roleIDs  []string // ID of each role row
	subIDs   []string // ID of each subcontract row
	usedRole []bool
	usedSub  []bool
	usedSum  []bool
	usedEnt  []bool
	lastRow  int // the rule row the last part used, tried first for the next
	pcn      map[string]*PCN
	staff    map[string]*StaffMember
	byPCN    map[string][]*StaffMember // staff per PCN, sorted by start then ID
	find     []Finding
	idPool   []string // backing store for Line.Rules
	partPool []Part   // backing store for Line.Parts
	warned   map[string]bool
}

// lineFinding adds a finding about one claim.
func (a *auditor) lineFinding(sev sp.Severity, code string, c claimAt, rows []string, msg string) {
	a.find = append(a.find, Finding{Rule: code, Severity: sev, PCN: c.c.PCN, Staff: c.c.Staff, Month: c.c.Month,
		Claim: ClaimAt(c.i), RuleRows: rows, Message: msg})
}

// once adds f only the first time key is seen.
func (a *auditor) once(key string, f Finding) {
	if a.warned[key] {
		return
	}
	a.warned[key] = true
	a.find = append(a.find, f)
}

// Audit audits claims under rules and returns the report. It never fails: what is wrong with the
// input is reported as findings ([CodeInvalidInput] with a JSON Pointer into the input, and
// [CodeNotAudited] for each claim that cannot be audited).
//
// Per person-month the engine works exactly, in whole pence and rationals: the month is cut into
// parts at every change of WTE or rule row and at the days in post; each part's maximum is annual
// maximum × WTE × days ÷ (12 × days in the month); the month's maximum is the exact sum of its parts.
// The allowed amount is min(salary + employer NI + employer pension + subcontract contribution (at
// most the [SubcontractRate] row's annual cap × WTE ÷ 12 × the same fraction, subcontracted staff
// only), maximum), rounded once, half-up, to the penny. A cover post counts only the absent WTE, and
// WTE within the PCN's 31 March 2019 baseline in the role does not count (the baseline is taken by
// the PCN's staff in the role not claimed for that month first, then by the longest-serving, then by
// ID). Each [Line] carries its parts, days and amounts, so that every figure can be re-derived.
//
// Per PCN and year, the lines are not cut: their allowed total plus what was claimed for other roles
// is compared with the ARRS sum (rate × weighted population, rounded half-up to the penny), and the
// excess is reported with the month in which the sum ran out. Where an [Entitlement] row covers a
// month (2019/20 for link workers), the WTE claimed in the role is checked against it instead.
//
// Lines and findings point at their claim in the input ("/claims/N"); apart from those pointers the
// report does not depend on the order of the input. Audit is safe for concurrent use.
func Audit(in Input, rules Rules) Report {
	a := &auditor{
		rules:    rules,
		pcn:      make(map[string]*PCN, len(in.PCNs)),
		staff:    make(map[string]*StaffMember, len(in.Staff)),
		byPCN:    make(map[string][]*StaffMember, len(in.PCNs)),
		warned:   map[string]bool{},
		lastRow:  -1,
		usedRole: make([]bool, len(rules.role)),
		usedSub:  make([]bool, len(rules.sub)),
		usedSum:  make([]bool, len(rules.sum)),
		usedEnt:  make([]bool, len(rules.ent)),
	}
	a.roleIDs = make([]string, len(rules.role))
	for i, r := range rules.role {
		a.roleIDs[i] = r.ID()
	}
	a.subIDs = make([]string, len(rules.sub))
	for i, r := range rules.sub {
		a.subIDs[i] = r.ID()
	}

	// 1. Validation: report, and set aside what cannot be audited.
	badClaim := map[int]bool{}
	badStaff := map[string]bool{}
	badPCN := map[string]bool{}
	if err := in.validateForAudit(); err != nil {
		var ve *sp.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				kind, idx := splitPath(fe.Path)
				switch kind {
				case "staff":
					if in.undecoded.skip("staff", idx) {
						if id := in.undecoded.staff[idx]; id != "" {
							badStaff[id] = true
						}
						break
					}
					if fe.Rule == "wte" && !strings.Contains(fe.Path, "/cover/") {
						continue // reported per line as CodeWTEOutOfRange
					}
					if idx >= 0 {
						badStaff[in.Staff[idx].ID] = true
					}
				case "claims":
					if idx >= 0 {
						badClaim[idx] = true
					} else {
						// A rule about the claims as a whole (their total): audit none of them.
						for i := range in.Claims {
							badClaim[i] = true
						}
					}
				case "pcns":
					if in.undecoded.skip("pcns", idx) {
						if id := in.undecoded.pcns[idx]; id != "" {
							badPCN[id] = true
						}
					} else if idx >= 0 {
						badPCN[in.PCNs[idx].ID] = true
					}
				}
				a.find = append(a.find, Finding{Rule: CodeInvalidInput, Severity: sp.SeverityError,
					Path: fe.Path, Message: fe.Rule + ": " + errMessage(fe.Err)})
			}
		}
	}
	for i := range in.PCNs {
		p := &in.PCNs[i]
		if in.undecoded.skip("pcns", i) {
			continue
		}
		if _, dup := a.pcn[p.ID]; !dup && !badPCN[p.ID] {
			a.pcn[p.ID] = p
		}
	}
	for i := range in.Staff {
		s := &in.Staff[i]
		if _, dup := a.staff[s.ID]; dup || badStaff[s.ID] || in.undecoded.skip("staff", i) {
			continue
		}
		a.staff[s.ID] = s
		a.byPCN[s.PCN] = append(a.byPCN[s.PCN], s)
	}
	for _, list := range a.byPCN {
		slices.SortFunc(list, func(x, y *StaffMember) int {
			if c := x.Start.Compare(y.Start); c != 0 {
				return c
			}
			return cmp.Compare(x.ID, y.ID)
		})
	}

	// 2. The claims to audit, in a canonical order independent of the input's.
	order := make([]claimAt, 0, len(in.Claims))
	for i := range in.Claims {
		c := claimAt{&in.Claims[i], i}
		if badClaim[i] {
			a.find = append(a.find, Finding{Rule: CodeNotAudited, Severity: sp.SeverityError, Claim: ClaimAt(i),
				Path: "/claims/" + validation.Itoa(i), Message: "the claim is invalid and is not audited"})
			continue
		}
		s, ok := a.staff[c.c.Staff]
		if !ok {
			if badStaff[c.c.Staff] {
				a.lineFinding(sp.SeverityError, CodeNotAudited, c, nil, "the member of staff is invalid; the claim is not audited")
			} else {
				a.lineFinding(sp.SeverityError, CodeUnknownStaff, c, nil, "the member of staff is not in the input; the claim is not audited")
			}
			continue
		}
		if s.PCN != c.c.PCN {
			a.lineFinding(sp.SeverityError, CodePCNMismatch, c, nil, "the claim's PCN is not the member of staff's PCN; the claim is not audited")
			continue
		}
		order = append(order, c)
	}
	if !slices.IsSortedFunc(order, compareClaims) {
		slices.SortStableFunc(order, compareClaims)
	}

	rep := Report{
		LibraryVersion: LibraryVersion,
		RulesetDigest:  rules.Digest(),
		Rounding:       Rounding,
		Lines:          make([]Line, 0, len(order)),
		PCNYears:       []PCNYearSummary{},
		StaffTotals:    []StaffTotal{},
		MonthTotals:    []MonthTotal{},
	}
	a.idPool = make([]string, 0, len(order)+len(order)/8+4)
	a.partPool = make([]Part, 0, len(order)+len(order)/4+4)

	// 3. Lines, PCN by PCN (each PCN's claims are together, by staff then month).
	var totClaimed, totAllowed int64
	capped, noRule, notInPost := 0, 0, 0
	for g := 0; g < len(order); {
		h := g + 1
		for h < len(order) && order[h].c.PCN == order[g].c.PCN {
			h++
		}
		block := order[g:h]
		pcnID := block[0].c.PCN
		years := map[FinancialYear]*pcnYearAcc{}
		months := map[sp.Date]*Subtotal{}
		var absorbCache map[sp.Date]map[string]int64
		if p := a.pcn[pcnID]; p != nil && len(p.Baseline) > 0 {
			absorbCache = map[sp.Date]map[string]int64{}
		}
		for i, c := range block {
			s := a.staff[c.c.Staff]
			dup := i > 0 && block[i-1].c.Staff == c.c.Staff && block[i-1].c.Month == c.c.Month
			var absorbed int64
			if absorbCache != nil {
				m, ok := absorbCache[c.c.Month]
				if !ok {
					m = a.absorb(pcnID, c.c.Month, block)
					absorbCache[c.c.Month] = m
				}
				absorbed = m[s.ID]
			}
			ln, wd := a.line(c, s, absorbed, dup)
			rep.Lines = append(rep.Lines, ln)
			switch {
			case ln.Capped:
				capped++
			case ln.NoRule:
				noRule++
			}
			if ln.NotInPost {
				notInPost++
			}
			totClaimed += ln.Claimed.pence
			totAllowed += ln.Allowed.pence
			if n := len(rep.StaffTotals); n == 0 || rep.StaffTotals[n-1].PCN != ln.PCN || rep.StaffTotals[n-1].Staff != ln.Staff {
				rep.StaffTotals = append(rep.StaffTotals, StaffTotal{PCN: ln.PCN, Staff: ln.Staff, Role: ln.Role, Subtotal: zeroSubtotal()})
			}
			rep.StaffTotals[len(rep.StaffTotals)-1].add(&ln)
			mt := months[c.c.Month]
			if mt == nil {
				st := zeroSubtotal()
				mt = &st
				months[c.c.Month] = mt
			}
			mt.add(&ln)
			year := FinancialYearOf(c.c.Month)
			acc := years[year]
			if acc == nil {
				acc = a.openYear(pcnID, year)
				years[year] = acc
			}
			mi := monthIndex(c.c.Month)
			acc.lines++
			acc.claimed += ln.Claimed.pence
			acc.allowed += ln.Allowed.pence
			acc.month[mi] += ln.Allowed.pence
			if acc.ent != nil && !dup {
				if m := acc.ent[s.Role]; m != nil {
					m[mi] += wd
				}
			}
		}
		mkeys := make([]sp.Date, 0, len(months))
		for m := range months {
			mkeys = append(mkeys, m)
		}
		slices.SortFunc(mkeys, sp.Date.Compare)
		for _, m := range mkeys {
			rep.MonthTotals = append(rep.MonthTotals, MonthTotal{PCN: pcnID, Month: m, Subtotal: *months[m]})
		}
		keys := make([]FinancialYear, 0, len(years))
		for y := range years {
			keys = append(keys, y)
		}
		slices.SortFunc(keys, FinancialYear.Compare)
		for _, y := range keys {
			rep.PCNYears = append(rep.PCNYears, a.closeYear(years[y]))
		}
		g = h
	}

	var totExcess int64
	for _, y := range rep.PCNYears {
		totExcess += y.Excess.pence
	}
	rep.Findings = sortFindings(a.find)
	rep.Totals = Totals{
		Lines:      len(rep.Lines),
		Capped:     capped,
		NoRule:     noRule,
		NotInPost:  notInPost,
		Claimed:    MoneyFromPence(totClaimed),
		Allowed:    MoneyFromPence(totAllowed),
		Difference: MoneyFromPence(totClaimed - totAllowed),
		Excess:     MoneyFromPence(totExcess),
		Payable:    MoneyFromPence(totAllowed - totExcess),
	}
	codes := map[string]bool{}
	for i := range rep.Findings {
		switch rep.Findings[i].Severity {
		case sp.SeverityError:
			rep.Totals.Errors++
		case sp.SeverityWarning:
			rep.Totals.Warnings++
		default:
			rep.Totals.Infos++
		}
		codes[rep.Findings[i].Rule] = true
	}
	rep.Rules = a.rulesUsed()
	rep.Bases = []Basis{}
	for _, b := range bases {
		if codes[b.Code] {
			rep.Bases = append(rep.Bases, b)
		}
	}
	return rep
}

func zeroSubtotal() Subtotal {
	z := MoneyFromPence(0)
	return Subtotal{Claimed: z, Allowed: z, Difference: z}
}

func (s *Subtotal) add(l *Line) {
	s.Lines++
	s.Claimed.pence += l.Claimed.pence
	s.Allowed.pence += l.Allowed.pence
	s.Difference.pence += l.Difference.pence
}

// rulesUsed lists the rows the audit used, in the order of Rules.Table.
func (a *auditor) rulesUsed() []RuleUsed {
	out := []RuleUsed{}
	for i, r := range a.rules.role {
		if a.usedRole[i] {
			out = append(out, RuleUsed{ID: a.roleIDs[i], Kind: RuleKindRoleMaximum, Role: r.Role, From: r.From, To: r.To,
				AnnualMaximum: r.AnnualMaximum, Band: r.Band, Source: r.Source, Confidence: r.Confidence, Origin: r.Origin})
		}
	}
	for i, r := range a.rules.sub {
		if a.usedSub[i] {
			out = append(out, RuleUsed{ID: a.subIDs[i], Kind: RuleKindSubcontract, From: r.From, To: r.To,
				AnnualMaximum: r.AnnualMaximum, Source: r.Source, Confidence: r.Confidence, Origin: r.Origin})
		}
	}
	for i, r := range a.rules.sum {
		if a.usedSum[i] {
			out = append(out, RuleUsed{ID: r.ID(), Kind: RuleKindSumRate, Year: r.Year, Rate: r.Rate, SnapshotDate: r.SnapshotDate,
				Source: r.Source, Confidence: r.Confidence, Origin: r.Origin})
		}
	}
	for i, r := range a.rules.ent {
		if a.usedEnt[i] {
			out = append(out, RuleUsed{ID: r.ID(), Kind: RuleKindEntitlement, Role: r.Role, From: r.From, To: r.To, WTE: r.WTE,
				MaxListSize: r.MaxListSize, Source: r.Source, Confidence: r.Confidence, Origin: r.Origin})
		}
	}
	return out
}

// sortFindings returns fs in the order of CompareFindings. The engine emits findings nearly in
// order within each severity, so it buckets them by severity first and sorts each bucket, which is
// much faster than sorting the whole slice for a large audit. Findings that compare equal are
// identical, so the result is the same.
func sortFindings(fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, sev := range sp.Severities() {
		start := len(out)
		for _, f := range fs {
			if f.Severity == sev {
				out = append(out, f)
			}
		}
		if part := out[start:]; !slices.IsSortedFunc(part, CompareFindings) {
			slices.SortFunc(part, CompareFindings)
		}
	}
	return out
}

// errMessage returns the message of a validation cause, which never holds input values.
func errMessage(err error) string {
	if err == nil {
		return "invalid"
	}
	return err.Error()
}

// splitPath returns the top-level collection and index of a JSON Pointer such as "/claims/3/month".
func splitPath(p string) (string, int) {
	parts := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 3)
	if len(parts) < 2 {
		return parts[0], -1
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil {
		return parts[0], -1
	}
	return parts[0], i
}

// compareClaims orders claims by PCN, staff, month, then amounts, so that duplicates sit together
// and the first of them is the same whatever the input order.
func compareClaims(xa, ya claimAt) int {
	x, y := xa.c, ya.c
	if c := strings.Compare(x.PCN, y.PCN); c != 0 {
		return c
	}
	if c := strings.Compare(x.Staff, y.Staff); c != 0 {
		return c
	}
	if c := x.Month.Compare(y.Month); c != 0 {
		return c
	}
	for _, p := range [...][2]Money{{x.Salary, y.Salary}, {x.EmployerNationalInsurance, y.EmployerNationalInsurance},
		{x.EmployerPension, y.EmployerPension}, {x.SubcontractContribution, y.SubcontractContribution}} {
		if c := cmp.Compare(p[0].pence, p[1].pence); c != 0 {
			return c
		}
	}
	return 0
}

// wteAt returns the index of s's WTE period covering day (the last starting on or before it).
func wteAt(s *StaffMember, day sp.Date) int {
	i := 0
	for j := 1; j < len(s.WTE); j++ {
		if s.WTE[j].From.After(day) {
			break
		}
		i = j
	}
	return i
}

// countedWTE returns the WTE the engine counts for a period: clamped into [0, 1] and limited to
// the absent WTE for cover, in ten-thousandths; and whether it was clamped, limited by cover.
func countedWTE(s *StaffMember, w WTE) (v int64, clamped, covered bool) {
	v = w.v
	if v > fixedScale {
		v, clamped = fixedScale, true
	} else if v <= 0 {
		v, clamped = 0, true
	}
	if s.Cover != nil && s.Cover.AbsentWTE.IsValid() && v > s.Cover.AbsentWTE.v {
		v, covered = s.Cover.AbsentWTE.v, true
	}
	return v, clamped, covered
}

// inPost returns the first and last day of month that s is in post, and whether there are any.
func inPost(s *StaffMember, month sp.Date) (sp.Date, sp.Date, bool) {
	first, last := month, month.LastOfMonth()
	if s.Start.After(first) {
		first = s.Start
	}
	if s.End.IsValid() && s.End.Before(last) {
		last = s.End
	}
	return first, last, !first.After(last)
}

// absorb works out, for one PCN-month (block holds the PCN's claims), how much of each claimed person's WTE falls within the PCN's
// baseline, role by role. It returns nil when the PCN has no baseline.
func (a *auditor) absorb(pcnID string, month sp.Date, block []claimAt) map[string]int64 {
	p := a.pcn[pcnID]
	if p == nil || len(p.Baseline) == 0 {
		return nil
	}
	claimed := map[string]bool{}
	for _, c := range block {
		if c.c.Month == month {
			claimed[c.c.Staff] = true
		}
	}
	out := map[string]int64{}
	for _, b := range p.Baseline {
		left := b.WTE.v
		for pass := 0; pass < 2 && left > 0; pass++ {
			for _, s := range a.byPCN[pcnID] {
				if left == 0 {
					break
				}
				if s.Role != b.Role || claimed[s.ID] != (pass == 1) {
					continue
				}
				first, last, ok := inPost(s, month)
				if !ok {
					continue
				}
				var most int64
				for i := wteAt(s, first); i < len(s.WTE) && !s.WTE[i].From.After(last); i++ {
					v, _, _ := countedWTE(s, s.WTE[i].WTE)
					most = max(most, v)
				}
				take := min(left, most)
				out[s.ID] = take
				left -= take
			}
		}
	}
	return out
}

// roundHalfUp returns num ÷ den rounded half-up to an integer, for num ≥ 0 and den > 0.
func roundHalfUp(num, den int64) int64 { return (2*num + den) / (2 * den) }

// line audits one person-month. It returns the line and the counted WTE × days of the month.
func (a *auditor) line(ca claimAt, s *StaffMember, absorbed int64, dup bool) (Line, int64) {
	c := ca.c
	month := c.Month
	dim := int64(month.DaysInMonth())
	den := 12 * fixedScale * dim
	costs := c.costs()
	sub := c.SubcontractContribution.pence
	claimedPence := costs + sub
	ln := Line{Claim: ClaimAt(ca.i), PCN: c.PCN, Staff: c.Staff, Month: month, Role: s.Role, Employment: s.Employment,
		DaysInMonth: int(dim), Costs: MoneyFromPence(costs), Claimed: MoneyFromPence(claimedPence)}
	if sub != 0 {
		ln.SubcontractClaimed = MoneyFromPence(sub)
	}

	var maxNum, subNum, wteDays int64
	var clamped, covered, reduced bool
	var fullyAbsorbed = true
	ids := a.idPool[len(a.idPool):]
	parts := a.partPool[len(a.partPool):]
	first, last, ok := inPost(s, month)
	ln.NotInPost = !ok
	if !ok {
		a.lineFinding(sp.SeverityError, CodeOutsidePost, ca, nil, "the member of staff was not in post on any day of the month; nothing is allowed")
		fullyAbsorbed = false
	}
	lowRow := -1
	isSub := s.Employment == EmploymentSubcontracted && sub > 0
	for day := first; ok && !day.After(last); {
		wi := wteAt(s, day)
		end := last
		if wi+1 < len(s.WTE) && s.WTE[wi+1].From.Before(end.AddDays(1)) {
			end = s.WTE[wi+1].From.AddDays(-1)
		}
		w, cl, cv := countedWTE(s, s.WTE[wi].WTE)
		clamped, covered = clamped || cl, covered || cv
		if absorbed > 0 {
			reduced = true
			w = max(0, w-absorbed)
		}
		if w > 0 {
			fullyAbsorbed = false
		}
		ri := a.lastRow
		if ri < 0 || ri >= len(a.rules.role) || a.rules.role[ri].Role != s.Role || day.Before(a.rules.role[ri].From) || day.After(a.rules.role[ri].To) {
			ri = a.rules.roleIndex(s.Role, day)
		}
		if ri >= 0 {
			a.lastRow = ri
		}
		part := Part{From: day, WTE: WTETotal{w}}
		var annual int64
		if ri < 0 {
			ln.NoRule = true
			if next := a.rules.nextRoleStart(s.Role, day); next.IsValid() && !next.After(end) {
				end = next.AddDays(-1)
			}
			a.lineFinding(sp.SeverityError, CodeNoRule, ca, nil,
				"no maximum for role "+string(s.Role)+" on "+day.String()+" (through "+end.String()+"): those days are reimbursed at nothing until a rule row for them is loaded")
		} else {
			row := &a.rules.role[ri]
			if row.To.Before(end) {
				end = row.To
			}
			a.usedRole[ri] = true
			ids = addID(ids, a.roleIDs[ri])
			if row.Confidence == sp.ConfidenceLow || row.Confidence == sp.ConfidenceUnconfirmed {
				lowRow = ri
			}
			annual = row.AnnualMaximum.pence
			part.AnnualMaximum, part.Rule = row.AnnualMaximum, a.roleIDs[ri]
		}
		var subAnnual int64
		if isSub {
			if si := a.rules.subIndex(day); si < 0 {
				if next := a.rules.nextSubStart(day); next.IsValid() && !next.After(end) {
					end = next.AddDays(-1)
				}
				a.lineFinding(sp.SeverityError, CodeNoRule, ca, nil,
					"no subcontract contribution cap on "+day.String()+" (through "+end.String()+"): no contribution counts for those days until a rule row for them is loaded")
			} else {
				row := &a.rules.sub[si]
				if row.To.Before(end) {
					end = row.To
				}
				a.usedSub[si] = true
				ids = addID(ids, a.subIDs[si])
				subAnnual = row.AnnualMaximum.pence
				part.SubcontractAnnualMaximum, part.SubcontractRule = row.AnnualMaximum, a.subIDs[si]
			}
		}
		// Days without a rule add nothing to the maximum, but they are days in post: they count
		// towards the WTE in post.
		days := int64(day.DaysUntil(end) + 1)
		part.To, part.Days = end, int(days)
		parts = append(parts, part)
		ln.DaysInPost += int(days)
		maxNum += annual * w * days
		subNum += subAnnual * w * days
		wteDays += w * days
		day = end.AddDays(1)
	}
	if len(ids) > 0 {
		a.idPool = ids[len(ids):]
		ln.Rules = ids[:len(ids):len(ids)]
	}
	a.partPool = parts[len(parts):]
	ln.Parts = parts[:len(parts):len(parts)]
	if reduced {
		ln.BaselineWTE = WTETotal{absorbed}
	}

	// The allowed amount, exactly, then rounded once.
	costsNum := costs * den
	var subCounted int64
	if sub > 0 {
		switch {
		case s.Employment != EmploymentSubcontracted:
			ln.SubcontractCounted = MoneyFromPence(0)
			a.lineFinding(sp.SeverityError, CodeSubcontractNotSubcontracted, ca, nil,
				"a subcontract contribution was claimed for directly employed staff; it does not count")
		case sub*den > subNum:
			subCounted = subNum
			ln.SubcontractCap = MoneyFromPence(roundHalfUp(subNum, den))
			ln.SubcontractCounted = ln.SubcontractCap
			a.lineFinding(sp.SeverityWarning, CodeSubcontractTooHigh, ca, ln.Rules,
				"the subcontract contribution is more than its cap (the rule row's annual cap × WTE ÷ 12 × the fraction of the month in post); only the cap counts")
		default:
			subCounted = sub * den
			ln.SubcontractCap = MoneyFromPence(roundHalfUp(subNum, den))
			ln.SubcontractCounted = ln.SubcontractClaimed
		}
	}
	claimedNum := costsNum + subCounted
	allowedNum := min(claimedNum, maxNum)
	ln.Maximum = MoneyFromPence(roundHalfUp(maxNum, den))
	allowed := roundHalfUp(allowedNum, den)
	// A maximum that is not known (days without a rule row, no day in post) caps nothing.
	ln.Capped = claimedNum > maxNum && !dup && !ln.NoRule && !ln.NotInPost
	if ln.Capped && maxNum > 0 {
		a.lineFinding(sp.SeverityWarning, CodeOverMaximum, ca, ln.Rules,
			"the costs claimed are more than the month's maximum; the maximum is allowed")
	}
	if dup {
		allowed = 0
		ln.Duplicate = true
		a.lineFinding(sp.SeverityError, CodeDuplicateClaim, ca, nil,
			"a second claim for the same member of staff and month; nothing is allowed on it")
	}
	if clamped {
		a.lineFinding(sp.SeverityError, CodeWTEOutOfRange, ca, nil,
			"a WTE of the member of staff is above 1; the maximum was computed with it clamped to 1")
	}
	if covered {
		a.lineFinding(sp.SeverityInfo, CodeCoverOverAbsent, ca, nil,
			"cover staff work more WTE than is absent; only the absent WTE of "+s.Cover.AbsentWTE.String()+" counts")
	}
	if reduced && !dup {
		sev, msg := sp.SeverityWarning, "part of the WTE ("+WTETotal{absorbed}.String()+") falls within the PCN's 31 March 2019 baseline in the role and is not counted"
		if fullyAbsorbed {
			sev, msg = sp.SeverityError, "the whole WTE falls within the PCN's 31 March 2019 baseline in the role; nothing is allowed"
		}
		a.lineFinding(sev, CodeNotAdditional, ca, nil, msg)
	}
	if lowRow >= 0 {
		a.lineFinding(sp.SeverityInfo, CodeLowConfidenceRule, ca, []string{a.roleIDs[lowRow]},
			"the maximum uses a rule row of "+string(a.rules.role[lowRow].Confidence)+" confidence")
	}
	ln.Allowed = MoneyFromPence(allowed)
	ln.Difference = MoneyFromPence(claimedPence - allowed)
	if dup {
		return ln, 0
	}
	return ln, wteDays
}

// addID appends id to ids unless it is there already.
func addID(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// pcnYearAcc accumulates one PCN-year.
type pcnYearAcc struct {
	pcn     string
	year    FinancialYear
	sum     int64 // -1 when unknown
	sumRow  int   // index of the sum rate row, or -1
	pop     WeightedPopulation
	other   int64
	lines   int
	claimed int64
	allowed int64
	month   [12]int64              // allowed per month, April first
	ent     map[sp.Role]*[12]int64 // counted WTE × days per month, for the roles with an entitlement row in the year
}

// monthIndex returns 0 for April to 11 for March.
func monthIndex(d sp.Date) int { return (int(d.Month()) + 8) % 12 }

func (a *auditor) openYear(pcnID string, year FinancialYear) *pcnYearAcc {
	acc := &pcnYearAcc{pcn: pcnID, year: year, sum: -1, sumRow: -1}
	p := a.pcn[pcnID]
	if p == nil {
		a.once("pcn "+pcnID, Finding{Rule: CodeUnknownPCN, Severity: sp.SeverityWarning, PCN: pcnID,
			Message: "the PCN is missing from the input or invalid; its ARRS sum, baseline and entitlement cannot be checked"})
		return acc
	}
	var py *PCNYear
	for i := range p.Years {
		if p.Years[i].Year == year {
			py = &p.Years[i]
		}
	}
	if py != nil {
		acc.other = py.OtherRolesClaimed.pence
	}
	for _, role := range sp.ARRSRoles() {
		if a.rules.entIndex(role, year.Start(), year.End()) >= 0 {
			if acc.ent == nil {
				acc.ent = map[sp.Role]*[12]int64{}
			}
			acc.ent[role] = new([12]int64)
		}
	}
	ri := a.rules.sumIndex(year)
	if ri < 0 && acc.ent != nil {
		return acc // a year of entitlements in WTE (2019/20), not of a sum
	}
	yf := Finding{PCN: pcnID, Year: year}
	if ri < 0 {
		yf.Rule, yf.Severity = CodeNoRule, sp.SeverityWarning
		yf.Message = "no ARRS sum rate for the year: the PCN's sum cannot be checked until a rate is loaded"
		a.find = append(a.find, yf)
		return acc
	}
	rate := &a.rules.sum[ri]
	a.usedSum[ri] = true
	yf.RuleRows = []string{rate.ID()}
	if py == nil {
		yf.Rule, yf.Severity = CodeNoWeightedPopulation, sp.SeverityWarning
		yf.Message = "the PCN's weighted population for the year is not given: its ARRS sum cannot be checked"
		a.find = append(a.find, yf)
		return acc
	}
	if rate.SnapshotDate.IsValid() && py.SnapshotDate.IsValid() && py.SnapshotDate != rate.SnapshotDate {
		yf.Rule, yf.Severity = CodeSnapshotMismatch, sp.SeverityWarning
		yf.Message = "the weighted population given is at " + py.SnapshotDate.String() + " but the year's ARRS sum is calculated on the population at " +
			rate.SnapshotDate.String() + "; the sum uses the population given"
		a.find = append(a.find, yf)
	}
	acc.sum = arrsSum(rate.Rate, py.WeightedPopulation)
	acc.sumRow = ri
	acc.pop = py.WeightedPopulation
	return acc
}

// arrsSum returns rate × weighted population in pence, rounded half-up: both have four decimal
// places, so the exact product is in hundred-millionths of a pound.
func arrsSum(r Rate, p WeightedPopulation) int64 {
	// r ≤ 10^10 and p ≤ 10^12 units: split p to keep the product exact in 64 bits.
	const unit = 1_000_000 // hundred-millionths of a pound per penny
	hi, lo := p.v/unit, p.v%unit
	// r × p = r × hi × unit + r × lo
	whole := r.v * hi // pence, exactly
	rest := r.v * lo  // hundred-millionths, < 10^16
	return whole + roundHalfUp(rest, unit)
}

func (a *auditor) closeYear(acc *pcnYearAcc) PCNYearSummary {
	out := PCNYearSummary{PCN: acc.pcn, Year: acc.year, Lines: acc.lines, Claimed: MoneyFromPence(acc.claimed), WeightedPopulation: acc.pop,
		OtherRolesClaimed: MoneyFromPence(acc.other), Allowed: MoneyFromPence(acc.allowed), Excess: MoneyFromPence(0)}
	payable := acc.allowed
	for _, role := range sp.ARRSRoles() {
		if wd := acc.ent[role]; wd != nil {
			for m, v := range wd {
				a.entitlement(acc.pcn, role, acc.year.Start().AddMonths(m), v)
			}
		}
	}
	if acc.sum >= 0 {
		id := a.rules.sum[acc.sumRow].ID()
		out.Sum, out.SumRule = MoneyFromPence(acc.sum), id
		var ranOut sp.Date
		cum := acc.other
		for m, v := range acc.month {
			cum += v
			if cum > acc.sum && v > 0 {
				ranOut = acc.year.Start().AddMonths(m)
				break
			}
		}
		if over := acc.other + acc.allowed - acc.sum; over > 0 {
			// Only the lines' own allowed amounts can be held back; other roles' claims are
			// counted first.
			excess := min(over, acc.allowed)
			out.Excess = MoneyFromPence(excess)
			out.RanOut = ranOut
			payable -= excess
			ran := ""
			if ranOut.IsValid() {
				ran = "; the sum ran out in " + ranOut.String()[:7]
			}
			a.find = append(a.find, Finding{Rule: CodeOverPCNSum, Severity: sp.SeverityError, PCN: acc.pcn, Year: acc.year, RuleRows: []string{id},
				Message: "claims for other roles (" + out.OtherRolesClaimed.String() + ") and these lines (" + out.Allowed.String() + ") exceed the ARRS sum of " +
					out.Sum.String() + " by " + MoneyFromPence(over).String() + ran})
		}
	}
	out.Payable = MoneyFromPence(payable)
	return out
}

// entitlement checks one PCN-month against the entitlement row of role covering it, if any.
func (a *auditor) entitlement(pcnID string, role sp.Role, month sp.Date, wteDays int64) {
	p := a.pcn[pcnID]
	if p == nil || wteDays == 0 {
		return
	}
	ri := a.rules.entIndex(role, month, month.LastOfMonth())
	if ri < 0 {
		return
	}
	a.usedEnt[ri] = true
	row := &a.rules.ent[ri]
	ent := row.WTE.v
	if p.ListSize > row.MaxListSize {
		if p.SPLWEntitlement2019.IsZero() {
			a.once("ent "+pcnID+" "+row.ID(), Finding{Rule: CodeEntitlementUnknown, Severity: sp.SeverityWarning, PCN: pcnID, Year: FinancialYearOf(month),
				RuleRows: []string{row.ID()},
				Message:  "the PCN's list size is above the rule row's and its entitlement in the role is not given (no source states it); it is not checked"})
			return
		}
		ent = p.SPLWEntitlement2019.v
	}
	if wteDays > ent*int64(month.DaysInMonth()) {
		a.find = append(a.find, Finding{Rule: CodeOverEntitlement2019, Severity: sp.SeverityError, PCN: pcnID, Month: month, RuleRows: []string{row.ID()},
			Message: "WTE claimed in the role in the month (averaged over its days) is more than the entitlement of " + WTETotal{ent}.String() + " WTE"})
	}
}
