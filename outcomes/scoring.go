package outcomes

import (
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// ONS4 holds the answers to the four ONS personal wellbeing questions (Office for National
// Statistics, personal well-being harmonised standard; SOURCES.md#ons4; confidence high). Each is
// an integer from 0 to 10; 0 is a legitimate answer, so the fields are pointers and a missing
// answer is nil, never 0. ONS does not combine the four into one score and neither does this
// package: there is no total.
//
// ONS4 is a plain value and safe for concurrent use once built.
type ONS4 struct {
	// LifeSatisfaction answers "Overall, how satisfied are you with your life nowadays?".
	LifeSatisfaction *int `json:"lifeSatisfaction" validate:"required,gte=0,lte=10"`
	// Worthwhile answers "Overall, to what extent do you feel that the things you do in your life are
	// worthwhile?".
	Worthwhile *int `json:"worthwhile" validate:"required,gte=0,lte=10"`
	// Happiness answers "Overall, how happy did you feel yesterday?".
	Happiness *int `json:"happiness" validate:"required,gte=0,lte=10"`
	// Anxiety answers "Overall, how anxious did you feel yesterday?" (0 not at all anxious, 10
	// completely anxious).
	Anxiety *int `json:"anxiety" validate:"required,gte=0,lte=10"`
}

// NewONS4 returns the ONS4 answers life satisfaction, worthwhile, happiness and anxiety, or an error
// if any is outside 0–10.
func NewONS4(lifeSatisfaction, worthwhile, happiness, anxiety int) (ONS4, error) {
	o := ONS4{LifeSatisfaction: &lifeSatisfaction, Worthwhile: &worthwhile, Happiness: &happiness, Anxiety: &anxiety}
	if err := o.Validate(); err != nil {
		return ONS4{}, err
	}
	return o, nil
}

// Validate checks that all four answers are present and each is from 0 to 10. The error is nil or a
// [*sp.ValidationError].
func (o ONS4) Validate() error {
	c := newCollector("outcomes.ONS4", &o)
	return c.Err()
}

// Score returns the answer for one ONS4 scale, or an error if the scale is not an ONS4 item or the
// answer is missing or out of range.
func (o ONS4) Score(s Scale) (int, error) {
	var p *int
	switch s {
	case ScaleLifeSatisfaction:
		p = o.LifeSatisfaction
	case ScaleWorthwhile:
		p = o.Worthwhile
	case ScaleHappiness:
		p = o.Happiness
	case ScaleAnxiety:
		p = o.Anxiety
	default:
		return 0, fmt.Errorf("outcomes: ons4: scale is not an ONS4 item: %w", sp.ErrInvalid)
	}
	if p == nil {
		return 0, fmt.Errorf("outcomes: ons4: %s: answer missing: %w", s, sp.ErrRequired)
	}
	if *p < 0 || *p > 10 {
		return 0, fmt.Errorf("outcomes: ons4: %s: answer must be from 0 to 10: %w", s, sp.ErrInvalid)
	}
	return *p, nil
}

// Band returns the ONS threshold band of the answer for one ONS4 scale.
func (o ONS4) Band(s Scale) (Band, error) {
	v, err := o.Score(s)
	if err != nil {
		return "", err
	}
	return ONS4Band(s, v)
}

// ONS4Band returns the ONS threshold band of an ONS4 item score (Office for National Statistics,
// personal well-being user guidance; SOURCES.md#ons4; confidence high):
//
//   - life satisfaction, worthwhile, happiness: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high;
//   - anxiety: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high (a lower band is better).
//
// It returns an error for a scale that is not an ONS4 item or a score outside 0–10.
func ONS4Band(s Scale, score int) (Band, error) {
	if score < 0 || score > 10 {
		return "", fmt.Errorf("outcomes: ons4 band: score must be from 0 to 10: %w", sp.ErrInvalid)
	}
	switch s {
	case ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness:
		switch {
		case score <= 4:
			return BandLow, nil
		case score <= 6:
			return BandMedium, nil
		case score <= 8:
			return BandHigh, nil
		}
		return BandVeryHigh, nil
	case ScaleAnxiety:
		switch {
		case score <= 1:
			return BandVeryLow, nil
		case score <= 3:
			return BandLow, nil
		case score <= 5:
			return BandMedium, nil
		}
		return BandHigh, nil
	}
	return "", fmt.Errorf("outcomes: ons4 band: scale is not an ONS4 item: %w", sp.ErrInvalid)
}

// SWEMWBS holds the seven item scores of the Short Warwick-Edinburgh Mental Wellbeing Scale, each 1–5,
// in the order of the questionnaire. All seven are required: the package does not impute a missing
// item. The scale is copyrighted and its users register with its owners; the package ships the
// scoring only, never the item wording.
type SWEMWBS struct {
	// Items are the seven item scores, each 1–5.
	Items []int `json:"items" validate:"required,len=7,dive,required,gte=1,lte=5"`
}

// Validate checks that there are exactly seven items, each 1–5.
func (s SWEMWBS) Validate() error { return newCollector("outcomes.SWEMWBS", &s).Err() }

// Raw returns the raw total, 7–35, or an error if the items are not seven scores of 1–5.
func (s SWEMWBS) Raw() (int, error) {
	t, ok := itemTotal(s.Items, 7, 5)
	if !ok {
		return 0, fmt.Errorf("outcomes: swemwbs: want exactly 7 item scores, each 1–5: %w", sp.ErrInvalid)
	}
	return t, nil
}

// Metric returns the metric score converted from the raw total by the published table, or an error
// if the items are not seven scores of 1–5.
func (s SWEMWBS) Metric() (float64, error) {
	raw, err := s.Raw()
	if err != nil {
		return 0, err
	}
	return SWEMWBSMetric(raw)
}

// swemwbsMetricCenti is the SWEMWBS raw → metric conversion table in hundredths, indexed by raw − 7
// (Warwick Medical School, SWEMWBS Rasch conversion table; SOURCES.md#swemwbs; confidence medium).
var swemwbsMetricCenti = [29]int32{
	700, 951, 1125, 1240, 1333, 1408, 1475, 1532, 1584, 1636, // 7–16
	1688, 1743, 1798, 1859, 1925, 1998, 2073, 2154, 2235, 2321, // 17–26
	2411, 2503, 2602, 2703, 2813, 2931, 3070, 3255, 3500, // 27–35
}

// SWEMWBSMetric converts a SWEMWBS raw total (7–35) to the metric score by the published Rasch
// conversion table (Warwick Medical School; SOURCES.md#swemwbs; confidence medium), for example 21 → 19.25. The metric scores have two
// decimal places. It returns an error for a raw total outside 7–35.
func SWEMWBSMetric(raw int) (float64, error) {
	if raw < 7 || raw > 35 {
		return 0, fmt.Errorf("outcomes: swemwbs: raw total must be from 7 to 35: %w", sp.ErrInvalid)
	}
	return float64(swemwbsMetricCenti[raw-7]) / 100, nil
}

// WEMWBS holds the fourteen item scores of the Warwick-Edinburgh Mental Wellbeing Scale, each 1–5,
// in the order of the questionnaire (total 14–70; Warwick Medical School; SOURCES.md#wemwbs;
// confidence high). All fourteen are required. The item wording is copyrighted and not shipped.
type WEMWBS struct {
	// Items are the fourteen item scores, each 1–5.
	Items []int `json:"items" validate:"required,len=14,dive,required,gte=1,lte=5"`
}

// Validate checks that there are exactly fourteen items, each 1–5.
func (w WEMWBS) Validate() error { return newCollector("outcomes.WEMWBS", &w).Err() }

// Total returns the total, 14–70, or an error if the items are not fourteen scores of 1–5.
func (w WEMWBS) Total() (int, error) {
	t, ok := itemTotal(w.Items, 14, 5)
	if !ok {
		return 0, fmt.Errorf("outcomes: wemwbs: want exactly 14 item scores, each 1–5: %w", sp.ErrInvalid)
	}
	return t, nil
}

// UCLA3 holds the answers to the three-item UCLA loneliness scale recommended by ONS (Office for
// National Statistics, Measuring loneliness, 2018; SOURCES.md#ucla3; confidence high): how often
// the person feels they lack companionship, feel left out and feel isolated, each 1 (hardly ever),
// 2 (some of the time) or 3 (often). The total is 3–9 and higher is lonelier (scoring: confidence
// medium); there is no official cut-point, so the package gives no band.
type UCLA3 struct {
	// LackCompanionship is how often the person feels they lack companionship, 1–3.
	LackCompanionship int `json:"lackCompanionship" validate:"required,gte=1,lte=3"`
	// LeftOut is how often the person feels left out, 1–3.
	LeftOut int `json:"leftOut" validate:"required,gte=1,lte=3"`
	// Isolated is how often the person feels isolated from others, 1–3.
	Isolated int `json:"isolated" validate:"required,gte=1,lte=3"`
}

// Validate checks that each answer is 1–3.
func (u UCLA3) Validate() error { return newCollector("outcomes.UCLA3", &u).Err() }

// Total returns the total, 3–9, or an error if an answer is outside 1–3.
func (u UCLA3) Total() (int, error) {
	t, ok := itemTotal([]int{u.LackCompanionship, u.LeftOut, u.Isolated}, 3, 3)
	if !ok {
		return 0, fmt.Errorf("outcomes: ucla3: want three answers, each 1–3: %w", sp.ErrInvalid)
	}
	return t, nil
}

// itemTotal sums items if there are exactly n, each from 1 to hi.
func itemTotal(items []int, n, hi int) (int, bool) {
	if len(items) != n {
		return 0, false
	}
	t := 0
	for _, v := range items {
		if v < 1 || v > hi {
			return 0, false
		}
		t += v
	}
	return t, true
}
