package main

import (
	"strings"
	"testing"
)

// TestRun checks that the example audits the sample and reports what the sample was written to show:
// the PCN's ARRS sum running out, and a period with no confirmed rule row.
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
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
