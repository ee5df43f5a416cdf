package workforce

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// OriginDefault is the origin of the rows [DefaultRules] ships.
const OriginDefault = "default"

// maxRuleAmountPence bounds an annual maximum (£10,000,000.00), so the engine's integer arithmetic
// stays exact.
const maxRuleAmountPence = 1_000_000_000

// RoleRate is one effective-dated row of the maximum reimbursable amount for a role: the most the
// scheme reimburses per whole-time equivalent over 12 months, for days from From to To inclusive.
// Every row carries the source of its figure and how sure that figure is.
type RoleRate struct {
	// Role is the role the row applies to.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// From is the first day the row applies to.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day the row applies to (inclusive).
	To sp.Date `json:"to" validate:"required"`
	// AnnualMaximum is the maximum reimbursable amount per WTE per 12 months: actual salary plus
	// employer National Insurance and employer pension contributions, up to this amount.
	AnnualMaximum Money `json:"annualMaximum" validate:"required"`
	// Band is the Agenda for Change band the maximum is built on ("5"), where known.
	Band string `json:"band,omitempty" validate:"max=40,nocontrol"`
	// Source cites where the figure comes from.
	Source string `json:"source" validate:"required,max=1000,nocontrol"`
	// Confidence says how sure the figure is.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
	// Origin says where the row was loaded from: [OriginDefault] for the library's own rows, or
	// the origin given to [Rules.Override]. It is set by [Rules]; a value in a loaded table is
	// replaced.
	Origin string `json:"origin,omitempty" validate:"max=200,nocontrol"`
}

// ID returns a stable identifier for the row: "role from..to origin".
func (r RoleRate) ID() string {
	return string(r.Role) + " " + r.From.String() + ".." + r.To.String() + " " + r.Origin
}

// SumRate is the Additional Roles Reimbursement Sum rate for one financial year: pounds per weighted
// patient of the PCN's contractor weighted population at the snapshot date.
type SumRate struct {
	// Year is the financial year the rate applies to.
	Year FinancialYear `json:"year" validate:"required"`
	// Rate is the amount in pounds per weighted patient.
	Rate Rate `json:"rate" validate:"required"`
	// SnapshotDate is the date of the weighted population the rate is applied to, where the
	// source gives it.
	SnapshotDate sp.Date `json:"snapshotDate,omitzero"`
	// Source cites where the figure comes from.
	Source string `json:"source" validate:"required,max=1000,nocontrol"`
	// Confidence says how sure the figure is.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
	// Origin is set by [Rules] as for [RoleRate].
	Origin string `json:"origin,omitempty" validate:"max=200,nocontrol"`
}

// ID returns a stable identifier for the row: "pcn-sum year origin".
func (r SumRate) ID() string { return "pcn-sum " + r.Year.String() + " " + r.Origin }

// SubcontractRate is one effective-dated row of the flat contribution to a subcontractor's costs
// that a PCN may claim for a subcontracted member of staff: at most AnnualMaximum per WTE per 12
// months, pro rata to WTE and days in post like the role's maximum, and inside that maximum, not
// on top of it.
type SubcontractRate struct {
	// From is the first day the row applies to.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day the row applies to (inclusive).
	To sp.Date `json:"to" validate:"required"`
	// AnnualMaximum is the most the contribution can be per WTE per 12 months (£2,400.00, that is
	// £200 a month).
	AnnualMaximum Money `json:"annualMaximum" validate:"required"`
	// Source cites where the figure comes from.
	Source string `json:"source" validate:"required,max=1000,nocontrol"`
	// Confidence says how sure the figure is.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
	// Origin is set by [Rules] as for [RoleRate].
	Origin string `json:"origin,omitempty" validate:"max=200,nocontrol"`
}

// ID returns a stable identifier for the row: "subcontract from..to origin".
func (r SubcontractRate) ID() string {
	return "subcontract " + r.From.String() + ".." + r.To.String() + " " + r.Origin
}

