package episode

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// fixture decodes and validates a valid fixture.
func fixture(t testing.TB, name string) Episode {
	t.Helper()
	b, err := os.ReadFile("testdata/valid/episode." + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	e, err := decodeValidate(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return e
}

// TestValidateRules checks each rule across the parts on the completed fixture (accepted 2024-05-15,
// completed 2024-08-30, received 2024-05-13), one change at a time.
func TestValidateRules(t *testing.T) {
	tests := []struct {
		name, reason string
		change       func(e *Episode)
		path, rule   string
	}{
		{"plan of another episode", "the plan must carry the referral's id", func(e *Episode) { e.Plan.EpisodeID = "ep-x" }, "/plan/episodeId", RuleEpisodeID},
		{"measurement of another episode", "a measurement must carry the referral's id", func(e *Episode) { e.Measurements[3].EpisodeID = "ep-x" }, "/measurements/3/episodeId", RuleEpisodeID},
		{"service use of another episode", "the service-use record must carry the referral's id", func(e *Episode) { e.ServiceUse.EpisodeID = "ep-x" }, "/serviceUse/episodeId", RuleEpisodeID},
		{"plan referred date differs", "plan.referred is the day the referral was received", func(e *Episode) { e.Plan.Referred = d("2024-05-12") }, "/plan/referred", RuleReferredDate},
		{"plan created before acceptance", "a plan is made with a person who accepted", func(e *Episode) {
			e.Plan.Created, e.Plan.AgreedOn, e.Plan.Goals[0].Set = d("2024-05-14"), d("2024-05-14"), d("2024-05-14")
		}, "/plan/created", RuleLifecycle},
		{"contact before acceptance", "no contact with the person before they accepted", func(e *Episode) { e.Plan.Contacts[0].Date = d("2024-05-14") }, "/plan/contacts/0/date", RuleLifecycle},
		{"contact after the end", "no contact after the referral completed", func(e *Episode) { e.Plan.Contacts[3].Date = d("2024-08-31") }, "/plan/contacts/3/date", RuleLifecycle},
		{"measurement before acceptance", "measures are taken with the person's agreement", func(e *Episode) { e.Measurements[0].Date = d("2024-05-14") }, "/measurements/0/date", RuleLifecycle},
		{"baseline after the end", "a baseline cannot follow the end of the episode", func(e *Episode) { e.Measurements[0].Date = d("2024-08-31") }, "/measurements/0/date", RuleLifecycle},
		{"before window overlaps the referral", "the before window is the time before the referral", func(e *Episode) { e.ServiceUse.Before.To = d("2024-05-14"); e.ServiceUse.After.From = d("2024-05-15") }, "/serviceUse/before/to", RuleLifecycle},
		{"after window starts early", "the after window starts with the referral", func(e *Episode) { e.ServiceUse.Before.To = d("2024-05-10"); e.ServiceUse.After.From = d("2024-05-11") }, "/serviceUse/after/from", RuleLifecycle},
		{"nested rule", "each part's own rules are reported under its path", func(e *Episode) { e.Plan.Agreed = false }, "/plan/agreedOn", "agreed"},
		{"too many measurements", "the episode's own tag: at most 100 measurements", func(e *Episode) {
			for len(e.Measurements) <= 100 {
				e.Measurements = append(e.Measurements, e.Measurements[1])
			}
		}, "/measurements", "max"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fixture(t, "completed").Clone()
			tt.change(&e)
			var ve *sp.ValidationError
			err := e.Validate()
			if !errors.As(err, &ve) || !ve.Has(tt.path, tt.rule) {
				t.Fatalf("%s: got %v; want %s at %s", tt.reason, err, tt.rule, tt.path)
			}
			if len(ve.Errors) != 1 {
				t.Errorf("%s: got %d errors, want 1: %v", tt.reason, len(ve.Errors), err)
			}
		})
	}
}

// TestValidateReportsOnce: a tag broken in a nested part is reported once, though both the episode's
// tags and the part's Validate see it.
func TestValidateReportsOnce(t *testing.T) {
	e := fixture(t, "completed").Clone()
	e.Referral.Urgency = "whenever"
	var ve *sp.ValidationError
	if err := e.Validate(); !errors.As(err, &ve) || len(ve.Errors) != 1 || !ve.Has("/referral/urgency", "enum") {
		t.Fatalf("got %v; want one enum error at /referral/urgency", err)
	}
}

func d(s string) sp.Date { return sp.MustParseDate(s) }

// TestNew checks that New validates and copies.
func TestNew(t *testing.T) {
	e := fixture(t, "completed")
	got, err := New(e.Referral, e.Plan, e.Measurements, e.ServiceUse)
	if err != nil {
		t.Fatal(err)
	}
	*got.Measurements[0].ONS4.Anxiety = 0
	got.Plan.Contacts[0].Minutes = 1
	if *e.Measurements[0].ONS4.Anxiety != 7 || e.Plan.Contacts[0].Minutes != 50 {
		t.Error("New shares memory with its arguments")
	}
	p := *e.Plan
	p.EpisodeID = "ep-x"
	if _, err := New(e.Referral, &p, nil, nil); err == nil {
		t.Error("New accepted a plan of another episode")
	}
}

// TestActivities: the completed fixture's history holds accept (05-15) and contacts on 05-16 and
// 06-17; its plan has contacts on 05-16, 06-03, 06-17 and 08-30, so the two plan contacts the history
// does not hold are added as ongoing contacts by the link worker.
func TestActivities(t *testing.T) {
	e := fixture(t, "completed")
	var got []string
	for _, r := range e.Activities() {
		got = append(got, fmt.Sprintf("%s %s %s", r.ContactDate, r.Kind, r.WorkerRole))
	}
	want := []string{
		"2024-05-15 referral-accepted social-prescribing-link-worker",
		"2024-05-16 ongoing-contact social-prescribing-link-worker",
		"2024-06-17 ongoing-contact social-prescribing-link-worker",
		"2024-06-03 ongoing-contact social-prescribing-link-worker",
		"2024-08-30 ongoing-contact social-prescribing-link-worker",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("activities (-want +got):\n%s", diff)
	}
}

// TestCodesDue checks the state of 871731000000106, due for the acceptance on 2024-05-15: the
// deadline is seven days later, 2024-05-22 (NHS England FAQs, "within a week of the contact";
// SOURCES.md#recording-deadline).
func TestCodesDue(t *testing.T) {
	tests := []struct {
		name, reason string
		codedOn      string
		codes        []string
		asOf         string
		want         CodeState
		rule         string
	}{
		{"entered on time", "coded two days after the acceptance", "2024-05-17", []string{coding.ReferralToSocialPrescribingID}, "2024-06-01", CodeStateEntered, ""},
		{"entered on the deadline", "the seventh day is still on time", "2024-05-22", []string{coding.ReferralToSocialPrescribingID}, "2024-06-01", CodeStateEntered, ""},
		{"entered late", "coded on the eighth day", "2024-05-23", []string{coding.ReferralToSocialPrescribingID}, "2024-06-01", CodeStateEnteredLate, coding.RuleLateRecording},
		{"due", "not coded, deadline to come", "", nil, "2024-05-22", CodeStateDue, coding.RuleCodeDue},
		{"overdue", "not coded, deadline passed", "", nil, "2024-05-23", CodeStateOverdue, coding.RuleOverdue},
		{"missing", "coded, but without the referral code", "2024-05-16", []string{coding.SWEMWBSScoreID}, "2024-06-01", CodeStateMissing, coding.RuleMissingCode},
		{"wrong", "coded with the declined code instead", "2024-05-16", []string{coding.SocialPrescribingDeclinedID}, "2024-06-01", CodeStateMissing, coding.RuleWrongCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fixture(t, "completed").Clone()
			ev := &e.Referral.History[0]
			ev.CodedOn, ev.Codes = sp.Date{}, nil
			if tt.codedOn != "" {
				ev.CodedOn = d(tt.codedOn)
				for _, c := range tt.codes {
					ev.Codes = append(ev.Codes, coding.MustParseSCTID(c))
				}
			}
			c, err := e.CodesDue(d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Codes) != 1 {
				t.Fatalf("got %d codes due, want 1", len(c.Codes))
			}
			s := c.Codes[0]
			if s.State != tt.want || s.Concept.ID.String() != coding.ReferralToSocialPrescribingID || s.Deadline != d("2024-05-22") {
				t.Errorf("%s: got %+v, want state %s for 871731000000106 by 2024-05-22", tt.reason, s, tt.want)
			}
			var rules []string
			for _, f := range c.Findings {
				rules = append(rules, f.Rule)
			}
			if tt.rule == "" && len(rules) > 0 || tt.rule != "" && !strings.Contains(strings.Join(rules, " "), tt.rule) {
				t.Errorf("%s: findings %v, want %q", tt.reason, rules, tt.rule)
			}
		})
	}
	if _, err := fixture(t, "completed").CodesDue(sp.Date{}); !errors.Is(err, sp.ErrRequired) {
		t.Errorf("zero as-of date: got %v, want ErrRequired", err)
	}
}

