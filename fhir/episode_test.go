package fhir_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/internal/cohortgen"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// genEpisode draws a valid episode: a generated referral accepted on its received day, a plan with
// goals, contacts and connections in every status, measurements of every instrument and a service-use
// record.
func genEpisode() *rapid.Generator[episode.Episode] {
	return rapid.Custom(func(t *rapid.T) episode.Episode {
		r := genReferral().Draw(t, "referral")
		r.History, r.State, r.Safeguarding = nil, referral.StateReceived, referral.Safeguarding{}
		r, err := r.Apply(referral.Event{Kind: referral.EventKindAccept, At: r.Received.Time(time.UTC).Add(9 * time.Hour), By: sp.RoleLinkWorker})
		if err != nil {
			t.Fatalf("accept: %v", err)
		}
		day := r.Received
		var needs []referral.Need
		for _, n := range r.Needs {
			if !slices.Contains(needs, n.Need) {
				needs = append(needs, n.Need)
			}
		}
		p, err := plan.New(r, day, text(1, 200).Draw(t, "wmtm"), needs...)
		if err != nil {
			t.Fatalf("plan: %v", err)
		}
		if rapid.Bool().Draw(t, "agreed") {
			p, _ = p.Agree(day)
		}
		p.ReviewDates = []sp.Date{day.AddDays(30)}
		for range rapid.IntRange(0, 3).Draw(t, "goals") {
			g := plan.Goal{Description: text(1, 100).Draw(t, "goal"), Needs: []referral.Need{rapid.SampledFrom(p.Needs).Draw(t, "goalNeed")},
				Set: day, Target: day.AddDays(60), Status: rapid.SampledFrom(plan.GoalStatuses()).Draw(t, "goalStatus")}
			if g.Status == plan.GoalStatusDropped {
				g.Reason = plan.StopReasonPersonChoice
			}
			if rapid.Bool().Draw(t, "progress") {
				g.Progress = []plan.ProgressNote{{Date: day.AddDays(7), Note: text(1, 100).Draw(t, "progressNote")}}
			}
			p.Goals = append(p.Goals, g)
		}
		for range rapid.IntRange(0, 3).Draw(t, "contacts") {
			p.Contacts = append(p.Contacts, plan.Contact{Date: day.AddDays(rapid.IntRange(0, 30).Draw(t, "contactDay")),
				Mode: rapid.SampledFrom(plan.ContactModes()).Draw(t, "mode"), Minutes: rapid.IntRange(1, 480).Draw(t, "minutes"), Kind: rapid.SampledFrom(plan.ContactKinds()).Draw(t, "kind")})
		}
		for _, st := range rapid.SliceOfNDistinct(rapid.SampledFrom(plan.ConnectionStatuses()), 0, 6, rapid.ID[plan.ConnectionStatus]).Draw(t, "connections") {
			c := plan.Connection{Category: rapid.SampledFrom(plan.Categories()).Draw(t, "category"), Name: text(1, 50).Draw(t, "name"),
				Provider: text(1, 50).Draw(t, "provider"), Status: st, Suggested: day, Mode: plan.ConnectionModeSignposted}
			if st == plan.ConnectionStatusReferred || (st != plan.ConnectionStatusSuggested && rapid.Bool().Draw(t, "referredMode")) {
				c.Mode, c.Referred = plan.ConnectionModeReferred, day.AddDays(1)
			}
			switch st {
			case plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusStopped:
				c.Started = day.AddDays(2)
			}
			switch st {
			case plan.ConnectionStatusDeclined, plan.ConnectionStatusStopped:
				c.Ended, c.Reason = day.AddDays(3), plan.StopReasonOther
				c.ReasonNote = text(1, 50).Draw(t, "reasonNote")
			}
			if rapid.Bool().Draw(t, "serviceId") {
				c.ServiceID = "oruk-svc-1"
			}
			p.Connections = append(p.Connections, c)
		}
		var ms []outcomes.Measurement
		for _, inst := range outcomes.Instruments() {
			m := outcomes.Measurement{EpisodeID: r.EpisodeID, Date: day.AddDays(1), Timepoint: rapid.SampledFrom(outcomes.Timepoints()).Draw(t, "timepoint"), Instrument: inst}
			items := func(n, hi int) []int {
				return rapid.SliceOfN(rapid.IntRange(1, hi), n, n).Draw(t, "items")
			}
			score := func() *int { v := rapid.IntRange(0, 10).Draw(t, "ons4"); return &v }
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
			ms = append(ms, m)
		}
		b, a := rapid.IntRange(0, 20).Draw(t, "before"), rapid.IntRange(0, 20).Draw(t, "after")
		su := &outcomes.ServiceUse{EpisodeID: r.EpisodeID,
			Before: outcomes.Window{From: r.Received.AddDays(-90), To: r.Received.AddDays(-1)}, After: outcomes.Window{From: r.Received, To: r.Received.AddDays(89)},
			Items: []outcomes.ServiceCount{{Service: outcomes.ServiceGPConsultations, Before: &b, After: &a}}}
		e, err := episode.New(r, &p, ms, su)
		if err != nil {
			t.Fatalf("generated episode invalid: %v", err)
		}
		return e
	})
}

// TestPropertyEpisodeExport: every resource exported from a generated episode passes the R4 schema
// and the UK Core and Gravity checks, and the Bundle imports to the episode's referral.
func TestPropertyEpisodeExport(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode().Draw(t, "episode")
		b, err := fhir.ExportEpisode(e, fhir.Options{NHSNumberVerification: "01"})
		if err != nil {
			t.Fatal(err)
		}
		data := marshal(t, b)
		if probs := checkBundle(t, data); len(probs) > 0 {
			t.Fatalf("exported Bundle: %s", strings.Join(probs, "\n"))
		}
		kinds := map[string]int{}
		for _, en := range b.Entry {
			kinds[en.Resource.FHIRType()]++
		}
		if kinds["Goal"] != len(e.Plan.Goals) || kinds["Observation"] != len(e.Measurements)+1 || kinds["CarePlan"] != 1 {
			t.Fatalf("resources %v for %d goals and %d measurements", kinds, len(e.Plan.Goals), len(e.Measurements))
		}
		got, err := fhir.Import(data)
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if got.Referral.EpisodeID != e.Referral.EpisodeID || len(got.Referral.History) != len(e.Referral.History) {
			t.Fatalf("imported referral differs")
		}
	})
}

// TestExportCohort: the episodes of the shared cohort generator, along every path of the lifecycle,
// export to resources that pass the R4 schema and the UK Core and Gravity checks, and their referrals
// survive export then import unchanged.
func TestExportCohort(t *testing.T) {
	for _, e := range cohortgen.Cohort(60, 13) {
		b, err := fhir.ExportEpisode(e, fhir.Options{})
		if err != nil {
			t.Fatalf("%s: %v", e.Referral.EpisodeID, err)
		}
		if probs := checkBundle(t, marshal(t, b)); len(probs) > 0 {
			t.Errorf("%s (%s): %s", e.Referral.EpisodeID, e.Referral.State, strings.Join(probs, "\n"))
		}
		roundTrip(t, e.Referral, fhir.Options{NHSNumberVerification: "03"})
	}
}