// Entitlement is one effective-dated row of a limit in WTE on a role per PCN, for periods in which
// a PCN could claim a number of WTE in the role instead of drawing on an ARRS sum (2019/20, for link
// workers). A PCN whose list size is above MaxListSize may claim more, by an amount the caller gives
// as [PCN.SPLWEntitlement2019].
type Entitlement struct {
	// Role is the role the row limits.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// From is the first day the row applies to.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day the row applies to (inclusive).
	To sp.Date `json:"to" validate:"required"`
	// WTE is the number of WTE in the role a PCN may claim for each month, averaged over the
	// month's days.
	WTE WTETotal `json:"wte" validate:"required"`
	// MaxListSize is the largest list size the row's WTE applies to.
	MaxListSize int `json:"maxListSize" validate:"required,min=1"`
	// Source cites where the figure comes from.
	Source string `json:"source" validate:"required,max=1000,nocontrol"`
	// Confidence says how sure the figure is.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
	// Origin is set by [Rules] as for [RoleRate].
	Origin string `json:"origin,omitempty" validate:"max=200,nocontrol"`
}

// ID returns a stable identifier for the row: "entitlement role from..to origin".
func (r Entitlement) ID() string {
	return "entitlement " + string(r.Role) + " " + r.From.String() + ".." + r.To.String() + " " + r.Origin
}

// RuleTable is the JSON document of rule rows a caller loads to add to or correct the library's own
// (see [ParseRuleTable] and [Rules.Override]).
type RuleTable struct {
	// RoleRates are maximum reimbursable amounts per role; rows of one role must not overlap.
	RoleRates []RoleRate `json:"roleRates,omitempty" validate:"dive"`
	// SumRates are ARRS sum rates; at most one per year.
	SumRates []SumRate `json:"sumRates,omitempty" validate:"dive"`
	// SubcontractRates are caps on the subcontract contribution; rows must not overlap.
	SubcontractRates []SubcontractRate `json:"subcontractRates,omitempty" validate:"dive"`
	// Entitlements are limits in WTE per role and PCN; rows of one role must not overlap.
	Entitlements []Entitlement `json:"entitlements,omitempty" validate:"dive"`
}

