package outcomes

import (
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func meas(id, date string, tp Timepoint, o *ONS4) Measurement {
	return Measurement{EpisodeID: id, Date: sp.MustParseDate(date), Timepoint: tp, Instrument: InstrumentONS4, ONS4: o}
}

// handCohort has four paired episodes and one of every kind of excluded record.
func handCohort() []Measurement {
	B, F := TimepointBaseline, TimepointFollowUp
	return []Measurement{
		meas("A", "2025-01-05", B, ons4(5, 5, 5, 6)),
		meas("A", "2025-02-05", B, ons4(10, 10, 10, 10)), // later baseline: not used
		meas("A", "2025-03-01", F, ons4(0, 0, 0, 0)),     // earlier follow-up: not used
		meas("A", "2025-04-01", F, ons4(7, 5, 5, 4)),
		meas("B", "2025-01-06", B, ons4(3, 5, 5, 6)),
		meas("B", "2025-04-06", F, ons4(4, 5, 5, 4)),
		meas("C", "2025-01-07", B, ons4(6, 5, 5, 6)),
		meas("C", "2025-04-07", F, ons4(5, 5, 5, 4)),
		meas("D", "2025-01-08", B, ons4(4, 5, 5, 6)),
		meas("D", "2025-04-08", F, ons4(6, 5, 5, 8)),
		meas("E", "2025-01-09", B, ons4(1, 1, 1, 1)),  // baseline only
		meas("F", "2025-04-09", F, ons4(1, 1, 1, 1)),  // follow-up only
		meas("G", "2025-02-01", B, ons4(1, 1, 1, 1)),  // follow-up before baseline
		meas("G", "2025-01-15", F, ons4(2, 2, 2, 2)),  //
		meas("H", "2025-01-10", B, ons4(1, 1, 1, 1)),  // two different baselines on one day
		meas("H", "2025-01-10", B, ons4(1, 1, 1, 2)),  //
		meas("H", "2025-04-10", F, ons4(1, 1, 1, 1)),  //
		meas("I", "2025-01-10", B, ons4(1, 1, 1, 11)), // invalid
		{EpisodeID: "A", Date: sp.MustParseDate("2025-01-05"), Timepoint: B, Instrument: InstrumentSWEMWBS,
			SWEMWBS: &SWEMWBS{Items: []int{3, 3, 3, 3, 3, 3, 3}}}, // another instrument, baseline only
	}
}

func TestSummariseByHand(t *testing.T) {
	got := Summarise(handCohort())
	// t(0.975, 3) = 3.1824463052837095927 (mpmath, see tdist_test.go).
	const t3 = 3.1824463052837095927
	// Life satisfaction: baselines 5, 3, 6, 4 (mean 4.5); follow-ups 7, 4, 5, 6 (mean 5.5); changes
	// +2, +1, −1, +2: mean 1, deviations 1, 0, −2, 1, sum of squares 6, variance 6/3 = 2, SD √2,
	// SE √2/2. Three rose (improved), one fell.
	// Anxiety: 6, 6, 6, 6 → 4, 4, 4, 8: changes −2, −2, −2, +2, mean −1, deviations −1, −1, −1, 3,
	// sum of squares 12, variance 4, SD 2, SE 1. Three fell: improved.
	// Worthwhile and happiness: 5 → 5 throughout.
	// Bands (ONS thresholds): life satisfaction baselines 5, 3, 6, 4 are medium, low, medium, low;
	// follow-ups 7, 4, 5, 6 high, low, medium, medium. Anxiety 6 is high; 4 medium, 8 high. 5 is
	// medium on the other items.
	flat := ScaleSummary{N: 4, MeanBaseline: 5, MeanFollowUp: 5, Unchanged: 4,
		CI95:  &Interval{Low: 0, High: 0, SD: 0, SE: 0, T: t3, DF: 3},
		Bands: []BandMovement{{BandLow, 0, 0}, {BandMedium, 4, 4}, {BandHigh, 0, 0}, {BandVeryHigh, 0, 0}}}
	worth, happy := flat, flat
	worth.Scale, happy.Scale = ScaleWorthwhile, ScaleHappiness
	want := CohortSummary{Records: 19, Invalid: 1, Instruments: []InstrumentSummary{
		{Instrument: InstrumentONS4, Records: 17, Episodes: 8, Paired: 4, BaselineOnly: 1, FollowUpOnly: 1,
			Conflicting: 1, DateOrder: 1, Unused: 9, Scales: []ScaleSummary{
				{Scale: ScaleLifeSatisfaction, N: 4, MeanBaseline: 4.5, MeanFollowUp: 5.5, MeanChange: 1,
					CI95:     &Interval{Low: 1 - t3*math.Sqrt2/2, High: 1 + t3*math.Sqrt2/2, SD: math.Sqrt2, SE: math.Sqrt2 / 2, T: t3, DF: 3},
					Improved: 3, Worsened: 1, ShareImproved: 0.75, ShareWorsened: 0.25,
					Bands: []BandMovement{{BandLow, 2, 1}, {BandMedium, 2, 2}, {BandHigh, 0, 1}, {BandVeryHigh, 0, 0}}},
				worth, happy,
				{Scale: ScaleAnxiety, N: 4, MeanBaseline: 6, MeanFollowUp: 5, MeanChange: -1,
					CI95:     &Interval{Low: -1 - t3, High: -1 + t3, SD: 2, SE: 1, T: t3, DF: 3},
					Improved: 3, Worsened: 1, ShareImproved: 0.75, ShareWorsened: 0.25,
					Bands: []BandMovement{{BandVeryLow, 0, 0}, {BandLow, 0, 0}, {BandMedium, 0, 3}, {BandHigh, 4, 1}}},
			}},
		{Instrument: InstrumentSWEMWBS, Records: 1, Episodes: 1, BaselineOnly: 1, Unused: 1, Scales: []ScaleSummary{}},
	}}
	if d := cmp.Diff(want, got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(a)) })); d != "" {
		t.Errorf("Summarise mismatch (-want +got):\n%s", d)
	}
}

