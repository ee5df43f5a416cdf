package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	cases := []struct {
		name, reason string
		args         []string
		code         int
		contains     string
	}{
		{"text", "the sample has error findings, so the status is 1", nil, 1, "workforce.over-pcn-sum"},
		{"csv", "CSV starts with its header", []string{"-format", "csv"}, 1, "pcn,staff,month,role,claimed,maximum,allowed,difference,rules"},
		{"json", "JSON carries the ruleset digest", []string{"-format", "json"}, 1, `"rulesetDigest": "sha256:`},
		{"rules", "a loaded row for 2024/25 fills the April 2024 gap and records its origin",
			[]string{"-rules", "rules-example.json", "-origin", "example", "-format", "csv"}, 1, "social-prescribing-link-worker 2024-04-01..2025-03-31 example"},
		{"bad format", "an unknown format is a usage error", []string{"-format", "xml"}, 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(c.args, &out, &errOut)
			if code != c.code || !strings.Contains(out.String(), c.contains) {
				t.Errorf("run(%v): got status %d and output containing %q = %v, want %d; reason: %s (stderr %s)",
					c.args, code, c.contains, strings.Contains(out.String(), c.contains), c.code, c.reason, errOut.String())
			}
		})
	}
}
