package referral_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// applyAll applies events in order, failing the test on the first error.
func applyAll(t *testing.T, r referral.Referral, es ...referral.Event) referral.Referral {
	t.Helper()
	for i, e := range es {
		var err error
		r, err = r.Apply(e)
		if err != nil {
			t.Fatalf("setup event %d (%s): %v", i, e.Kind, err)
		}
	}
	return r
}

func TestApply(t *testing.T) {
	accepted := []referral.Event{ev(referral.EventKindAccept, at(14, 9))}
	inProgress := append(slices.Clone(accepted), ev(referral.EventKindContact, at(15, 9)))
	onHoldFromAccepted := append(slices.Clone(accepted), ev(referral.EventKindHold, at(15, 9)))
	onHoldFromProgress := append(slices.Clone(inProgress), ev(referral.EventKindHold, at(16, 9)))
	completed := append(slices.Clone(inProgress), ev(referral.EventKindComplete, at(20, 9)))
	tests := []struct {
		name   string
		reason string
		setup  []referral.Event
		event  referral.Event
		want   referral.State // "" means the event must be refused
	}{
		{"accept", "the person agrees (received → accepted)", nil, ev(referral.EventKindAccept, at(14, 9)), referral.StateAccepted},
		{"decline", "the person declines from received", nil, ev(referral.EventKindDecline, at(14, 9)), referral.StateDeclined},
		{"reject with reason", "the service rejects with a reason", nil, evr(referral.EventKindReject, at(14, 9), referral.ReasonOutOfArea), referral.StateRejected},
		{"reject without reason", "a reason is required on rejection (the Gravity closed-loop referral)", nil, ev(referral.EventKindReject, at(14, 9)), ""},
		{"cancel without reason", "the referrer must give a reason to cancel", nil, ev(referral.EventKindCancel, at(14, 9)), ""},
		{"cancel with reason", "the referrer withdraws the referral", nil, evr(referral.EventKindCancel, at(14, 9), referral.ReasonNoLongerNeeded), referral.StateCancelled},
		{"close unable to contact", "closed without completion before any contact", nil, evr(referral.EventKindClose, at(30, 9), referral.ReasonUnableToContact), referral.StateClosedIncomplete},
		{"close without reason", "closing without completion needs a reason", accepted, ev(referral.EventKindClose, at(30, 9)), ""},
		{"close with a reject reason", "the reason must be one the kind takes", accepted, evr(referral.EventKindClose, at(30, 9), referral.ReasonOutOfArea), ""},
		{"close other without note", "reason other needs a note", accepted, evr(referral.EventKindClose, at(30, 9), referral.ReasonOther), ""},
		{"contact before accept", "work starts only once the person agrees", nil, ev(referral.EventKindContact, at(14, 9)), ""},
		{"first contact", "the first contact starts the work", accepted, ev(referral.EventKindContact, at(15, 9)), referral.StateInProgress},
		{"further contact", "contacts continue in progress", inProgress, ev(referral.EventKindContact, at(16, 9)), referral.StateInProgress},
		{"complete from accepted", "completion needs at least one contact", accepted, ev(referral.EventKindComplete, at(16, 9)), ""},
		{"complete", "in progress → completed", inProgress, ev(referral.EventKindComplete, at(16, 9)), referral.StateCompleted},
		{"resume to accepted", "a hold returns to the state it interrupted", onHoldFromAccepted, ev(referral.EventKindResume, at(16, 9)), referral.StateAccepted},
		{"resume to in progress", "a hold returns to the state it interrupted", onHoldFromProgress, ev(referral.EventKindResume, at(17, 9)), referral.StateInProgress},
		{"complete while on hold", "resume first", onHoldFromProgress, ev(referral.EventKindComplete, at(17, 9)), ""},
		{"refer onward", "in progress → referred onward", inProgress, ev(referral.EventKindReferOnward, at(16, 9)), referral.StateReferredOnward},
		{"accept after completion", "terminal states stay terminal", completed, ev(referral.EventKindAccept, at(21, 9)), ""},
		{"contact after completion", "terminal states stay terminal", completed, ev(referral.EventKindContact, at(21, 9)), ""},
		{"time goes backwards", "event times never go backwards", inProgress, ev(referral.EventKindContact, at(15, 8)), ""},
		{"same instant", "an event at the same instant as the last is not backwards", inProgress, ev(referral.EventKindContact, at(15, 9)), referral.StateInProgress},
		{"before received", "no event before the referral was received", nil, ev(referral.EventKindAccept, at(12, 9)), ""},
		{"zero time", "an event needs an instant", nil, ev(referral.EventKindAccept, time.Time{}), ""},
		{"unknown role", "the role must be defined", nil, referral.Event{Kind: referral.EventKindAccept, At: at(14, 9), By: "nurse"}, ""},
		{"unknown kind", "the kind must be defined", nil, ev("discharge", at(14, 9)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := applyAll(t, sample(), tt.setup...)
			before := r.Clone()
			got, err := r.Apply(tt.event)
			if tt.want == "" {
				if !errors.Is(err, referral.ErrTransition) {
					t.Fatalf("Apply: got err %v, want one wrapping ErrTransition (%s)", err, tt.reason)
				}
				if diff := cmp.Diff(before, got); diff != "" {
					t.Errorf("refused Apply changed the referral (-before +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Apply: got err %v, want state %s (%s)", err, tt.want, tt.reason)
			}
			if got.State != tt.want {
				t.Errorf("State: got %s, want %s (%s)", got.State, tt.want, tt.reason)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Validate after Apply: got %v, want nil", err)
			}
			if diff := cmp.Diff(before, r); diff != "" {
				t.Errorf("Apply changed its receiver (-before +after):\n%s", diff)
			}
		})
	}
}

func TestApplyConsent(t *testing.T) {
	r := sample()
	r.Consent.Referral = referral.ConsentStatusNotAsked
	got, err := r.Apply(ev(referral.EventKindAccept, at(14, 9)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Consent.Referral != referral.ConsentStatusGiven {
		t.Errorf("accept: consent got %s, want given (accepting is agreeing to the referral)", got.Consent.Referral)
	}
	got, err = r.Apply(ev(referral.EventKindDecline, at(14, 9)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Consent.Referral != referral.ConsentStatusRefused {
		t.Errorf("decline: consent got %s, want refused", got.Consent.Referral)
	}
}

// TestApplyNoAliasing checks that two Applies to the same referral never see each other's events,
// even when the history slice has spare capacity.
func TestApplyNoAliasing(t *testing.T) {
	r := applyAll(t, sample(), ev(referral.EventKindAccept, at(14, 9)))
	r.History = slices.Grow(r.History, 8) // spare capacity tempts an in-place append
	a, err := r.Apply(ev(referral.EventKindContact, at(15, 9)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Apply(ev(referral.EventKindHold, at(15, 10)))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.History[1].Kind; got != referral.EventKindContact {
		t.Errorf("first result's event 1: got %s, want contact (overwritten by the second Apply)", got)
	}
	if got := b.History[1].Kind; got != referral.EventKindHold {
		t.Errorf("second result's event 1: got %s, want hold", got)
	}
	a.History[0].Note = "changed"
	a.Needs[0].Description = "changed"
	a.Person.AccessNeeds[0] = referral.AccessNeedBraille
	if r.History[0].Note != "" || r.Needs[0].Description != "" || r.Person.AccessNeeds[0] != referral.AccessNeedLargePrint {
		t.Errorf("changing Apply's result changed its input: slices are shared")
	}
}

func TestTransitionsTable(t *testing.T) {
	// Every row of the exported table must be accepted by Apply and lead where it says.
	for _, tr := range referral.Transitions() {
		t.Run(string(tr.From)+"/"+string(tr.Event), func(t *testing.T) {
			var setup []referral.Event
			switch tr.From {
			case referral.StateReceived:
			case referral.StateAccepted:
				setup = []referral.Event{ev(referral.EventKindAccept, at(14, 9))}
			case referral.StateInProgress:
				setup = []referral.Event{ev(referral.EventKindAccept, at(14, 9)), ev(referral.EventKindContact, at(15, 9))}
			case referral.StateOnHold:
				setup = []referral.Event{ev(referral.EventKindAccept, at(14, 9))}
				if tr.Event == referral.EventKindResume && tr.To == referral.StateInProgress {
					setup = append(setup, ev(referral.EventKindContact, at(15, 9)))
				}
				setup = append(setup, ev(referral.EventKindHold, at(16, 9)))
			default:
				t.Fatalf("table row from %s, which should be terminal or unlisted", tr.From)
			}
			r := applyAll(t, sample(), setup...)
			e := ev(tr.Event, at(20, 9))
			if allowed, _ := referral.ReasonsFor(tr.Event); len(allowed) > 0 {
				e.Reason = allowed[0]
			}
			got, err := r.Apply(e)
			if err != nil {
				t.Fatalf("Apply: got %v, want state %s", err, tr.To)
			}
			if got.State != tr.To {
				t.Errorf("got %s, want %s", got.State, tr.To)
			}
		})
	}
	for _, s := range referral.States() {
		has := slices.ContainsFunc(referral.Transitions(), func(tr referral.Transition) bool { return tr.From == s })
		if s.IsTerminal() == has {
			t.Errorf("state %s: terminal %v but has outgoing rows %v", s, s.IsTerminal(), has)
		}
	}
}

func TestFHIRTasks(t *testing.T) {
	// HL7 FHIR R4 TaskStatus (http://hl7.org/fhir/task-status), written out from the R4 specification,
	// and the HL7 Gravity SDOH Clinical Care referral Task status value set
	// (SDOHCC-ValueSetReferralTaskStatus), which includes TaskStatus and excludes ready and received.
	r4 := []string{"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error"}
	gravity := slices.DeleteFunc(slices.Clone(r4), func(c string) bool { return c == "ready" || c == "received" })
	if len(gravity) != 10 {
		t.Fatalf("Gravity value set written out wrong: %v", gravity)
	}
	want := map[referral.State]string{ // the documented table on FHIRTasks
		referral.StateReceived: "requested", referral.StateAccepted: "accepted", referral.StateDeclined: "cancelled",
		referral.StateRejected: "rejected", referral.StateCancelled: "cancelled", referral.StateInProgress: "in-progress",
		referral.StateOnHold: "on-hold", referral.StateCompleted: "completed", referral.StateClosedIncomplete: "failed",
		referral.StateReferredOnward: "completed",
	}
	rows := referral.FHIRTasks()
	if len(rows) != len(referral.States()) {
		t.Fatalf("FHIRTasks: got %d rows, want one per state (%d)", len(rows), len(referral.States()))
	}
	for _, s := range referral.States() {
		row := s.FHIR()
		if row.State != s || row.Status != want[s] {
			t.Errorf("%s: got status %q, want %q", s, row.Status, want[s])
		}
		if !slices.Contains(gravity, row.Status) {
			t.Errorf("%s: status %q is not a Gravity task status", s, row.Status)
		}
		if row.Status != string(s) && row.BusinessStatus == "" && s != referral.StateRejected {
			t.Errorf("%s: inexact match %q without a business status", s, row.Status)
		}
	}
	if got := referral.State("open").FHIR(); got != (referral.FHIRTask{}) {
		t.Errorf("invalid state: got %+v, want zero", got)
	}
}

func TestEscalate(t *testing.T) {
	r := sample()
	e1 := referral.Escalation{At: at(14, 9), To: referral.EscalationTargetPracticeTeam, By: sp.RoleLinkWorker}
	got, err := r.Escalate(e1)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Safeguarding.Concern || len(got.Safeguarding.Escalations) != 1 {
		t.Errorf("Escalate: got concern %v with %d escalations, want true with 1", got.Safeguarding.Concern, len(got.Safeguarding.Escalations))
	}
	if r.Safeguarding.Concern || len(r.Safeguarding.Escalations) != 0 {
		t.Errorf("Escalate changed its receiver")
	}
	if err := got.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	_, err = got.Escalate(referral.Escalation{At: at(13, 9), To: referral.EscalationTargetPolice, By: sp.RoleLinkWorker})
	if !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("earlier escalation: got %v, want ErrInvalid", err)
	}
	_, err = got.Escalate(referral.Escalation{At: at(15, 9), To: "social-worker", By: sp.RoleLinkWorker})
	if !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("unknown target: got %v, want ErrInvalid", err)
	}
}