func TestSummariseSmall(t *testing.T) {
	if got := Summarise(nil); got.Records != 0 || len(got.Instruments) != 0 || got.Instruments == nil {
		t.Errorf("Summarise(nil) = %+v; want zero counts and an empty, non-nil list", got)
	}
	one := Summarise([]Measurement{meas("A", "2025-01-01", TimepointBaseline, ons4(1, 2, 3, 4)), meas("A", "2025-02-01", TimepointFollowUp, ons4(2, 2, 3, 4))})
	s := one.Instruments[0].Scales[0]
	if s.N != 1 || s.CI95 != nil || s.MeanChange != 1 {
		t.Errorf("one pair: %+v; want n 1, mean change 1, no interval (needs n ≥ 2)", s)
	}
}

// referenceSummary is a slow, obviously-correct version of Summarise's statistics for one instrument:
// group records by episode, pick the earliest baseline and latest follow-up, then two-pass float
// statistics over the pairs sorted by episode id.
func referenceScales(ms []Measurement, inst Instrument) (paired int, scales []ScaleSummary) {
	byEp := map[string][]Measurement{}
	for _, m := range ms {
		if m.Instrument == inst && m.Validate() == nil {
			byEp[m.EpisodeID] = append(byEp[m.EpisodeID], m)
		}
	}
	ids := make([]string, 0, len(byEp))
	for id := range byEp {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	type pair struct{ b, f []Score }
	var pairs []pair
	for _, id := range ids {
		var bs, fs []Measurement
		for _, m := range byEp[id] {
			if m.Timepoint == TimepointBaseline {
				bs = append(bs, m)
			} else {
				fs = append(fs, m)
			}
		}
		if len(bs) == 0 || len(fs) == 0 {
			continue
		}
		pick := func(xs []Measurement, latest bool) ([]Score, bool) {
			best := xs[0].Date
			for _, x := range xs {
				if (latest && x.Date.After(best)) || (!latest && x.Date.Before(best)) {
					best = x.Date
				}
			}
			var chosen []Score
			for _, x := range xs {
				if x.Date == best {
					s, _ := x.Scores()
					if chosen != nil && !slices.Equal(chosen, s) {
						return nil, false
					}
					chosen = s
				}
			}
			return chosen, true
		}
		b, okB := pick(bs, false)
		f, okF := pick(fs, true)
		if !okB || !okF {
			continue
		}
		bd, fd := bs[0].Date, fs[0].Date
		for _, x := range bs {
			if x.Date.Before(bd) {
				bd = x.Date
			}
		}
		for _, x := range fs {
			if x.Date.After(fd) {
				fd = x.Date
			}
		}
		if fd.Before(bd) {
			continue
		}
		pairs = append(pairs, pair{b, f})
	}
	for k, sc := range inst.Scales() {
		n := float64(len(pairs))
		var sb, sf, sd float64
		s := ScaleSummary{Scale: sc, N: len(pairs)}
		for _, p := range pairs {
			sb += p.b[k].Value
			sf += p.f[k].Value
			d := p.f[k].Value - p.b[k].Value
			sd += d
			switch {
			case d == 0:
				s.Unchanged++
			case (d > 0) == sc.HigherIsBetter():
				s.Improved++
			default:
				s.Worsened++
			}
		}
		if len(pairs) == 0 {
			break
		}
		s.MeanBaseline, s.MeanFollowUp, s.MeanChange = sb/n, sf/n, sd/n
		if inst == InstrumentONS4 {
			// The bands of the item, lowest first, counted with ONS4Band.
			order := []Band{BandLow, BandMedium, BandHigh, BandVeryHigh}
			if sc == ScaleAnxiety {
				order = []Band{BandVeryLow, BandLow, BandMedium, BandHigh}
			}
			for _, b := range order {
				bm := BandMovement{Band: b}
				for _, p := range pairs {
					if got, _ := ONS4Band(sc, int(p.b[k].Value)); got == b {
						bm.Baseline++
					}
					if got, _ := ONS4Band(sc, int(p.f[k].Value)); got == b {
						bm.FollowUp++
					}
				}
				s.Bands = append(s.Bands, bm)
			}
		}
		s.ShareImproved, s.ShareWorsened = float64(s.Improved)/n, float64(s.Worsened)/n
		if len(pairs) >= 2 {
			var ss float64
			for _, p := range pairs {
				d := p.f[k].Value - p.b[k].Value - s.MeanChange
				ss += d * d
			}
			sdv := math.Sqrt(ss / (n - 1))
			se := sdv / math.Sqrt(n)
			tc := tCritical(0.025, n-1)
			s.CI95 = &Interval{Low: s.MeanChange - tc*se, High: s.MeanChange + tc*se, SD: sdv, SE: se, T: tc, DF: len(pairs) - 1}
		}
		scales = append(scales, s)
	}
	return len(pairs), scales
}

func TestSummariseMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ms := rapid.SliceOfN(rapid.OneOf(genValidMeasurement(8), genCollidingMeasurement), 0, 60).Draw(t, "ms")
		got := Summarise(ms)
		for _, is := range got.Instruments {
			paired, want := referenceScales(ms, is.Instrument)
			if is.Paired != paired {
				t.Fatalf("%s: paired %d; reference %d", is.Instrument, is.Paired, paired)
			}
			if is.Records != is.Unused+2*is.Paired || is.Episodes != is.Paired+is.BaselineOnly+is.FollowUpOnly+is.Conflicting+is.DateOrder {
				t.Fatalf("%s: counts do not add up: %+v", is.Instrument, is)
			}
			if d := cmp.Diff(want, is.Scales, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) <= 1e-9 })); is.Paired > 0 && d != "" {
				t.Fatalf("%s: mismatch with the reference (-want +got):\n%s", is.Instrument, d)
			}
		}
	})
}

