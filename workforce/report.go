package workforce

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// ClaimRef is the position of a claim in the audited input: its JSON form is the JSON Pointer
// "/claims/N". The zero ClaimRef points at no claim.
type ClaimRef struct{ n int32 } // index + 1

// ClaimAt returns the ClaimRef of the claim at index i of [Input.Claims] (i ≥ 0).
func ClaimAt(i int) ClaimRef { return ClaimRef{int32(i) + 1} }

// Index returns the index of the claim in [Input.Claims], and false for the zero ClaimRef.
func (c ClaimRef) Index() (int, bool) { return int(c.n) - 1, c.n > 0 }

// IsZero reports whether c points at no claim.
func (c ClaimRef) IsZero() bool { return c.n == 0 }

// IsValid reports whether c points at a claim.
func (c ClaimRef) IsValid() bool { return c.n > 0 }

// Equal reports whether c and d point at the same claim.
func (c ClaimRef) Equal(d ClaimRef) bool { return c == d }

// String returns "/claims/N", or "" for the zero ClaimRef.
func (c ClaimRef) String() string {
	if c.n == 0 {
		return ""
	}
	return string(c.appendTo(nil))
}

func (c ClaimRef) appendTo(b []byte) []byte {
	return strconv.AppendInt(append(b, "/claims/"...), int64(c.n)-1, 10)
}

// MarshalText returns "/claims/N", or an error for the zero ClaimRef.
func (c ClaimRef) MarshalText() ([]byte, error) {
	if c.n == 0 {
		return nil, fmt.Errorf("workforce: claim reference: marshal the zero ClaimRef: %w", sp.ErrInvalid)
	}
	return c.appendTo(make([]byte, 0, 16)), nil
}

// UnmarshalText accepts "/claims/N" with N a decimal index without leading zeros.
func (c *ClaimRef) UnmarshalText(b []byte) error {
	s, ok := strings.CutPrefix(string(b), "/claims/")
	if !ok || s == "" || len(s) > 9 || (len(s) > 1 && s[0] == '0') {
		return fmt.Errorf("workforce: claim reference: want /claims/N: %w", sp.ErrSyntax)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return fmt.Errorf("workforce: claim reference: want /claims/N: %w", sp.ErrSyntax)
		}
		n = n*10 + int(s[i]-'0')
	}
	*c = ClaimAt(n)
	return nil
}

// Part is one stretch of days of a person-month over which everything the maximum depends on is
// constant: the counted WTE, the role's rule row and, for subcontracted staff claiming a
// contribution, the contribution's rule row. The part's maximum is
//
//	AnnualMaximum × WTE × Days ÷ (12 × days in the month)
//
// and the month's maximum is the exact sum of its parts' maximums, rounded once.
type Part struct {
	// From is the first day of the part.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day of the part (inclusive).
	To sp.Date `json:"to" validate:"required"`
	// Days is the number of days from From to To.
	Days int `json:"days" validate:"required,min=1,max=31"`
	// WTE is the WTE counted: the person's WTE clamped to 1, limited to the absent WTE for cover,
	// less any WTE within the PCN's baseline.
	WTE WTETotal `json:"wte"`
	// AnnualMaximum is the role's maximum per WTE per 12 months from rule row Rule; absent when no
	// row covers the days (they add nothing to the maximum).
	AnnualMaximum Money `json:"annualMaximum,omitzero"`
	// Rule is the ID of the role's rule row, listed in [Report.Rules].
	Rule string `json:"rule,omitempty"`
	// SubcontractAnnualMaximum is the subcontract contribution's cap per WTE per 12 months from
	// row SubcontractRule, for subcontracted staff claiming a contribution.
	SubcontractAnnualMaximum Money `json:"subcontractAnnualMaximum,omitzero"`
	// SubcontractRule is the ID of the subcontract contribution's rule row.
	SubcontractRule string `json:"subcontractRule,omitempty"`
}

