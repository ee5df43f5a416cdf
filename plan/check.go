package plan

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Range is an inclusive range of whole numbers.
type Range struct {
	Min int `json:"min" validate:"required,gte=1,lte=1000"`
	Max int `json:"max" validate:"required,gte=1,lte=1000"`
}

// Contains reports whether Min <= n <= Max.
func (r Range) Contains(n int) bool { return r.Min <= n && n <= r.Max }

// Policy holds the figures [Check] compares a plan with: how long an initial assessment typically
// takes, in minutes, and how many contacts a person typically has. They are typical figures, not
// contractual limits, so the findings they raise are warnings and notes, never errors. Source and
// Confidence say where the figures come from; they are copied into the findings. A caller may load a
// Policy of their own from JSON. Policy is a value type, safe for concurrent use.
type Policy struct {
	InitialAssessmentMinutes Range         `json:"initialAssessmentMinutes" validate:"required"`
	Contacts                 Range         `json:"contacts" validate:"required"`
	Source                   string        `json:"source" validate:"required,max=500"`
	Confidence               sp.Confidence `json:"confidence" validate:"required,enum"`
}

// DefaultPolicy returns the library's defaults: an initial assessment of 30–60 minutes and typically
// 6–12 contacts per person, "including phone calls, meetings and home visits" (Health Education
// England, social prescribing link worker role; SOURCES.md#assessment-and-contacts; confidence high).
func DefaultPolicy() Policy {
	return Policy{
		InitialAssessmentMinutes: Range{Min: 30, Max: 60},
		Contacts:                 Range{Min: 6, Max: 12},
		Source:                   "Health Education England, social prescribing link worker role: initial assessment 30-60 minutes, typically 6-12 contacts",
		Confidence:               sp.ConfidenceHigh,
	}
}

// Validate checks pol's tags and that each range's Min is not above its Max (rule "range"), returning
// nil or a *socialprescribing.ValidationError.
func (pol Policy) Validate() error {
	c := validation.Struct("plan.Policy", &pol)
	if pol.InitialAssessmentMinutes.Min > pol.InitialAssessmentMinutes.Max {
		c.Add("/initialAssessmentMinutes", "range", fmt.Errorf("plan: policy: initial assessment minimum above maximum: %w", sp.ErrInvalid))
	}
	if pol.Contacts.Min > pol.Contacts.Max {
		c.Add("/contacts", "range", fmt.Errorf("plan: policy: contacts minimum above maximum: %w", sp.ErrInvalid))
	}
	return c.Err()
}

// The rule identifiers of [Check]'s findings. They are stable: callers may switch on them.
const (
	// RuleReferralMismatch (error): the referral given is not the plan's (episode id), or its received
	// date differs from the plan's referred date.
	RuleReferralMismatch = "plan.referral-mismatch"
	// RuleInitialAssessmentDuration (warning): an initial assessment outside the policy's minutes.
	RuleInitialAssessmentDuration = "plan.initial-assessment-duration"
	// RuleContactsAboveTypical (warning): more contacts than the policy's typical maximum.
	RuleContactsAboveTypical = "plan.contacts-above-typical"
	// RuleContactsBelowTypical (info): a closed plan with fewer contacts than the policy's typical
	// minimum.
	RuleContactsBelowTypical = "plan.contacts-below-typical-at-closure"
	// RuleGoalNeedNotInPlan (error): a goal linked to none of the plan's needs.
	RuleGoalNeedNotInPlan = "plan.goal-need-not-in-plan"
	// RuleReferredBeforeAgreed (warning): a connection referred while the plan was not yet agreed.
	RuleReferredBeforeAgreed = "plan.referred-before-agreed"
	// RuleContactBeforeAcceptance (error): a contact dated before the referral was accepted.
	RuleContactBeforeAcceptance = "plan.contact-before-acceptance"
	// RuleReferralNotAccepted (warning): the plan has contacts but the referral's history holds no
	// accept event.
	RuleReferralNotAccepted = "plan.referral-not-accepted"
	// RuleReviewOverdue (warning): a review date passed with no review contact to meet it.
	RuleReviewOverdue = "plan.review-overdue"
	// RuleDateOrder (error): dates out of order across the plan: the plan created before the referral
	// was accepted, a goal set or a review date before the plan was created, or a contact, goal,
	// progress note or connection suggestion or referral after the plan closed.
	RuleDateOrder = "plan.date-order"
)

const (
	srcCoProduced = "NHS England, Social prescribing FAQs: a co-produced personalised plan based on what matters to the person (confidence high)"
	srcLibrary    = "the library's own consistency rule"
	srcAccepted   = "NHS England, Social prescribing FAQs: the referral code is recorded when the person accepts the referral (confidence high)"
	srcGravity    = "HL7 Gravity, SDOH Clinical Care FHIR implementation guide: goals linked to needs"
)

