package plan

// GoalStatus is where a [Goal] stands.
//
//enum:list GoalStatuses not started first
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

// ContactMode is how a [Contact] with the person took place. HEE counts phone calls, meetings and home
// visits alike as contacts (Health Education England; SOURCES.md#assessment-and-contacts).
//
//enum:list ContactModes
type ContactMode string

// The contact modes.
const (
	ContactModeFaceToFace ContactMode = "face-to-face"
	ContactModePhone      ContactMode = "phone"
	ContactModeVideo      ContactMode = "video"
	ContactModeHomeVisit  ContactMode = "home-visit"
	ContactModeGroup      ContactMode = "group"
)

// ContactKind is what a [Contact] was for.
//
//enum:list ContactKinds initial assessment first
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

// ConnectionMode says how the person was connected to a community offer. NHS England's model tells
// signposting apart from referral, and so does the library (NHS England, Social prescribing frequently
// asked questions; SOURCES.md#signposting).
//
//enum:list ConnectionModes
type ConnectionMode string

// The connection modes.
const (
	// ConnectionModeSignposted: the person was given information and finds their own way to the offer.
	ConnectionModeSignposted ConnectionMode = "signposted"
	// ConnectionModeReferred: the link worker actively connected the person (a referral to the provider).
	ConnectionModeReferred ConnectionMode = "referred"
)

// ConnectionStatus is where a [Connection] stands.
//
//enum:list ConnectionStatuses suggested first
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

// StopReason says why a goal was dropped or why the person declined or stopped a connection. The values
// are the library's own; "other" needs a note.
//
//enum:list StopReasons "other" last
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
