package render_test

import (
	"bytes"
	"fmt"
	"regexp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/render"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// exampleReport audits one claim of a full-time link worker above July 2023's maximum (40,159 ÷ 12
// = 3,346.58).
func exampleReport() workforce.Report {
	st := workforce.StaffMember{ID: "S1", PCN: "U00001", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
		Start: sp.MustParseDate("2023-04-01"), WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-04-01"), WTE: workforce.MustParseWTE("1")}}}
	c := workforce.Claim{PCN: "U00001", Staff: "S1", Month: sp.MustParseDate("2023-07-01"), Salary: workforce.MustParseMoney("3000.00"),
		EmployerNationalInsurance: workforce.MustParseMoney("300.00"), EmployerPension: workforce.MustParseMoney("400.00")}
	in := workforce.Input{PCNs: []workforce.PCN{{ID: "U00001", ListSize: 42000}}, Staff: []workforce.StaffMember{st}, Claims: []workforce.Claim{c}}
	return workforce.Audit(in, workforce.DefaultRules())
}

// The page shows the totals first and each capped line's derivation beneath it.
func ExampleAuditHTML() {
	var b bytes.Buffer
	if err := render.AuditHTML(&b, exampleReport()); err != nil {
		fmt.Println(err)
		return
	}
	html := b.String()
	fmt.Println(regexp.MustCompile(`<td class="num" id="total-allowed">[^<]*</td>`).FindString(html))
	fmt.Println(regexp.MustCompile(`<li>Maximum <span class="derived-maximum">[^<]*</span>[^<]*</li>`).FindString(html))
	// Output:
	// <td class="num" id="total-allowed">£3,346.58</td>
	// <li>Maximum <span class="derived-maximum">£3,346.58</span>: the exact sum of the parts, rounded once, half-up.</li>
}
