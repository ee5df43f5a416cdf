package coding_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

var (
	refCode  = coding.MustParseSCTID("871731000000106") // NHS England FAQs: referral accepted (SOURCES.md#snomed-codes)
	decCode  = coding.MustParseSCTID("871711000000103") // NHS England FAQs: referral declined (SOURCES.md#snomed-codes)
	swemwbs  = coding.MustParseSCTID("718466001")       // a score code: not a social prescribing code
	selfRefl = coding.MustParseSCTID("306098008")
)

func date(s string) sp.Date {
	if s == "" {
		return sp.Date{}
	}
	return sp.MustParseDate(s)
}

// rec builds an activity record; coded "" means not yet coded.
func rec(ep string, ev coding.ActivityKind, role sp.Role, contact, coded string, codes ...coding.SCTID) coding.ActivityRecord {
	return coding.ActivityRecord{EpisodeID: ep, Kind: ev, WorkerRole: role, ContactDate: date(contact), CodedOn: date(coded), Codes: codes}
}

const (
	accepted = coding.ActivityKindReferralAccepted
	declined = coding.ActivityKindReferralDeclined
	ongoing  = coding.ActivityKindOngoingContact
	admin    = coding.ActivityKindAdministrativeTask
	lw       = sp.RoleLinkWorker
	hwbc     = sp.RoleHealthAndWellbeingCoach
	cc       = sp.RoleCareCoordinator
)

// found is the part of a finding a test pins down; the message is checked separately.
type found struct {
	Rule     string
	Severity sp.Severity
	Subject  string
	Path     string
}

func summarise(fs []sp.Finding) []found {
	var out []found
	for _, f := range fs {
		out = append(out, found{f.Rule, f.Severity, f.Subject, f.Path})
	}
	return out
}

const (
	E = sp.SeverityError
	W = sp.SeverityWarning
	I = sp.SeverityInfo
)

