// Package workforce models social prescribing link workers and their colleagues in primary care
// networks (PCNs), their caseload, and the Additional Roles Reimbursement Scheme (ARRS) of the
// Network Contract DES: an engine that audits monthly reimbursement claims and explains every
// figure it produces.
//
// # Values
//
// [Money] is an exact amount in pounds and pence (shopspring/decimal at the edges, whole pence
// inside; one JSON form, a string with exactly two decimal places). [WTE] is one person's
// whole-time equivalent in (0, 1]; [WTETotal] a WTE count across people; [Rate] pounds per weighted
// patient; [WeightedPopulation] a PCN's contractor weighted population; [FinancialYear] an NHS year
// such as "2023/24". None of them is a float, and this package never reads or sets a package-level
// setting of shopspring/decimal.
//
// # Roles
//
// Staff, baselines and rule rows take the library's one role vocabulary, the root package's Role, limited to the
// roles the scheme reimburses (ARRSRoles): social prescribing link workers (up to Agenda for
// Change band 5), health and wellbeing coaches (up to band 5; no maximum amount is shipped, as the
// figures could not be confirmed: load them as rows) and care coordinators (band 4).
//
// # Rules as data
//
// The maximum reimbursable amount per WTE for a role is a set of effective-dated [RoleRate] rows,
// the ARRS sum rate per weighted patient a [SumRate] row per year, the subcontract contribution's
// cap a [SubcontractRate] row and the 2019/20 link worker entitlement an [Entitlement] row; each row
// carries its source and confidence, and the engine reads every figure and every cut of a month from
// rows only. [DefaultRules] ships only the figures of the NHS England Network Contract DES
// that the library's sources give with high, medium-high or medium confidence
// (SOURCES.md#arrs-maximums and #arrs-sum); where a figure could not be confirmed there is no row,
// and a claim for such a period is reported with [CodeNoRule] (never reimbursed at a silent zero).
// Load your own rows with [ParseRuleTable] and [Rules.Override]: they replace the library's for the
// days they cover and record where they came from. [Rules.Digest] identifies a ruleset.
//
// # The engine
//
// [Audit] audits an [Input] (PCNs, staff, claims) under a [Rules] and returns a [Report]: one
// [Line] per claim audited (a person-month), pointing at its claim ([ClaimRef], "/claims/N") and
// carrying how it was built ([Part]s, days, WTE, the contribution's cap; [Line.Derivation] says it
// in words); one [PCNYearSummary] per PCN and year against the ARRS sum; subtotals per member of
// staff and per PCN-month; the totals; each rule row used, once ([RuleUsed]); and [Finding]s with
// stable codes (the Code constants) and fields of their own (PCN, staff, month or year, claim, the
// rows they rest on by ID). The pro-rata rule is the library's documented reading of the DES:
//
//	monthly maximum = annual maximum × WTE ÷ 12 × days in post ÷ days in the month
//	(a month split by a change of rate or WTE is the exact sum of its parts)
//	allowed = min(salary + employer NI + employer pension [+ subcontract contribution
//	          ≤ the row's annual cap × WTE ÷ 12 × the same fraction], monthly maximum)
//
// The arithmetic is exact (integers and rationals); the allowed amount is rounded once per
// person-month, to the penny, half-up; totals are sums of rounded lines, so they reconcile to the
// penny. The same input gives a byte-identical report, stamped with [LibraryVersion] and the
// ruleset digest and streamed to an io.Writer by [Report.WriteJSON], [Report.WriteCSV] (with
// [Report.WriteFindingsCSV], [Report.WritePCNYearsCSV], [Report.WriteRulesCSV] and
// [Report.WriteTotalsCSV] beside it; every cell made safe by [CSVCell]) and [Report.WriteText]. IDs
// reject control characters and line breaks, so no ID can forge a line of a report; reports hold
// IDs, never names.
//
// Leave needs nothing special: a month of reduced pay is reimbursed on what was paid. Cover for an
// absence counts only the absent WTE ([Cover]). Only WTE above the PCN's 31 March 2019 baseline in a
// role is claimable ([BaselineWTE]). In 2019/20 a PCN could claim one WTE link worker; the
// entitlement of a PCN above 100,000 patients is not published, so the caller supplies it
// ([PCN.SPLWEntitlement2019]).
//
// # Caseload and supervision
//
// [CaseloadPolicy] checks a worker's accepted referrals (counts and dates) against a typical range
// per WTE per year, Health Education England's 200–250 by default, pro-rated by WTE and days in
// post, and an optional open-caseload limit. [SupervisionPolicy] checks the last supervision date
// against an interval the caller sets: there is no official figure, so there is no default.
//
// Every type of this package is a value type, immutable after construction or used by value, and
// safe for concurrent use; Audit and the checks are pure functions of their arguments.
package workforce

//go:generate go run ../internal/enumgen
