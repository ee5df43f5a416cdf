package outcomes

import (
	"slices"
	"strconv"
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

// genAnyMeasurement draws a valid measurement and then breaks it in up to three ways, so that both
// verdicts are common.
var genAnyMeasurement = rapid.Custom(func(t *rapid.T) Measurement {
	m := genValidMeasurement(3).Draw(t, "valid")
	// Deep-copy the answers so that edits never reach another draw.
	if m.ONS4 != nil {
		o := *m.ONS4
		m.ONS4 = &o
	}
	if m.SWEMWBS != nil {
		m.SWEMWBS = &SWEMWBS{Items: slices.Clone(m.SWEMWBS.Items)}
	}
	if m.WEMWBS != nil {
		m.WEMWBS = &WEMWBS{Items: slices.Clone(m.WEMWBS.Items)}
	}
	if m.UCLA3 != nil {
		u := *m.UCLA3
		m.UCLA3 = &u
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "breaks") {
		switch rapid.IntRange(0, 9).Draw(t, "break"+strconv.Itoa(i)) {
		case 0:
			m.EpisodeID = rapid.SampledFrom([]string{"", strings.Repeat("x", 64), strings.Repeat("x", 65),
				strings.Repeat("é", 64), strings.Repeat("é", 65)}).Draw(t, "id")
		case 1:
			m.Date = sp.Date{}
		case 2:
			m.Timepoint = rapid.SampledFrom([]Timepoint{"", "Baseline", "end"}).Draw(t, "tp")
		case 3:
			m.Instrument = rapid.SampledFrom(append(Instruments(), "", "ONS4")).Draw(t, "inst")
		case 4:
			m.ONS4, m.SWEMWBS, m.WEMWBS, m.UCLA3 = nil, nil, nil, nil
		case 5:
			genAnswers(t, &m, rapid.SampledFrom(Instruments()).Draw(t, "extra"))
		case 6:
			if m.ONS4 != nil {
				p := []**int{&m.ONS4.LifeSatisfaction, &m.ONS4.Worthwhile, &m.ONS4.Happiness, &m.ONS4.Anxiety}[rapid.IntRange(0, 3).Draw(t, "item")]
				if rapid.Bool().Draw(t, "nil") {
					*p = nil
				} else {
					*p = intp(rapid.SampledFrom([]int{-1, 0, 10, 11}).Draw(t, "v"))
				}
			}
		case 7:
			for _, items := range []*[]int{swemwbsItems(m.SWEMWBS), wemwbsItems(m.WEMWBS)} {
				if items != nil && len(*items) > 0 {
					(*items)[rapid.IntRange(0, len(*items)-1).Draw(t, "at")] = rapid.IntRange(-1, 6).Draw(t, "v")
				}
			}
		case 8:
			for _, items := range []*[]int{swemwbsItems(m.SWEMWBS), wemwbsItems(m.WEMWBS)} {
				if items != nil {
					if rapid.Bool().Draw(t, "grow") {
						*items = append(*items, 3)
					} else if len(*items) > 0 {
						*items = (*items)[:len(*items)-1]
					}
				}
			}
		case 9:
			if m.UCLA3 != nil {
				m.UCLA3.LeftOut = rapid.IntRange(-1, 4).Draw(t, "v")
			}
		}
	}
	return m
})

func swemwbsItems(s *SWEMWBS) *[]int {
	if s == nil {
		return nil
	}
	return &s.Items
}

func wemwbsItems(w *WEMWBS) *[]int {
	if w == nil {
		return nil
	}
	return &w.Items
}

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

// genAnyServiceUse draws a valid service-use record and then breaks it in up to three ways, so that
// both verdicts are common.
var genAnyServiceUse = rapid.Custom(func(t *rapid.T) ServiceUse {
	d0 := sp.MustParseDate("2025-01-01")
	b := rapid.IntRange(1, 60).Draw(t, "beforeDays")
	gap := rapid.IntRange(1, 10).Draw(t, "gap")
	a := rapid.IntRange(1, 60).Draw(t, "afterDays")
	u := ServiceUse{EpisodeID: "ep-1", Before: Window{d0, d0.AddDays(b - 1)}, After: Window{d0.AddDays(b - 1 + gap), d0.AddDays(b - 1 + gap + a - 1)}}
	for k, sv := range rapid.Permutation(Services()).Draw(t, "services")[:rapid.IntRange(1, 5).Draw(t, "n")] {
		hi := 40
		if sv == ServiceBedDays {
			hi = min(b, a)
		}
		u.Items = append(u.Items, ServiceCount{sv, intp(rapid.IntRange(0, hi).Draw(t, "b"+strconv.Itoa(k))), intp(rapid.IntRange(0, hi).Draw(t, "a"+strconv.Itoa(k)))})
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "breaks") {
		it := &u.Items[rapid.IntRange(0, len(u.Items)-1).Draw(t, "item"+strconv.Itoa(i))]
		switch rapid.IntRange(0, 9).Draw(t, "break"+strconv.Itoa(i)) {
		case 0:
			u.EpisodeID = rapid.SampledFrom([]string{"", strings.Repeat("é", 64), strings.Repeat("x", 65)}).Draw(t, "id")
		case 1:
			*[]*sp.Date{&u.Before.From, &u.Before.To, &u.After.From, &u.After.To}[rapid.IntRange(0, 3).Draw(t, "which")] = sp.Date{}
		case 2:
			if d, err := u.Before.To.AddDaysChecked(1); err == nil {
				u.Before.From, u.Before.To = d, u.Before.From
			}
		case 3:
			if d, err := u.Before.To.AddDaysChecked(rapid.IntRange(-3, 1).Draw(t, "shift")); err == nil {
				u.After.From = d
			}
		case 4:
			it.Service = rapid.SampledFrom(append(Services(), "dentist", "")).Draw(t, "service")
		case 5:
			it.Before = nil
		case 6:
			it.After = intp(rapid.SampledFrom([]int{-1, 9999, 10000, 10001}).Draw(t, "v"))
		case 7:
			it.Service = ServiceBedDays
			it.Before = intp(u.Before.Days() + rapid.IntRange(0, 1).Draw(t, "over"))
		case 8:
			u.Items = append(u.Items, *it)
		case 9:
			u.Items = rapid.SampledFrom([][]ServiceCount{nil, {}}).Draw(t, "items")
			return u
		}
	}
	return u
})
