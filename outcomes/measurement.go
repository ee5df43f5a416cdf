package outcomes

import (
	"fmt"
	"unicode/utf8"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

func newCollector(typ string, s any) *validation.Errors { return validation.Struct(typ, s) }

// Measurement is one completed instrument for one episode: the episode id (the referral id), the
// date it was completed, whether it is the baseline or a follow-up, which instrument, and the
// answers. Exactly one of the answer fields is set, the one that matches Instrument.
//
// A Measurement holds no direct identifier of the person; the answers are still health information,
// so the package never puts them in an error message. It is a plain value, safe for concurrent use
// once built.
type Measurement struct {
	// EpisodeID identifies the episode the measurement belongs to (the referral id); baseline and
	// follow-up are paired on it. It must not be personal data such as an NHS number.
	EpisodeID string `json:"episodeId" validate:"required,max=64"`
	// Date is the date the instrument was completed.
	Date sp.Date `json:"date" validate:"required"`
	// Timepoint says whether this is the baseline or a follow-up.
	Timepoint Timepoint `json:"timepoint" validate:"required,enum"`
	// Instrument names the measure; the matching answer field must be set and no other.
	Instrument Instrument `json:"instrument" validate:"required,enum"`
	// ONS4 holds the answers when Instrument is ons4.
	ONS4 *ONS4 `json:"ons4,omitempty"`
	// SWEMWBS holds the answers when Instrument is swemwbs.
	SWEMWBS *SWEMWBS `json:"swemwbs,omitempty"`
	// WEMWBS holds the answers when Instrument is wemwbs.
	WEMWBS *WEMWBS `json:"wemwbs,omitempty"`
	// UCLA3 holds the answers when Instrument is ucla3.
	UCLA3 *UCLA3 `json:"ucla3,omitempty"`
}

// Validate checks the measurement: the validate tags, and in Go that the answer field matching
// Instrument is set and no other is (rule "instrument-payload"). The error is nil or a
// [*sp.ValidationError].
func (m Measurement) Validate() error {
	c := newCollector("outcomes.Measurement", &m)
	set := map[Instrument]bool{
		InstrumentONS4:    m.ONS4 != nil,
		InstrumentSWEMWBS: m.SWEMWBS != nil,
		InstrumentWEMWBS:  m.WEMWBS != nil,
		InstrumentUCLA3:   m.UCLA3 != nil,
	}
	for _, i := range instruments {
		switch {
		case i == m.Instrument && !set[i]:
			c.Add("/"+string(i), "instrument-payload", fmt.Errorf("outcomes: measurement: the answers for the instrument are missing: %w", sp.ErrRequired))
		case i != m.Instrument && set[i]:
			c.Add("/"+string(i), "instrument-payload", fmt.Errorf("outcomes: measurement: answers given for an instrument other than the one named: %w", sp.ErrInvalid))
		}
	}
	return c.Err()
}

// Code returns the code of the measurement's score; see [Instrument.Code]. For ONS4 the error wraps
// [ErrNoCode].
func (m Measurement) Code() (Code, error) { return m.Instrument.Code() }

// Score is one scale's score in a measurement, with its ONS band where the scale has one.
type Score struct {
	// Scale names the score.
	Scale Scale `json:"scale"`
	// Value is the score: an integer, or for the SWEMWBS metric score a number with two decimals.
	Value float64 `json:"value"`
	// Band is the ONS threshold band, for ONS4 items only.
	Band Band `json:"band,omitempty"`
}

// Scores returns the measurement's scores, one per scale of its instrument in the order of
// [Instrument.Scales]: the four ONS4 items with their bands (never a total); the SWEMWBS metric and
// raw scores; the WEMWBS total; the UCLA-3 total. It returns an error if the measurement is not valid.
func (m Measurement) Scores() ([]Score, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	var cs [maxScales]int32
	n, _ := m.centis(&cs)
	out := make([]Score, n)
	for k, s := range m.Instrument.Scales() {
		out[k] = Score{Scale: s, Value: float64(cs[k]) / 100}
		if m.Instrument == InstrumentONS4 {
			out[k].Band, _ = ONS4Band(s, int(cs[k]/100))
		}
	}
	return out, nil
}

// maxScales is the largest number of scales of any instrument (ONS4's four items).
const maxScales = 4

// valid reports, without reflection, whether Validate would return nil. A property test holds the
// two to the same verdict.
func (m *Measurement) valid() bool {
	var cs [maxScales]int32
	return m.validScores(&cs)
}

// validScores is valid, also writing the scores in hundredths into cs as centis does.
func (m *Measurement) validScores(cs *[maxScales]int32) bool {
	if m.EpisodeID == "" || (len(m.EpisodeID) > 64 && utf8.RuneCountInString(m.EpisodeID) > 64) ||
		!m.Date.IsValid() || (m.Timepoint != TimepointBaseline && m.Timepoint != TimepointFollowUp) {
		return false
	}
	_, ok := m.centis(cs)
	return ok
}

// centis writes the measurement's scale scores in hundredths into dst, in the order of
// Instrument.Scales, and returns how many. ok is false if the instrument is unknown, the answer
// field is missing, another answer field is set or an answer is out of range.
func (m *Measurement) centis(dst *[maxScales]int32) (n int, ok bool) {
	count := 0
	for _, set := range [...]bool{m.ONS4 != nil, m.SWEMWBS != nil, m.WEMWBS != nil, m.UCLA3 != nil} {
		if set {
			count++
		}
	}
	if count != 1 {
		return 0, false
	}
	switch m.Instrument {
	case InstrumentONS4:
		if m.ONS4 == nil {
			return 0, false
		}
		for k, p := range [...]*int{m.ONS4.LifeSatisfaction, m.ONS4.Worthwhile, m.ONS4.Happiness, m.ONS4.Anxiety} {
			if p == nil || *p < 0 || *p > 10 {
				return 0, false
			}
			dst[k] = int32(*p) * 100
		}
		return 4, true
	case InstrumentSWEMWBS:
		if m.SWEMWBS == nil {
			return 0, false
		}
		raw, ok := itemTotal(m.SWEMWBS.Items, 7, 5)
		if !ok {
			return 0, false
		}
		dst[0] = swemwbsMetricCenti[raw-7]
		dst[1] = int32(raw) * 100
		return 2, true
	case InstrumentWEMWBS:
		if m.WEMWBS == nil {
			return 0, false
		}
		t, ok := itemTotal(m.WEMWBS.Items, 14, 5)
		if !ok {
			return 0, false
		}
		dst[0] = int32(t) * 100
		return 1, true
	case InstrumentUCLA3:
		if m.UCLA3 == nil {
			return 0, false
		}
		u := m.UCLA3
		t, ok := itemTotal([]int{u.LackCompanionship, u.LeftOut, u.Isolated}, 3, 3)
		if !ok {
			return 0, false
		}
		dst[0] = int32(t) * 100
		return 1, true
	}
	return 0, false
}