// Validate checks the table: every row's fields, dates from 1900 to 2999 ("date-range"), To not
// before From ("date-order"), an annual
// maximum of £0.01 to £10,000,000.00 ("money-range"), no two rows of one role overlapping
// ("overlap"), no year given twice ("duplicate-year"). It returns nil or a
// *socialprescribing.ValidationError.
func (t RuleTable) Validate() error {
	c := validation.Struct("workforce.RuleTable", &t)
	for i, r := range t.RoleRates {
		p := "/roleRates/" + validation.Itoa(i)
		checkDate(c, p+"/from", r.From)
		checkDate(c, p+"/to", r.To)
		if r.From.IsValid() && r.To.IsValid() && r.To.Before(r.From) {
			c.Add(p+"/to", "date-order", fmt.Errorf("workforce: rule row ends before it starts: %w", sp.ErrInvalid))
		}
		if r.AnnualMaximum.IsValid() && (r.AnnualMaximum.Pence() <= 0 || r.AnnualMaximum.Pence() > maxRuleAmountPence) {
			c.Add(p+"/annualMaximum", "money-range", fmt.Errorf("workforce: annual maximum must be from 0.01 to 10000000.00: %w", sp.ErrInvalid))
		}
		for j := range i {
			q := t.RoleRates[j]
			if q.Role == r.Role && r.From.IsValid() && r.To.IsValid() && q.From.IsValid() && q.To.IsValid() &&
				!r.To.Before(q.From) && !q.To.Before(r.From) {
				c.Add(p, "overlap", fmt.Errorf("workforce: rule row overlaps row %d of the same role: %w", j, sp.ErrInvalid))
				break
			}
		}
	}
	for i, r := range t.SubcontractRates {
		p := "/subcontractRates/" + validation.Itoa(i)
		checkPeriod(c, p, r.From, r.To)
		if r.AnnualMaximum.IsValid() && (r.AnnualMaximum.Pence() <= 0 || r.AnnualMaximum.Pence() > maxRuleAmountPence) {
			c.Add(p+"/annualMaximum", "money-range", fmt.Errorf("workforce: annual maximum must be from 0.01 to 10000000.00: %w", sp.ErrInvalid))
		}
		for j := range i {
			if q := t.SubcontractRates[j]; overlaps(q.From, q.To, r.From, r.To) {
				c.Add(p, "overlap", fmt.Errorf("workforce: rule row overlaps row %d: %w", j, sp.ErrInvalid))
				break
			}
		}
	}
	for i, r := range t.Entitlements {
		p := "/entitlements/" + validation.Itoa(i)
		checkPeriod(c, p, r.From, r.To)
		if r.WTE.v > 1_000_000*fixedScale {
			c.Add(p+"/wte", "wte-range", fmt.Errorf("workforce: entitlement must be at most 1000000 WTE: %w", sp.ErrInvalid))
		}
		for j := range i {
			if q := t.Entitlements[j]; q.Role == r.Role && overlaps(q.From, q.To, r.From, r.To) {
				c.Add(p, "overlap", fmt.Errorf("workforce: rule row overlaps row %d of the same role: %w", j, sp.ErrInvalid))
				break
			}
		}
	}
	for i, r := range t.SumRates {
		checkDate(c, "/sumRates/"+validation.Itoa(i)+"/snapshotDate", r.SnapshotDate)
		if r.Year.IsValid() && (r.Year.StartYear() < 1900 || r.Year.StartYear() > 2998) {
			c.Add("/sumRates/"+validation.Itoa(i)+"/year", "date-range", fmt.Errorf("workforce: year must be from 1900/01 to 2998/99: %w", sp.ErrInvalid))
		}
		for j := range i {
			if t.SumRates[j].Year == r.Year && r.Year.IsValid() {
				c.Add("/sumRates/"+validation.Itoa(i)+"/year", "duplicate-year", fmt.Errorf("workforce: year given twice: %w", sp.ErrInvalid))
				break
			}
		}
	}
	return c.Err()
}

// checkPeriod checks a row's dates: in range, and To not before From.
func checkPeriod(c *validation.Errors, p string, from, to sp.Date) {
	checkDate(c, p+"/from", from)
	checkDate(c, p+"/to", to)
	if from.IsValid() && to.IsValid() && to.Before(from) {
		c.Add(p+"/to", "date-order", fmt.Errorf("workforce: rule row ends before it starts: %w", sp.ErrInvalid))
	}
}

// overlaps reports whether two valid periods share a day.
func overlaps(af, at, bf, bt sp.Date) bool {
	return af.IsValid() && at.IsValid() && bf.IsValid() && bt.IsValid() && !at.Before(bf) && !bt.Before(af)
}

// ParseRuleTable decodes a RuleTable strictly (see [socialprescribing.Decode]) and validates it.
func ParseRuleTable(data []byte) (RuleTable, error) {
	var t RuleTable
	if err := sp.Decode(data, &t); err != nil {
		return RuleTable{}, err
	}
	if err := t.Validate(); err != nil {
		return RuleTable{}, err
	}
	return t, nil
}

// Rules is a ruleset: the role rows and sum rates the engine reads, each with its source, confidence
// and origin. Build one with [DefaultRules], then [Rules.Override] with rows of your own. The zero
// Rules has no rows: every period is reported as having no rule. Rules is immutable and safe for
// concurrent use.
type Rules struct {
	role []RoleRate        // sorted by role, then From; rows of one role do not overlap
	sum  []SumRate         // sorted by year; one per year
	sub  []SubcontractRate // sorted by From; rows do not overlap
	ent  []Entitlement     // sorted by role, then From; rows of one role do not overlap
}

