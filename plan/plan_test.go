package plan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func TestCategoriesMatchDomain(t *testing.T) {
	// SOURCES.md#community-offers names eighteen kinds of offer; the library adds nature-based
	// activity (green social prescribing is walking, gardening, nature: SOURCES.md#community-side)
	// and "other".
	want := []plan.Category{
		"arts", "dance", "singing", "knitting", "cooking-healthy-eating", "sport-swimming", "walking-group",
		"gardening", "nature-activity", "befriending", "volunteering", "group-learning", "peer-support",
		"falls-clinic", "debt-financial-advice", "welfare-benefits", "housing", "employment-support",
		"citizens-advice", "other",
	}
	if diff := cmp.Diff(want, plan.Categories()); diff != "" {
		t.Errorf("Categories (-want +got):\n%s", diff)
	}
	// Green social prescribing: walking, gardening, nature (SOURCES.md#community-side; NHS England's
	// Social prescribing FAQs name walking groups and gardening clubs).
	green := []plan.Category{plan.CategoryWalkingGroup, plan.CategoryGardening, plan.CategoryNature}
	table := plan.CategoryTable()
	if len(table) != len(want) {
		t.Fatalf("CategoryTable: got %d rows, want %d", len(table), len(want))
	}
	for k, row := range table {
		if row.Category != want[k] {
			t.Errorf("CategoryTable row %d: got %q, want %q (the order of Categories)", k, row.Category, want[k])
		}
		if g := slices.Contains(green, row.Category); row.Green != g || row.Category.IsGreen() != g {
			t.Errorf("%s: Green = %t, IsGreen = %t, want %t", row.Category, row.Green, row.Category.IsGreen(), g)
		}
		if row.Source == "" || !row.Confidence.IsValid() || row.Confidence == sp.ConfidenceUnconfirmed {
			t.Errorf("%s: source %q, confidence %q: want a source and a confirmed confidence", row.Category, row.Source, row.Confidence)
		}
	}
	if plan.Category("forest-bathing").IsGreen() {
		t.Errorf("an undefined category is green")
	}
	table[0].Green = true
	if plan.CategoryTable()[0].Green {
		t.Errorf("CategoryTable returns a shared slice")
	}
}

// enumCase checks one enum type: every listed value round-trips through its text form; near misses
// are refused with ErrInvalid, without echoing the input, with a message that starts "plan: ".
func enumCase[T interface {
	~string
	MarshalText() ([]byte, error)
	IsValid() bool
}, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, name string, values []T, want int) {
	t.Run(name, func(t *testing.T) {
		if len(values) != want {
			t.Errorf("got %d values, want %d", len(values), want)
		}
		seen := map[T]bool{}
		for _, v := range values {
			if seen[v] {
				t.Errorf("value %q listed twice", v)
			}
			seen[v] = true
			var got T
			if err := P(&got).UnmarshalText([]byte(v)); err != nil || got != v || !got.IsValid() {
				t.Errorf("UnmarshalText(%q): got %q, %v", v, got, err)
			}
			if b, err := v.MarshalText(); err != nil || string(b) != string(v) {
				t.Errorf("MarshalText: got %q, %v; want %q", b, err, v)
			}
		}
		for _, bad := range []string{"", strings.ToUpper(string(values[0])), " " + string(values[0]), "Secret-Value"} {
			got := values[0]
			err := P(&got).UnmarshalText([]byte(bad))
			switch {
			case !errors.Is(err, sp.ErrInvalid):
				t.Errorf("UnmarshalText(%q): got %v, want ErrInvalid", bad, err)
			case bad != "" && strings.Contains(err.Error(), bad):
				t.Errorf("error %q echoes the input", err)
			case !strings.HasPrefix(err.Error(), "plan: "):
				t.Errorf("error %q does not start with the package name", err)
			case got != values[0]:
				t.Errorf("UnmarshalText(%q) changed the value to %q on error", bad, got)
			}
			if _, err := T(bad).MarshalText(); !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("MarshalText(%q): got %v, want ErrInvalid", bad, err)
			}
		}
	})
}

