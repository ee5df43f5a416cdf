package outcomes_test

import (
	"errors"
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

func ExampleONS4Band() {
	for _, score := range []int{0, 4, 5, 7, 9} {
		b, _ := outcomes.ONS4Band(outcomes.ScaleHappiness, score)
		a, _ := outcomes.ONS4Band(outcomes.ScaleAnxiety, score)
		fmt.Printf("%d: happiness %s, anxiety %s\n", score, b, a)
	}
	// Output:
	// 0: happiness low, anxiety very-low
	// 4: happiness low, anxiety medium
	// 5: happiness medium, anxiety medium
	// 7: happiness high, anxiety high
	// 9: happiness very-high, anxiety high
}

func ExampleNewONS4() {
	o, err := outcomes.NewONS4(6, 7, 8, 0) // 0: not at all anxious, a real answer
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := o.Band(outcomes.ScaleAnxiety)
	fmt.Println("anxiety", *o.Anxiety, b)
	_, err = outcomes.NewONS4(6, 7, 8, 11)
	fmt.Println(err)
	// Output:
	// anxiety 0 very-low
	// outcomes.ONS4: /anxiety: lte: value must be at most 10
}

func ExampleScale_Question() {
	fmt.Println(outcomes.ScaleWorthwhile.Question())
	fmt.Printf("%q\n", outcomes.ScaleSWEMWBSMetric.Question())
	// Output:
	// Overall, to what extent do you feel that the things you do in your life are worthwhile?
	// ""
}

func ExampleSWEMWBSMetric() {
	for _, raw := range []int{7, 21, 35} {
		m, _ := outcomes.SWEMWBSMetric(raw)
		fmt.Printf("raw %d → metric %.2f\n", raw, m)
	}
	// Output:
	// raw 7 → metric 7.00
	// raw 21 → metric 19.25
	// raw 35 → metric 35.00
}

func ExampleSWEMWBS_Metric() {
	s := outcomes.SWEMWBS{Items: []int{3, 3, 2, 4, 3, 3, 3}}
	raw, _ := s.Raw()
	metric, _ := s.Metric()
	fmt.Println(raw, metric)
	_, err := outcomes.SWEMWBS{Items: []int{3, 3, 2, 4, 3, 3}}.Metric()
	fmt.Println(err)
	// Output:
	// 21 19.25
	// outcomes: swemwbs: want exactly 7 item scores, each 1–5: invalid
}

func ExampleWEMWBS_Total() {
	t, _ := outcomes.WEMWBS{Items: []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}}.Total()
	fmt.Println(t)
	// Output: 42
}

func ExampleUCLA3_Total() {
	t, _ := outcomes.UCLA3{LackCompanionship: 3, LeftOut: 2, Isolated: 2}.Total()
	fmt.Println(t, "(3–9, higher is lonelier)")
	// Output: 7 (3–9, higher is lonelier)
}

func ExampleInstrument_Code() {
	for _, i := range outcomes.Instruments() {
		c, err := i.Code()
		if errors.Is(err, outcomes.ErrNoCode) {
			fmt.Println(i, "no code")
			continue
		}
		fmt.Println(i, c.System, c.Code, c.Confidence)
	}
	// Output:
	// ons4 no code
	// swemwbs http://snomed.info/sct 718466001 medium
	// wemwbs http://snomed.info/sct 718426000 medium
	// ucla3 http://loinc.org 106418-7 medium
}

func ExampleMeasurement_Scores() {
	m := outcomes.Measurement{
		EpisodeID: "ref-0001", Date: sp.MustParseDate("2025-03-04"),
		Timepoint: outcomes.TimepointBaseline, Instrument: outcomes.InstrumentSWEMWBS,
		SWEMWBS: &outcomes.SWEMWBS{Items: []int{2, 3, 2, 3, 2, 3, 2}},
	}
	scores, err := m.Scores()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range scores {
		fmt.Println(s.Scale, s.Value)
	}
	// Output:
	// swemwbs-metric 16.88
	// swemwbs-raw 17
}

func ExampleMeasurement_Validate() {
	m := outcomes.Measurement{EpisodeID: "ref-0001", Date: sp.MustParseDate("2025-03-04"),
		Timepoint: outcomes.TimepointBaseline, Instrument: outcomes.InstrumentONS4}
	fmt.Println(m.Validate())
	// Output:
	// outcomes.Measurement: /ons4: instrument-payload: measurement: the answers for the instrument are missing
}

