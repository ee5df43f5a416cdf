package episode

import (
	"cmp"
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

// ErrNoRecipient is the category of the error [NewFeedback] returns when the episode has no one of
// the kind asked to report back to: a self-referral has no referrer. Use errors.Is(err, ErrNoRecipient).
var ErrNoRecipient = errors.New("no recipient")

// Recipient is who a [Feedback] message is for.
//
//enum:list Recipients
type Recipient string

// The recipients of the closed-loop message (the link worker reports back to the referrer: Management
// in Practice, 2023; the PRSB Social Prescribing Information Standard v1.1's "message back to GP and
// referrer"; SOURCES.md#closed-loop).
const (
	// RecipientGP is the person's general practice, which files the message in the person's record.
	RecipientGP Recipient = "gp"
	// RecipientReferrer is whoever made the referral (a pharmacy, a housing association, the fire
	// service, …). When the referrer is the person's own practice, send the GP message instead: it
	// holds everything the referrer message does.
	RecipientReferrer Recipient = "referrer"
)

// WithheldReason says why a field of a [Feedback] message was left out.
//
//enum:list WithheldReasons
type WithheldReason string

// The reasons a field is withheld.
const (
	// WithheldReasonReferralConsent: the person has not given consent to the referral (they declined, or
	// were never asked because the referral was rejected or cancelled first), so nothing about their
	// needs, the support offered or outcomes goes back; the status alone closes the loop.
	WithheldReasonReferralConsent WithheldReason = "no-referral-consent"
	// WithheldReasonOutcomesConsent: the person has not given consent to share outcomes back (refused or
	// not asked).
	WithheldReasonOutcomesConsent WithheldReason = "no-outcomes-consent"
	// WithheldReasonMinimumNecessary: the recipient does not need the field for its part in the person's
	// care (see [NewFeedback]).
	WithheldReasonMinimumNecessary WithheldReason = "minimum-necessary"
)

// Feedback is the closed-loop message back to the referrer or the GP at the end of (or during) an
// episode, in the four groups of the PRSB Social Prescribing Information Standard v1.1
// (SOURCES.md#prsb-standard, high for the structure): person demographics ([Demographics]), needs
// and concerns ([NeedsGroup]), support offered ([Support]: the plan's connections to community
// offers) and outcomes ([OutcomesGroup]: the change in the measurements), with the referral's
// [Status].
//
// A group or field that is absent was withheld and is listed in Withheld with the reason; free text
// (what matters to the person, need descriptions, goal descriptions, progress notes, reason notes,
// event and escalation notes) has no field in the message and is never sent.
//
// Feedback for the GP holds personal data (the NHS number and date of birth): String, GoString and
// LogValue print only the episode id, the recipient and which groups are present. A Feedback is a
// plain value, safe for concurrent use once built.
type Feedback struct {
	// EpisodeID is the referral's id: the referrer's and the service's shared reference.
	EpisodeID string `json:"episodeId" validate:"required,max=64"`
	// Recipient is who the message is for.
	Recipient Recipient `json:"recipient" validate:"required,enum"`
	// Route is how the message reaches the recipient: the referrer's contact route, or the GP
	// clinical system for the GP.
	Route referral.ContactRoute `json:"route" validate:"required,enum"`
	// Prepared is the day the message was prepared.
	Prepared sp.Date `json:"prepared" validate:"required"`
	// Status is where the referral stands; every message carries it.
	Status Status `json:"status" validate:"required"`
	// Person is the person demographics group (GP only).
	Person *Demographics `json:"person,omitempty"`
	// Needs is the needs and concerns group.
	Needs *NeedsGroup `json:"needs,omitempty"`
	// Support is the support offered group.
	Support *Support `json:"support,omitempty"`
	// Outcomes is the outcomes group.
	Outcomes *OutcomesGroup `json:"outcomes,omitempty"`
	// Withheld lists every group or field the message has a place for and left out, sorted by field.
	Withheld []Withheld `json:"withheld" validate:"max=20,unique,dive"`
}

// Withheld is one field left out of a [Feedback] message and why.
type Withheld struct {
	// Field is the field's JSON path in the message, dot-separated with array indices left out:
	// "outcomes", "person", "support.connections.provider".
	Field WithheldField `json:"field" validate:"required,enum"`
	// Reason is why it was left out.
	Reason WithheldReason `json:"reason" validate:"required,enum"`
}

// Status is where the referral stands, with the nearest HL7 FHIR Task status (HL7 Gravity SDOH
// Clinical Care implementation guide; SOURCES.md#fhir-gravity).
type Status struct {
	// State is the referral's lifecycle state.
	State referral.State `json:"state" validate:"required,enum"`
	// FHIRTaskStatus is the nearest FHIR Task status ([referral.State.FHIR]).
	FHIRTaskStatus string `json:"fhirTaskStatus" validate:"required,max=20"`
	// BusinessStatus is the library's Task.businessStatus code where FHIR's status alone does not say
	// what happened.
	BusinessStatus string `json:"businessStatus,omitempty" validate:"max=50"`
	// Received is the day the referral was received.
	Received sp.Date `json:"received" validate:"required"`
	// Accepted is the day the person accepted, when they did.
	Accepted sp.Date `json:"accepted,omitzero"`
	// Ended is the day the referral reached a terminal state, when it has.
	Ended sp.Date `json:"ended,omitzero"`
	// Reason is the coded reason of a rejection, cancellation or closure (never its note).
	Reason referral.Reason `json:"reason,omitempty" validate:"omitempty,enum"`
}

// Demographics is the person demographics group: what the GP practice needs to file the message in
// the right record.
type Demographics struct {
	// NHSNumber is the person's NHS number; absent only on a self-referral made without one.
	NHSNumber sp.NHSNumber `json:"nhsNumber,omitzero"`
	// DateOfBirth is the person's date of birth.
	DateOfBirth sp.Date `json:"dateOfBirth" validate:"required"`
}

const maskedDemographics = "episode.Demographics{***}"

// String returns a masked form that holds no personal data.
func (d Demographics) String() string { return maskedDemographics }

// GoString returns a masked form for %#v.
func (d Demographics) GoString() string { return maskedDemographics }

// LogValue implements slog.LogValuer with a masked form.
func (d Demographics) LogValue() slog.Value { return slog.StringValue(maskedDemographics) }

// NeedsGroup is the needs and concerns group, as coded needs only.
type NeedsGroup struct {
	// Needs are the needs of the referral and of the plan, in the order of [referral.Needs]; for the
	// referrer, only the needs of the referral.
	Needs []NeedLine `json:"needs" validate:"max=15,dive"`
	// GoalsByStatus counts the plan's goals by status (GP only), in the order of [plan.GoalStatuses],
	// statuses with no goal left out.
	GoalsByStatus []GoalCount `json:"goalsByStatus,omitempty" validate:"max=6,dive"`
}

// NeedLine is one coded need.
type NeedLine struct {
	// Need is the need.
	Need referral.Need `json:"need" validate:"required,enum"`
	// Referred says the referral gave it as a reason.
	Referred bool `json:"referred"`
	// InPlan says the personalised plan addresses it.
	InPlan bool `json:"inPlan"`
}

// GoalCount is a number of goals with one status.
type GoalCount struct {
	Status plan.GoalStatus `json:"status" validate:"required,enum"`
	Goals  int             `json:"goals" validate:"required,gte=1,lte=20"`
}

// Support is the support offered group: the contacts with the link worker and the plan's connections
// to community offers.
type Support struct {
	// Contacts is the number of the plan's contacts and Minutes their total length.
	Contacts int `json:"contacts" validate:"gte=0,lte=200"`
	Minutes  int `json:"minutes" validate:"gte=0,lte=96000"`
	// Connections are the plan's connections, in plan order.
	Connections []ConnectionLine `json:"connections" validate:"max=50,dive"`
}

// ConnectionLine is one connection to a community offer. For the referrer only the category, mode and
// status are given.
type ConnectionLine struct {
	Category  plan.Category         `json:"category" validate:"required,enum"`
	Mode      plan.ConnectionMode   `json:"mode" validate:"required,enum"`
	Status    plan.ConnectionStatus `json:"status" validate:"required,enum"`
	Name      string                `json:"name,omitempty" validate:"max=200"`
	Provider  string                `json:"provider,omitempty" validate:"max=200"`
	ServiceID string                `json:"serviceId,omitempty" validate:"max=100"`
	Reason    plan.StopReason       `json:"reason,omitempty" validate:"omitempty,enum"`
	Referred  sp.Date               `json:"referred,omitzero"`
	Started   sp.Date               `json:"started,omitzero"`
	Ended     sp.Date               `json:"ended,omitzero"`
}

// OutcomesGroup is the outcomes group: per instrument, the change from the baseline to the latest
// follow-up.
type OutcomesGroup struct {
	// Changes holds one [outcomes.Change] per instrument with a usable baseline and follow-up, in the
	// order of [outcomes.Instruments]: the earliest baseline and the latest follow-up, as
	// [outcomes.Summarise] pairs them. An instrument with two different answers on the day used, or
	// whose latest follow-up is before its earliest baseline, is left out.
	Changes []outcomes.Change `json:"changes" validate:"max=4"`
	// AwaitingFollowUp lists the instruments with a baseline and no follow-up yet.
	AwaitingFollowUp []outcomes.Instrument `json:"awaitingFollowUp" validate:"max=4,unique,dive,enum"`
}

// String returns "feedback <episode id> to <recipient> (groups …)", with no personal data.
func (f Feedback) String() string {
	return "feedback " + strconv.Quote(f.EpisodeID) + " to " + string(f.Recipient) + " (" + f.groups() + ")"
}

// GoString returns a masked form for %#v holding only the episode id, the recipient and the groups.
func (f Feedback) GoString() string {
	return fmt.Sprintf("episode.Feedback{EpisodeID: %q, Recipient: %q, Groups: %q, ***}", f.EpisodeID, string(f.Recipient), f.groups())
}

// LogValue implements slog.LogValuer with the episode id, the recipient, the groups and the number of
// withheld fields.
func (f Feedback) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("episodeId", f.EpisodeID),
		slog.String("recipient", string(f.Recipient)),
		slog.String("groups", f.groups()),
		slog.Int("withheld", len(f.Withheld)),
	)
}

