package coding

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// ActivityKind is the kind of activity an [ActivityRecord] describes (its JSON key is "event").
//
//enum:list ActivityKinds
type ActivityKind string

// The kinds of activity the recording rules know.
const (
	// ActivityKindReferralAccepted: the person accepts the referral to the link worker (code 871731000000106).
	ActivityKindReferralAccepted ActivityKind = "referral-accepted"
	// ActivityKindReferralDeclined: the person declines the referral (code 871711000000103).
	ActivityKindReferralDeclined ActivityKind = "referral-declined"
	// ActivityKindOngoingContact: any later contact in the episode; neither social prescribing code applies.
	ActivityKindOngoingContact ActivityKind = "ongoing-contact"
	// ActivityKindAdministrativeTask: booking appointments, welfare-call lists and the like; must not be coded
	// as social prescribing.
	ActivityKindAdministrativeTask ActivityKind = "administrative-task"
)

// ActivityRecord is one piece of social prescribing activity as the recording rules see it: what
// happened, who did it, when, and what was coded in the GP clinical system.
//
// It holds no personal data: the episode id keys it to a referral.
type ActivityRecord struct {
	// EpisodeID identifies the episode (the referral id).
	EpisodeID string `json:"episodeId" validate:"required,max=64"`
	// Kind is what happened.
	Kind ActivityKind `json:"event" validate:"required,enum"`
	// WorkerRole is the role of the person who did it: one of the ARRS roles ([sp.ARRSRoles]), the
	// roles the recording rules tell apart.
	WorkerRole sp.Role `json:"workerRole" validate:"required,enum,oneof=social-prescribing-link-worker health-and-wellbeing-coach care-coordinator"`
	// ContactDate is the day it happened.
	ContactDate sp.Date `json:"contactDate" validate:"required"`
	// CodedOn is the day the codes were entered in the GP clinical system; the zero Date means not
	// yet coded.
	CodedOn sp.Date `json:"codedOn,omitzero"`
	// Codes are the SNOMED CT codes entered for the activity (other clinical codes may appear too).
	Codes []SCTID `json:"codes,omitempty" validate:"max=20,dive,required"`
}

// Validate checks r's fields and that it is not coded before the contact.
func (r ActivityRecord) Validate() error {
	c := validation.Struct("coding.ActivityRecord", &r)
	if r.CodedOn.IsValid() && r.ContactDate.IsValid() && r.CodedOn.Before(r.ContactDate) {
		c.Add("/codedOn", "date-order", fmt.Errorf("coding: coded before the contact: %w", sp.ErrInvalid))
	}
	if len(r.Codes) > 0 && !r.CodedOn.IsValid() {
		c.Add("/codedOn", "coded-on-missing", fmt.Errorf("coding: codes entered without the date they were entered: %w", sp.ErrRequired))
	}
	return c.Err()
}

// RecordingDays is the number of calendar days after a contact within which its codes must be entered
// when a PCN member records them for a link worker without system access: "as soon as possible and
// within a week of the contact" (NHS England, Social prescribing frequently asked questions,
// recording and coding activity; SOURCES.md#recording-deadline; confidence high).
const RecordingDays = 7

// RecordingDeadline returns the last day on which a contact's codes are on time: the contact date plus
// seven calendar days. A deadline after 9999-12-31, the last day [sp.Date] holds, is returned as
// 9999-12-31, which compares with every Date as the true deadline would; the zero Date gives the zero
// Date.
func RecordingDeadline(contact sp.Date) sp.Date {
	d, err := contact.AddDaysChecked(RecordingDays)
	if err != nil && contact.IsValid() {
		return sp.MustDate(9999, time.December, 31)
	}
	return d
}

// DueCode returns the social prescribing code an activity needs, and false if it needs none: the
// referral code when a link worker's referral is accepted, the declined code when it is declined.
func DueCode(event ActivityKind, role sp.Role) (Concept, bool) {
	if role != sp.RoleLinkWorker {
		return Concept{}, false
	}
	switch event {
	case ActivityKindReferralAccepted:
		return ReferralToSocialPrescribing(), true
	case ActivityKindReferralDeclined:
		return SocialPrescribingDeclined(), true
	}
	return Concept{}, false
}

