package workforce

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// WriteJSON writes the report to w as indented JSON (two spaces), the same bytes as
// json.MarshalIndent(r, "", "  ") followed by a newline, in one pass and without holding the
// output: each value is written as it is reached. The same report gives the same bytes.
func (r Report) WriteJSON(w io.Writer) error {
	j := newJSONWriter(w)
	r.writeJSON(j)
	j.raw("\n")
	return j.flush()
}

// JSON returns the report as [Report.WriteJSON] writes it.
func (r Report) JSON() ([]byte, error) {
	var b bytesWriter
	if err := r.WriteJSON(&b); err != nil {
		return nil, err
	}
	return b.b, nil
}

// bytesWriter collects what is written to it.
type bytesWriter struct{ b []byte }

func (b *bytesWriter) Write(p []byte) (int, error) {
	b.b = append(b.b, p...)
	return len(p), nil
}

// jsonWriter writes indented JSON as encoding/json's MarshalIndent does, value by value, into a
// buffer it hands to the underlying writer whenever it holds 32 kB.
type jsonWriter struct {
	w     io.Writer
	out   []byte
	err   error
	first []bool // per open container: nothing written in it yet
}

// jsonIndents[n] is a newline and the indent of depth n.
var jsonIndents = func() (t [12]string) {
	for n := range t {
		t[n] = "\n" + strings.Repeat("  ", n)
	}
	return t
}()

const jsonFlushAt = 32 << 10

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: w, out: make([]byte, 0, jsonFlushAt+4096), first: make([]bool, 0, 8)}
}

// spill hands the buffer to the writer once it is full.
func (j *jsonWriter) spill() {
	if len(j.out) < jsonFlushAt || j.err != nil {
		return
	}
	if _, err := j.w.Write(j.out); err != nil {
		j.err = fmt.Errorf("workforce: report json: %w", err)
	}
	j.out = j.out[:0]
}

func (j *jsonWriter) flush() error {
	if j.err != nil {
		return j.err
	}
	if _, err := j.w.Write(j.out); err != nil {
		return fmt.Errorf("workforce: report json: %w", err)
	}
	j.out = j.out[:0]
	return nil
}

func (j *jsonWriter) fail(err error) {
	if j.err == nil {
		j.err = fmt.Errorf("workforce: report json: %w", err)
	}
}

func (j *jsonWriter) raw(s string) { j.out = append(j.out, s...) }

func (j *jsonWriter) indent(n int) {
	if n < len(jsonIndents) {
		j.out = append(j.out, jsonIndents[n]...)
		return
	}
	j.out = append(j.out, '\n')
	for range n {
		j.out = append(j.out, "  "...)
	}
}

// next starts an element of the open container: a comma after the previous one, a newline and
// the indent.
func (j *jsonWriter) next() {
	n := len(j.first)
	if n == 0 {
		return
	}
	if !j.first[n-1] {
		j.out = append(j.out, ',')
	}
	j.first[n-1] = false
	j.indent(n)
}

func (j *jsonWriter) open(c byte) {
	j.out = append(j.out, c)
	j.first = append(j.first, true)
}

func (j *jsonWriter) close(c byte) {
	n := len(j.first)
	empty := j.first[n-1]
	j.first = j.first[:n-1]
	if !empty {
		j.indent(n - 1)
	}
	j.out = append(j.out, c)
	j.spill()
}

// key starts a member of the open object.
func (j *jsonWriter) key(k string) {
	j.next()
	j.out = append(j.out, '"')
	j.out = append(j.out, k...)
	j.out = append(j.out, `": `...)
}

// jsonSafe reports whether encoding/json writes the byte as it is inside a string (HTML-escaping
// as it does by default).
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

func (j *jsonWriter) str(s string) {
	for i := 0; i < len(s); i++ {
		if !jsonSafe[s[i]] {
			b, err := json.Marshal(s) // the exact escaping of encoding/json
			if err != nil {
				j.fail(err)
				return
			}
			j.out = append(j.out, b...)
			return
		}
	}
	j.out = append(j.out, '"')
	j.out = append(j.out, s...)
	j.out = append(j.out, '"')
}

func (j *jsonWriter) money(m Money) {
	if !m.ok {
		j.fail(fmt.Errorf("workforce: money: marshal the zero Money: %w", sp.ErrInvalid))
		return
	}
	j.out = append(m.appendTo(append(j.out, '"')), '"')
}

func (j *jsonWriter) date(d sp.Date) {
	if !d.IsValid() {
		j.fail(fmt.Errorf("socialprescribing: date: marshal the zero date: %w", sp.ErrInvalid))
		return
	}
	j.out = append(appendDate(append(j.out, '"'), d), '"')
}

func (j *jsonWriter) fixed(v int64) {
	j.out = append(appendFixed(append(j.out, '"'), v), '"')
}

func (j *jsonWriter) int(n int) {
	j.out = strconv.AppendInt(j.out, int64(n), 10)
}

func (j *jsonWriter) bool(b bool) {
	if b {
		j.raw("true")
	} else {
		j.raw("false")
	}
}