// The result does not depend on the order of the measurements, to the last bit.
func TestSummariseOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ms := rapid.SliceOfN(rapid.OneOf(genValidMeasurement(6), genCollidingMeasurement, genAnyMeasurement), 0, 80).Draw(t, "ms")
		perm := rapid.Permutation(ms).Draw(t, "perm")
		if d := cmp.Diff(Summarise(ms), Summarise(perm)); d != "" {
			t.Fatalf("order changed the result (-original +permuted):\n%s", d)
		}
	})
}

// For a fixed pattern of changes (so a fixed spread), repeating the pattern more times narrows the
// interval.
func TestIntervalNarrowsWithN(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		pattern := rapid.SliceOfN(rapid.IntRange(-10, 10), 2, 6).Filter(func(p []int) bool {
			return slices.Min(p) != slices.Max(p)
		}).Draw(t, "pattern")
		k := rapid.IntRange(1, 20).Draw(t, "k")
		j := rapid.IntRange(1, 20).Draw(t, "j")
		width := func(reps int) float64 {
			var ms []Measurement
			for r := 0; r < reps; r++ {
				for i, d := range pattern {
					id := string(rune('a'+i)) + "-" + string(rune('A'+r%26)) + string(rune('A'+r/26))
					b := max(0, -d) // baseline and follow-up stay in 0–10
					ms = append(ms, meas(id, "2025-01-01", TimepointBaseline, ons4(b, 0, 0, 0)),
						meas(id, "2025-02-01", TimepointFollowUp, ons4(b+d, 0, 0, 0)))
				}
			}
			iv := Summarise(ms).Instruments[0].Scales[0].CI95
			return iv.High - iv.Low
		}
		if w1, w2 := width(k), width(k+j); !(w2 < w1) {
			t.Fatalf("width with %d repetitions %v; with %d %v: want narrower", k, w1, k+j, w2)
		}
	})
}

// permutations calls f with every ordering of ms (Heap's algorithm).
func permutations(ms []Measurement, f func([]Measurement)) {
	a := slices.Clone(ms)
	c := make([]int, len(a))
	f(slices.Clone(a))
	for i := 0; i < len(a); {
		if c[i] < i {
			if i%2 == 0 {
				a[0], a[i] = a[i], a[0]
			} else {
				a[c[i]], a[i] = a[i], a[c[i]]
			}
			f(slices.Clone(a))
			c[i]++
			i = 0
		} else {
			c[i] = 0
			i++
		}
	}
}

