package referral

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// ConsentStatus records the person's answer to one consent question.
//
//enum:list ConsentStatuses
type ConsentStatus string

// The consent statuses.
const (
	ConsentStatusGiven    ConsentStatus = "given"
	ConsentStatusRefused  ConsentStatus = "refused"
	ConsentStatusNotAsked ConsentStatus = "not-asked"
)

// Person is the person referred. It holds personal data: String, GoString and LogValue print a
// masked form, and no error of this package contains a value from it.
//
// NHSNumber may be left out only on a self-referral; when present it has passed the Modulus 11
// check (the type cannot hold anything else). AccessNeeds are the communication and accessibility
// needs the service must meet; "other" needs AccessNotes. Person is a value type, safe for concurrent
// use once built; [Referral.Clone] copies its slice.
type Person struct {
	NHSNumber   sp.NHSNumber `json:"nhsNumber,omitzero"`
	DateOfBirth sp.Date      `json:"dateOfBirth" validate:"required"`
	Language    string       `json:"language,omitempty" validate:"max=50"`
	AccessNeeds []AccessNeed `json:"accessNeeds,omitempty" validate:"max=11,unique,dive,enum"`
	AccessNotes string       `json:"accessNotes,omitempty" validate:"max=500"`
}

const maskedPerson = "referral.Person{***}"

// String returns a masked form that holds no personal data.
func (p Person) String() string { return maskedPerson }

// GoString returns a masked form for %#v.
func (p Person) GoString() string { return maskedPerson }

// LogValue implements slog.LogValuer with a masked form.
func (p Person) LogValue() slog.Value { return slog.StringValue(maskedPerson) }

// Referrer is who made the referral and how to report back to them (the closed loop). Organisation
// is required except on a self-referral; ContactRoute "none" is allowed only on a self-referral.
type Referrer struct {
	Source       Source `json:"source" validate:"required,enum"`
	Organisation string `json:"organisation,omitempty" validate:"max=200"`
	// JobTitle is the referrer's job as they give it, in free text (its JSON key is "role"); the
	// library's own role vocabulary is the root package's Role.
	JobTitle string       `json:"role,omitempty" validate:"max=100"`
	Contact  ContactRoute `json:"contact" validate:"required,enum"`
}

// NeedItem is one reason for the referral; Description is required for [NeedOther] and optional
// otherwise.
type NeedItem struct {
	Need        Need   `json:"need" validate:"required,enum"`
	Description string `json:"description,omitempty" validate:"max=500"`
}

// Consent records the person's consent to the referral and to sharing outcomes back with the
// referrer. Accepting a referral ([EventKindAccept]) sets Referral to given; declining sets it to refused.
type Consent struct {
	Referral      ConsentStatus `json:"referral" validate:"required,enum"`
	ShareOutcomes ConsentStatus `json:"shareOutcomes" validate:"required,enum"`
}

// Safeguarding holds a safeguarding concern and the append-only record of its escalations. A link
// worker must pass safeguarding information back to the practice team or escalate it (Management in
// Practice, 2023; SOURCES.md#closed-loop).
type Safeguarding struct {
	Concern     bool         `json:"concern"`
	Escalations []Escalation `json:"escalations,omitempty" validate:"max=100,dive"`
}

// Escalation is one passing-on of a safeguarding concern. Note is free text: the library's printed and
// logged forms of an Escalation never include it.
type Escalation struct {
	At   time.Time        `json:"at" validate:"required"`
	To   EscalationTarget `json:"to" validate:"required,enum"`
	By   sp.Role          `json:"by" validate:"required,enum"`
	Note string           `json:"note,omitempty" validate:"max=1000"`
}

