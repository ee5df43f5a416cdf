package referral_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
	"pgregory.net/rapid"
)

// modelNext is an independent statement of the lifecycle documented on State, written as a map rather than
// read from the package's table: from a state, an event kind leads to a state. Resume is handled by
// the model itself.
var modelNext = map[referral.State]map[referral.EventKind]referral.State{
	referral.StateReceived: {
		referral.EventKindAccept: referral.StateAccepted, referral.EventKindDecline: referral.StateDeclined,
		referral.EventKindReject: referral.StateRejected, referral.EventKindCancel: referral.StateCancelled,
		referral.EventKindClose: referral.StateClosedIncomplete,
	},
	referral.StateAccepted: {
		referral.EventKindContact: referral.StateInProgress, referral.EventKindHold: referral.StateOnHold,
		referral.EventKindCancel: referral.StateCancelled, referral.EventKindClose: referral.StateClosedIncomplete,
		referral.EventKindReferOnward: referral.StateReferredOnward,
	},
	referral.StateInProgress: {
		referral.EventKindContact: referral.StateInProgress, referral.EventKindHold: referral.StateOnHold,
		referral.EventKindComplete: referral.StateCompleted, referral.EventKindCancel: referral.StateCancelled,
		referral.EventKindClose: referral.StateClosedIncomplete, referral.EventKindReferOnward: referral.StateReferredOnward,
	},
	referral.StateOnHold: {
		referral.EventKindCancel: referral.StateCancelled, referral.EventKindClose: referral.StateClosedIncomplete,
	},
}

// reasonRequired is the model's list of kinds that need a reason (documented on ReasonsFor).
var reasonRequired = map[referral.EventKind]bool{referral.EventKindReject: true, referral.EventKindCancel: true, referral.EventKindClose: true}

type lifecycleMachine struct {
	r          referral.Referral
	state      referral.State // the model's state
	beforeHold referral.State
	events     int
	last       time.Time
}

// genEvent draws an event that may or may not be legal: any kind (sometimes an undefined one), a
// time up to two hours before or a month after the last, a role, and a reason that may be missing,
// wrong for the kind or "other" without a note.
func genEvent(last time.Time) *rapid.Generator[referral.Event] {
	return rapid.Custom(func(t *rapid.T) referral.Event {
		kinds := append(referral.EventKinds(), "discharge")
		e := referral.Event{
			Kind: rapid.SampledFrom(kinds).Draw(t, "kind"),
			At:   last.Add(time.Duration(rapid.IntRange(-120, 60*24*30).Draw(t, "minutes")) * time.Minute),
			By:   rapid.SampledFrom(sp.Roles()).Draw(t, "by"),
		}
		if rapid.Bool().Draw(t, "hasReason") {
			e.Reason = rapid.SampledFrom(referral.Reasons()).Draw(t, "reason")
			if rapid.Bool().Draw(t, "hasNote") {
				e.Note = "note"
			}
		}
		return e
	})
}