func five(ls, w, h, a int) *outcomes.ONS4 {
	o, _ := outcomes.NewONS4(ls, w, h, a)
	return &o
}

func ExampleDiff() {
	b := outcomes.Measurement{EpisodeID: "ref-0001", Date: sp.MustParseDate("2025-01-10"),
		Timepoint: outcomes.TimepointBaseline, Instrument: outcomes.InstrumentONS4, ONS4: five(4, 6, 5, 7)}
	f := outcomes.Measurement{EpisodeID: "ref-0001", Date: sp.MustParseDate("2025-04-10"),
		Timepoint: outcomes.TimepointFollowUp, Instrument: outcomes.InstrumentONS4, ONS4: five(7, 6, 4, 3)}
	ch, err := outcomes.Diff(b, f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ch.Days, "days")
	for _, it := range ch.Items {
		fmt.Printf("%s %v→%v %+g %s (%s→%s, %s)\n", it.Scale, it.Baseline, it.FollowUp, it.Change, it.Direction,
			it.BaselineBand, it.FollowUpBand, it.BandMovement)
	}
	// Output:
	// 90 days
	// life-satisfaction 4→7 +3 improved (low→high, improved)
	// worthwhile 6→6 +0 unchanged (medium→medium, unchanged)
	// happiness 5→4 -1 worsened (medium→low, worsened)
	// anxiety 7→3 -4 improved (high→low, improved)
}

func ExampleSummarise() {
	m := func(id, date string, tp outcomes.Timepoint, items ...int) outcomes.Measurement {
		return outcomes.Measurement{EpisodeID: id, Date: sp.MustParseDate(date), Timepoint: tp,
			Instrument: outcomes.InstrumentUCLA3,
			UCLA3:      &outcomes.UCLA3{LackCompanionship: items[0], LeftOut: items[1], Isolated: items[2]}}
	}
	B, F := outcomes.TimepointBaseline, outcomes.TimepointFollowUp
	s := outcomes.Summarise([]outcomes.Measurement{
		m("a", "2025-01-01", B, 3, 3, 3), m("a", "2025-04-01", F, 2, 2, 2),
		m("b", "2025-01-02", B, 3, 2, 3), m("b", "2025-04-02", F, 2, 2, 1),
		m("c", "2025-01-03", B, 2, 2, 2), m("c", "2025-04-03", F, 2, 2, 3),
		m("d", "2025-01-04", B, 3, 3, 2), // no follow-up yet: counted, excluded
	})
	// By hand: totals 9→6, 8→5, 6→7; changes −3, −3, +1, mean −5/3; SD √(32/3 / 2) = 2.309,
	// SE 1.333, t(0.975, 2) = 4.303: −1.67 ± 5.74.
	is := s.Instruments[0]
	fmt.Printf("paired %d, baseline only %d\n", is.Paired, is.BaselineOnly)
	sc := is.Scales[0]
	fmt.Printf("%s: %.2f → %.2f, change %.2f (95%% CI %.2f to %.2f), improved %.0f%%\n", sc.Scale,
		sc.MeanBaseline, sc.MeanFollowUp, sc.MeanChange, sc.CI95.Low, sc.CI95.High, 100*sc.ShareImproved)
	// Output:
	// paired 3, baseline only 1
	// ucla3-total: 7.67 → 6.00, change -1.67 (95% CI -7.40 to 4.07), improved 67%
}

func ExampleServiceUse_Changes() {
	four, two, zero, one := 4, 2, 0, 1
	u := outcomes.ServiceUse{
		EpisodeID: "ref-0001",
		Before:    outcomes.Window{From: sp.MustParseDate("2025-01-01"), To: sp.MustParseDate("2025-03-01")}, // 60 days
		After:     outcomes.Window{From: sp.MustParseDate("2025-03-02"), To: sp.MustParseDate("2025-04-30")}, // 60 days
		Items: []outcomes.ServiceCount{
			{Service: outcomes.ServiceGPConsultations, Before: &four, After: &two},
			{Service: outcomes.ServiceAEAttendances, Before: &zero, After: &one},
		},
	}
	cs, err := u.Changes()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cs {
		pc := "no per-cent change from zero"
		if c.PercentChange != nil {
			pc = fmt.Sprintf("%+.0f%%", *c.PercentChange)
		}
		fmt.Printf("%s: %d → %d (%.1f → %.1f per 30 days), %s\n", c.Service, c.Before, c.After, c.BeforePer30Days, c.AfterPer30Days, pc)
	}
	// Output:
	// gp-consultations: 4 → 2 (2.0 → 1.0 per 30 days), -50%
	// ae-attendances: 0 → 1 (0.0 → 0.5 per 30 days), no per-cent change from zero
}

