package episode

import (
	"encoding/json"
	"os"
	"sync"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"
)

// The benchmark cohort is built once: building 100,000 episodes takes longer than reporting on them.
var benchCohort = sync.OnceValue(func() []Episode { return cohort(100_000, 1) })

// BenchmarkNewReport100k reports over 100,000 generated valid episodes: with seed 1, 33,633 plans with
// 66,587 connections, 266,340 measurements in 53,405 episodes and 33,324 service-use records.
//
// The target is 200 ms on one core (GOMAXPROCS=1). cpu-ms/op is the processor time the process used
// (the work and the garbage collector's), which stays meaningful on a busy machine where wall time
// does not.
func BenchmarkNewReport100k(b *testing.B) {
	eps := benchCohort()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		_ = NewReport(eps)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkReportText renders the report of 100,000 episodes as text.
func BenchmarkReportText(b *testing.B) {
	r := NewReport(benchCohort())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = r.Text()
	}
}

// BenchmarkValidate validates one completed episode (referral, plan, four measurements, service use).
func BenchmarkValidate(b *testing.B) {
	e := fixture(b, "completed")
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Validate()
	}
}

// BenchmarkNewFeedback builds the GP's message for one completed episode, validation included.
func BenchmarkNewFeedback(b *testing.B) {
	e := fixture(b, "completed")
	on := sp.MustParseDate("2024-09-02")
	b.ReportAllocs()
	for b.Loop() {
		_, _ = NewFeedback(e, RecipientGP, on)
	}
}

// BenchmarkCodesDue runs the recording rules over one completed episode.
func BenchmarkCodesDue(b *testing.B) {
	e := fixture(b, "completed")
	on := sp.MustParseDate("2024-09-02")
	b.ReportAllocs()
	for b.Loop() {
		_, _ = e.CodesDue(on)
	}
}

// BenchmarkDecodeValidateVsMap decodes (strict Decode) and validates the completed episode, call by
// call against encoding/json decoding the same bytes into a map[string]any (target: at most 1.0×,
// the "decode+validate/map" metric).
func BenchmarkDecodeValidateVsMap(b *testing.B) {
	data, err := os.ReadFile("testdata/valid/episode.completed.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	benchcmp.Interleaved(b,
		"decode+validate", func() {
			var e Episode
			if err := sp.Decode(data, &e); err != nil {
				b.Fatal(err)
			}
			if err := e.Validate(); err != nil {
				b.Fatal(err)
			}
		},
		"map", func() {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		})
}
