package plan_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// got is the part of a finding a table test compares.
type got struct {
	Rule     string
	Severity sp.Severity
	Path     string
}

func brief(fs []sp.Finding) []got {
	out := []got{}
	for _, f := range fs {
		out = append(out, got{f.Rule, f.Severity, f.Path})
	}
	return out
}

func contact(day string, mode plan.ContactMode, minutes int, kind plan.ContactKind) plan.Contact {
	return plan.Contact{Date: d(day), Mode: mode, Minutes: minutes, Kind: kind}
}

func TestCheck(t *testing.T) {
	w := sp.SeverityWarning
	e := sp.SeverityError
	i := sp.SeverityInfo
	tests := []struct {
		name   string
		reason string
		edit   func(p *plan.Plan)
		ref    func(t *testing.T) referral.Referral // nil: accepted on 2024-05-15
		asOf   string                               // "": 2024-07-10
		pol    *plan.Policy                         // nil: DefaultPolicy
		want   []got
	}{
		{name: "typical", reason: "the typical fixture breaks no rule as of 2024-07-10", want: []got{}},
		{
			name: "initial assessment 29 minutes", reason: "below the 30 minutes of Health Education England's typical assessment",
			edit: func(p *plan.Plan) { p.Contacts[0].Minutes = 29 },
			want: []got{{plan.RuleInitialAssessmentDuration, w, "/contacts/0/minutes"}},
		},
		{
			name: "initial assessment 30 minutes", reason: "30 is inside the inclusive range 30-60",
			edit: func(p *plan.Plan) { p.Contacts[0].Minutes = 30 }, want: []got{},
		},
		{
			name: "initial assessment 60 minutes", reason: "60 is inside the inclusive range 30-60",
			edit: func(p *plan.Plan) { p.Contacts[0].Minutes = 60 }, want: []got{},
		},
		{
			name: "initial assessment 61 minutes", reason: "above the 60 minutes of Health Education England's typical assessment",
			edit: func(p *plan.Plan) { p.Contacts[0].Minutes = 61 },
			want: []got{{plan.RuleInitialAssessmentDuration, w, "/contacts/0/minutes"}},
		},
		{
			name: "follow-up of 10 minutes", reason: "the 30-60 range is for the initial assessment only",
			edit: func(p *plan.Plan) { p.Contacts[1].Minutes = 10 }, want: []got{},
		},
		{
			name: "12 contacts", reason: "12 is the top of the typical 6-12 (Health Education England)",
			edit: func(p *plan.Plan) { addFollowUps(p, 7) }, want: []got{},
		},
		{
			name: "13 contacts", reason: "beyond the typical 12 (Health Education England)",
			edit: func(p *plan.Plan) { addFollowUps(p, 8) },
			want: []got{{plan.RuleContactsAboveTypical, w, "/contacts"}},
		},
		{
			name: "13 contacts under a local policy of 4-16", reason: "the caller's policy replaces the default figures",
			edit: func(p *plan.Plan) { addFollowUps(p, 8) },
			pol:  &plan.Policy{InitialAssessmentMinutes: plan.Range{Min: 30, Max: 60}, Contacts: plan.Range{Min: 4, Max: 16}, Source: "local", Confidence: sp.ConfidenceLow},
			want: []got{},
		},
		{
			name: "closed after 5 contacts", reason: "fewer than the typical 6 at closure; the 2024-07-29 review date after closure is not due",
			edit: func(p *plan.Plan) { p.Closed = d("2024-07-05") },
			want: []got{{plan.RuleContactsBelowTypical, i, "/contacts"}},
		},
		{
			name: "closed after 6 contacts", reason: "6 is the bottom of the typical 6-12",
			edit: func(p *plan.Plan) {
				p.Contacts = append(p.Contacts, contact("2024-07-05", plan.ContactModePhone, 20, plan.ContactKindClosing))
				p.Closed = d("2024-07-05")
			},
			want: []got{},
		},
		{
			name: "open with 5 contacts", reason: "the lower bound applies only at closure",
			want: []got{},
		},
		{
			name: "goal linked to a need outside the plan", reason: "housing is not among the plan's needs",
			edit: func(p *plan.Plan) { p.Goals[1].Needs = []referral.Need{referral.NeedHousing} },
			want: []got{{plan.RuleGoalNeedNotInPlan, e, "/goals/1/needs"}},
		},
		{
			name: "goal linked to one need in and one out of the plan", reason: "one need of the plan is enough",
			edit: func(p *plan.Plan) {
				p.Goals[1].Needs = []referral.Need{referral.NeedHousing, referral.NeedLongTermConditions}
			},
			want: []got{},
		},
		{
			name: "plan not agreed", reason: "both referred connections were referred while the plan is not agreed; the signposted one is not a referral",
			edit: func(p *plan.Plan) { p.Agreed, p.AgreedOn = false, sp.Date{} },
			want: []got{
				{plan.RuleReferredBeforeAgreed, w, "/connections/0/referred"},
				{plan.RuleReferredBeforeAgreed, w, "/connections/2/referred"},
			},
		},
		{
			name: "agreed the day after a referral", reason: "gardening was referred on 2024-05-21, the plan agreed on 2024-05-22",
			edit: func(p *plan.Plan) { p.AgreedOn = d("2024-05-22") },
			want: []got{{plan.RuleReferredBeforeAgreed, w, "/connections/0/referred"}},
		},
		{
			name: "referred on the day agreed", reason: "the same day is not before",
			edit: func(p *plan.Plan) { p.AgreedOn = d("2024-05-21") }, want: []got{},
		},
		{
			name: "contact the day before acceptance", reason: "the referral was accepted on 2024-05-15",
			edit: func(p *plan.Plan) { p.Contacts[0].Date = d("2024-05-14") },
			want: []got{{plan.RuleContactBeforeAcceptance, e, "/contacts/0/date"}},
		},
		{
			name: "contact on the day of acceptance", reason: "the same day is not before",
			edit: func(p *plan.Plan) { p.Contacts[0].Date = d("2024-05-15") }, want: []got{},
		},
		{
			name: "referral accepted late", reason: "accepted on 2024-05-21: two contacts and the plan's creation come before it",
			ref: func(t *testing.T) referral.Referral { return acceptedOn(t, "2024-05-21") },
			want: []got{
				{plan.RuleContactBeforeAcceptance, e, "/contacts/0/date"},
				{plan.RuleContactBeforeAcceptance, e, "/contacts/1/date"},
				{plan.RuleDateOrder, e, "/created"},
			},
		},
		{
			name: "referral never accepted", reason: "contacts exist but the history holds no accept",
			ref:  func(t *testing.T) referral.Referral { return newReferral(t) },
			want: []got{{plan.RuleReferralNotAccepted, w, "/contacts"}},
		},
		{
			name: "another episode's referral", reason: "the ids differ, and the rules that read the referral are skipped",
			ref: func(t *testing.T) referral.Referral {
				r := newReferral(t)
				r.EpisodeID = "ep-2024-0043"
				return r
			},
			want: []got{{plan.RuleReferralMismatch, e, "/episodeId"}},
		},
		{
			name: "received date differs", reason: "the plan says referred on 2024-05-13",
			ref: func(t *testing.T) referral.Referral {
				r := accepted(t)
				r.Received = d("2024-05-12")
				return r
			},
			want: []got{{plan.RuleReferralMismatch, e, "/referred"}},
		},
		{
			name: "second review date passed", reason: "as of 2024-07-30 the 2024-07-29 review has no review contact",
			asOf: "2024-07-30",
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/1"}},
		},
		{
			name: "review date today", reason: "as of 2024-07-29 the review of that day has not passed",
			asOf: "2024-07-29", want: []got{},
		},
		{
			name: "review contact recorded as a follow-up", reason: "only a contact of kind review meets a review date",
			edit: func(p *plan.Plan) { p.Contacts[3].Kind = plan.ContactKindFollowUp },
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/0"}},
		},
		{
			name: "review held late", reason: "the 2024-06-20 review meets 2024-06-17; nothing meets 2024-07-29",
			edit: func(p *plan.Plan) { p.Contacts[3].Date = d("2024-06-20") },
			asOf: "2024-08-01",
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/1"}},
		},
		{
			name: "review held after the as-of date", reason: "a contact after as-of has not happened yet",
			edit: func(p *plan.Plan) { p.Contacts[3].Date = d("2024-07-11") },
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/0"}},
		},
		{
			name: "one review contact for two review dates", reason: "a contact meets one review date only",
			edit: func(p *plan.Plan) { p.ReviewDates = []sp.Date{d("2024-06-17"), d("2024-06-10")} },
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/0"}},
		},
		{
			name: "two review contacts for two review dates", reason: "each review date has its own review",
			edit: func(p *plan.Plan) {
				p.ReviewDates = []sp.Date{d("2024-06-17"), d("2024-06-10")}
				p.Contacts[2].Kind = plan.ContactKindReview // 2024-06-03
			},
			want: []got{},
		},
		{
			name: "review contact on the previous review date", reason: "reviews on 2024-06-03 and 2024-06-10 meet 2024-06-10; 2024-06-17 needs a review after 2024-06-10",
			edit: func(p *plan.Plan) {
				p.ReviewDates = []sp.Date{d("2024-06-17"), d("2024-06-10")}
				p.Contacts[2].Kind = plan.ContactKindReview // 2024-06-03
				p.Contacts[3].Date = d("2024-06-10")
			},
			want: []got{{plan.RuleReviewOverdue, w, "/reviewDates/0"}},
		},
		{
			name: "goal set before the plan was created", reason: "goals are part of the plan",
			edit: func(p *plan.Plan) { p.Goals[0].Set = d("2024-05-18") },
			want: []got{{plan.RuleDateOrder, e, "/goals/0/set"}},
		},
		{
			name: "review date before the plan was created", reason: "a plan cannot be reviewed before it exists",
			edit: func(p *plan.Plan) { p.ReviewDates[0] = d("2024-05-19") },
			want: []got{{plan.RuleDateOrder, e, "/reviewDates/0"}},
		},
		{
			name: "contact after the plan closed", reason: "closed on 2024-06-30, a contact on 2024-07-01; closed after 5 contacts",
			edit: func(p *plan.Plan) { p.Closed = d("2024-06-30") },
			want: []got{
				{plan.RuleDateOrder, e, "/contacts/4/date"},
				{plan.RuleContactsBelowTypical, i, "/contacts"},
			},
		},
		{
			name: "connection suggested after closure", reason: "peer support was suggested on 2024-06-17 and referred on 2024-06-18, after a 2024-06-16 closure; progress and contacts after it too",
			edit: func(p *plan.Plan) {
				p.Closed = d("2024-06-16")
				p.Contacts = p.Contacts[:3]
				p.Goals[0].Progress = nil
			},
			want: []got{
				{plan.RuleDateOrder, e, "/connections/2/referred"},
				{plan.RuleDateOrder, e, "/connections/2/suggested"},
				{plan.RuleContactsBelowTypical, i, "/contacts"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := typical(t)
			if tc.edit != nil {
				tc.edit(&p)
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("the edited plan is not valid: %v", err)
			}
			r := accepted(t)
			if tc.ref != nil {
				r = tc.ref(t)
			}
			asOf := d("2024-07-10")
			if tc.asOf != "" {
				asOf = d(tc.asOf)
			}
			pol := plan.DefaultPolicy()
			if tc.pol != nil {
				pol = *tc.pol
			}
			fs, err := plan.Check(p, r, asOf, pol)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if diff := cmp.Diff(tc.want, brief(fs)); diff != "" {
				t.Errorf("%s: findings (-want +got):\n%s", tc.reason, diff)
			}
			for _, f := range fs {
				if f.Subject != p.EpisodeID || f.Message == "" || f.Source == "" {
					t.Errorf("finding %v: want subject %q, a message and a source", f, p.EpisodeID)
				}
			}
		})
	}
}

// addFollowUps appends n phone follow-ups, one a week from 2024-07-02, and extends nothing else.
func addFollowUps(p *plan.Plan, n int) {
	for k := range n {
		p.Contacts = append(p.Contacts, plan.Contact{Date: d("2024-07-02").AddDays(7 * k), Mode: plan.ContactModePhone, Minutes: 15, Kind: plan.ContactKindFollowUp})
	}
}

func TestCheckErrors(t *testing.T) {
	p, r := typical(t), accepted(t)
	tests := []struct {
		name   string
		reason string
		asOf   sp.Date
		pol    plan.Policy
		want   error
	}{
		{"zero as-of", "the review rule needs a date", sp.Date{}, plan.DefaultPolicy(), sp.ErrRequired},
		{"policy min above max", "a range must not be empty", d("2024-07-10"),
			plan.Policy{InitialAssessmentMinutes: plan.Range{Min: 60, Max: 30}, Contacts: plan.Range{Min: 6, Max: 12}, Source: "x", Confidence: sp.ConfidenceHigh}, sp.ErrInvalid},
		{"zero policy", "a policy needs its figures and source", d("2024-07-10"), plan.Policy{}, sp.ErrRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := plan.Check(p, r, tc.asOf, tc.pol)
			if !errors.Is(err, tc.want) || fs != nil {
				t.Errorf("%s: got %v, %v; want nil findings and an error wrapping %v", tc.reason, fs, err, tc.want)
			}
		})
	}
}

func TestDefaultPolicyMatchesDomain(t *testing.T) {
	// Health Education England: initial assessment 30–60 minutes; typically 6–12 contacts (high;
	// SOURCES.md#assessment-and-contacts).
	pol := plan.DefaultPolicy()
	want := plan.Policy{
		InitialAssessmentMinutes: plan.Range{Min: 30, Max: 60},
		Contacts:                 plan.Range{Min: 6, Max: 12},
		Source:                   pol.Source,
		Confidence:               sp.ConfidenceHigh,
	}
	if diff := cmp.Diff(want, pol); diff != "" {
		t.Errorf("DefaultPolicy (-want +got):\n%s", diff)
	}
	if err := pol.Validate(); err != nil {
		t.Errorf("DefaultPolicy().Validate() = %v, want nil", err)
	}
	for _, s := range []string{"Health Education England", "30-60 minutes", "6-12 contacts"} {
		if !contains(pol.Source, s) {
			t.Errorf("DefaultPolicy().Source = %q, want it to cite %q", pol.Source, s)
		}
	}
}
