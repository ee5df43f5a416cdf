package episode

import (
	"fmt"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

// Text renders the report as a readable plain-text summary: the episodes and their states, then the
// three headings (person, system, community) with the framework caveat. Means and changes have two
// decimals, shares and per-cent changes none; the output depends on nothing but the report.
func (r Report) Text() string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	f := r.fmt()
	p("Common outcomes report: %s episodes", f.n("/episodes", r.Episodes))
	if r.From.IsValid() {
		p(", referrals received %s to %s", r.From, r.To)
	}
	p("\n")
	if x := r.Exclusions; x.Invalid > 0 || x.OutsidePeriod > 0 || x.PeriodFrom.IsValid() || x.PeriodTo.IsValid() {
		p("  excluded: %s invalid, %s outside the period", f.n("/exclusions/invalid", x.Invalid), f.n("/exclusions/outsidePeriod", x.OutsidePeriod))
		if x.PeriodFrom.IsValid() || x.PeriodTo.IsValid() {
			p(" (%s to %s)", dateOr(x.PeriodFrom, "any date"), dateOr(x.PeriodTo, "any date"))
		}
		p("\n")
	}
	if s := r.Suppression; s != nil {
		p("  small numbers hidden: a count from 1 to %d is shown as <%d, and a figure hidden with one (whatever its value) as \"hidden\"\n", s.Threshold-1, s.Threshold)
	}
	if r.DuplicateIDs > 0 || f.hidden("/duplicateIds") {
		p("  %s episodes share an id with another episode\n", f.n("/duplicateIds", r.DuplicateIDs))
	}
	p("Headings: person, health and care system, community groups (framework split: confidence %s, not found in NHS England text)\n", r.FrameworkConfidence)
	var states []string
	for i, s := range r.States {
		if path := "/states/" + strconv.Itoa(i) + "/episodes"; s.Episodes > 0 || f.hidden(path) {
			states = append(states, fmt.Sprintf("%s %s", s.State, f.n(path, s.Episodes)))
		}
	}
	if r.UnknownState > 0 || f.hidden("/unknownState") {
		states = append(states, "unknown "+f.n("/unknownState", r.UnknownState))
	}
	if len(states) > 0 {
		p("Episodes by state: %s\n", strings.Join(states, ", "))
	}

	w := r.Person.Wellbeing
	p("\nImpact on the person: %s episodes measured, %s measurements (%s invalid, %s mismatched, excluded)\n",
		f.n("/person/episodesMeasured", r.Person.EpisodesMeasured), f.n("/person/wellbeing/records", w.Records),
		f.n("/person/wellbeing/invalid", w.Invalid), f.n("/person/mismatched", r.Person.Mismatched))
	for i, in := range w.Instruments {
		ip := "/person/wellbeing/instruments/" + strconv.Itoa(i)
		p("  %s: %s episodes, %s paired (excluded: %s baseline only, %s follow-up only, %s conflicting, %s date order)\n",
			in.Instrument, f.n(ip+"/episodes", in.Episodes), f.n(ip+"/paired", in.Paired), f.n(ip+"/baselineOnly", in.BaselineOnly),
			f.n(ip+"/followUpOnly", in.FollowUpOnly), f.n(ip+"/conflicting", in.Conflicting), f.n(ip+"/dateOrder", in.DateOrder))
		for j, s := range in.Scales {
			sc := ip + "/scales/" + strconv.Itoa(j)
			ci := "no CI (n < 2)"
			switch {
			case f.hidden(sc + "/ci95"):
				ci = "95% CI hidden"
			case s.CI95 != nil:
				ci = fmt.Sprintf("95%% CI %+.2f to %+.2f", s.CI95.Low, s.CI95.High)
			}
			p("    %-17s n %s, mean %s -> %s, change %s (%s), improved %s, worsened %s%s\n",
				s.Scale, f.n(sc+"/n", s.N), f.x(sc+"/meanBaseline", "%.2f", s.MeanBaseline), f.x(sc+"/meanFollowUp", "%.2f", s.MeanFollowUp),
				f.x(sc+"/meanChange", "%+.2f", s.MeanChange), ci, f.x(sc+"/shareImproved", "%.0f%%", 100*s.ShareImproved),
				f.x(sc+"/shareWorsened", "%.0f%%", 100*s.ShareWorsened), direction(s.Scale))
		}
	}

	su := r.System.ServiceUse
	p("\nImpact on the health and care system (the change measured, not an effect): %s episodes recorded, %s included (excluded: %s invalid, %s duplicate, %s mismatched)\n",
		f.n("/system/episodesRecorded", r.System.EpisodesRecorded), f.n("/system/serviceUse/episodes", su.Episodes),
		f.n("/system/serviceUse/invalid", su.Invalid), f.n("/system/serviceUse/duplicate", su.Duplicate), f.n("/system/mismatched", r.System.Mismatched))
	for i, s := range su.Services {
		sv := "/system/serviceUse/services/" + strconv.Itoa(i)
		pct := "no per-cent change from zero"
		switch {
		case f.hidden(sv + "/percentChange"):
			pct = "per-cent change hidden"
		case s.PercentChange != nil:
			pct = fmt.Sprintf("%+.0f%%", *s.PercentChange)
		}
		p("  %-23s %s episodes, %s before, %s after; per 30 days %s -> %s (%s)\n",
			s.Service, f.n(sv+"/episodes", s.Episodes), f.n64(sv+"/before", s.Before), f.n64(sv+"/after", s.After),
			f.x(sv+"/beforePer30Days", "%.2f", s.BeforePer30Days), f.x(sv+"/afterPer30Days", "%.2f", s.AfterPer30Days), pct)
	}

	c := r.Community
	p("\nImpact on community groups: %s episodes with a plan, %s connected, %s attending\n",
		f.n("/community/episodesWithPlan", c.EpisodesWithPlan), f.n("/community/episodesConnected", c.EpisodesConnected),
		f.n("/community/episodesAttending", c.EpisodesAttending))
	p("  %s connections: %s referred (%s attended), %s signposted; %s attended in all; %s green\n",
		f.n("/community/connections", c.Connections), f.n("/community/referred", c.Referred), f.n("/community/referredAttended", c.ReferredAttended),
		f.n("/community/signposted", c.Signposted), f.n("/community/attended", c.Attended), f.n("/community/green", c.Green))
	for i, g := range c.ByCategory {
		p("    %-23s %s\n", g.Category, f.counts("/community/byCategory/"+strconv.Itoa(i), g.Counts))
	}
	p("  %s of %d providers received people\n", f.n("/community/providersReceiving", c.ProvidersReceiving), len(c.ByProvider))
	for i, g := range c.ByProvider {
		p("    %-23s %s\n", g.Provider, f.counts("/community/byProvider/"+strconv.Itoa(i), g.Counts))
	}
	return b.String()
}