func TestCheckRecording(t *testing.T) {
	tests := []struct {
		name, reason string
		records      []coding.ActivityRecord
		asOf         string
		want         []found
	}{
		// Records that follow the rules.
		{
			name: "no records", reason: "nothing to check",
			records: nil, asOf: "2024-06-30", want: nil,
		},
		{
			name: "acceptance coded on the day", reason: "871731000000106 when the person accepts (NHS England FAQs)",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "decline coded on the day", reason: "871711000000103 when the person declines",
			records: []coding.ActivityRecord{rec("EP-1", declined, lw, "2024-03-01", "2024-03-01", decCode)},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "acceptance with a score code as well", reason: "other clinical codes may appear beside the social prescribing code",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-02", swemwbs, refCode)},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "ongoing contact not coded", reason: "neither social prescribing code applies to ongoing activity",
			records: []coding.ActivityRecord{rec("EP-1", ongoing, lw, "2024-03-01", "")},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "administrative task with a score code", reason: "only the social prescribing codes are barred from administrative tasks",
			records: []coding.ActivityRecord{rec("EP-1", admin, lw, "2024-03-01", "2024-03-01", swemwbs)},
			asOf:    "2024-06-30", want: nil,
		},
		// coding.missing-code
		{
			name: "acceptance coded without the referral code", reason: "a coded acceptance must carry 871731000000106",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-02", swemwbs)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-1", "/0/codes"}},
		},
		{
			name: "acceptance coded with no codes", reason: "a coding date without codes still lacks the code",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-02")},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-1", "/0/codes"}},
		},
		{
			name: "decline coded without the declined code", reason: "a coded decline must carry 871711000000103",
			records: []coding.ActivityRecord{rec("EP-7", declined, lw, "2024-03-01", "2024-03-02", selfRefl)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-7", "/0/codes"}},
		},
		// coding.wrong-code
		{
			name: "declined code on an acceptance", reason: "the wrong code for the event, and the right one is missing",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", decCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-1", "/0/codes"}, {coding.RuleWrongCode, E, "EP-1", "/0/codes"}},
		},
		{
			name: "referral code on a decline", reason: "the wrong code for the event, and the right one is missing",
			records: []coding.ActivityRecord{rec("EP-1", declined, lw, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-1", "/0/codes"}, {coding.RuleWrongCode, E, "EP-1", "/0/codes"}},
		},
		{
			name: "both codes on an acceptance", reason: "the declined code is wrong even beside the right one",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, decCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleWrongCode, E, "EP-1", "/0/codes"}},
		},
		{
			name: "declined code on an ongoing contact", reason: "the declined code records a decline, not a contact",
			records: []coding.ActivityRecord{rec("EP-1", ongoing, lw, "2024-03-01", "2024-03-01", decCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleWrongCode, E, "EP-1", "/0/codes"}},
		},
		// coding.referral-code-on-ongoing
		{
			name: "referral code on an ongoing contact", reason: "871731000000106 is for the first interaction only, not ongoing activity",
			records: []coding.ActivityRecord{rec("EP-1", ongoing, lw, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleReferralNotFirst, E, "EP-1", "/0/codes"}},
		},
		// coding.administrative-task-coded
		{
			name: "referral code on an administrative task", reason: "administrative tasks must not be coded as social prescribing",
			records: []coding.ActivityRecord{rec("EP-1", admin, lw, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleAdministrative, E, "EP-1", "/0/codes"}},
		},
		{
			name: "declined code on an administrative task", reason: "administrative tasks must not be coded as social prescribing",
			records: []coding.ActivityRecord{rec("EP-1", admin, lw, "2024-03-01", "2024-03-01", decCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleAdministrative, E, "EP-1", "/0/codes"}},
		},
		// coding.duplicate-referral-code
		{
			name: "referral code on two acceptances", reason: "once per episode: the earliest keeps it, the later one is flagged",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
				rec("EP-1", accepted, lw, "2024-03-10", "2024-03-10", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/1/codes"}},
		},
		{
			name: "referral code on two acceptances, later one first", reason: "the earliest contact keeps the code whatever the input order",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-10", "2024-03-10", refCode),
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/0/codes"}},
		},
		{
			name: "referral code twice in one record", reason: "twice is a duplicate even on the first interaction",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleDuplicateReferral, E, "EP-1", "/0/codes"}},
		},
		{
			name: "referral code once in each of two episodes", reason: "the rule counts per episode",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
				rec("EP-2", accepted, lw, "2024-03-10", "2024-03-10", refCode),
			},
			asOf: "2024-06-30", want: nil,
		},
		{
			name: "referral code repeated on a later ongoing contact", reason: "both a duplicate and ongoing activity",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
				rec("EP-1", ongoing, lw, "2024-03-15", "2024-03-15", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/1/codes"}, {coding.RuleReferralNotFirst, E, "EP-1", "/1/codes"}},
		},
		{
			name: "same-day acceptances by a coach and a link worker", reason: "the link worker's record keeps the code, whatever the input order",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, hwbc, "2024-03-01", "2024-03-01", refCode),
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/0/codes"}, {coding.RuleWrongRole, E, "EP-1", "/0/codes"}},
		},
		{
			name: "same-day acceptances by a link worker and a coach", reason: "the same records in the other order",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
				rec("EP-1", accepted, hwbc, "2024-03-01", "2024-03-01", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/1/codes"}, {coding.RuleWrongRole, E, "EP-1", "/1/codes"}},
		},
		{
			name: "same-day acceptances with different score codes", reason: "the tie is broken by the codes, not the input order",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, swemwbs),
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, selfRefl),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/0/codes"}},
		},
		{
			name: "same-day acceptances with different score codes, swapped", reason: "306098008 < 718466001, so the self-referral one keeps the code",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, selfRefl),
				rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode, swemwbs),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleDuplicateReferral, E, "EP-1", "/1/codes"}},
		},
		// coding.wrong-role
		{
			name: "referral code on a coach's activity", reason: "health and wellbeing coaches have their own codes (NHS England FAQs)",
			records: []coding.ActivityRecord{rec("EP-1", accepted, hwbc, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleWrongRole, E, "EP-1", "/0/codes"}},
		},
		{
			name: "declined code on a care coordinator's activity", reason: "care coordinators have their own codes",
			records: []coding.ActivityRecord{rec("EP-1", declined, cc, "2024-03-01", "2024-03-01", decCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleWrongRole, E, "EP-1", "/0/codes"}},
		},
		{
			name: "coach's acceptance not coded", reason: "no social prescribing code is due for another role, so none is overdue",
			records: []coding.ActivityRecord{rec("EP-1", accepted, hwbc, "2024-03-01", "")},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "referral code on a coach's ongoing contact", reason: "two rules broken at once",
			records: []coding.ActivityRecord{rec("EP-1", ongoing, hwbc, "2024-03-01", "2024-03-01", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleReferralNotFirst, E, "EP-1", "/0/codes"}, {coding.RuleWrongRole, E, "EP-1", "/0/codes"}},
		},
		// coding.late-recording: "within a week of the contact" (NHS England FAQs, SOURCES.md#recording-deadline)
		{
			name: "coded on day 7", reason: "the seventh day after the contact is within a week",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-08", refCode)},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "coded on day 8", reason: "the eighth day after the contact is late",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-03-09", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleLateRecording, W, "EP-1", "/0/codedOn"}},
		},
		{
			name: "coded on day 7 across 29 February", reason: "2024-02-26 + 7 days is 2024-03-04 in a leap year",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-02-26", "2024-03-04", refCode)},
			asOf:    "2024-06-30", want: nil,
		},
		{
			name: "coded on day 8 across 29 February", reason: "2024-03-05 is eight days after 2024-02-26",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-02-26", "2024-03-05", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleLateRecording, W, "EP-1", "/0/codedOn"}},
		},
		{
			name: "coded on day 7 across February of a common year", reason: "2023-02-26 + 7 days is 2023-03-05",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2023-02-26", "2023-03-05", refCode)},
			asOf:    "2023-06-30", want: nil,
		},
		{
			name: "ongoing contact coded late", reason: "the week applies to every contact's codes, not only the social prescribing ones",
			records: []coding.ActivityRecord{rec("EP-1", ongoing, lw, "2024-03-01", "2024-03-20", swemwbs)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleLateRecording, W, "EP-1", "/0/codedOn"}},
		},
		{
			name: "wrong code and late", reason: "a record can break several rules",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "2024-04-01", swemwbs)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleMissingCode, E, "EP-1", "/0/codes"}, {coding.RuleLateRecording, W, "EP-1", "/0/codedOn"}},
		},
		// coding.code-due and coding.overdue, relative to asOf
		{
			name: "acceptance not coded, as of the contact day", reason: "the code is due and the week has not passed",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "")},
			asOf:    "2024-03-01",
			want:    []found{{coding.RuleCodeDue, I, "EP-1", "/0/codedOn"}},
		},
		{
			name: "acceptance not coded, as of the deadline", reason: "day 7 is still on time",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "")},
			asOf:    "2024-03-08",
			want:    []found{{coding.RuleCodeDue, I, "EP-1", "/0/codedOn"}},
		},
		{
			name: "acceptance not coded, as of the day after the deadline", reason: "day 8 without the code is overdue",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "")},
			asOf:    "2024-03-09",
			want:    []found{{coding.RuleOverdue, E, "EP-1", "/0/codedOn"}},
		},
		{
			name: "decline not coded, long past", reason: "the declined code is due too",
			records: []coding.ActivityRecord{rec("EP-1", declined, lw, "2024-03-01", "")},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleOverdue, E, "EP-1", "/0/codedOn"}},
		},
		{
			name: "acceptance not coded, as of a day before the contact", reason: "a future contact is not overdue",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "")},
			asOf:    "2024-02-01",
			want:    []found{{coding.RuleCodeDue, I, "EP-1", "/0/codedOn"}},
		},
		// coding.invalid-record
		{
			name: "no episode id", reason: "an invalid record is reported and not checked further",
			records: []coding.ActivityRecord{rec("", accepted, lw, "2024-03-01", "")},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleInvalidRecord, E, "", "/0"}},
		},
		{
			name: "codes without the date they were entered", reason: "invalid, so no code-due or overdue finding",
			records: []coding.ActivityRecord{rec("EP-1", accepted, lw, "2024-03-01", "", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleInvalidRecord, E, "EP-1", "/0"}},
		},
		{
			name: "coded before the contact", reason: "invalid, so the administrative-task rule is not applied",
			records: []coding.ActivityRecord{rec("EP-1", admin, lw, "2024-03-01", "2024-02-28", refCode)},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleInvalidRecord, E, "EP-1", "/0"}},
		},
		{
			name: "unknown event", reason: "an event outside Events is invalid",
			records: []coding.ActivityRecord{rec("EP-1", "first-contact", lw, "2024-03-01", "")},
			asOf:    "2024-06-30",
			want:    []found{{coding.RuleInvalidRecord, E, "EP-1", "/0"}},
		},
		{
			name: "an invalid record does not keep the referral code", reason: "the valid later record is the first to carry it",
			records: []coding.ActivityRecord{
				rec("EP-1", accepted, lw, "2024-03-01", "", refCode),
				rec("EP-1", accepted, lw, "2024-03-05", "2024-03-05", refCode),
			},
			asOf: "2024-06-30",
			want: []found{{coding.RuleInvalidRecord, E, "EP-1", "/0"}},
		},
		// Order of the findings.
		{
			name: "findings sorted errors first, then by subject", reason: "sp.CompareFindings is the one order",
			records: []coding.ActivityRecord{
				rec("EP-2", accepted, lw, "2024-03-01", "2024-03-20", refCode), // late: warning
				rec("EP-1", accepted, lw, "2024-06-28", ""),                    // due: info
				rec("EP-3", ongoing, lw, "2024-03-01", "2024-03-01", refCode),  // error
				rec("EP-0", declined, lw, "2024-03-01", ""),                    // overdue: error
			},
			asOf: "2024-06-30",
			want: []found{
				{coding.RuleOverdue, E, "EP-0", "/3/codedOn"},
				{coding.RuleReferralNotFirst, E, "EP-3", "/2/codes"},
				{coding.RuleLateRecording, W, "EP-2", "/0/codedOn"},
				{coding.RuleCodeDue, I, "EP-1", "/1/codedOn"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := coding.CheckRecording(tc.records, date(tc.asOf))
			if diff := cmp.Diff(tc.want, summarise(got)); diff != "" {
				t.Errorf("CheckRecording findings mismatch (%s) (-want +got):\n%s", tc.reason, diff)
			}
			for _, f := range got {
				if !strings.HasPrefix(f.Message, "coding: ") || f.Source == "" {
					t.Errorf("finding %v: want a message starting with the package name and a source", f)
				}
				if err := f.Validate(); err != nil {
					t.Errorf("finding %v does not validate: %v", f, err)
				}
			}
		})
	}
}