func (f Feedback) groups() string {
	s := "status"
	for _, g := range []struct {
		name    string
		present bool
	}{{"person", f.Person != nil}, {"needs", f.Needs != nil}, {"support", f.Support != nil}, {"outcomes", f.Outcomes != nil}} {
		if g.present {
			s += ", " + g.name
		}
	}
	return s
}

// NewFeedback builds the closed-loop message about episode e for recipient to, prepared on the given
// day. It validates e first and returns its *socialprescribing.ValidationError if it is not valid; an
// error wrapping [ErrNoRecipient] for the referrer of a self-referral or of a referral whose contact
// route is none; and an error wrapping socialprescribing.ErrInvalid for an unknown recipient or an
// invalid date.
//
// What each recipient gets, and why (minimum necessary: nothing the recipient does not need). PRSB
// defines the four groups and the message back; the split between the two recipients below is the
// library's own application of the minimum-necessary principle, not a rule of the standard:
//
//   - Every message: the episode id and the referral's [Status] (state, FHIR Task status, received,
//     accepted and ended dates, coded reason). Both recipients need to know what became of the
//     referral; that alone closes the loop.
//   - The GP: person demographics (NHS number and date of birth, to file the message in the right
//     record); needs and concerns (the referral's and the plan's coded needs, and the plan's goals
//     counted by status, since the practice holds the person's care record); support offered (the
//     number of contacts and minutes, and each connection in full — category, name, provider,
//     directory id, mode, status, coded reason and dates — as the practice may follow up or refer
//     again); outcomes.
//   - The referrer: no demographics (the episode id is their own reference for the person; an NHS
//     number or date of birth would add nothing they need); only the needs they referred for, with
//     whether the plan addresses them (needs found later are the person's to share); the number of
//     contacts and each connection's category, mode and status only (which named group a person
//     attends can reveal health or personal circumstances, and the referrer does not need it);
//     outcomes.
//
// Consent (referral.Consent) overrides both: without consent to the referral (declined, or never
// asked), the needs, support and outcomes groups are withheld; without consent to share outcomes
// back (refused or not asked), the outcomes group is withheld. Service use is never sent: it serves
// the aggregate report, not the care of one person. Every withheld group or field is listed in
// Withheld with its reason. The message is valid ([Feedback.Validate]); a receiving system can check
// it against the published JSON Schema (episode.feedback) as well.
func NewFeedback(e Episode, to Recipient, prepared sp.Date) (Feedback, error) {
	if !to.IsValid() {
		return Feedback{}, fmt.Errorf("episode: feedback: recipient not defined: %w", sp.ErrInvalid)
	}
	if !prepared.IsValid() {
		return Feedback{}, fmt.Errorf("episode: feedback: the prepared date is required: %w", sp.ErrInvalid)
	}
	if err := e.Validate(); err != nil {
		return Feedback{}, err
	}
	r := e.Referral
	route := referral.ContactRouteGPSystem
	if to == RecipientReferrer {
		if r.Referrer.Source == referral.SourceSelf || r.Referrer.Contact == referral.ContactRouteNone {
			return Feedback{}, fmt.Errorf("episode: feedback: a self-referral has no referrer to report back to: %w", ErrNoRecipient)
		}
		route = r.Referrer.Contact
	}
	gp := to == RecipientGP
	f := Feedback{EpisodeID: r.EpisodeID, Recipient: to, Route: route, Prepared: prepared, Status: e.status(), Withheld: []Withheld{}}
	withhold := func(reason WithheldReason, fields ...WithheldField) {
		for _, fl := range fields {
			f.Withheld = append(f.Withheld, Withheld{Field: fl, Reason: reason})
		}
	}
	if gp {
		f.Person = &Demographics{NHSNumber: r.Person.NHSNumber, DateOfBirth: r.Person.DateOfBirth}
	} else {
		withhold(WithheldReasonMinimumNecessary, "person")
	}
	referralConsent := r.Consent.Referral == referral.ConsentStatusGiven
	if !referralConsent {
		withhold(WithheldReasonReferralConsent, "needs", "support", "outcomes")
	} else {
		f.Needs = e.needs(gp)
		f.Support = e.support(gp)
		if !gp {
			if e.Plan != nil && len(e.Plan.Goals) > 0 {
				withhold(WithheldReasonMinimumNecessary, "needs.goalsByStatus")
			}
			if e.Plan != nil && len(e.Plan.Connections) > 0 {
				withhold(WithheldReasonMinimumNecessary, connectionDetails[:]...)
			}
		}
		if r.Consent.ShareOutcomes == referral.ConsentStatusGiven {
			f.Outcomes = e.outcomesGroup()
		} else {
			withhold(WithheldReasonOutcomesConsent, "outcomes")
		}
	}
	slices.SortFunc(f.Withheld, func(a, b Withheld) int { return cmp.Compare(a.Field, b.Field) })
	return f, nil
}