func ExampleSummariseServiceUse() {
	n := func(v int) *int { return &v }
	w := func(from, to string) outcomes.Window {
		return outcomes.Window{From: sp.MustParseDate(from), To: sp.MustParseDate(to)}
	}
	s := outcomes.SummariseServiceUse([]outcomes.ServiceUse{
		{EpisodeID: "a", Before: w("2025-01-01", "2025-01-30"), After: w("2025-02-01", "2025-03-02"),
			Items: []outcomes.ServiceCount{{Service: outcomes.ServiceGPConsultations, Before: n(3), After: n(1)}}},
		{EpisodeID: "b", Before: w("2025-01-01", "2025-03-01"), After: w("2025-03-02", "2025-04-30"),
			Items: []outcomes.ServiceCount{{Service: outcomes.ServiceGPConsultations, Before: n(3), After: n(2)}}},
	})
	g := s.Services[0]
	fmt.Printf("%d episodes: %d → %d GP consultations over %d → %d person-days, %.2f → %.2f per 30 days, %+.0f%%\n",
		g.Episodes, g.Before, g.After, g.BeforeDays, g.AfterDays, g.BeforePer30Days, g.AfterPer30Days, *g.PercentChange)
	// Output:
	// 2 episodes: 6 → 3 GP consultations over 90 → 90 person-days, 2.00 → 1.00 per 30 days, -50%
}

func ExampleONS4_Validate() {
	zero, ten := 0, 10
	o := outcomes.ONS4{LifeSatisfaction: &ten, Worthwhile: &ten, Happiness: &ten, Anxiety: &zero}
	fmt.Println(o.Validate()) // anxiety 0 is an answer
	o.Anxiety = nil
	fmt.Println(o.Validate()) // a missing answer is nil, never 0
	// Output:
	// <nil>
	// outcomes.ONS4: /anxiety: required: missing or empty
}

func ExampleONS4_Band() {
	o, _ := outcomes.NewONS4(8, 9, 3, 2)
	for _, s := range outcomes.InstrumentONS4.Scales() {
		b, _ := o.Band(s)
		fmt.Println(s, b)
	}
	// Output:
	// life-satisfaction high
	// worthwhile very-high
	// happiness low
	// anxiety low
}

func ExampleInstrument_Scales() {
	for _, i := range outcomes.Instruments() {
		fmt.Println(i, i.Scales())
	}
	// Output:
	// ons4 [life-satisfaction worthwhile happiness anxiety]
	// swemwbs [swemwbs-metric swemwbs-raw]
	// wemwbs [wemwbs-total]
	// ucla3 [ucla3-total]
}

func ExampleScale_HigherIsBetter() {
	for _, s := range outcomes.Scales() {
		if !s.HigherIsBetter() {
			fmt.Println(s, "improves when it falls")
		}
	}
	// Output:
	// anxiety improves when it falls
	// ucla3-total improves when it falls
}

// A measurement as an integrator sends it: strict decoding, then validation, then scores.
func ExampleMeasurement() {
	doc := []byte(`{"episodeId":"ref-0001","date":"2025-03-04","timepoint":"baseline","instrument":"ons4",
		"ons4":{"lifeSatisfaction":6,"worthwhile":7,"happiness":5,"anxiety":0}}`)
	var m outcomes.Measurement
	if err := sp.Decode(doc, &m); err != nil {
		fmt.Println(err)
		return
	}
	scores, err := m.Scores()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range scores {
		fmt.Println(s.Scale, s.Value, s.Band)
	}
	fmt.Println(m) // printing never shows the answers
	// Output:
	// life-satisfaction 6 medium
	// worthwhile 7 high
	// happiness 5 medium
	// anxiety 0 very-low
	// outcomes.Measurement{episodeId: "ref-0001", instrument: ons4, timepoint: baseline, date: 2025-03-04, answers masked}
}

func ExampleMeasurement_Code() {
	m := outcomes.Measurement{Instrument: outcomes.InstrumentWEMWBS}
	c, _ := m.Code()
	fmt.Println(c.System, c.Code, c.Display, c.Confidence)
	// Output: http://snomed.info/sct 718426000 WEMWBS score medium
}