// Line is the audit of one claim for one person-month, with everything needed to re-derive it.
type Line struct {
	// Claim is the claim's position in the input ("/claims/N").
	Claim ClaimRef `json:"claim" validate:"required"`
	// PCN is the claiming PCN.
	PCN string `json:"pcn" validate:"required,nocontrol"`
	// Staff is the member of staff.
	Staff string `json:"staff" validate:"required,nocontrol"`
	// Month is the first day of the month.
	Month sp.Date `json:"month" validate:"required"`
	// Role is the person's role.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// Employment is how the PCN engages the person.
	Employment Employment `json:"employment" validate:"required,enum"`
	// DaysInMonth is the number of days in the month.
	DaysInMonth int `json:"daysInMonth" validate:"required,min=28,max=31"`
	// DaysInPost is the number of days of the month the person was in post.
	DaysInPost int `json:"daysInPost" validate:"min=0,max=31"`
	// Parts are the month's days in post cut where the WTE or a rule row changes.
	Parts []Part `json:"parts" validate:"dive"`
	// BaselineWTE is the WTE not counted because it falls within the PCN's 31 March 2019 baseline
	// in the role.
	BaselineWTE WTETotal `json:"baselineWte,omitzero"`
	// Costs is salary + employer NI + employer pension, as claimed.
	Costs Money `json:"costs" validate:"required"`
	// SubcontractClaimed is the subcontract contribution claimed, if any.
	SubcontractClaimed Money `json:"subcontractClaimed,omitzero"`
	// SubcontractCap is the most the contribution could count: the parts' SubcontractAnnualMaximum
	// × WTE × Days ÷ (12 × DaysInMonth), summed, rounded half-up to the penny for display.
	SubcontractCap Money `json:"subcontractCap,omitzero"`
	// SubcontractCounted is the contribution counted towards the costs: the claim, or the cap
	// (rounded for display) when the claim is above it, or 0.00 for directly employed staff.
	SubcontractCounted Money `json:"subcontractCounted,omitzero"`
	// Claimed is Costs + SubcontractClaimed.
	Claimed Money `json:"claimed" validate:"required"`
	// Maximum is the month's maximum reimbursable amount (the exact sum of the parts' maximums),
	// rounded half-up to the penny for display; the allowed amount is computed from the exact value.
	Maximum Money `json:"maximum" validate:"required"`
	// Allowed is min(Costs + the contribution counted, maximum), rounded once, half-up, to the
	// penny; 0.00 for a duplicate claim.
	Allowed Money `json:"allowed" validate:"required"`
	// Difference is Claimed − Allowed.
	Difference Money `json:"difference" validate:"required"`
	// Capped reports that the costs counted were more than the maximum, so the maximum was allowed.
	// It is false where the maximum is not known (NoRule, NotInPost).
	Capped bool `json:"capped,omitempty"`
	// NoRule reports that on some days in post no rule row gave the role's maximum: the maximum is
	// not known (those days count at nothing until a row for them is loaded), so the line is not
	// said to be capped.
	NoRule bool `json:"noRule,omitempty"`
	// NotInPost reports that the member of staff was not in post on any day of the month: nothing is
	// allowed, and the line is not said to be capped.
	NotInPost bool `json:"notInPost,omitempty"`
	// Duplicate reports a second claim for the same member of staff and month, on which nothing is
	// allowed.
	Duplicate bool `json:"duplicate,omitempty"`
	// Rules are the IDs of the rule rows the line used, in order of date, each listed in
	// [Report.Rules].
	Rules []string `json:"rules,omitempty"`
}

// Kinds of rule row in [Report.Rules].
const (
	// RuleKindRoleMaximum is a [RoleRate].
	RuleKindRoleMaximum = "role-maximum"
	// RuleKindSubcontract is a [SubcontractRate].
	RuleKindSubcontract = "subcontract"
	// RuleKindSumRate is a [SumRate].
	RuleKindSumRate = "sum-rate"
	// RuleKindEntitlement is an [Entitlement].
	RuleKindEntitlement = "entitlement"
)