func TestSummarisePairingRules(t *testing.T) {
	B, F := TimepointBaseline, TimepointFollowUp
	tests := []struct {
		name   string
		reason string
		ms     []Measurement
		want   InstrumentSummary // counts only
	}{
		{"earlier baseline supersedes a conflict", "the conflict is on a date that is not used",
			[]Measurement{meas("J", "2025-02-01", B, ons4(1, 1, 1, 1)), meas("J", "2025-02-01", B, ons4(2, 2, 2, 2)),
				meas("J", "2025-01-01", B, ons4(5, 5, 5, 6)), meas("J", "2025-04-01", F, ons4(5, 5, 5, 6))},
			InstrumentSummary{Records: 4, Episodes: 1, Paired: 1, Unused: 2}},
		{"later follow-up supersedes a conflict", "the conflict is on a date that is not used",
			[]Measurement{meas("K", "2025-01-01", B, ons4(1, 1, 1, 1)), meas("K", "2025-04-01", F, ons4(1, 1, 1, 1)),
				meas("K", "2025-04-01", F, ons4(1, 1, 1, 2)), meas("K", "2025-05-01", F, ons4(3, 3, 3, 3))},
			InstrumentSummary{Records: 4, Episodes: 1, Paired: 1, Unused: 2}},
		{"conflicting follow-ups on the latest date", "which one is meant cannot be known",
			[]Measurement{meas("K", "2025-01-01", B, ons4(1, 1, 1, 1)), meas("K", "2025-04-01", F, ons4(1, 1, 1, 1)),
				meas("K", "2025-04-01", F, ons4(1, 1, 1, 2)), meas("K", "2025-03-01", F, ons4(3, 3, 3, 3))},
			InstrumentSummary{Records: 4, Episodes: 1, Conflicting: 1, Unused: 4}},
		{"identical duplicates", "the same answers entered twice are not a conflict",
			[]Measurement{meas("L", "2025-01-01", B, ons4(1, 1, 1, 1)), meas("L", "2025-01-01", B, ons4(1, 1, 1, 1)),
				meas("L", "2025-04-01", F, ons4(2, 2, 2, 2))},
			InstrumentSummary{Records: 3, Episodes: 1, Paired: 1, Unused: 1}},
		{"same day", "a follow-up on the baseline's day is allowed",
			[]Measurement{meas("M", "2025-01-01", B, ons4(1, 1, 1, 1)), meas("M", "2025-01-01", F, ons4(2, 2, 2, 2))},
			InstrumentSummary{Records: 2, Episodes: 1, Paired: 1}},
		{"follow-up before baseline", "the latest follow-up precedes the earliest baseline",
			[]Measurement{meas("N", "2025-02-01", B, ons4(1, 1, 1, 1)), meas("N", "2025-01-01", F, ons4(2, 2, 2, 2))},
			InstrumentSummary{Records: 2, Episodes: 1, DateOrder: 1, Unused: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			permutations(tt.ms, func(ms []Measurement) {
				got := Summarise(ms).Instruments[0]
				got.Instrument, got.Scales = "", nil
				if d := cmp.Diff(tt.want, got); d != "" {
					t.Fatalf("counts mismatch (-want +got) (%s):\n%s", tt.reason, d)
				}
			})
		})
	}
}

// SummariseGroups gives exactly what Summarise gives, however the measurements are grouped: one
// group per episode id, an id split over several groups, or a group holding two ids.
func TestSummariseGroupsSameAsSummarise(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ms := rapid.SliceOfN(rapid.OneOf(genValidMeasurement(6), genCollidingMeasurement, genAnyMeasurement), 0, 80).Draw(t, "ms")
		byID := map[string][]Measurement{}
		var ids []string
		for _, m := range ms {
			if _, ok := byID[m.EpisodeID]; !ok {
				ids = append(ids, m.EpisodeID)
			}
			byID[m.EpisodeID] = append(byID[m.EpisodeID], m)
		}
		var groups [][]Measurement
		for _, id := range ids {
			g := byID[id]
			if len(g) > 1 && rapid.Bool().Draw(t, "split") {
				cut := rapid.IntRange(1, len(g)-1).Draw(t, "cut")
				groups = append(groups, g[:cut], g[cut:])
				continue
			}
			groups = append(groups, g)
		}
		if len(groups) > 1 && rapid.IntRange(0, 9).Draw(t, "mix") == 0 {
			groups[1] = append(slices.Clone(groups[0]), groups[1]...)
			groups = groups[1:]
		}
		got := SummariseGroups(func(yield func([]Measurement) bool) {
			for _, g := range groups {
				if !yield(g) {
					return
				}
			}
		})
		if d := cmp.Diff(Summarise(ms), got); d != "" {
			t.Fatalf("SummariseGroups differs from Summarise (-Summarise +SummariseGroups):\n%s", d)
		}
	})
}
