package workforce

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Derivation explains how the line's maximum and allowed amount were reached, one step a line,
// with the rule rows cited by ID:
//
//	in post 30 of 30 days
//	part 2023-07-01..2023-07-30: 40159.00 a year × 0.8 WTE × 30 days ÷ (12 × 30 days) [row ID]
//	maximum 2677.27 (the exact sum of the parts, rounded once, half-up)
//	costs counted 3320.75 (costs 3320.75)
//	allowed 2677.27 = min(costs counted, maximum): capped at the maximum
func (l Line) Derivation() string {
	var b strings.Builder
	b.WriteString("in post " + strconv.Itoa(l.DaysInPost) + " of " + strconv.Itoa(l.DaysInMonth) + " days")
	if !l.BaselineWTE.IsZero() {
		b.WriteString("; " + l.BaselineWTE.String() + " WTE within the PCN's 31 March 2019 baseline not counted")
	}
	b.WriteByte('\n')
	dim := strconv.Itoa(l.DaysInMonth)
	for _, p := range l.Parts {
		b.WriteString("part " + p.From.String() + ".." + p.To.String() + ": ")
		if p.Rule == "" {
			b.WriteString("no rule row: nothing")
		} else {
			b.WriteString(p.AnnualMaximum.String() + " a year × " + p.WTE.String() + " WTE × " + strconv.Itoa(p.Days) + " days ÷ (12 × " + dim + " days) [" + safeText(p.Rule) + "]")
		}
		if p.SubcontractRule != "" {
			b.WriteString("; contribution cap " + p.SubcontractAnnualMaximum.String() + " a year × " + p.WTE.String() + " WTE × " + strconv.Itoa(p.Days) +
				" days ÷ (12 × " + dim + " days) [" + safeText(p.SubcontractRule) + "]")
		}
		b.WriteByte('\n')
	}
	b.WriteString("maximum " + l.Maximum.String() + " (the exact sum of the parts, rounded once, half-up)\n")
	counted := l.Costs
	b.WriteString("costs counted ")
	if l.SubcontractCounted.IsValid() {
		counted = counted.Add(l.SubcontractCounted)
		b.WriteString(counted.String() + " (costs " + l.Costs.String() + " + contribution " + l.SubcontractCounted.String())
		if l.SubcontractCap.IsValid() {
			b.WriteString(" of " + l.SubcontractClaimed.String() + " claimed, cap " + l.SubcontractCap.String())
		} else {
			b.WriteString(" of " + l.SubcontractClaimed.String() + " claimed: directly employed")
		}
		b.WriteString(")\n")
	} else {
		b.WriteString(counted.String() + " (salary, employer NI and employer pension)\n")
	}
	b.WriteString("allowed " + l.Allowed.String() + " = min(costs counted, maximum)")
	switch {
	case l.Duplicate:
		b.WriteString(": 0.00 as a second claim for the person-month")
	case l.NotInPost:
		b.WriteString(": not in post on any day of the month, so nothing")
	case l.NoRule:
		b.WriteString(": the maximum is not known (no rule row for some days in post, which count at nothing)")
	case l.Capped:
		b.WriteString(": capped at the maximum")
	}
	b.WriteByte('\n')
	return b.String()
}

// PartsText writes the line's parts on one line, separated by "; ", each as "from..to N days W WTE
// × annual maximum [row]" and, for a contribution, "cap annual cap [row]": the parts column of the
// CSV and of the workbook.
func (l Line) PartsText() string {
	var b strings.Builder
	for k, p := range l.Parts {
		if k > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.From.String() + ".." + p.To.String() + " " + strconv.Itoa(p.Days) + " days " + p.WTE.String() + " WTE")
		if p.Rule != "" {
			b.WriteString(" × " + p.AnnualMaximum.String() + " [" + p.Rule + "]")
		}
		if p.SubcontractRule != "" {
			b.WriteString(" cap " + p.SubcontractAnnualMaximum.String() + " [" + p.SubcontractRule + "]")
		}
	}
	return b.String()
}

// Figure is a rule row's figure in words: "40159.00 per WTE per year", "22.671 per weighted
// patient at 2023-01-01", "1 WTE per PCN of up to 100000 patients".
func (u RuleUsed) Figure() string { return ruleFigure(u) }