func TestEnumsStrict(t *testing.T) {
	// The value counts are those the plan documents (six goal statuses, five contact modes, four contact
	// kinds, two connection modes, six connection statuses) and of TestCategoriesMatchDomain.
	enumCase(t, "GoalStatus", plan.GoalStatuses(), 6)
	enumCase(t, "ContactMode", plan.ContactModes(), 5)
	enumCase(t, "ContactKind", plan.ContactKinds(), 4)
	enumCase(t, "ConnectionMode", plan.ConnectionModes(), 2)
	enumCase(t, "ConnectionStatus", plan.ConnectionStatuses(), 6)
	enumCase(t, "Reason", plan.StopReasons(), 9)
	enumCase(t, "Category", plan.Categories(), 20)
}

// secrets are the strings of the closed fixture that the person said or that describe them.
var secrets = []string{
	"Sorting out the money worries", "council tax arrears", "Payment plan agreed", "Join a group",
	"Started a new job",
}

// TestMasking checks that no printing path shows what the person said: String (%v, %s, %+v),
// GoString (%#v), slog's text and JSON handlers, and the errors of Validate.
func TestMasking(t *testing.T) {
	p := load(t, "plan.closed.json")
	values := []any{p, p.Goals[1], p.Goals[0].Progress[0], p.Connections, p.Goals, &p}
	for _, v := range values {
		for _, verb := range []string{"%v", "%s", "%+v", "%#v"} {
			out := fmt.Sprintf(verb, v)
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("Sprintf(%q, %T) = %q shows %q", verb, v, out, s)
				}
			}
		}
	}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("plan", "plan", p, "goal", p.Goals[1], "note", p.Goals[0].Progress[0], "connection", p.Connections[0])
	}
	for _, s := range secrets {
		if strings.Contains(buf.String(), s) {
			t.Errorf("log output shows %q:\n%s", s, buf.String())
		}
	}
	if !strings.Contains(buf.String(), "ep-2024-0051") {
		t.Errorf("log output lacks the episode id:\n%s", buf.String())
	}
	// Break every rule that can touch a free-text field and check the errors.
	bad := p.Clone()
	bad.WhatMattersToMe = strings.Repeat("Sorting out the money worries ", 100)
	bad.Goals[1].Reason = ""
	bad.Goals[0].Reason = plan.StopReasonOther
	if err := bad.Validate(); err == nil {
		t.Fatal("Validate of a broken plan: got nil")
	} else {
		for _, s := range secrets {
			if strings.Contains(err.Error(), s) {
				t.Errorf("error %q shows %q", err, s)
			}
		}
	}
	if got, want := p.String(), `plan "ep-2024-0051" (2 goals, 7 contacts, 3 connections)`; got != want {
		t.Errorf("String: got %q, want %q", got, want)
	}
}

func TestNew(t *testing.T) {
	r := accepted(t)
	p, err := plan.New(r, d("2024-05-20"), "")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	want := plan.Plan{
		EpisodeID: "ep-2024-0042", Referred: d("2024-05-13"), Created: d("2024-05-20"),
		WhatMattersToMe: "Getting back to the allotment and seeing people again.",
		Needs:           []referral.Need{referral.NeedLoneliness, referral.NeedLongTermConditions, referral.NeedPhysicalInactivity},
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("New with the referral's defaults (-want +got):\n%s", diff)
	}
	p, err = plan.New(r, d("2024-05-20"), "Walking again.", referral.NeedPhysicalInactivity)
	if err != nil || p.WhatMattersToMe != "Walking again." || !slices.Equal(p.Needs, []referral.Need{referral.NeedPhysicalInactivity}) {
		t.Errorf("New with own words and needs: got %#v, %v", p, err)
	}
	tests := []struct {
		name, reason string
		created      sp.Date
		needs        []referral.Need
		path, rule   string
	}{
		{"created before received", "a plan cannot precede its referral", d("2024-05-12"), nil, "/created", "date-order"},
		{"zero created", "the creation date is required", sp.Date{}, nil, "/created", "required"},
		{"need twice", "needs are a set", d("2024-05-20"), []referral.Need{referral.NeedHousing, referral.NeedHousing}, "/needs", "unique"},
		{"undefined need", "needs come from referral.Needs", d("2024-05-20"), []referral.Need{"pets"}, "/needs/0", "enum"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plan.New(r, tc.created, "", tc.needs...)
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has(tc.path, tc.rule) {
				t.Errorf("%s: got %v, want %s %s", tc.reason, err, tc.path, tc.rule)
			}
			if p.EpisodeID != "" {
				t.Errorf("New returned a plan with an error: %#v", p)
			}
		})
	}
}