// mustDate parses a constant date of the default rules.
func mustDate(s string) sp.Date { return sp.MustParseDate(s) }

// DefaultRules returns the rows the library ships: the maximum reimbursable amounts and sum rates
// of the NHS England Network Contract DES that the library's sources give with high, medium-high or
// medium confidence (SOURCES.md#arrs-maximums and #arrs-sum), each with its source and confidence.
// Figures that could not be confirmed are not shipped, so these periods have no row and are
// reported as such (load your own rows for them):
//
//   - social prescribing link worker, 2021/22 and from 1 April 2024;
//   - care coordinator, 2022/23 and from 1 April 2024;
//   - health and wellbeing coach, every period;
//   - sum rates for 2019/20 (there was no sum: a one-WTE entitlement instead), 2021/22 and 2022/23.
//
// The care coordinator figure of £31,746 is read as applying from 1 April to 30 June 2023 (before the
// 1 July 2023 uplift to £33,396, as for link workers); its confidence is medium.
//
// Beside the amounts, two rows are data too: the subcontract contribution's cap of £2,400 per WTE
// per year, read as applying from the scheme's start on 1 July 2019 to 31 March 2026 (the end of the
// last year the library ships a sum rate for; load a row to extend it). The figure is stated with
// high confidence but no source found gives the years it applies to, so the row, whose period is the
// library's reading, has medium confidence. And the 2019/20 entitlement
// of one WTE link worker per PCN of up to 100,000 patients, which took the place of a sum that year.
func DefaultRules() Rules {
	const (
		des     = "NHS England, Network Contract DES"
		maxText = ", ARRS maximum reimbursable amounts"
		sumText = ", Additional Roles Reimbursement Sum"
	)
	role := []RoleRate{
		{Role: sp.RoleLinkWorker, From: mustDate("2019-07-01"), To: mustDate("2020-03-31"), AnnualMaximum: MustParseMoney("34113.00"), Band: "5",
			Source: des + " 2019/20" + maxText + " (scheme started 1 July 2019)", Confidence: sp.ConfidenceHigh},
		{Role: sp.RoleLinkWorker, From: mustDate("2020-04-01"), To: mustDate("2021-03-31"), AnnualMaximum: MustParseMoney("35389.00"), Band: "5",
			Source: des + " 2020/21" + maxText, Confidence: sp.ConfidenceMediumHigh},
		{Role: sp.RoleLinkWorker, From: mustDate("2022-04-01"), To: mustDate("2023-03-31"), AnnualMaximum: MustParseMoney("36428.00"), Band: "5",
			Source: "Management in Practice, How social prescribing link workers can support your practice team, 2023, quoting the ARRS maximum for 2022/23", Confidence: sp.ConfidenceMedium},
		{Role: sp.RoleLinkWorker, From: mustDate("2023-04-01"), To: mustDate("2023-06-30"), AnnualMaximum: MustParseMoney("38187.00"), Band: "5",
			Source: des + " 2023/24" + maxText + ", before the 1 July 2023 uplift", Confidence: sp.ConfidenceMediumHigh},
		{Role: sp.RoleLinkWorker, From: mustDate("2023-07-01"), To: mustDate("2024-03-31"), AnnualMaximum: MustParseMoney("40159.00"), Band: "5",
			Source: des + " 2023/24" + maxText + ", from the 1 July 2023 uplift", Confidence: sp.ConfidenceHigh},
		{Role: sp.RoleCareCoordinator, From: mustDate("2020-04-01"), To: mustDate("2021-03-31"), AnnualMaximum: MustParseMoney("29135.00"), Band: "4",
			Source: des + " 2020/21" + maxText, Confidence: sp.ConfidenceMedium},
		{Role: sp.RoleCareCoordinator, From: mustDate("2021-04-01"), To: mustDate("2022-03-31"), AnnualMaximum: MustParseMoney("29726.00"), Band: "4",
			Source: des + " 2021/22" + maxText, Confidence: sp.ConfidenceMedium},
		{Role: sp.RoleCareCoordinator, From: mustDate("2023-04-01"), To: mustDate("2023-06-30"), AnnualMaximum: MustParseMoney("31746.00"), Band: "4",
			Source: des + " 2023/24" + maxText + ", before the 1 July 2023 uplift", Confidence: sp.ConfidenceMedium},
		{Role: sp.RoleCareCoordinator, From: mustDate("2023-07-01"), To: mustDate("2024-03-31"), AnnualMaximum: MustParseMoney("33396.00"), Band: "4",
			Source: des + " 2023/24" + maxText + ", from the 1 July 2023 uplift", Confidence: sp.ConfidenceMedium},
	}
	sum := []SumRate{
		{Year: MustParseFinancialYear("2020/21"), Rate: MustParseRate("7.131"),
			Source: des + " 2020/21" + sumText, Confidence: sp.ConfidenceMedium},
		{Year: MustParseFinancialYear("2023/24"), Rate: MustParseRate("22.671"), SnapshotDate: mustDate("2023-01-01"),
			Source: des + " 2023/24" + sumText, Confidence: sp.ConfidenceHigh},
		{Year: MustParseFinancialYear("2024/25"), Rate: MustParseRate("22.894"), SnapshotDate: mustDate("2024-01-01"),
			Source: des + " 2024/25" + sumText + " (excluding the separate £1.303 for GPs)", Confidence: sp.ConfidenceHigh},
		{Year: MustParseFinancialYear("2025/26"), Rate: MustParseRate("26.631"), SnapshotDate: mustDate("2025-01-01"),
			Source: des + " 2025/26" + sumText, Confidence: sp.ConfidenceHigh},
	}
	sub := []SubcontractRate{
		{From: mustDate("2019-07-01"), To: mustDate("2026-03-31"), AnnualMaximum: MustParseMoney("2400.00"),
			Source: des + ": subcontracted staff, a flat contribution of up to £2,400 per WTE per year (£200 a month) pro rata, inside the role's maximum" +
				"; the period is the library's reading (no source found dates the figure): from the scheme's start on 1 July 2019 to the end of the last year a sum rate is shipped for",
			Confidence: sp.ConfidenceMedium},
	}
	ent := []Entitlement{
		{Role: sp.RoleLinkWorker, From: mustDate("2019-07-01"), To: mustDate("2020-03-31"), WTE: MustParseWTETotal("1"), MaxListSize: 100_000,
			Source: des + " 2019/20: one WTE link worker per PCN reimbursed at 100%; more for a PCN of more than 100,000 patients, by a number not published", Confidence: sp.ConfidenceHigh},
	}
	for i := range role {
		role[i].Origin = OriginDefault
	}
	for i := range sum {
		sum[i].Origin = OriginDefault
	}
	for i := range sub {
		sub[i].Origin = OriginDefault
	}
	for i := range ent {
		ent[i].Origin = OriginDefault
	}
	return Rules{role: role, sum: sum, sub: sub, ent: ent}.sorted()
}