// safeText returns s as it is when it holds no control character, line or paragraph separator, or
// else quoted with those escaped, so that no text written from the report can move the cursor,
// forge a line or hide its content in a terminal. IDs that reach a report are validated already;
// this is a second guard.
func safeText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return strconv.QuoteToASCII(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isControl(r) {
			return strconv.QuoteToASCII(s)
		}
		i += n
	}
	return s
}

// isControl reports whether r is a C0 or C1 control character, DEL, or a Unicode line or
// paragraph separator.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// textTable writes rows of right-aligned columns straight to a writer: the widths are measured in
// a first pass over the data, so no cell is held.
type textTable struct {
	w      *bufio.Writer
	widths []int
	pad    []byte
}

func (t *textTable) row(cells ...string) {
	for i, c := range cells {
		if c == "" && i == len(cells)-1 {
			break // no trailing spaces
		}
		if i > 0 {
			_, _ = t.w.WriteString("  ")
		}
		n := utf8.RuneCountInString(c)
		if i < len(t.widths) && n < t.widths[i] {
			t.spaces(t.widths[i] - n)
		}
		_, _ = t.w.WriteString(c)
	}
	_ = t.w.WriteByte('\n')
}

func (t *textTable) spaces(n int) {
	for n > 0 {
		k := min(n, len(t.pad))
		_, _ = t.w.Write(t.pad[:k])
		n -= k
	}
}

// measure widens the columns to fit cells.
func measure(widths []int, cells ...string) {
	for i, c := range cells {
		if n := utf8.RuneCountInString(c); n > widths[i] {
			widths[i] = n
		}
	}
}

// moneyWidth is the length of m's text form, without building it.
func moneyWidth(m Money) int {
	v := m.pence
	n := 4 // "0.00"
	if v < 0 {
		n++
		v = -v
	}
	for v /= 100; v >= 10; v /= 10 {
		n++
	}
	return n
}

// WriteText writes the report to w as a readable plain-text report: the header, the totals, the
// PCN-years, the rule rows used with their sources, the lines (each capped line followed by its
// derivation), the subtotals per member of staff and per PCN-month, and the findings. It streams:
// column widths are measured in a first pass and each row is written as it is reached.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	t := &textTable{w: bw, pad: []byte("                                ")}
	p := func(s string) { _, _ = bw.WriteString(s) }
	p("ARRS claim audit\n")
	p("library " + safeText(r.LibraryVersion) + "  rules " + safeText(r.RulesetDigest) + "\n")
	p("rounding: " + safeText(r.Rounding) + "\n\n")
	r.writeSummaryText(bw, t)

	if len(r.Rules) > 0 {
		p("\nrule rows used\n")
		for _, u := range r.Rules {
			p("- " + safeText(u.ID) + ": " + ruleFigure(u) + "; " + safeText(u.Source) + " (confidence " + string(u.Confidence) + ")\n")
		}
	}
	if len(r.Bases) > 0 {
		p("\nbases of findings not tied to one row\n")
		for _, b := range r.Bases {
			p("- " + b.Code + ": " + safeText(b.Source) + "\n")
		}
	}

	if len(r.Lines) > 0 {
		p("\nlines\n")
		head := []string{"claim", "pcn", "staff", "month", "role", "in post", "claimed", "maximum", "allowed", "difference", "flag"}
		t.widths = make([]int, len(head))
		measure(t.widths, head...)
		for i := range r.Lines {
			l := &r.Lines[i]
			cw := []int{len(l.Claim.String()), utf8.RuneCountInString(safeText(l.PCN)), utf8.RuneCountInString(safeText(l.Staff)), 7, len(l.Role),
				len(strconv.Itoa(l.DaysInPost)) + 1 + len(strconv.Itoa(l.DaysInMonth)), moneyWidth(l.Claimed), moneyWidth(l.Maximum), moneyWidth(l.Allowed), moneyWidth(l.Difference), len(lineFlag(l))}
			for k, n := range cw {
				t.widths[k] = max(t.widths[k], n)
			}
		}
		t.row(head...)
		for i := range r.Lines {
			l := &r.Lines[i]
			mark := lineFlag(l)
			t.row(l.Claim.String(), safeText(l.PCN), safeText(l.Staff), l.Month.String()[:7], string(l.Role),
				strconv.Itoa(l.DaysInPost)+"/"+strconv.Itoa(l.DaysInMonth), l.Claimed.String(), l.Maximum.String(), l.Allowed.String(), l.Difference.String(), mark)
			if l.Capped {
				for _, s := range strings.Split(strings.TrimSuffix(l.Derivation(), "\n"), "\n") {
					p("      " + s + "\n")
				}
			}
		}
	}

	if len(r.StaffTotals) > 0 {
		p("\nsubtotals per member of staff\n")
		head := []string{"pcn", "staff", "role", "lines", "claimed", "allowed", "difference"}
		t.widths = make([]int, len(head))
		measure(t.widths, head...)
		for _, s := range r.StaffTotals {
			measure(t.widths, safeText(s.PCN), safeText(s.Staff), string(s.Role), strconv.Itoa(s.Lines), s.Claimed.String(), s.Allowed.String(), s.Difference.String())
		}
		t.row(head...)
		for _, s := range r.StaffTotals {
			t.row(safeText(s.PCN), safeText(s.Staff), string(s.Role), strconv.Itoa(s.Lines), s.Claimed.String(), s.Allowed.String(), s.Difference.String())
		}
	}
	if len(r.MonthTotals) > 0 {
		p("\nsubtotals per PCN and month\n")
		head := []string{"pcn", "month", "lines", "claimed", "allowed", "difference"}
		t.widths = make([]int, len(head))
		measure(t.widths, head...)
		for _, m := range r.MonthTotals {
			measure(t.widths, safeText(m.PCN), "2000-01", strconv.Itoa(m.Lines), m.Claimed.String(), m.Allowed.String(), m.Difference.String())
		}
		t.row(head...)
		for _, m := range r.MonthTotals {
			t.row(safeText(m.PCN), m.Month.String()[:7], strconv.Itoa(m.Lines), m.Claimed.String(), m.Allowed.String(), m.Difference.String())
		}
	}
	r.writeFindingsText(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("workforce: report text: %w", err)
	}
	return nil
}

