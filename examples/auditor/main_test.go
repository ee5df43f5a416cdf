package main

import (
	"strings"
	"testing"
)

// TestRun checks that the example audits the sample and reports what the sample was written to show:
// the PCN's ARRS sum running out, a period with no confirmed rule row, and the derivation of a capped
// line (R-002 in April 2023, full time: 38,187 ÷ 12 = 3,182.25).
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"rules sha256:",
		"workforce.over-pcn-sum",
		"workforce.no-rule",
		"The audit found errors",
		"How /claims/0 (staff R-002, 2023-04) was capped:",
		"part 2023-04-01..2023-04-30: 38187.00 a year × 1 WTE × 30 days ÷ (12 × 30 days)",
		"maximum 3182.25",
		"allowed 3182.25 = min(costs counted, maximum): capped at the maximum",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
