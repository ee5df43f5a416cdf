// Package benchcmp measures two functions against each other inside one benchmark, call by call, so
// that their ratio does not depend on how the machine's load changed between two separate benchmarks.
package benchcmp

import (
	"slices"
	"testing"
	"time"
)

// samples is how many of the latest timings of each function are kept for the medians.
const samples = 1 << 16

// Interleaved calls fa and fb alternately, swapping which goes first on every iteration, and reports
// the median time of one call of each ("NAMEA-ns/op", "NAMEB-ns/op", over the last 65,536 calls)
// and the ratio of the medians ("NAMEA/NAMEB"). Medians rather than means, because on a shared
// machine one call in thousands is preempted and a mean carries it. The benchmark's own ns/op is
// the time of one call of each, plus the clock reads.
func Interleaved(b *testing.B, nameA string, fa func(), nameB string, fb func()) {
	b.Helper()
	ta := make([]time.Duration, samples)
	tb := make([]time.Duration, samples)
	n := 0
	for b.Loop() {
		i := n % samples
		if n&1 == 0 {
			t0 := time.Now()
			fa()
			t1 := time.Now()
			fb()
			t2 := time.Now()
			ta[i], tb[i] = t1.Sub(t0), t2.Sub(t1)
		} else {
			t0 := time.Now()
			fb()
			t1 := time.Now()
			fa()
			t2 := time.Now()
			tb[i], ta[i] = t1.Sub(t0), t2.Sub(t1)
		}
		n++
	}
	if n == 0 {
		return
	}
	ma, mb := median(ta[:min(n, samples)]), median(tb[:min(n, samples)])
	b.ReportMetric(float64(ma.Nanoseconds()), nameA+"-ns/op")
	b.ReportMetric(float64(mb.Nanoseconds()), nameB+"-ns/op")
	if mb > 0 {
		b.ReportMetric(float64(ma)/float64(mb), nameA+"/"+nameB)
	}
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}
