package fhir_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
)

// typicalEpisode is the completed episode fixture: a referral with four events, a plan with one goal,
// four contacts and two connections, and four measurements.
func typicalEpisode(b *testing.B) episode.Episode {
	data, err := os.ReadFile(filepath.Join("..", "episode", "testdata", "valid", "episode.completed.json"))
	if err != nil {
		b.Fatal(err)
	}
	var e episode.Episode
	if err := sp.Decode(data, &e); err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkExportEpisode is ExportEpisode of a typical episode (validation included). Target: at
// most twice the cost of json.Marshal of the Bundle it returns. Each iteration also times that
// Marshal, so that the reported ratio (export/marshal) is measured under the same load.
func BenchmarkExportEpisode(b *testing.B) {
	e := typicalEpisode(b)
	var export, enc time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		bundle, err := fhir.ExportEpisode(e, fhir.Options{NHSNumberVerification: "01"})
		t1 := time.Now()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		t2 := time.Now()
		_, _ = json.Marshal(bundle)
		enc += time.Since(t2)
		b.StartTimer()
		export += t1.Sub(t0)
	}
	b.ReportMetric(float64(export)/float64(enc), "export/marshal")
}

// BenchmarkMarshalEpisodeBundle is json.Marshal of the Bundle of a typical episode.
func BenchmarkMarshalEpisodeBundle(b *testing.B) {
	bundle, err := fhir.ExportEpisode(typicalEpisode(b), fhir.Options{NHSNumberVerification: "01"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(bundle); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport is Import of the Bundle of a typical episode's referral (validation included).
func BenchmarkImport(b *testing.B) {
	bundle, err := fhir.ExportReferral(typicalEpisode(b).Referral, fhir.Options{NHSNumberVerification: "01"})
	if err != nil {
		b.Fatal(err)
	}
	data, _ := json.Marshal(bundle)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fhir.Import(data); err != nil {
			b.Fatal(err)
		}
	}
}