// dateOr returns d, or the text when d is the zero Date.
func dateOr(d sp.Date, none string) string {
	if d.IsValid() {
		return d.String()
	}
	return none
}

// textFormat formats the report's numbers, hidden ones as "<N" (a count from 1 to N − 1) or
// "hidden" (a figure hidden with such a count).
type textFormat struct{ s *Suppression }

func (r Report) fmt() textFormat { return textFormat{r.Suppression} }

func (f textFormat) hidden(ptr string) bool { return f.s.Hides(ptr) }

func (f textFormat) n(ptr string, v int) string { return f.n64(ptr, int64(v)) }

func (f textFormat) n64(ptr string, v int64) string {
	if f.s.Below(ptr) {
		return "<" + strconv.Itoa(f.s.Threshold)
	}
	if f.s.Hides(ptr) {
		return "hidden" // with a small count: its own value may be larger
	}
	return strconv.FormatInt(v, 10)
}

func (f textFormat) x(ptr, format string, v float64) string {
	if f.s.Hides(ptr) {
		return "hidden"
	}
	return fmt.Sprintf(format, v)
}

func (f textFormat) counts(ptr string, n Counts) string {
	return fmt.Sprintf("%s connections, %s referred, %s attended (%s of the referred), %s people, %s attending",
		f.n(ptr+"/connections", n.Connections), f.n(ptr+"/referred", n.Referred), f.n(ptr+"/attended", n.Attended),
		f.n(ptr+"/referredAttended", n.ReferredAttended), f.n(ptr+"/people", n.People), f.n(ptr+"/peopleAttending", n.PeopleAttending))
}

// direction notes the scales on which a fall is an improvement.
func direction(s outcomes.Scale) string {
	if s.HigherIsBetter() {
		return ""
	}
	return " (lower is better)"
}
