// Package outcomes scores the outcome measures of social prescribing and reports change.
//
// Measures (Office for National Statistics, Warwick Medical School; SOURCES.md#ons4, SOURCES.md#swemwbs,
// SOURCES.md#wemwbs and #ucla3):
//
//   - ONS4 personal wellbeing ([ONS4]): four items, each an integer 0–10, with the ONS threshold bands
//     ([ONS4Band]). 0 is a legitimate answer, so the answers are pointers and missing is nil. ONS does
//     not combine the four into one score and neither does this package. The ONS question wording is
//     public and ships as [Scale.Question].
//   - SWEMWBS ([SWEMWBS]): seven items 1–5, raw 7–35, converted to a metric score by the published
//     conversion table ([SWEMWBSMetric]). WEMWBS ([WEMWBS]): fourteen items 1–5, total 14–70. Both
//     scales are copyrighted: the package ships their scoring, never their item wording.
//   - UCLA-3 loneliness ([UCLA3]): three items 1–3, total 3–9, higher is lonelier.
//
// A [Measurement] is one completed instrument for one episode, dated, marked baseline or follow-up.
// [Measurement.Scores] gives its scores per [Scale]; [Instrument.Code] gives the code to write a score
// back to a clinical record, with its confidence: SWEMWBS and WEMWBS have SNOMED CT codes, UCLA-3 a
// LOINC code, and ONS4 none, which is reported as [ErrNoCode] rather than invented.
//
// Change: [Diff] compares a baseline with a follow-up per scale, with the direction of the change
// (a fall in anxiety or loneliness is an improvement) and, for ONS4, the movement between bands.
// [Summarise] pairs a cohort's measurements by episode id and reports, per scale, n, the means, the
// mean change with its 95% paired-t confidence interval, and the shares improved and worsened;
// unpaired and conflicting records are counted and excluded. Scores are whole hundredths, so the
// sums are exact integers and the result is the same whatever the order of the input.
//
// Service use: [ServiceUse] records GP consultations, A&E attendances, outpatient appointments,
// admissions and bed days over a window before and a window after; [ServiceUse.Changes] and
// [SummariseServiceUse] report counts, change, rates per 30 days and per-cent change (none from a
// zero baseline). They report the change measured, never a claimed effect.
//
// Every type is a plain value; every function is safe for concurrent use.
package outcomes

//go:generate go run ../internal/enumgen