func ExampleWindow_Days() {
	w := outcomes.Window{From: sp.MustParseDate("2025-01-01"), To: sp.MustParseDate("2025-03-31")}
	fmt.Println(w.Days())
	// Output: 90
}

func ExampleServiceUse_Validate() {
	one := 1
	u := outcomes.ServiceUse{
		EpisodeID: "ref-0001",
		Before:    outcomes.Window{From: sp.MustParseDate("2025-01-01"), To: sp.MustParseDate("2025-02-15")},
		After:     outcomes.Window{From: sp.MustParseDate("2025-02-01"), To: sp.MustParseDate("2025-03-31")},
		Items:     []outcomes.ServiceCount{{Service: outcomes.ServiceGPConsultations, Before: &one, After: &one}},
	}
	fmt.Println(u.Validate())
	// Output:
	// outcomes.ServiceUse: /after/from: window-order: service use: the after window must begin after the before window ends
}

// SummariseSeq summarises measurements where they are, here those of two records of a service,
// without gathering them into one slice first.
func ExampleSummariseSeq() {
	ons4 := func(id, date string, tp outcomes.Timepoint, life int) *outcomes.Measurement {
		v, w, h, a := life, 6, 6, 3
		return &outcomes.Measurement{EpisodeID: id, Date: sp.MustParseDate(date), Timepoint: tp,
			Instrument: outcomes.InstrumentONS4,
			ONS4:       &outcomes.ONS4{LifeSatisfaction: &v, Worthwhile: &w, Happiness: &h, Anxiety: &a}}
	}
	B, F := outcomes.TimepointBaseline, outcomes.TimepointFollowUp
	records := [][]*outcomes.Measurement{
		{ons4("a", "2025-01-01", B, 4), ons4("a", "2025-04-01", F, 7)},
		{ons4("b", "2025-01-02", B, 5), ons4("b", "2025-04-02", F, 6)},
	}
	s := outcomes.SummariseSeq(func(yield func(*outcomes.Measurement) bool) {
		for _, rec := range records {
			for _, m := range rec {
				if !yield(m) {
					return
				}
			}
		}
	})
	// By hand: life satisfaction 4 → 7 and 5 → 6, mean change (3 + 1) / 2 = 2; bands low → high and
	// medium → medium.
	sc := s.Instruments[0].Scales[0]
	fmt.Printf("%s: n %d, change %+.2f\n", sc.Scale, sc.N, sc.MeanChange)
	for _, b := range sc.Bands {
		fmt.Printf("  %-9s %d → %d\n", b.Band, b.Baseline, b.FollowUp)
	}
	// Output:
	// life-satisfaction: n 2, change +2.00
	//   low       1 → 0
	//   medium    1 → 1
	//   high      0 → 1
	//   very-high 0 → 0
}

// SummariseGroups takes measurements gathered by episode, as episodes hold them, and gives what
// Summarise gives over all of them.
func ExampleSummariseGroups() {
	ucla := func(id, date string, tp outcomes.Timepoint, total int) outcomes.Measurement {
		a, b := (total+2)/3, (total+1)/3
		return outcomes.Measurement{EpisodeID: id, Date: sp.MustParseDate(date), Timepoint: tp,
			Instrument: outcomes.InstrumentUCLA3, UCLA3: &outcomes.UCLA3{LackCompanionship: a, LeftOut: b, Isolated: total - a - b}}
	}
	B, F := outcomes.TimepointBaseline, outcomes.TimepointFollowUp
	episodes := [][]outcomes.Measurement{
		{ucla("a", "2025-01-01", B, 8), ucla("a", "2025-04-01", F, 5)},
		{ucla("b", "2025-01-02", B, 6), ucla("b", "2025-04-02", F, 6)},
	}
	s := outcomes.SummariseGroups(func(yield func([]outcomes.Measurement) bool) {
		for _, ms := range episodes {
			if !yield(ms) {
				return
			}
		}
	})
	// By hand: 8 → 5 and 6 → 6, mean change (−3 + 0) / 2 = −1.5; one improved (lonelier is worse).
	sc := s.Instruments[0].Scales[0]
	fmt.Printf("%s: n %d, change %+.1f, improved %d, unchanged %d\n", sc.Scale, sc.N, sc.MeanChange, sc.Improved, sc.Unchanged)
	// Output:
	// ucla3-total: n 2, change -1.5, improved 1, unchanged 1
}