// Check applies the plan rules to p, the plan of referral r, as of the given day, and returns the
// findings sorted by [socialprescribing.CompareFindings]. Each finding's Subject is the plan's episode
// id and its Path a JSON Pointer into the plan. The rules, by identifier:
//
//   - [RuleReferralMismatch]: r is not p's referral; the rules that read r are then skipped.
//   - [RuleContactBeforeAcceptance]: a contact dated before the day of the first accept event of r's
//     history; [RuleReferralNotAccepted] when the plan has contacts and r was never accepted.
//   - [RuleInitialAssessmentDuration]: an initial assessment outside pol.InitialAssessmentMinutes.
//   - [RuleContactsAboveTypical]: more contacts than pol.Contacts.Max; [RuleContactsBelowTypical]: a
//     closed plan with fewer than pol.Contacts.Min. Every contact counts, whatever its mode or kind.
//   - [RuleGoalNeedNotInPlan]: a goal none of whose needs is among the plan's needs.
//   - [RuleReferredBeforeAgreed]: a connection in mode referred, referred before the plan was agreed
//     or while it is not agreed.
//   - [RuleReviewOverdue]: a review date before asOf (and not after the plan closed) that no review
//     contact meets. Taking review dates and review contacts on or before asOf in date order, each
//     review date is met by the earliest unused review contact after the review date before it, so a
//     review held early or late meets its date but one contact never meets two.
//   - [RuleDateOrder]: dates out of order across the plan (see the constant).
//
// Check reads its inputs and changes nothing; its findings depend on nothing but the arguments and,
// for a valid plan, not on the order of the plan's lists (beyond the indices in paths). asOf matters only for review
// dates: contacts after it have not happened yet. It returns an error, and no findings, if pol is not
// valid or asOf is not a valid date. Check does not validate p: call [Plan.Validate] first; on an
// invalid plan Check still returns without panicking.
func Check(p Plan, r referral.Referral, asOf sp.Date, pol Policy) ([]sp.Finding, error) {
	if err := pol.Validate(); err != nil {
		return nil, err
	}
	if !asOf.IsValid() {
		return nil, fmt.Errorf("plan: check: the as-of date is required: %w", sp.ErrRequired)
	}
	k := checker{p: p, asOf: asOf, pol: pol}
	k.referral(r)
	k.contacts()
	k.goals()
	k.connections()
	k.reviews()
	k.dateOrder()
	return sp.SortFindings(k.fs), nil
}

type checker struct {
	p        Plan
	asOf     sp.Date
	pol      Policy
	accepted sp.Date // the day r was accepted, when r is p's referral and was accepted
	fs       []sp.Finding
}

func (k *checker) add(rule string, sev sp.Severity, path, msg, src string) {
	k.fs = append(k.fs, sp.Finding{Rule: rule, Severity: sev, Subject: k.p.EpisodeID, Path: path, Message: msg, Source: src})
}

func (k *checker) policySource() string {
	return k.pol.Source + ", confidence " + string(k.pol.Confidence)
}

// referral checks that r is p's referral and that no contact precedes its acceptance.
func (k *checker) referral(r referral.Referral) {
	p := k.p
	if r.EpisodeID != p.EpisodeID {
		k.add(RuleReferralMismatch, sp.SeverityError, "/episodeId", "the referral given is not this plan's referral", srcLibrary)
		return
	}
	if r.Received != p.Referred {
		k.add(RuleReferralMismatch, sp.SeverityError, "/referred", "referred date differs from the day the referral was received", srcLibrary)
	}
	for _, e := range r.History {
		if e.Kind == referral.EventKindAccept && !e.At.IsZero() {
			k.accepted = sp.DateOf(e.At)
			break
		}
	}
	if !k.accepted.IsValid() {
		if len(p.Contacts) > 0 {
			k.add(RuleReferralNotAccepted, sp.SeverityWarning, "/contacts", "contacts recorded but the referral was never accepted", srcAccepted)
		}
		return
	}
	for i, c := range p.Contacts {
		if earlier(c.Date, k.accepted) {
			k.add(RuleContactBeforeAcceptance, sp.SeverityError, "/contacts/"+strconv.Itoa(i)+"/date", "contact dated before the referral was accepted", srcAccepted)
		}
	}
}

// contacts checks initial assessments' length and the number of contacts.
func (k *checker) contacts() {
	ia := k.pol.InitialAssessmentMinutes
	for i, c := range k.p.Contacts {
		if c.Kind == ContactKindInitialAssessment && !ia.Contains(c.Minutes) {
			k.add(RuleInitialAssessmentDuration, sp.SeverityWarning, "/contacts/"+strconv.Itoa(i)+"/minutes",
				fmt.Sprintf("initial assessment of %d minutes, outside the typical %d-%d", c.Minutes, ia.Min, ia.Max), k.policySource())
		}
	}
	n, cr := len(k.p.Contacts), k.pol.Contacts
	if n > cr.Max {
		k.add(RuleContactsAboveTypical, sp.SeverityWarning, "/contacts",
			fmt.Sprintf("%d contacts, more than the typical %d-%d", n, cr.Min, cr.Max), k.policySource())
	}
	if k.p.Closed.IsValid() && n < cr.Min {
		k.add(RuleContactsBelowTypical, sp.SeverityInfo, "/contacts",
			fmt.Sprintf("closed after %d contacts, fewer than the typical %d-%d", n, cr.Min, cr.Max), k.policySource())
	}
}

