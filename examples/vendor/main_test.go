package main

import (
	"strings"
	"testing"
)

// TestRun checks that the example runs and reports the rule each sample record was written to break.
func TestRun(t *testing.T) {
	var b strings.Builder
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"EP-1001  coding.referral-code-on-ongoing",
		"EP-1001  coding.duplicate-referral-code",
		"EP-1002  coding.late-recording",
		"EP-1003  coding.overdue",
		"EP-1004  coding.code-due",
		"EP-1005  coding.administrative-task-coded",
		"EP-1005  coding.wrong-role",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