func (r Rules) sorted() Rules {
	slices.SortFunc(r.role, func(a, b RoleRate) int {
		if c := cmp.Compare(a.Role, b.Role); c != 0 {
			return c
		}
		return a.From.Compare(b.From)
	})
	slices.SortFunc(r.sum, func(a, b SumRate) int { return a.Year.Compare(b.Year) })
	slices.SortFunc(r.sub, func(a, b SubcontractRate) int { return a.From.Compare(b.From) })
	slices.SortFunc(r.ent, func(a, b Entitlement) int {
		if c := cmp.Compare(a.Role, b.Role); c != 0 {
			return c
		}
		return a.From.Compare(b.From)
	})
	return r
}

// overlay lays row n over rows: a row of the same kind (same reports it) partly covered by n keeps
// the days outside n, and a row wholly covered is dropped; n is added.
func overlay[T any](rows []T, n T, same func(T) bool, span func(T) (sp.Date, sp.Date), set func(T, sp.Date, sp.Date) T) []T {
	nf, nt := span(n)
	var kept []T
	for _, o := range rows {
		of, ot := span(o)
		if !same(o) || ot.Before(nf) || nt.Before(of) {
			kept = append(kept, o)
			continue
		}
		if of.Before(nf) {
			kept = append(kept, set(o, of, nf.AddDays(-1)))
		}
		if nt.Before(ot) {
			kept = append(kept, set(o, nt.AddDays(1), ot))
		}
	}
	return append(kept, n)
}

