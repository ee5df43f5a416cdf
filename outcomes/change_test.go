package outcomes

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func TestDiff(t *testing.T) {
	b := Measurement{EpisodeID: "ref-7", Date: sp.MustParseDate("2025-01-10"), Timepoint: TimepointBaseline,
		Instrument: InstrumentONS4, ONS4: ons4(4, 6, 5, 7)}
	f := Measurement{EpisodeID: "ref-7", Date: sp.MustParseDate("2025-04-10"), Timepoint: TimepointFollowUp,
		Instrument: InstrumentONS4, ONS4: ons4(7, 6, 4, 3)}
	got, err := Diff(b, f)
	if err != nil {
		t.Fatal(err)
	}
	// Expected by hand from the ONS thresholds: life satisfaction 4 (low) → 7 (high) improved;
	// worthwhile 6 → 6 unchanged; happiness 5 → 4 (medium → low) worsened; anxiety 7 (high) → 3 (low)
	// is a fall, so improved. 2025-01-10 to 2025-04-10 is 21+28+31+10 = 90 days.
	want := Change{EpisodeID: "ref-7", Instrument: InstrumentONS4, BaselineDate: b.Date, FollowUpDate: f.Date, Days: 90,
		Items: []ItemChange{
			{ScaleLifeSatisfaction, 4, 7, 3, DirectionImproved, BandLow, BandHigh, DirectionImproved},
			{ScaleWorthwhile, 6, 6, 0, DirectionUnchanged, BandMedium, BandMedium, DirectionUnchanged},
			{ScaleHappiness, 5, 4, -1, DirectionWorsened, BandMedium, BandLow, DirectionWorsened},
			{ScaleAnxiety, 7, 3, -4, DirectionImproved, BandHigh, BandLow, DirectionImproved},
		}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", d)
	}

	// Within a band: anxiety 2 → 3 worsens the score but stays in "low".
	b.ONS4, f.ONS4 = ons4(5, 5, 5, 2), ons4(5, 5, 5, 3)
	got, _ = Diff(b, f)
	if a := got.Items[3]; a.Direction != DirectionWorsened || a.BandMovement != DirectionUnchanged {
		t.Errorf("anxiety 2→3: direction %q band movement %q; want worsened, unchanged", a.Direction, a.BandMovement)
	}

	// UCLA-3: loneliness improves when it falls.
	lb := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"), Timepoint: TimepointBaseline, Instrument: InstrumentUCLA3, UCLA3: &UCLA3{3, 3, 2}}
	lf := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-02-01"), Timepoint: TimepointFollowUp, Instrument: InstrumentUCLA3, UCLA3: &UCLA3{2, 1, 2}}
	got, _ = Diff(lb, lf)
	if u := got.Items[0]; u.Change != -3 || u.Direction != DirectionImproved || u.BandMovement != "" {
		t.Errorf("UCLA-3 8→5: %+v; want change −3, improved, no band", u)
	}

	// SWEMWBS: metric change from the table, raw 14 → 21 is 15.32 → 19.25.
	sb := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"), Timepoint: TimepointBaseline, Instrument: InstrumentSWEMWBS, SWEMWBS: &SWEMWBS{[]int{2, 2, 2, 2, 2, 2, 2}}}
	sf := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-02-01"), Timepoint: TimepointFollowUp, Instrument: InstrumentSWEMWBS, SWEMWBS: &SWEMWBS{[]int{3, 3, 3, 3, 3, 3, 3}}}
	got, _ = Diff(sb, sf)
	if m := got.Items[0]; m.Baseline != 15.32 || m.FollowUp != 19.25 || m.Change != 3.93 || m.Direction != DirectionImproved {
		t.Errorf("SWEMWBS 14→21: %+v; want 15.32 → 19.25, change 3.93, improved", m)
	}
}

func TestDiffRejects(t *testing.T) {
	ok := func() (Measurement, Measurement) {
		return Measurement{EpisodeID: "a", Date: sp.MustParseDate("2025-01-10"), Timepoint: TimepointBaseline, Instrument: InstrumentUCLA3, UCLA3: &UCLA3{1, 1, 1}},
			Measurement{EpisodeID: "a", Date: sp.MustParseDate("2025-02-10"), Timepoint: TimepointFollowUp, Instrument: InstrumentUCLA3, UCLA3: &UCLA3{1, 2, 1}}
	}
	tests := []struct {
		name   string
		reason string
		edit   func(b, f *Measurement)
	}{
		{"swapped timepoints", "first must be the baseline", func(b, f *Measurement) { b.Timepoint, f.Timepoint = f.Timepoint, b.Timepoint }},
		{"two baselines", "second must be a follow-up", func(b, f *Measurement) { f.Timepoint = TimepointBaseline }},
		{"other episode", "pairs share an episode", func(b, f *Measurement) { f.EpisodeID = "b" }},
		{"other instrument", "pairs share an instrument", func(b, f *Measurement) {
			f.Instrument, f.UCLA3, f.ONS4 = InstrumentONS4, nil, ons4(1, 1, 1, 1)
		}},
		{"date order", "follow-up before baseline", func(b, f *Measurement) { f.Date = sp.MustParseDate("2025-01-09") }},
		{"invalid baseline", "scores out of range", func(b, f *Measurement) { b.UCLA3.LeftOut = -1 }},
		{"invalid follow-up", "scores out of range", func(b, f *Measurement) { f.UCLA3.LeftOut = 9 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, f := ok()
			tt.edit(&b, &f)
			if _, err := Diff(b, f); !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("Diff error = %v; want ErrInvalid (%s)", err, tt.reason)
			}
		})
	}
	b, f := ok()
	f.Date = b.Date
	if _, err := Diff(b, f); err != nil {
		t.Errorf("Diff on the same day = %v; want nil", err)
	}
}

// Change is antisymmetric: swapping the answers of baseline and follow-up negates every change and
// reverses every direction and band movement.
func TestDiffAntisymmetric(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inst := rapid.SampledFrom(Instruments()).Draw(t, "inst")
		b := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"), Timepoint: TimepointBaseline}
		f := Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-03-01"), Timepoint: TimepointFollowUp}
		genAnswers(t, &b, inst)
		genAnswers(t, &f, inst)
		fwd, err := Diff(b, f)
		if err != nil {
			t.Fatal(err)
		}
		b.ONS4, f.ONS4 = f.ONS4, b.ONS4
		b.SWEMWBS, f.SWEMWBS = f.SWEMWBS, b.SWEMWBS
		b.WEMWBS, f.WEMWBS = f.WEMWBS, b.WEMWBS
		b.UCLA3, f.UCLA3 = f.UCLA3, b.UCLA3
		rev, err := Diff(b, f)
		if err != nil {
			t.Fatal(err)
		}
		for k := range fwd.Items {
			x, y := fwd.Items[k], rev.Items[k]
			if x.Change != -y.Change || x.Direction != y.Direction.Reverse() || x.BandMovement != y.BandMovement.Reverse() ||
				x.Baseline != y.FollowUp || x.BaselineBand != y.FollowUpBand {
				t.Fatalf("not antisymmetric on %s: %+v vs %+v", x.Scale, x, y)
			}
			if (x.Change == 0) != (x.Direction == DirectionUnchanged) {
				t.Fatalf("direction %q with change %v", x.Direction, x.Change)
			}
		}
	})
}