// WriteSummaryText writes the header, the totals, the PCN-year position and the finding counts
// only.
func (r Report) WriteSummaryText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	_, _ = bw.WriteString("ARRS claim audit\nlibrary " + safeText(r.LibraryVersion) + "  rules " + safeText(r.RulesetDigest) + "\n\n")
	r.writeSummaryText(bw, &textTable{w: bw, pad: []byte("                                ")})
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("workforce: report text: %w", err)
	}
	return nil
}

func (r Report) writeSummaryText(bw *bufio.Writer, t *textTable) {
	p := func(s string) { _, _ = bw.WriteString(s) }
	tot := r.Totals
	p("totals: lines " + strconv.Itoa(tot.Lines) + " (capped " + strconv.Itoa(tot.Capped) + unknownMaximums(tot) + ")  claimed " + tot.Claimed.String() + "  allowed " + tot.Allowed.String() +
		"  difference " + tot.Difference.String() + "  excess over ARRS sums " + tot.Excess.String() + "  payable " + tot.Payable.String() + "\n")
	p("findings: " + strconv.Itoa(tot.Errors) + " errors, " + strconv.Itoa(tot.Warnings) + " warnings, " + strconv.Itoa(tot.Infos) + " infos\n")
	if len(r.PCNYears) == 0 {
		return
	}
	p("\nPCN-years\n")
	head := []string{"pcn", "year", "lines", "claimed", "sum", "other roles", "allowed", "excess", "ran out", "payable"}
	t.widths = make([]int, len(head))
	measure(t.widths, head...)
	cells := func(y PCNYearSummary) []string {
		sum, ran := "unknown", "-"
		if y.Sum.IsValid() {
			sum = y.Sum.String()
		}
		if y.RanOut.IsValid() {
			ran = y.RanOut.String()[:7]
		}
		return []string{safeText(y.PCN), y.Year.String(), strconv.Itoa(y.Lines), y.Claimed.String(), sum, y.OtherRolesClaimed.String(), y.Allowed.String(), y.Excess.String(), ran, y.Payable.String()}
	}
	for _, y := range r.PCNYears {
		measure(t.widths, cells(y)...)
	}
	t.row(head...)
	for _, y := range r.PCNYears {
		t.row(cells(y)...)
	}
}

