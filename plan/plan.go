package plan

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Plan is the personalised plan a link worker and the person produce together: NHS England's "co-produced
// personalised plan based on what matters to the person" (NHS England, Social prescribing frequently
// asked questions; SOURCES.md#model). It is keyed by the episode id
// of the [referral.Referral] it belongs to.
//
// WhatMattersToMe is in the person's own words. Needs are the needs the plan addresses; each [Goal]
// links to at least one of them. Agreed and AgreedOn record that the person agreed the plan (it was
// co-produced, not handed to them); ReviewDates are the days the plan is due for review, each met by a
// [Contact] of kind review. Closed is the day the person's time with the link worker ended.
//
// Referred is the day the referral was received, as [referral.Referral.Received]; [New] copies it and
// [Check] reports a plan whose Referred or EpisodeID does not match its referral.
//
// A Plan holds personal data: String, GoString and LogValue print only its id and counts, and no error
// of this package contains a value from it. It is a value type; [Plan.Clone] and [Plan.Agree] return
// copies that share no slices with the original, so a Plan that no one mutates is safe for concurrent
// use.
type Plan struct {
	EpisodeID       string          `json:"episodeId" validate:"required,max=64"`
	Referred        sp.Date         `json:"referred" validate:"required"`
	Created         sp.Date         `json:"created" validate:"required"`
	WhatMattersToMe string          `json:"whatMattersToMe" validate:"required,max=2000"`
	Needs           []referral.Need `json:"needs" validate:"required,min=1,max=15,unique,dive,enum"`
	Agreed          bool            `json:"agreed"`
	AgreedOn        sp.Date         `json:"agreedOn,omitzero"`
	ReviewDates     []sp.Date       `json:"reviewDates,omitempty" validate:"max=24,unique,dive,required"`
	Closed          sp.Date         `json:"closed,omitzero"`
	Goals           []Goal          `json:"goals,omitempty" validate:"max=20,dive"`
	Contacts        []Contact       `json:"contacts,omitempty" validate:"max=200,dive"`
	Connections     []Connection    `json:"connections,omitempty" validate:"max=50,dive"`
}

// Goal is one goal of the plan, in the person's words, linked to at least one need of the plan.
// Reason (and ReasonNote, for reason "other") says why a dropped goal was dropped; other statuses
// carry none. Description, ReasonNote and the progress notes are personal data: String, GoString and
// LogValue print only the status.
type Goal struct {
	Description string          `json:"description" validate:"required,max=500"`
	Needs       []referral.Need `json:"needs" validate:"required,min=1,max=15,unique,dive,enum"`
	Set         sp.Date         `json:"set" validate:"required"`
	Target      sp.Date         `json:"target" validate:"required"`
	Status      GoalStatus      `json:"status" validate:"required,enum"`
	Reason      StopReason      `json:"reason,omitempty" validate:"omitempty,enum"`
	ReasonNote  string          `json:"reasonNote,omitempty" validate:"max=500"`
	Progress    []ProgressNote  `json:"progress,omitempty" validate:"max=100,dive"`
}

// ProgressNote is a dated note of progress towards a [Goal]. Note is free text and is never printed by
// the library.
type ProgressNote struct {
	Date sp.Date `json:"date" validate:"required"`
	Note string  `json:"note" validate:"required,max=1000"`
}

// Contact is one contact between the link worker and the person. Minutes is the contact's length, from
// 1 to 480 (the library's own bound of a working day). A Contact holds no personal data.
type Contact struct {
	Date    sp.Date     `json:"date" validate:"required"`
	Mode    ContactMode `json:"mode" validate:"required,enum"`
	Minutes int         `json:"minutes" validate:"required,gte=1,lte=480"`
	Kind    ContactKind `json:"kind" validate:"required,enum"`
}