func (j *jsonWriter) year(y FinancialYear) {
	if !y.IsValid() {
		j.fail(fmt.Errorf("workforce: financial year: marshal the zero FinancialYear: %w", sp.ErrInvalid))
		return
	}
	j.out = append(y.appendTo(append(j.out, '"')), '"')
}

func (j *jsonWriter) claim(c ClaimRef) {
	if c.n == 0 {
		j.fail(fmt.Errorf("workforce: claim reference: marshal the zero ClaimRef: %w", sp.ErrInvalid))
		return
	}
	j.out = append(c.appendTo(append(j.out, '"')), '"')
}

// enum writes the value of a string enum, failing as its MarshalText would for a value outside it.
func (j *jsonWriter) enum(s string, ok bool) {
	if !ok {
		j.fail(fmt.Errorf("value %q outside its enum: %w", s, sp.ErrInvalid))
		return
	}
	j.str(s)
}

func (j *jsonWriter) strings(ss []string) {
	if ss == nil {
		j.raw("null")
		return
	}
	j.open('[')
	for _, s := range ss {
		j.next()
		j.str(s)
	}
	j.close(']')
}

// optStr writes the member k when s is not empty.
func (j *jsonWriter) optStr(k, s string) {
	if s != "" {
		j.key(k)
		j.str(s)
	}
}

// optMoney writes the member k when m is not the zero Money.
func (j *jsonWriter) optMoney(k string, m Money) {
	if m != (Money{}) {
		j.key(k)
		j.money(m)
	}
}

// optDate writes the member k when d is not the zero date.
func (j *jsonWriter) optDate(k string, d sp.Date) {
	if !d.IsZero() {
		j.key(k)
		j.date(d)
	}
}

// optYear writes the member k when y is not the zero FinancialYear.
func (j *jsonWriter) optYear(k string, y FinancialYear) {
	if y != (FinancialYear{}) {
		j.key(k)
		j.year(y)
	}
}

// optStrings writes the member k when ss is not empty.
func (j *jsonWriter) optStrings(k string, ss []string) {
	if len(ss) > 0 {
		j.key(k)
		j.strings(ss)
	}
}

// flag writes the member k as true when b is set.
func (j *jsonWriter) flag(k string, b bool) {
	if b {
		j.key(k)
		j.bool(true)
	}
}

// array writes n elements with each, or null for a nil slice.
func array[T any](j *jsonWriter, xs []T, each func(*T)) {
	if xs == nil {
		j.raw("null")
		return
	}
	j.open('[')
	for i := range xs {
		if j.err != nil {
			return
		}
		j.next()
		each(&xs[i])
	}
	j.close(']')
}

func (r *Report) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("libraryVersion")
	j.str(r.LibraryVersion)
	j.key("rulesetDigest")
	j.str(r.RulesetDigest)
	j.key("rounding")
	j.str(r.Rounding)
	j.key("totals")
	r.Totals.writeJSON(j)
	j.key("pcnYears")
	array(j, r.PCNYears, func(y *PCNYearSummary) { y.writeJSON(j) })
	j.key("rules")
	array(j, r.Rules, func(u *RuleUsed) { u.writeJSON(j) })
	j.key("bases")
	array(j, r.Bases, func(b *Basis) {
		j.open('{')
		j.key("code")
		j.str(b.Code)
		j.key("source")
		j.str(b.Source)
		j.close('}')
	})
	j.key("lines")
	array(j, r.Lines, func(l *Line) { l.writeJSON(j) })
	j.key("staffTotals")
	array(j, r.StaffTotals, func(s *StaffTotal) {
		j.open('{')
		j.key("pcn")
		j.str(s.PCN)
		j.key("staff")
		j.str(s.Staff)
		j.key("role")
		j.enum(string(s.Role), s.Role.IsValid())
		s.Subtotal.writeMembers(j)
		j.close('}')
	})
	j.key("monthTotals")
	array(j, r.MonthTotals, func(m *MonthTotal) {
		j.open('{')
		j.key("pcn")
		j.str(m.PCN)
		j.key("month")
		j.date(m.Month)
		m.Subtotal.writeMembers(j)
		j.close('}')
	})
	j.key("findings")
	array(j, r.Findings, func(f *Finding) { f.writeJSON(j) })
	j.close('}')
}

func (t *Totals) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("lines")
	j.int(t.Lines)
	j.key("capped")
	j.int(t.Capped)
	j.key("noRule")
	j.int(t.NoRule)
	j.key("notInPost")
	j.int(t.NotInPost)
	j.key("claimed")
	j.money(t.Claimed)
	j.key("allowed")
	j.money(t.Allowed)
	j.key("difference")
	j.money(t.Difference)
	j.key("excess")
	j.money(t.Excess)
	j.key("payable")
	j.money(t.Payable)
	j.key("errors")
	j.int(t.Errors)
	j.key("warnings")
	j.int(t.Warnings)
	j.key("infos")
	j.int(t.Infos)
	j.close('}')
}

func (s *Subtotal) writeMembers(j *jsonWriter) {
	j.key("lines")
	j.int(s.Lines)
	j.key("claimed")
	j.money(s.Claimed)
	j.key("allowed")
	j.money(s.Allowed)
	j.key("difference")
	j.money(s.Difference)
}