func TestCheckRecordingDoesNotModifyInput(t *testing.T) {
	records := []coding.ActivityRecord{
		rec("EP-1", accepted, lw, "2024-03-10", "2024-03-10", refCode, decCode),
		rec("EP-1", accepted, lw, "2024-03-01", "2024-03-01", refCode),
	}
	before := slices.Clone(records)
	before[0].Codes = slices.Clone(records[0].Codes)
	coding.CheckRecording(records, date("2024-06-30"))
	if diff := cmp.Diff(before, records); diff != "" {
		t.Errorf("CheckRecording changed its input (-before +after):\n%s", diff)
	}
}

func TestCheckRecordingEndOfCalendar(t *testing.T) {
	// A contact in the last week of year 9999: the deadline lies past the last day a Date holds, and
	// checking must neither panic nor call anything late.
	records := []coding.ActivityRecord{
		rec("EP-1", accepted, lw, "9999-12-30", "9999-12-31", refCode),
		rec("EP-2", accepted, lw, "9999-12-31", ""),
	}
	got := coding.CheckRecording(records, date("9999-12-31"))
	want := []found{{coding.RuleCodeDue, I, "EP-2", "/1/codedOn"}}
	if diff := cmp.Diff(want, summarise(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestRecordingDeadline(t *testing.T) {
	tests := []struct {
		name, reason, contact, want string
	}{
		{"within a month", "plus seven calendar days", "2024-03-01", "2024-03-08"},
		{"across a 31-day month end", "January has 31 days", "2024-01-25", "2024-02-01"},
		{"across a 30-day month end", "April has 30 days", "2024-04-30", "2024-05-07"},
		{"onto 29 February", "2024 is a leap year", "2024-02-22", "2024-02-29"},
		{"across 29 February", "2024 is a leap year", "2024-02-23", "2024-03-01"},
		{"across February of a common year", "2023 has 28 days in February", "2023-02-22", "2023-03-01"},
		{"from 29 February", "a leap day contact", "2024-02-29", "2024-03-07"},
		{"century not a leap year", "2100 is not divisible by 400", "2100-02-22", "2100-03-01"},
		{"century leap year", "2000 is divisible by 400", "2000-02-22", "2000-02-29"},
		{"across the year end", "into January", "2024-12-25", "2025-01-01"},
		{"from the last day of a year", "into January", "2024-12-31", "2025-01-07"},
		{"near the end of the calendar", "held at the last day a Date holds", "9999-12-28", "9999-12-31"},
		{"the last day of the calendar", "held at the last day a Date holds", "9999-12-31", "9999-12-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := coding.RecordingDeadline(date(tc.contact)); got != date(tc.want) {
				t.Errorf("RecordingDeadline(%s) = %s, want %s (%s)", tc.contact, got, tc.want, tc.reason)
			}
		})
	}
	if got := coding.RecordingDeadline(sp.Date{}); got.IsValid() {
		t.Errorf("RecordingDeadline(zero) = %s, want the zero Date", got)
	}
	if coding.RecordingDays != 7 {
		t.Errorf("RecordingDays = %d, want 7 (\"within a week of the contact\", NHS England FAQs)", coding.RecordingDays)
	}
}

func TestDueCode(t *testing.T) {
	tests := []struct {
		name, reason string
		event        coding.ActivityKind
		role         sp.Role
		want         string // "" for no code
	}{
		{"link worker, accepted", "871731000000106 when the person accepts", accepted, lw, "871731000000106"},
		{"link worker, declined", "871711000000103 when the person declines", declined, lw, "871711000000103"},
		{"link worker, ongoing", "not for ongoing activity", ongoing, lw, ""},
		{"link worker, administrative", "never for administrative tasks", admin, lw, ""},
		{"coach, accepted", "coaches have their own codes", accepted, hwbc, ""},
		{"coach, declined", "coaches have their own codes", declined, hwbc, ""},
		{"care coordinator, accepted", "care coordinators have their own codes", accepted, cc, ""},
		{"care coordinator, declined", "care coordinators have their own codes", declined, cc, ""},
		{"unknown event", "no code for what the rules do not know", "first-contact", lw, ""},
		{"unknown role", "no code for a role the rules do not know", accepted, "receptionist", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := coding.DueCode(tc.event, tc.role)
			if ok != (tc.want != "") || c.ID.String() != tc.want {
				t.Errorf("DueCode(%s, %s) = %v, %v, want %q (%s)", tc.event, tc.role, c.ID, ok, tc.want, tc.reason)
			}
			if ok && c.Term == "" {
				t.Errorf("DueCode(%s, %s) has no term", tc.event, tc.role)
			}
		})
	}
}

