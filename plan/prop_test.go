package plan_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
	"pgregory.net/rapid"
)

// secret marks the free text of generated plans; no finding may contain it.
const secret = "SECRET-words"

// scenario is a generated plan with its referral and an as-of date.
type scenario struct {
	p        plan.Plan
	r        referral.Referral
	accepted sp.Date // the zero Date when r was never accepted
	asOf     sp.Date
}

var referred = d("2024-05-13") // newReferral's received date

func dateAfter(t *rapid.T, base sp.Date, lo, hi int, label string) sp.Date {
	return base.AddDays(rapid.IntRange(lo, hi).Draw(t, label))
}

// genPlan generates valid plans of newReferral's episode, near the typical sizes and around the
// rules' boundaries (initial assessments of 25–65 minutes, 0–15 contacts, review dates either side
// of as-of, goals now and then linked to a need outside the plan).
func genPlan(t *rapid.T) scenario {
	acc := dateAfter(t, referred, 0, 10, "accepted")
	created := dateAfter(t, acc, -2, 14, "created")
	if created.Before(referred) {
		created = referred
	}
	p := plan.Plan{
		EpisodeID: "ep-2024-0042", Referred: referred, Created: created,
		WhatMattersToMe: secret + " " + rapid.StringN(0, 20, -1).Draw(t, "words"),
		Needs:           rapid.SliceOfNDistinct(rapid.SampledFrom(referral.Needs()), 1, 5, rapid.ID).Draw(t, "needs"),
	}
	if rapid.Bool().Draw(t, "agreed") {
		p.Agreed, p.AgreedOn = true, dateAfter(t, created, 0, 10, "agreedOn")
	}
	if rapid.Bool().Draw(t, "closed") {
		p.Closed = dateAfter(t, created, 0, 200, "closed")
	}
	for _, off := range rapid.SliceOfNDistinct(rapid.IntRange(-3, 200), 0, 4, rapid.ID).Draw(t, "reviews") {
		p.ReviewDates = append(p.ReviewDates, created.AddDays(off))
	}
	for range rapid.IntRange(0, 5).Draw(t, "goals") {
		g := plan.Goal{
			Description: secret,
			Needs:       rapid.SliceOfNDistinct(rapid.SampledFrom(p.Needs), 1, 3, rapid.ID).Draw(t, "goalNeeds"),
			Set:         dateAfter(t, created, -2, 30, "set"),
			Status:      rapid.SampledFrom(plan.GoalStatuses()).Draw(t, "goalStatus"),
		}
		if rapid.IntRange(0, 9).Draw(t, "foreignNeed") == 0 {
			g.Needs = []referral.Need{rapid.SampledFrom(referral.Needs()).Draw(t, "foreign")}
		}
		g.Target = dateAfter(t, g.Set, 0, 120, "target")
		if g.Status == plan.GoalStatusDropped {
			g.Reason = rapid.SampledFrom(plan.StopReasons()).Draw(t, "goalReason")
			if g.Reason == plan.StopReasonOther {
				g.ReasonNote = secret
			}
		}
		for range rapid.IntRange(0, 3).Draw(t, "notes") {
			g.Progress = append(g.Progress, plan.ProgressNote{Date: dateAfter(t, g.Set, 0, 100, "noteDate"), Note: secret})
		}
		p.Goals = append(p.Goals, g)
	}
	for range rapid.IntRange(0, 15).Draw(t, "contacts") {
		c := plan.Contact{
			Date: dateAfter(t, referred, -1, 220, "contactDate"),
			Mode: rapid.SampledFrom(plan.ContactModes()).Draw(t, "mode"),
			Kind: rapid.SampledFrom(plan.ContactKinds()).Draw(t, "kind"),
		}
		c.Minutes = rapid.IntRange(25, 65).Draw(t, "minutes")
		if rapid.Bool().Draw(t, "anyLength") {
			c.Minutes = rapid.IntRange(1, 480).Draw(t, "minutes")
		}
		if len(p.ReviewDates) > 0 && rapid.Bool().Draw(t, "onReviewDate") {
			c.Date = rapid.SampledFrom(p.ReviewDates).Draw(t, "reviewDate") // the rule's boundary
		}
		p.Contacts = append(p.Contacts, c)
	}
	for range rapid.IntRange(0, 8).Draw(t, "connections") {
		p.Connections = append(p.Connections, genConnection(t, created))
	}
	s := scenario{p: p, asOf: dateAfter(t, created, 0, 240, "asOf")}
	switch rapid.IntRange(0, 9).Draw(t, "referral") {
	case 0:
		s.r = newReferral(t) // never accepted
	default:
		s.r, s.accepted = acceptedAt(t, acc), acc
	}
	return s
}

