// Package xlsx writes reports as Excel workbooks (github.com/xuri/excelize/v2). It is a package of
// its own so that the presentation package render, and everything that imports it, compiles no
// spreadsheet code: only the command-line tool imports xlsx.
package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/xuri/excelize/v2"
)

// AuditWorkbook writes an ARRS claim audit report to w as one Excel workbook (.xlsx) with the
// sheets Summary, Lines, Findings, PCN years and Rules. Amounts are numeric cells shown with two
// decimal places and thousands separators; IDs, dates and every other text are text cells, so no
// value of the input can run as a formula. Each sheet's header row is frozen and carries filters (the
// data is an Excel table). The rows are streamed to the workbook's sheets, not held as cells.
func AuditWorkbook(w io.Writer, rep workforce.Report) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("xlsx: workbook: %w", cerr)
		}
	}()
	x := &xlsxWriter{f: f}
	if x.money, err = f.NewStyle(&excelize.Style{NumFmt: 4}); err != nil { // #,##0.00
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	popFmt := "#,##0.0000"
	if x.population, err = f.NewStyle(&excelize.Style{CustomNumFmt: &popFmt}); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	if x.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	if err := f.SetSheetName("Sheet1", "Summary"); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	t := rep.Totals
	summary := [][]any{
		{"ARRS claim audit", ""},
		{"Library version", rep.LibraryVersion},
		{"Ruleset digest", rep.RulesetDigest},
		{"Rounding", rep.Rounding},
		{"Lines (person-months)", t.Lines},
		{"Lines capped at their maximum", t.Capped},
		{"Lines whose maximum is not known (no rule row)", t.NoRule},
		{"Lines for a month not in post", t.NotInPost},
		{"Claimed", x.amount(t.Claimed)},
		{"Allowed", x.amount(t.Allowed)},
		{"Difference (claimed − allowed)", x.amount(t.Difference)},
		{"Excess over ARRS sums", x.amount(t.Excess)},
		{"Payable (allowed − excess)", x.amount(t.Payable)},
		{"Error findings", t.Errors},
		{"Warning findings", t.Warnings},
		{"Info findings", t.Infos},
		{"", ""},
		{"IDs are as the input gave them, never names; a claim is named by its position in the input (/claims/0 is the first).", ""},
	}
	if err := x.sheet("Summary", []string{"Item", "Value"}, []float64{34, 90}, len(summary), func(i int) []any { return summary[i] }); err != nil {
		return err
	}

	lineHead := []string{"Claim", "PCN", "Staff", "Month", "Role", "Employment", "Days in month", "Days in post", "Parts", "Baseline WTE",
		"Costs", "Contribution claimed", "Contribution cap", "Contribution counted", "Claimed", "Maximum", "Allowed", "Difference", "Capped", "No rule", "Not in post", "Duplicate", "Rule rows"}
	err = x.sheet("Lines", lineHead, []float64{12, 12, 14, 11, 28, 13, 8, 8, 60, 8, 12, 12, 12, 12, 12, 12, 12, 12, 8, 8, 8, 8, 50}, len(rep.Lines), func(i int) []any {
		l := &rep.Lines[i]
		return []any{l.Claim.String(), l.PCN, l.Staff, l.Month.String(), string(l.Role), string(l.Employment), l.DaysInMonth, l.DaysInPost,
			l.PartsText(), optText(l.BaselineWTE.String(), !l.BaselineWTE.IsZero()), x.amount(l.Costs), x.amount(l.SubcontractClaimed),
			x.amount(l.SubcontractCap), x.amount(l.SubcontractCounted), x.amount(l.Claimed), x.amount(l.Maximum), x.amount(l.Allowed),
			x.amount(l.Difference), yesNo(l.Capped), yesNo(l.NoRule), yesNo(l.NotInPost), yesNo(l.Duplicate), strings.Join(l.Rules, "; ")}
	})
	if err != nil {
		return err
	}
	err = x.sheet("Findings", []string{"Severity", "Rule", "PCN", "Staff", "Month", "Year", "Claim", "Rule rows", "Path", "Message"},
		[]float64{9, 32, 12, 14, 11, 9, 12, 50, 20, 80}, len(rep.Findings), func(i int) []any {
			fd := &rep.Findings[i]
			return []any{string(fd.Severity), fd.Rule, fd.PCN, fd.Staff, fd.Month.String(), fd.Year.String(), fd.Claim.String(),
				strings.Join(fd.RuleRows, "; "), fd.Path, fd.Message}
		})
	if err != nil {
		return err
	}
	err = x.sheet("PCN years", []string{"PCN", "Year", "Lines", "Claimed", "Weighted population", "ARRS sum", "Sum rule", "Other roles claimed",
		"Allowed", "Excess", "Ran out", "Payable", "Over WTE entitlement (payable not reduced)"}, []float64{12, 9, 8, 14, 14, 14, 26, 14, 14, 14, 11, 14, 16}, len(rep.PCNYears), func(i int) []any {
		y := &rep.PCNYears[i]
		ran := ""
		if y.RanOut.IsValid() {
			ran = y.RanOut.String()[:7]
		}
		return []any{y.PCN, y.Year.String(), y.Lines, x.amount(y.Claimed), x.weightedPopulation(y.WeightedPopulation), x.amount(y.Sum), y.SumRule, x.amount(y.OtherRolesClaimed),
			x.amount(y.Allowed), x.amount(y.Excess), ran, x.amount(y.Payable), yesNo(y.OverEntitlement)}
	})
	if err != nil {
		return err
	}
	err = x.sheet("Rules", []string{"Row", "Kind", "Role", "From", "To", "Year", "Annual maximum", "Rate", "Snapshot date", "WTE", "Max list size", "Source", "Confidence", "Origin"},
		[]float64{50, 13, 28, 11, 11, 9, 14, 9, 12, 6, 12, 80, 12, 14}, len(rep.Rules), func(i int) []any {
			u := &rep.Rules[i]
			rate := ""
			if u.Rate.IsValid() {
				rate = u.Rate.String()
			}
			wte := ""
			if !u.WTE.IsZero() {
				wte = u.WTE.String()
			}
			var maxList any
			if u.MaxListSize > 0 {
				maxList = u.MaxListSize
			}
			return []any{u.ID, u.Kind, string(u.Role), u.From.String(), u.To.String(), u.Year.String(), x.amount(u.AnnualMaximum), rate,
				u.SnapshotDate.String(), wte, maxList, u.Source, string(u.Confidence), u.Origin}
		})
	if err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	return nil
}