func TestActivityRecordValidate(t *testing.T) {
	valid := rec("EP-1", accepted, lw, "2024-03-01", "2024-03-02", refCode)
	tests := []struct {
		name, reason string
		mutate       func(*coding.ActivityRecord)
		path, rule   string // "" for valid
		sentinel     error
	}{
		{"valid", "a coded acceptance", func(*coding.ActivityRecord) {}, "", "", nil},
		{"coded on the contact day", "the same day is not before the contact", func(r *coding.ActivityRecord) { r.CodedOn = r.ContactDate }, "", "", nil},
		{"not yet coded", "no codes and no date", func(r *coding.ActivityRecord) { r.CodedOn, r.Codes = sp.Date{}, nil }, "", "", nil},
		{"coded with no codes", "a date without codes is allowed", func(r *coding.ActivityRecord) { r.Codes = nil }, "", "", nil},
		{"64-character episode id", "at the limit", func(r *coding.ActivityRecord) { r.EpisodeID = strings.Repeat("x", 64) }, "", "", nil},
		{"20 codes", "at the limit", func(r *coding.ActivityRecord) { r.Codes = slices.Repeat([]coding.SCTID{swemwbs}, 20) }, "", "", nil},
		{"no episode id", "required", func(r *coding.ActivityRecord) { r.EpisodeID = "" }, "/episodeId", "required", sp.ErrRequired},
		{"65-character episode id", "at most 64", func(r *coding.ActivityRecord) { r.EpisodeID = strings.Repeat("x", 65) }, "/episodeId", "max", sp.ErrInvalid},
		{"no event", "required", func(r *coding.ActivityRecord) { r.Kind = "" }, "/event", "required", sp.ErrRequired},
		{"unknown event", "one of Events", func(r *coding.ActivityRecord) { r.Kind = "Referral-Accepted" }, "/event", "enum", sp.ErrInvalid},
		{"no role", "required", func(r *coding.ActivityRecord) { r.WorkerRole = "" }, "/workerRole", "required", sp.ErrRequired},
		{"unknown role", "one of WorkerRoles", func(r *coding.ActivityRecord) { r.WorkerRole = "gp" }, "/workerRole", "enum", sp.ErrInvalid},
		{"no contact date", "required", func(r *coding.ActivityRecord) { r.ContactDate = sp.Date{} }, "/contactDate", "required", sp.ErrRequired},
		{"coded before the contact", "codes cannot precede the contact", func(r *coding.ActivityRecord) { r.CodedOn = date("2024-02-29") }, "/codedOn", "date-order", sp.ErrInvalid},
		{"codes without a coding date", "when they were entered is needed for the week rule", func(r *coding.ActivityRecord) { r.CodedOn = sp.Date{} }, "/codedOn", "coded-on-missing", sp.ErrRequired},
		{"21 codes", "at most 20", func(r *coding.ActivityRecord) { r.Codes = slices.Repeat([]coding.SCTID{swemwbs}, 21) }, "/codes", "max", sp.ErrInvalid},
		{"a zero code", "every code is required", func(r *coding.ActivityRecord) { r.Codes = []coding.SCTID{refCode, {}} }, "/codes/1", "required", sp.ErrRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := valid
			r.Codes = slices.Clone(valid.Codes)
			tc.mutate(&r)
			err := r.Validate()
			if tc.rule == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil (%s)", err, tc.reason)
				}
				return
			}
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a *ValidationError (%s)", err, tc.reason)
			}
			if !ve.Has(tc.path, tc.rule) {
				t.Errorf("Validate() = %v, want %s at %s (%s)", err, tc.rule, tc.path, tc.reason)
			}
			if len(ve.Errors) != 1 {
				t.Errorf("Validate() reported %d errors, want 1: %v", len(ve.Errors), err)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("Validate() = %v, want it to wrap %v", err, tc.sentinel)
			}
			if r.EpisodeID != "" && len(r.EpisodeID) < 64 && strings.Contains(err.Error(), r.EpisodeID) {
				t.Errorf("error %q contains the episode id", err)
			}
		})
	}
}

