package episode

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func fixtureCohort(t testing.TB) []Episode {
	return []Episode{fixture(t, "completed"), fixture(t, "received"), fixture(t, "declined"), fixture(t, "self-referral-in-progress")}
}

// TestReportFixtures checks the report over the four valid fixtures against counts taken from the
// fixture files by hand.
func TestReportFixtures(t *testing.T) {
	r := NewReport(fixtureCohort(t))
	if r.Episodes != 4 || r.From != d("2024-05-01") || r.To != d("2024-09-30") || r.FrameworkConfidence != sp.ConfidenceUnconfirmed {
		t.Errorf("header: %d episodes %s to %s, %s; want 4, 2024-05-01 to 2024-09-30 (the whole months of the first and last referral received), unconfirmed", r.Episodes, r.From, r.To, r.FrameworkConfidence)
	}
	states := map[referral.State]int{}
	for _, s := range r.States {
		if s.Episodes > 0 {
			states[s.State] = s.Episodes
		}
	}
	wantStates := map[referral.State]int{referral.StateReceived: 1, referral.StateDeclined: 1, referral.StateInProgress: 1, referral.StateCompleted: 1}
	if diff := cmp.Diff(wantStates, states); diff != "" || len(r.States) != len(referral.States()) {
		t.Errorf("states (-want +got):\n%s", diff)
	}

	// Person: the completed episode has ONS4 and UCLA-3 baseline and follow-up; the self-referral
	// baselines only.
	w := r.Person.Wellbeing
	if r.Person.EpisodesMeasured != 2 || w.Records != 6 || w.Invalid != 0 || len(w.Instruments) != 2 {
		t.Fatalf("person: %d measured, %d records, %d instruments; want 2, 6, 2", r.Person.EpisodesMeasured, w.Records, len(w.Instruments))
	}
	ons := w.Instruments[0]
	if ons.Instrument != outcomes.InstrumentONS4 || ons.Paired != 1 || ons.BaselineOnly != 1 {
		t.Errorf("ONS4: %+v; want 1 paired, 1 baseline only", ons)
	}
	if ls := ons.Scales[0]; ls.MeanBaseline != 4 || ls.MeanFollowUp != 7 || ls.MeanChange != 3 || ls.CI95 != nil || ls.Improved != 1 {
		t.Errorf("life satisfaction: %+v; want 4 → 7, change 3, no CI for n = 1", ls)
	}
	if u := w.Instruments[1].Scales[0]; u.MeanChange != -3 || u.Improved != 1 {
		t.Errorf("UCLA-3: %+v; want change -3, improved", u)
	}

	// System: one record; GP consultations 9 in 182 days before (2023-11-13 to 2024-05-12) and 5 in
	// 184 days after (2024-05-13 to 2024-11-12): a rate change of (5/184 − 9/182) / (9/182) = −45.05%.
	s := r.System
	if s.EpisodesRecorded != 1 || s.ServiceUse.Episodes != 1 || len(s.ServiceUse.Services) != 2 {
		t.Fatalf("system: %+v", s)
	}
	gp := s.ServiceUse.Services[0]
	if gp.Service != outcomes.ServiceGPConsultations || gp.Before != 9 || gp.After != 5 || gp.BeforeDays != 182 || gp.AfterDays != 184 {
		t.Errorf("GP consultations: %+v", gp)
	}
	if want := (5.0/184 - 9.0/182) / (9.0 / 182) * 100; gp.PercentChange == nil || math.Abs(*gp.PercentChange-want) > 1e-9 {
		t.Errorf("GP per-cent change %v, want %.4f", gp.PercentChange, want)
	}

	// Community: two plans, each with a referred gardening connection (ongoing) with Riverside
	// Allotment Society and a signposted befriending one (declined) with Age Friendly Riverside.
	c := r.Community
	wantCounts := struct{ plans, connected, attending, conns, signposted, referred, attended, refAtt, green, receiving int }{2, 2, 2, 4, 2, 2, 2, 2, 2, 1}
	gotCounts := struct{ plans, connected, attending, conns, signposted, referred, attended, refAtt, green, receiving int }{
		c.EpisodesWithPlan, c.EpisodesConnected, c.EpisodesAttending, c.Connections, c.Signposted, c.Referred, c.Attended, c.ReferredAttended, c.Green, c.ProvidersReceiving}
	if gotCounts != wantCounts {
		t.Errorf("community counts: got %+v, want %+v", gotCounts, wantCounts)
	}
	wantCat := []GroupCount{
		{Category: plan.CategoryGardening, Counts: Counts{Connections: 2, Referred: 2, Attended: 2, ReferredAttended: 2, People: 2, PeopleAttending: 2}},
		{Category: plan.CategoryBefriending, Counts: Counts{Connections: 2, Signposted: 2, People: 2}},
	}
	if diff := cmp.Diff(wantCat, c.ByCategory); diff != "" {
		t.Errorf("by category (-want +got):\n%s", diff)
	}
	wantProv := []ProviderCount{
		{Provider: "Age Friendly Riverside", Counts: Counts{Connections: 2, Signposted: 2, People: 2}},
		{Provider: "Riverside Allotment Society", Counts: Counts{Connections: 2, Referred: 2, Attended: 2, ReferredAttended: 2, People: 2, PeopleAttending: 2}},
	}
	if diff := cmp.Diff(wantProv, c.ByProvider); diff != "" {
		t.Errorf("by provider (-want +got):\n%s", diff)
	}
}

