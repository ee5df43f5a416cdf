// Package coding holds SNOMED CT identifiers, the social prescribing code set and the rules for
// recording social prescribing activity in GP clinical systems.
//
// [SCTID] is a checked SNOMED CT identifier (6–18 digits, Verhoeff check digit, partition and
// namespace). [CodeSet] lists the codes a social prescribing service uses, each with when to record
// it, its source and the library's confidence in it: 871731000000106 |Referral to social prescribing
// service| when the person accepts the referral, 871711000000103 |Social prescribing declined| when
// they decline, and the wellbeing score codes. No SNOMED CT code for the ONS4 items or for UCLA-3 was
// found, so none is listed; UCLA-3 has a LOINC code.
//
// [CheckRecording] applies NHS England's recording rules to [ActivityRecord]s as of a date and
// returns [socialprescribing.Finding]s: a missing or wrong code, the referral code on ongoing or
// administrative activity or twice in one episode, codes used by a role that has its own, and codes
// entered later than a week after the contact ([RecordingDeadline]).
//
// Everything in this package is pure and safe for concurrent use.
package coding

//go:generate go run ../internal/enumgen
