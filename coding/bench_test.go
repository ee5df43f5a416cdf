package coding_test

import (
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

var sinkID coding.SCTID

func BenchmarkParseSCTID(b *testing.B) {
	for _, s := range []string{"718466001", "871731000000106", "900000000000207008"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				id, err := coding.ParseSCTID(s)
				if err != nil {
					b.Fatal(err)
				}
				sinkID = id
			}
		})
	}
	b.Run("bad-check-digit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := coding.ParseSCTID("871731000000107"); err == nil {
				b.Fatal("accepted")
			}
		}
	})
}

// benchRecords builds n records over n/4 episodes, mixing every event, role and rule.
func benchRecords(n int) []coding.ActivityRecord {
	start := sp.MustParseDate("2024-01-01")
	events, roles := coding.ActivityKinds(), sp.ARRSRoles()
	codes := [][]coding.SCTID{nil, {refCode}, {decCode}, {refCode, swemwbs}, {swemwbs}}
	rs := make([]coding.ActivityRecord, n)
	for i := range rs {
		c := start.AddDays(i % 180)
		r := coding.ActivityRecord{
			EpisodeID:   "EP-" + string(rune('A'+i%26)) + string(rune('a'+(i/26)%26)),
			Kind:        events[i%len(events)],
			WorkerRole:  roles[(i/4)%len(roles)],
			ContactDate: c,
		}
		if i%5 != 0 {
			r.CodedOn = c.AddDays(i % 11)
			r.Codes = codes[i%len(codes)]
		}
		rs[i] = r
	}
	return rs
}

func BenchmarkCheckRecording1000(b *testing.B) {
	records := benchRecords(1000)
	asOf := sp.MustParseDate("2024-09-30")
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(coding.CheckRecording(records, asOf))
	}
	b.ReportMetric(float64(n), "findings")
}