// status returns the referral's Status.
func (e Episode) status() Status {
	r := e.Referral
	t := r.State.FHIR()
	s := Status{State: r.State, FHIRTaskStatus: t.Status, BusinessStatus: t.BusinessStatus, Received: r.Received}
	s.Accepted, _ = e.Accepted()
	if d, ok := e.Ended(); ok {
		s.Ended = d
		s.Reason = r.History[len(r.History)-1].Reason
	}
	return s
}

// needs returns the needs and concerns group.
func (e Episode) needs(gp bool) *NeedsGroup {
	g := &NeedsGroup{Needs: []NeedLine{}}
	var planNeeds []referral.Need
	if e.Plan != nil {
		planNeeds = e.Plan.Needs
	}
	for _, n := range referral.Needs() {
		referred := slices.ContainsFunc(e.Referral.Needs, func(it referral.NeedItem) bool { return it.Need == n })
		inPlan := slices.Contains(planNeeds, n)
		if referred || (gp && inPlan) {
			g.Needs = append(g.Needs, NeedLine{Need: n, Referred: referred, InPlan: inPlan})
		}
	}
	if gp && e.Plan != nil {
		for _, st := range plan.GoalStatuses() {
			n := 0
			for _, goal := range e.Plan.Goals {
				if goal.Status == st {
					n++
				}
			}
			if n > 0 {
				g.GoalsByStatus = append(g.GoalsByStatus, GoalCount{Status: st, Goals: n})
			}
		}
	}
	return g
}