func TestAgree(t *testing.T) {
	p, err := plan.New(accepted(t), d("2024-05-20"), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, reason string
		p            plan.Plan
		on           sp.Date
		ok           bool
	}{
		{"on the day created", "co-production often ends the first session", p, d("2024-05-20"), true},
		{"later", "the person may take time to agree", p, d("2024-05-27"), true},
		{"before created", "a plan cannot be agreed before it exists", p, d("2024-05-19"), false},
		{"zero date", "the date is required", p, sp.Date{}, false},
		{"twice", "agreement is recorded once", func() plan.Plan { q, _ := p.Agree(d("2024-05-20")); return q }(), d("2024-05-21"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.p.Clone()
			got, err := tc.p.Agree(tc.on)
			if tc.ok {
				if err != nil || !got.Agreed || got.AgreedOn != tc.on || got.Validate() != nil {
					t.Errorf("%s: got %#v agreed %t on %v, err %v; want agreed on %v", tc.reason, got, got.Agreed, got.AgreedOn, err, tc.on)
				}
			} else if !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("%s: got error %v, want ErrInvalid", tc.reason, err)
			}
			if diff := cmp.Diff(before, tc.p); diff != "" {
				t.Errorf("Agree changed its receiver (-before +after):\n%s", diff)
			}
		})
	}
}

func TestCloneSharesNothing(t *testing.T) {
	p := load(t, "plan.closed.json")
	orig := load(t, "plan.closed.json")
	c := p.Clone()
	c.Needs[0] = referral.NeedHousing
	c.ReviewDates[0] = d("2030-01-01")
	c.Goals[0].Needs[0] = referral.NeedHousing
	c.Goals[0].Progress[0].Note = "changed"
	c.Goals[1].Status = plan.GoalStatusAchieved
	c.Contacts[0].Minutes = 1
	c.Connections[0].Status = plan.ConnectionStatusOngoing
	if diff := cmp.Diff(orig, p); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}
}

