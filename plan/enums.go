package plan

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// GoalStatus is where a [Goal] stands.
type GoalStatus string

// The goal statuses. Dropped needs a [Reason].
const (
	GoalNotStarted     GoalStatus = "not-started"
	GoalInProgress     GoalStatus = "in-progress"
	GoalAchieved       GoalStatus = "achieved"
	GoalPartlyAchieved GoalStatus = "partly-achieved"
	GoalNotAchieved    GoalStatus = "not-achieved"
	GoalDropped        GoalStatus = "dropped"
)

var goalStatuses = [...]GoalStatus{GoalNotStarted, GoalInProgress, GoalAchieved, GoalPartlyAchieved, GoalNotAchieved, GoalDropped}

// GoalStatuses returns every GoalStatus, not started first. The slice is new on each call.
func GoalStatuses() []GoalStatus { return slices.Clone(goalStatuses[:]) }

// IsValid reports whether s is one of [GoalStatuses].
func (s GoalStatus) IsValid() bool { return enum.Contains(goalStatuses[:], s) }

// MarshalText returns s, or an error for a value outside [GoalStatuses].
func (s GoalStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: goal status", goalStatuses[:], s)
}

// UnmarshalText accepts exactly one of [GoalStatuses].
func (s *GoalStatus) UnmarshalText(b []byte) (err error) {
	*s, err = unmarshal(*s, "plan: goal status", goalStatuses[:], b)
	return err
}

// ContactMode is how a [Contact] with the person took place. HEE counts phone calls, meetings and home
// visits alike as contacts (Health Education England; SOURCES.md#assessment-and-contacts).
type ContactMode string

// The contact modes.
const (
	ModeFaceToFace ContactMode = "face-to-face"
	ModePhone      ContactMode = "phone"
	ModeVideo      ContactMode = "video"
	ModeHomeVisit  ContactMode = "home-visit"
	ModeGroup      ContactMode = "group"
)

var contactModes = [...]ContactMode{ModeFaceToFace, ModePhone, ModeVideo, ModeHomeVisit, ModeGroup}

// ContactModes returns every ContactMode. The slice is new on each call.
func ContactModes() []ContactMode { return slices.Clone(contactModes[:]) }

// IsValid reports whether m is one of [ContactModes].
func (m ContactMode) IsValid() bool { return enum.Contains(contactModes[:], m) }

// MarshalText returns m, or an error for a value outside [ContactModes].
func (m ContactMode) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: contact mode", contactModes[:], m)
}

// UnmarshalText accepts exactly one of [ContactModes].
func (m *ContactMode) UnmarshalText(b []byte) (err error) {
	*m, err = unmarshal(*m, "plan: contact mode", contactModes[:], b)
	return err
}

// ContactKind is what a [Contact] was for.
type ContactKind string

// The contact kinds.
const (
	// KindInitialAssessment is the first conversation about what matters to the person; it typically
	// takes 30–60 minutes (Health Education England; SOURCES.md#assessment-and-contacts).
	KindInitialAssessment ContactKind = "initial-assessment"
	// KindFollowUp is any further contact.
	KindFollowUp ContactKind = "follow-up"
	// KindReview is a review of the plan; it meets a review date of the plan.
	KindReview ContactKind = "review"
	// KindClosing is the contact that ends the person's time with the link worker.
	KindClosing ContactKind = "closing"
)

var contactKinds = [...]ContactKind{KindInitialAssessment, KindFollowUp, KindReview, KindClosing}

// ContactKinds returns every ContactKind, initial assessment first. The slice is new on each call.
func ContactKinds() []ContactKind { return slices.Clone(contactKinds[:]) }

// IsValid reports whether k is one of [ContactKinds].
func (k ContactKind) IsValid() bool { return enum.Contains(contactKinds[:], k) }

// MarshalText returns k, or an error for a value outside [ContactKinds].
func (k ContactKind) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: contact kind", contactKinds[:], k)
}

// UnmarshalText accepts exactly one of [ContactKinds].
func (k *ContactKind) UnmarshalText(b []byte) (err error) {
	*k, err = unmarshal(*k, "plan: contact kind", contactKinds[:], b)
	return err
}

// ConnectionMode says how the person was connected to a community offer. NHS England's model tells
// signposting apart from referral, and so does the library (NHS England, Social prescribing frequently
// asked questions; SOURCES.md#signposting).
type ConnectionMode string

// The connection modes.
const (
	// ConnectionSignposted: the person was given information and finds their own way to the offer.
	ConnectionSignposted ConnectionMode = "signposted"
	// ConnectionReferred: the link worker actively connected the person (a referral to the provider).
	ConnectionReferred ConnectionMode = "referred"
)