// TestReportPeopleCountedOnce: a person with two connections to one provider is one person of it.
func TestReportPeopleCountedOnce(t *testing.T) {
	e := fixture(t, "completed").Clone()
	e.Plan.Connections[1].Provider = e.Plan.Connections[0].Provider
	e.Plan.Connections[1].Category = plan.CategoryGardening
	r := NewReport([]Episode{e})
	want := []ProviderCount{{Provider: "Riverside Allotment Society", Counts: Counts{Connections: 2, Referred: 1, Signposted: 1, Attended: 1, ReferredAttended: 1, People: 1, PeopleAttending: 1}}}
	if diff := cmp.Diff(want, r.Community.ByProvider); diff != "" {
		t.Errorf("by provider (-want +got):\n%s", diff)
	}
	if g := r.Community.ByCategory; len(g) != 1 || g[0].People != 1 || g[0].Connections != 2 {
		t.Errorf("by category: %+v; want one gardening line, 2 connections, 1 person", g)
	}
}

// TestReportUnvalidated: the report reads episodes as they are; values outside the enums and parts of
// another episode are counted apart, and it still renders.
func TestReportUnvalidated(t *testing.T) {
	e := fixture(t, "completed").Clone()
	e.Referral.State = "lost"
	e.Plan.Connections[0].Category = "bingo"
	e.Plan.Connections[0].Status = "maybe"
	e.Plan.Connections[0].Mode = "by-pigeon"
	e.Measurements[0].EpisodeID = "ep-x"
	e.ServiceUse.EpisodeID = "ep-x"
	dup := fixture(t, "completed")
	r := NewReport([]Episode{e, dup, {}})
	c := r.Community
	got := []int{r.UnknownState, c.UnknownCategory, c.UnknownStatus, c.UnknownMode, r.Person.Mismatched, r.System.Mismatched, r.DuplicateIDs}
	if diff := cmp.Diff([]int{2, 1, 1, 1, 1, 1, 2}, got); diff != "" {
		t.Errorf("unknown state, category, status, mode, mismatched measurements, service use, duplicate ids (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("report of unvalidated episodes does not render: %v", err)
	}
	_ = r.Text()
}

// TestReportEmpty: no episodes give an empty report that still renders, with every list present.
func TestReportEmpty(t *testing.T) {
	r := NewReport(nil)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"episodes":0`, `"instruments":[]`, `"services":[]`, `"byCategory":[]`, `"byProvider":[]`, `"frameworkConfidence":"unconfirmed"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
	if !strings.HasPrefix(r.Text(), "Common outcomes report: 0 episodes\n") {
		t.Errorf("text: %s", r.Text())
	}
}

// TestReportText checks the text names the three headings, the caveat and the figures computed by
// hand in TestReportFixtures.
func TestReportText(t *testing.T) {
	txt := NewReport(fixtureCohort(t)).Text()
	for _, want := range []string{
		"Common outcomes report: 4 episodes, referrals received 2024-05-01 to 2024-09-30",
		"confidence unconfirmed",
		"Impact on the person: 2 episodes measured",
		"life-satisfaction n 1, mean 4.00 -> 7.00, change +3.00 (no CI (n < 2))",
		"ucla3-total       n 1, mean 8.00 -> 5.00, change -3.00",
		"(lower is better)",
		"Impact on the health and care system (the change measured, not an effect)",
		"gp-consultations        1 episodes, 9 before, 5 after; per 30 days 1.48 -> 0.82 (-45%)",
		"Impact on community groups: 2 episodes with a plan, 2 connected, 2 attending",
		"1 of 2 providers received people",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
}
