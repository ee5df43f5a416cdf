package episode

import (
	"fmt"
	"strings"

	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

// Text renders the report as a readable plain-text summary: the episodes and their states, then the
// three headings (person, system, community) with the framework caveat. Means and changes have two
// decimals, shares and per-cent changes none; the output depends on nothing but the report.
func (r Report) Text() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("Common outcomes report: %d episodes", r.Episodes)
	if r.From.IsValid() {
		p(", referrals received %s to %s", r.From, r.To)
	}
	p("\n")
	if r.DuplicateIDs > 0 {
		p("  %d episodes share an id with another episode\n", r.DuplicateIDs)
	}
	p("Headings: person, health and care system, community groups (framework split: confidence %s, not found in NHS England text)\n", r.FrameworkConfidence)
	var states []string
	for _, s := range r.States {
		if s.Episodes > 0 {
			states = append(states, fmt.Sprintf("%s %d", s.State, s.Episodes))
		}
	}
	if r.UnknownState > 0 {
		states = append(states, fmt.Sprintf("unknown %d", r.UnknownState))
	}
	if len(states) > 0 {
		p("Episodes by state: %s\n", strings.Join(states, ", "))
	}

	w := r.Person.Wellbeing
	p("\nImpact on the person: %d episodes measured, %d measurements (%d invalid, %d mismatched, excluded)\n",
		r.Person.EpisodesMeasured, w.Records, w.Invalid, r.Person.Mismatched)
	for _, in := range w.Instruments {
		p("  %s: %d episodes, %d paired (excluded: %d baseline only, %d follow-up only, %d conflicting, %d date order)\n",
			in.Instrument, in.Episodes, in.Paired, in.BaselineOnly, in.FollowUpOnly, in.Conflicting, in.DateOrder)
		for _, s := range in.Scales {
			ci := "no CI (n < 2)"
			if s.CI95 != nil {
				ci = fmt.Sprintf("95%% CI %+.2f to %+.2f", s.CI95.Low, s.CI95.High)
			}
			p("    %-17s n %d, mean %.2f -> %.2f, change %+.2f (%s), improved %.0f%%, worsened %.0f%%%s\n",
				s.Scale, s.N, s.MeanBaseline, s.MeanFollowUp, s.MeanChange, ci, 100*s.ShareImproved, 100*s.ShareWorsened, direction(s.Scale))
		}
	}

	su := r.System.ServiceUse
	p("\nImpact on the health and care system (the change measured, not an effect): %d episodes recorded, %d included (excluded: %d invalid, %d duplicate, %d mismatched)\n",
		r.System.EpisodesRecorded, su.Episodes, su.Invalid, su.Duplicate, r.System.Mismatched)
	for _, s := range su.Services {
		pct := "no per-cent change from zero"
		if s.PercentChange != nil {
			pct = fmt.Sprintf("%+.0f%%", *s.PercentChange)
		}
		p("  %-23s %d episodes, %d before, %d after; per 30 days %.2f -> %.2f (%s)\n",
			s.Service, s.Episodes, s.Before, s.After, s.BeforePer30Days, s.AfterPer30Days, pct)
	}

	c := r.Community
	p("\nImpact on community groups: %d episodes with a plan, %d connected, %d attending\n",
		c.EpisodesWithPlan, c.EpisodesConnected, c.EpisodesAttending)
	p("  %d connections: %d referred (%d attended), %d signposted; %d attended in all; %d green\n",
		c.Connections, c.Referred, c.ReferredAttended, c.Signposted, c.Attended, c.Green)
	for _, g := range c.ByCategory {
		p("    %-23s %s\n", g.Category, counts(g.Counts))
	}
	p("  %d of %d providers received people\n", c.ProvidersReceiving, len(c.ByProvider))
	for _, g := range c.ByProvider {
		p("    %-23s %s\n", g.Provider, counts(g.Counts))
	}
	return b.String()
}

func counts(n Counts) string {
	return fmt.Sprintf("%d connections, %d referred, %d attended (%d of the referred), %d people, %d attending",
		n.Connections, n.Referred, n.Attended, n.ReferredAttended, n.People, n.PeopleAttending)
}

// direction notes the scales on which a fall is an improvement.
func direction(s outcomes.Scale) string {
	if s.HigherIsBetter() {
		return ""
	}
	return " (lower is better)"
}
