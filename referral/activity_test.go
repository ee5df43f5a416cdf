package referral_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// The two codes NHS England publishes (SOURCES.md#snomed-codes), written out here rather than taken
// from the coding package.
var (
	codeReferral = coding.MustParseSCTID("871731000000106")
	codeDeclined = coding.MustParseSCTID("871711000000103")
)

func TestCodesDue(t *testing.T) {
	byRole := func(k referral.EventKind, day int, role sp.Role) referral.Event {
		e := ev(k, at(day, 9))
		e.By = role
		return e
	}
	tests := []struct {
		name   string
		reason string
		events []referral.Event
		want   []string // codes due, in order
	}{
		{"accepted by link worker", "871731000000106 when the person accepts (NHS England FAQs)", []referral.Event{ev(referral.EventKindAccept, at(14, 9))}, []string{"871731000000106"}},
		{"declined", "871711000000103 when the person declines (NHS England FAQs)", []referral.Event{ev(referral.EventKindDecline, at(14, 9))}, []string{"871711000000103"}},
		{"contacts", "the referral code is for the first interaction only, not ongoing activity", []referral.Event{ev(referral.EventKindAccept, at(14, 9)), ev(referral.EventKindContact, at(15, 9)), ev(referral.EventKindContact, at(16, 9)), ev(referral.EventKindComplete, at(20, 9))}, []string{"871731000000106"}},
		{"coach", "health and wellbeing coaches have their own codes, not these", []referral.Event{byRole(referral.EventKindAccept, 14, sp.RoleHealthAndWellbeingCoach)}, nil},
		{"rejected", "a rejection by the service makes no code due", []referral.Event{evr(referral.EventKindReject, at(14, 9), referral.ReasonOutOfArea)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := applyAll(t, sample(), tt.events...)
			var got []string
			for _, d := range r.CodesDue() {
				got = append(got, d.Concept.ID.String())
				if want := d.ContactDate.AddDays(7); d.Deadline != want {
					t.Errorf("deadline: got %s, want %s (within a week of the contact)", d.Deadline, want)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("codes due (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestActivities(t *testing.T) {
	r := applyAll(t, sample(),
		ev(referral.EventKindAccept, at(14, 9)),
		ev(referral.EventKindContact, at(15, 9)),
		ev(referral.EventKindHold, at(16, 9)),
		ev(referral.EventKindResume, at(17, 9)),
		referral.Event{Kind: referral.EventKindContact, At: at(18, 9), By: sp.RoleCareNavigator},
		referral.Event{Kind: referral.EventKindContact, At: at(19, 9), By: sp.RoleCareCoordinator},
	)
	r, err := r.RecordCodes(0, sp.MustParseDate("2024-05-20"), codeReferral)
	if err != nil {
		t.Fatal(err)
	}
	want := []coding.ActivityRecord{
		{EpisodeID: "ep-2024-0042", Kind: coding.ActivityKindReferralAccepted, WorkerRole: sp.RoleLinkWorker, ContactDate: sp.MustParseDate("2024-05-14"), CodedOn: sp.MustParseDate("2024-05-20"), Codes: []coding.SCTID{codeReferral}},
		{EpisodeID: "ep-2024-0042", Kind: coding.ActivityKindOngoingContact, WorkerRole: sp.RoleLinkWorker, ContactDate: sp.MustParseDate("2024-05-15")},
		{EpisodeID: "ep-2024-0042", Kind: coding.ActivityKindOngoingContact, WorkerRole: sp.RoleCareCoordinator, ContactDate: sp.MustParseDate("2024-05-19")},
	}
	got := r.Activities()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Activities (-want +got):\n%s", diff)
	}
	for i, a := range got {
		if err := a.Validate(); err != nil {
			t.Errorf("record %d: %v", i, err)
		}
	}
	got[0].Codes[0] = codeDeclined
	if r.History[0].Codes[0] != codeReferral {
		t.Errorf("Activities shares the codes slice with the history")
	}
	// Coded within the week: the recording rules find nothing to say.
	if fs := coding.CheckRecording(r.Activities(), sp.MustParseDate("2024-06-30")); len(fs) != 0 {
		t.Errorf("CheckRecording: got %v, want no findings", fs)
	}
}

func TestActivitiesOverdue(t *testing.T) {
	r := applyAll(t, sample(), ev(referral.EventKindAccept, at(14, 9)))
	tests := []struct {
		name, reason, asOf, rule string
	}{
		{"within the week", "the deadline is the contact plus seven days (NHS England FAQs, within a week)", "2024-05-21", coding.RuleCodeDue},
		{"past the week", "not coded a week after the contact", "2024-05-22", coding.RuleOverdue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := coding.CheckRecording(r.Activities(), sp.MustParseDate(tt.asOf))
			if len(fs) != 1 || fs[0].Rule != tt.rule {
				t.Errorf("got %v, want one %s (%s)", fs, tt.rule, tt.reason)
			}
		})
	}
}

func TestRecordCodes(t *testing.T) {
	r := applyAll(t, sample(), ev(referral.EventKindAccept, at(14, 9)))
	tests := []struct {
		name, reason string
		i            int
		on           string
		codes        []coding.SCTID
	}{
		{"no such event", "index out of range", 1, "2024-05-14", []coding.SCTID{codeReferral}},
		{"before the event", "codes cannot be entered before the contact", 0, "2024-05-13", []coding.SCTID{codeReferral}},
		{"no codes", "nothing to record", 0, "2024-05-14", nil},
		{"zero code", "a code must be a SNOMED CT identifier", 0, "2024-05-14", []coding.SCTID{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.RecordCodes(tt.i, sp.MustParseDate(tt.on), tt.codes...)
			if !errors.Is(err, referral.ErrTransition) {
				t.Fatalf("got %v, want ErrTransition (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(r, got); diff != "" {
				t.Errorf("refused RecordCodes changed the referral:\n%s", diff)
			}
		})
	}
	coded, err := r.RecordCodes(0, sp.MustParseDate("2024-05-14"), codeReferral)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.History[0].Codes) != 0 {
		t.Errorf("RecordCodes changed its receiver")
	}
	if _, err := coded.RecordCodes(0, sp.MustParseDate("2024-05-15"), codeReferral); !errors.Is(err, referral.ErrTransition) {
		t.Errorf("second RecordCodes: got %v, want ErrTransition (write-once)", err)
	}
	if err := coded.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// TestCodesNotShared checks that the codes of an applied event are copied in, and that Clone copies
// each event's codes.
func TestCodesNotShared(t *testing.T) {
	codes := []coding.SCTID{codeReferral}
	e := ev(referral.EventKindAccept, at(14, 9))
	e.CodedOn, e.Codes = sp.MustParseDate("2024-05-14"), codes
	r, err := sample().Apply(e)
	if err != nil {
		t.Fatal(err)
	}
	codes[0] = codeDeclined
	if r.History[0].Codes[0] != codeReferral {
		t.Errorf("Apply kept the caller's codes slice")
	}
	c := r.Clone()
	c.History[0].Codes[0] = codeDeclined
	if r.History[0].Codes[0] != codeReferral {
		t.Errorf("Clone shares an event's codes")
	}
}