// The rule identifiers of [CheckRecording]'s findings. They are stable: callers may switch on them.
const (
	RuleInvalidRecord     = "coding.invalid-record"
	RuleMissingCode       = "coding.missing-code"
	RuleWrongCode         = "coding.wrong-code"
	RuleReferralNotFirst  = "coding.referral-code-on-ongoing"
	RuleAdministrative    = "coding.administrative-task-coded"
	RuleDuplicateReferral = "coding.duplicate-referral-code"
	RuleLateRecording     = "coding.late-recording"
	RuleOverdue           = "coding.overdue"
	RuleCodeDue           = "coding.code-due"
	RuleWrongRole         = "coding.wrong-role"
	RuleNoAsOf            = "coding.no-as-of-date"
)

const sourceRecording = "NHS England, Social prescribing FAQs, recording and coding activity"

// CheckRecording applies the recording rules to activity records as of a date and returns the
// findings, sorted by [sp.CompareFindings]. Each finding's Subject is the record's episode id and its
// Path points into records ("/3/codes/0").
//
// The rules (NHS England, Social prescribing frequently asked questions, recording and coding
// activity; SOURCES.md#snomed-codes and #recording-deadline):
//   - coding.invalid-record (error): the record fails [ActivityRecord.Validate]; no other rule is applied to it;
//   - coding.missing-code (error): a link worker's acceptance or decline was coded without its code;
//   - coding.wrong-code (error): the declined code on an acceptance, or the referral code on a decline;
//   - coding.referral-code-on-ongoing (error): 871731000000106 on an ongoing contact (it marks the first
//     interaction of an episode only);
//   - coding.administrative-task-coded (error): a social prescribing code on an administrative task;
//   - coding.duplicate-referral-code (error): 871731000000106 more than once in one episode (the
//     earliest contact keeps it; every later one is flagged);
//   - coding.wrong-role (error): a social prescribing code on a health and wellbeing coach's or care
//     coordinator's activity (they have codes of their own);
//   - coding.late-recording (warning): coded after [RecordingDeadline];
//   - coding.overdue (error): a code is due, not yet entered, and asOf is past the deadline;
//   - coding.code-due (info): a code is due and not yet entered, with the deadline still to come;
//   - coding.no-as-of-date (error): asOf is the zero Date, so whether uncoded records are due or overdue
//     cannot be judged; it is reported once, with no subject, and neither of the two rules above is applied.
//
// CheckRecording is pure: the same records give the same findings, whatever their order (apart from
// the index in each Path).
func CheckRecording(records []ActivityRecord, asOf sp.Date) []sp.Finding {
	var out []sp.Finding
	add := func(i int, rule string, sev sp.Severity, path, msg string) {
		out = append(out, sp.Finding{Rule: rule, Severity: sev, Subject: records[i].EpisodeID,
			Path: "/" + strconv.Itoa(i) + path, Message: msg, Source: sourceRecording})
	}
	type first struct {
		date sp.Date
		idx  int
	}
	// The earliest contact (then the lowest index) carrying the referral code in each episode.
	firstReferral := map[string]first{}
	invalid := make([]error, len(records))
	for i, r := range records {
		if invalid[i] = r.Validate(); invalid[i] != nil {
			continue
		}
		if slices.Contains(r.Codes, referralID) {
			f, seen := firstReferral[r.EpisodeID]
			if !seen || r.ContactDate.Before(f.date) || (r.ContactDate == f.date && earlierTie(records, i, f.idx)) {
				firstReferral[r.EpisodeID] = first{r.ContactDate, i}
			}
		}
	}
	for i, r := range records {
		if err := invalid[i]; err != nil {
			add(i, RuleInvalidRecord, sp.SeverityError, "", "coding: the record is not valid and was not checked: "+err.Error())
			continue
		}
		deadline := RecordingDeadline(r.ContactDate)
		hasRef := slices.Contains(r.Codes, referralID)
		hasDec := slices.Contains(r.Codes, declinedID)
		if r.WorkerRole != sp.RoleLinkWorker && (hasRef || hasDec) {
			add(i, RuleWrongRole, sp.SeverityError, "/codes",
				"coding: social prescribing codes are for link workers' activity; this role has codes of its own")
		}
		switch r.Kind {
		case ActivityKindAdministrativeTask:
			if hasRef || hasDec {
				add(i, RuleAdministrative, sp.SeverityError, "/codes",
					"coding: administrative tasks must not be coded as social prescribing")
			}
		case ActivityKindOngoingContact:
			if hasRef {
				add(i, RuleReferralNotFirst, sp.SeverityError, "/codes",
					"coding: 871731000000106 marks the first interaction of an episode only, not ongoing activity")
			}
			if hasDec {
				add(i, RuleWrongCode, sp.SeverityError, "/codes",
					"coding: 871711000000103 records a declined referral, not an ongoing contact")
			}
		case ActivityKindReferralAccepted:
			if hasDec {
				add(i, RuleWrongCode, sp.SeverityError, "/codes",
					"coding: 871711000000103 (declined) recorded on an accepted referral")
			}
		case ActivityKindReferralDeclined:
			if hasRef {
				add(i, RuleWrongCode, sp.SeverityError, "/codes",
					"coding: 871731000000106 (accepted) recorded on a declined referral")
			}
		}
		if n := count(r.Codes, referralID); n > 1 || (n == 1 && firstReferral[r.EpisodeID].idx != i) {
			add(i, RuleDuplicateReferral, sp.SeverityError, "/codes",
				"coding: 871731000000106 is recorded once per episode, at its first interaction")
		}
		if due, ok := DueCode(r.Kind, r.WorkerRole); ok {
			switch {
			case !asOf.IsValid() && !r.CodedOn.IsValid():
				// Not judged: reported once below.
			case r.CodedOn.IsValid() && !slices.Contains(r.Codes, due.ID):
				add(i, RuleMissingCode, sp.SeverityError, "/codes",
					"coding: "+due.ID.String()+" is due for this event and was not entered")
			case !r.CodedOn.IsValid() && asOf.After(deadline):
				add(i, RuleOverdue, sp.SeverityError, "/codedOn",
					"coding: "+due.ID.String()+" is due and overdue: the deadline was "+deadline.String())
			case !r.CodedOn.IsValid():
				add(i, RuleCodeDue, sp.SeverityInfo, "/codedOn",
					"coding: "+due.ID.String()+" is due by "+deadline.String())
			}
		}
		if r.CodedOn.IsValid() && r.CodedOn.After(deadline) {
			add(i, RuleLateRecording, sp.SeverityWarning, "/codedOn",
				"coding: coded "+strconv.Itoa(r.ContactDate.DaysUntil(r.CodedOn))+" days after the contact; the rule is within "+strconv.Itoa(RecordingDays))
		}
	}
	if !asOf.IsValid() {
		out = append(out, sp.Finding{Rule: RuleNoAsOf, Severity: sp.SeverityError,
			Message: "coding: no as-of date was given, so codes not yet entered were not judged due or overdue", Source: sourceRecording})
	}
	return sp.SortFindings(out)
}

// earlierTie breaks a tie between two records of one episode on the same contact date by their
// content, so that which one keeps the referral code does not depend on input order.
func earlierTie(records []ActivityRecord, i, j int) bool {
	a, b := records[i], records[j]
	if c := a.CodedOn.Compare(b.CodedOn); c != 0 {
		return c < 0
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if len(a.Codes) != len(b.Codes) {
		return len(a.Codes) < len(b.Codes)
	}
	// A link worker's record keeps the code before another role's (which is flagged as the wrong
	// role anyway); then the role, then the codes themselves. Records equal in all of these are
	// interchangeable, so the index may decide.
	if al, bl := a.WorkerRole == sp.RoleLinkWorker, b.WorkerRole == sp.RoleLinkWorker; al != bl {
		return al
	}
	if a.WorkerRole != b.WorkerRole {
		return a.WorkerRole < b.WorkerRole
	}
	if c := slices.CompareFunc(a.Codes, b.Codes, func(x, y SCTID) int { return cmp.Compare(x.v, y.v) }); c != 0 {
		return c < 0
	}
	return i < j
}

func count(ids []SCTID, id SCTID) int {
	n := 0
	for _, x := range ids {
		if x == id {
			n++
		}
	}
	return n
}