// RuleUsed is one rule row a report used, listed once in [Report.Rules]; lines, PCN-years and
// findings cite it by ID.
type RuleUsed struct {
	// ID is the row's ID.
	ID string `json:"id" validate:"required"`
	// Kind says which table the row is from.
	Kind string `json:"kind" validate:"required,oneof=role-maximum subcontract sum-rate entitlement"`
	// Role is the role of a role-maximum or entitlement row.
	Role sp.Role `json:"role,omitempty"`
	// From is the first day of a dated row.
	From sp.Date `json:"from,omitzero"`
	// To is the last day of a dated row.
	To sp.Date `json:"to,omitzero"`
	// Year is the year of a sum rate.
	Year FinancialYear `json:"year,omitzero"`
	// AnnualMaximum is the amount per WTE per 12 months of a role-maximum or subcontract row.
	AnnualMaximum Money `json:"annualMaximum,omitzero"`
	// Band is a role-maximum row's Agenda for Change band, where known.
	Band string `json:"band,omitempty"`
	// Rate is a sum rate's pounds per weighted patient.
	Rate Rate `json:"rate,omitzero"`
	// SnapshotDate is the date of the weighted population a sum rate applies to, where known.
	SnapshotDate sp.Date `json:"snapshotDate,omitzero"`
	// WTE is an entitlement's WTE per PCN.
	WTE WTETotal `json:"wte,omitzero"`
	// MaxListSize is the largest list size an entitlement's WTE applies to.
	MaxListSize int `json:"maxListSize,omitempty"`
	// Source cites where the row's figure comes from.
	Source string `json:"source" validate:"required"`
	// Confidence says how sure the figure is.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
	// Origin says where the row was loaded from.
	Origin string `json:"origin,omitempty"`
}

// Basis is the basis of a finding code that rests on the scheme's rules rather than on one rule row,
// listed once in [Report.Bases] for the codes the report's findings use.
type Basis struct {
	// Code is the finding code, one of the Code constants.
	Code string `json:"code" validate:"required"`
	// Source cites the rule, with its confidence.
	Source string `json:"source" validate:"required"`
}

// Subtotal sums a group of lines.
type Subtotal struct {
	// Lines is the number of lines.
	Lines int `json:"lines"`
	// Claimed is the sum of the lines' claimed amounts.
	Claimed Money `json:"claimed" validate:"required"`
	// Allowed is the sum of the lines' allowed amounts.
	Allowed Money `json:"allowed" validate:"required"`
	// Difference is the sum of the lines' differences.
	Difference Money `json:"difference" validate:"required"`
}

// StaffTotal sums one member of staff's lines.
type StaffTotal struct {
	// PCN is the PCN.
	PCN string `json:"pcn" validate:"required,nocontrol"`
	// Staff is the member of staff.
	Staff string `json:"staff" validate:"required,nocontrol"`
	// Role is the person's role.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// Subtotal sums the person's lines.
	Subtotal
}

// MonthTotal sums one PCN's lines of one month.
type MonthTotal struct {
	// PCN is the PCN.
	PCN string `json:"pcn" validate:"required,nocontrol"`
	// Month is the first day of the month.
	Month sp.Date `json:"month" validate:"required"`
	// Subtotal sums the PCN's lines of the month.
	Subtotal
}

// PCNYearSummary summarises one PCN's lines in one financial year against its Additional Roles
// Reimbursement Sum.
type PCNYearSummary struct {
	// PCN is the PCN.
	PCN string `json:"pcn" validate:"required,nocontrol"`
	// Year is the financial year.
	Year FinancialYear `json:"year" validate:"required"`
	// Lines is the number of the year's lines.
	Lines int `json:"lines"`
	// Claimed is the sum of the year's lines' claimed amounts.
	Claimed Money `json:"claimed" validate:"required"`
	// WeightedPopulation is the PCN's weighted population the sum was calculated on, where known.
	WeightedPopulation WeightedPopulation `json:"weightedPopulation,omitzero"`
	// Sum is rate × weighted population rounded half-up to the penny; absent when it is unknown
	// (no rate for the year, no weighted population, or a year of entitlements in WTE such as
	// 2019/20).
	Sum Money `json:"sum,omitzero"`
	// SumRule is the ID of the sum rate row used, listed in [Report.Rules].
	SumRule string `json:"sumRule,omitempty"`
	// OtherRolesClaimed is what the PCN claimed for roles this package does not model.
	OtherRolesClaimed Money `json:"otherRolesClaimed" validate:"required"`
	// Allowed is the sum of the year's allowed lines.
	Allowed Money `json:"allowed" validate:"required"`
	// Excess is how much OtherRolesClaimed + Allowed exceeds Sum (0.00 if it does not).
	Excess Money `json:"excess" validate:"required"`
	// RanOut is the month in which the sum ran out, if it did.
	RanOut sp.Date `json:"ranOut,omitzero"`
	// Payable is Allowed − Excess: the lines' allowed amounts capped by the sum.
	Payable Money `json:"payable" validate:"required"`
	// OverEntitlement reports that in some month of the year the WTE claimed in a role was more than
	// its [Entitlement] row allows (the 2019/20 link worker entitlement), and that Payable is NOT
	// reduced for it: the entitlement is a number of WTE, and no source says how much of which
	// claim the excess WTE's money is, so the auditor decides (see the over-entitlement findings).
	OverEntitlement bool `json:"overEntitlement,omitempty"`
}

