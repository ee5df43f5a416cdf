package episode

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// The rule names of the checks [Episode.Validate] makes across the parts of an episode. They are
// distinct from the validate tag names and from the rules of the parts, so that a rule the JSON
// Schema cannot state is never confused with one it can.
const (
	// RuleEpisodeID: the plan, a measurement or the service-use record is keyed to an episode id other
	// than the referral's.
	RuleEpisodeID = "episode-id"
	// RuleReferredDate: the plan's referred date is not the day the referral was received.
	RuleReferredDate = "referred-date"
	// RuleLifecycle: a date or a part that does not fit where the referral's lifecycle stands (see
	// [Episode.Validate]).
	RuleLifecycle = "lifecycle"
)

// Episode is one person's whole episode of social prescribing: the [referral.Referral], the
// personalised [plan.Plan] made with them, their outcome [outcomes.Measurement]s and their
// [outcomes.ServiceUse] record, validated together by [Episode.Validate].
//
// Plan is nil until a plan is made (and stays nil for a referral declined, rejected or cancelled
// before one). Measurements are every outcome measure completed in the episode, baseline and
// follow-up, of any instrument, at most 100. ServiceUse is nil when service use was not recorded;
// there is at most one record per episode, as [outcomes.SummariseServiceUse] excludes episodes with
// two.
//
// An Episode holds personal data (through its referral and plan): String, GoString and LogValue print
// only the episode id, the state and counts. It is a value type; [Episode.Clone] returns a copy that
// shares no slices with the original, so an Episode that no one mutates is safe for concurrent use.
type Episode struct {
	Referral     referral.Referral      `json:"referral" validate:"required"`
	Plan         *plan.Plan             `json:"plan,omitempty"`
	Measurements []outcomes.Measurement `json:"measurements,omitempty" validate:"max=100,dive"`
	ServiceUse   *outcomes.ServiceUse   `json:"serviceUse,omitempty"`
}

// New returns the episode of the given parts, validated: it copies the parts, and returns a
// *socialprescribing.ValidationError if they do not belong together. p and su may be nil.
func New(r referral.Referral, p *plan.Plan, ms []outcomes.Measurement, su *outcomes.ServiceUse) (Episode, error) {
	e := Episode{Referral: r, Plan: p, Measurements: ms, ServiceUse: su}.Clone()
	if err := e.Validate(); err != nil {
		return Episode{}, err
	}
	return e, nil
}

// EpisodeID returns the episode id, the referral's id.
func (e Episode) EpisodeID() string { return e.Referral.EpisodeID }

// Clone returns a deep copy of e: no slice or pointer is shared with e.
func (e Episode) Clone() Episode {
	e.Referral = e.Referral.Clone()
	if e.Plan != nil {
		p := e.Plan.Clone()
		e.Plan = &p
	}
	if e.Measurements != nil {
		ms := make([]outcomes.Measurement, len(e.Measurements))
		for i, m := range e.Measurements {
			ms[i] = cloneMeasurement(m)
		}
		e.Measurements = ms
	}
	if e.ServiceUse != nil {
		su := *e.ServiceUse
		su.Items = make([]outcomes.ServiceCount, len(e.ServiceUse.Items))
		for i, it := range e.ServiceUse.Items {
			su.Items[i] = outcomes.ServiceCount{Service: it.Service, Before: cloneInt(it.Before), After: cloneInt(it.After)}
		}
		e.ServiceUse = &su
	}
	return e
}

