package workforce_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"pgregory.net/rapid"
)

// sampleReport audits the auditor example's sample claims.
func sampleReport(t testing.TB) workforce.Report {
	data, err := os.ReadFile(filepath.Join("..", "examples", "auditor", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		t.Fatal(err)
	}
	return workforce.Audit(in, workforce.DefaultRules())
}

// marshalIndent is the reference rendering WriteJSON must equal: encoding/json's.
func marshalIndent(t interface{ Fatal(...any) }, rep workforce.Report) []byte {
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestWriteJSONMatchesEncodingJSON checks the streaming JSON writer against encoding/json, byte for
// byte, on the sample, on generated audits, and on IDs that need escaping.
func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	rep := sampleReport(t)
	var got bytes.Buffer
	if err := rep.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	if want := marshalIndent(t, rep); !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("WriteJSON differs from json.MarshalIndent on the sample")
	}
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario().Draw(t, "scenario")
		// IDs with characters encoding/json escapes (valid IDs: no control characters).
		if rapid.Bool().Draw(t, "escape") {
			id := rapid.SampledFrom([]string{`a"b`, `a\b`, "<P&1>", "é", "\u00a0x"}).Draw(t, "id")
			for i := range sc.in.Staff {
				old := sc.in.Staff[i].ID
				sc.in.Staff[i].ID = id + old
				for j := range sc.in.Claims {
					if sc.in.Claims[j].Staff == old {
						sc.in.Claims[j].Staff = id + old
					}
				}
			}
		}
		rep := workforce.Audit(sc.in, sc.rules)
		got, err := rep.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := marshalIndent(t, rep); !bytes.Equal(got, want) {
			t.Fatalf("WriteJSON differs from json.MarshalIndent:\n%s\nwant:\n%s", got, want)
		}
	})
	// An empty report, and one with a zero amount where one is required, fail as encoding/json does.
	empty := workforce.Report{}
	if _, err := json.Marshal(empty); err == nil {
		t.Fatal("encoding/json accepted a report without totals")
	}
	if _, err := empty.JSON(); err == nil {
		t.Errorf("WriteJSON accepted a report without totals")
	}
}

// TestReportJSONRoundTrip reads the JSON back with the strict decoder and renders it again.
func TestReportJSONRoundTrip(t *testing.T) {
	t.Parallel()
	rep := sampleReport(t)
	js, err := rep.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back workforce.Report
	if err := sp.Decode(js, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil {
		t.Fatal(err)
	}
	again, err := back.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, again) {
		t.Errorf("the report read back renders differently")
	}
}

// TestReportCitesRowsOnce checks that no line or finding carries a source's text, that every row
// cited is listed once, and that every row listed is cited.
func TestReportCitesRowsOnce(t *testing.T) {
	t.Parallel()
	rep := sampleReport(t)
	listed := map[string]int{}
	for _, u := range rep.Rules {
		listed[u.ID]++
		if u.Source == "" {
			t.Errorf("row %s has no source", u.ID)
		}
	}
	cited := map[string]bool{}
	for _, l := range rep.Lines {
		for _, id := range l.Rules {
			cited[id] = true
		}
		for _, p := range l.Parts {
			if p.Rule != "" && !cited[p.Rule] || p.SubcontractRule != "" && !cited[p.SubcontractRule] {
				t.Errorf("line %s: a part's row is not in the line's rules", l.Claim)
			}
		}
	}
	for _, y := range rep.PCNYears {
		if y.SumRule != "" {
			cited[y.SumRule] = true
		}
	}
	for _, f := range rep.Findings {
		for _, id := range f.RuleRows {
			cited[id] = true
		}
		for _, u := range rep.Rules {
			if len(u.Source) > 20 && strings.Contains(f.Message, u.Source) {
				t.Errorf("finding %s carries a source's text", f)
			}
		}
	}
	for id := range cited {
		if listed[id] != 1 {
			t.Errorf("row %q is cited and listed %d times, want once", id, listed[id])
		}
	}
	for id := range listed {
		if !cited[id] {
			t.Errorf("row %q is listed but cited by nothing", id)
		}
	}
}

// TestSubtotalsReconcile checks the subtotals per member of staff, per PCN-month and per PCN-year
// against the lines.
func TestSubtotalsReconcile(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		sc := genScenario().Draw(t, "scenario")
		rep := workforce.Audit(sc.in, sc.rules)
		type sums struct{ lines, claimed, allowed, diff int64 }
		staff, month, year := map[string]sums{}, map[string]sums{}, map[string]sums{}
		add := func(m map[string]sums, k string, l workforce.Line) {
			s := m[k]
			s.lines++
			s.claimed += l.Claimed.Pence()
			s.allowed += l.Allowed.Pence()
			s.diff += l.Difference.Pence()
			m[k] = s
		}
		for _, l := range rep.Lines {
			add(staff, l.PCN+"|"+l.Staff, l)
			add(month, l.PCN+"|"+l.Month.String(), l)
			add(year, l.PCN+"|"+workforce.FinancialYearOf(l.Month).String(), l)
		}
		if len(rep.StaffTotals) != len(staff) || len(rep.MonthTotals) != len(month) || len(rep.PCNYears) != len(year) {
			t.Fatalf("subtotals: %d staff, %d months, %d years; want %d, %d, %d", len(rep.StaffTotals), len(rep.MonthTotals), len(rep.PCNYears), len(staff), len(month), len(year))
		}
		for _, s := range rep.StaffTotals {
			w := staff[s.PCN+"|"+s.Staff]
			if int64(s.Lines) != w.lines || s.Claimed.Pence() != w.claimed || s.Allowed.Pence() != w.allowed || s.Difference.Pence() != w.diff {
				t.Fatalf("staff %s: got %+v, want %+v", s.Staff, s.Subtotal, w)
			}
		}
		for _, m := range rep.MonthTotals {
			w := month[m.PCN+"|"+m.Month.String()]
			if int64(m.Lines) != w.lines || m.Claimed.Pence() != w.claimed || m.Allowed.Pence() != w.allowed || m.Difference.Pence() != w.diff {
				t.Fatalf("month %s: got %+v, want %+v", m.Month, m.Subtotal, w)
			}
		}
		for _, y := range rep.PCNYears {
			w := year[y.PCN+"|"+y.Year.String()]
			if int64(y.Lines) != w.lines || y.Claimed.Pence() != w.claimed || y.Allowed.Pence() != w.allowed {
				t.Fatalf("year %s: got %d lines %s claimed %s allowed, want %+v", y.Year, y.Lines, y.Claimed, y.Allowed, w)
			}
		}
	})
}
