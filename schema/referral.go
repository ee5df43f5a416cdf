package schema

import (
	"reflect"

	"github.com/socialprescribing/go-socialprescribing/referral"
)

func referralDocuments() []document {
	return []document{{
		Name:        "referral.referral",
		Type:        reflect.TypeFor[referral.Referral](),
		Title:       "Referral",
		Description: "One referral to a social prescribing link worker: the person, the referrer, the needs, consent, safeguarding, the lifecycle state and the append-only history of events.",
		GoOnly: []string{
			goOnlyNHSNumber,
			goOnlySCTID,
			"required-unless-self: person.nhsNumber and referrer.organisation unless the source is self",
			"other-description: a description for need other; accessNotes for access need other",
			"coded-on-missing: codedOn for an event with codes",
			"contact-route: referrer.contact none only on a self-referral",
			"duplicate-need: no need appears twice",
			"date-order: dateOfBirth not after received; no event before received; codedOn not before its event",
			"time-order: history and safeguarding escalations in time order",
			"transition: each event allowed by the lifecycle from the state before it",
			"state: state is what the history replays to",
			"reason: reject, cancel and close carry a reason their kind takes; other needs a note",
			"consent: consent.referral given once the history holds an accept",
			"safeguarding: escalations only with safeguarding.concern",
		},
	}, {
		Name:        "referral.event",
		Type:        reflect.TypeFor[referral.Event](),
		Title:       "Referral event",
		Description: "One event in a referral's lifecycle (accept, decline, reject, cancel, contact, hold, resume, complete, close, refer onward), with the instant it happened, who recorded it, the reason where its kind takes one, and the SNOMED CT codes entered for it.",
		GoOnly: []string{
			goOnlySCTID,
			"reason: reject, cancel and close carry a reason their kind takes; other needs a note",
			"coded-on-missing: codedOn for an event with codes",
			"date-order: codedOn not before the day of the event",
			"transition: whether the event is allowed from a referral's state is checked when it is applied",
		},
	}, {
		Name:        "referral.signposting",
		Type:        reflect.TypeFor[referral.Signposting](),
		Title:       "Signposting",
		Description: "A light-touch signpost by a care navigator, recorded apart from any referral, with the route on to a link worker.",
		GoOnly: []string{
			goOnlyNHSNumber,
			"other-description: a description for need other",
			"duplicate-need: no need appears twice",
			"date-order: referOn.date not before the signposting date",
			"refer-on: referOn.referralId and referOn.date when, and only when, the route is referred",
		},
	}}
}

func referralValueTypes() []valueType {
	return []valueType{
		enumType(referral.Sources, "Who referred the person: one of the local agencies NHS England lists, or self-referral."),
		enumType(referral.Needs, "A reason the person is referred."),
		enumType(referral.Urgencies, "How soon the referrer asks the service to make contact."),
		enumType(referral.ContactRoutes, "How the service reports back to the referrer."),
		enumType(referral.AccessNeeds, "A communication or accessibility need the service must meet."),
		enumType(referral.EscalationTargets, "Where a safeguarding concern was passed."),
		enumType(referral.States, "Where a referral is in its lifecycle."),
		enumType(referral.EventKinds, "What happened to a referral."),
		enumType(referral.Reasons, "Why a referral was rejected, cancelled, closed without completion or put on hold."),
		enumType(referral.ConsentStatuses, "The person's answer to a consent question."),
		enumType(referral.ReferOnRoutes, "Whether a signposted person was referred on to a link worker."),
	}
}
