package outcomes

import (
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func intp(v int) *int { return &v }

func ons4(ls, w, h, a int) *ONS4 {
	return &ONS4{LifeSatisfaction: intp(ls), Worthwhile: intp(w), Happiness: intp(h), Anxiety: intp(a)}
}

// genAnswers sets valid answers for instrument inst on m.
func genAnswers(t *rapid.T, m *Measurement, inst Instrument) {
	m.Instrument = inst
	item := func(lo, hi int, label string) int { return rapid.IntRange(lo, hi).Draw(t, label) }
	switch inst {
	case InstrumentONS4:
		m.ONS4 = ons4(item(0, 10, "ls"), item(0, 10, "w"), item(0, 10, "h"), item(0, 10, "a"))
	case InstrumentSWEMWBS:
		m.SWEMWBS = &SWEMWBS{Items: rapid.SliceOfN(rapid.IntRange(1, 5), 7, 7).Draw(t, "sw")}
	case InstrumentWEMWBS:
		m.WEMWBS = &WEMWBS{Items: rapid.SliceOfN(rapid.IntRange(1, 5), 14, 14).Draw(t, "w")}
	case InstrumentUCLA3:
		m.UCLA3 = &UCLA3{LackCompanionship: item(1, 3, "u1"), LeftOut: item(1, 3, "u2"), Isolated: item(1, 3, "u3")}
	}
}

// genDate draws dates from a few days often, so that measurements of one episode share dates and
// pairing ties and conflicts are exercised, and from a wide range otherwise.
var genDate = rapid.Custom(func(t *rapid.T) sp.Date {
	day := rapid.OneOf(rapid.SampledFrom([]int{0, 1, 30}), rapid.IntRange(0, 400)).Draw(t, "day")
	return sp.MustParseDate("2025-01-01").AddDays(day)
})

// genValidMeasurement draws a valid measurement for one of a few episode ids.
func genValidMeasurement(ids int) *rapid.Generator[Measurement] {
	return rapid.Custom(func(t *rapid.T) Measurement {
		m := Measurement{
			EpisodeID: "ep-" + string(rune('a'+rapid.IntRange(0, ids-1).Draw(t, "id"))),
			Date:      genDate.Draw(t, "date"),
			Timepoint: rapid.SampledFrom(Timepoints()).Draw(t, "tp"),
		}
		genAnswers(t, &m, rapid.SampledFrom(Instruments()).Draw(t, "inst"))
		return m
	})
}

// genAnyMeasurement draws measurements that are often invalid in one way or another.
var genAnyMeasurement = rapid.Custom(func(t *rapid.T) Measurement {
	var m Measurement
	m.EpisodeID = rapid.SampledFrom([]string{"", "ep-1", strings.Repeat("x", 64), strings.Repeat("x", 65),
		strings.Repeat("é", 64), strings.Repeat("é", 65)}).Draw(t, "id")
	if rapid.Bool().Draw(t, "hasDate") {
		m.Date = genDate.Draw(t, "date")
	}
	m.Timepoint = rapid.SampledFrom(append(Timepoints(), "", "Baseline")).Draw(t, "tp")
	m.Instrument = rapid.SampledFrom(append(Instruments(), "", "ONS4")).Draw(t, "inst")
	score := func(label string) *int {
		if rapid.IntRange(0, 9).Draw(t, label+"nil") == 0 {
			return nil
		}
		return intp(rapid.IntRange(-1, 11).Draw(t, label))
	}
	items := func(n int, label string) []int {
		return rapid.SliceOfN(rapid.IntRange(0, 6), n-1, n+1).Draw(t, label)
	}
	if rapid.IntRange(0, 2).Draw(t, "ons4") > 0 {
		m.ONS4 = &ONS4{score("ls"), score("w"), score("h"), score("a")}
	}
	if rapid.IntRange(0, 2).Draw(t, "swemwbs") == 0 {
		m.SWEMWBS = &SWEMWBS{Items: items(7, "sw")}
	}
	if rapid.IntRange(0, 2).Draw(t, "wemwbs") == 0 {
		m.WEMWBS = &WEMWBS{Items: items(14, "w")}
	}
	if rapid.IntRange(0, 2).Draw(t, "ucla3") == 0 {
		m.UCLA3 = &UCLA3{rapid.IntRange(0, 4).Draw(t, "u1"), rapid.IntRange(0, 4).Draw(t, "u2"), rapid.IntRange(0, 4).Draw(t, "u3")}
	}
	return m
})

// genCollidingMeasurement draws UCLA-3 measurements of three episodes on three dates with answers of
// 1 or 2, so that duplicates, ties and conflicts are common.
var genCollidingMeasurement = rapid.Custom(func(t *rapid.T) Measurement {
	return Measurement{
		EpisodeID:  rapid.SampledFrom([]string{"x", "y", "z"}).Draw(t, "id"),
		Date:       sp.MustParseDate("2025-01-01").AddDays(rapid.SampledFrom([]int{0, 10, 20}).Draw(t, "day")),
		Timepoint:  rapid.SampledFrom(Timepoints()).Draw(t, "tp"),
		Instrument: InstrumentUCLA3,
		UCLA3:      &UCLA3{rapid.IntRange(1, 2).Draw(t, "a"), 1, 1},
	}
})
