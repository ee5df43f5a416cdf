package socialprescribing_test

import (
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

var (
	sinkNHS  sp.NHSNumber
	sinkDate sp.Date
	sinkErr  error
	sinkStr  string
)

func BenchmarkParseNHSNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkNHS, sinkErr = sp.ParseNHSNumber("9434765919")
	}
}

func BenchmarkParseNHSNumberSpaced(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkNHS, sinkErr = sp.ParseNHSNumber("943 476 5919")
	}
}

func BenchmarkParseNHSNumberInvalid(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkNHS, sinkErr = sp.ParseNHSNumber("9434765918")
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDate, sinkErr = sp.ParseDate("2024-02-29")
	}
}

func BenchmarkDateString(b *testing.B) {
	d := sp.MustParseDate("2024-02-29")
	b.ReportAllocs()
	for b.Loop() {
		sinkStr = d.String()
	}
}

func BenchmarkDateAddDays(b *testing.B) {
	d := sp.MustParseDate("2024-02-29")
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = d.AddDays(400)
	}
}

var smallDoc = []byte(`{"name":"Sam","age":42,"born":"1982-06-01","nhsNumber":"9434765919","severity":"warning","tags":["loneliness","housing"],"a":[{"b":1}]}`)

func BenchmarkDecodeSmall(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(smallDoc)))
	for b.Loop() {
		var d testDoc
		sinkErr = sp.Decode(smallDoc, &d)
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

func BenchmarkDecodeSmallInvalid(b *testing.B) {
	bad := []byte(`{"name":"Sam","Age":42,"born":"1982-02-30","nhsNumber":"9434765918","tags":[null]}`)
	b.ReportAllocs()
	for b.Loop() {
		var d testDoc
		sinkErr = sp.Decode(bad, &d)
	}
}