// TestValidateCrossField covers the cross-field rules on edits of the closed fixture; the fixtures
// under testdata/invalid cover the rest.
func TestValidateCrossField(t *testing.T) {
	tests := []struct {
		name, reason string
		edit         func(p *plan.Plan)
		path, rule   string // "" path: want valid
	}{
		{"attended with an end", "an attended offer may have finished", func(p *plan.Plan) {}, "", ""},
		{"attended without an end", "ended is optional for attended", func(p *plan.Plan) { p.Connections[0].Ended = sp.Date{} }, "", ""},
		{"declined after referral", "a referred person may decline", func(p *plan.Plan) {
			c := &p.Connections[0]
			c.Status, c.Started, c.Reason = plan.ConnectionStatusDeclined, sp.Date{}, plan.StopReasonCost
		}, "", ""},
		{"declined with a start", "a declined offer was never started", func(p *plan.Plan) {
			p.Connections[1].Started = d("2024-02-20")
		}, "/connections/1/started", "status"},
		{"ongoing without start", "ongoing needs the day the person first went", func(p *plan.Plan) {
			c := &p.Connections[0]
			c.Status, c.Started, c.Ended = plan.ConnectionStatusOngoing, sp.Date{}, sp.Date{}
		}, "/connections/0/started", "status"},
		{"referred in mode referred without a date", "the referral day is required", func(p *plan.Plan) {
			p.Connections[2].Referred = sp.Date{}
		}, "/connections/2/referred", "mode"},
		{"suggested in mode referred", "a suggestion is not yet a referral", func(p *plan.Plan) {
			c := &p.Connections[2]
			c.Status, c.Started, c.Ended, c.Reason = plan.ConnectionStatusSuggested, sp.Date{}, sp.Date{}, ""
		}, "/connections/2/status", "mode"},
		{"reason on an achieved goal", "only dropped goals carry a reason", func(p *plan.Plan) {
			p.Goals[0].Reason = plan.StopReasonPersonChoice
		}, "/goals/0/reason", "reason"},
		{"reason on an ongoing connection", "only declined and stopped connections carry a reason", func(p *plan.Plan) {
			c := &p.Connections[0]
			c.Status, c.Ended, c.Reason = plan.ConnectionStatusOngoing, sp.Date{}, plan.StopReasonCost
		}, "/connections/0/reason", "reason"},
		{"other without note on a connection", "reason other needs a note", func(p *plan.Plan) {
			p.Connections[2].Reason = plan.StopReasonOther
		}, "/connections/2/reasonNote", "reason-note"},
		{"progress note on the day set", "the same day is not before", func(p *plan.Plan) {
			p.Goals[0].Progress[0].Date = p.Goals[0].Set
		}, "", ""},
		{"target on the day set", "the same day is not before", func(p *plan.Plan) { p.Goals[0].Target = p.Goals[0].Set }, "", ""},
		{"closed on the day created", "the same day is not before", func(p *plan.Plan) { p.Closed = p.Created }, "", ""},
		{"zero-minute contact", "a contact lasts at least a minute", func(p *plan.Plan) { p.Contacts[0].Minutes = 0 }, "/contacts/0/minutes", "required"},
		{"21 goals", "at most 20 goals", func(p *plan.Plan) {
			for len(p.Goals) < 21 {
				p.Goals = append(p.Goals, p.Goals[0])
			}
		}, "/goals", "max"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := load(t, "plan.closed.json")
			tc.edit(&p)
			err := p.Validate()
			if tc.path == "" {
				if err != nil {
					t.Errorf("%s: got %v, want valid", tc.reason, err)
				}
				return
			}
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has(tc.path, tc.rule) {
				t.Errorf("%s: got %v, want %s %s", tc.reason, err, tc.path, tc.rule)
			}
		})
	}
}