func TestEnums(t *testing.T) {
	if diff := cmp.Diff([]coding.ActivityKind{accepted, declined, ongoing, admin}, coding.ActivityKinds()); diff != "" {
		t.Errorf("Events() (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]sp.Role{lw, hwbc, cc}, sp.ARRSRoles()); diff != "" {
		t.Errorf("WorkerRoles() (-want +got):\n%s", diff)
	}
	// The lists are fresh copies.
	coding.ActivityKinds()[0] = "changed"
	sp.ARRSRoles()[0] = "changed"
	if coding.ActivityKinds()[0] != accepted || sp.ARRSRoles()[0] != lw {
		t.Error("changing a returned list changed the package's list")
	}
	for _, e := range coding.ActivityKinds() {
		b, err := e.MarshalText()
		var back coding.ActivityKind
		if err != nil || back.UnmarshalText(b) != nil || back != e || !e.IsValid() {
			t.Errorf("Event %q does not round-trip", e)
		}
	}
	for _, r := range sp.ARRSRoles() {
		b, err := r.MarshalText()
		var back sp.Role
		if err != nil || back.UnmarshalText(b) != nil || back != r || !r.IsValid() {
			t.Errorf("WorkerRole %q does not round-trip", r)
		}
	}
	for _, bad := range []string{"", "Referral-Accepted", "referral-accepted ", "link worker"} {
		var e coding.ActivityKind
		if err := e.UnmarshalText([]byte(bad)); err == nil || coding.ActivityKind(bad).IsValid() {
			t.Errorf("Event %q accepted", bad)
		} else if !strings.HasPrefix(err.Error(), "coding: ") {
			t.Errorf("Event error %q does not start with the package name", err)
		}
		var r sp.Role
		if err := r.UnmarshalText([]byte(bad)); err == nil || sp.Role(bad).IsValid() {
			t.Errorf("WorkerRole %q accepted", bad)
		}
		if _, err := coding.ActivityKind(bad).MarshalText(); err == nil {
			t.Errorf("Event(%q).MarshalText succeeded", bad)
		}
		if _, err := sp.Role(bad).MarshalText(); err == nil {
			t.Errorf("WorkerRole(%q).MarshalText succeeded", bad)
		}
	}
}

// TestFixtures runs every fixture in testdata through the strict decoder and Validate: a valid one
// passes both; an invalid one fails with the rule its file name gives.
func TestFixtures(t *testing.T) {
	for _, kind := range []string{"valid", "invalid"} {
		paths, err := filepath.Glob(filepath.Join("testdata", kind, "activity-record.*.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) == 0 {
			t.Fatalf("no %s fixtures", kind)
		}
		for _, p := range paths {
			t.Run(kind+"/"+filepath.Base(p), func(t *testing.T) {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				var r coding.ActivityRecord
				err = sp.Decode(data, &r)
				if err == nil {
					err = r.Validate()
				}
				if kind == "valid" {
					if err != nil {
						t.Fatalf("valid fixture rejected: %v", err)
					}
					return
				}
				rule := strings.Split(filepath.Base(p), ".")[1]
				var ve *sp.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("invalid fixture: error %v, want a *ValidationError with rule %s", err, rule)
				}
				if !ve.Has("", rule) {
					t.Errorf("invalid fixture: error %v, want rule %s", err, rule)
				}
			})
		}
	}
}

// TestRecordingDeadlineAgreesWithTime compares RecordingDeadline with the time package on every day
// of 1999–2101.
func TestRecordingDeadlineAgreesWithTime(t *testing.T) {
	for tm := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() < 2102; tm = tm.AddDate(0, 0, 1) {
		c := sp.DateOf(tm)
		want := sp.DateOf(tm.AddDate(0, 0, 7))
		if got := coding.RecordingDeadline(c); got != want {
			t.Fatalf("RecordingDeadline(%s) = %s, want %s", c, got, want)
		}
	}
}

// TestCheckRecordingNoAsOf: with the zero as-of date, an uncoded acceptance is neither "due" nor
// "overdue" (either would be a guess); one coding.no-as-of-date error says why, and rules that do not
// depend on the date still apply.
func TestCheckRecordingNoAsOf(t *testing.T) {
	records := []coding.ActivityRecord{
		{EpisodeID: "EP-1", Kind: coding.ActivityKindReferralAccepted, WorkerRole: sp.RoleLinkWorker, ContactDate: sp.MustParseDate("2024-05-01")},
		{EpisodeID: "EP-2", Kind: coding.ActivityKindAdministrativeTask, WorkerRole: sp.RoleLinkWorker, ContactDate: sp.MustParseDate("2024-05-01"),
			CodedOn: sp.MustParseDate("2024-05-01"), Codes: []coding.SCTID{coding.MustParseSCTID(coding.ReferralToSocialPrescribingID)}},
	}
	var rules []string
	for _, f := range coding.CheckRecording(records, sp.Date{}) {
		rules = append(rules, f.Rule)
	}
	want := []string{coding.RuleNoAsOf, coding.RuleAdministrative} // sorted: no subject before "EP-2"
	if strings.Join(rules, ",") != strings.Join(want, ",") {
		t.Errorf("rules = %v, want %v", rules, want)
	}
}
