package plan

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// GoalStatus is where a [Goal] stands.
type GoalStatus string

// The goal statuses. Dropped needs a [StopReason].
const (
	GoalStatusNotStarted     GoalStatus = "not-started"
	GoalStatusInProgress     GoalStatus = "in-progress"
	GoalStatusAchieved       GoalStatus = "achieved"
	GoalStatusPartlyAchieved GoalStatus = "partly-achieved"
	GoalStatusNotAchieved    GoalStatus = "not-achieved"
	GoalStatusDropped        GoalStatus = "dropped"
)

var goalStatuses = [...]GoalStatus{GoalStatusNotStarted, GoalStatusInProgress, GoalStatusAchieved, GoalStatusPartlyAchieved, GoalStatusNotAchieved, GoalStatusDropped}

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
	ContactModeFaceToFace ContactMode = "face-to-face"
	ContactModePhone      ContactMode = "phone"
	ContactModeVideo      ContactMode = "video"
	ContactModeHomeVisit  ContactMode = "home-visit"
	ContactModeGroup      ContactMode = "group"
)

var contactModes = [...]ContactMode{ContactModeFaceToFace, ContactModePhone, ContactModeVideo, ContactModeHomeVisit, ContactModeGroup}

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
	// ContactKindInitialAssessment is the first conversation about what matters to the person; it typically
	// takes 30–60 minutes (Health Education England; SOURCES.md#assessment-and-contacts).
	ContactKindInitialAssessment ContactKind = "initial-assessment"
	// ContactKindFollowUp is any further contact.
	ContactKindFollowUp ContactKind = "follow-up"
	// ContactKindReview is a review of the plan; it meets a review date of the plan.
	ContactKindReview ContactKind = "review"
	// ContactKindClosing is the contact that ends the person's time with the link worker.
	ContactKindClosing ContactKind = "closing"
)

var contactKinds = [...]ContactKind{ContactKindInitialAssessment, ContactKindFollowUp, ContactKindReview, ContactKindClosing}

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
	// ConnectionModeSignposted: the person was given information and finds their own way to the offer.
	ConnectionModeSignposted ConnectionMode = "signposted"
	// ConnectionModeReferred: the link worker actively connected the person (a referral to the provider).
	ConnectionModeReferred ConnectionMode = "referred"
)

var connectionModes = [...]ConnectionMode{ConnectionModeSignposted, ConnectionModeReferred}

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

// The connection statuses. Declined and stopped need a [StopReason].
const (
	// ConnectionStatusSuggested: the offer was discussed with the person.
	ConnectionStatusSuggested ConnectionStatus = "suggested"
	// ConnectionStatusReferred: the link worker referred the person to the provider (mode referred only).
	ConnectionStatusReferred ConnectionStatus = "referred"
	// ConnectionStatusAttended: the person went at least once.
	ConnectionStatusAttended ConnectionStatus = "attended"
	// ConnectionStatusOngoing: the person goes regularly.
	ConnectionStatusOngoing ConnectionStatus = "ongoing"
	// ConnectionStatusDeclined: the person chose not to take the offer up.
	ConnectionStatusDeclined ConnectionStatus = "declined"
	// ConnectionStatusStopped: the person went and then stopped.
	ConnectionStatusStopped ConnectionStatus = "stopped"
)

var connectionStatuses = [...]ConnectionStatus{ConnectionStatusSuggested, ConnectionStatusReferred, ConnectionStatusAttended, ConnectionStatusOngoing, ConnectionStatusDeclined, ConnectionStatusStopped}

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

// StopReason says why a goal was dropped or why the person declined or stopped a connection. The values
// are the library's own; "other" needs a note.
type StopReason string

// The stop reasons.
const (
	StopReasonPersonChoice         StopReason = "person-choice"
	StopReasonNoLongerRelevant     StopReason = "no-longer-relevant"
	StopReasonCircumstancesChanged StopReason = "circumstances-changed"
	StopReasonPersonUnwell         StopReason = "person-unwell"
	StopReasonNotSuitable          StopReason = "not-suitable"
	StopReasonAccessBarrier        StopReason = "access-barrier" // transport, mobility, timing
	StopReasonCost                 StopReason = "cost"
	StopReasonOfferUnavailable     StopReason = "offer-unavailable" // full, closed or ended
	StopReasonOther                StopReason = "other"
)

var stopReasons = [...]StopReason{
	StopReasonPersonChoice, StopReasonNoLongerRelevant, StopReasonCircumstancesChanged, StopReasonPersonUnwell,
	StopReasonNotSuitable, StopReasonAccessBarrier, StopReasonCost, StopReasonOfferUnavailable, StopReasonOther,
}

// StopReasons returns every StopReason, "other" last. The slice is new on each call.
func StopReasons() []StopReason { return slices.Clone(stopReasons[:]) }

// IsValid reports whether r is one of [StopReasons].
func (r StopReason) IsValid() bool { return enum.Contains(stopReasons[:], r) }

// MarshalText returns r, or an error for a value outside [StopReasons].
func (r StopReason) MarshalText() ([]byte, error) {
	return enum.Marshal("plan: stop reason", stopReasons[:], r)
}

// UnmarshalText accepts exactly one of [StopReasons].
func (r *StopReason) UnmarshalText(b []byte) (err error) {
	*r, err = unmarshal(*r, "plan: stop reason", stopReasons[:], b)
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
