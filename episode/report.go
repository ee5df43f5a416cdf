package episode

import (
	"cmp"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
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
// plans. Counts are not suppressed for small numbers: apply the local disclosure rule before
// publishing a report of a small cohort. It renders as JSON with encoding/json and as text with
// [Report.Text]. It is a plain value, safe for concurrent use once built.
type Report struct {
	// Episodes is the number of episodes given.
	Episodes int `json:"episodes"`
	// DuplicateIDs is the number of episodes whose id another episode of the report also has. They
	// are counted everywhere; their measurements pair as one episode, and [outcomes.SummariseServiceUse]
	// excludes their service use as duplicates.
	DuplicateIDs int `json:"duplicateIds"`
	// From and To are the earliest and latest days a referral was received; absent for no episodes.
	From sp.Date `json:"from,omitzero"`
	To   sp.Date `json:"to,omitzero"`
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
	// Connections is the number of connections; Referred those in mode referred; Attended those the
	// person went to; ReferredAttended those both referred and attended.
	Connections      int `json:"connections"`
	Referred         int `json:"referred"`
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

// NewReport builds the common-outcomes report over eps. It reads the episodes as they are and does
// not validate them (validate each episode when it is recorded: doing it again here would cost more
// than the report itself); values outside the enums are counted under the Unknown… counts, records
// keyed to another episode are counted as Mismatched and left out, and the outcomes package counts
// and excludes invalid measurements and service-use records, so every count still adds up.
//
// The report depends on nothing but the episodes, and not on their order: the statistics are those of
// [outcomes.Summarise] and [outcomes.SummariseServiceUse], which are order-independent, and every
// list is in a fixed order. NewReport changes nothing it is given and is safe for concurrent use.
func NewReport(eps []Episode) Report {
	rep := Report{
		Episodes:            len(eps),
		Framework:           FrameworkNote,
		FrameworkConfidence: sp.ConfidenceUnconfirmed,
	}
	states := referral.States()
	stateCount := make([]int, len(states))
	nMeasurements := 0
	ids := make(map[string]int, len(eps))
	for i := range eps {
		nMeasurements += len(eps[i].Measurements)
		ids[eps[i].Referral.EpisodeID]++
	}
	ms := make([]outcomes.Measurement, 0, nMeasurements)
	var us []outcomes.ServiceUse
	com := newCommunity()
	for i := range eps {
		e := &eps[i]
		r := &e.Referral
		if ids[r.EpisodeID] > 1 {
			rep.DuplicateIDs++
		}
		if k := slices.Index(states, r.State); k >= 0 {
			stateCount[k]++
		} else {
			rep.UnknownState++
		}
		if d := r.Received; d.IsValid() {
			if !rep.From.IsValid() || d.Before(rep.From) {
				rep.From = d
			}
			if !rep.To.IsValid() || d.After(rep.To) {
				rep.To = d
			}
		}
		own := 0
		for _, m := range e.Measurements {
			if m.EpisodeID != r.EpisodeID {
				rep.Person.Mismatched++
				continue
			}
			ms = append(ms, m)
			own++
		}
		if own > 0 {
			rep.Person.EpisodesMeasured++
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
	rep.States = make([]StateCount, len(states))
	for k, s := range states {
		rep.States[k] = StateCount{State: s, Episodes: stateCount[k]}
	}
	rep.Person.Wellbeing = outcomes.Summarise(ms)
	rep.System.ServiceUse = outcomes.SummariseServiceUse(us)
	rep.Community = com.result()
	return rep
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
			countConnection(&c.catN[k], ref, att)
			c.seenCat = mark(c.seenCat, k, att)
		} else {
			o.UnknownCategory++
		}
		pc := c.providers[cn.Provider]
		if pc == nil {
			pc = &Counts{}
			c.providers[cn.Provider] = pc
		}
		countConnection(pc, ref, att)
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

func countConnection(n *Counts, referred, attended bool) {
	n.Connections++
	if referred {
		n.Referred++
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