// Totals are the sums of a report's lines and PCN-years.
type Totals struct {
	// Lines is the number of person-month lines.
	Lines int `json:"lines"`
	// Capped is the number of lines whose costs were more than a known maximum.
	Capped int `json:"capped"`
	// NoRule is the number of lines whose maximum is not known, for want of a rule row on some days.
	NoRule int `json:"noRule"`
	// NotInPost is the number of lines for a month without a day in post.
	NotInPost int `json:"notInPost"`
	// Claimed is the sum of the lines' claimed amounts.
	Claimed Money `json:"claimed" validate:"required"`
	// Allowed is the sum of the lines' allowed amounts.
	Allowed Money `json:"allowed" validate:"required"`
	// Difference is the sum of the lines' differences.
	Difference Money `json:"difference" validate:"required"`
	// Excess is the sum of the PCN-years' excesses over their ARRS sums.
	Excess Money `json:"excess" validate:"required"`
	// Payable is Allowed − Excess.
	Payable Money `json:"payable" validate:"required"`
	// Errors counts the error findings, before any filter of the command-line tool.
	Errors int `json:"errors"`
	// Warnings counts the warning findings.
	Warnings int `json:"warnings"`
	// Infos counts the info findings.
	Infos int `json:"infos"`
}

// Finding is one finding of an audit, with the person-month, PCN-year or claim it is about in
// fields of its own and the rule rows it rests on cited by ID. Its message never holds an ID or
// personal data.
type Finding struct {
	// Rule is the finding's code, one of the Code constants.
	Rule string `json:"rule" validate:"required"`
	// Severity grades the finding.
	Severity sp.Severity `json:"severity" validate:"required,enum"`
	// PCN is the PCN the finding is about, if any.
	PCN string `json:"pcn,omitempty" validate:"nocontrol"`
	// Staff is the member of staff the finding is about, if any.
	Staff string `json:"staff,omitempty" validate:"nocontrol"`
	// Month is the month the finding is about, if any.
	Month sp.Date `json:"month,omitzero"`
	// Year is the financial year the finding is about, if any.
	Year FinancialYear `json:"year,omitzero"`
	// Claim is the claim the finding is about, if any ("/claims/N").
	Claim ClaimRef `json:"claim,omitzero"`
	// RuleRows are the IDs of the rule rows the finding rests on, listed in [Report.Rules].
	RuleRows []string `json:"ruleRows,omitempty"`
	// Path is a JSON Pointer into the input, for findings about invalid input.
	Path string `json:"path,omitempty"`
	// Message says what was found, for people.
	Message string `json:"message" validate:"required"`
}

// Subject names what the finding is about: "pcn P1 staff S1 month 2023-07 claim /claims/3", "pcn P1
// year 2023/24", "input".
func (f Finding) Subject() string {
	var b []byte
	if f.PCN != "" {
		b = append(append(b, "pcn "...), f.PCN...)
	}
	if f.Staff != "" {
		b = append(append(b, " staff "...), f.Staff...)
	}
	if f.Month.IsValid() {
		b = appendMonth(append(b, " month "...), f.Month)
	}
	if f.Year.IsValid() {
		b = f.Year.appendTo(append(b, " year "...))
	}
	if f.Claim.IsValid() {
		b = f.Claim.appendTo(append(b, " claim "...))
	}
	s := strings.TrimPrefix(string(b), " ")
	if s == "" {
		return "input"
	}
	return s
}

// Common returns f in the shape every checker of the library returns, its Source empty: an audit's
// findings cite rule rows by ID, and the rows' sources are in [Report.Rules].
//
// A Path that only repeats the claim the Subject names ("/claims/3") is left out, so the claim is
// said once.
func (f Finding) Common() sp.Finding {
	path := f.Path
	if f.Claim.IsValid() && path == f.Claim.String() {
		path = ""
	}
	return sp.Finding{Rule: f.Rule, Severity: f.Severity, Subject: f.Subject(), Path: path, Message: f.Message}
}

