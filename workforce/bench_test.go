package workforce_test

import (
	"io"
	"runtime"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/auditgen"
	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// benchInput is 1,250 PCNs × 5 staff × 12 months of 2023/24 = 75,000 person-months, with a mix of
// roles, part-time and subcontracted staff, a WTE change and a mid-year starter.
func benchInput() workforce.Input { return benchInputN(1250) }

// benchInputN is benchInput with n PCNs: the input the audit command's benchmark reads, as
// internal/auditgen makes it.
func benchInputN(n int) workforce.Input { return auditgen.Input(n) }

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
