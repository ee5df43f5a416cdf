// Package episode puts one person's whole episode of social prescribing together — the referral, the
// personalised plan, the outcome measurements and the service-use record — and derives from it what a
// service owes others: the SNOMED CT codes due to the GP record, the closed-loop message back to the
// referrer and the GP, and the common-outcomes report across many episodes.
//
// It sits above the referral, plan and outcomes packages and adds no rules of theirs: it checks that
// the parts belong together.
//
// # The episode
//
// An [Episode] holds a [referral.Referral], its [plan.Plan] (nil until there is one), its
// [outcomes.Measurement]s and its [outcomes.ServiceUse] record (nil if not recorded). [Episode.Validate]
// runs each part's own Validate (errors under /referral, /plan, /measurements/i, /serviceUse) and the
// rules across them: every part carries the referral's episode id ("episode-id"), the plan's referred
// date is the referral's received date ("referred-date"), and dates and parts fit the lifecycle
// ("lifecycle": no plan or measurement before the person accepted, no contact after the referral
// ended, the service-use windows either side of the referral). The episode decodes with the root
// package's strict decoder; its JSON Schema is published by the schema package.
//
// # Codes due
//
// [Episode.CodesDue] runs the episode's activity records ([Episode.Activities]: the referral's
// history and the plan's contacts) through [coding.CheckRecording] as of a date, and lists each
// code the history makes due — 871731000000106 on acceptance, 871711000000103 on a decline (NHS
// England; SOURCES.md#snomed-codes) — as due, overdue, entered, entered late or missing.
//
// # Feedback
//
// [NewFeedback] builds the message back to the GP or the referrer in the four groups of the PRSB
// Social Prescribing Information Standard: person demographics, needs and concerns, support offered
// (the plan's connections) and outcomes (the change in the measurements). It sends each recipient the
// minimum it needs — the GP gets the NHS number, date of birth and the connections in full; the
// referrer gets no demographics, only the needs it referred for and each connection's category, mode
// and status — withholds what the person's consent does not allow (outcomes without consent to share
// them; everything but the status without consent to the referral), never carries free text, and
// lists every withheld field with its reason. [NewFeedback] documents each choice. A [Feedback] is a
// document of its own: a receiving system decodes it strictly and checks it with [Feedback.Validate]
// (no withheld field present; nothing beyond the minimum in a message to the referrer), and the
// schema package publishes its JSON Schema.
//
// # The common-outcomes report
//
// [NewReport] reports across episodes under three headings: impact on the person (ONS4, SWEMWBS,
// WEMWBS and UCLA-3 change, from [outcomes.Summarise]), on the health and care system (service-use
// change, from [outcomes.SummariseServiceUse]) and on community groups (connections by category and
// by provider, referred against attended, the providers that received people). The three-way split
// is widely used, but was not found in NHS England's text: it is UNCONFIRMED
// (SOURCES.md#outcomes-framework), and every report says so ([FrameworkNote]). The report is
// deterministic and independent of the order of the episodes; it renders as JSON (encoding/json)
// and as text ([Report.Text]). [NewReportWith] reports on a period of referrals, counts the episodes
// the caller left out as invalid, and hides small numbers ([ReportOptions], [Suppression]); its cost
// grows in proportion to the number of episodes.
//
// # Personal data
//
// Episode and Feedback print only ids, states and counts from String, GoString and LogValue; no error
// of this package holds a value from an episode; a Report holds no personal data.
//
// Every function is pure and every type is a value type: a value that no one mutates is safe for
// concurrent use. The package has no mutable package-level state.
package episode

//go:generate go run ../internal/enumgen