func cloneInt(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func cloneMeasurement(m outcomes.Measurement) outcomes.Measurement {
	if m.ONS4 != nil {
		o := outcomes.ONS4{
			LifeSatisfaction: cloneInt(m.ONS4.LifeSatisfaction), Worthwhile: cloneInt(m.ONS4.Worthwhile),
			Happiness: cloneInt(m.ONS4.Happiness), Anxiety: cloneInt(m.ONS4.Anxiety),
		}
		m.ONS4 = &o
	}
	if m.SWEMWBS != nil {
		s := outcomes.SWEMWBS{Items: slices.Clone(m.SWEMWBS.Items)}
		m.SWEMWBS = &s
	}
	if m.WEMWBS != nil {
		w := outcomes.WEMWBS{Items: slices.Clone(m.WEMWBS.Items)}
		m.WEMWBS = &w
	}
	if m.UCLA3 != nil {
		u := *m.UCLA3
		m.UCLA3 = &u
	}
	return m
}

// String returns "episode <id> (<state>, …)", with no personal data.
func (e Episode) String() string {
	return "episode " + strconv.Quote(e.Referral.EpisodeID) + " (" + string(e.Referral.State) + ", plan " +
		strconv.FormatBool(e.Plan != nil) + ", " + strconv.Itoa(len(e.Measurements)) + " measurements, service use " +
		strconv.FormatBool(e.ServiceUse != nil) + ")"
}

// GoString returns a masked form for %#v holding only the id, the state and counts.
func (e Episode) GoString() string {
	return fmt.Sprintf("episode.Episode{ID: %q, State: %q, Plan: %t, Measurements: %d, ServiceUse: %t, ***}",
		e.Referral.EpisodeID, string(e.Referral.State), e.Plan != nil, len(e.Measurements), e.ServiceUse != nil)
}

// LogValue implements slog.LogValuer with the id, the state and counts only.
func (e Episode) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", e.Referral.EpisodeID),
		slog.String("state", string(e.Referral.State)),
		slog.Bool("plan", e.Plan != nil),
		slog.Int("measurements", len(e.Measurements)),
		slog.Bool("serviceUse", e.ServiceUse != nil),
	)
}

// Accepted returns the day the person accepted the referral (the first accept event of its history,
// in the event's own time zone), and false if the history holds no accept.
func (e Episode) Accepted() (sp.Date, bool) {
	for _, ev := range e.Referral.History {
		if ev.Kind == referral.EventKindAccept && !ev.At.IsZero() {
			return sp.DateOf(ev.At), true
		}
	}
	return sp.Date{}, false
}

// Ended returns the day the referral reached a terminal state (the date of the last event of its
// history), and false while the referral is not in a terminal state.
func (e Episode) Ended() (sp.Date, bool) {
	h := e.Referral.History
	if !e.Referral.State.IsTerminal() || len(h) == 0 || h[len(h)-1].At.IsZero() {
		return sp.Date{}, false
	}
	return sp.DateOf(h[len(h)-1].At), true
}

// Validate checks the episode: every part against its own rules (the referral's, the plan's, each
// measurement's and the service-use record's Validate, with their paths under /referral, /plan,
// /measurements/i and /serviceUse), the episode's validate tags, and the rules across the parts:
//
//   - "episode-id": the plan, every measurement and the service-use record carry the referral's id;
//   - "referred-date": the plan's referred date is the day the referral was received;
//   - "lifecycle": a plan, a measurement, a plan contact or a closed plan only where the lifecycle
//     allows it — a plan and measurements only once the history holds an accept; the plan not created,
//     no plan contact and no measurement dated before the day of acceptance; no plan contact and no
//     baseline measurement after the day the referral reached a terminal state (a follow-up may come
//     later); a closed plan only for a referral in a terminal state; the service-use record's before
//     window ending on or before the day the referral was received and its after window starting on
//     or after it.
//
// It returns nil or a *socialprescribing.ValidationError whose FieldErrors are sorted by path and
// rule, each reported once. No error holds a value from the episode.
func (e Episode) Validate() error {
	c := validation.New("episode.Episode")
	// The validator runs over the episode's own tags only, and each part's Validate over the part's:
	// no tag is checked twice. An error two checks report alike is kept once. Nothing here is built
	// for a valid episode.
	var seen map[[2]string]bool
	merge := func(prefix string, err error) {
		if err == nil {
			return
		}
		var ve *sp.ValidationError
		if !errors.As(err, &ve) {
			c.Add(prefix, "invalid", err)
			return
		}
		if seen == nil {
			seen = map[[2]string]bool{}
		}
		for _, fe := range ve.Errors {
			k := [2]string{prefix + fe.Path, fe.Rule}
			if !seen[k] {
				seen[k] = true
				c.Add(k[0], k[1], fe.Err)
			}
		}
	}
	merge("", validation.StructOwn("episode.Episode", &e).Err())
	merge("/referral", e.Referral.Validate())
	if e.Plan != nil {
		merge("/plan", e.Plan.Validate())
	}
	for i := range e.Measurements {
		if err := e.Measurements[i].Validate(); err != nil {
			merge("/measurements/"+strconv.Itoa(i), err)
		}
	}
	if e.ServiceUse != nil {
		merge("/serviceUse", e.ServiceUse.Validate())
	}
	if e.Referral.EpisodeID != "" {
		// Without a referral id there is no referral to hold the other parts against.
		e.checkIDs(c)
		e.checkLifecycle(c)
	}
	return c.Err()
}