var connectionModes = [...]ConnectionMode{ConnectionSignposted, ConnectionReferred}

// ConnectionModes returns every ConnectionMode. The slice is new on each call.
func ConnectionModes() []ConnectionMode { return slices.Clone(connectionModes[:]) }

// IsValid reports whether m is one of [ConnectionModes].
func (m ConnectionMode) IsValid() bool { return enum.Contains(connectionModes[:], m) }

// MarshalText returns m, or an error for a value outside [ConnectionModes].
func (m ConnectionMode) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: connection mode", connectionModes[:], m)
}

// UnmarshalText accepts exactly one of [ConnectionModes].
func (m *ConnectionMode) UnmarshalText(b []byte) (err error) {
	*m, err = unmarshal(*m, "plan: connection mode", connectionModes[:], b)
	return err
}

// ConnectionStatus is where a [Connection] stands.
type ConnectionStatus string

// The connection statuses. Declined and stopped need a [Reason].
const (
	// StatusSuggested: the offer was discussed with the person.
	StatusSuggested ConnectionStatus = "suggested"
	// StatusReferred: the link worker referred the person to the provider (mode referred only).
	StatusReferred ConnectionStatus = "referred"
	// StatusAttended: the person went at least once.
	StatusAttended ConnectionStatus = "attended"
	// StatusOngoing: the person goes regularly.
	StatusOngoing ConnectionStatus = "ongoing"
	// StatusDeclined: the person chose not to take the offer up.
	StatusDeclined ConnectionStatus = "declined"
	// StatusStopped: the person went and then stopped.
	StatusStopped ConnectionStatus = "stopped"
)

var connectionStatuses = [...]ConnectionStatus{StatusSuggested, StatusReferred, StatusAttended, StatusOngoing, StatusDeclined, StatusStopped}

// ConnectionStatuses returns every ConnectionStatus, suggested first. The slice is new on each call.
func ConnectionStatuses() []ConnectionStatus { return slices.Clone(connectionStatuses[:]) }

// IsValid reports whether s is one of [ConnectionStatuses].
func (s ConnectionStatus) IsValid() bool { return enum.Contains(connectionStatuses[:], s) }

// MarshalText returns s, or an error for a value outside [ConnectionStatuses].
func (s ConnectionStatus) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: connection status", connectionStatuses[:], s)
}

// UnmarshalText accepts exactly one of [ConnectionStatuses].
func (s *ConnectionStatus) UnmarshalText(b []byte) (err error) {
	*s, err = unmarshal(*s, "plan: connection status", connectionStatuses[:], b)
	return err
}

// Reason says why a goal was dropped or why the person declined or stopped a connection. The values
// are the library's own; "other" needs a note.
type Reason string

// The reasons.
const (
	ReasonPersonChoice         Reason = "person-choice"
	ReasonNoLongerRelevant     Reason = "no-longer-relevant"
	ReasonCircumstancesChanged Reason = "circumstances-changed"
	ReasonPersonUnwell         Reason = "person-unwell"
	ReasonNotSuitable          Reason = "not-suitable"
	ReasonAccessBarrier        Reason = "access-barrier" // transport, mobility, timing
	ReasonCost                 Reason = "cost"
	ReasonOfferUnavailable     Reason = "offer-unavailable" // full, closed or ended
	ReasonOther                Reason = "other"
)

var reasons = [...]Reason{
	ReasonPersonChoice, ReasonNoLongerRelevant, ReasonCircumstancesChanged, ReasonPersonUnwell,
	ReasonNotSuitable, ReasonAccessBarrier, ReasonCost, ReasonOfferUnavailable, ReasonOther,
}

// Reasons returns every Reason, "other" last. The slice is new on each call.
func Reasons() []Reason { return slices.Clone(reasons[:]) }

// IsValid reports whether r is one of [Reasons].
func (r Reason) IsValid() bool { return enum.Contains(reasons[:], r) }

// MarshalText returns r, or an error for a value outside [Reasons].
func (r Reason) MarshalText() ([]byte, error) { return enum.Marshal("plan: reason", reasons[:], r) }

// UnmarshalText accepts exactly one of [Reasons].
func (r *Reason) UnmarshalText(b []byte) (err error) {
	*r, err = unmarshal(*r, "plan: reason", reasons[:], b)
	return err
}

// unmarshal parses b as one of values, leaving cur unchanged on error.
func unmarshal[T ~string](cur T, what string, values []T, b []byte) (T, error) {
	v, err := enum.Unmarshal(what, values, b)
	if err != nil {
		return cur, err
	}
	return v, nil
}