// TestMasking: an episode and a feedback message print and log without the NHS number, the date of
// birth or what matters to the person.
func TestMasking(t *testing.T) {
	e := fixture(t, "completed")
	f, err := NewFeedback(e, RecipientGP, d("2024-09-02"))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	log.Info("x", "episode", e, "feedback", f, "person", *f.Person)
	for _, out := range []string{
		fmt.Sprint(e), fmt.Sprintf("%#v", e), fmt.Sprint(f), fmt.Sprintf("%#v", f), fmt.Sprintf("%v %#v", *f.Person, *f.Person), logged.String(),
	} {
		for _, secret := range []string{"9434765919", "943 476 5919", "1948-02-29", "allotment"} {
			if strings.Contains(out, secret) {
				t.Errorf("output holds %q: %s", secret, out)
			}
		}
	}
	if got, want := e.String(), `episode "ep-2024-0042" (completed, plan true, 4 measurements, service use true)`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestEndedAndAccepted checks the lifecycle dates read from the history.
func TestEndedAndAccepted(t *testing.T) {
	e := fixture(t, "completed")
	if a, ok := e.Accepted(); !ok || a != d("2024-05-15") {
		t.Errorf("Accepted() = %s, %t; want 2024-05-15", a, ok)
	}
	if x, ok := e.Ended(); !ok || x != d("2024-08-30") {
		t.Errorf("Ended() = %s, %t; want 2024-08-30", x, ok)
	}
	r := fixture(t, "received")
	if _, ok := r.Accepted(); ok {
		t.Error("a received referral has no acceptance")
	}
	if _, ok := r.Ended(); ok {
		t.Error("a received referral has not ended")
	}
	// An event late in the evening west of Greenwich keeps its own civil date.
	e2 := fixture(t, "received").Clone()
	ny := time.FixedZone("UTC-5", -5*3600)
	e2.Referral, _ = e2.Referral.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 9, 3, 23, 0, 0, 0, ny), By: sp.RoleLinkWorker})
	if a, _ := e2.Accepted(); a != d("2024-09-03") {
		t.Errorf("Accepted() = %s, want the event's own date 2024-09-03", a)
	}
}

// TestCloneIndependent: a clone shares nothing with the original.
func TestCloneIndependent(t *testing.T) {
	e := fixture(t, "completed")
	c := e.Clone()
	c.Plan.Connections[0].Name = "x"
	c.ServiceUse.Items[0].Service = outcomes.ServiceAdmissions
	*c.ServiceUse.Items[0].Before = 99
	c.Measurements[2].UCLA3.LeftOut = 1
	c.Referral.History[0].Codes[0] = coding.MustParseSCTID(coding.SWEMWBSScoreID)
	if d := cmp.Diff(fixture(t, "completed"), e); d != "" {
		t.Errorf("changing the clone changed the original:\n%s", d)
	}
}