// Override returns a new ruleset: r with the rows of t laid over it. A loaded role row replaces
// whatever r has for that role over the days it covers (a row of r partly covered keeps the days
// outside), and a loaded sum rate replaces r's rate for that year. Every loaded row records origin
// (such as the file it came from), which must not be empty. r is unchanged. The error is t's
// validation error, or one wrapping [socialprescribing.ErrRequired] for an empty origin.
func (r Rules) Override(t RuleTable, origin string) (Rules, error) {
	if strings.TrimSpace(origin) == "" {
		return r, fmt.Errorf("workforce: rules: an origin naming where the rows came from is required: %w", sp.ErrRequired)
	}
	if validation.Runes(origin) > 200 {
		return r, fmt.Errorf("workforce: rules: origin longer than 200 characters (the limit of a row's origin): %w", sp.ErrInvalid)
	}
	if !validation.NoControl(origin) {
		return r, fmt.Errorf("workforce: rules: origin holds a control character or line break: %w", sp.ErrInvalid)
	}
	if err := t.Validate(); err != nil {
		return r, err
	}
	role := slices.Clone(r.role)
	for _, n := range t.RoleRates {
		n.Origin = origin
		role = overlay(role, n, func(o RoleRate) bool { return o.Role == n.Role },
			func(o RoleRate) (sp.Date, sp.Date) { return o.From, o.To },
			func(o RoleRate, f, t sp.Date) RoleRate { o.From, o.To = f, t; return o })
	}
	sum := slices.Clone(r.sum)
	for _, n := range t.SumRates {
		n.Origin = origin
		sum = slices.DeleteFunc(sum, func(o SumRate) bool { return o.Year == n.Year })
		sum = append(sum, n)
	}
	sub := slices.Clone(r.sub)
	for _, n := range t.SubcontractRates {
		n.Origin = origin
		sub = overlay(sub, n, func(SubcontractRate) bool { return true },
			func(o SubcontractRate) (sp.Date, sp.Date) { return o.From, o.To },
			func(o SubcontractRate, f, t sp.Date) SubcontractRate { o.From, o.To = f, t; return o })
	}
	ent := slices.Clone(r.ent)
	for _, n := range t.Entitlements {
		n.Origin = origin
		ent = overlay(ent, n, func(o Entitlement) bool { return o.Role == n.Role },
			func(o Entitlement) (sp.Date, sp.Date) { return o.From, o.To },
			func(o Entitlement, f, t sp.Date) Entitlement { o.From, o.To = f, t; return o })
	}
	return Rules{role: role, sum: sum, sub: sub, ent: ent}.sorted(), nil
}

// Table returns every row of r as a RuleTable (a copy): role rows and entitlements sorted by role
// then date, sum rates by year, subcontract rates by date.
func (r Rules) Table() RuleTable {
	return RuleTable{RoleRates: slices.Clone(r.role), SumRates: slices.Clone(r.sum),
		SubcontractRates: slices.Clone(r.sub), Entitlements: slices.Clone(r.ent)}
}

