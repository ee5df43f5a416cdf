package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestAudit runs the audit command on the auditor example's sample claims.
func TestAudit(t *testing.T) {
	const sample = "../../examples/auditor/claims.json"
	cases := []struct {
		name, reason string
		args         []string
		code         int
		contains     string
	}{
		{"text", "the sample has error findings, so the status is 1", []string{sample}, 1, "workforce.over-pcn-sum"},
		{"csv", "CSV starts with its header", []string{"-format", "csv", sample}, 1, "claim,pcn,staff,month,role,employment,daysInMonth,daysInPost,parts"},
		{"json", "JSON carries the ruleset digest", []string{"-format", "json", sample}, 1, `"rulesetDigest": "sha256:`},
		{"rules", "a loaded row for 2024/25 fills the April 2024 gap and records its origin",
			[]string{"-rules", "../../examples/auditor/rules-example.json", "-origin", "example", "-format", "csv", sample}, 1, "social-prescribing-link-worker 2024-04-01..2025-03-31 example"},
		{"bad format", "an unknown format is a usage error", []string{"-format", "xml", sample}, 2, ""},
		{"no input", "the input file is required", nil, 2, ""},
		{"missing file", "an unreadable input is status 2", []string{"no-such-file.json"}, 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := audit(c.args, &out, &errOut)
			if code != c.code || !strings.Contains(out.String(), c.contains) {
				t.Errorf("audit(%v): got status %d and output containing %q = %v, want %d; reason: %s (stderr %s)",
					c.args, code, c.contains, strings.Contains(out.String(), c.contains), c.code, c.reason, errOut.String())
			}
		})
	}
}
