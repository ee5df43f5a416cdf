package workforce_test

import (
	"fmt"
	"os"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/shopspring/decimal"
)

func ExampleAudit() {
	in := workforce.Input{
		PCNs: []workforce.PCN{{ID: "U00001", ListSize: 42000}},
		Staff: []workforce.StaffMember{{
			ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
			Start: sp.MustParseDate("2023-07-10"),
			WTE:   []workforce.WTEPeriod{{From: sp.MustParseDate("2023-07-10"), WTE: workforce.MustParseWTE("0.8")}},
		}},
		Claims: []workforce.Claim{{
			PCN: "U00001", Staff: "S1", Month: sp.MustParseDate("2023-07-01"),
			Salary:                    workforce.MustParseMoney("1800.00"),
			EmployerNationalInsurance: workforce.MustParseMoney("150.00"),
			EmployerPension:           workforce.MustParseMoney("250.00"),
		}},
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	l := rep.Lines[0]
	// 40,159 × 0.8 ÷ 12 × 22/31 = 1,900.0043…: the claim of 2,200.00 is capped.
	fmt.Println(l.Month, l.Claimed, l.Maximum, l.Allowed, l.Difference)
	for _, f := range rep.Findings {
		fmt.Println(f)
	}
	// Output:
	// 2023-07-01 2200.00 1900.00 1900.00 300.00
	// warning workforce.no-weighted-population pcn U00001 year 2023/24: the PCN's weighted population for the year is not given: its ARRS sum cannot be checked
	// warning workforce.over-maximum pcn U00001 staff S1 month 2023-07 claim /claims/0: the costs claimed are more than the month's maximum; the maximum is allowed
}

// A line carries how its maximum was built; Derivation says it in words, citing the rule rows by
// ID, and the report lists each row once with its source.
func ExampleLine_Derivation() {
	in := workforce.Input{
		PCNs: []workforce.PCN{{ID: "U00001", ListSize: 42000}},
		Staff: []workforce.StaffMember{{
			ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentSubcontracted,
			Start: sp.MustParseDate("2023-06-10"),
			WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-06-10"), WTE: workforce.MustParseWTE("0.8")},
				{From: sp.MustParseDate("2023-07-20"), WTE: workforce.MustParseWTE("1")}},
		}},
		Claims: []workforce.Claim{{
			PCN: "U00001", Staff: "S1", Month: sp.MustParseDate("2023-07-01"),
			Salary:                    workforce.MustParseMoney("2900.00"),
			EmployerNationalInsurance: workforce.MustParseMoney("280.00"),
			EmployerPension:           workforce.MustParseMoney("400.00"),
			SubcontractContribution:   workforce.MustParseMoney("200.00"),
		}},
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	l := rep.Lines[0]
	// 40,159 × (0.8 × 19 + 1 × 12) ÷ (12 × 31) = 2,936.357…; contribution cap 2,400 × 27.2 ÷ 372 = 175.48.
	fmt.Print(l.Derivation())
	row, _ := rep.Rule(l.Parts[0].Rule)
	fmt.Println(row.ID, row.Confidence)
	// Output:
	// in post 31 of 31 days
	// part 2023-07-01..2023-07-19: 40159.00 a year × 0.8 WTE × 19 days ÷ (12 × 31 days) [social-prescribing-link-worker 2023-07-01..2024-03-31 default]; contribution cap 2400.00 a year × 0.8 WTE × 19 days ÷ (12 × 31 days) [subcontract 2019-07-01..2026-03-31 default]
	// part 2023-07-20..2023-07-31: 40159.00 a year × 1 WTE × 12 days ÷ (12 × 31 days) [social-prescribing-link-worker 2023-07-01..2024-03-31 default]; contribution cap 2400.00 a year × 1 WTE × 12 days ÷ (12 × 31 days) [subcontract 2019-07-01..2026-03-31 default]
	// maximum 2936.36 (the exact sum of the parts, rounded once, half-up)
	// costs counted 3755.48 (costs 3580.00 + contribution 175.48 of 200.00 claimed, cap 175.48)
	// allowed 2936.36 = min(costs counted, maximum): capped at the maximum
	// social-prescribing-link-worker 2023-07-01..2024-03-31 default high
}

// CSVCell keeps a spreadsheet from reading an ID as a formula, and leaves numbers alone.
func ExampleCSVCell() {
	for _, s := range []string{`=HYPERLINK("http://example.org","x")`, "@SUM(A1:A2)", "+1", "-12.50", "R-002", "\tX"} {
		fmt.Printf("%q\n", workforce.CSVCell(s))
	}
	// Output:
	// "'=HYPERLINK(\"http://example.org\",\"x\")"
	// "'@SUM(A1:A2)"
	// "'+1"
	// "-12.50"
	// "R-002"
	// "'\tX"
}

func ExampleDefaultRules() {
	rules := workforce.DefaultRules()
	for _, day := range []string{"2023-05-15", "2023-08-01", "2021-10-01", "2024-04-01"} {
		row, ok := rules.RoleRateOn(sp.RoleLinkWorker, sp.MustParseDate(day))
		if !ok {
			fmt.Println(day, "no rule")
			continue
		}
		fmt.Println(day, row.AnnualMaximum, row.Confidence)
	}
	// Output:
	// 2023-05-15 38187.00 medium-high
	// 2023-08-01 40159.00 high
	// 2021-10-01 no rule
	// 2024-04-01 no rule
}

func ExampleRules_Override() {
	table, err := workforce.ParseRuleTable([]byte(`{"roleRates": [{
		"role": "social-prescribing-link-worker", "from": "2024-04-01", "to": "2025-03-31",
		"annualMaximum": "41000.00", "band": "5",
		"source": "PCN finance team, from the 2024/25 DES tables", "confidence": "unconfirmed"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := workforce.DefaultRules().Override(table, "pcn-rules-2024.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := rules.RoleRateOn(sp.RoleLinkWorker, sp.MustParseDate("2024-06-01"))
	fmt.Println(row.AnnualMaximum, row.Confidence, row.Origin)
	// Output:
	// 41000.00 unconfirmed pcn-rules-2024.json
}

func ExampleParseMoney() {
	m, err := workforce.ParseMoney("38187.00")
	fmt.Println(m, err)
	_, err = workforce.ParseMoney("38187.5")
	fmt.Println(err)
	// Output:
	// 38187.00 <nil>
	// workforce: money: want a string with exactly two decimal places, such as "1234.50": syntax
}

func ExampleParseFinancialYear() {
	y, _ := workforce.ParseFinancialYear("2023/24")
	fmt.Println(y, y.Start(), y.End())
	// Output: 2023/24 2023-04-01 2024-03-31
}

func ExampleParseWTE() {
	w, _ := workforce.ParseWTE("0.80")
	fmt.Println(w, w.IsValid())
	w, _ = workforce.ParseWTE("1.2")
	fmt.Println(w, w.IsValid())
	// Output:
	// 0.8 true
	// 1.2 false
}

func ExampleCaseloadPolicy_Check() {
	c := workforce.Caseload{
		Worker: workforce.StaffMember{ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker,
			Employment: workforce.EmploymentDirect, Start: sp.MustParseDate("2023-01-01"),
			WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-01-01"), WTE: workforce.MustParseWTE("0.5")}}},
		From:        sp.MustParseDate("2023-04-01"),
		To:          sp.MustParseDate("2024-03-31"),
		Acceptances: []workforce.Acceptance{{Date: sp.MustParseDate("2023-05-02"), Count: 80}, {Date: sp.MustParseDate("2023-11-20"), Count: 70}},
	}
	fs, err := workforce.DefaultCaseloadPolicy().Check(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs {
		fmt.Println(f.Severity, f.Rule, f.Message)
	}
	// Output:
	// warning workforce.caseload-above-typical 150 people accepted, above the typical 250 a year per WTE pro-rated to 125.3 for the period
}

func ExampleSupervisionPolicy_Check() {
	p := workforce.SupervisionPolicy{IntervalDays: 31}
	fs, _ := p.Check("S1", sp.MustParseDate("2024-01-05"), sp.MustParseDate("2024-03-01"))
	for _, f := range fs {
		fmt.Println(f.Rule, f.Message)
	}
	// Output:
	// workforce.supervision-overdue last clinical supervision 56 days before 2024-03-01, more than the interval of 31 days
}

func ExampleParseInput() {
	in, err := workforce.ParseInput([]byte(`{
		"pcns": [{"id": "U00001", "listSize": 42000}],
		"staff": [{"id": "S1", "pcn": "U00001", "role": "care-coordinator", "employment": "direct",
			"start": "2023-07-01", "wte": [{"from": "2023-07-01", "wte": "1"}]}],
		"claims": [{"pcn": "U00001", "staff": "S1", "month": "2023-07-01",
			"salary": "2400.00", "employerNationalInsurance": "230.00", "employerPension": "320.00"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	l := workforce.Audit(in, workforce.DefaultRules()).Lines[0]
	// 33,396 ÷ 12 = 2,783.00; costs 2,950.00 are capped.
	fmt.Println(l.Role, l.Claimed, l.Maximum, l.Allowed)
	// A claim that does not decode is a finding; the rest of the document is audited.
	in, err = workforce.ParseInput([]byte(`{"pcns": [], "staff": [], "claims": [{"salary": 2400}]}`))
	fmt.Println(err)
	for _, f := range workforce.Audit(in, workforce.DefaultRules()).Findings {
		fmt.Println(f.Rule, f.Path)
	}
	// Only a document that cannot be read at all is an error.
	_, err = workforce.ParseInput([]byte(`{"pcns": [], "staff": [], "claims": {}}`))
	fmt.Println(err)
	// Output:
	// care-coordinator 2950.00 2783.00 2783.00
	// <nil>
	// workforce.invalid-input /claims/0/salary
	// workforce.claim-not-audited /claims/0
	// workforce.Input: /claims: type: want an array, got an object
}

func ExampleReport_CSV() {
	in := workforce.Input{
		PCNs: []workforce.PCN{{ID: "U00001", ListSize: 42000}},
		Staff: []workforce.StaffMember{{ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker,
			Employment: workforce.EmploymentDirect, Start: sp.MustParseDate("2023-04-01"),
			WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-04-01"), WTE: workforce.MustParseWTE("0.5")}}}},
		Claims: []workforce.Claim{{PCN: "U00001", Staff: "S1", Month: sp.MustParseDate("2023-09-01"),
			Salary: workforce.MustParseMoney("1400.00"), EmployerNationalInsurance: workforce.MustParseMoney("110.00"),
			EmployerPension: workforce.MustParseMoney("150.00")}},
	}
	out, _ := workforce.Audit(in, workforce.DefaultRules()).CSV()
	fmt.Print(string(out))
	// Output:
	// claim,pcn,staff,month,role,employment,daysInMonth,daysInPost,parts,baselineWte,costs,subcontractClaimed,subcontractCap,subcontractCounted,claimed,maximum,allowed,difference,capped,noRule,notInPost,duplicate,rules
	// /claims/0,U00001,S1,2023-09-01,social-prescribing-link-worker,direct,30,30,2023-09-01..2023-09-30 30 days 0.5 WTE × 40159.00 [social-prescribing-link-worker 2023-07-01..2024-03-31 default],,1660.00,,,,1660.00,1673.29,1660.00,0.00,,,,,social-prescribing-link-worker 2023-07-01..2024-03-31 default
}

func ExampleNewMoney() {
	m, err := workforce.NewMoney(decimal.RequireFromString("2400"))
	fmt.Println(m, err)
	_, err = workforce.NewMoney(decimal.RequireFromString("0.125"))
	fmt.Println(err)
	// Output:
	// 2400.00 <nil>
	// workforce: money: more than two decimal places: invalid
}

// sampleInput is a one-PCN input for the examples: a full-time link worker claiming more than the
// maximum in July 2023, twice.
func sampleInput() workforce.Input {
	st := workforce.StaffMember{ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
		Start: sp.MustParseDate("2023-04-01"), WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-04-01"), WTE: workforce.MustParseWTE("1")}}}
	c := workforce.Claim{PCN: "U00001", Staff: "S1", Month: sp.MustParseDate("2023-07-01"), Salary: workforce.MustParseMoney("3000.00"),
		EmployerNationalInsurance: workforce.MustParseMoney("300.00"), EmployerPension: workforce.MustParseMoney("400.00")}
	return workforce.Input{PCNs: []workforce.PCN{{ID: "U00001", ListSize: 42000}}, Staff: []workforce.StaffMember{st}, Claims: []workforce.Claim{c, c}}
}

// The summary: totals, the PCN-year position and the finding counts. The second, duplicate claim
// is allowed nothing.
func ExampleReport_WriteSummaryText() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	var b strings.Builder
	if err := rep.WriteSummaryText(&b); err != nil {
		fmt.Println(err)
	}
	_, summary, _ := strings.Cut(b.String(), "\n\n") // after the title, the library version and the ruleset digest
	fmt.Print(summary)
	// Output:
	// totals: lines 2 (capped 1)  claimed 7400.00  allowed 3346.58  difference 4053.42  excess over ARRS sums 0.00  payable 3346.58
	// findings: 1 errors, 2 warnings, 0 infos
	//
	// PCN-years
	//    pcn     year  lines  claimed      sum  other roles  allowed  excess  ran out  payable
	// U00001  2023/24      2  7400.00  unknown         0.00  3346.58    0.00        -  3346.58
}

// Findings name the claim they are about by its position in the input, so two claims for one
// person-month can be told apart.
func ExampleReport_WriteFindingsCSV() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	if err := rep.WriteFindingsCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// severity,rule,pcn,staff,month,year,claim,ruleRows,path,message
	// error,workforce.duplicate-claim,U00001,S1,2023-07-01,,/claims/1,,,a second claim for the same member of staff and month; nothing is allowed on it
	// warning,workforce.no-weighted-population,U00001,,,2023/24,,pcn-sum 2023/24 default,,the PCN's weighted population for the year is not given: its ARRS sum cannot be checked
	// warning,workforce.over-maximum,U00001,S1,2023-07-01,,/claims/0,social-prescribing-link-worker 2023-07-01..2024-03-31 default,,the costs claimed are more than the month's maximum; the maximum is allowed
}

func ExampleClaimRef() {
	c := workforce.ClaimAt(3)
	i, _ := c.Index()
	fmt.Println(c, i)
	var back workforce.ClaimRef
	fmt.Println(back.UnmarshalText([]byte("/claims/03")))
	// Output:
	// /claims/3 3
	// workforce: claim reference: want /claims/N: syntax
}