// Digest returns "sha256:" and the hex SHA-256 of the canonical JSON of [Rules.Table]: two rulesets
// with the same digest have the same rows, sources, confidences and origins.
func (r Rules) Digest() string {
	b, err := json.Marshal(r.Table())
	if err != nil {
		// Every row of a Rules was validated or built from constants, so this cannot happen.
		return "sha256:invalid"
	}
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:])
}

// RoleRateOn returns the row for role that covers day, and whether there is one.
func (r Rules) RoleRateOn(role sp.Role, day sp.Date) (RoleRate, bool) {
	i := r.roleIndex(role, day)
	if i < 0 {
		return RoleRate{}, false
	}
	return r.role[i], true
}

// roleIndex returns the index of the row for role covering day, or -1.
func (r Rules) roleIndex(role sp.Role, day sp.Date) int {
	i, _ := slices.BinarySearchFunc(r.role, struct {
		role sp.Role
		day  sp.Date
	}{role, day}, func(row RoleRate, k struct {
		role sp.Role
		day  sp.Date
	}) int {
		if c := cmp.Compare(row.Role, k.role); c != 0 {
			return c
		}
		return row.From.Compare(k.day)
	})
	// i is the first row not before (role, day); the covering row starts on day or before it.
	if i < len(r.role) && r.role[i].Role == role && r.role[i].From == day {
		return i
	}
	if i > 0 && r.role[i-1].Role == role && !r.role[i-1].To.Before(day) {
		return i - 1
	}
	return -1
}

// nextRoleStart returns the first day after day on which a row for role starts, or the zero Date.
func (r Rules) nextRoleStart(role sp.Role, day sp.Date) sp.Date {
	for _, row := range r.role {
		if row.Role == role && row.From.After(day) {
			return row.From
		}
	}
	return sp.Date{}
}

// SumRateFor returns the sum rate for year, and whether there is one.
func (r Rules) SumRateFor(year FinancialYear) (SumRate, bool) {
	for _, s := range r.sum {
		if s.Year == year {
			return s, true
		}
	}
	return SumRate{}, false
}

// SubcontractRateOn returns the subcontract contribution row covering day, and whether there is one.
func (r Rules) SubcontractRateOn(day sp.Date) (SubcontractRate, bool) {
	i := r.subIndex(day)
	if i < 0 {
		return SubcontractRate{}, false
	}
	return r.sub[i], true
}

// subIndex returns the index of the subcontract row covering day, or -1.
func (r Rules) subIndex(day sp.Date) int {
	for i := range r.sub {
		if !day.Before(r.sub[i].From) && !day.After(r.sub[i].To) {
			return i
		}
	}
	return -1
}

// nextSubStart returns the first day after day on which a subcontract row starts, or the zero Date.
func (r Rules) nextSubStart(day sp.Date) sp.Date {
	for _, row := range r.sub {
		if row.From.After(day) {
			return row.From
		}
	}
	return sp.Date{}
}

// EntitlementOn returns the entitlement row for role covering day, and whether there is one.
func (r Rules) EntitlementOn(role sp.Role, day sp.Date) (Entitlement, bool) {
	i := r.entIndex(role, day, day)
	if i < 0 {
		return Entitlement{}, false
	}
	return r.ent[i], true
}

// entIndex returns the index of the first entitlement row for role that covers a day from first to
// last, or -1.
func (r Rules) entIndex(role sp.Role, first, last sp.Date) int {
	for i := range r.ent {
		if r.ent[i].Role == role && !r.ent[i].To.Before(first) && !r.ent[i].From.After(last) {
			return i
		}
	}
	return -1
}

// sumIndex returns the index of the sum rate for year, or -1.
func (r Rules) sumIndex(year FinancialYear) int {
	for i := range r.sum {
		if r.sum[i].Year == year {
			return i
		}
	}
	return -1
}