// Referral is one referral to a social prescribing link worker and everything that happens to it:
// who is referred, by whom, why, and the append-only History of lifecycle events.
//
// ID is the episode id every other package of the library keys on; it must not hold personal data.
// State is where the lifecycle stands and must equal what the History replays to (Validate checks
// this); change both through [Referral.Apply] only. WhatMattersToMe is in the person's own words and
// may be empty at referral.
//
// A Referral holds personal data: String, GoString and LogValue print only its id, state and source.
// It is a value type; [Referral.Apply] and [Referral.Clone] return copies that share no slices with
// the original, so a Referral that no one mutates is safe for concurrent use.
type Referral struct {
	EpisodeID       string       `json:"id" validate:"required,max=64"`
	Received        sp.Date      `json:"received" validate:"required"`
	Person          Person       `json:"person" validate:"required"`
	Referrer        Referrer     `json:"referrer" validate:"required"`
	Needs           []NeedItem   `json:"needs" validate:"required,min=1,max=15,dive"`
	WhatMattersToMe string       `json:"whatMattersToMe,omitempty" validate:"max=2000"`
	Urgency         Urgency      `json:"urgency" validate:"required,enum"`
	Consent         Consent      `json:"consent" validate:"required"`
	Safeguarding    Safeguarding `json:"safeguarding,omitzero"`
	State           State        `json:"state" validate:"required,enum"`
	History         []Event      `json:"history,omitempty" validate:"max=500,dive"`
}

// New returns a referral in [StateReceived] with the given parts, validated. It copies needs.
func New(id string, received sp.Date, p Person, ref Referrer, needs []NeedItem, u Urgency, c Consent) (Referral, error) {
	r := Referral{
		EpisodeID: id, Received: received, Person: p, Referrer: ref, Needs: slices.Clone(needs),
		Urgency: u, Consent: c, State: StateReceived,
	}
	r.Person.AccessNeeds = slices.Clone(p.AccessNeeds)
	if err := r.Validate(); err != nil {
		return Referral{}, err
	}
	return r, nil
}

// Clone returns a deep copy of r: no slice is shared with r.
func (r Referral) Clone() Referral {
	r.Person.AccessNeeds = slices.Clone(r.Person.AccessNeeds)
	r.Needs = slices.Clone(r.Needs)
	r.Safeguarding.Escalations = slices.Clone(r.Safeguarding.Escalations)
	r.History = slices.Clone(r.History)
	for i := range r.History {
		r.History[i].Codes = slices.Clone(r.History[i].Codes)
	}
	return r
}

// String returns "referral <id> (<state>)", with no personal data.
func (r Referral) String() string {
	return "referral " + strconv.Quote(r.EpisodeID) + " (" + string(r.State) + ")"
}

// GoString returns a masked form for %#v holding only the id, state and source.
func (r Referral) GoString() string {
	return fmt.Sprintf("referral.Referral{EpisodeID: %q, State: %q, Source: %q, ***}", r.EpisodeID, string(r.State), string(r.Referrer.Source))
}

// LogValue implements slog.LogValuer with the id, state, source and number of events only.
func (r Referral) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", r.EpisodeID),
		slog.String("state", string(r.State)),
		slog.String("source", string(r.Referrer.Source)),
		slog.Int("events", len(r.History)),
	)
}

// Escalate returns the referral with a safeguarding escalation appended and the concern flagged.
// It is allowed in every state, terminal ones included. It returns an error wrapping
// socialprescribing.ErrInvalid, and leaves r as it was, if e is incomplete or earlier than the last
// escalation.
func (r Referral) Escalate(e Escalation) (Referral, error) {
	// The escalation's own limits are its validate tags, checked here as Validate checks them.
	if err := validation.Struct("referral.Escalation", &e).Err(); err != nil {
		return r, fmt.Errorf("referral: escalation: %w", err)
	}
	if n := len(r.Safeguarding.Escalations); n > 0 && e.At.Before(r.Safeguarding.Escalations[n-1].At) {
		return r, fmt.Errorf("referral: escalation: time is before the last escalation: %w", sp.ErrInvalid)
	}
	out := r.Clone()
	out.Safeguarding.Concern = true
	out.Safeguarding.Escalations = append(out.Safeguarding.Escalations, e)
	return out, nil
}

