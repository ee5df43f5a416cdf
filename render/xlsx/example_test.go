package xlsx_test

import (
	"bytes"
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/render/xlsx"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/xuri/excelize/v2"
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

// The workbook holds a sheet each for the summary, the lines, the findings, the PCN-years and the
// rule rows; amounts are numbers.
func ExampleAuditWorkbook() {
	var b bytes.Buffer
	if err := xlsx.AuditWorkbook(&b, exampleReport()); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	allowed, _ := f.GetCellValue("Lines", "Q2")
	typ, _ := f.GetCellType("Lines", "Q2")
	fmt.Println(allowed, typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset)
	// Output:
	// [Summary Lines Findings PCN years Rules]
	// 3,346.58 true
}
