package workforce

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
)

// JSON returns the report as indented JSON, the same bytes for the same report.
func (r Report) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("workforce: report: %w", err)
	}
	return append(b, '\n'), nil
}

// CSV returns the report's lines as CSV (RFC 4180) with a header row: pcn, staff, month, role,
// claimed, maximum, allowed, difference, rules (the rule row IDs separated by "; ").
func (r Report) CSV() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rec := []string{"pcn", "staff", "month", "role", "claimed", "maximum", "allowed", "difference", "rules"}
	if err := w.Write(rec); err != nil {
		return nil, fmt.Errorf("workforce: report csv: %w", err)
	}
	for _, l := range r.Lines {
		rec = append(rec[:0], l.PCN, l.Staff, l.Month.String(), string(l.Role), l.Claimed.String(),
			l.Maximum.String(), l.Allowed.String(), l.Difference.String(), strings.Join(l.Rules, "; "))
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("workforce: report csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("workforce: report csv: %w", err)
	}
	return buf.Bytes(), nil
}

// Text returns the report as a readable plain-text table: the header, the lines, the PCN-years, the
// totals and the findings.
func (r Report) Text() string {
	var b strings.Builder
	b.WriteString("ARRS claim audit\n")
	b.WriteString("library " + r.LibraryVersion + "  rules " + r.RulesetDigest + "\n")
	b.WriteString("rounding: " + r.Rounding + "\n\n")

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pcn\tstaff\tmonth\trole\tclaimed\tmaximum\tallowed\tdifference\t")
	for _, l := range r.Lines {
		fmt.Fprintln(tw, l.PCN+"\t"+l.Staff+"\t"+l.Month.String()[:7]+"\t"+string(l.Role)+"\t"+l.Claimed.String()+"\t"+
			l.Maximum.String()+"\t"+l.Allowed.String()+"\t"+l.Difference.String()+"\t")
	}
	tw.Flush()

	if len(r.PCNYears) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "pcn\tyear\tsum\tother roles\tallowed\texcess\tran out\tpayable\t")
		for _, y := range r.PCNYears {
			sum, ran := "unknown", "-"
			if y.Sum.IsValid() {
				sum = y.Sum.String()
			}
			if y.RanOut.IsValid() {
				ran = y.RanOut.String()[:7]
			}
			fmt.Fprintln(tw, y.PCN+"\t"+y.Year.String()+"\t"+sum+"\t"+y.OtherRolesClaimed.String()+"\t"+y.Allowed.String()+"\t"+
				y.Excess.String()+"\t"+ran+"\t"+y.Payable.String()+"\t")
		}
		tw.Flush()
	}

	t := r.Totals
	b.WriteString("\nlines " + strconv.Itoa(t.Lines) + "  claimed " + t.Claimed.String() + "  allowed " + t.Allowed.String() +
		"  difference " + t.Difference.String() + "  excess " + t.Excess.String() + "  payable " + t.Payable.String() + "\n")

	if len(r.Findings) > 0 {
		b.WriteString("\nfindings\n")
		for _, f := range r.Findings {
			b.WriteString("- " + f.String() + "\n")
			if f.Source != "" {
				b.WriteString("    source: " + f.Source + "\n")
			}
		}
	}
	return b.String()
}
