package episode

import (
	"fmt"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// CodeState says where a SNOMED CT code that an episode makes due stands as of a date.
//
//enum:list CodeStates
type CodeState string

// The code states.
const (
	// CodeStateDue: not yet entered; the deadline ([coding.RecordingDeadline]) is still to come.
	CodeStateDue CodeState = "due"
	// CodeStateOverdue: not yet entered and the deadline has passed.
	CodeStateOverdue CodeState = "overdue"
	// CodeStateEntered: entered on or before the deadline.
	CodeStateEntered CodeState = "entered"
	// CodeStateEnteredLate: entered after the deadline.
	CodeStateEnteredLate CodeState = "entered-late"
	// CodeStateMissing: the event was coded in the GP system without the code it needs.
	CodeStateMissing CodeState = "missing"
)

// CodeStatus is one SNOMED CT code an event of the referral's history makes due, and where it stands.
type CodeStatus struct {
	// Event is the index of the event in the referral's history.
	Event int `json:"event"`
	// Kind is the event's kind (accept or decline).
	Kind referral.EventKind `json:"kind"`
	// Concept is the code due: 871731000000106 for an acceptance, 871711000000103 for a decline.
	Concept coding.Concept `json:"concept"`
	// ContactDate is the day of the event.
	ContactDate sp.Date `json:"contactDate"`
	// Deadline is the last day the code is on time.
	Deadline sp.Date `json:"deadline"`
	// CodedOn is the day the event was coded in the GP system, the zero Date if it has not been.
	CodedOn sp.Date `json:"codedOn,omitzero"`
	// State is where the code stands as of the date asked.
	State CodeState `json:"state"`
}

// Coding is the SNOMED CT recording picture of one episode as of a date: every code due and where it
// stands, and the findings of the coding package's recording rules over the episode's activity
// records. It holds no personal data.
type Coding struct {
	// EpisodeID is the episode's id.
	EpisodeID string `json:"episodeId"`
	// AsOf is the date the picture is taken.
	AsOf sp.Date `json:"asOf"`
	// Records are the activity records checked ([Episode.Activities]); the Paths of Findings point
	// into this list.
	Records []coding.ActivityRecord `json:"records"`
	// Codes lists every social prescribing code the referral's history makes due, in history order.
	Codes []CodeStatus `json:"codes"`
	// Findings are [coding.CheckRecording]'s findings over Records as of AsOf: codes due, overdue,
	// late, wrong, missing or on the wrong activity.
	Findings []sp.Finding `json:"findings"`
}

// Activities returns the episode's activity records for the coding package's recording rules: first
// the referral's ([referral.Referral.Activities]: acceptance, decline and contact events done by a
// link worker, health and wellbeing coach or care coordinator, with the codes entered for them), then
// one ongoing-contact record by the link worker for each plan contact that the history does not
// already hold. A plan contact is the same contact as a contact event of the history on the same
// day: each contact event accounts for one plan contact. Plan contacts carry no codes (a plan does not
// record what was entered in the GP system), so they can make no code due; they show the whole
// activity of the episode to the rules. The records share nothing with e.
func (e Episode) Activities() []coding.ActivityRecord {
	out := e.Referral.Activities()
	if e.Plan == nil {
		return out
	}
	// Contact events of the history per day, by anyone: they already stand for a plan contact.
	inHistory := map[sp.Date]int{}
	for _, ev := range e.Referral.History {
		if ev.Kind == referral.EventKindContact && !ev.At.IsZero() {
			inHistory[sp.DateOf(ev.At)]++
		}
	}
	for _, ct := range e.Plan.Contacts {
		if inHistory[ct.Date] > 0 {
			inHistory[ct.Date]--
			continue
		}
		out = append(out, coding.ActivityRecord{
			EpisodeID:   e.Referral.EpisodeID,
			Kind:        coding.ActivityKindOngoingContact,
			WorkerRole:  sp.RoleLinkWorker,
			ContactDate: ct.Date,
		})
	}
	return out
}

// CodesDue returns the episode's SNOMED CT recording picture as of asOf: each code the referral's
// history makes due ([referral.Referral.CodesDue]) with its state — entered (on time or late),
// missing (the event was coded without it), due, or overdue when asOf is past its deadline — and the
// findings of [coding.CheckRecording] over [Episode.Activities] as of asOf. A code's state agrees with
// the recording rules: overdue here is coding.overdue there, entered-late is coding.late-recording,
// missing is coding.missing-code and due is coding.code-due.
//
// It returns an error wrapping socialprescribing.ErrRequired if asOf is not a valid date. It does not
// validate e; on an invalid episode it still returns without panicking.
func (e Episode) CodesDue(asOf sp.Date) (Coding, error) {
	if !asOf.IsValid() {
		return Coding{}, fmt.Errorf("episode: codes due: the as-of date is required: %w", sp.ErrRequired)
	}
	recs := e.Activities()
	out := Coding{
		EpisodeID: e.Referral.EpisodeID,
		AsOf:      asOf,
		Records:   recs,
		Codes:     []CodeStatus{},
		Findings:  coding.CheckRecording(recs, asOf),
	}
	if out.Records == nil {
		out.Records = []coding.ActivityRecord{}
	}
	if out.Findings == nil {
		out.Findings = []sp.Finding{}
	}
	for _, d := range e.Referral.CodesDue() {
		ev := e.Referral.History[d.Event]
		st := CodeStatus{
			Event: d.Event, Kind: d.Kind, Concept: d.Concept, ContactDate: d.ContactDate,
			Deadline: d.Deadline, CodedOn: ev.CodedOn,
		}
		switch {
		case ev.CodedOn.IsValid() && !slices.Contains(ev.Codes, d.Concept.ID):
			st.State = CodeStateMissing
		case ev.CodedOn.IsValid() && ev.CodedOn.After(d.Deadline):
			st.State = CodeStateEnteredLate
		case ev.CodedOn.IsValid():
			st.State = CodeStateEntered
		case asOf.After(d.Deadline):
			st.State = CodeStateOverdue
		default:
			st.State = CodeStateDue
		}
		out.Codes = append(out.Codes, st)
	}
	return out, nil
}
