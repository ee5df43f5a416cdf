package referral

import (
	"errors"
	"fmt"
	"slices"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

// ErrTransition is the category of every error [Referral.Apply] returns for an event that the
// referral's state does not allow, or that breaks a rule of the lifecycle (a missing reason, a time
// before the last event). Use errors.Is(err, ErrTransition).
var ErrTransition = errors.New("transition not allowed")

// State is where a referral is in its lifecycle. The zero State is not valid; a new referral is in
// [StateReceived].
//
// The lifecycle (each arrow is an [EventKind]; terminal states have no way out):
//
//	received    --accept--> accepted     (the person agrees: 871731000000106 becomes due)
//	received    --decline--> declined    (the person declines: 871711000000103 becomes due)   terminal
//	received    --reject--> rejected     (by the service; reason required)                    terminal
//	received, accepted, in-progress, on-hold --cancel--> cancelled (by the referrer; reason)   terminal
//	received, accepted, in-progress, on-hold --close--> closed-incomplete (reason required)    terminal
//	accepted    --contact--> in-progress (the first contact)
//	in-progress --contact--> in-progress (a further contact)
//	accepted, in-progress --hold--> on-hold
//	on-hold     --resume--> the state the hold interrupted (accepted or in-progress)
//	in-progress --complete--> completed                                                       terminal
//	accepted, in-progress --refer-onward--> referred-onward                                    terminal
//
// [Transitions] returns the same table as data; [State.FHIR] gives the nearest HL7 FHIR Task status.
//
//enum:list States received first
type State string

// The states.
const (
	// StateReceived: the referral has arrived and the person has not yet been reached.
	StateReceived State = "received"
	// StateAccepted: the person agreed to work with the link worker.
	StateAccepted State = "accepted"
	// StateDeclined: the person declined social prescribing.
	StateDeclined State = "declined"
	// StateRejected: the service turned the referral down (with a reason).
	StateRejected State = "rejected"
	// StateCancelled: the referrer withdrew the referral (with a reason).
	StateCancelled State = "cancelled"
	// StateInProgress: the link worker has had a first contact with the person.
	StateInProgress State = "in-progress"
	// StateOnHold: work is paused.
	StateOnHold State = "on-hold"
	// StateCompleted: the person finished their time with the link worker.
	StateCompleted State = "completed"
	// StateClosedIncomplete: the episode closed without completion (unable to contact, disengaged,
	// moved away, died, or another reason given).
	StateClosedIncomplete State = "closed-incomplete"
	// StateReferredOnward: the person was referred on to another service, which ends this episode.
	StateReferredOnward State = "referred-onward"
)

// IsTerminal reports whether no event can leave s: declined, rejected, cancelled, completed,
// closed-incomplete and referred-onward.
func (s State) IsTerminal() bool {
	switch s {
	case StateDeclined, StateRejected, StateCancelled, StateCompleted, StateClosedIncomplete, StateReferredOnward:
		return true
	}
	return false
}

// EventKind is what happened to a referral.
//
//enum:list EventKinds
type EventKind string

// The event kinds.
const (
	// EventKindAccept: the person agrees to the referral (871731000000106 becomes due).
	EventKindAccept EventKind = "accept"
	// EventKindDecline: the person declines (871711000000103 becomes due).
	EventKindDecline EventKind = "decline"
	// EventKindReject: the service turns the referral down; a [Reason] is required.
	EventKindReject EventKind = "reject"
	// EventKindCancel: the referrer withdraws the referral; a [Reason] is required.
	EventKindCancel EventKind = "cancel"
	// EventKindContact: a contact with the person (the first one starts the work).
	EventKindContact EventKind = "contact"
	// EventKindHold: work pauses.
	EventKindHold EventKind = "hold"
	// EventKindResume: work resumes after a hold.
	EventKindResume EventKind = "resume"
	// EventKindComplete: the person finishes their time with the link worker.
	EventKindComplete EventKind = "complete"
	// EventKindClose: the episode closes without completion; a [Reason] is required.
	EventKindClose EventKind = "close"
	// EventKindReferOnward: the person is referred on to another service.
	EventKindReferOnward EventKind = "refer-onward"
)

// Reason says why a referral was rejected, cancelled, closed without completion or put on hold.
// [ReasonsFor] lists the reasons each event kind takes. "other" needs a note saying what it was.
//
//enum:list Reasons
type Reason string

// The reasons.
const (
	// Rejection by the service.
	ReasonNotEligible       Reason = "not-eligible"
	ReasonOutOfArea         Reason = "out-of-area"
	ReasonNeedsOtherService Reason = "needs-other-service"
	ReasonDuplicate         Reason = "duplicate"
	ReasonNoCapacity        Reason = "no-capacity"
	// Cancellation by the referrer.
	ReasonNoLongerNeeded    Reason = "no-longer-needed"
	ReasonReferredElsewhere Reason = "referred-elsewhere"
	ReasonMadeInError       Reason = "made-in-error"
	// Closure without completion.
	ReasonUnableToContact Reason = "unable-to-contact"
	ReasonDisengaged      Reason = "disengaged"
	ReasonMovedAway       Reason = "moved-away"
	ReasonDied            Reason = "died"
	// Hold.
	ReasonPersonUnwell  Reason = "person-unwell"
	ReasonPersonRequest Reason = "person-request"
	// Any of the above events.
	ReasonOther Reason = "other"
)

// ReasonsFor returns the reasons an event of kind k may carry, and whether one is required: reject,
// cancel and close require one; hold takes one optionally; other kinds take none. The slice is new on
// each call.
func ReasonsFor(k EventKind) (allowed []Reason, required bool) {
	switch k {
	case EventKindReject:
		return []Reason{ReasonNotEligible, ReasonOutOfArea, ReasonNeedsOtherService, ReasonDuplicate, ReasonNoCapacity, ReasonOther}, true
	case EventKindCancel:
		return []Reason{ReasonNoLongerNeeded, ReasonReferredElsewhere, ReasonMadeInError, ReasonDuplicate, ReasonOther}, true
	case EventKindClose:
		return []Reason{ReasonUnableToContact, ReasonDisengaged, ReasonMovedAway, ReasonDied, ReasonOther}, true
	case EventKindHold:
		return []Reason{ReasonPersonUnwell, ReasonPersonRequest, ReasonOther}, false
	}
	return nil, false
}

// Event is one entry in a referral's history. At is the instant it happened (RFC 3339 on the wire);
// By is the role of whoever did it. Note is free text and may hold personal data: it is never printed
// by the library.
//
// CodedOn and Codes record what was entered in the GP clinical system for the event and on which
// day (the day of the event, or later when a PCN member with system access records a link worker's
// activity: NHS England, Social prescribing frequently asked questions;
// SOURCES.md#recording-deadline). They are write-once: set them when applying the event or later
// with [Referral.RecordCodes]. [Referral.Activities] hands them to the coding package's recording
// rules.
type Event struct {
	Kind    EventKind      `json:"kind" validate:"required,enum"`
	At      time.Time      `json:"at" validate:"required"`
	By      sp.Role        `json:"by" validate:"required,enum"`
	Reason  Reason         `json:"reason,omitempty" validate:"omitempty,enum"`
	Note    string         `json:"note,omitempty" validate:"max=1000"`
	CodedOn sp.Date        `json:"codedOn,omitzero"`
	Codes   []coding.SCTID `json:"codes,omitempty" validate:"max=20,dive,required"`
}

// Transition is one row of the lifecycle table: an event of kind Event moves a referral from From to
// To. A resume row's To is the state the hold interrupted.
type Transition struct {
	From  State
	Event EventKind
	To    State
}

var transitions = [...]Transition{
	{StateReceived, EventKindAccept, StateAccepted},
	{StateReceived, EventKindDecline, StateDeclined},
	{StateReceived, EventKindReject, StateRejected},
	{StateReceived, EventKindCancel, StateCancelled},
	{StateReceived, EventKindClose, StateClosedIncomplete},
	{StateAccepted, EventKindContact, StateInProgress},
	{StateAccepted, EventKindHold, StateOnHold},
	{StateAccepted, EventKindCancel, StateCancelled},
	{StateAccepted, EventKindClose, StateClosedIncomplete},
	{StateAccepted, EventKindReferOnward, StateReferredOnward},
	{StateInProgress, EventKindContact, StateInProgress},
	{StateInProgress, EventKindHold, StateOnHold},
	{StateInProgress, EventKindComplete, StateCompleted},
	{StateInProgress, EventKindCancel, StateCancelled},
	{StateInProgress, EventKindClose, StateClosedIncomplete},
	{StateInProgress, EventKindReferOnward, StateReferredOnward},
	{StateOnHold, EventKindResume, StateAccepted},
	{StateOnHold, EventKindResume, StateInProgress},
	{StateOnHold, EventKindCancel, StateCancelled},
	{StateOnHold, EventKindClose, StateClosedIncomplete},
}

// Transitions returns the lifecycle table documented on [State]. On hold has two resume rows: a hold
// returns to the state it interrupted. The slice is new on each call.
func Transitions() []Transition { return slices.Clone(transitions[:]) }

// next returns the state event kind k leads to from s, given the state before the latest hold.
func next(s State, k EventKind, beforeHold State) (State, bool) {
	if s == StateOnHold && k == EventKindResume {
		return beforeHold, beforeHold == StateAccepted || beforeHold == StateInProgress
	}
	for _, t := range transitions {
		if t.From == s && t.Event == k {
			return t.To, true
		}
	}
	return "", false
}

// FHIRTask is the nearest HL7 FHIR R4 Task status for a [State], within the status value set of the
// referral Task of the HL7 Gravity SDOH Clinical Care implementation guide (ValueSet
// SDOHCC-ValueSetReferralTaskStatus: R4 TaskStatus without ready and received), with a business-status
// code of this library where FHIR's status alone does not say what happened.
type FHIRTask struct {
	State State
	// Status is a code of http://hl7.org/fhir/task-status in Gravity's referral Task status value set.
	Status string
	// BusinessStatus is empty where Status matches the state exactly, otherwise the library's code
	// for Task.businessStatus (the close reason for closed-incomplete is carried in Task.statusReason).
	BusinessStatus string
	// Note says why this is the nearest match.
	Note string
}

var fhirTasks = [...]FHIRTask{
	{StateReceived, "requested", "awaiting-contact", "Gravity's referral Task excludes received; requested is \"ready to be acted upon and action is sought\", and the business status says the service holds it and has not yet reached the person"},
	{StateAccepted, "accepted", "", "exact"},
	{StateDeclined, "cancelled", "declined-by-person", "FHIR has no status for a patient declining; cancelled is \"the task was not completed\", and rejected is reserved for the performer"},
	{StateRejected, "rejected", "", "exact; Gravity requires Task.statusReason, carried by the event's reason"},
	{StateCancelled, "cancelled", "cancelled-by-referrer", "cancelled covers every non-completion; the business status says the requester withdrew"},
	{StateInProgress, "in-progress", "", "exact"},
	{StateOnHold, "on-hold", "", "exact"},
	{StateCompleted, "completed", "", "exact"},
	{StateClosedIncomplete, "failed", "closed-without-completion", "failed is \"attempted but could not be completed\"; the close reason goes in Task.statusReason"},
	{StateReferredOnward, "completed", "referred-onward", "the link worker's task ended by passing the person to another service"},
}

// FHIRTasks returns the mapping of every [State] to its nearest FHIR Task status, in the order of
// [States]:
//
//	received          requested    business status awaiting-contact
//	accepted          accepted
//	declined          cancelled    business status declined-by-person
//	rejected          rejected     (statusReason = the reject reason)
//	cancelled         cancelled    business status cancelled-by-referrer
//	in-progress       in-progress
//	on-hold           on-hold
//	completed         completed
//	closed-incomplete failed       business status closed-without-completion (statusReason = reason)
//	referred-onward   completed    business status referred-onward
//
// The slice is new on each call.
func FHIRTasks() []FHIRTask { return slices.Clone(fhirTasks[:]) }

// FHIR returns the row of [FHIRTasks] for s, or the zero FHIRTask for an invalid state.
func (s State) FHIR() FHIRTask {
	for _, t := range fhirTasks {
		if t.State == s {
			return t
		}
	}
	return FHIRTask{}
}

// Apply returns the referral after event e, or an error wrapping [ErrTransition] (and leaves r as it
// was) when:
//
//   - e's kind is not allowed from r's state (see [State]; terminal states allow nothing);
//   - e.At is zero or before the last event of the history (times never go backwards), or its date
//     is before the day the referral was received;
//   - e.By is not a valid [sp.Role];
//   - e's reason is missing where [ReasonsFor] requires one, not one that the kind takes, or "other"
//     without a note.
//
// Accepting records consent to the referral; declining withdraws it. Apply is pure: the returned
// Referral shares no slice with r, so r's history is never changed by later Applies.
func (r Referral) Apply(e Event) (Referral, error) {
	if err := r.checkEvent(e); err != nil {
		return r, err
	}
	to, _ := next(r.State, e.Kind, r.stateBeforeHold())
	out := r.Clone()
	out.State = to
	e.Codes = slices.Clone(e.Codes)
	out.History = append(out.History, e)
	switch e.Kind {
	case EventKindAccept:
		out.Consent.Referral = ConsentStatusGiven
	case EventKindDecline:
		out.Consent.Referral = ConsentStatusRefused
	}
	return out, nil
}

// checkEvent reports why e cannot be applied to r, or nil.
func (r Referral) checkEvent(e Event) error {
	if !e.Kind.IsValid() {
		return fmt.Errorf("referral: event kind not defined: %w", ErrTransition)
	}
	if r.State.IsTerminal() {
		return fmt.Errorf("referral: %s: state %s is terminal: %w", e.Kind, r.State, ErrTransition)
	}
	if _, ok := next(r.State, e.Kind, r.stateBeforeHold()); !ok {
		return fmt.Errorf("referral: %s not allowed from state %s: %w", e.Kind, r.State, ErrTransition)
	}
	if e.At.IsZero() {
		return fmt.Errorf("referral: %s: event time is required: %w", e.Kind, ErrTransition)
	}
	if n := len(r.History); n > 0 && e.At.Before(r.History[n-1].At) {
		return fmt.Errorf("referral: %s: event time is before the last event: %w", e.Kind, ErrTransition)
	}
	if r.Received.IsValid() && sp.DateOf(e.At).Before(r.Received) {
		return fmt.Errorf("referral: %s: event date is before the referral was received: %w", e.Kind, ErrTransition)
	}
	if !e.By.IsValid() {
		return fmt.Errorf("referral: %s: role not defined: %w", e.Kind, ErrTransition)
	}
	if err := checkReason(e, ErrTransition); err != nil {
		return err
	}
	return checkCoding(e.Kind, e.At, e.CodedOn, e.Codes, ErrTransition)
}

// checkCoding reports whether an event's coding fields fit together, wrapping cat.
func checkCoding(k EventKind, at time.Time, on sp.Date, codes []coding.SCTID, cat error) error {
	switch {
	case len(codes) > 0 && !on.IsValid():
		return fmt.Errorf("referral: %s: codes need the date they were entered: %w", k, cat)
	case on.IsValid() && !at.IsZero() && on.Before(sp.DateOf(at)):
		return fmt.Errorf("referral: %s: codes entered before the event happened: %w", k, cat)
	case len(codes) > 20:
		return fmt.Errorf("referral: %s: more than 20 codes: %w", k, cat)
	case slices.ContainsFunc(codes, func(c coding.SCTID) bool { return !c.IsValid() }):
		return fmt.Errorf("referral: %s: a code is not a SNOMED CT identifier: %w", k, cat)
	}
	return nil
}

// checkReason reports whether e's reason fits its kind, wrapping cat.
func checkReason(e Event, cat error) error {
	allowed, required := ReasonsFor(e.Kind)
	switch {
	case e.Reason == "" && required:
		return fmt.Errorf("referral: %s: a reason is required: %w", e.Kind, cat)
	case e.Reason != "" && !slices.Contains(allowed, e.Reason):
		return fmt.Errorf("referral: %s: reason not allowed for this event: %w", e.Kind, cat)
	case e.Reason == ReasonOther && e.Note == "":
		return fmt.Errorf("referral: %s: reason other needs a note: %w", e.Kind, cat)
	}
	return nil
}

// stateBeforeHold returns the state the latest hold interrupted, replaying the history.
func (r Referral) stateBeforeHold() State {
	_, before, _ := replay(r.History)
	return before
}

// replay returns the state the history leads to from received, the state the latest hold
// interrupted, and the index of the first event that is not allowed (-1 if none).
func replay(history []Event) (state, beforeHold State, bad int) {
	s, before := StateReceived, State("")
	for i, e := range history {
		n, ok := next(s, e.Kind, before)
		if !ok {
			return s, before, i
		}
		if e.Kind == EventKindHold {
			before = s
		}
		s = n
	}
	return s, before, -1
}
