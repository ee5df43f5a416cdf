// Package referral models who is referred to a social prescribing link worker, by whom and why; the
// lighter "signposting" route a care navigator takes instead; and the lifecycle of a referral, from
// receipt to completion or closure.
//
// # Documents
//
// A [Referral] holds the person (NHS number, optional only on a self-referral; date of birth;
// communication and accessibility needs), the [Referrer] (one of the thirteen [Sources] NHS England
// lists, SOURCES.md#referral-sources), at least one [NeedItem], "what matters to me" in the
// person's words, an [Urgency], [Consent] to the referral and to sharing outcomes back, a
// [Safeguarding] flag with its escalation record, the lifecycle [State] and the append-only History
// of [Event]s. A [Signposting] is recorded apart from any referral, so that "signposted" and
// "referred" never blur; it carries the route on to a link worker
// ([Signposting.ReferToLinkWorker]).
//
// Both documents decode with the root package's strict decoder and check themselves with Validate,
// which reports every broken rule as a *socialprescribing.ValidationError with JSON Pointer paths.
// Their JSON Schemas are published by the schema package.
//
// # Lifecycle
//
// [Referral.Apply] is a pure transition: it returns a new Referral, sharing no slices with the old
// one, or an error wrapping [ErrTransition] and the referral unchanged. The states, the events
// between them and the reasons some events require are documented on [State] and returned as data
// by [Transitions] and [ReasonsFor]; event times never go backwards and terminal states stay
// terminal. [FHIRTasks] maps each state to the nearest HL7 FHIR Task status of the Gravity
// closed-loop referral.
//
// # Coding
//
// Accepting a referral makes SNOMED CT 871731000000106 |Referral to social prescribing service|
// due; declining makes 871711000000103 |Social prescribing declined| due (NHS England;
// SOURCES.md#snomed-codes). [Referral.CodesDue] lists them with their deadlines,
// [Referral.RecordCodes] records what was entered in the GP system, and [Referral.Activities]
// yields the coding package's ActivityRecords for its recording checker.
//
// # Personal data
//
// Person, Referral and Signposting print only ids, states and sources from String, GoString and
// LogValue, and no error of this package holds a value from a document.
//
// Every function is pure and every type is a value type: a value that no one mutates is safe for
// concurrent use. The package has no mutable package-level state.
package referral

//go:generate go run ../internal/enumgen