// TestSampleOfEveryType validates one sample of every exported type with validate tags, because an
// unknown tag panics at first use.
func TestSampleOfEveryType(t *testing.T) {
	p := load(t, "plan.closed.json")
	if err := p.Validate(); err != nil {
		t.Errorf("Plan: %v", err)
	}
	if err := plan.DefaultPolicy().Validate(); err != nil {
		t.Errorf("Policy: %v", err)
	}
	one := plan.Plan{
		EpisodeID: "x", Referred: d("2024-01-01"), Created: d("2024-01-01"), WhatMattersToMe: "x",
		Needs: []referral.Need{referral.NeedOther}, Goals: p.Goals[:1], Contacts: p.Contacts[:1], Connections: p.Connections[:1],
		ReviewDates: []sp.Date{d("2024-02-01")},
	}
	if err := one.Validate(); err != nil {
		t.Errorf("Goal, ProgressNote, Contact, Connection: %v", err)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name, reason string
		p            plan.Plan
		want         plan.Summary
	}{
		{
			name: "closed fixture", reason: "counted by hand from testdata/valid/plan.closed.json",
			p: load(t, "plan.closed.json"),
			want: plan.Summary{
				EpisodeID: "ep-2024-0051", Contacts: 7, Minutes: 45 + 30 + 20 + 30 + 15 + 60 + 20,
				ContactsByKind: map[plan.ContactKind]int{plan.ContactKindInitialAssessment: 1, plan.ContactKindFollowUp: 4, plan.ContactKindReview: 1, plan.ContactKindClosing: 1},
				ContactsByMode: map[plan.ContactMode]int{plan.ContactModeFaceToFace: 3, plan.ContactModeVideo: 1, plan.ContactModePhone: 2, plan.ContactModeGroup: 1},
				Connections:    3,
				ConnectionsByCategory: map[plan.Category]int{
					plan.CategoryDebtAdvice: 1, plan.CategoryBefriending: 1, plan.CategoryArts: 1,
				},
				ConnectionsByMode:   map[plan.ConnectionMode]int{plan.ConnectionModeReferred: 2, plan.ConnectionModeSignposted: 1},
				ConnectionsByStatus: map[plan.ConnectionStatus]int{plan.ConnectionStatusAttended: 1, plan.ConnectionStatusDeclined: 1, plan.ConnectionStatusStopped: 1},
				Goals:               2,
				GoalsByStatus:       map[plan.GoalStatus]int{plan.GoalStatusAchieved: 1, plan.GoalStatusDropped: 1},
				FirstContact:        d("2024-02-08"),
				DaysToFirstContact:  ptr(3), // 2024-02-05 to 2024-02-08
			},
		},
		{
			name: "typical fixture", reason: "two of three connections are green (gardening, walking group)",
			p: typical(t),
			want: plan.Summary{
				EpisodeID: "ep-2024-0042", Contacts: 5, Minutes: 50 + 40 + 15 + 30 + 10,
				ContactsByKind: map[plan.ContactKind]int{plan.ContactKindInitialAssessment: 1, plan.ContactKindFollowUp: 3, plan.ContactKindReview: 1},
				ContactsByMode: map[plan.ContactMode]int{plan.ContactModeHomeVisit: 1, plan.ContactModeFaceToFace: 2, plan.ContactModePhone: 2},
				Connections:    3,
				ConnectionsByCategory: map[plan.Category]int{
					plan.CategoryGardening: 1, plan.CategoryWalkingGroup: 1, plan.CategoryPeerSupport: 1,
				},
				ConnectionsByMode:   map[plan.ConnectionMode]int{plan.ConnectionModeReferred: 2, plan.ConnectionModeSignposted: 1},
				ConnectionsByStatus: map[plan.ConnectionStatus]int{plan.ConnectionStatusOngoing: 1, plan.ConnectionStatusAttended: 1, plan.ConnectionStatusReferred: 1},
				GreenConnections:    2, GreenShare: 2.0 / 3.0,
				Goals:              2,
				GoalsByStatus:      map[plan.GoalStatus]int{plan.GoalStatusInProgress: 1, plan.GoalStatusNotStarted: 1},
				FirstContact:       d("2024-05-16"),
				DaysToFirstContact: ptr(3), // 2024-05-13 to 2024-05-16
			},
		},
		{
			name: "no contacts", reason: "no first contact, so no days to it; empty maps, not nil",
			p: load(t, "plan.minimal-not-agreed.json"),
			want: plan.Summary{
				EpisodeID: "ep-2024-0060", ContactsByKind: map[plan.ContactKind]int{}, ContactsByMode: map[plan.ContactMode]int{},
				ConnectionsByCategory: map[plan.Category]int{}, ConnectionsByMode: map[plan.ConnectionMode]int{},
				ConnectionsByStatus: map[plan.ConnectionStatus]int{}, GoalsByStatus: map[plan.GoalStatus]int{},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.p.Summary()); diff != "" {
				t.Errorf("%s: Summary (-want +got):\n%s", tc.reason, diff)
			}
		})
	}
	b, err := json.Marshal(load(t, "plan.minimal-not-agreed.json").Summary())
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"episodeId":"ep-2024-0060","contacts":0,"minutes":0,"contactsByKind":{},"contactsByMode":{},"connections":0,"connectionsByCategory":{},"connectionsByMode":{},"connectionsByStatus":{},"greenConnections":0,"greenShare":0,"goals":0,"goalsByStatus":{}}`
	if string(b) != want {
		t.Errorf("JSON of an empty summary:\n got %s\nwant %s", b, want)
	}
}

func ptr(n int) *int { return &n }