func genConnection(t *rapid.T, created sp.Date) plan.Connection {
	c := plan.Connection{
		Category:  rapid.SampledFrom(plan.Categories()).Draw(t, "category"),
		Name:      "Offer",
		Provider:  "Provider",
		Status:    rapid.SampledFrom(plan.ConnectionStatuses()).Draw(t, "status"),
		Suggested: dateAfter(t, created, -5, 60, "suggested"),
	}
	switch c.Status {
	case plan.ConnectionStatusSuggested:
		c.Mode = plan.ConnectionModeSignposted
	case plan.ConnectionStatusReferred:
		c.Mode = plan.ConnectionModeReferred
	default:
		c.Mode = rapid.SampledFrom(plan.ConnectionModes()).Draw(t, "connMode")
	}
	last := c.Suggested
	if c.Mode == plan.ConnectionModeReferred {
		c.Referred = dateAfter(t, c.Suggested, 0, 10, "referred")
		last = c.Referred
	}
	switch c.Status {
	case plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusStopped:
		c.Started = dateAfter(t, last, 0, 20, "started")
		last = c.Started
	}
	if c.Status == plan.ConnectionStatusDeclined || c.Status == plan.ConnectionStatusStopped || (c.Status == plan.ConnectionStatusAttended && rapid.Bool().Draw(t, "ended")) {
		c.Ended = dateAfter(t, last, 0, 60, "ended")
	}
	if c.Status == plan.ConnectionStatusDeclined || c.Status == plan.ConnectionStatusStopped {
		c.Reason = rapid.SampledFrom(plan.StopReasons()).Draw(t, "reason")
		if c.Reason == plan.StopReasonOther {
			c.ReasonNote = secret
		}
	}
	return c
}

func check(t *rapid.T, s scenario) []sp.Finding {
	fs, err := plan.Check(s.p, s.r, s.asOf, plan.DefaultPolicy())
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return fs
}

func TestPropGeneratedPlansAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genPlan(t)
		if err := s.p.Validate(); err != nil {
			t.Fatalf("generated plan not valid: %v", err)
		}
	})
}

// TestPropSummaryAddsUp: every breakdown of the summary adds up to the number of items it breaks
// down, the minutes to the contacts' minutes, and the green count to the connections in the three
// green categories of SOURCES.md#community-side.
func TestPropSummaryAddsUp(t *testing.T) {
	green := []plan.Category{plan.CategoryWalkingGroup, plan.CategoryGardening, plan.CategoryNature}
	sum := func(m map[string]int) int {
		n := 0
		for _, v := range m {
			n += v
		}
		return n
	}
	conv := func(m any) map[string]int {
		out := map[string]int{}
		b, _ := json.Marshal(m)
		_ = json.Unmarshal(b, &out)
		return out
	}
	rapid.Check(t, func(t *rapid.T) {
		p := genPlan(t).p
		s := p.Summary()
		for name, c := range map[string]struct{ got, want int }{
			"contacts":          {s.Contacts, len(p.Contacts)},
			"contactsByKind":    {sum(conv(s.ContactsByKind)), len(p.Contacts)},
			"contactsByMode":    {sum(conv(s.ContactsByMode)), len(p.Contacts)},
			"connections":       {s.Connections, len(p.Connections)},
			"byCategory":        {sum(conv(s.ConnectionsByCategory)), len(p.Connections)},
			"byMode":            {sum(conv(s.ConnectionsByMode)), len(p.Connections)},
			"byStatus":          {sum(conv(s.ConnectionsByStatus)), len(p.Connections)},
			"goals":             {s.Goals, len(p.Goals)},
			"goalsByStatus":     {sum(conv(s.GoalsByStatus)), len(p.Goals)},
			"minutes":           {s.Minutes, sumMinutes(p.Contacts)},
			"greenConnections":  {s.GreenConnections, countFunc(p.Connections, func(c plan.Connection) bool { return slices.Contains(green, c.Category) })},
			"greenByCategories": {s.GreenConnections, s.ConnectionsByCategory[plan.CategoryWalkingGroup] + s.ConnectionsByCategory[plan.CategoryGardening] + s.ConnectionsByCategory[plan.CategoryNature]},
		} {
			if c.got != c.want {
				t.Errorf("%s: got %d, want %d", name, c.got, c.want)
			}
		}
		if len(p.Connections) > 0 && s.GreenShare != float64(s.GreenConnections)/float64(len(p.Connections)) || s.GreenShare < 0 || s.GreenShare > 1 {
			t.Errorf("green share %v of %d/%d", s.GreenShare, s.GreenConnections, len(p.Connections))
		}
		if len(p.Contacts) > 0 {
			first := slices.MinFunc(p.Contacts, func(a, b plan.Contact) int { return a.Date.Compare(b.Date) }).Date
			if s.FirstContact != first || s.DaysToFirstContact == nil || p.Referred.AddDays(*s.DaysToFirstContact) != first {
				t.Errorf("first contact %v, %v days; want %v", s.FirstContact, s.DaysToFirstContact, first)
			}
		} else if s.DaysToFirstContact != nil || s.FirstContact.IsValid() {
			t.Errorf("no contacts but a first contact %v", s.FirstContact)
		}
	})
}