func (r Report) writeFindingsText(bw *bufio.Writer) {
	if len(r.Findings) == 0 {
		return
	}
	_, _ = bw.WriteString("\nfindings\n")
	for i := range r.Findings {
		f := &r.Findings[i]
		_, _ = bw.WriteString("- " + safeText(f.String()))
		if len(f.RuleRows) > 0 {
			_, _ = bw.WriteString(" [" + safeText(strings.Join(f.RuleRows, "; ")) + "]")
		}
		_ = bw.WriteByte('\n')
	}
}

// ruleFigure is a rule row's figure in words: "40159.00 per WTE per year".
func ruleFigure(u RuleUsed) string {
	switch u.Kind {
	case RuleKindSumRate:
		s := u.Rate.String() + " per weighted patient"
		if u.SnapshotDate.IsValid() {
			s += " at " + u.SnapshotDate.String()
		}
		return s
	case RuleKindEntitlement:
		return u.WTE.String() + " WTE per PCN of up to " + strconv.Itoa(u.MaxListSize) + " patients"
	}
	return u.AnnualMaximum.String() + " per WTE per year"
}

// Text returns the report as [Report.WriteText] writes it.
func (r Report) Text() string {
	var b strings.Builder
	_ = r.WriteText(&b)
	return b.String()
}

// CSVCell returns s made safe to open in a spreadsheet, following OWASP's advice on CSV injection:
// a cell that starts with =, +, -, @, a tab or a carriage return is prefixed with a single quote,
// so that no spreadsheet reads it as a formula, unless it is a plain number ("-12.50").
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !plainNumber(s) {
			return "'" + s
		}
	}
	return s
}

// plainNumber reports whether s is an optional minus sign, digits, and optionally a point and more
// digits.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0 && i < len(s)-1:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}

// csvWriter writes records of neutralised cells.
type csvWriter struct {
	w   *csv.Writer
	rec []string
}

func newCSV(w io.Writer) *csvWriter { return &csvWriter{w: csv.NewWriter(w)} }

func (c *csvWriter) write(cells ...string) {
	c.rec = c.rec[:0]
	for _, s := range cells {
		c.rec = append(c.rec, CSVCell(s))
	}
	_ = c.w.Write(c.rec)
}

func (c *csvWriter) flush(what string) error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("workforce: report %s csv: %w", what, err)
	}
	return nil
}

// lineFlag names what sets a line apart in the text report: "duplicate", "not in post", "no rule"
// (its maximum is not known), "capped", or nothing.
func lineFlag(l *Line) string {
	switch {
	case l.Duplicate:
		return "duplicate"
	case l.NotInPost:
		return "not in post"
	case l.NoRule:
		return "no rule"
	case l.Capped:
		return "capped"
	}
	return ""
}

// linesCSVHeader is the header row of [Report.WriteCSV].
var linesCSVHeader = []string{"claim", "pcn", "staff", "month", "role", "employment", "daysInMonth", "daysInPost", "parts", "baselineWte",
	"costs", "subcontractClaimed", "subcontractCap", "subcontractCounted", "claimed", "maximum", "allowed", "difference", "capped", "noRule", "notInPost", "duplicate", "rules"}

// WriteCSV writes the report's lines to w as CSV (RFC 4180) with a header row: claim, pcn, staff,
// month, role, employment, daysInMonth, daysInPost, parts (each "from..to days WTE × annual
// maximum [row]", separated by "; "), baselineWte, costs, subcontractClaimed, subcontractCap,
// subcontractCounted, claimed, maximum, allowed, difference, capped, noRule, notInPost, duplicate, rules (row IDs
// separated by "; "). Every cell is neutralised as [CSVCell] says. The findings, PCN-years, rule
// rows and totals have writers of their own.
func (r Report) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	c := newCSV(bw)
	c.write(linesCSVHeader...)
	for i := range r.Lines {
		l := &r.Lines[i]
		c.write(l.Claim.String(), l.PCN, l.Staff, l.Month.String(), string(l.Role), string(l.Employment), strconv.Itoa(l.DaysInMonth),
			strconv.Itoa(l.DaysInPost), l.PartsText(), optFixed(l.BaselineWTE), l.Costs.String(), l.SubcontractClaimed.String(),
			l.SubcontractCap.String(), l.SubcontractCounted.String(), l.Claimed.String(), l.Maximum.String(), l.Allowed.String(),
			l.Difference.String(), yes(l.Capped), yes(l.NoRule), yes(l.NotInPost), yes(l.Duplicate), strings.Join(l.Rules, "; "))
	}
	if err := c.flush("lines"); err != nil {
		return err
	}
	return flushErr(bw, "lines")
}

