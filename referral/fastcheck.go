package referral

import (
	"unicode/utf8"

	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// The validate tags of a referral, checked by hand. Validate runs the validator (reflection, ~7 µs for
// a typical referral) only when these say a tag is broken, to report which; a valid referral — the
// common case — is checked in well under a microsecond. TestTagsHoldAgreesWithValidator proves on
// random referrals, valid and broken, that tagsHold is true exactly when the validator finds nothing:
// change a tag and that test fails until this file follows.

// maxRunes is the validator's max on a string: a count of runes, not bytes.
func maxRunes(s string, n int) bool { return len(s) <= n || utf8.RuneCountInString(s) <= n }

func (p *Person) tagsHold() bool {
	if !p.DateOfBirth.IsValid() || !maxRunes(p.Language, 50) || !maxRunes(p.AccessNotes, 500) || len(p.AccessNeeds) > 11 {
		return false
	}
	for i, a := range p.AccessNeeds {
		if !a.IsValid() {
			return false
		}
		for _, b := range p.AccessNeeds[:i] {
			if a == b {
				return false
			}
		}
	}
	return true
}

func (r *Referrer) tagsHold() bool {
	return r.Source.IsValid() && maxRunes(r.Organisation, 200) && maxRunes(r.Role, 100) && r.Contact.IsValid()
}

func needsHold(needs []NeedItem) bool {
	if len(needs) < 1 || len(needs) > 15 {
		return false
	}
	for i := range needs {
		if !needs[i].Need.IsValid() || !maxRunes(needs[i].Description, 500) {
			return false
		}
	}
	return true
}

func (e *Escalation) tagsHold() bool {
	return !e.At.IsZero() && e.To.IsValid() && e.By.IsValid() && maxRunes(e.Note, 1000)
}

func (e *Event) tagsHold() bool {
	if !e.Kind.IsValid() || e.At.IsZero() || !e.By.IsValid() || (e.Reason != "" && !e.Reason.IsValid()) ||
		!maxRunes(e.Note, 1000) || len(e.Codes) > 20 {
		return false
	}
	for _, c := range e.Codes {
		if !c.IsValid() {
			return false
		}
	}
	return true
}

func (r *Referral) tagsHold() bool {
	if r.EpisodeID == "" || !maxRunes(r.EpisodeID, 64) || !r.Received.IsValid() || !r.Person.tagsHold() || !r.Referrer.tagsHold() ||
		!needsHold(r.Needs) || !maxRunes(r.WhatMattersToMe, 2000) || !r.Urgency.IsValid() ||
		!r.Consent.Referral.IsValid() || !r.Consent.ShareOutcomes.IsValid() || !r.State.IsValid() ||
		len(r.Safeguarding.Escalations) > 100 || len(r.History) > 500 {
		return false
	}
	for i := range r.Safeguarding.Escalations {
		if !r.Safeguarding.Escalations[i].tagsHold() {
			return false
		}
	}
	for i := range r.History {
		if !r.History[i].tagsHold() {
			return false
		}
	}
	return true
}

// structErrors runs the validator only when hold is false.
func structErrors(typ string, s any, hold bool) *validation.Errors {
	if hold {
		return validation.New(typ)
	}
	return validation.Struct(typ, s)
}
