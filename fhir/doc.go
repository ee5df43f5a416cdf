// Package fhir exchanges a referral, an episode and the closed-loop message as HL7 FHIR R4
// resources shaped to the UK Core profiles (package UKCore 2.0.0) and to the closed-loop referral of
// the HL7 Gravity SDOH Clinical Care implementation guide (ServiceRequest + Task).
//
// Export: [ExportReferral] writes a referral as a Bundle of a Patient, a ServiceRequest, a Task, two
// Consents and a Condition per need; [ExportEpisode] adds the plan as a CarePlan with a Goal per goal,
// an Observation per outcome measurement and one for the service-use record; [ExportFeedback] writes
// the closed-loop message as a Communication. Import: [Import] reads a Bundle (or a ServiceRequest with its Patient contained)
// into a referral, validated as any referral is, and [Import] of [ExportReferral]'s output gives the
// same referral back.
//
// What FHIR cannot hold natively travels in extensions of this project under [Canonical]
// (https://github.com/socialprescribing/go-socialprescribing/fhir/StructureDefinition/<name>); codes
// with no national code system are in this project's code systems (Canonical + "/CodeSystem/<name>").
// [Codes] lists every fixed code the package writes with its source and confidence: a code the
// library could not confirm is never written as a national code (no LOINC or SNOMED CT code exists
// for the ONS4 0–10 items, so ONS4 has this project's own; LOINC 96929-5 is a different, 0–3
// instrument and is not used).
//
// The resource structs are hand-written and hold only the elements the package uses. They are
// shaped to the profiles but claim none in meta.profile: the library does not run the UK Core or
// Gravity validators. The tests check every exported resource against the official FHIR R4 JSON
// Schema and, in Go, what the schema cannot: UK Core's identifier system and verification codes,
// Gravity's Task status set, status reason, code, requester and owner, that a Consent's policy rule
// agrees with its answer, and that every reference resolves inside the Bundle.
//
// Import refuses what changes a request's meaning rather than reading past it: a modifierExtension
// at any depth; a ServiceRequest status the Task's referral-event history does not lead to (a draft,
// on-hold, completed or revoked request without that history cannot be read truthfully as a
// referral), entered-in-error, an intent other than order or original-order, doNotPerform; a Task
// status other than requested without the history. What it does not read and does not change the
// meaning is listed in [Imported.Ignored], never dropped silently.
//
// FHIR strings hold no characters below U+0020 other than tab, carriage return and line feed; the
// exporter writes free text as the referral holds it, so text with such characters is still
// carried (and read back) but is not valid FHIR.
//
// Errors are *socialprescribing.ValidationError values whose FieldErrors point into the FHIR
// document (JSON Pointers such as "/entry/0/resource/birthDate"); no error holds a value from the
// document. Every function is safe for concurrent use.
package fhir
