package workforce

import (
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// Line is the audit of one person-month.
type Line struct {
	// PCN is the claiming PCN.
	PCN string `json:"pcn" validate:"required"`
	// Staff is the member of staff.
	Staff string `json:"staff" validate:"required"`
	// Month is the first day of the month.
	Month sp.Date `json:"month" validate:"required"`
	// Role is the person's role.
	Role sp.Role `json:"role" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// Claimed is salary + employer NI + employer pension + subcontract contribution, as claimed.
	Claimed Money `json:"claimed" validate:"required"`
	// Maximum is the month's maximum reimbursable amount (annual maximum × WTE ÷ 12 × days in post
	// ÷ days in the month, summed over the month's parts), rounded half-up to the penny for
	// display; the allowed amount is computed from the exact value.
	Maximum Money `json:"maximum" validate:"required"`
	// Allowed is min(costs, maximum), rounded once, half-up, to the penny.
	Allowed Money `json:"allowed" validate:"required"`
	// Difference is Claimed − Allowed.
	Difference Money `json:"difference" validate:"required"`
	// Rules are the IDs of the rule rows the maximum was built from.
	Rules []string `json:"rules,omitempty"`
}

// PCNYearSummary summarises one PCN's lines in one financial year against its Additional Roles
// Reimbursement Sum.
type PCNYearSummary struct {
	// PCN is the PCN.
	PCN string `json:"pcn" validate:"required"`
	// Year is the financial year.
	Year FinancialYear `json:"year" validate:"required"`
	// Sum is rate × weighted population rounded half-up to the penny; absent when it is unknown
	// (no rate for the year, no weighted population, or 2019/20, which had an entitlement in WTE
	// instead).
	Sum Money `json:"sum,omitzero"`
	// SumRule is the ID of the sum rate row used.
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
}

// Totals are the sums of a report's lines and PCN-years.
type Totals struct {
	// Lines is the number of person-month lines.
	Lines int `json:"lines"`
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
}

// Report is the result of [Audit]: one line per person-month, one summary per PCN and year, the
// totals and the findings, with the library version and ruleset digest that produced them. The same
// input and rules give a byte-identical report.
type Report struct {
	// LibraryVersion is [LibraryVersion].
	LibraryVersion string `json:"libraryVersion" validate:"required"`
	// RulesetDigest is [Rules.Digest] of the rules used.
	RulesetDigest string `json:"rulesetDigest" validate:"required"`
	// Rounding is [Rounding].
	Rounding string `json:"rounding" validate:"required"`
	// Lines are sorted by PCN, staff and month.
	Lines []Line `json:"lines" validate:"dive"`
	// PCNYears are sorted by PCN and year.
	PCNYears []PCNYearSummary `json:"pcnYears" validate:"dive"`
	// Totals sum the lines and PCN-years.
	Totals Totals `json:"totals" validate:"required"`
	// Findings are sorted as [socialprescribing.SortFindings] does.
	Findings []sp.Finding `json:"findings" validate:"dive"`
}

// Validate checks the report's findings (each has a rule, a valid severity and a message), for a
// report read back from JSON. It returns nil or a *socialprescribing.ValidationError.
func (r Report) Validate() error {
	return validation.Struct("workforce.Report", &r).Err()
}