// checkIDs adds "episode-id" and "referred-date".
func (e Episode) checkIDs(c *validation.Errors) {
	id := e.Referral.EpisodeID
	mismatch := func(path string) {
		c.Add(path, RuleEpisodeID, fmt.Errorf("episode: keyed to another episode than the referral's: %w", sp.ErrInvalid))
	}
	if p := e.Plan; p != nil {
		if p.EpisodeID != "" && p.EpisodeID != id {
			mismatch("/plan/episodeId")
		}
		if p.Referred.IsValid() && e.Referral.Received.IsValid() && p.Referred != e.Referral.Received {
			c.Add("/plan/referred", RuleReferredDate, fmt.Errorf("episode: the plan's referred date is not the day the referral was received: %w", sp.ErrInvalid))
		}
	}
	for i, m := range e.Measurements {
		if m.EpisodeID != "" && m.EpisodeID != id {
			mismatch("/measurements/" + strconv.Itoa(i) + "/episodeId")
		}
	}
	if u := e.ServiceUse; u != nil && u.EpisodeID != "" && u.EpisodeID != id {
		mismatch("/serviceUse/episodeId")
	}
}

// checkLifecycle adds "lifecycle".
func (e Episode) checkLifecycle(c *validation.Errors) {
	bad := func(path, msg string) {
		c.Add(path, RuleLifecycle, fmt.Errorf("episode: %s: %w", msg, sp.ErrInvalid))
	}
	accepted, wasAccepted := e.Accepted()
	ended, hasEnded := e.Ended()
	if p := e.Plan; p != nil {
		switch {
		case !wasAccepted:
			bad("/plan", "a plan for a referral the person never accepted")
		case p.Created.IsValid() && p.Created.Before(accepted):
			bad("/plan/created", "plan created before the referral was accepted")
		}
		for i := range p.Contacts {
			date := p.Contacts[i].Date
			switch {
			case !date.IsValid():
			case wasAccepted && date.Before(accepted):
				bad("/plan/contacts/"+strconv.Itoa(i)+"/date", "contact before the referral was accepted")
			case hasEnded && date.After(ended):
				bad("/plan/contacts/"+strconv.Itoa(i)+"/date", "contact after the referral ended")
			}
		}
		if p.Closed.IsValid() && e.Referral.State.IsValid() && !e.Referral.State.IsTerminal() {
			bad("/plan/closed", "plan closed while the referral is still open")
		}
	}
	for i := range e.Measurements {
		m := &e.Measurements[i]
		switch {
		case !wasAccepted:
			bad("/measurements/"+strconv.Itoa(i), "a measurement for a referral the person never accepted")
		case !m.Date.IsValid():
		case m.Date.Before(accepted):
			bad("/measurements/"+strconv.Itoa(i)+"/date", "measurement before the referral was accepted")
		case hasEnded && m.Timepoint == outcomes.TimepointBaseline && m.Date.After(ended):
			bad("/measurements/"+strconv.Itoa(i)+"/date", "baseline after the referral ended")
		}
	}
	if u, rec := e.ServiceUse, e.Referral.Received; u != nil && rec.IsValid() {
		if u.Before.To.IsValid() && u.Before.To.After(rec) {
			bad("/serviceUse/before/to", "the before window ends after the referral was received")
		}
		if u.After.From.IsValid() && u.After.From.Before(rec) {
			bad("/serviceUse/after/from", "the after window starts before the referral was received")
		}
	}
}
