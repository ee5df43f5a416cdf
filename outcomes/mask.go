package outcomes

import (
	"fmt"
	"log/slog"
	"strconv"

	"github.com/socialprescribing/go-socialprescribing/internal/mask"
)

// The answers to a wellbeing questionnaire and a person's service use are health information. The
// types that hold them print and log without them: every fmt verb and slog show the episode id and
// the shape of the record, never a score or a count.

// formatMasked writes s for every verb; %q quotes it.
func formatMasked(f fmt.State, verb rune, s string) { mask.Format(f, verb, s, s) }

const maskedAnswers = "answers masked"

// String returns "outcomes.ONS4{answers masked}", never the answers.
func (o ONS4) String() string { return "outcomes.ONS4{" + maskedAnswers + "}" }

// GoString returns the same masked form as String, for %#v.
func (o ONS4) GoString() string { return o.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (o ONS4) Format(f fmt.State, verb rune) { formatMasked(f, verb, o.String()) }

// LogValue implements slog.LogValuer with the masked form.
func (o ONS4) LogValue() slog.Value { return slog.StringValue(o.String()) }

// String returns "outcomes.SWEMWBS{answers masked}", never the answers.
func (s SWEMWBS) String() string { return "outcomes.SWEMWBS{" + maskedAnswers + "}" }

// GoString returns the same masked form as String, for %#v.
func (s SWEMWBS) GoString() string { return s.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (s SWEMWBS) Format(f fmt.State, verb rune) { formatMasked(f, verb, s.String()) }

// LogValue implements slog.LogValuer with the masked form.
func (s SWEMWBS) LogValue() slog.Value { return slog.StringValue(s.String()) }

// String returns "outcomes.WEMWBS{answers masked}", never the answers.
func (w WEMWBS) String() string { return "outcomes.WEMWBS{" + maskedAnswers + "}" }

// GoString returns the same masked form as String, for %#v.
func (w WEMWBS) GoString() string { return w.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (w WEMWBS) Format(f fmt.State, verb rune) { formatMasked(f, verb, w.String()) }

// LogValue implements slog.LogValuer with the masked form.
func (w WEMWBS) LogValue() slog.Value { return slog.StringValue(w.String()) }

// String returns "outcomes.UCLA3{answers masked}", never the answers.
func (u UCLA3) String() string { return "outcomes.UCLA3{" + maskedAnswers + "}" }

// GoString returns the same masked form as String, for %#v.
func (u UCLA3) GoString() string { return u.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (u UCLA3) Format(f fmt.State, verb rune) { formatMasked(f, verb, u.String()) }

// LogValue implements slog.LogValuer with the masked form.
func (u UCLA3) LogValue() slog.Value { return slog.StringValue(u.String()) }

// String returns the episode id, instrument, timepoint and date, and never the answers:
// "outcomes.Measurement{episodeId: ref-1, instrument: ons4, timepoint: baseline, date: 2025-03-04,
// answers masked}".
func (m Measurement) String() string {
	return "outcomes.Measurement{episodeId: " + strconv.Quote(m.EpisodeID) + ", instrument: " + string(m.Instrument) +
		", timepoint: " + string(m.Timepoint) + ", date: " + m.Date.String() + ", " + maskedAnswers + "}"
}

// GoString returns the same masked form as String, for %#v.
func (m Measurement) GoString() string { return m.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (m Measurement) Format(f fmt.State, verb rune) { formatMasked(f, verb, m.String()) }

// LogValue implements slog.LogValuer: the episode id, instrument, timepoint and date, no answers.
func (m Measurement) LogValue() slog.Value {
	return slog.GroupValue(slog.String("episodeId", m.EpisodeID), slog.String("instrument", string(m.Instrument)),
		slog.String("timepoint", string(m.Timepoint)), slog.String("date", m.Date.String()))
}

// String returns the episode id and the number of services, never the counts or windows.
func (u ServiceUse) String() string {
	return "outcomes.ServiceUse{episodeId: " + strconv.Quote(u.EpisodeID) + ", services: " + strconv.Itoa(len(u.Items)) + ", counts masked}"
}

// GoString returns the same masked form as String, for %#v.
func (u ServiceUse) GoString() string { return u.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (u ServiceUse) Format(f fmt.State, verb rune) { formatMasked(f, verb, u.String()) }

// LogValue implements slog.LogValuer: the episode id and the number of services, no counts.
func (u ServiceUse) LogValue() slog.Value {
	return slog.GroupValue(slog.String("episodeId", u.EpisodeID), slog.Int("services", len(u.Items)))
}

// String returns the episode id, instrument and interval in days, never the scores.
func (c Change) String() string {
	return "outcomes.Change{episodeId: " + strconv.Quote(c.EpisodeID) + ", instrument: " + string(c.Instrument) +
		", days: " + strconv.Itoa(c.Days) + ", scores masked}"
}

// GoString returns the same masked form as String, for %#v.
func (c Change) GoString() string { return c.String() }

// Format implements fmt.Formatter so that every verb prints the masked form.
func (c Change) Format(f fmt.State, verb rune) { formatMasked(f, verb, c.String()) }

// LogValue implements slog.LogValuer: the episode id, instrument and days, no scores.
func (c Change) LogValue() slog.Value {
	return slog.GroupValue(slog.String("episodeId", c.EpisodeID), slog.String("instrument", string(c.Instrument)), slog.Int("days", c.Days))
}