// Connection is a connection of the person to a community offer: what kind of offer, who provides it,
// how the person was connected and how it went.
//
// Name is the offer's name and Provider the organisation running it; ServiceID may hold the service's
// id in an Open Referral UK (HSDS) directory (SOURCES.md#open-referral). Mode tells signposting (information
// given) from referral (actively connected, on the day Referred). Suggested is the day the offer was
// first discussed; Started the day the person first went; Ended the day they declined or stopped (or
// finished, for attended).
//
// What each status needs (Validate checks it):
//
//	status     mode        referred   started    ended      reason
//	suggested  signposted  -          -          -          -
//	referred   referred    required   -          -          -
//	attended   either      (mode)     required   optional   -
//	ongoing    either      (mode)     required   -          -
//	declined   either      (mode)     -          required   required
//	stopped    either      (mode)     required   required   required
//
// where "(mode)" means required with mode referred and absent with mode signposted. ReasonNote is free
// text, required for reason "other", and never printed: String, GoString and LogValue print only the
// category, mode and status.
type Connection struct {
	Category   Category         `json:"category" validate:"required,enum"`
	Name       string           `json:"name" validate:"required,max=200"`
	Provider   string           `json:"provider" validate:"required,max=200"`
	ServiceID  string           `json:"serviceId,omitempty" validate:"max=100"`
	Mode       ConnectionMode   `json:"mode" validate:"required,enum"`
	Status     ConnectionStatus `json:"status" validate:"required,enum"`
	Reason     StopReason       `json:"reason,omitempty" validate:"omitempty,enum"`
	ReasonNote string           `json:"reasonNote,omitempty" validate:"max=500"`
	Suggested  sp.Date          `json:"suggested" validate:"required"`
	Referred   sp.Date          `json:"referred,omitzero"`
	Started    sp.Date          `json:"started,omitzero"`
	Ended      sp.Date          `json:"ended,omitzero"`
}

// New returns a plan for referral r created on the given day, validated: keyed by r's episode id, with
// r's received date. An empty whatMattersToMe takes r's; no needs take r's needs. It returns a
// *socialprescribing.ValidationError if the plan is not valid. New does not require r to be accepted:
// [Check] reports contacts before acceptance.
func New(r referral.Referral, created sp.Date, whatMattersToMe string, needs ...referral.Need) (Plan, error) {
	if whatMattersToMe == "" {
		whatMattersToMe = r.WhatMattersToMe
	}
	if len(needs) == 0 {
		for _, n := range r.Needs {
			needs = append(needs, n.Need)
		}
	}
	p := Plan{
		EpisodeID: r.EpisodeID, Referred: r.Received, Created: created, WhatMattersToMe: whatMattersToMe,
		Needs: slices.Clone(needs),
	}
	if err := p.Validate(); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// Agree returns the plan agreed by the person on the given day. It returns an error wrapping
// socialprescribing.ErrInvalid, and leaves p as it was, if on is not a valid date, is before the plan
// was created, or the plan is already agreed.
func (p Plan) Agree(on sp.Date) (Plan, error) {
	switch {
	case !on.IsValid():
		return p, fmt.Errorf("plan: agree: date is required: %w", sp.ErrInvalid)
	case p.Agreed:
		return p, fmt.Errorf("plan: agree: already agreed: %w", sp.ErrInvalid)
	case p.Created.IsValid() && on.Before(p.Created):
		return p, fmt.Errorf("plan: agree: before the plan was created: %w", sp.ErrInvalid)
	}
	out := p.Clone()
	out.Agreed, out.AgreedOn = true, on
	return out, nil
}

// Clone returns a deep copy of p: no slice is shared with p.
func (p Plan) Clone() Plan {
	p.Needs = slices.Clone(p.Needs)
	p.ReviewDates = slices.Clone(p.ReviewDates)
	p.Goals = slices.Clone(p.Goals)
	for i := range p.Goals {
		p.Goals[i].Needs = slices.Clone(p.Goals[i].Needs)
		p.Goals[i].Progress = slices.Clone(p.Goals[i].Progress)
	}
	p.Contacts = slices.Clone(p.Contacts)
	p.Connections = slices.Clone(p.Connections)
	return p
}

// String returns "plan <episode id> (<goals> goals, <contacts> contacts, <connections> connections)",
// with no personal data.
func (p Plan) String() string {
	return "plan " + strconv.Quote(p.EpisodeID) + " (" + strconv.Itoa(len(p.Goals)) + " goals, " +
		strconv.Itoa(len(p.Contacts)) + " contacts, " + strconv.Itoa(len(p.Connections)) + " connections)"
}

// GoString returns a masked form for %#v holding only the episode id and whether the plan is agreed.
func (p Plan) GoString() string {
	return fmt.Sprintf("plan.Plan{EpisodeID: %q, Agreed: %t, ***}", p.EpisodeID, p.Agreed)
}

// LogValue implements slog.LogValuer with the episode id, whether the plan is agreed and the counts.
func (p Plan) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("episodeId", p.EpisodeID),
		slog.Bool("agreed", p.Agreed),
		slog.Int("goals", len(p.Goals)),
		slog.Int("contacts", len(p.Contacts)),
		slog.Int("connections", len(p.Connections)),
	)
}

// String returns "goal (<status>)", with no personal data.
func (g Goal) String() string { return "goal (" + string(g.Status) + ")" }

// GoString returns a masked form for %#v holding only the status.
func (g Goal) GoString() string { return fmt.Sprintf("plan.Goal{Status: %q, ***}", string(g.Status)) }