// support returns the support offered group.
func (e Episode) support(gp bool) *Support {
	s := &Support{Connections: []ConnectionLine{}}
	if e.Plan == nil {
		return s
	}
	s.Contacts = len(e.Plan.Contacts)
	for _, c := range e.Plan.Contacts {
		s.Minutes += c.Minutes
	}
	for _, c := range e.Plan.Connections {
		l := ConnectionLine{Category: c.Category, Mode: c.Mode, Status: c.Status}
		if gp {
			l.Name, l.Provider, l.ServiceID, l.Reason = c.Name, c.Provider, c.ServiceID, c.Reason
			l.Referred, l.Started, l.Ended = c.Referred, c.Started, c.Ended
		}
		s.Connections = append(s.Connections, l)
	}
	return s
}

// outcomesGroup pairs the measurements per instrument and diffs them.
func (e Episode) outcomesGroup() *OutcomesGroup {
	g := &OutcomesGroup{Changes: []outcomes.Change{}, AwaitingFollowUp: []outcomes.Instrument{}}
	for _, inst := range outcomes.Instruments() {
		base, hasB, okB := pickMeasurement(e.Measurements, inst, outcomes.TimepointBaseline)
		follow, hasF, okF := pickMeasurement(e.Measurements, inst, outcomes.TimepointFollowUp)
		switch {
		case hasB && !hasF:
			g.AwaitingFollowUp = append(g.AwaitingFollowUp, inst)
		case !hasB || !okB || !okF:
		default:
			if ch, err := outcomes.Diff(base, follow); err == nil {
				g.Changes = append(g.Changes, ch)
			}
		}
	}
	return g
}

