package workforce_test

import (
	"fmt"
	"os"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// The JSON report streams to any io.Writer; here its totals.
func ExampleReport_WriteJSON() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	var b strings.Builder
	if err := rep.WriteJSON(&b); err != nil {
		fmt.Println(err)
		return
	}
	_, after, _ := strings.Cut(b.String(), "  \"totals\": ")
	totals, _, _ := strings.Cut(after, "\n  },")
	fmt.Println(totals + "\n  }")
	// Output:
	// {
	//     "lines": 2,
	//     "capped": 1,
	//     "noRule": 0,
	//     "notInPost": 0,
	//     "claimed": "7400.00",
	//     "allowed": "3346.58",
	//     "difference": "4053.42",
	//     "excess": "0.00",
	//     "payable": "3346.58",
	//     "errors": 1,
	//     "warnings": 2,
	//     "infos": 0
	//   }
}

// The text report holds the totals, PCN-years, rule rows used, lines, subtotals and findings; here
// its lines: a capped line with its derivation beneath, and a duplicate allowed nothing.
func ExampleReport_WriteText() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		fmt.Println(err)
		return
	}
	_, lines, _ := strings.Cut(b.String(), "\nlines\n")
	lines, _, _ = strings.Cut(lines, "\n\n")
	fmt.Println("lines")
	fmt.Println(lines)
	// Output:
	// lines
	//     claim     pcn  staff    month                            role  in post  claimed  maximum  allowed  difference       flag
	// /claims/0  U00001     S1  2023-07  social-prescribing-link-worker    31/31  3700.00  3346.58  3346.58      353.42     capped
	//       in post 31 of 31 days
	//       part 2023-07-01..2023-07-31: 40159.00 a year × 1 WTE × 31 days ÷ (12 × 31 days) [social-prescribing-link-worker 2023-07-01..2024-03-31 default]
	//       maximum 3346.58 (the exact sum of the parts, rounded once, half-up)
	//       costs counted 3700.00 (salary, employer NI and employer pension)
	//       allowed 3346.58 = min(costs counted, maximum): capped at the maximum
	// /claims/1  U00001     S1  2023-07  social-prescribing-link-worker    31/31  3700.00  3346.58     0.00     3700.00  duplicate
}

// The rule rows the audit used, each once, with its source, confidence and origin.
func ExampleReport_WriteRulesCSV() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	if err := rep.WriteRulesCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,kind,role,from,to,year,figure,source,confidence,origin
	// social-prescribing-link-worker 2023-07-01..2024-03-31 default,role-maximum,social-prescribing-link-worker,2023-07-01,2024-03-31,,40159.00 per WTE per year,"NHS England, Network Contract DES 2023/24, ARRS maximum reimbursable amounts, from the 1 July 2023 uplift",high,default
	// pcn-sum 2023/24 default,sum-rate,,,,2023/24,22.671 per weighted patient at 2023-01-01,"NHS England, Network Contract DES 2023/24, Additional Roles Reimbursement Sum",high,default
}

// Each PCN's year against its Additional Roles Reimbursement Sum.
func ExampleReport_WritePCNYearsCSV() {
	in := sampleInput()
	in.PCNs[0].Years = []workforce.PCNYear{{Year: workforce.MustParseFinancialYear("2023/24"),
		WeightedPopulation: workforce.MustParseWeightedPopulation("100.0000"), SnapshotDate: sp.MustParseDate("2023-01-01")}}
	rep := workforce.Audit(in, workforce.DefaultRules())
	if err := rep.WritePCNYearsCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// pcn,year,lines,claimed,weightedPopulation,sum,sumRule,otherRolesClaimed,allowed,excess,ranOut,payable,overEntitlement
	// U00001,2023/24,2,7400.00,100,2267.10,pcn-sum 2023/24 default,0.00,3346.58,1079.48,2023-07-01,2267.10,
}

// The totals, with the ruleset digest that identifies the rules the audit ran under.
func ExampleReport_WriteTotalsCSV() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	var b strings.Builder
	if err := rep.WriteTotalsCSV(&b); err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if strings.HasPrefix(row, "libraryVersion,") || strings.HasPrefix(row, "rulesetDigest,") || strings.HasPrefix(row, "rounding,") {
			name, _, _ := strings.Cut(row, ",")
			fmt.Println(name + ",…")
			continue
		}
		fmt.Println(row)
	}
	// Output:
	// name,value
	// libraryVersion,…
	// rulesetDigest,…
	// rounding,…
	// lines,2
	// capped,1
	// noRule,0
	// notInPost,0
	// claimed,7400.00
	// allowed,3346.58
	// difference,4053.42
	// excess,0.00
	// payable,3346.58
	// errors,1
	// warnings,2
	// infos,0
}

// A line cites its rule rows by ID; Report.Rule looks a row up.
func ExampleReport_Rule() {
	rep := workforce.Audit(sampleInput(), workforce.DefaultRules())
	id := rep.Lines[0].Rules[0]
	u, ok := rep.Rule(id)
	fmt.Println(ok, u.Kind, u.Role, u.From, u.To, u.AnnualMaximum, u.Confidence)
	_, ok = rep.Rule("no such row")
	fmt.Println(ok)
	// Output:
	// true role-maximum social-prescribing-link-worker 2023-07-01 2024-03-31 40159.00 high
	// false
}