// String returns "severity rule subject path: message".
func (f Finding) String() string { return f.Common().String() }

// CompareFindings orders findings by severity (errors first), then PCN, staff, month, year, claim,
// rule, rule rows, path and message: the order of [Report.Findings].
func CompareFindings(a, b Finding) int {
	if c := a.Severity.Compare(b.Severity); c != 0 {
		return c
	}
	if c := strings.Compare(a.PCN, b.PCN); c != 0 {
		return c
	}
	if c := strings.Compare(a.Staff, b.Staff); c != 0 {
		return c
	}
	if c := a.Month.Compare(b.Month); c != 0 {
		return c
	}
	if c := a.Year.Compare(b.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Claim.n, b.Claim.n); c != 0 {
		return c
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	for i := 0; i < len(a.RuleRows) && i < len(b.RuleRows); i++ {
		if c := strings.Compare(a.RuleRows[i], b.RuleRows[i]); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(a.RuleRows), len(b.RuleRows)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// Report is the result of [Audit]: one line per claim audited (a person-month), the rule rows used,
// subtotals per member of staff, per PCN-month and per PCN-year, the totals and the findings, with
// the library version and ruleset digest that produced them. The same input and rules give a
// byte-identical report. A report holds IDs, dates and amounts, never a name: IDs are what the input
// gave, and the input's documents ask for identifiers that are not names.
type Report struct {
	// LibraryVersion is [LibraryVersion].
	LibraryVersion string `json:"libraryVersion" validate:"required"`
	// RulesetDigest is [Rules.Digest] of the rules used.
	RulesetDigest string `json:"rulesetDigest" validate:"required"`
	// Rounding is [Rounding].
	Rounding string `json:"rounding" validate:"required"`
	// Totals sum the lines and PCN-years, and count the findings.
	Totals Totals `json:"totals" validate:"required"`
	// PCNYears are sorted by PCN and year.
	PCNYears []PCNYearSummary `json:"pcnYears" validate:"dive"`
	// Rules are the rule rows the report used, each once, in the order of [Rules.Table]: role
	// maximums, subcontract caps, sum rates, entitlements.
	Rules []RuleUsed `json:"rules" validate:"dive"`
	// Bases are the bases of the finding codes used that rest on the scheme's rules rather than on
	// one row, sorted by code.
	Bases []Basis `json:"bases" validate:"dive"`
	// Lines are sorted by PCN, staff and month.
	Lines []Line `json:"lines" validate:"dive"`
	// StaffTotals are sorted by PCN and staff.
	StaffTotals []StaffTotal `json:"staffTotals" validate:"dive"`
	// MonthTotals are sorted by PCN and month.
	MonthTotals []MonthTotal `json:"monthTotals" validate:"dive"`
	// Findings are sorted as [CompareFindings] does.
	Findings []Finding `json:"findings" validate:"dive"`
}

// Validate checks the report's fields, for a report read back from JSON. It returns nil or a
// *socialprescribing.ValidationError.
func (r Report) Validate() error {
	return validation.Struct("workforce.Report", &r).Err()
}

// HasErrors reports whether any finding has [socialprescribing.SeverityError].
func (r Report) HasErrors() bool {
	for i := range r.Findings {
		if r.Findings[i].Severity == sp.SeverityError {
			return true
		}
	}
	return false
}

// Rule returns the rule row of the report with the given ID, and whether there is one.
func (r Report) Rule(id string) (RuleUsed, bool) {
	for _, u := range r.Rules {
		if u.ID == id {
			return u, true
		}
	}
	return RuleUsed{}, false
}

// appendMonth writes "2023-07".
func appendMonth(b []byte, d sp.Date) []byte {
	y, m := d.Year(), int(d.Month())
	return append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-', byte('0'+m/10), byte('0'+m%10))
}

// appendDate writes "2023-07-01".
func appendDate(b []byte, d sp.Date) []byte {
	day := d.Day()
	return append(appendMonth(b, d), '-', byte('0'+day/10), byte('0'+day%10))
}
