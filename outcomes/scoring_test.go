package outcomes

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// The ONS thresholds, written out score by score from the ONS personal well-being guidance
// (SOURCES.md#ons4): life satisfaction, worthwhile, happiness: 0–4 low, 5–6 medium, 7–8 high, 9–10
// very high; anxiety: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high.
func TestONS4Band(t *testing.T) {
	positive := []Band{BandLow, BandLow, BandLow, BandLow, BandLow, BandMedium, BandMedium, BandHigh, BandHigh, BandVeryHigh, BandVeryHigh}
	anxiety := []Band{BandVeryLow, BandVeryLow, BandLow, BandLow, BandMedium, BandMedium, BandHigh, BandHigh, BandHigh, BandHigh, BandHigh}
	type tc struct {
		name   string
		reason string
		scale  Scale
		score  int
		want   Band
	}
	var tests []tc
	for _, s := range []Scale{ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness} {
		for score, b := range positive {
			tests = append(tests, tc{string(s) + "/" + strconv.Itoa(score), "ONS threshold for positive items", s, score, b})
		}
	}
	for score, b := range anxiety {
		tests = append(tests, tc{"anxiety/" + strconv.Itoa(score), "ONS threshold for anxiety", ScaleAnxiety, score, b})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ONS4Band(tt.scale, tt.score)
			if err != nil || got != tt.want {
				t.Errorf("ONS4Band(%s, %d) = %q, %v; want %q (%s)", tt.scale, tt.score, got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestONS4BandRejects(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		scale  Scale
		score  int
	}{
		{"below range", "scores start at 0", ScaleHappiness, -1},
		{"above range", "scores end at 10", ScaleAnxiety, 11},
		{"not an ONS4 item", "SWEMWBS has no ONS band", ScaleSWEMWBSMetric, 5},
		{"unknown scale", "not a scale", Scale("total"), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ONS4Band(tt.scale, tt.score)
			if !errors.Is(err, sp.ErrInvalid) || got != "" {
				t.Errorf("ONS4Band(%s, %d) = %q, %v; want an ErrInvalid error (%s)", tt.scale, tt.score, got, err, tt.reason)
			}
		})
	}
}

// swemwbsTableText is the Warwick Medical School conversion table exactly as SOURCES.md#swemwbs prints it.
const swemwbsTableText = `7→7.00, 8→9.51, 9→11.25, 10→12.40, 11→13.33, 12→14.08, 13→14.75, 14→15.32, 15→15.84, 16→16.36, 17→16.88,
18→17.43, 19→17.98, 20→18.59, 21→19.25, 22→19.98, 23→20.73, 24→21.54, 25→22.35, 26→23.21, 27→24.11,
28→25.03, 29→26.02, 30→27.03, 31→28.13, 32→29.31, 33→30.70, 34→32.55, 35→35.00.`

func TestSWEMWBSMetricWholeTable(t *testing.T) {
	text := strings.TrimSuffix(strings.ReplaceAll(swemwbsTableText, "\n", " "), ".")
	seen := map[int]bool{}
	for entry := range strings.SplitSeq(text, ",") {
		raw, metric, ok := strings.Cut(strings.TrimSpace(entry), "→")
		if !ok {
			t.Fatalf("cannot parse table entry %q", entry)
		}
		r, err := strconv.Atoi(raw)
		if err != nil {
			t.Fatal(err)
		}
		want, err := strconv.ParseFloat(metric, 64)
		if err != nil {
			t.Fatal(err)
		}
		seen[r] = true
		got, err := SWEMWBSMetric(r)
		if err != nil || got != want {
			t.Errorf("SWEMWBSMetric(%d) = %v, %v; want %v (Warwick conversion table)", r, got, err, want)
		}
	}
	for r := 7; r <= 35; r++ {
		if !seen[r] {
			t.Errorf("raw %d missing from the parsed table", r)
		}
	}
	for _, r := range []int{6, 36, 0, -7} {
		if _, err := SWEMWBSMetric(r); !errors.Is(err, sp.ErrInvalid) {
			t.Errorf("SWEMWBSMetric(%d) error = %v; want ErrInvalid (raw is 7–35)", r, err)
		}
	}
}

func TestInstrumentTotals(t *testing.T) {
	rep := func(v, n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = v
		}
		return s
	}
	tests := []struct {
		name    string
		reason  string
		total   func() (float64, error)
		want    float64
		wantErr bool
	}{
		{"swemwbs raw minimum", "7 items of 1", func() (float64, error) { r, err := SWEMWBS{rep(1, 7)}.Raw(); return float64(r), err }, 7, false},
		{"swemwbs raw mixed", "1+2+3+4+5+3+3", func() (float64, error) { r, err := SWEMWBS{[]int{1, 2, 3, 4, 5, 3, 3}}.Raw(); return float64(r), err }, 21, false},
		{"swemwbs metric mixed", "raw 21 → 19.25 by the table", func() (float64, error) { return SWEMWBS{[]int{1, 2, 3, 4, 5, 3, 3}}.Metric() }, 19.25, false},
		{"swemwbs metric maximum", "raw 35 → 35.00", func() (float64, error) { return SWEMWBS{rep(5, 7)}.Metric() }, 35, false},
		{"swemwbs six items", "no imputation of a missing item", func() (float64, error) { return SWEMWBS{rep(3, 6)}.Metric() }, 0, true},
		{"swemwbs item 0", "items are 1–5", func() (float64, error) { return SWEMWBS{[]int{0, 2, 3, 4, 5, 3, 3}}.Metric() }, 0, true},
		{"swemwbs item 6", "items are 1–5", func() (float64, error) { return SWEMWBS{[]int{6, 2, 3, 4, 5, 3, 3}}.Metric() }, 0, true},
		{"wemwbs minimum", "14 items of 1", func() (float64, error) { r, err := WEMWBS{rep(1, 14)}.Total(); return float64(r), err }, 14, false},
		{"wemwbs maximum", "14 items of 5", func() (float64, error) { r, err := WEMWBS{rep(5, 14)}.Total(); return float64(r), err }, 70, false},
		{"wemwbs thirteen", "all 14 items required", func() (float64, error) { r, err := WEMWBS{rep(5, 13)}.Total(); return float64(r), err }, 0, true},
		{"ucla3 minimum", "hardly ever ×3", func() (float64, error) { r, err := UCLA3{1, 1, 1}.Total(); return float64(r), err }, 3, false},
		{"ucla3 maximum", "often ×3", func() (float64, error) { r, err := UCLA3{3, 3, 3}.Total(); return float64(r), err }, 9, false},
		{"ucla3 mixed", "1+2+3", func() (float64, error) { r, err := UCLA3{1, 2, 3}.Total(); return float64(r), err }, 6, false},
		{"ucla3 zero", "answers are 1–3", func() (float64, error) { r, err := UCLA3{0, 2, 3}.Total(); return float64(r), err }, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.total()
			if tt.wantErr {
				if !errors.Is(err, sp.ErrInvalid) {
					t.Errorf("got %v, %v; want ErrInvalid (%s)", got, err, tt.reason)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %v, %v; want %v (%s)", got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestONS4ZeroIsAnAnswer(t *testing.T) {
	o, err := NewONS4(0, 0, 0, 0)
	if err != nil {
		t.Fatalf("NewONS4(0,0,0,0) error = %v; want nil: 0 is a legitimate answer", err)
	}
	b, err := o.Band(ScaleAnxiety)
	if err != nil || b != BandVeryLow {
		t.Errorf("anxiety 0 band = %q, %v; want very-low", b, err)
	}
	var missing ONS4
	ten := 10
	missing.LifeSatisfaction, missing.Worthwhile, missing.Happiness = &ten, &ten, &ten
	err = missing.Validate()
	var ve *sp.ValidationError
	if !errors.As(err, &ve) || !ve.Has("/anxiety", "required") {
		t.Errorf("Validate with anxiety missing = %v; want required at /anxiety", err)
	}
	if _, err := missing.Score(ScaleAnxiety); !errors.Is(err, sp.ErrRequired) {
		t.Errorf("Score of a missing answer error = %v; want ErrRequired", err)
	}
	if _, err := NewONS4(11, 0, 0, 0); err == nil {
		t.Errorf("NewONS4(11, …) error = nil; want an error (answers are 0–10)")
	}
}

func TestCodes(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		inst   Instrument
		want   Code
		noCode bool
	}{
		{"swemwbs", "SNOMED CT 718466001, medium (SOURCES.md#score-codes)", InstrumentSWEMWBS, Code{System: "http://snomed.info/sct", Code: "718466001", Confidence: sp.ConfidenceMedium}, false},
		{"wemwbs", "SNOMED CT 718426000, medium (SOURCES.md#score-codes)", InstrumentWEMWBS, Code{System: "http://snomed.info/sct", Code: "718426000", Confidence: sp.ConfidenceMedium}, false},
		{"ucla3", "LOINC 106418-7, medium (SOURCES.md#score-codes)", InstrumentUCLA3, Code{System: "http://loinc.org", Code: "106418-7", Confidence: sp.ConfidenceMedium}, false},
		{"ons4", "no code found; never invent one (SOURCES.md#score-codes)", InstrumentONS4, Code{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.inst.Code()
			if tt.noCode {
				if !errors.Is(err, ErrNoCode) || got != (Code{}) {
					t.Errorf("Code() = %+v, %v; want ErrNoCode (%s)", got, err, tt.reason)
				}
				return
			}
			if err != nil || got.System != tt.want.System || got.Code != tt.want.Code || got.Confidence != tt.want.Confidence || got.Source == "" || got.Display == "" {
				t.Errorf("Code() = %+v, %v; want %+v with a source and display (%s)", got, err, tt.want, tt.reason)
			}
		})
	}
	if _, err := Instrument("x").Code(); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("unknown instrument Code() error = %v; want ErrInvalid", err)
	}
}

func TestQuestionWording(t *testing.T) {
	// The ONS personal well-being harmonised standard wording (SOURCES.md#ons4).
	want := map[Scale]string{
		ScaleLifeSatisfaction: "Overall, how satisfied are you with your life nowadays?",
		ScaleWorthwhile:       "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
		ScaleHappiness:        "Overall, how happy did you feel yesterday?",
		ScaleAnxiety:          "Overall, how anxious did you feel yesterday?",
	}
	for _, s := range Scales() {
		if got := s.Question(); got != want[s] {
			t.Errorf("%s.Question() = %q; want %q (no wording for copyrighted scales)", s, got, want[s])
		}
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	check := func(name string, values []string, unmarshal func([]byte) error, marshalBad func() error) {
		t.Helper()
		for _, v := range values {
			if err := unmarshal([]byte(v)); err != nil {
				t.Errorf("%s: UnmarshalText(%q) = %v; want nil", name, v, err)
			}
		}
		for _, bad := range []string{"", "X", strings.ToUpper(values[0]) + "!"} {
			if err := unmarshal([]byte(bad)); !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("%s: UnmarshalText(%q) = %v; want ErrInvalid", name, bad, err)
			}
		}
		if err := marshalBad(); !errors.Is(err, sp.ErrInvalid) {
			t.Errorf("%s: MarshalText of an unknown value = %v; want ErrInvalid", name, err)
		}
	}
	var i Instrument
	check("instrument", strs(Instruments()), i.UnmarshalText, func() error { _, err := Instrument("?").MarshalText(); return err })
	var tp Timepoint
	check("timepoint", strs(Timepoints()), tp.UnmarshalText, func() error { _, err := Timepoint("?").MarshalText(); return err })
	var s Scale
	check("scale", strs(Scales()), s.UnmarshalText, func() error { _, err := Scale("?").MarshalText(); return err })
	var b Band
	check("band", strs(Bands()), b.UnmarshalText, func() error { _, err := Band("?").MarshalText(); return err })
	var d Direction
	check("direction", strs(Directions()), d.UnmarshalText, func() error { _, err := Direction("?").MarshalText(); return err })
	var sv Service
	check("service", strs(Services()), sv.UnmarshalText, func() error { _, err := Service("?").MarshalText(); return err })
	for _, s := range Scales() {
		if !s.Instrument().IsValid() {
			t.Errorf("%s.Instrument() = %q; want a valid instrument", s, s.Instrument())
		}
	}
	for _, in := range Instruments() {
		for _, s := range in.Scales() {
			if s.Instrument() != in {
				t.Errorf("%s listed under %s but belongs to %s", s, in, s.Instrument())
			}
		}
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