// des2020 returns the first day from which referral sources other than general practice apply.
func des2020() sp.Date { return sp.MustDate(2020, time.April, 1) }

// RuleSourceBefore2020 is the Rule of the info [sp.Finding] that [Referral.Findings] reports.
const RuleSourceBefore2020 = "referral.source-before-2020"

// Findings returns the rule checks of r that are not validity errors, sorted. It reports an info
// finding when a referral received before 2020-04-01 came from a source other than general
// practice: in 2019/20 the Network Contract DES limited referrals to PCN link workers to the PCN's
// GP practice staff; the wider list of sources applies from 2020/21 (NHS England, Network Contract DES
// 2019/20 and 2020/21; SOURCES.md#referral-sources; confidence high).
// The referral may be legitimate (a service outside the DES), so this is information only.
func (r Referral) Findings() []sp.Finding {
	var fs []sp.Finding
	if r.Received.IsValid() && r.Received.Before(des2020()) && r.Referrer.Source.IsValid() && r.Referrer.Source != SourceGeneralPractice {
		fs = append(fs, sp.Finding{
			Rule:     RuleSourceBefore2020,
			Severity: sp.SeverityInfo,
			Subject:  r.EpisodeID,
			Path:     "/referrer/source",
			Message:  "source other than general practice before 2020-04-01, when the 2019/20 DES limited referrals to PCN practice staff",
			Source:   "NHS England, Network Contract DES 2019/20 and 2020/21, referral sources (confidence high)",
		})
	}
	return sp.SortFindings(fs)
}

// Validate checks r against its validate tags and the rules the tags cannot express, returning nil
// or a *socialprescribing.ValidationError whose FieldErrors carry JSON Pointer paths:
//
//   - person/nhsNumber is required unless the source is self (rule "required-unless-self");
//   - person/dateOfBirth is not after the received date ("date-order");
//   - referrer/organisation is required unless the source is self ("required-unless-self"); contact "none" only
//     on a self-referral ("contact-route");
//   - a need "other" has a description ("other-description"); no need appears twice ("duplicate-need");
//   - accessNeeds "other" comes with accessNotes ("other-description");
//   - state is what the history replays to ("state"); each event is allowed where it stands
//     ("transition"), has the reason its kind needs ("reason"), is no earlier than the one before
//     ("time-order") and no earlier than the received date ("date-order"), was not coded before it
//     happened ("date-order"), and has codedOn when it has codes ("coded-on-missing");
//   - consent/referral is given once the history holds an accept ("consent");
//   - escalations need safeguarding/concern ("safeguarding") and are in time order ("time-order").
func (r Referral) Validate() error {
	c := validation.Struct("referral.Referral", &r)
	self := r.Referrer.Source == SourceSelf
	if !self && !r.Person.NHSNumber.IsValid() {
		c.Add("/person/nhsNumber", "required-unless-self", fmt.Errorf("referral: nhs number is required unless the person referred themselves: %w", sp.ErrRequired))
	}
	if r.Person.DateOfBirth.IsValid() && r.Received.IsValid() && r.Person.DateOfBirth.After(r.Received) {
		c.Add("/person/dateOfBirth", "date-order", fmt.Errorf("referral: date of birth is after the received date: %w", sp.ErrInvalid))
	}
	if slices.Contains(r.Person.AccessNeeds, AccessNeedOther) && r.Person.AccessNotes == "" {
		c.Add("/person/accessNotes", "other-description", fmt.Errorf("referral: access need other needs access notes: %w", sp.ErrRequired))
	}
	if !self && r.Referrer.Organisation == "" {
		c.Add("/referrer/organisation", "required-unless-self", fmt.Errorf("referral: organisation is required unless the person referred themselves: %w", sp.ErrRequired))
	}
	if !self && r.Referrer.Contact == ContactRouteNone {
		c.Add("/referrer/contact", "contact-route", fmt.Errorf("referral: contact route none is only for a self-referral: %w", sp.ErrInvalid))
	}
	checkNeeds(c, "/needs", r.Needs)
	checkHistory(c, r)
	if r.Consent.Referral != ConsentStatusGiven && slices.ContainsFunc(r.History, func(e Event) bool { return e.Kind == EventKindAccept }) {
		c.Add("/consent/referral", "consent", fmt.Errorf("referral: an accepted referral needs consent to the referral: %w", sp.ErrInvalid))
	}
	if !r.Safeguarding.Concern && len(r.Safeguarding.Escalations) > 0 {
		c.Add("/safeguarding/concern", "safeguarding", fmt.Errorf("referral: escalations recorded without a safeguarding concern: %w", sp.ErrInvalid))
	}
	for i := 1; i < len(r.Safeguarding.Escalations); i++ {
		if r.Safeguarding.Escalations[i].At.Before(r.Safeguarding.Escalations[i-1].At) {
			c.Add("/safeguarding/escalations/"+strconv.Itoa(i)+"/at", "time-order", fmt.Errorf("referral: escalation is earlier than the one before: %w", sp.ErrInvalid))
		}
	}
	return c.Err()
}

