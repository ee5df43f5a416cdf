// Package episodegen builds valid episodes, part by part, from a source of choices: rapid in the
// episode package's property tests, a seeded pseudo-random generator in benchmarks and in the tests
// of the packages above episode (internal/cohortgen). Every episode it builds, put together, passes
// episode.Episode.Validate. It does not import episode, so that episode's own tests can use it.
package episodegen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Drawer makes the builder's choices: Intn returns an int from lo to hi, both included; label names
// the choice (for rapid's reports).
type Drawer interface {
	Intn(label string, lo, hi int) int
}

// Rand returns a Drawer of a seeded pseudo-random generator: one seed, one sequence of choices.
func Rand(seed uint64) Drawer {
	return randDraw{rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

type randDraw struct{ r *rand.Rand }

func (d randDraw) Intn(_ string, lo, hi int) int { return lo + d.r.IntN(hi-lo+1) }

// Parts are the parts of one episode: the referral, and once it was accepted perhaps a plan,
// measurements and a service-use record.
type Parts struct {
	Referral     referral.Referral
	Plan         *plan.Plan
	Measurements []outcomes.Measurement
	ServiceUse   *outcomes.ServiceUse
}

// acceptedOn returns the day of the referral's accept event, as episode.Episode.Accepted does.
func acceptedOn(r referral.Referral) (sp.Date, bool) {
	for _, ev := range r.History {
		if ev.Kind == referral.EventKindAccept && !ev.At.IsZero() {
			return sp.DateOf(ev.At), true
		}
	}
	return sp.Date{}, false
}

// endedOn returns the day the referral reached a terminal state, as episode.Episode.Ended does.
func endedOn(r referral.Referral) (sp.Date, bool) {
	h := r.History
	if !r.State.IsTerminal() || len(h) == 0 || h[len(h)-1].At.IsZero() {
		return sp.Date{}, false
	}
	return sp.DateOf(h[len(h)-1].At), true
}

func pick[T any](d Drawer, label string, xs []T) T { return xs[d.Intn(label, 0, len(xs)-1)] }

func coin(d Drawer, label string) bool { return d.Intn(label, 0, 1) == 1 }

// subset draws between lo and hi distinct items of xs, in the order drawn.
func subset[T any](d Drawer, label string, xs []T, lo, hi int) []T {
	rest := slices.Clone(xs)
	n := d.Intn(label+"-count", lo, min(hi, len(rest)))
	out := make([]T, 0, n)
	for range n {
		k := d.Intn(label, 0, len(rest)-1)
		out = append(out, rest[k])
		rest = slices.Delete(rest, k, k+1)
	}
	return out
}

// nhsNumber draws a valid NHS number.
func nhsNumber(d Drawer) sp.NHSNumber {
	for {
		var digits [9]byte
		s := ""
		for i := range digits {
			digits[i] = byte(d.Intn("nhs-digit", 0, 9))
			s += string('0' + rune(digits[i]))
		}
		c, err := sp.NHSCheckDigit(s)
		if err != nil || c == 10 {
			continue
		}
		n, err := sp.ParseNHSNumber(s + string('0'+rune(c)))
		if err == nil {
			return n
		}
	}
}

var providers = []string{"Riverside Allotment Society", "Riverside Ramblers", "Age Friendly Riverside", "Citizens Advice Riverside", "Riverside PCN", "Northgate Arts Collective"}

// Paths a generated referral takes through its lifecycle.
const (
	pathReceived = iota
	pathDeclined
	pathRejected
	pathAccepted
	pathInProgress
	pathCompleted
	pathClosed
	pathCancelled
	pathOnHold
	nPaths
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Build builds the parts of a valid episode with id from the drawer's choices: a referral taken along one
// of the lifecycle paths (with its codes entered or not), and once it is accepted a plan, measurements
// and a service-use record, each dated where the lifecycle allows.
func Build(d Drawer, id string) Parts {
	received := sp.MustParseDate("2024-01-01").AddDays(d.Intn("received", 0, 365))
	src := pick(d, "source", referral.Sources())
	person := referral.Person{DateOfBirth: received.AddDays(-d.Intn("age-days", 18*365, 90*365))}
	ref := referral.Referrer{Source: src, Organisation: "Referring organisation", Contact: pick(d, "route", referral.ContactRoutes()[:5])}
	if src == referral.SourceSelf {
		ref = referral.Referrer{Source: src, Contact: referral.ContactRouteNone}
		if coin(d, "self-nhs") {
			person.NHSNumber = nhsNumber(d)
		}
	} else {
		person.NHSNumber = nhsNumber(d)
	}
	var needItems []referral.NeedItem
	needs := subset(d, "need", referral.Needs()[:len(referral.Needs())-1], 1, 3)
	for _, n := range needs {
		needItems = append(needItems, referral.NeedItem{Need: n})
	}
	consent := referral.Consent{Referral: referral.ConsentStatusNotAsked, ShareOutcomes: pick(d, "share", referral.ConsentStatuses())}
	r := must(referral.New(id, received, person, ref, needItems, pick(d, "urgency", referral.Urgencies()), consent))

	day, n := received, 0
	apply := func(k referral.EventKind, reason referral.Reason) {
		day = day.AddDays(d.Intn("gap", 0, 14))
		ev := referral.Event{Kind: k, At: day.Time(time.UTC).Add(9*time.Hour + time.Duration(n)*time.Minute), By: sp.RoleLinkWorker, Reason: reason}
		n++
		if k == referral.EventKindAccept || k == referral.EventKindDecline {
			switch d.Intn("coded", 0, 3) {
			case 1: // the right code, on time or late
				ev.CodedOn = day.AddDays(d.Intn("coded-after", 0, 12))
				c := coding.ReferralToSocialPrescribingID
				if k == referral.EventKindDecline {
					c = coding.SocialPrescribingDeclinedID
				}
				ev.Codes = []coding.SCTID{coding.MustParseSCTID(c)}
			case 2: // coded without the code due
				ev.CodedOn = day
				ev.Codes = []coding.SCTID{coding.MustParseSCTID(coding.SWEMWBSScoreID)}
			}
		}
		r = must(r.Apply(ev))
	}
	contacts := func() {
		for range d.Intn("history-contacts", 1, 4) {
			apply(referral.EventKindContact, "")
		}
	}
	switch d.Intn("path", 0, nPaths-1) {
	case pathReceived:
	case pathDeclined:
		apply(referral.EventKindDecline, "")
	case pathRejected:
		apply(referral.EventKindReject, referral.ReasonNotEligible)
	case pathAccepted:
		apply(referral.EventKindAccept, "")
	case pathInProgress:
		apply(referral.EventKindAccept, "")
		contacts()
	case pathCompleted:
		apply(referral.EventKindAccept, "")
		contacts()
		apply(referral.EventKindComplete, "")
	case pathClosed:
		apply(referral.EventKindAccept, "")
		contacts()
		apply(referral.EventKindClose, referral.ReasonDisengaged)
	case pathCancelled:
		apply(referral.EventKindAccept, "")
		apply(referral.EventKindCancel, referral.ReasonNoLongerNeeded)
	case pathOnHold:
		apply(referral.EventKindAccept, "")
		contacts()
		apply(referral.EventKindHold, referral.ReasonPersonUnwell)
	}
	e := Parts{Referral: r}
	accepted, ok := acceptedOn(r)
	if !ok {
		return e
	}
	ended, hasEnded := endedOn(r)
	last := accepted.AddDays(120) // the last day anything of the plan happens
	if hasEnded {
		last = ended
	}
	within := func(label string, from sp.Date) sp.Date {
		if from.After(last) {
			return last
		}
		return from.AddDays(d.Intn(label, 0, from.DaysUntil(last)))
	}
	if coin(d, "has-plan") {
		e.Plan = buildPlan(d, r, within("created", accepted), within, hasEnded, ended)
	}
	for _, inst := range subset(d, "instrument", outcomes.Instruments(), 0, 4) {
		b := within("baseline", accepted)
		e.Measurements = append(e.Measurements, measurement(d, id, inst, outcomes.TimepointBaseline, b))
		for range d.Intn("follow-ups", 0, 2) {
			e.Measurements = append(e.Measurements, measurement(d, id, inst, outcomes.TimepointFollowUp, b.AddDays(d.Intn("follow-up-days", 0, 180))))
		}
	}
	if coin(d, "service-use") {
		days := d.Intn("window", 30, 365)
		u := outcomes.ServiceUse{
			EpisodeID: id,
			Before:    outcomes.Window{From: received.AddDays(-days), To: received.AddDays(-1)},
			After:     outcomes.Window{From: received, To: received.AddDays(days - 1)},
		}
		for _, s := range subset(d, "service", outcomes.Services(), 1, 5) {
			hi := 20
			if s == outcomes.ServiceBedDays {
				hi = min(hi, days)
			}
			b, a := d.Intn("before", 0, hi), d.Intn("after", 0, hi)
			u.Items = append(u.Items, outcomes.ServiceCount{Service: s, Before: &b, After: &a})
		}
		e.ServiceUse = &u
	}
	return e
}

// buildPlan builds a valid plan for r created on the given day.
func buildPlan(d Drawer, r referral.Referral, created sp.Date, within func(string, sp.Date) sp.Date, hasEnded bool, ended sp.Date) *plan.Plan {
	p := plan.Plan{EpisodeID: r.EpisodeID, Referred: r.Received, Created: created, WhatMattersToMe: "Seeing people again"}
	for _, n := range r.Needs {
		p.Needs = append(p.Needs, n.Need)
	}
	if extra := referral.NeedPhysicalInactivity; coin(d, "extra-need") && !slices.Contains(p.Needs, extra) {
		p.Needs = append(p.Needs, extra)
	}
	if coin(d, "agreed") {
		p.Agreed, p.AgreedOn = true, created
	}
	if hasEnded && coin(d, "closed") {
		p.Closed = ended
	}
	for range d.Intn("contacts", 0, 6) {
		p.Contacts = append(p.Contacts, plan.Contact{
			Date: within("contact", created), Mode: pick(d, "mode", plan.ContactModes()),
			Minutes: d.Intn("minutes", 5, 90), Kind: pick(d, "kind", plan.ContactKinds()),
		})
	}
	for range d.Intn("goals", 0, 2) {
		g := plan.Goal{
			Description: "A goal", Needs: []referral.Need{pick(d, "goal-need", p.Needs)},
			Set: created, Target: created.AddDays(30), Status: pick(d, "goal-status", plan.GoalStatuses()),
		}
		if g.Status == plan.GoalStatusDropped {
			g.Reason = plan.StopReasonPersonChoice
		}
		p.Goals = append(p.Goals, g)
	}
	reasons := plan.StopReasons()[:len(plan.StopReasons())-1] // not "other", which needs a note
	for range d.Intn("connections", 0, 4) {
		c := plan.Connection{
			Category: pick(d, "category", plan.Categories()), Name: "An offer", Provider: pick(d, "provider", providers),
			Mode: pick(d, "connection-mode", plan.ConnectionModes()), Suggested: created.AddDays(d.Intn("suggested", 0, 10)),
		}
		from := c.Suggested
		if c.Mode == plan.ConnectionModeReferred {
			c.Referred = from.AddDays(d.Intn("referred", 0, 5))
			from = c.Referred
			c.Status = pick(d, "status", []plan.ConnectionStatus{plan.ConnectionStatusReferred, plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusDeclined, plan.ConnectionStatusStopped})
		} else {
			c.Status = pick(d, "status", []plan.ConnectionStatus{plan.ConnectionStatusSuggested, plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusDeclined, plan.ConnectionStatusStopped})
		}
		switch c.Status {
		case plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusStopped:
			c.Started = from.AddDays(d.Intn("started", 0, 10))
			from = c.Started
		}
		switch c.Status {
		case plan.ConnectionStatusDeclined, plan.ConnectionStatusStopped:
			c.Ended = from.AddDays(d.Intn("ended", 0, 30))
			c.Reason = pick(d, "reason", reasons)
		case plan.ConnectionStatusAttended:
			if coin(d, "attended-ended") {
				c.Ended = from.AddDays(d.Intn("ended", 0, 30))
			}
		}
		if coin(d, "service-id") {
			c.ServiceID = fmt.Sprintf("oruk-svc-%d", d.Intn("service-id", 1000, 9999))
		}
		p.Connections = append(p.Connections, c)
	}
	return &p
}

// measurement draws the answers of one instrument.
func measurement(d Drawer, id string, inst outcomes.Instrument, tp outcomes.Timepoint, on sp.Date) outcomes.Measurement {
	m := outcomes.Measurement{EpisodeID: id, Date: on, Timepoint: tp, Instrument: inst}
	items := func(n, hi int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = d.Intn("item", 1, hi)
		}
		return out
	}
	score := func() *int { v := d.Intn("ons4", 0, 10); return &v }
	switch inst {
	case outcomes.InstrumentONS4:
		m.ONS4 = &outcomes.ONS4{LifeSatisfaction: score(), Worthwhile: score(), Happiness: score(), Anxiety: score()}
	case outcomes.InstrumentSWEMWBS:
		m.SWEMWBS = &outcomes.SWEMWBS{Items: items(7, 5)}
	case outcomes.InstrumentWEMWBS:
		m.WEMWBS = &outcomes.WEMWBS{Items: items(14, 5)}
	case outcomes.InstrumentUCLA3:
		it := items(3, 3)
		m.UCLA3 = &outcomes.UCLA3{LackCompanionship: it[0], LeftOut: it[1], Isolated: it[2]}
	}
	return m
}
