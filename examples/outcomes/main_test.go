package main

import (
	"strings"
	"testing"
)

// TestRun checks that the example runs and reports what the bundled cohort was built to show: one
// episode of each instrument without a follow-up is counted and excluded, ONS4 has no code, and the
// score of the first episode's SWEMWBS baseline (raw 2+2+3+2+2+3+2 = 16) converts to 16.36 by the
// Warwick Medical School conversion table (SOURCES.md#swemwbs).
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"metric 16.36 (raw 16)",
		"http://snomed.info/sct|718466001",
		"no SNOMED CT code for the ONS4 items",
		"ons4: 7 episodes, 6 paired, 1 baseline only, 0 follow-up only",
		"swemwbs: 7 episodes, 6 paired, 1 baseline only, 0 follow-up only",
		"ucla3: 6 episodes, 6 paired, 0 baseline only, 0 follow-up only",
		"38 measurements, 0 invalid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