func sumMinutes(cs []plan.Contact) int {
	n := 0
	for _, c := range cs {
		n += c.Minutes
	}
	return n
}

func countFunc[T any](xs []T, f func(T) bool) int {
	n := 0
	for _, x := range xs {
		if f(x) {
			n++
		}
	}
	return n
}

// permuted returns a copy of p with every list shuffled, and a function that maps a path into the
// copy back to the same item's path in p.
func permuted(t *rapid.T, p plan.Plan) (plan.Plan, func(string) string) {
	q := p.Clone()
	perm := func(n int, label string) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return rapid.Permutation(idx).Draw(t, label) // q[j] = p[idx[j]]
	}
	apply := func(n int, idx []int, set func(j, i int)) {
		for j := range n {
			set(j, idx[j])
		}
	}
	needs := perm(len(p.Needs), "needs")
	apply(len(p.Needs), needs, func(j, i int) { q.Needs[j] = p.Needs[i] })
	reviews := perm(len(p.ReviewDates), "reviews")
	apply(len(p.ReviewDates), reviews, func(j, i int) { q.ReviewDates[j] = p.ReviewDates[i] })
	contacts := perm(len(p.Contacts), "contacts")
	apply(len(p.Contacts), contacts, func(j, i int) { q.Contacts[j] = p.Contacts[i] })
	conns := perm(len(p.Connections), "connections")
	apply(len(p.Connections), conns, func(j, i int) { q.Connections[j] = p.Connections[i] })
	goals := perm(len(p.Goals), "goals")
	progress := make([][]int, len(p.Goals)) // by index in q
	apply(len(p.Goals), goals, func(j, i int) {
		g := p.Goals[i]
		g.Needs = rapid.Permutation(g.Needs).Draw(t, "goalNeeds") // a fresh slice
		pi := perm(len(g.Progress), "progress")
		g.Progress = make([]plan.ProgressNote, len(pi))
		for k, from := range pi {
			g.Progress[k] = p.Goals[i].Progress[from]
		}
		progress[j] = pi
		q.Goals[j] = g
	})
	back := func(path string) string {
		tok := strings.Split(path, "/")
		if len(tok) < 3 {
			return path
		}
		j, err := strconv.Atoi(tok[2])
		if err != nil {
			return path
		}
		switch tok[1] {
		case "contacts":
			tok[2] = strconv.Itoa(contacts[j])
		case "connections":
			tok[2] = strconv.Itoa(conns[j])
		case "reviewDates":
			tok[2] = strconv.Itoa(reviews[j])
		case "needs":
			tok[2] = strconv.Itoa(needs[j])
		case "goals":
			tok[2] = strconv.Itoa(goals[j])
			if len(tok) >= 5 && tok[3] == "progress" {
				k, _ := strconv.Atoi(tok[4])
				tok[4] = strconv.Itoa(progress[j][k])
			}
		}
		return strings.Join(tok, "/")
	}
	return q, back
}

