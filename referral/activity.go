package referral

import (
	"fmt"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

// ActivityKindOf returns the coding package's event for an event kind, and false for the kinds that
// are lifecycle bookkeeping rather than activity with the person:
//
//	accept   coding.ActivityKindReferralAccepted  (871731000000106 due)
//	decline  coding.ActivityKindReferralDeclined  (871711000000103 due)
//	contact  coding.ActivityKindOngoingContact    (no social prescribing code)
//
// Reject, cancel, hold, resume, complete, close and refer-onward yield no activity record.
func ActivityKindOf(k EventKind) (coding.ActivityKind, bool) {
	switch k {
	case EventKindAccept:
		return coding.ActivityKindReferralAccepted, true
	case EventKindDecline:
		return coding.ActivityKindReferralDeclined, true
	case EventKindContact:
		return coding.ActivityKindOngoingContact, true
	}
	return "", false
}

// Activities returns the activity records of r's history that the coding package's recording rules
// ([coding.CheckRecording]) read, in history order: one per accept, decline or contact event done in
// an ARRS role, the roles those rules cover (see [ActivityKindOf] and [sp.Role.IsARRS]), keyed by r.EpisodeID, with the
// event's civil date (in the event's own time zone) as the contact date and its codedOn and codes.
// The records share no slices with r.
func (r Referral) Activities() []coding.ActivityRecord {
	var out []coding.ActivityRecord
	for _, e := range r.History {
		ev, ok := ActivityKindOf(e.Kind)
		if !ok {
			continue
		}
		if !e.By.IsARRS() {
			continue
		}
		role := e.By
		out = append(out, coding.ActivityRecord{
			EpisodeID:   r.EpisodeID,
			Kind:        ev,
			WorkerRole:  role,
			ContactDate: sp.DateOf(e.At),
			CodedOn:     e.CodedOn,
			Codes:       slices.Clone(e.Codes),
		})
	}
	return out
}

// CodeDue is a SNOMED CT code that an event of the history makes due.
type CodeDue struct {
	// Event is the index of the event in the history.
	Event int
	// Kind is the event's kind.
	Kind EventKind
	// Concept is the code due.
	Concept coding.Concept
	// ContactDate is the event's civil date.
	ContactDate sp.Date
	// Deadline is the last day the code is on time ([coding.RecordingDeadline]).
	Deadline sp.Date
	// CodedOn is the day the code was entered, or the zero Date if it has not been.
	CodedOn sp.Date
}

// CodesDue returns every social prescribing code r's history makes due, entered or not, in history
// order: 871731000000106 when the person accepts, 871711000000103 when they decline, for events done
// by a link worker ([coding.DueCode]). A code counts as entered when the event has a codedOn and
// lists the code.
func (r Referral) CodesDue() []CodeDue {
	var out []CodeDue
	for i, e := range r.History {
		ev, ok := ActivityKindOf(e.Kind)
		if !ok {
			continue
		}
		if !e.By.IsARRS() {
			continue
		}
		role := e.By
		c, ok := coding.DueCode(ev, role)
		if !ok {
			continue
		}
		d := sp.DateOf(e.At)
		due := CodeDue{Event: i, Kind: e.Kind, Concept: c, ContactDate: d, Deadline: coding.RecordingDeadline(d)}
		if e.CodedOn.IsValid() && slices.Contains(e.Codes, c.ID) {
			due.CodedOn = e.CodedOn
		}
		out = append(out, due)
	}
	return out
}

// RecordCodes returns the referral with the codes entered in the GP clinical system on day on for
// the history's event i. It is the one change the history allows to a past event, and it is
// write-once: it returns an error wrapping [ErrTransition], and leaves r as it was, if event i does
// not exist or already has codes, if on is before the event's date, or if a code is not valid.
func (r Referral) RecordCodes(i int, on sp.Date, codes ...coding.SCTID) (Referral, error) {
	if i < 0 || i >= len(r.History) {
		return r, fmt.Errorf("referral: record codes: no event %d in the history: %w", i, ErrTransition)
	}
	e := r.History[i]
	if e.CodedOn.IsValid() || len(e.Codes) > 0 {
		return r, fmt.Errorf("referral: record codes: event %d already has codes: %w", i, ErrTransition)
	}
	if len(codes) == 0 {
		return r, fmt.Errorf("referral: record codes: no codes given: %w", ErrTransition)
	}
	if err := checkCoding(e.Kind, e.At, on, codes, ErrTransition); err != nil {
		return r, err
	}
	out := r.Clone()
	out.History[i].CodedOn = on
	out.History[i].Codes = slices.Clone(codes)
	return out, nil
}