// LogValue implements slog.LogValuer with the status and the number of progress notes.
func (g Goal) LogValue() slog.Value {
	return slog.GroupValue(slog.String("status", string(g.Status)), slog.Int("progress", len(g.Progress)))
}

const maskedNote = "plan.ProgressNote{***}"

// String returns a masked form that holds no personal data.
func (n ProgressNote) String() string { return maskedNote }

// GoString returns a masked form for %#v.
func (n ProgressNote) GoString() string { return maskedNote }

// LogValue implements slog.LogValuer with a masked form.
func (n ProgressNote) LogValue() slog.Value { return slog.StringValue(maskedNote) }

// String returns "connection <category> (<mode>, <status>)", with no personal data.
func (c Connection) String() string {
	return "connection " + string(c.Category) + " (" + string(c.Mode) + ", " + string(c.Status) + ")"
}

// GoString returns a masked form for %#v holding only the category, mode and status.
func (c Connection) GoString() string {
	return fmt.Sprintf("plan.Connection{Category: %q, Mode: %q, Status: %q, ***}", string(c.Category), string(c.Mode), string(c.Status))
}

// LogValue implements slog.LogValuer with the category, mode and status.
func (c Connection) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("category", string(c.Category)),
		slog.String("mode", string(c.Mode)),
		slog.String("status", string(c.Status)),
	)
}

// Validate checks p against its validate tags and the rules the tags cannot express, returning nil or
// a *socialprescribing.ValidationError whose FieldErrors carry JSON Pointer paths. The cross-field
// rules have names of their own, distinct from the tags, so that a rule the JSON Schema also states is
// never confused with one only Go checks:
//
//   - "date-order": created is not before referred, agreedOn and closed not before created; a goal's
//     target and progress notes are not before the day it was set; a connection's referred, started
//     and ended dates are not before the dates they follow;
//   - "agreed": agreedOn when, and only when, agreed;
//   - "reason": a reason when, and only when, the status takes one (a dropped goal; a declined or
//     stopped connection);
//   - "reason-note": a reasonNote for reason "other", and only with a reason;
//   - "mode": status referred only in mode referred and status suggested only in mode signposted; a
//     referred date when, and only when, the mode is referred;
//   - "status": a connection's started and ended dates present as its status needs and absent where
//     it takes none (see [Connection]).
//
// Validate does not compare the plan with its referral, nor goals' needs with the plan's needs, nor
// dates across items: those are rules of [Check].
func (p Plan) Validate() error {
	c := validation.Struct("plan.Plan", &p)
	if earlier(p.Created, p.Referred) {
		c.Add("/created", "date-order", fmt.Errorf("plan: created before the referral was received: %w", sp.ErrInvalid))
	}
	if earlier(p.AgreedOn, p.Created) {
		c.Add("/agreedOn", "date-order", fmt.Errorf("plan: agreed before it was created: %w", sp.ErrInvalid))
	}
	if earlier(p.Closed, p.Created) {
		c.Add("/closed", "date-order", fmt.Errorf("plan: closed before it was created: %w", sp.ErrInvalid))
	}
	switch {
	case p.Agreed && !p.AgreedOn.IsValid():
		c.Add("/agreedOn", "agreed", fmt.Errorf("plan: an agreed plan needs the date it was agreed: %w", sp.ErrRequired))
	case !p.Agreed && p.AgreedOn.IsValid():
		c.Add("/agreedOn", "agreed", fmt.Errorf("plan: agreed date on a plan not agreed: %w", sp.ErrInvalid))
	}
	for i, g := range p.Goals {
		checkGoal(c, "/goals/"+strconv.Itoa(i), g)
	}
	for i, cn := range p.Connections {
		checkConnection(c, "/connections/"+strconv.Itoa(i), cn)
	}
	return c.Err()
}

// earlier reports whether both dates are valid and a is before b.
func earlier(a, b sp.Date) bool { return a.IsValid() && b.IsValid() && a.Before(b) }

// checkGoal adds the cross-field rules of one goal.
func checkGoal(c *validation.Errors, base string, g Goal) {
	if earlier(g.Target, g.Set) {
		c.Add(base+"/target", "date-order", fmt.Errorf("plan: goal target before the goal was set: %w", sp.ErrInvalid))
	}
	for j, n := range g.Progress {
		if earlier(n.Date, g.Set) {
			c.Add(base+"/progress/"+strconv.Itoa(j)+"/date", "date-order", fmt.Errorf("plan: progress note before the goal was set: %w", sp.ErrInvalid))
		}
	}
	checkReason(c, base, g.Status.IsValid(), g.Status == GoalStatusDropped, g.Reason, g.ReasonNote, "a dropped goal")
}

