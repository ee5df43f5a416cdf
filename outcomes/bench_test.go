package outcomes

import (
	"fmt"
	"math/rand/v2"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// benchCohort builds n episodes, each with a baseline and a follow-up, cycling through the
// instruments, with deterministic answers. With shuffle the records come in a random order (fixed
// seed), each record's answers allocated as it is built, as a decoder would lay them out.
func benchCohort(n int, shuffle bool) []Measurement {
	order := make([]int, 2*n)
	for i := range order {
		order[i] = i
	}
	if shuffle {
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	ms := make([]Measurement, 0, 2*n)
	d0 := sp.MustParseDate("2025-01-01")
	for _, o := range order {
		i, tp := o/2, o%2
		m := Measurement{EpisodeID: fmt.Sprintf("ref-%07d", i), Date: d0.AddDays(i%200 + 90*tp),
			Timepoint: []Timepoint{TimepointBaseline, TimepointFollowUp}[tp]}
		v := (i*7 + tp*3) % 11
		switch i % 4 {
		case 0:
			m.Instrument, m.ONS4 = InstrumentONS4, ons4(v, (v+3)%11, (v+5)%11, 10-v)
		case 1:
			m.Instrument, m.SWEMWBS = InstrumentSWEMWBS, &SWEMWBS{Items: []int{1 + v%5, 2, 3, 1 + (v+1)%5, 4, 3, 2}}
		case 2:
			m.Instrument, m.WEMWBS = InstrumentWEMWBS, &WEMWBS{Items: []int{1 + v%5, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 1 + (v+2)%5}}
		case 3:
			m.Instrument, m.UCLA3 = InstrumentUCLA3, &UCLA3{1 + v%3, 2, 1 + (v+1)%3}
		}
		ms = append(ms, m)
	}
	return ms
}

// BenchmarkSummarise100k is the cohort target: 100,000 episodes (200,000 measurements in a random
// order), under 50 ms.
func BenchmarkSummarise100k(b *testing.B) {
	ms := benchCohort(100_000, true)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := Summarise(ms)
		if s.Invalid != 0 || s.Instruments[0].Paired != 25_000 {
			b.Fatalf("unexpected summary %+v", s)
		}
	}
}

// BenchmarkSummariseScale is the scale target: the cost per episode at 300,000 episodes within
// 1.5× of the cost at 10,000 (ns/episode), both in a random order, so that a cohort ten or thirty
// times larger takes ten or thirty times as long and not more. cpu-ns/episode is the processor time
// the process used (with GOMAXPROCS=1, the work and the garbage collector's), which stays meaningful
// on a busy machine where wall time does not.
func BenchmarkSummariseScale(b *testing.B) {
	for _, n := range []int{10_000, 300_000} {
		b.Run(fmt.Sprintf("episodes=%d", n), func(b *testing.B) {
			ms := benchCohort(n, true)
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				if s := Summarise(ms); s.Invalid != 0 || s.Instruments[0].Paired != n/4 {
					b.Fatalf("unexpected summary %+v", s)
				}
			}
			cpu = cpuTime() - cpu
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/episode")
			b.ReportMetric(float64(cpu)/float64(b.N)/float64(n), "cpu-ns/episode")
		})
	}
}

func BenchmarkSWEMWBSMetric(b *testing.B) {
	s := SWEMWBS{Items: []int{3, 4, 2, 5, 3, 3, 1}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Metric(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkONS4Band(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ONS4Band(ScaleAnxiety, i%11); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMeasurementScores includes full validation through the validator.
func BenchmarkMeasurementScores(b *testing.B) {
	m := benchCohort(1, false)[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Scores(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDiff(b *testing.B) {
	ms := benchCohort(1, false)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Diff(ms[0], ms[1]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTCritical(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		tCritical(0.025, float64(1+i%999))
	}
}

func BenchmarkSummariseServiceUse100k(b *testing.B) {
	us := make([]ServiceUse, 100_000)
	d0 := sp.MustParseDate("2024-01-01")
	for i := range us {
		s := d0.AddDays(i % 300)
		us[i] = ServiceUse{EpisodeID: fmt.Sprintf("ref-%07d", i),
			Before: Window{s, s.AddDays(179)}, After: Window{s.AddDays(180), s.AddDays(180 + 89 + i%90)},
			Items: []ServiceCount{{ServiceGPConsultations, intp(i % 12), intp(i % 7)}, {ServiceAEAttendances, intp(i % 3), intp(i % 2)}}}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if s := SummariseServiceUse(us); s.Episodes != len(us) {
			b.Fatalf("unexpected summary %+v", s)
		}
	}
}