// pickMeasurement returns the earliest baseline or the latest follow-up of instrument inst among the valid
// measurements of ms, whether there is one, and whether it is unambiguous (no measurement of a
// different answer on the same day).
func pickMeasurement(ms []outcomes.Measurement, inst outcomes.Instrument, tp outcomes.Timepoint) (m outcomes.Measurement, found, ok bool) {
	var scores []outcomes.Score
	for _, x := range ms {
		if x.Instrument != inst || x.Timepoint != tp {
			continue
		}
		sc, err := x.Scores()
		if err != nil {
			continue
		}
		better := !found || (tp == outcomes.TimepointBaseline && x.Date.Before(m.Date)) ||
			(tp == outcomes.TimepointFollowUp && x.Date.After(m.Date))
		switch {
		case better:
			m, scores, found, ok = x, sc, true, true
		case x.Date == m.Date && !slices.Equal(sc, scores):
			ok = false
		}
	}
	return m, found, ok
}

// WithheldField names a group or field of a [Feedback] message that can be withheld: its JSON path in
// the message, dot-separated, array indices left out.
//
//enum:list WithheldFields
type WithheldField string

// The fields that can be withheld.
const (
	WithheldFieldPerson              WithheldField = "person"
	WithheldFieldNeeds               WithheldField = "needs"
	WithheldFieldGoalsByStatus       WithheldField = "needs.goalsByStatus"
	WithheldFieldSupport             WithheldField = "support"
	WithheldFieldConnectionName      WithheldField = "support.connections.name"
	WithheldFieldConnectionProvider  WithheldField = "support.connections.provider"
	WithheldFieldConnectionServiceID WithheldField = "support.connections.serviceId"
	WithheldFieldConnectionReason    WithheldField = "support.connections.reason"
	WithheldFieldConnectionReferred  WithheldField = "support.connections.referred"
	WithheldFieldConnectionStarted   WithheldField = "support.connections.started"
	WithheldFieldConnectionEnded     WithheldField = "support.connections.ended"
	WithheldFieldOutcomes            WithheldField = "outcomes"
)

