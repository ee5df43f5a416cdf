// Package plan holds the personalised plan a social prescribing link worker and the person produce
// together, and the rules a plan is checked against.
//
// A [Plan] belongs to one referral (it is keyed by the referral's episode id). It records what matters
// to the person in their own words, the needs it addresses ([referral.Need]), whether and when the
// person agreed it, and its review dates; its [Goal]s, each linked to needs of the plan, with a target
// date, a status and dated progress notes; the [Contact]s with the person (date, mode, minutes, kind);
// and the [Connection]s to community offers, each of a [Category] ([CategoryTable] marks the green
// social prescribing ones), signposted or referred, with its status.
//
// [Plan.Validate] checks one plan on its own. [Check] checks a plan against its referral and a
// [Policy] as of a date and returns [socialprescribing.Finding]s with stable rule ids ("plan.…"): an
// initial assessment outside 30–60 minutes, contacts beyond the typical 6–12, goals not linked to the
// plan's needs, connections referred before the plan was agreed, contacts before the referral was
// accepted, overdue reviews and dates out of order. [DefaultPolicy] holds the figures from Health
// Education England (SOURCES.md#assessment-and-contacts, confidence high); a caller may pass their own. [Plan.Summary]
// reduces a plan to counts for reporting.
//
// Types holding what the person said (the plan, goals, progress notes, connections with a reason note)
// print a masked form from String, GoString and LogValue, and no error or finding of this package holds
// it. Everything in this package is pure and safe for concurrent use.
package plan

//go:generate go run ../internal/enumgen
