package render_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/cohortgen"
	"github.com/socialprescribing/go-socialprescribing/render"
)

// countingWriter counts the bytes written.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// BenchmarkOutcomesPage renders the page of a report of 100 and of 100,000 episodes. The target:
// the page of 100,000 is no larger than that of 100 (html-bytes), give or take the digits of its
// longer numbers: it summarises, it does not list people.
func BenchmarkOutcomesPage(b *testing.B) {
	for _, n := range []int{100, 100_000} {
		b.Run(fmt.Sprintf("episodes=%d", n), func(b *testing.B) {
			r := episode.NewReport(cohortgen.Cohort(n, 1))
			var size countingWriter
			if err := render.Outcomes(&size, r); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := render.Outcomes(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size.n), "html-bytes")
		})
	}
}
