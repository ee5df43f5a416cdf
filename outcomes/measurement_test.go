package outcomes

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func TestMeasurementValidate(t *testing.T) {
	base := func() Measurement {
		return Measurement{EpisodeID: "ref-1", Date: sp.MustParseDate("2025-03-01"), Timepoint: TimepointBaseline,
			Instrument: InstrumentONS4, ONS4: ons4(5, 6, 7, 0)}
	}
	tests := []struct {
		name   string
		reason string
		edit   func(*Measurement)
		path   string
		rule   string
	}{
		{"valid", "all fields present; anxiety 0 is an answer", func(*Measurement) {}, "", ""},
		{"no episode", "pairing needs the episode id", func(m *Measurement) { m.EpisodeID = "" }, "/episodeId", "required"},
		{"no date", "a measurement is dated", func(m *Measurement) { m.Date = sp.Date{} }, "/date", "required"},
		{"bad timepoint", "baseline or follow-up only", func(m *Measurement) { m.Timepoint = "middle" }, "/timepoint", "enum"},
		{"anxiety 11", "items are 0–10", func(m *Measurement) { m.ONS4.Anxiety = intp(11) }, "/ons4/anxiety", "lte"},
		{"happiness -1", "items are 0–10", func(m *Measurement) { m.ONS4.Happiness = intp(-1) }, "/ons4/happiness", "gte"},
		{"missing item", "no ONS4 item may be missing", func(m *Measurement) { m.ONS4.Worthwhile = nil }, "/ons4/worthwhile", "required"},
		{"payload missing", "ONS4 named, no answers", func(m *Measurement) { m.ONS4 = nil }, "/ons4", "instrument-payload"},
		{"wrong payload", "answers for another instrument", func(m *Measurement) { m.UCLA3 = &UCLA3{1, 1, 1} }, "/ucla3", "instrument-payload"},
		{"swemwbs six items", "all seven required", func(m *Measurement) {
			m.Instrument, m.ONS4, m.SWEMWBS = InstrumentSWEMWBS, nil, &SWEMWBS{Items: []int{1, 2, 3, 4, 5, 1}}
		}, "/swemwbs/items", "len"},
		{"swemwbs item 0", "items are 1–5; an item of 0 reads as unanswered", func(m *Measurement) {
			m.Instrument, m.ONS4, m.SWEMWBS = InstrumentSWEMWBS, nil, &SWEMWBS{Items: []int{1, 2, 3, 4, 5, 1, 0}}
		}, "/swemwbs/items/6", "required"},
		{"swemwbs item -1", "items are 1–5", func(m *Measurement) {
			m.Instrument, m.ONS4, m.SWEMWBS = InstrumentSWEMWBS, nil, &SWEMWBS{Items: []int{1, 2, 3, 4, 5, 1, -1}}
		}, "/swemwbs/items/6", "gte"},
		{"ucla3 item 4", "items are 1–3", func(m *Measurement) {
			m.Instrument, m.ONS4, m.UCLA3 = InstrumentUCLA3, nil, &UCLA3{1, 4, 1}
		}, "/ucla3/leftOut", "lte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			tt.edit(&m)
			err := m.Validate()
			if m.valid() != (err == nil) {
				t.Errorf("valid() = %v disagrees with Validate() = %v", m.valid(), err)
			}
			if tt.rule == "" {
				if err != nil {
					t.Fatalf("Validate() = %v; want nil (%s)", err, tt.reason)
				}
				return
			}
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has(tt.path, tt.rule) {
				t.Fatalf("Validate() = %v; want rule %q at %q (%s)", err, tt.rule, tt.path, tt.reason)
			}
		})
	}
}

// The reflection-free check Summarise uses must agree with Validate on every measurement.
func TestValidAgreesWithValidate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := genAnyMeasurement.Draw(t, "m")
		err := m.Validate()
		if got := m.valid(); got != (err == nil) {
			t.Fatalf("valid() = %v but Validate() = %v", got, err)
		}
	})
}

func TestScores(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		m      Measurement
		want   []Score
	}{
		{"ons4", "four items with ONS bands, no total", Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"),
			Timepoint: TimepointBaseline, Instrument: InstrumentONS4, ONS4: ons4(4, 5, 9, 6)},
			[]Score{{ScaleLifeSatisfaction, 4, BandLow}, {ScaleWorthwhile, 5, BandMedium}, {ScaleHappiness, 9, BandVeryHigh}, {ScaleAnxiety, 6, BandHigh}}},
		{"swemwbs", "raw 22 → metric 19.98", Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"),
			Timepoint: TimepointBaseline, Instrument: InstrumentSWEMWBS, SWEMWBS: &SWEMWBS{Items: []int{3, 3, 3, 3, 3, 3, 4}}},
			[]Score{{Scale: ScaleSWEMWBSMetric, Value: 19.98}, {Scale: ScaleSWEMWBSRaw, Value: 22}}},
		{"ucla3", "2+3+3", Measurement{EpisodeID: "e", Date: sp.MustParseDate("2025-01-01"),
			Timepoint: TimepointFollowUp, Instrument: InstrumentUCLA3, UCLA3: &UCLA3{2, 3, 3}},
			[]Score{{Scale: ScaleUCLA3Total, Value: 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.m.Scores()
			if err != nil {
				t.Fatalf("Scores() error = %v", err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Scores() mismatch (-want +got) (%s):\n%s", tt.reason, d)
			}
		})
	}
	if _, err := (Measurement{}).Scores(); err == nil {
		t.Errorf("Scores() of an empty measurement error = nil; want an error")
	}
}

// Bands cover 0–10 with no gap or overlap: every score in range has exactly one band, from the
// item's own set of four, bands never fall as the score rises, and scores out of range have none.
func TestBandsCoverRange(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.SampledFrom([]Scale{ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness, ScaleAnxiety}).Draw(t, "scale")
		a := rapid.IntRange(-20, 30).Draw(t, "a")
		b := rapid.IntRange(a, 30).Draw(t, "b")
		ba, errA := ONS4Band(s, a)
		bb, errB := ONS4Band(s, b)
		if (errA == nil) != (a >= 0 && a <= 10) || (errB == nil) != (b >= 0 && b <= 10) {
			t.Fatalf("band defined outside 0–10 or missing inside: %d→%v, %d→%v", a, errA, b, errB)
		}
		if errA != nil || errB != nil {
			return
		}
		allowed := []Band{BandLow, BandMedium, BandHigh, BandVeryHigh}
		if s == ScaleAnxiety {
			allowed = []Band{BandVeryLow, BandLow, BandMedium, BandHigh}
		}
		if !slices.Contains(allowed, ba) || !slices.Contains(allowed, bb) {
			t.Fatalf("bands %q, %q not in %v", ba, bb, allowed)
		}
		if ba.rank() > bb.rank() {
			t.Fatalf("band falls from %q at %d to %q at %d", ba, a, bb, b)
		}
	})
	// Each item uses all four of its bands somewhere in 0–10.
	for _, s := range []Scale{ScaleLifeSatisfaction, ScaleAnxiety} {
		used := map[Band]bool{}
		for v := 0; v <= 10; v++ {
			b, _ := ONS4Band(s, v)
			used[b] = true
		}
		if len(used) != 4 {
			t.Errorf("%s uses %d bands over 0–10; want 4", s, len(used))
		}
	}
}
