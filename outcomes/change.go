package outcomes

import (
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Change is the change from a baseline measurement to a follow-up of the same instrument in one
// episode, per scale.
type Change struct {
	// EpisodeID is the episode both measurements belong to.
	EpisodeID string `json:"episodeId"`
	// Instrument is the instrument both measurements used.
	Instrument Instrument `json:"instrument"`
	// BaselineDate is the date of the baseline.
	BaselineDate sp.Date `json:"baselineDate"`
	// FollowUpDate is the date of the follow-up.
	FollowUpDate sp.Date `json:"followUpDate"`
	// Days is the number of days from the baseline to the follow-up.
	Days int `json:"days"`
	// Items holds one entry per scale of the instrument, in the order of [Instrument.Scales].
	Items []ItemChange `json:"items"`
}

// ItemChange is the change on one scale.
type ItemChange struct {
	// Scale names the score.
	Scale Scale `json:"scale"`
	// Baseline is the baseline score.
	Baseline float64 `json:"baseline"`
	// FollowUp is the follow-up score.
	FollowUp float64 `json:"followUp"`
	// Change is FollowUp − Baseline: a rise is positive whatever the scale's direction.
	Change float64 `json:"change"`
	// Direction says whether the change is an improvement, taking the scale's direction into account:
	// for anxiety and loneliness a fall is an improvement.
	Direction Direction `json:"direction"`
	// BaselineBand is the ONS band of the baseline score, for ONS4 items only.
	BaselineBand Band `json:"baselineBand,omitempty"`
	// FollowUpBand is the ONS band of the follow-up score, for ONS4 items only.
	FollowUpBand Band `json:"followUpBand,omitempty"`
	// BandMovement says whether the score moved to a better band, a worse one or stayed in its band,
	// for ONS4 items only (for anxiety a lower band is better).
	BandMovement Direction `json:"bandMovement,omitempty"`
}

// Diff returns the change from baseline to followUp. Both must be valid measurements of the same
// instrument and episode; baseline must be a baseline and followUp a follow-up, and the follow-up may
// not be dated before the baseline (rule "date-order"). Errors wrap [sp.ErrInvalid] or are a
// [*sp.ValidationError] from Validate; they never contain a score.
func Diff(baseline, followUp Measurement) (Change, error) {
	if err := baseline.Validate(); err != nil {
		return Change{}, fmt.Errorf("outcomes: diff: baseline: %w", err)
	}
	if err := followUp.Validate(); err != nil {
		return Change{}, fmt.Errorf("outcomes: diff: follow-up: %w", err)
	}
	switch {
	case baseline.Timepoint != TimepointBaseline:
		return Change{}, fmt.Errorf("outcomes: diff: first measurement is not a baseline: %w", sp.ErrInvalid)
	case followUp.Timepoint != TimepointFollowUp:
		return Change{}, fmt.Errorf("outcomes: diff: second measurement is not a follow-up: %w", sp.ErrInvalid)
	case baseline.Instrument != followUp.Instrument:
		return Change{}, fmt.Errorf("outcomes: diff: measurements use different instruments: %w", sp.ErrInvalid)
	case baseline.EpisodeID != followUp.EpisodeID:
		return Change{}, fmt.Errorf("outcomes: diff: measurements belong to different episodes: %w", sp.ErrInvalid)
	case followUp.Date.Before(baseline.Date):
		return Change{}, fmt.Errorf("outcomes: diff: date-order: follow-up dated before the baseline: %w", sp.ErrInvalid)
	}
	var b, f [maxScales]int32
	n, _ := baseline.centis(&b)
	followUp.centis(&f)
	ch := Change{
		EpisodeID:    baseline.EpisodeID,
		Instrument:   baseline.Instrument,
		BaselineDate: baseline.Date,
		FollowUpDate: followUp.Date,
		Days:         baseline.Date.DaysUntil(followUp.Date),
		Items:        make([]ItemChange, n),
	}
	for k, s := range baseline.Instrument.Scales() {
		ch.Items[k] = itemChange(s, b[k], f[k])
	}
	return ch, nil
}

// itemChange builds the change on scale s between two scores in hundredths.
func itemChange(s Scale, b, f int32) ItemChange {
	ic := ItemChange{
		Scale:     s,
		Baseline:  float64(b) / 100,
		FollowUp:  float64(f) / 100,
		Change:    float64(f-b) / 100,
		Direction: direction(s, int64(f)-int64(b)),
	}
	if s.Instrument() == InstrumentONS4 {
		ic.BaselineBand, _ = ONS4Band(s, int(b/100))
		ic.FollowUpBand, _ = ONS4Band(s, int(f/100))
		ic.BandMovement = direction(s, int64(ic.FollowUpBand.rank()-ic.BaselineBand.rank()))
	}
	return ic
}

// direction classifies a signed rise d on scale s.
func direction(s Scale, d int64) Direction {
	switch {
	case d == 0:
		return DirectionUnchanged
	case (d > 0) == s.HigherIsBetter():
		return DirectionImproved
	}
	return DirectionWorsened
}
