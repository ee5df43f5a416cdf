package main

import (
	"strings"
	"testing"
)

// TestReferralLifecycle checks the referral walk-through: the states it passes through and the code
// NHS England's guidance makes due when the person accepts, with its deadline a week after the contact
// (SOURCES.md#snomed-codes, SOURCES.md#recording-deadline).
func TestReferralLifecycle(t *testing.T) {
	var b strings.Builder
	if err := referralLifecycle(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"received     FHIR Task requested   awaiting-contact",
		"accepted     FHIR Task accepted",
		"completed    FHIR Task completed",
		"EP-2001 871731000000106 |Referral to social prescribing service (procedure)| for the accept of 2024-05-14, due by 2024-05-21: not yet entered",
		"info coding.code-due EP-2001",
		"After entering it on 2024-05-17: 0 recording findings",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "9434765919") || strings.Contains(out, "1948-02-29") {
		t.Errorf("output shows personal data:\n%s", out)
	}
}