// legal is the model's verdict on e.
func (m *lifecycleMachine) legal(e referral.Event) (referral.State, bool) {
	if e.At.Before(m.last) {
		return "", false
	}
	var to referral.State
	if m.state == referral.StateOnHold && e.Kind == referral.EventKindResume {
		to = m.beforeHold
	} else {
		var ok bool
		if to, ok = modelNext[m.state][e.Kind]; !ok {
			return "", false
		}
	}
	allowed, _ := referral.ReasonsFor(e.Kind)
	switch {
	case reasonRequired[e.Kind] && e.Reason == "":
		return "", false
	case e.Reason != "" && !contains(allowed, e.Reason):
		return "", false
	case e.Reason == referral.ReasonOther && e.Note == "":
		return "", false
	}
	return to, true
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (m *lifecycleMachine) Event(t *rapid.T) {
	e := genEvent(m.last).Draw(t, "event")
	before := m.r.Clone()
	got, err := m.r.Apply(e)
	want, ok := m.legal(e)
	if !ok {
		if !errors.Is(err, referral.ErrTransition) {
			t.Fatalf("Apply(%s) from %s: got err %v, want ErrTransition", e.Kind, m.state, err)
		}
		if diff := cmp.Diff(before, got); diff != "" {
			t.Fatalf("refused Apply returned a changed referral (-before +got):\n%s", diff)
		}
		if diff := cmp.Diff(before, m.r); diff != "" {
			t.Fatalf("refused Apply changed its receiver:\n%s", diff)
		}
		return
	}
	if err != nil {
		t.Fatalf("Apply(%s) from %s: got %v, want state %s", e.Kind, m.state, err, want)
	}
	if e.Kind == referral.EventKindHold {
		m.beforeHold = m.state
	}
	m.state, m.last = want, e.At
	m.events++
	m.r = got
}

func (m *lifecycleMachine) Escalate(t *rapid.T) {
	e := referral.Escalation{
		At: m.r.Received.Time(time.UTC).Add(time.Duration(rapid.IntRange(0, 60*24*365).Draw(t, "minutes")) * time.Minute),
		To: rapid.SampledFrom(referral.EscalationTargets()).Draw(t, "to"),
		By: sp.RoleLinkWorker,
	}
	got, err := m.r.Escalate(e)
	esc := m.r.Safeguarding.Escalations
	if n := len(esc); n > 0 && e.At.Before(esc[n-1].At) {
		if err == nil {
			t.Fatalf("Escalate earlier than the last escalation: got nil error")
		}
		return
	}
	if err != nil {
		t.Fatalf("Escalate: %v", err)
	}
	m.r = got
}

// RecordCodes enters codes for a random event of the history: allowed once per event, on or after
// the event's day.
func (m *lifecycleMachine) RecordCodes(t *rapid.T) {
	if len(m.r.History) == 0 {
		t.Skip("no events")
	}
	i := rapid.IntRange(0, len(m.r.History)-1).Draw(t, "event")
	e := m.r.History[i]
	on := sp.DateOf(e.At).AddDays(rapid.IntRange(-2, 20).Draw(t, "days"))
	code := rapid.SampledFrom([]coding.SCTID{codeReferral, codeDeclined}).Draw(t, "code")
	before := m.r.Clone()
	got, err := m.r.RecordCodes(i, on, code)
	if len(e.Codes) > 0 || on.Before(sp.DateOf(e.At)) {
		if !errors.Is(err, referral.ErrTransition) {
			t.Fatalf("RecordCodes(%d) on %s: got %v, want ErrTransition", i, on, err)
		}
		if diff := cmp.Diff(before, got); diff != "" {
			t.Fatalf("refused RecordCodes changed the referral:\n%s", diff)
		}
		return
	}
	if err != nil {
		t.Fatalf("RecordCodes(%d) on %s: %v", i, on, err)
	}
	m.r = got
}

func (m *lifecycleMachine) Check(t *rapid.T) {
	if err := m.r.Validate(); err != nil {
		t.Fatalf("Validate after %d events: %v", m.events, err)
	}
	if m.r.State != m.state {
		t.Fatalf("State: got %s, want %s", m.r.State, m.state)
	}
	if len(m.r.History) != m.events {
		t.Fatalf("history length: got %d, want %d", len(m.r.History), m.events)
	}
	for i := 1; i < len(m.r.History); i++ {
		if m.r.History[i].At.Before(m.r.History[i-1].At) {
			t.Fatalf("history out of order at %d", i)
		}
	}
	for i, a := range m.r.Activities() {
		if err := a.Validate(); err != nil {
			t.Fatalf("activity record %d: %v", i, err)
		}
	}
	if m.state.IsTerminal() != (modelNext[m.state] == nil && m.state != referral.StateOnHold) {
		t.Fatalf("state %s: IsTerminal %v disagrees with the model", m.state, m.state.IsTerminal())
	}
}

func TestLifecycleStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := sample()
		r.Referrer.Source = rapid.SampledFrom(referral.Sources()).Draw(t, "source")
		m := &lifecycleMachine{r: r, state: referral.StateReceived, last: r.Received.Time(time.UTC)}
		t.Repeat(rapid.StateMachineActions(m))
	})
}

// TestTerminalStaysTerminal drives a referral into each terminal state and then tries every event
// kind at a later time: none is accepted and nothing changes.
func TestTerminalStaysTerminal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := &lifecycleMachine{r: sample(), state: referral.StateReceived, last: sample().Received.Time(time.UTC)}
		for i := 0; i < 50 && !m.state.IsTerminal(); i++ {
			m.Event(t)
		}
		if !m.state.IsTerminal() {
			t.Skip("no terminal state reached")
		}
		e := genEvent(m.last.Add(time.Hour)).Draw(t, "after")
		got, err := m.r.Apply(e)
		if !errors.Is(err, referral.ErrTransition) {
			t.Fatalf("Apply(%s) in terminal %s: got %v, want ErrTransition", e.Kind, m.state, err)
		}
		if diff := cmp.Diff(m.r, got); diff != "" {
			t.Fatalf("terminal referral changed:\n%s", diff)
		}
	})
}