// xlsxWriter holds a workbook being written and its styles.
type xlsxWriter struct {
	f          *excelize.File
	money      int
	population int
	head       int
}

// weightedPopulation is a numeric cell with four decimal places, or an empty cell when unknown.
func (x *xlsxWriter) weightedPopulation(p workforce.WeightedPopulation) any {
	if !p.IsValid() {
		return nil
	}
	return excelize.Cell{StyleID: x.population, Value: p.Decimal().InexactFloat64()}
}

// amount is a numeric cell with two decimal places, or an empty cell for the zero Money.
func (x *xlsxWriter) amount(m workforce.Money) any {
	if !m.IsValid() {
		return nil
	}
	return excelize.Cell{StyleID: x.money, Value: float64(m.Pence()) / 100}
}

// sheet streams one sheet: a bold, frozen header row, n rows from row, and a table over them so
// that every column has a filter. Strings are written as text cells.
func (x *xlsxWriter) sheet(name string, head []string, widths []float64, n int, row func(int) []any) error {
	if name != "Summary" {
		if _, err := x.f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: workbook: %w", err)
		}
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("xlsx: workbook: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: x.head, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	for i := range n {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, row(i)); err != nil {
			return fmt.Errorf("xlsx: workbook: %w", err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(head), max(n, 1)+1)
	if n > 0 {
		noStripes := false
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: strings.ReplaceAll(name, " ", "_"), StyleName: "TableStyleLight1", ShowRowStripes: &noStripes}); err != nil {
			return fmt.Errorf("xlsx: workbook: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: workbook: %w", err)
	}
	return nil
}

func optText(s string, ok bool) string {
	if ok {
		return s
	}
	return ""
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}
