package episode

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// TestFeedbackGP checks the GP's message for the completed fixture against the fixture itself: the
// NHS number and date of birth, the two referred needs and physical inactivity found at assessment,
// one achieved goal, four contacts of 50+15+30+30 = 125 minutes, both connections in full, and the
// ONS4 and UCLA-3 change (life satisfaction 4 → 7, band low → high; anxiety 7 → 4, high → medium, an
// improvement; UCLA-3 8 → 5, an improvement), nothing withheld.
func TestFeedbackGP(t *testing.T) {
	e := fixture(t, "completed")
	f, err := NewFeedback(e, RecipientGP, d("2024-09-02"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Person == nil || f.Person.NHSNumber.Digits() != "9434765919" || f.Person.DateOfBirth != d("1948-02-29") {
		t.Errorf("person: got %v, want the NHS number and date of birth", f.Person)
	}
	wantStatus := Status{State: referral.StateCompleted, FHIRTaskStatus: "completed", Received: d("2024-05-13"), Accepted: d("2024-05-15"), Ended: d("2024-08-30")}
	if diff := cmp.Diff(wantStatus, f.Status); diff != "" {
		t.Errorf("status (-want +got):\n%s", diff)
	}
	wantNeeds := &NeedsGroup{
		Needs: []NeedLine{
			{Need: referral.NeedLoneliness, Referred: true, InPlan: true},
			{Need: referral.NeedLongTermConditions, Referred: true, InPlan: true},
			{Need: referral.NeedPhysicalInactivity, Referred: false, InPlan: true},
		},
		GoalsByStatus: []GoalCount{{Status: plan.GoalStatusAchieved, Goals: 1}},
	}
	if diff := cmp.Diff(wantNeeds, f.Needs); diff != "" {
		t.Errorf("needs (-want +got):\n%s", diff)
	}
	wantSupport := &Support{Contacts: 4, Minutes: 125, Connections: []ConnectionLine{
		{Category: plan.CategoryGardening, Mode: plan.ConnectionModeReferred, Status: plan.ConnectionStatusOngoing, Name: "Riverside Community Garden",
			Provider: "Riverside Allotment Society", ServiceID: "oruk-svc-2040", Referred: d("2024-05-17"), Started: d("2024-05-28")},
		{Category: plan.CategoryBefriending, Mode: plan.ConnectionModeSignposted, Status: plan.ConnectionStatusDeclined, Name: "Telephone befriending",
			Provider: "Age Friendly Riverside", Reason: plan.StopReasonPersonChoice, Ended: d("2024-06-03")},
	}}
	if diff := cmp.Diff(wantSupport, f.Support); diff != "" {
		t.Errorf("support (-want +got):\n%s", diff)
	}
	if f.Outcomes == nil || len(f.Outcomes.Changes) != 2 {
		t.Fatalf("outcomes: got %+v, want ONS4 and UCLA-3 changes", f.Outcomes)
	}
	ons, ucla := f.Outcomes.Changes[0], f.Outcomes.Changes[1]
	if ons.Instrument != outcomes.InstrumentONS4 || ucla.Instrument != outcomes.InstrumentUCLA3 {
		t.Fatalf("instruments %s, %s; want ons4, ucla3", ons.Instrument, ucla.Instrument)
	}
	ls, anx, u := ons.Items[0], ons.Items[3], ucla.Items[0]
	for _, c := range []struct {
		what string
		got  outcomes.ItemChange
		b, f float64
		dir  outcomes.Direction
	}{
		{"life satisfaction", ls, 4, 7, outcomes.DirectionImproved},
		{"anxiety", anx, 7, 4, outcomes.DirectionImproved},
		{"UCLA-3", u, 8, 5, outcomes.DirectionImproved},
	} {
		if c.got.Baseline != c.b || c.got.FollowUp != c.f || c.got.Direction != c.dir {
			t.Errorf("%s: got %v → %v %s, want %v → %v %s", c.what, c.got.Baseline, c.got.FollowUp, c.got.Direction, c.b, c.f, c.dir)
		}
	}
	if ls.BaselineBand != outcomes.BandLow || ls.FollowUpBand != outcomes.BandHigh || anx.BaselineBand != outcomes.BandHigh || anx.FollowUpBand != outcomes.BandMedium {
		t.Errorf("bands: life satisfaction %s → %s, anxiety %s → %s; want low → high, high → medium", ls.BaselineBand, ls.FollowUpBand, anx.BaselineBand, anx.FollowUpBand)
	}
	if len(f.Withheld) != 0 || f.Route != referral.ContactRouteGPSystem {
		t.Errorf("withheld %v, route %s; want nothing withheld, route gp-clinical-system", f.Withheld, f.Route)
	}
}

// TestFeedbackReferrer checks the referrer's message for the completed fixture: no demographics,
// only the needs of the referral, connections reduced to category, mode and status, outcomes, and
// the withheld fields listed, sorted.
func TestFeedbackReferrer(t *testing.T) {
	e := fixture(t, "completed")
	f, err := NewFeedback(e, RecipientReferrer, d("2024-09-02"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Person != nil || f.Route != referral.ContactRouteNHSMail {
		t.Errorf("person %v, route %s; want none, nhsmail", f.Person, f.Route)
	}
	wantNeeds := &NeedsGroup{Needs: []NeedLine{
		{Need: referral.NeedLoneliness, Referred: true, InPlan: true},
		{Need: referral.NeedLongTermConditions, Referred: true, InPlan: true},
	}}
	if diff := cmp.Diff(wantNeeds, f.Needs); diff != "" {
		t.Errorf("needs (-want +got):\n%s", diff)
	}
	wantConnections := []ConnectionLine{
		{Category: plan.CategoryGardening, Mode: plan.ConnectionModeReferred, Status: plan.ConnectionStatusOngoing},
		{Category: plan.CategoryBefriending, Mode: plan.ConnectionModeSignposted, Status: plan.ConnectionStatusDeclined},
	}
	if diff := cmp.Diff(wantConnections, f.Support.Connections); diff != "" {
		t.Errorf("connections (-want +got):\n%s", diff)
	}
	if f.Outcomes == nil {
		t.Error("outcomes withheld though the person consented to share them")
	}
	var got []string
	for _, w := range f.Withheld {
		got = append(got, string(w.Field)+" "+string(w.Reason))
	}
	want := []string{
		"needs.goalsByStatus minimum-necessary", "person minimum-necessary",
		"support.connections.ended minimum-necessary", "support.connections.name minimum-necessary",
		"support.connections.provider minimum-necessary", "support.connections.reason minimum-necessary",
		"support.connections.referred minimum-necessary", "support.connections.serviceId minimum-necessary",
		"support.connections.started minimum-necessary",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("withheld (-want +got):\n%s", diff)
	}
}

// TestFeedbackConsent checks what consent withholds.
func TestFeedbackConsent(t *testing.T) {
	tests := []struct {
		name, reason string
		fixture      string
		change       func(e *Episode)
		to           Recipient
		wantGroups   string
		wantWithheld []string
	}{
		{"outcomes refused", "no consent to share outcomes back: outcomes withheld", "completed",
			func(e *Episode) { e.Referral.Consent.ShareOutcomes = referral.ConsentStatusRefused }, RecipientGP,
			"status, person, needs, support", []string{"outcomes no-outcomes-consent"}},
		{"outcomes not asked", "consent not asked is not consent", "completed",
			func(e *Episode) { e.Referral.Consent.ShareOutcomes = referral.ConsentStatusNotAsked }, RecipientGP,
			"status, person, needs, support", []string{"outcomes no-outcomes-consent"}},
		{"declined", "the person declined: only the status and, for the GP, whom it is about", "declined",
			func(*Episode) {}, RecipientGP,
			"status, person", []string{"needs no-referral-consent", "outcomes no-referral-consent", "support no-referral-consent"}},
		{"declined, referrer", "the referrer learns the status alone", "declined",
			func(*Episode) {}, RecipientReferrer,
			"status", []string{"needs no-referral-consent", "outcomes no-referral-consent", "person minimum-necessary", "support no-referral-consent"}},
		{"self-referral in progress", "outcomes refused; baselines only, so no change yet", "self-referral-in-progress",
			func(*Episode) {}, RecipientGP,
			"status, person, needs, support", []string{"outcomes no-outcomes-consent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fixture(t, tt.fixture).Clone()
			tt.change(&e)
			f, err := NewFeedback(e, tt.to, d("2024-10-01"))
			if err != nil {
				t.Fatal(err)
			}
			if g := f.groups(); g != tt.wantGroups {
				t.Errorf("%s: groups %q, want %q", tt.reason, g, tt.wantGroups)
			}
			var got []string
			for _, w := range f.Withheld {
				got = append(got, string(w.Field)+" "+string(w.Reason))
			}
			if diff := cmp.Diff(tt.wantWithheld, got); diff != "" {
				t.Errorf("%s: withheld (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestFeedbackErrors checks the errors of NewFeedback.
func TestFeedbackErrors(t *testing.T) {
	self := fixture(t, "self-referral-in-progress")
	completed := fixture(t, "completed")
	broken := completed.Clone()
	broken.Plan.EpisodeID = "ep-x"
	tests := []struct {
		name, reason string
		e            Episode
		to           Recipient
		on           sp.Date
		want         error
	}{
		{"self-referral to referrer", "a self-referral has no referrer", self, RecipientReferrer, d("2024-10-01"), ErrNoRecipient},
		{"unknown recipient", "recipients are gp or referrer", completed, "commissioner", d("2024-10-01"), sp.ErrInvalid},
		{"no date", "the message needs the day it was prepared", completed, RecipientGP, sp.Date{}, sp.ErrInvalid},
		{"invalid episode", "no message from an episode whose parts do not belong together", broken, RecipientGP, d("2024-10-01"), sp.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewFeedback(tt.e, tt.to, tt.on)
			if !errors.Is(err, tt.want) {
				t.Errorf("%s: got %v, want %v", tt.reason, err, tt.want)
			}
			if err != nil && (strings.Contains(err.Error(), "9434765919") || !strings.HasPrefix(err.Error(), "episode")) {
				t.Errorf("error %q holds personal data or does not start with the package name", err)
			}
		})
	}
	if _, err := NewFeedback(self, RecipientGP, d("2024-10-01")); err != nil {
		t.Errorf("a self-referral still reports back to the GP: %v", err)
	}
}

// TestFeedbackOutcomesPairing: the earliest baseline and the latest follow-up are used; two different
// answers on the day used leave the instrument out; a baseline alone is awaiting follow-up.
func TestFeedbackOutcomesPairing(t *testing.T) {
	e := fixture(t, "completed").Clone()
	// A later baseline and an earlier follow-up of ONS4, which must not be used.
	later := cloneMeasurement(e.Measurements[0])
	later.Date = d("2024-06-01")
	*later.ONS4.LifeSatisfaction = 0
	earlier := cloneMeasurement(e.Measurements[1])
	earlier.Date = d("2024-07-01")
	*earlier.ONS4.LifeSatisfaction = 10
	// A second UCLA-3 follow-up on the day of the latest, with other answers: a conflict.
	conflict := cloneMeasurement(e.Measurements[3])
	conflict.UCLA3.LeftOut = 3
	// A SWEMWBS baseline alone.
	sw := outcomes.Measurement{EpisodeID: e.EpisodeID(), Date: d("2024-05-16"), Timepoint: outcomes.TimepointBaseline,
		Instrument: outcomes.InstrumentSWEMWBS, SWEMWBS: &outcomes.SWEMWBS{Items: []int{3, 3, 3, 3, 3, 3, 3}}}
	e.Measurements = append(e.Measurements, later, earlier, conflict, sw)
	f, err := NewFeedback(e, RecipientGP, d("2024-09-02"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Outcomes.Changes) != 1 || f.Outcomes.Changes[0].Instrument != outcomes.InstrumentONS4 {
		t.Fatalf("changes %v; want ONS4 only (UCLA-3 conflicts)", f.Outcomes.Changes)
	}
	if it := f.Outcomes.Changes[0].Items[0]; it.Baseline != 4 || it.FollowUp != 7 {
		t.Errorf("life satisfaction %v → %v, want 4 → 7 (earliest baseline, latest follow-up)", it.Baseline, it.FollowUp)
	}
	if diff := cmp.Diff([]outcomes.Instrument{outcomes.InstrumentSWEMWBS}, f.Outcomes.AwaitingFollowUp); diff != "" {
		t.Errorf("awaiting follow-up (-want +got):\n%s", diff)
	}
}

// TestFeedbackJSON: a message renders to JSON with its withheld list always present.
func TestFeedbackJSON(t *testing.T) {
	f, err := NewFeedback(fixture(t, "declined"), RecipientReferrer, d("2024-09-05"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"episodeId":"ep-2024-0108","recipient":"referrer","route":"gp-clinical-system","prepared":"2024-09-05",` +
		`"status":{"state":"declined","fhirTaskStatus":"cancelled","businessStatus":"declined-by-person","received":"2024-09-02","ended":"2024-09-04"},` +
		`"withheld":[{"field":"needs","reason":"no-referral-consent"},{"field":"outcomes","reason":"no-referral-consent"},` +
		`{"field":"person","reason":"minimum-necessary"},{"field":"support","reason":"no-referral-consent"}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}
