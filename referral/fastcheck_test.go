package referral

import (
	"os"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// TestTagsHoldAgreesWithValidator: on random referrals and events — a valid fixture with random fields
// set to values that keep or break their validate tags — the hand-written tag checks hold exactly when
// validator/v10 finds nothing. This is what lets Validate skip the validator on valid documents.
func TestTagsHoldAgreesWithValidator(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/referral.completed.json")
	if err != nil {
		t.Fatal(err)
	}
	var base Referral
	if err := sp.Decode(data, &base); err != nil {
		t.Fatal(err)
	}
	str := func(rt *rapid.T, label string, limit int) string {
		n := rapid.SampledFrom([]int{0, 1, limit - 1, limit, limit + 1}).Draw(rt, label+"-len")
		if n < 0 {
			n = 0
		}
		ch := rapid.SampledFrom([]string{"a", "é", "😀"}).Draw(rt, label+"-char") // runes, not bytes
		return strings.Repeat(ch, n)
	}
	at := func(rt *rapid.T, label string) time.Time {
		if rapid.Bool().Draw(rt, label+"-zero") {
			return time.Time{}
		}
		return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	mutations := []func(rt *rapid.T, r *Referral){
		func(rt *rapid.T, r *Referral) { r.EpisodeID = str(rt, "id", 64) },
		func(rt *rapid.T, r *Referral) { r.Received = sp.Date{} },
		func(rt *rapid.T, r *Referral) { r.Person.DateOfBirth = sp.Date{} },
		func(rt *rapid.T, r *Referral) { r.Person.Language = str(rt, "language", 50) },
		func(rt *rapid.T, r *Referral) { r.Person.AccessNotes = str(rt, "access-notes", 500) },
		func(rt *rapid.T, r *Referral) {
			r.Person.AccessNeeds = rapid.SliceOfN(rapid.SampledFrom(append(AccessNeeds(), "bogus")), 0, 13).Draw(rt, "access-needs")
		},
		func(rt *rapid.T, r *Referral) {
			r.Referrer.Source = rapid.SampledFrom(append(Sources(), "", "bogus")).Draw(rt, "source")
		},
		func(rt *rapid.T, r *Referral) { r.Referrer.Organisation = str(rt, "organisation", 200) },
		func(rt *rapid.T, r *Referral) { r.Referrer.Role = str(rt, "role", 100) },
		func(rt *rapid.T, r *Referral) {
			r.Referrer.Contact = rapid.SampledFrom(append(ContactRoutes(), "", "bogus")).Draw(rt, "contact")
		},
		func(rt *rapid.T, r *Referral) {
			n := rapid.SampledFrom([]int{0, 1, 15, 16}).Draw(rt, "needs")
			r.Needs = make([]NeedItem, n)
			for i := range r.Needs {
				r.Needs[i] = NeedItem{Need: rapid.SampledFrom(append(Needs(), "bogus")).Draw(rt, "need"), Description: str(rt, "description", 500)}
			}
			if n == 0 && rapid.Bool().Draw(rt, "nil-needs") {
				r.Needs = nil
			}
		},
		func(rt *rapid.T, r *Referral) { r.WhatMattersToMe = str(rt, "wmtm", 2000) },
		func(rt *rapid.T, r *Referral) {
			r.Urgency = rapid.SampledFrom(append(Urgencies(), "", "bogus")).Draw(rt, "urgency")
		},
		func(rt *rapid.T, r *Referral) {
			r.Consent.Referral = rapid.SampledFrom(append(ConsentStatuses(), "", "bogus")).Draw(rt, "consent")
		},
		func(rt *rapid.T, r *Referral) {
			r.Consent.ShareOutcomes = rapid.SampledFrom(append(ConsentStatuses(), "", "bogus")).Draw(rt, "share")
		},
		func(rt *rapid.T, r *Referral) {
			r.State = rapid.SampledFrom(append(States(), "", "bogus")).Draw(rt, "state")
		},
		func(rt *rapid.T, r *Referral) {
			n := rapid.SampledFrom([]int{0, 1, 100, 101}).Draw(rt, "escalations")
			r.Safeguarding.Escalations = make([]Escalation, n)
			for i := range r.Safeguarding.Escalations {
				r.Safeguarding.Escalations[i] = Escalation{At: at(rt, "esc-at"), To: rapid.SampledFrom(append(EscalationTargets(), "bogus")).Draw(rt, "to"),
					By: rapid.SampledFrom(append(sp.Roles(), "bogus")).Draw(rt, "esc-by"), Note: str(rt, "esc-note", 1000)}
			}
		},
		func(rt *rapid.T, r *Referral) {
			pickEvent(rt, r).Kind = rapid.SampledFrom(append(EventKinds(), "", "bogus")).Draw(rt, "kind")
		},
		func(rt *rapid.T, r *Referral) { pickEvent(rt, r).At = at(rt, "event-at") },
		func(rt *rapid.T, r *Referral) {
			pickEvent(rt, r).By = rapid.SampledFrom(append(sp.Roles(), "", "bogus")).Draw(rt, "by")
		},
		func(rt *rapid.T, r *Referral) {
			pickEvent(rt, r).Reason = rapid.SampledFrom(append(Reasons(), "", "bogus")).Draw(rt, "reason")
		},
		func(rt *rapid.T, r *Referral) { pickEvent(rt, r).Note = str(rt, "note", 1000) },
		func(rt *rapid.T, r *Referral) {
			e := pickEvent(rt, r)
			n := rapid.SampledFrom([]int{0, 1, 20, 21}).Draw(rt, "codes")
			e.Codes = make([]coding.SCTID, n)
			for i := range e.Codes {
				if rapid.IntRange(0, 9).Draw(rt, "code-set") > 0 {
					e.Codes[i] = coding.MustParseSCTID(coding.ReferralToSocialPrescribingID)
				}
			}
		},
		func(rt *rapid.T, r *Referral) {
			n := rapid.SampledFrom([]int{500, 501}).Draw(rt, "history-len")
			h := make([]Event, n)
			for i := range h {
				h[i] = r.History[0]
			}
			r.History = h
		},
	}
	rapid.Check(t, func(rt *rapid.T) {
		// Twenty samples a check, each with one or two mutations: more would mostly break several
		// tags at once and hide a disagreement on one of them.
		for range 20 {
			r := base.Clone()
			for _, i := range rapid.SliceOfN(rapid.IntRange(0, len(mutations)-1), 1, 2).Draw(rt, "mutations") {
				mutations[i](rt, &r)
			}
			want := validation.Struct("referral.Referral", &r).Len() == 0
			if got := r.tagsHold(); got != want {
				rt.Fatalf("tagsHold() = %v, validator finds nothing = %v; errors: %v", got, want, validation.Struct("referral.Referral", &r).Err())
			}
			for i := range r.History {
				e := r.History[i]
				want := validation.Struct("referral.Event", &e).Len() == 0
				if got := e.tagsHold(); got != want {
					rt.Fatalf("event tagsHold() = %v, validator finds nothing = %v; errors: %v", got, want, validation.Struct("referral.Event", &e).Err())
				}
			}
		}
	})
}

// pickEvent returns one event of r's history (the fixture has several).
func pickEvent(rt *rapid.T, r *Referral) *Event {
	return &r.History[rapid.IntRange(0, len(r.History)-1).Draw(rt, "event")]
}