// connectionDetails are the fields of a connection the referrer does not get.
var connectionDetails = [...]WithheldField{
	WithheldFieldConnectionName, WithheldFieldConnectionProvider, WithheldFieldConnectionServiceID, WithheldFieldConnectionReason,
	WithheldFieldConnectionReferred, WithheldFieldConnectionStarted, WithheldFieldConnectionEnded,
}

// Has reports whether the message holds field w: a group that is present, goals by status that are
// listed, or a connection detail that some connection carries.
func (f Feedback) Has(w WithheldField) bool {
	conn := func(has func(ConnectionLine) bool) bool {
		return f.Support != nil && slices.ContainsFunc(f.Support.Connections, has)
	}
	switch w {
	case WithheldFieldPerson:
		return f.Person != nil
	case WithheldFieldNeeds:
		return f.Needs != nil
	case WithheldFieldGoalsByStatus:
		return f.Needs != nil && len(f.Needs.GoalsByStatus) > 0
	case WithheldFieldSupport:
		return f.Support != nil
	case WithheldFieldOutcomes:
		return f.Outcomes != nil
	case WithheldFieldConnectionName:
		return conn(func(c ConnectionLine) bool { return c.Name != "" })
	case WithheldFieldConnectionProvider:
		return conn(func(c ConnectionLine) bool { return c.Provider != "" })
	case WithheldFieldConnectionServiceID:
		return conn(func(c ConnectionLine) bool { return c.ServiceID != "" })
	case WithheldFieldConnectionReason:
		return conn(func(c ConnectionLine) bool { return c.Reason != "" })
	case WithheldFieldConnectionReferred:
		return conn(func(c ConnectionLine) bool { return c.Referred.IsValid() })
	case WithheldFieldConnectionStarted:
		return conn(func(c ConnectionLine) bool { return c.Started.IsValid() })
	case WithheldFieldConnectionEnded:
		return conn(func(c ConnectionLine) bool { return c.Ended.IsValid() })
	}
	return false
}

// The rule names of the checks [Feedback.Validate] makes in Go.
const (
	// RuleWithheld: a field listed as withheld is present in the message, or listed twice.
	RuleWithheld = "withheld"
	// RuleMinimumNecessary: a message to the referrer holds the person's demographics, goals or a
	// connection's details (see [NewFeedback]).
	RuleMinimumNecessary = "minimum-necessary"
)

// Validate checks a received message: its validate tags and, in Go, that no field it lists as
// withheld is present and none is listed twice (rule "withheld"), and that a message to the referrer
// holds no demographics, goals or connection details (rule "minimum-necessary"). It returns nil or a
// *socialprescribing.ValidationError. Every message [NewFeedback] builds is valid.
func (f Feedback) Validate() error {
	c := validation.Struct("episode.Feedback", &f)
	for i, w := range f.Withheld {
		path := "/withheld/" + strconv.Itoa(i) + "/field"
		switch {
		case f.Has(w.Field):
			c.Add(path, RuleWithheld, fmt.Errorf("episode: feedback: a field listed as withheld is present: %w", sp.ErrInvalid))
		case slices.ContainsFunc(f.Withheld[:i], func(x Withheld) bool { return x.Field == w.Field }):
			c.Add(path, RuleWithheld, fmt.Errorf("episode: feedback: a field listed as withheld twice: %w", sp.ErrInvalid))
		}
	}
	if f.Recipient == RecipientReferrer {
		if f.Has(WithheldFieldPerson) {
			c.Add("/person", RuleMinimumNecessary, fmt.Errorf("episode: feedback: demographics in a message to the referrer: %w", sp.ErrInvalid))
		}
		if f.Has(WithheldFieldGoalsByStatus) {
			c.Add("/needs/goalsByStatus", RuleMinimumNecessary, fmt.Errorf("episode: feedback: goals in a message to the referrer: %w", sp.ErrInvalid))
		}
		for _, d := range connectionDetails {
			if f.Has(d) {
				c.Add("/support/connections", RuleMinimumNecessary, fmt.Errorf("episode: feedback: connection details in a message to the referrer: %w", sp.ErrInvalid))
				break
			}
		}
	}
	return c.Err()
}
