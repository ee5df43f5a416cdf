package workforce_test

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// benchInput is 1,250 PCNs × 5 staff × 12 months of 2023/24 = 75,000 person-months, with a mix of
// roles, part-time and subcontracted staff, a WTE change and a mid-year starter.
func benchInput() workforce.Input { return benchInputN(1250) }

// benchInputN is benchInput with n PCNs.
func benchInputN(n int) workforce.Input {
	var in workforce.Input
	for p := range n {
		pid := fmt.Sprintf("U%05d", p)
		in.PCNs = append(in.PCNs, workforce.PCN{ID: pid, ListSize: 40000, Years: []workforce.PCNYear{{
			Year: workforce.MustParseFinancialYear("2023/24"), WeightedPopulation: workforce.MustParseWeightedPopulation("45123.25"),
			SnapshotDate: day("2023-01-01"), OtherRolesClaimed: money("900000.00")}}})
		for s := range 5 {
			st := workforce.StaffMember{ID: fmt.Sprintf("%s-E%d", pid, s), PCN: pid, Role: sp.RoleLinkWorker,
				Employment: workforce.EmploymentDirect, Start: day("2022-01-01"),
				WTE: []workforce.WTEPeriod{{From: day("2022-01-01"), WTE: wte("1")}}}
			switch s {
			case 1:
				st.Role = sp.RoleCareCoordinator
				st.WTE[0].WTE = wte("0.8")
			case 2:
				st.Employment = workforce.EmploymentSubcontracted
				st.WTE[0].WTE = wte("0.6")
			case 3:
				st.WTE = append(st.WTE, workforce.WTEPeriod{From: day("2023-09-15"), WTE: wte("0.5")})
			case 4:
				st.Start, st.WTE[0].From = day("2023-04-10"), day("2023-04-10")
			}
			in.Staff = append(in.Staff, st)
			for m := range 12 {
				c := workforce.Claim{PCN: pid, Staff: st.ID, Month: day("2023-04-01").AddMonths(m),
					Salary: money("2650.00"), EmployerNationalInsurance: money("290.50"), EmployerPension: money("380.25")}
				if s == 2 {
					c.SubcontractContribution = money("120.00")
				}
				in.Claims = append(in.Claims, c)
			}
		}
	}
	return in
}

func BenchmarkAudit75000(b *testing.B) {
	in := benchInput()
	rules := workforce.DefaultRules()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep := workforce.Audit(in, rules)
		if len(rep.Lines) != 75000 {
			b.Fatalf("lines: got %d, want 75000", len(rep.Lines))
		}
	}
	b.StopTimer()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	workforce.Audit(in, rules)
	runtime.ReadMemStats(&m1)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/75000, "ns/line")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/75000, "allocs/line")
	b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/75000, "B/line")
}

// BenchmarkAudit75000JSON renders the 75,000-line report as JSON to io.Discard, the way the
// command-line tool streams it to a file.
func BenchmarkAudit75000JSON(b *testing.B) {
	rep := workforce.Audit(benchInput(), workforce.DefaultRules())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := rep.WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAudit75000Render measures each rendering of the 75,000-line report against the audit
// itself, call by call in one loop, so the ratio does not depend on the machine's load (target for
// JSON: at most 1.5× the audit).
func BenchmarkAudit75000Render(b *testing.B) {
	in := benchInput()
	rules := workforce.DefaultRules()
	rep := workforce.Audit(in, rules)
	audit := func() {
		if r := workforce.Audit(in, rules); len(r.Lines) != 75000 {
			b.Fatalf("lines: got %d, want 75000", len(r.Lines))
		}
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{{"json", rep.WriteJSON}, {"csv", rep.WriteCSV}, {"text", rep.WriteText}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			benchcmp.Interleaved(b, f.name, func() {
				if err := f.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}, "audit", audit)
		})
	}
}
