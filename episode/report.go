package episode

import (
	"cmp"
	"fmt"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/keygroup"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// FrameworkNote is the caveat every [Report] carries about its three headings.
const FrameworkNote = "A common outcomes framework is one of NHS England's elements of good social prescribing. " +
	"The split into impact on the person, on the health and care system and on community groups is widely used, " +
	"but was not confirmed as NHS England's own framework text: confidence unconfirmed. " +
	"Service-use figures are the change measured, not an effect of social prescribing (the evidence is mixed)."

// Report is the common-outcomes report over many episodes, under three headings: impact on the
// person (wellbeing and loneliness measures), on the health and care system (service use) and on
// community groups (connections to community offers). The split into these three is widely used but
// UNCONFIRMED as NHS England text (SOURCES.md#outcomes-framework); Framework and
// FrameworkConfidence say so in every report.
//
// A Report holds only counts and statistics, no personal data; provider and offer names come from the
// plans. Small counts are shown unless [ReportOptions.Suppress] hides them ([Suppression]); apply the
// local disclosure rule before publishing a report of a small cohort. It renders as JSON with
// encoding/json (the published episode.report document) and as text with [Report.Text]. It is a
// plain value, safe for concurrent use once built.
type Report struct {
	// Episodes is the number of episodes reported: those given, less those outside the period asked
	// for ([Exclusions]).
	Episodes int `json:"episodes"`
	// DuplicateIDs is the number of episodes whose id another episode of the report also has. They
	// are counted everywhere; their measurements pair as one episode, and [outcomes.SummariseServiceUse]
	// excludes their service use as duplicates.
	DuplicateIDs int `json:"duplicateIds"`
	// From and To are the period the report covers, never a day a person's referral was received: on
	// each side the bound asked for ([ReportOptions.From], [ReportOptions.To]) when there is one, and
	// otherwise a whole month, the first day of the month of the earliest referral received or the
	// last day of the month of the latest. A side with no bound asked for is absent when no episode
	// reported has a valid received date.
	From sp.Date `json:"from,omitzero"`
	To   sp.Date `json:"to,omitzero"`
	// Exclusions counts the episodes left out before reporting: invalid, or outside the period
	// asked for.
	Exclusions Exclusions `json:"exclusions"`
	// Suppression says which numbers were hidden as small; absent when none were (see
	// [ReportOptions.Suppress]).
	Suppression *Suppression `json:"suppression,omitempty"`
	// Framework is [FrameworkNote]; FrameworkConfidence is unconfirmed.
	Framework           string        `json:"framework"`
	FrameworkConfidence sp.Confidence `json:"frameworkConfidence"`
	// States counts the episodes by the referral's state, one entry per [referral.States] in that
	// order (zero counts included); UnknownState counts episodes whose state is not one of them.
	// Together they add up to Episodes.
	States       []StateCount `json:"states"`
	UnknownState int          `json:"unknownState"`
	// Person is the impact on the person.
	Person PersonImpact `json:"person"`
	// System is the impact on the health and care system.
	System SystemImpact `json:"system"`
	// Community is the impact on community groups.
	Community CommunityImpact `json:"community"`
}

// Exclusions counts the episodes given but left out of a report. Episodes counts only those reported.
type Exclusions struct {
	// Invalid is the number of episodes left out because they failed validation
	// ([ReportOptions.Invalid]).
	Invalid int `json:"invalid"`
	// OutsidePeriod is the number of episodes whose referral was not received between PeriodFrom
	// and PeriodTo, the bounds asked for (absent for no bound).
	OutsidePeriod int     `json:"outsidePeriod"`
	PeriodFrom    sp.Date `json:"periodFrom,omitzero"`
	PeriodTo      sp.Date `json:"periodTo,omitzero"`
}

// StateCount is the number of episodes in one referral state.
type StateCount struct {
	State    referral.State `json:"state"`
	Episodes int            `json:"episodes"`
}

// PersonImpact is the impact on the person: the change in ONS4 personal wellbeing, SWEMWBS (and
// WEMWBS where used) and UCLA-3 loneliness, paired by episode.
type PersonImpact struct {
	// EpisodesMeasured is the number of episodes with at least one measurement of their own.
	EpisodesMeasured int `json:"episodesMeasured"`
	// Mismatched is the number of measurements keyed to another episode than the one that holds them;
	// they are excluded (an episode that passes [Episode.Validate] has none).
	Mismatched int `json:"mismatched"`
	// Wellbeing is [outcomes.Summarise] over the measurements of every episode: per instrument and
	// scale, n, the means, the mean change with its 95% confidence interval, and the shares improved
	// and worsened.
	Wellbeing outcomes.CohortSummary `json:"wellbeing"`
}

// SystemImpact is the impact on the health and care system: the change in service use.
type SystemImpact struct {
	// EpisodesRecorded is the number of episodes with a service-use record of their own.
	EpisodesRecorded int `json:"episodesRecorded"`
	// Mismatched is the number of service-use records keyed to another episode than the one that
	// holds them; they are excluded.
	Mismatched int `json:"mismatched"`
	// ServiceUse is [outcomes.SummariseServiceUse] over those records: per service, the totals before
	// and after and the change in the rate per 30 days.
	ServiceUse outcomes.ServiceUseSummary `json:"serviceUse"`
}

// CommunityImpact is the impact on community groups: who was connected to which kinds of offer and
// which providers, how many were referred and how many went.
//
// A connection counts as attended when the person went at least once: status attended, ongoing or
// stopped. Referred counts connections in mode referred (actively connected) and Signposted those in
// mode signposted; ReferredAttended counts referred connections the person went to, so "attended vs
// referred" reads ReferredAttended of Referred.
type CommunityImpact struct {
	// EpisodesWithPlan is the number of episodes with a plan.
	EpisodesWithPlan int `json:"episodesWithPlan"`
	// EpisodesConnected is the number of episodes with at least one connection; EpisodesAttending
	// the number with at least one attended connection.
	EpisodesConnected int `json:"episodesConnected"`
	EpisodesAttending int `json:"episodesAttending"`
	// Connections is the number of connections; Signposted + Referred + UnknownMode add up to it.
	Connections int `json:"connections"`
	Signposted  int `json:"signposted"`
	Referred    int `json:"referred"`
	UnknownMode int `json:"unknownMode"`
	// Attended is the number of connections the person went to; ReferredAttended those of them in
	// mode referred.
	Attended         int `json:"attended"`
	ReferredAttended int `json:"referredAttended"`
	// Green is the number of connections to green social prescribing ([plan.Category.IsGreen]).
	Green int `json:"green"`
	// ByStatus counts the connections per [plan.ConnectionStatuses], in that order; UnknownStatus
	// those with another status. Together they add up to Connections.
	ByStatus      []StatusCount `json:"byStatus"`
	UnknownStatus int           `json:"unknownStatus"`
	// ByCategory holds one line per [plan.Categories] with at least one connection, in that order;
	// UnknownCategory counts connections with another category. The lines' Connections and
	// UnknownCategory add up to Connections.
	ByCategory      []GroupCount `json:"byCategory"`
	UnknownCategory int          `json:"unknownCategory"`
	// ByProvider holds one line per provider, sorted by name; their Connections add up to
	// Connections. ProvidersReceiving is the number of providers that received at least one person
	// (a line with People attending).
	ByProvider         []ProviderCount `json:"byProvider"`
	ProvidersReceiving int             `json:"providersReceiving"`
}

// StatusCount is the number of connections with one status.
type StatusCount struct {
	Status      plan.ConnectionStatus `json:"status"`
	Connections int                   `json:"connections"`
}

// Counts are the counts of a group of connections.
type Counts struct {
	// Connections is the number of connections; Referred those in mode referred and Signposted
	// those in mode signposted; Attended those the person went to; ReferredAttended those both
	// referred and attended.
	Connections      int `json:"connections"`
	Referred         int `json:"referred"`
	Signposted       int `json:"signposted"`
	Attended         int `json:"attended"`
	ReferredAttended int `json:"referredAttended"`
	// People is the number of episodes with at least one connection in the group; PeopleAttending the
	// number with at least one attended.
	People          int `json:"people"`
	PeopleAttending int `json:"peopleAttending"`
}

// GroupCount is the counts of the connections of one category.
type GroupCount struct {
	Category plan.Category `json:"category"`
	Counts
}

// ProviderCount is the counts of the connections to one provider.
type ProviderCount struct {
	Provider string `json:"provider"`
	Counts
}

// attended reports whether the person went to the offer at least once.
func attended(s plan.ConnectionStatus) bool {
	return s == plan.ConnectionStatusAttended || s == plan.ConnectionStatusOngoing || s == plan.ConnectionStatusStopped
}

// ReportOptions are the choices of [NewReportWith]. The zero value reports on every episode given,
// with nothing hidden.
type ReportOptions struct {
	// From and To, when valid, keep only the episodes whose referral was received on or after From
	// and on or before To; the others are counted under [Exclusions.OutsidePeriod]. Either may be
	// the zero Date for no bound on that side. An episode with no valid received date is outside
	// any period that has a bound. The report is headed by the bounds given ([Report.From]).
	From, To sp.Date
	// Suppress, when 2 or more, hides every count from 1 to Suppress − 1 and every statistic
	// computed from a hidden count, as published statistics do with small numbers (see
	// [Suppression]); 0 or 1 hides nothing.
	Suppress int
	// Invalid is the number of episodes the caller left out of eps because they failed
	// [Episode.Validate]; the report counts them under [Exclusions.Invalid].
	Invalid int
}

// NewReport builds the common-outcomes report over eps: [NewReportWith] with no options.
func NewReport(eps []Episode) Report {
	r, _ := NewReportWith(eps, ReportOptions{})
	return r
}

// NewReportWith builds the common-outcomes report over the episodes of eps within the options'
// period, then hides small numbers if the options ask. It returns an error, and no report, when an
// option is out of range: To before From, a negative Suppress or Invalid.
//
// It reads the episodes as they are and does not validate them (validate each episode when it is
// recorded, or before reporting, and pass the number left out as [ReportOptions.Invalid]: doing it
// here again would cost more than the report itself); values outside the enums are counted under
// the Unknown… counts, records keyed to another episode are counted as Mismatched and left out, and
// the outcomes package counts and excludes invalid measurements and service-use records, so every
// count still adds up.
//
// The report depends on nothing but the episodes and the options, and not on the episodes' order:
// the statistics are those of [outcomes.Summarise] and [outcomes.SummariseServiceUse], which are
// order-independent, and every list is in a fixed order. NewReportWith changes nothing it is given
// and is safe for concurrent use. Its cost grows in proportion to the number of episodes.
func NewReportWith(eps []Episode, o ReportOptions) (Report, error) {
	if o.From.IsValid() && o.To.IsValid() && o.To.Before(o.From) {
		return Report{}, fmt.Errorf("episode: report period ends before it starts: %w", sp.ErrInvalid)
	}
	if o.Suppress < 0 || o.Invalid < 0 {
		return Report{}, fmt.Errorf("episode: report options: a negative threshold or count: %w", sp.ErrInvalid)
	}
	rep := Report{
		Framework:           FrameworkNote,
		FrameworkConfidence: sp.ConfidenceUnconfirmed,
		Exclusions:          Exclusions{Invalid: o.Invalid, PeriodFrom: o.From, PeriodTo: o.To},
	}
	bounded := o.From.IsValid() || o.To.IsValid()
	in := func(r *referral.Referral) bool {
		if !bounded {
			return true
		}
		d := r.Received
		return d.IsValid() && (!o.From.IsValid() || !d.Before(o.From)) && (!o.To.IsValid() || !d.After(o.To))
	}
	keep := eps
	if bounded {
		keep = make([]Episode, 0, len(eps))
		for i := range eps {
			if in(&eps[i].Referral) {
				keep = append(keep, eps[i])
			} else {
				rep.Exclusions.OutsidePeriod++
			}
		}
	}
	build(&rep, keep, o)
	if o.Suppress >= 2 {
		suppress(&rep, o.Suppress)
	}
	return rep, nil
}

// build fills the report from eps, received within the period asked for (either bound may be zero).
func build(rep *Report, eps []Episode, period ReportOptions) {
	rep.Episodes = len(eps)
	states := referral.States()
	stateCount := make([]int, len(states))
	dup := keygroup.Shared(len(eps), func(i int) (string, bool) { return eps[i].Referral.EpisodeID, true })
	var us []outcomes.ServiceUse
	var first, last sp.Date // the earliest and latest received dates: only their months are reported
	com := newCommunity()
	for i := range eps {
		e := &eps[i]
		r := &e.Referral
		if dup[i] {
			rep.DuplicateIDs++
		}
		if k := slices.Index(states, r.State); k >= 0 {
			stateCount[k]++
		} else {
			rep.UnknownState++
		}
		if d := r.Received; d.IsValid() {
			if !first.IsValid() || d.Before(first) {
				first = d
			}
			if !last.IsValid() || d.After(last) {
				last = d
			}
		}
		if u := e.ServiceUse; u != nil {
			if u.EpisodeID != r.EpisodeID {
				rep.System.Mismatched++
			} else {
				us = append(us, *u)
				rep.System.EpisodesRecorded++
			}
		}
		if e.Plan != nil {
			com.add(e.Plan)
		}
	}
	rep.From, rep.To = period.From, period.To
	if !rep.From.IsValid() && first.IsValid() {
		rep.From = first.FirstOfMonth()
	}
	if !rep.To.IsValid() && last.IsValid() {
		rep.To = last.LastOfMonth()
	}
	rep.States = make([]StateCount, len(states))
	for k, s := range states {
		rep.States[k] = StateCount{State: s, Episodes: stateCount[k]}
	}
	// The measurements stay where they are, gathered by episode: the summary pairs each episode's
	// own on their own (outcomes.SummariseGroups). The same pass counts the episodes measured and
	// the measurements of another episode, which are left out.
	var measured, mismatched int
	rep.Person.Wellbeing = outcomes.SummariseGroups(func(yield func([]outcomes.Measurement) bool) {
		for i := range eps {
			e := &eps[i]
			own := e.Measurements
			for k := range e.Measurements {
				if e.Measurements[k].EpisodeID != e.Referral.EpisodeID {
					own = nil // some are another episode's: keep a copy of the rest
					break
				}
			}
			if own == nil {
				for _, m := range e.Measurements {
					if m.EpisodeID == e.Referral.EpisodeID {
						own = append(own, m)
					} else {
						mismatched++
					}
				}
			}
			if len(own) == 0 {
				continue
			}
			measured++
			if !yield(own) {
				return
			}
		}
	})
	rep.Person.EpisodesMeasured, rep.Person.Mismatched = measured, mismatched
	rep.System.ServiceUse = outcomes.SummariseServiceUse(us)
	rep.Community = com.result()
}

// community accumulates the community impact.
type community struct {
	out        CommunityImpact
	statuses   []plan.ConnectionStatus
	statusN    []int
	categories []plan.Category
	catN       []Counts
	providers  map[string]*Counts
	// Per-episode scratch, reused: the categories and providers of one plan's connections, and
	// whether the person attended one of them.
	seenCat  []seen[int]
	seenProv []seen[string]
}

// seen is a group met in one plan, and whether the person attended a connection of it.
type seen[K comparable] struct {
	key      K
	attended bool
}

// mark records group k in list, with whether this connection was attended.
func mark[K comparable](list []seen[K], k K, att bool) []seen[K] {
	for i := range list {
		if list[i].key == k {
			list[i].attended = list[i].attended || att
			return list
		}
	}
	return append(list, seen[K]{k, att})
}

func newCommunity() *community {
	c := &community{
		statuses:   plan.ConnectionStatuses(),
		categories: plan.Categories(),
		providers:  map[string]*Counts{},
	}
	c.statusN = make([]int, len(c.statuses))
	c.catN = make([]Counts, len(c.categories))
	return c
}

// add counts the connections of one plan.
func (c *community) add(p *plan.Plan) {
	o := &c.out
	o.EpisodesWithPlan++
	if len(p.Connections) == 0 {
		return
	}
	o.EpisodesConnected++
	anyAttended := false
	c.seenCat, c.seenProv = c.seenCat[:0], c.seenProv[:0]
	// People are counted once per group: first the connections, then the person.
	for _, cn := range p.Connections {
		o.Connections++
		ref := cn.Mode == plan.ConnectionModeReferred
		att := attended(cn.Status)
		switch cn.Mode {
		case plan.ConnectionModeReferred:
			o.Referred++
		case plan.ConnectionModeSignposted:
			o.Signposted++
		default:
			o.UnknownMode++
		}
		if att {
			o.Attended++
			anyAttended = true
			if ref {
				o.ReferredAttended++
			}
		}
		if cn.Category.IsGreen() {
			o.Green++
		}
		if k := slices.Index(c.statuses, cn.Status); k >= 0 {
			c.statusN[k]++
		} else {
			o.UnknownStatus++
		}
		if k := slices.Index(c.categories, cn.Category); k >= 0 {
			countConnection(&c.catN[k], cn.Mode, att)
			c.seenCat = mark(c.seenCat, k, att)
		} else {
			o.UnknownCategory++
		}
		pc := c.providers[cn.Provider]
		if pc == nil {
			pc = &Counts{}
			c.providers[cn.Provider] = pc
		}
		countConnection(pc, cn.Mode, att)
		c.seenProv = mark(c.seenProv, cn.Provider, att)
	}
	for _, g := range c.seenCat {
		countPerson(&c.catN[g.key], g.attended)
	}
	for _, g := range c.seenProv {
		countPerson(c.providers[g.key], g.attended)
	}
	if anyAttended {
		o.EpisodesAttending++
	}
}

func countConnection(n *Counts, mode plan.ConnectionMode, attended bool) {
	n.Connections++
	referred := mode == plan.ConnectionModeReferred
	switch mode {
	case plan.ConnectionModeReferred:
		n.Referred++
	case plan.ConnectionModeSignposted:
		n.Signposted++
	}
	if attended {
		n.Attended++
		if referred {
			n.ReferredAttended++
		}
	}
}

func countPerson(n *Counts, attended bool) {
	n.People++
	if attended {
		n.PeopleAttending++
	}
}

// result returns the community impact with its lists in their fixed order.
func (c *community) result() CommunityImpact {
	o := c.out
	o.ByStatus = make([]StatusCount, len(c.statuses))
	for k, s := range c.statuses {
		o.ByStatus[k] = StatusCount{Status: s, Connections: c.statusN[k]}
	}
	o.ByCategory = []GroupCount{}
	for k, cat := range c.categories {
		if c.catN[k].Connections > 0 {
			o.ByCategory = append(o.ByCategory, GroupCount{Category: cat, Counts: c.catN[k]})
		}
	}
	o.ByProvider = make([]ProviderCount, 0, len(c.providers))
	for name, n := range c.providers {
		o.ByProvider = append(o.ByProvider, ProviderCount{Provider: name, Counts: *n})
		if n.PeopleAttending > 0 {
			o.ProvidersReceiving++
		}
	}
	slices.SortFunc(o.ByProvider, func(a, b ProviderCount) int { return cmp.Compare(a.Provider, b.Provider) })
	return o
}