// TestPropFindingsDeterministicAndOrderFree: Check gives the same findings twice, leaves its input
// unchanged, returns them sorted, and gives the same findings (about the same items) whatever the
// order of the plan's lists.
func TestPropFindingsDeterministicAndOrderFree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genPlan(t)
		before := s.p.Clone()
		fs := check(t, s)
		if diff := cmp.Diff(before, s.p); diff != "" {
			t.Fatalf("Check changed the plan:\n%s", diff)
		}
		if again := check(t, s); !cmp.Equal(fs, again) {
			t.Fatalf("two runs differ:\n%v\n%v", fs, again)
		}
		if !slices.IsSortedFunc(fs, sp.CompareFindings) {
			t.Fatalf("findings not sorted: %v", fs)
		}
		q, back := permuted(t, s.p)
		qs := s
		qs.p = q
		got := check(t, qs)
		for i := range got {
			got[i].Path = back(got[i].Path)
		}
		sp.SortFindings(got)
		if diff := cmp.Diff(fs, got); diff != "" {
			t.Fatalf("findings depend on the order of the lists (-original +shuffled):\n%s", diff)
		}
	})
}

// TestPropRuleOracles recomputes each rule's findings in the plainest way from its documented
// definition and Health Education England's figures (30–60 minutes, 6–12 contacts), and checks every
// finding is well formed and free of the person's words.
func TestPropRuleOracles(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genPlan(t)
		p := s.p
		fs := check(t, s)
		count := func(rule string) int {
			return countFunc(fs, func(f sp.Finding) bool { return f.Rule == rule })
		}
		n := len(p.Contacts)
		want := map[string]int{
			plan.RuleInitialAssessmentDuration: countFunc(p.Contacts, func(c plan.Contact) bool {
				return c.Kind == plan.ContactKindInitialAssessment && (c.Minutes < 30 || c.Minutes > 60)
			}),
			plan.RuleContactsAboveTypical: b2i(n > 12),
			plan.RuleContactsBelowTypical: b2i(p.Closed.IsValid() && n < 6),
			plan.RuleGoalNeedNotInPlan: countFunc(p.Goals, func(g plan.Goal) bool {
				for _, x := range g.Needs {
					if slices.Contains(p.Needs, x) {
						return false
					}
				}
				return true
			}),
			plan.RuleReferredBeforeAgreed: countFunc(p.Connections, func(c plan.Connection) bool {
				return c.Mode == plan.ConnectionModeReferred && (!p.Agreed || c.Referred.Before(p.AgreedOn))
			}),
			plan.RuleContactBeforeAcceptance: countFunc(p.Contacts, func(c plan.Contact) bool {
				return s.accepted.IsValid() && c.Date.Before(s.accepted)
			}),
			plan.RuleReferralNotAccepted: b2i(!s.accepted.IsValid() && n > 0),
			plan.RuleReviewOverdue:       overdueOracle(p, s.asOf),
			plan.RuleReferralMismatch:    0,
			plan.RuleDateOrder:           dateOrderOracle(p, s.accepted),
		}
		for rule, w := range want {
			if got := count(rule); got != w {
				t.Errorf("%s: got %d findings, want %d\n%v", rule, got, w, fs)
			}
		}
		for _, f := range fs {
			if err := f.Validate(); err != nil || f.Subject != p.EpisodeID || !strings.HasPrefix(f.Rule, "plan.") || f.Source == "" {
				t.Errorf("malformed finding %v: %v", f, err)
			}
			if strings.Contains(f.Message, secret) || strings.Contains(f.String(), secret) {
				t.Errorf("finding shows the person's words: %v", f)
			}
		}
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// overdueOracle counts the review dates passed as of asOf (and not after closure) left unmet when,
// in date order, each takes the earliest review contact not yet taken that is after the review date
// before it, on or before asOf.
func overdueOracle(p plan.Plan, asOf sp.Date) int {
	var due []sp.Date
	for _, r := range p.ReviewDates {
		if r.Before(asOf) && (!p.Closed.IsValid() || !r.After(p.Closed)) {
			due = append(due, r)
		}
	}
	slices.SortFunc(due, sp.Date.Compare)
	taken := make([]bool, len(p.Contacts))
	unmet := 0
	for i := range due {
		best := -1
		for k, c := range p.Contacts {
			if taken[k] || c.Kind != plan.ContactKindReview || c.Date.After(asOf) || (i > 0 && !c.Date.After(due[i-1])) {
				continue
			}
			if best < 0 || c.Date.Before(p.Contacts[best].Date) {
				best = k
			}
		}
		if best < 0 {
			unmet++
			continue
		}
		taken[best] = true
	}
	return unmet
}

// dateOrderOracle counts the cross-plan date-order breaches as the RuleDateOrder constant lists them.
func dateOrderOracle(p plan.Plan, accepted sp.Date) int {
	closed := p.Closed.IsValid()
	afterClose := func(x sp.Date) bool { return closed && x.IsValid() && x.After(p.Closed) }
	n := b2i(accepted.IsValid() && p.Created.Before(accepted))
	n += countFunc(p.ReviewDates, func(r sp.Date) bool { return r.Before(p.Created) })
	for _, g := range p.Goals {
		n += b2i(g.Set.Before(p.Created)) + b2i(afterClose(g.Set))
		n += countFunc(g.Progress, func(x plan.ProgressNote) bool { return afterClose(x.Date) })
	}
	n += countFunc(p.Contacts, func(c plan.Contact) bool { return afterClose(c.Date) })
	for _, c := range p.Connections {
		n += b2i(afterClose(c.Suggested)) + b2i(afterClose(c.Referred))
	}
	return n
}

// TestPropValidateRules breaks one cross-field rule of a generated valid plan and checks Validate
// reports that rule at that path.
func TestPropValidateRules(t *testing.T) {
	type breach struct {
		path, rule string
		apply      func(p *plan.Plan)
	}
	rapid.Check(t, func(t *rapid.T) {
		p := genPlan(t).p
		var bs []breach
		bs = append(bs,
			breach{"/created", "date-order", func(p *plan.Plan) { p.Created = p.Referred.AddDays(-1) }},
			breach{"/agreedOn", "agreed", func(p *plan.Plan) {
				if p.Agreed {
					p.AgreedOn = sp.Date{}
				} else {
					p.AgreedOn = p.Created
				}
			}},
		)
		if p.Agreed {
			bs = append(bs, breach{"/agreedOn", "date-order", func(p *plan.Plan) { p.AgreedOn = p.Created.AddDays(-1) }})
		}
		for i, g := range p.Goals {
			base := "/goals/" + strconv.Itoa(i)
			bs = append(bs, breach{base + "/target", "date-order", func(p *plan.Plan) { p.Goals[i].Target = g.Set.AddDays(-1) }})
			if g.Status == plan.GoalStatusDropped {
				bs = append(bs, breach{base + "/reason", "reason", func(p *plan.Plan) { p.Goals[i].Reason, p.Goals[i].ReasonNote = "", "" }})
			} else {
				bs = append(bs, breach{base + "/reason", "reason", func(p *plan.Plan) { p.Goals[i].Reason = plan.StopReasonCost }})
			}
		}
		for i, c := range p.Connections {
			base := "/connections/" + strconv.Itoa(i)
			started, ended := c.Started.IsValid(), c.Ended.IsValid()
			switch c.Status {
			case plan.ConnectionStatusAttended, plan.ConnectionStatusOngoing, plan.ConnectionStatusStopped:
				bs = append(bs, breach{base + "/started", "status", func(p *plan.Plan) { p.Connections[i].Started = sp.Date{} }})
			default:
				bs = append(bs, breach{base + "/started", "status", func(p *plan.Plan) { p.Connections[i].Started = c.Suggested.AddDays(30) }})
			}
			if ended {
				bs = append(bs, breach{base + "/ended", "date-order", func(p *plan.Plan) { p.Connections[i].Ended = c.Suggested.AddDays(-1) }})
			}
			if started {
				bs = append(bs, breach{base + "/started", "date-order", func(p *plan.Plan) { p.Connections[i].Started = c.Suggested.AddDays(-1) }})
			}
			if c.Mode == plan.ConnectionModeReferred {
				bs = append(bs, breach{base + "/referred", "mode", func(p *plan.Plan) { p.Connections[i].Referred = sp.Date{} }})
			} else {
				bs = append(bs, breach{base + "/referred", "mode", func(p *plan.Plan) { p.Connections[i].Referred = c.Suggested }})
			}
			bs = append(bs, breach{base + "/reasonNote", "reason-note", func(p *plan.Plan) {
				p.Connections[i].Reason, p.Connections[i].ReasonNote = "", secret
			}})
		}
		b := rapid.SampledFrom(bs).Draw(t, "breach")
		q := p.Clone()
		b.apply(&q)
		var ve *sp.ValidationError
		if err := q.Validate(); !errors.As(err, &ve) || !ve.Has(b.path, b.rule) {
			t.Fatalf("breaking %s %s: got %v", b.path, b.rule, err)
		} else if strings.Contains(err.Error(), secret) {
			t.Fatalf("error shows the person's words: %v", err)
		}
	})
}