// checkNeeds adds the cross-field need rules.
func checkNeeds(c *validation.Errors, base string, ns []NeedItem) {
	for i, n := range ns {
		if n.Need == NeedOther && n.Description == "" {
			c.Add(base+"/"+strconv.Itoa(i)+"/description", "other-description", fmt.Errorf("referral: need other needs a description: %w", sp.ErrRequired))
		}
		if n.Need != NeedOther && n.Need != "" && slices.ContainsFunc(ns[:i], func(m NeedItem) bool { return m.Need == n.Need }) {
			c.Add(base+"/"+strconv.Itoa(i)+"/need", "duplicate-need", fmt.Errorf("referral: need appears more than once: %w", sp.ErrInvalid))
		}
	}
}

// checkHistory adds the lifecycle rules over r.History.
func checkHistory(c *validation.Errors, r Referral) {
	state, _, bad := replay(r.History)
	if bad >= 0 {
		c.Add("/history/"+strconv.Itoa(bad)+"/kind", "transition", fmt.Errorf("referral: event not allowed after the events before it: %w", ErrTransition))
	} else if r.State.IsValid() && r.State != state {
		c.Add("/state", "state", fmt.Errorf("referral: state is not what the history leads to: %w", sp.ErrInvalid))
	}
	for i, e := range r.History {
		p := "/history/" + strconv.Itoa(i)
		if e.Kind.IsValid() && (e.Reason == "" || e.Reason.IsValid()) {
			if err := checkReason(e, sp.ErrInvalid); err != nil {
				c.Add(p+"/reason", "reason", err)
			}
		}
		if len(e.Codes) > 0 && !e.CodedOn.IsValid() {
			c.Add(p+"/codedOn", "coded-on-missing", fmt.Errorf("referral: codes need the date they were entered: %w", sp.ErrRequired))
		}
		if e.At.IsZero() {
			continue
		}
		if i > 0 && e.At.Before(r.History[i-1].At) {
			c.Add(p+"/at", "time-order", fmt.Errorf("referral: event is earlier than the one before: %w", sp.ErrInvalid))
		}
		d := sp.DateOf(e.At)
		if r.Received.IsValid() && d.Before(r.Received) {
			c.Add(p+"/at", "date-order", fmt.Errorf("referral: event is earlier than the received date: %w", sp.ErrInvalid))
		}
		if e.CodedOn.IsValid() && e.CodedOn.Before(d) {
			c.Add(p+"/codedOn", "date-order", fmt.Errorf("referral: codes entered before the event happened: %w", sp.ErrInvalid))
		}
	}
}