func (y *PCNYearSummary) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("pcn")
	j.str(y.PCN)
	j.key("year")
	j.year(y.Year)
	j.key("lines")
	j.int(y.Lines)
	j.key("claimed")
	j.money(y.Claimed)
	if y.WeightedPopulation != (WeightedPopulation{}) {
		j.key("weightedPopulation")
		if !y.WeightedPopulation.IsValid() {
			j.fail(fmt.Errorf("workforce: weighted population: marshal an invalid value: %w", sp.ErrInvalid))
		}
		j.fixed(y.WeightedPopulation.v)
	}
	j.optMoney("sum", y.Sum)
	j.optStr("sumRule", y.SumRule)
	j.key("otherRolesClaimed")
	j.money(y.OtherRolesClaimed)
	j.key("allowed")
	j.money(y.Allowed)
	j.key("excess")
	j.money(y.Excess)
	j.optDate("ranOut", y.RanOut)
	j.key("payable")
	j.money(y.Payable)
	j.flag("overEntitlement", y.OverEntitlement)
	j.close('}')
}

func (u *RuleUsed) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("id")
	j.str(u.ID)
	j.key("kind")
	j.str(u.Kind)
	if u.Role != "" {
		j.key("role")
		j.enum(string(u.Role), u.Role.IsValid())
	}
	j.optDate("from", u.From)
	j.optDate("to", u.To)
	j.optYear("year", u.Year)
	j.optMoney("annualMaximum", u.AnnualMaximum)
	j.optStr("band", u.Band)
	if u.Rate != (Rate{}) {
		j.key("rate")
		if !u.Rate.IsValid() {
			j.fail(fmt.Errorf("workforce: rate: marshal an invalid Rate: %w", sp.ErrInvalid))
		}
		j.fixed(u.Rate.v)
	}
	j.optDate("snapshotDate", u.SnapshotDate)
	if !u.WTE.IsZero() {
		j.key("wte")
		j.fixed(u.WTE.v)
	}
	if u.MaxListSize != 0 {
		j.key("maxListSize")
		j.int(u.MaxListSize)
	}
	j.key("source")
	j.str(u.Source)
	j.key("confidence")
	j.enum(string(u.Confidence), u.Confidence.IsValid())
	j.optStr("origin", u.Origin)
	j.close('}')
}

func (l *Line) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("claim")
	j.claim(l.Claim)
	j.key("pcn")
	j.str(l.PCN)
	j.key("staff")
	j.str(l.Staff)
	j.key("month")
	j.date(l.Month)
	j.key("role")
	j.enum(string(l.Role), l.Role.IsValid())
	j.key("employment")
	j.enum(string(l.Employment), l.Employment.IsValid())
	j.key("daysInMonth")
	j.int(l.DaysInMonth)
	j.key("daysInPost")
	j.int(l.DaysInPost)
	j.key("parts")
	array(j, l.Parts, func(p *Part) {
		j.open('{')
		j.key("from")
		j.date(p.From)
		j.key("to")
		j.date(p.To)
		j.key("days")
		j.int(p.Days)
		j.key("wte")
		j.fixed(p.WTE.v)
		j.optMoney("annualMaximum", p.AnnualMaximum)
		j.optStr("rule", p.Rule)
		j.optMoney("subcontractAnnualMaximum", p.SubcontractAnnualMaximum)
		j.optStr("subcontractRule", p.SubcontractRule)
		j.close('}')
	})
	if !l.BaselineWTE.IsZero() {
		j.key("baselineWte")
		j.fixed(l.BaselineWTE.v)
	}
	j.key("costs")
	j.money(l.Costs)
	j.optMoney("subcontractClaimed", l.SubcontractClaimed)
	j.optMoney("subcontractCap", l.SubcontractCap)
	j.optMoney("subcontractCounted", l.SubcontractCounted)
	j.key("claimed")
	j.money(l.Claimed)
	j.key("maximum")
	j.money(l.Maximum)
	j.key("allowed")
	j.money(l.Allowed)
	j.key("difference")
	j.money(l.Difference)
	j.flag("capped", l.Capped)
	j.flag("noRule", l.NoRule)
	j.flag("notInPost", l.NotInPost)
	j.flag("duplicate", l.Duplicate)
	j.optStrings("rules", l.Rules)
	j.close('}')
}

func (f *Finding) writeJSON(j *jsonWriter) {
	j.open('{')
	j.key("rule")
	j.str(f.Rule)
	j.key("severity")
	j.enum(string(f.Severity), f.Severity.IsValid())
	j.optStr("pcn", f.PCN)
	j.optStr("staff", f.Staff)
	j.optDate("month", f.Month)
	j.optYear("year", f.Year)
	if !f.Claim.IsZero() {
		j.key("claim")
		j.claim(f.Claim)
	}
	j.optStrings("ruleRows", f.RuleRows)
	j.optStr("path", f.Path)
	j.key("message")
	j.str(f.Message)
	j.close('}')
}
