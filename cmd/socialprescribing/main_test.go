package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun covers the commands other than audit, on the library's own fixtures.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	// An NHS-number-like value in an unknown key must not be printed back.
	if err := os.WriteFile(bad, []byte(`{"episodeId": "EP-1", "event": "referral-accepted", "workerRole": "social-prescribing-link-worker", "contactDate": "2024-05-01", "codedOn": "2024-04-30", "codes": ["871731000000106"], "nhsNumber": "9434765919"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	valid := "../../coding/testdata/valid/activity-record.accepted-coded.json"
	cases := []struct {
		name, reason string
		args         []string
		code         int
		contains     []string
		absent       string
	}{
		{"no command", "usage error", nil, 2, nil, ""},
		{"unknown command", "usage error", []string{"frobnicate"}, 2, nil, ""},
		{"help", "help is not an error", []string{"help"}, 0, []string{"socialprescribing validate NAME FILE"}, ""},
		{"version", "prints the library version", []string{"version"}, 0, []string{"socialprescribing v"}, ""},
		{"schema list", "lists every published schema", []string{"schema"}, 0, []string{"coding.activity-record", "referral.referral", "workforce."}, ""},
		{"schema get", "prints one schema", []string{"schema", "coding.activity-record"}, 0, []string{`"$id": "https://github.com/socialprescribing/go-socialprescribing/schema/v1/coding.activity-record.json"`}, ""},
		{"schema unknown", "an unknown name is a usage error", []string{"schema", "nope"}, 2, nil, ""},
		{"validate valid", "a valid fixture", []string{"validate", "coding.activity-record", valid}, 0, []string{"valid coding.activity-record"}, ""},
		{"validate invalid", "Go-only and schema rules are both reported, with paths and rule names, never values",
			[]string{"validate", "coding.activity-record", bad}, 1, []string{"invalid coding.activity-record", "/nhsNumber: unknown-field"}, "9434765919"},
		{"validate mixed", "one invalid file makes the status 1", []string{"validate", "coding.activity-record", valid, bad}, 1, []string{"valid coding.activity-record", "invalid"}, ""},
		{"validate unknown type", "usage error", []string{"validate", "nope", valid}, 2, nil, ""},
		{"validate missing file", "unreadable file", []string{"validate", "coding.activity-record", "no-such.json"}, 2, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(c.args, &out, &errOut)
			if code != c.code {
				t.Errorf("run(%v) = %d, want %d (%s); stderr: %s", c.args, code, c.code, c.reason, errOut.String())
			}
			for _, want := range c.contains {
				if !strings.Contains(out.String(), want) {
					t.Errorf("run(%v): stdout lacks %q (%s):\n%s", c.args, want, c.reason, out.String())
				}
			}
			if c.absent != "" && strings.Contains(out.String()+errOut.String(), c.absent) {
				t.Errorf("run(%v): output contains %q", c.args, c.absent)
			}
		})
	}
}
