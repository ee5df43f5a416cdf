package schema

import (
	"reflect"
	"strconv"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// Go-only rules of the workforce documents.
const (
	goOnlyDateRange   = "date-range: dates from 1900-01-01 to 2999-12-31"
	goOnlyMoneyRange  = "money-range: claim amounts from 0.00 to 10000000.00; annual maximums from 0.01"
	goOnlyFinancialYr = "financialyear: the two-digit year is the year after the four-digit one"
	goOnlyWTEStart    = "wte-start: the first WTE period starts on the first day in post"
	goOnlyWTEOrder    = "wte-order: WTE periods are in order of date"
	goOnlyStaffDates  = "date-order: the last day in post is not before the first"
	goOnlyDuplicateYr = "duplicate-year: a year is given once"
	wtePattern        = `^(1(\.0{1,4})?|0\.([1-9][0-9]{0,3}|0[1-9][0-9]{0,2}|00[1-9][0-9]?|000[1-9]))$`
)

func workforceDocuments() []document {
	return []document{
		{
			Name:        "workforce.claim",
			Type:        reflect.TypeFor[workforce.Claim](),
			Title:       "ARRS claim",
			Description: "A PCN's monthly Additional Roles Reimbursement Scheme claim for one member of staff: salary, employer National Insurance and pension, and any subcontract contribution.",
			GoOnly:      []string{goOnlyDateRange, goOnlyMoneyRange, "first-of-month: the month is given as its first day"},
		},
		{
			Name:        "workforce.staff-member",
			Type:        reflect.TypeFor[workforce.StaffMember](),
			Title:       "Member of PCN staff",
			Description: "A member of a PCN's staff in a reimbursable role: role, employment, dates in post, WTE over time and any absence covered.",
			GoOnly:      []string{goOnlyDateRange, goOnlyStaffDates, goOnlyWTEStart, goOnlyWTEOrder},
		},
		{
			Name:        "workforce.pcn",
			Type:        reflect.TypeFor[workforce.PCN](),
			Title:       "Primary care network",
			Description: "A PCN as the reimbursement engine needs it: list size, weighted population per financial year, and its workforce baseline at 31 March 2019.",
			GoOnly:      []string{goOnlyDateRange, goOnlyFinancialYr, goOnlyDuplicateYr, "duplicate-role: a baseline role is given once", "money-range: amounts claimed for other roles are not negative"},
		},
		{
			Name:        "workforce.audit-input",
			Type:        reflect.TypeFor[workforce.Input](),
			Title:       "ARRS audit input",
			Description: "Everything an ARRS claim audit reads: the PCNs, every member of staff in a modelled role, and the monthly claims.",
			GoOnly: []string{goOnlyDateRange, goOnlyMoneyRange, goOnlyFinancialYr, goOnlyWTEStart, goOnlyWTEOrder, goOnlyStaffDates, goOnlyDuplicateYr,
				"duplicate-id: PCN and staff IDs are unique", "first-of-month: claim months are given as their first day"},
		},
		{
			Name:        "workforce.rule-table",
			Type:        reflect.TypeFor[workforce.RuleTable](),
			Title:       "ARRS rule table",
			Description: "Effective-dated maximum reimbursable amounts per role, ARRS sum rates per year, subcontract contribution caps and entitlements in WTE, each with its source and confidence, to load over the library's own.",
			GoOnly: []string{goOnlyDateRange, goOnlyFinancialYr, goOnlyDuplicateYr, "date-order: a row does not end before it starts",
				"overlap: rows of one role (maximums, entitlements) do not overlap, nor do subcontract rows",
				"money-range: an annual maximum from 0.01 to 10000000.00"},
		},
		{
			Name:        "workforce.audit-report",
			Type:        reflect.TypeFor[workforce.Report](),
			Title:       "ARRS audit report",
			Description: "The result of an ARRS claim audit: the totals and PCN-year position, each rule row used (once, with its source and confidence), one line per claim audited with the parts, days and amounts its maximum and allowed amount were built from, subtotals per member of staff and per PCN-month, and findings with structured fields citing rows by ID, with the library version and ruleset digest that produced it.",
		},
		{
			Name:        "workforce.caseload",
			Type:        reflect.TypeFor[workforce.Caseload](),
			Title:       "Link worker caseload",
			Description: "A link worker's caseload over a period as counts and dates: people accepted, and open caseload counts.",
			GoOnly: []string{goOnlyDateRange, goOnlyStaffDates, goOnlyWTEStart, goOnlyWTEOrder, "date-order: the period does not end before it starts",
				"period-length: at most ten years"},
		},
		{
			Name:        "workforce.caseload-policy",
			Type:        reflect.TypeFor[workforce.CaseloadPolicy](),
			Title:       "Caseload policy",
			Description: "A typical range of people accepted per WTE per year and an optional open-caseload limit per WTE, with their source and confidence.",
			GoOnly:      []string{"range-order: the annual minimum is not above the maximum"},
		},
	}
}

func workforceValueTypes() []valueType {
	return []valueType{
		stringType[workforce.Money](`^(0\.[0-9]{2}|-0\.(0[1-9]|[1-9][0-9])|-?[1-9][0-9]{0,12}\.[0-9]{2})$`, "",
			"An amount of pounds sterling: a string with exactly two decimal places, such as \"1234.50\"; no leading zeros, no negative zero."),
		stringType[workforce.WTE](wtePattern, "", "One person's whole-time equivalent, more than 0 and at most 1, with at most four decimal places, such as \"0.8\"."),
		stringType[workforce.WTETotal](`^(0|[1-9][0-9]{0,5})(\.[0-9]{1,4})?$`, "", "A number of whole-time equivalents across people, at least 0, with at most four decimal places."),
		stringType[workforce.Rate](positivePattern(5), "", "Pounds per weighted patient, more than 0, with at most four decimal places, such as \"22.671\"."),
		stringType[workforce.WeightedPopulation](positivePattern(7), "", "A PCN's contractor weighted population, more than 0, with at most four decimal places."),
		stringType[workforce.ClaimRef](`^/claims/(0|[1-9][0-9]{0,8})$`, "", "The position of a claim in the audited input, as a JSON Pointer: \"/claims/0\" is the first."),
		stringType[workforce.FinancialYear](`^[0-9]{4}/[0-9]{2}$`, "", "An NHS financial year, 1 April to 31 March, written \"2023/24\"."),
		enumType(workforce.Employments, "How a PCN engages a member of staff: directly, or subcontracted from another organisation."),
	}
}

// positivePattern matches a decimal more than zero with at most four decimal places and at most
// intDigits+1 digits before the point.
func positivePattern(intDigits int) string {
	return `^([1-9][0-9]{0,` + strconv.Itoa(intDigits) + `}(\.[0-9]{1,4})?|0\.([1-9][0-9]{0,3}|0[1-9][0-9]{0,2}|00[1-9][0-9]?|000[1-9]))$`
}
