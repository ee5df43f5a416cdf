package workforce

// LibraryVersion is the version of go-socialprescribing that this package reports in every audit
// [Report], so a report can be reproduced with the same library.
const LibraryVersion = "v0.1.0-dev"

// Rounding names the one rounding the engine does: the allowed amount of each person-month is
// calculated exactly and rounded once, to the penny, half-up (a half penny goes up; every amount
// rounded is non-negative, so this is also half away from zero). The ARRS sum (rate × weighted
// population) is rounded the same way, once per PCN and year. Totals are sums of rounded lines.
const Rounding = "exact arithmetic; allowed amount rounded once per person-month to the penny, half-up; ARRS sum rounded once per PCN-year to the penny, half-up; totals are sums of rounded lines"

// Finding rule codes of [Audit]. They are stable: callers may switch on them.
const (
	// CodeOverMaximum: the claim for a person-month is more than its maximum; the allowed amount
	// is the maximum.
	CodeOverMaximum = "workforce.over-maximum"
	// CodeNoRule: no rule row covers some days of a claimed period (a role on a date, or a year's
	// ARRS sum rate). Those days are reimbursed at nothing until a row is loaded.
	CodeNoRule = "workforce.no-rule"
	// CodeWTEOutOfRange: a WTE is above 1; the maximum is computed with it clamped to 1. (A WTE of
	// 0 reads as a missing WTE: the member of staff is invalid input and their claims are not
	// audited.)
	CodeWTEOutOfRange = "workforce.wte-out-of-range"
	// CodeOutsidePost: a claim for a month in which the person was not in post at all; nothing is
	// allowed.
	CodeOutsidePost = "workforce.outside-post"
	// CodeOverPCNSum: a PCN's claims in a year exceed its Additional Roles Reimbursement Sum; the
	// finding names the month in which the sum ran out and the excess.
	CodeOverPCNSum = "workforce.over-pcn-sum"
	// CodeSubcontractTooHigh: a subcontract contribution above its cap (the [SubcontractRate] row's
	// annual cap, £2,400 by default, × WTE ÷ 12 × the fraction of the month in post); only the cap
	// counts.
	CodeSubcontractTooHigh = "workforce.subcontract-too-high"
	// CodeSubcontractNotSubcontracted: a subcontract contribution claimed for directly employed
	// staff; it does not count.
	CodeSubcontractNotSubcontracted = "workforce.subcontract-not-subcontracted"
	// CodeNotAdditional: some or all of a person's WTE falls within the PCN's 31 March 2019
	// baseline in the role and is not claimable.
	CodeNotAdditional = "workforce.not-additional"
	// CodeDuplicateClaim: a second claim for the same person and month; nothing is allowed on it.
	CodeDuplicateClaim = "workforce.duplicate-claim"
	// CodeCoverOverAbsent: cover staff work more WTE than is absent; only the absent WTE counts.
	CodeCoverOverAbsent = "workforce.cover-over-absent-wte"
	// CodeOverEntitlement2019: a PCN claimed for more WTE in a role in a month than an
	// [Entitlement] row allows (in 2019/20, one WTE link worker, or the caller's figure above 100,000
	// patients).
	CodeOverEntitlement2019 = "workforce.over-entitlement-2019"
	// CodeEntitlementUnknown: a PCN of more than 100,000 patients claimed in 2019/20 without the
	// caller giving its entitlement, which no source states.
	CodeEntitlementUnknown = "workforce.entitlement-unknown"
	// CodeNoWeightedPopulation: a PCN's weighted population for a year is missing, so its ARRS sum
	// cannot be checked.
	CodeNoWeightedPopulation = "workforce.no-weighted-population"
	// CodeUnknownStaff: a claim names a member of staff not in the input; it is not audited.
	CodeUnknownStaff = "workforce.unknown-staff"
	// CodeUnknownPCN: a claim names a PCN not in the input; its ARRS sum cannot be checked.
	CodeUnknownPCN = "workforce.unknown-pcn"
	// CodePCNMismatch: a claim's PCN is not the PCN of the member of staff; it is not audited.
	CodePCNMismatch = "workforce.pcn-mismatch"
	// CodeInvalidInput: the input breaks a validation rule (the finding's Path points at it).
	CodeInvalidInput = "workforce.invalid-input"
	// CodeNotAudited: a claim is not audited because it, or its member of staff, is invalid.
	CodeNotAudited = "workforce.claim-not-audited"
	// CodeLowConfidenceRule: a line used a rule row of low or unconfirmed confidence (only a
	// loaded row can be).
	CodeLowConfidenceRule = "workforce.low-confidence-rule"
	// CodeSnapshotMismatch (warning): the PCN's weighted population is given at a date other than the
	// snapshot date the year's ARRS sum rate is applied to (1 January before the year from 2023/24).
	CodeSnapshotMismatch = "workforce.snapshot-date-mismatch"
)

// Sources cited by findings whose rule is not a rule row.
const (
	sourceAdditionality = "NHS England, Network Contract DES: claims only for staff additional to the PCN's 31 March 2019 baseline (confidence high; counting in WTE per role is the library's reading)"
	sourceSubcontract   = "NHS England, Network Contract DES: subcontracted staff, a flat contribution of up to £2,400 per WTE per year (£200 a month) pro rata, inside the role's maximum (confidence high)"
	sourceCover         = "NHS England ARRS FAQ 2021/22 as reported: cover for an absence claimable only for the absent WTE (confidence medium-high)"
	sourceEntitlement   = "NHS England, Network Contract DES 2019/20: one WTE link worker per PCN at 100% (confidence high); more above 100,000 patients, number not published (unconfirmed: caller's value)"
	sourceProRata       = "go-socialprescribing documented assumption: monthly maximum = annual maximum × WTE ÷ 12, pro-rated by days in post ÷ days in the month; allowed = min(costs, maximum) (derived)"
	sourceDuplicate     = "NHS England, Network Contract DES: claims are monthly, one per member of staff (confidence high)"
)

// sourceNoRule is the basis of CodeNoRule.
const sourceNoRule = "go-socialprescribing DefaultRules ships no figure that could not be confirmed (SOURCES.md#arrs-maximums, #arrs-subcontracted and #arrs-sum): a period without a confirmed figure has no row, and its days count nothing until a row is loaded"

// bases are the bases of the codes that rest on the scheme's rules rather than on one rule row,
// sorted by code.
var bases = [...]Basis{
	{CodeCoverOverAbsent, sourceCover},
	{CodeDuplicateClaim, sourceDuplicate},
	{CodeEntitlementUnknown, sourceEntitlement},
	{CodeNoRule, sourceNoRule},
	{CodeNotAdditional, sourceAdditionality},
	{CodeOutsidePost, sourceProRata},
	{CodeOverMaximum, sourceProRata},
	{CodeSubcontractNotSubcontracted, sourceSubcontract},
	{CodeWTEOutOfRange, sourceProRata},
}