// checkReason adds the reason rules: a reason when needed (and only then), a note for "other", no note
// without a reason. statusKnown is false when the status is not valid, and the first two rules wait.
func checkReason(c *validation.Errors, base string, statusKnown, needs bool, r StopReason, note, what string) {
	switch {
	case statusKnown && needs && r == "":
		c.Add(base+"/reason", "reason", fmt.Errorf("plan: %s needs a reason: %w", what, sp.ErrRequired))
	case statusKnown && !needs && r != "":
		c.Add(base+"/reason", "reason", fmt.Errorf("plan: a reason only for %s: %w", what, sp.ErrInvalid))
	}
	switch {
	case r == StopReasonOther && note == "":
		c.Add(base+"/reasonNote", "reason-note", fmt.Errorf("plan: reason other needs a note: %w", sp.ErrRequired))
	case r == "" && note != "":
		c.Add(base+"/reasonNote", "reason-note", fmt.Errorf("plan: a reason note without a reason: %w", sp.ErrInvalid))
	}
}

// presence says whether a connection date is required (1), allowed (0) or not allowed (-1).
type presence int8

const (
	forbidden presence = -1
	optional  presence = 0
	mandatory presence = 1
)

// connectionDates gives, per status, whether started and ended are required, optional or not allowed.
func connectionDates(s ConnectionStatus) (started, ended presence) {
	switch s {
	case ConnectionStatusSuggested, ConnectionStatusReferred:
		return forbidden, forbidden
	case ConnectionStatusAttended:
		return mandatory, optional
	case ConnectionStatusOngoing:
		return mandatory, forbidden
	case ConnectionStatusDeclined:
		return forbidden, mandatory
	case ConnectionStatusStopped:
		return mandatory, mandatory
	}
	return optional, optional
}

// checkConnection adds the cross-field rules of one connection.
func checkConnection(c *validation.Errors, base string, cn Connection) {
	switch {
	case cn.Mode == ConnectionModeSignposted && cn.Status == ConnectionStatusReferred:
		c.Add(base+"/status", "mode", fmt.Errorf("plan: status referred needs mode referred: %w", sp.ErrInvalid))
	case cn.Mode == ConnectionModeReferred && cn.Status == ConnectionStatusSuggested:
		c.Add(base+"/status", "mode", fmt.Errorf("plan: status suggested needs mode signposted: %w", sp.ErrInvalid))
	}
	switch {
	case cn.Mode == ConnectionModeReferred && !cn.Referred.IsValid():
		c.Add(base+"/referred", "mode", fmt.Errorf("plan: a referred connection needs the date referred: %w", sp.ErrRequired))
	case cn.Mode == ConnectionModeSignposted && cn.Referred.IsValid():
		c.Add(base+"/referred", "mode", fmt.Errorf("plan: referred date on a signposted connection: %w", sp.ErrInvalid))
	}
	if cn.Status.IsValid() {
		started, ended := connectionDates(cn.Status)
		checkPresence(c, base+"/started", started, cn.Started, "started")
		checkPresence(c, base+"/ended", ended, cn.Ended, "ended")
	}
	needs := cn.Status == ConnectionStatusDeclined || cn.Status == ConnectionStatusStopped
	checkReason(c, base, cn.Status.IsValid(), needs, cn.Reason, cn.ReasonNote, "a declined or stopped connection")
	if earlier(cn.Referred, cn.Suggested) {
		c.Add(base+"/referred", "date-order", fmt.Errorf("plan: connection referred before it was suggested: %w", sp.ErrInvalid))
	}
	if earlier(cn.Started, cn.Suggested) || earlier(cn.Started, cn.Referred) {
		c.Add(base+"/started", "date-order", fmt.Errorf("plan: connection started before it was suggested or referred: %w", sp.ErrInvalid))
	}
	if earlier(cn.Ended, cn.Suggested) || earlier(cn.Ended, cn.Referred) || earlier(cn.Ended, cn.Started) {
		c.Add(base+"/ended", "date-order", fmt.Errorf("plan: connection ended before it was suggested, referred or started: %w", sp.ErrInvalid))
	}
}

// checkPresence adds "required" or "status" for a connection date that the status needs or forbids.
func checkPresence(c *validation.Errors, path string, want presence, d sp.Date, what string) {
	switch {
	case want == mandatory && !d.IsValid():
		c.Add(path, "status", fmt.Errorf("plan: the connection's status needs the %s date: %w", what, sp.ErrRequired))
	case want == forbidden && d.IsValid():
		c.Add(path, "status", fmt.Errorf("plan: the connection's status takes no %s date: %w", what, sp.ErrInvalid))
	}
}
