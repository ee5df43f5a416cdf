package main

import (
	"strings"
	"testing"
)

// TestPlanChecks checks that the plan part of the example reports the three rules its sample plan
// was written to break and the summary's green share (gardening and walking group of three).
func TestPlanChecks(t *testing.T) {
	var b strings.Builder
	if err := planChecks(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"error   plan.goal-need-not-in-plan         /goals/1/needs",
		"warning plan.initial-assessment-duration   /contacts/0/minutes",
		"warning plan.review-overdue                /reviewDates/1",
		"3 findings",
		"green social prescribing: 2 of 3 connections (67%)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "allotment") {
		t.Errorf("output shows what matters to the person:\n%s", out)
	}
}