// goals checks that every goal links to a need of the plan.
func (k *checker) goals() {
	for i, g := range k.p.Goals {
		if !slices.ContainsFunc(g.Needs, func(n referral.Need) bool { return slices.Contains(k.p.Needs, n) }) {
			k.add(RuleGoalNeedNotInPlan, sp.SeverityError, "/goals/"+strconv.Itoa(i)+"/needs", "goal linked to none of the plan's needs", srcGravity)
		}
	}
}

// connections checks that no connection was referred before the plan was agreed.
func (k *checker) connections() {
	p := k.p
	for i, c := range p.Connections {
		if c.Mode != ConnectionModeReferred {
			continue
		}
		path := "/connections/" + strconv.Itoa(i) + "/referred"
		switch {
		case !p.Agreed:
			k.add(RuleReferredBeforeAgreed, sp.SeverityWarning, path, "connection referred while the plan is not agreed", srcCoProduced)
		case earlier(c.Referred, p.AgreedOn):
			k.add(RuleReferredBeforeAgreed, sp.SeverityWarning, path, "connection referred before the plan was agreed", srcCoProduced)
		}
	}
}

// reviews checks that every review date passed as of asOf has a review contact.
func (k *checker) reviews() {
	p := k.p
	var due []int // indices of review dates that have passed, in date order
	for i, d := range p.ReviewDates {
		if d.IsValid() && d.Before(k.asOf) && !(p.Closed.IsValid() && d.After(p.Closed)) {
			due = append(due, i)
		}
	}
	if len(due) == 0 {
		return
	}
	slices.SortFunc(due, func(a, b int) int {
		return cmp.Or(p.ReviewDates[a].Compare(p.ReviewDates[b]), cmp.Compare(a, b))
	})
	var held []sp.Date
	for _, c := range p.Contacts {
		if c.Kind == ContactKindReview && c.Date.IsValid() && !c.Date.After(k.asOf) {
			held = append(held, c.Date)
		}
	}
	slices.SortFunc(held, sp.Date.Compare)
	j := 0
	for n, i := range due {
		if n > 0 {
			prev := p.ReviewDates[due[n-1]]
			for j < len(held) && !held[j].After(prev) {
				j++
			}
		}
		if j < len(held) {
			j++
			continue
		}
		k.add(RuleReviewOverdue, sp.SeverityWarning, "/reviewDates/"+strconv.Itoa(i), "review date passed with no review contact", srcCoProduced)
	}
}

// dateOrder checks dates across the plan.
func (k *checker) dateOrder() {
	p := k.p
	if earlier(p.Created, k.accepted) {
		k.add(RuleDateOrder, sp.SeverityError, "/created", "plan created before the referral was accepted", srcLibrary)
	}
	for i, d := range p.ReviewDates {
		if earlier(d, p.Created) {
			k.add(RuleDateOrder, sp.SeverityError, "/reviewDates/"+strconv.Itoa(i), "review date before the plan was created", srcLibrary)
		}
	}
	for i, g := range p.Goals {
		base := "/goals/" + strconv.Itoa(i)
		if earlier(g.Set, p.Created) {
			k.add(RuleDateOrder, sp.SeverityError, base+"/set", "goal set before the plan was created", srcLibrary)
		}
		if earlier(p.Closed, g.Set) {
			k.add(RuleDateOrder, sp.SeverityError, base+"/set", "goal set after the plan closed", srcLibrary)
		}
		for j, n := range g.Progress {
			if earlier(p.Closed, n.Date) {
				k.add(RuleDateOrder, sp.SeverityError, base+"/progress/"+strconv.Itoa(j)+"/date", "progress note after the plan closed", srcLibrary)
			}
		}
	}
	for i, c := range p.Contacts {
		if earlier(p.Closed, c.Date) {
			k.add(RuleDateOrder, sp.SeverityError, "/contacts/"+strconv.Itoa(i)+"/date", "contact after the plan closed", srcLibrary)
		}
	}
	for i, c := range p.Connections {
		base := "/connections/" + strconv.Itoa(i)
		if earlier(p.Closed, c.Suggested) {
			k.add(RuleDateOrder, sp.SeverityError, base+"/suggested", "connection suggested after the plan closed", srcLibrary)
		}
		if earlier(p.Closed, c.Referred) {
			k.add(RuleDateOrder, sp.SeverityError, base+"/referred", "connection referred after the plan closed", srcLibrary)
		}
	}
}