func optFixed(t WTETotal) string {
	if t.IsZero() {
		return ""
	}
	return t.String()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func flushErr(bw *bufio.Writer, what string) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("workforce: report %s csv: %w", what, err)
	}
	return nil
}

// CSV returns the report's lines as [Report.WriteCSV] writes them.
func (r Report) CSV() ([]byte, error) {
	var b bytesWriter
	if err := r.WriteCSV(&b); err != nil {
		return nil, err
	}
	return b.b, nil
}

// WriteFindingsCSV writes the findings as CSV: severity, rule, pcn, staff, month, year, claim,
// ruleRows, path, message.
func (r Report) WriteFindingsCSV(w io.Writer) error {
	c := newCSV(w)
	c.write("severity", "rule", "pcn", "staff", "month", "year", "claim", "ruleRows", "path", "message")
	for i := range r.Findings {
		f := &r.Findings[i]
		c.write(string(f.Severity), f.Rule, f.PCN, f.Staff, f.Month.String(), f.Year.String(), f.Claim.String(),
			strings.Join(f.RuleRows, "; "), f.Path, f.Message)
	}
	return c.flush("findings")
}

// WritePCNYearsCSV writes the PCN-year sums as CSV: pcn, year, lines, claimed, weightedPopulation,
// sum, sumRule, otherRolesClaimed, allowed, excess, ranOut, payable.
func (r Report) WritePCNYearsCSV(w io.Writer) error {
	c := newCSV(w)
	c.write("pcn", "year", "lines", "claimed", "weightedPopulation", "sum", "sumRule", "otherRolesClaimed", "allowed", "excess", "ranOut", "payable")
	for _, y := range r.PCNYears {
		pop := ""
		if y.WeightedPopulation.IsValid() {
			pop = y.WeightedPopulation.String()
		}
		c.write(y.PCN, y.Year.String(), strconv.Itoa(y.Lines), y.Claimed.String(), pop, y.Sum.String(), y.SumRule,
			y.OtherRolesClaimed.String(), y.Allowed.String(), y.Excess.String(), y.RanOut.String(), y.Payable.String())
	}
	return c.flush("pcn-years")
}

// WriteRulesCSV writes the rule rows used as CSV: id, kind, role, from, to, year, figure, source,
// confidence, origin.
func (r Report) WriteRulesCSV(w io.Writer) error {
	c := newCSV(w)
	c.write("id", "kind", "role", "from", "to", "year", "figure", "source", "confidence", "origin")
	for _, u := range r.Rules {
		c.write(u.ID, u.Kind, string(u.Role), u.From.String(), u.To.String(), u.Year.String(), ruleFigure(u), u.Source, string(u.Confidence), u.Origin)
	}
	return c.flush("rules")
}

// WriteTotalsCSV writes the totals as CSV, one "name,value" row each, with the library version,
// the ruleset digest and the rounding first.
func (r Report) WriteTotalsCSV(w io.Writer) error {
	c := newCSV(w)
	t := r.Totals
	c.write("name", "value")
	for _, kv := range [][2]string{
		{"libraryVersion", r.LibraryVersion}, {"rulesetDigest", r.RulesetDigest}, {"rounding", r.Rounding},
		{"lines", strconv.Itoa(t.Lines)}, {"capped", strconv.Itoa(t.Capped)},
		{"noRule", strconv.Itoa(t.NoRule)}, {"notInPost", strconv.Itoa(t.NotInPost)}, {"claimed", t.Claimed.String()},
		{"allowed", t.Allowed.String()}, {"difference", t.Difference.String()}, {"excess", t.Excess.String()},
		{"payable", t.Payable.String()}, {"errors", strconv.Itoa(t.Errors)}, {"warnings", strconv.Itoa(t.Warnings)},
		{"infos", strconv.Itoa(t.Infos)},
	} {
		c.write(kv[0], kv[1])
	}
	return c.flush("totals")
}

// unknownMaximums counts, for the text totals, the lines whose maximum is not known.
func unknownMaximums(t Totals) string {
	s := ""
	if t.NoRule > 0 {
		s += ", no rule " + strconv.Itoa(t.NoRule)
	}
	if t.NotInPost > 0 {
		s += ", not in post " + strconv.Itoa(t.NotInPost)
	}
	return s
}
