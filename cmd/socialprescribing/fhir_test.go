package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFHIR covers fhir export and import: each document type, the verification status option, stdin,
// invalid input (paths and rules, never values) and usage errors.
func TestFHIR(t *testing.T) {
	ref := "../../referral/testdata/valid/referral.typical.json"
	ep := "../../episode/testdata/valid/episode.completed.json"
	fb := "../../episode/testdata/valid/feedback.gp-completed.json"
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	b, _ := os.ReadFile(ref)
	if err := os.WriteFile(bad, bytes.Replace(b, []byte(`"9434765919"`), []byte(`"9434765918"`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	refDoc, _ := os.ReadFile(ref)
	cases := []struct {
		name, reason string
		args         []string
		stdin        string
		code         int
		contains     []string
		absent       string
	}{
		{"no subcommand", "usage error", []string{"fhir"}, "", 2, nil, ""},
		{"unknown subcommand", "usage error", []string{"fhir", "convert"}, "", 2, nil, ""},
		{"export referral", "a Bundle with the referral's resources and no verification status unless asked",
			[]string{"fhir", "export", "referral.referral", ref}, "", 0, []string{`"resourceType": "Bundle"`, `"resourceType": "Task"`, `"code": "871731000000106"`}, "NHSNumberVerificationStatus"},
		{"export with status", "the option writes UK Core's extension",
			[]string{"fhir", "export", "-nhs-number-status", "01", "referral.referral", ref}, "", 0, []string{"Extension-UKCore-NHSNumberVerificationStatus", `"code": "01"`}, ""},
		{"export with status after", "the flag may follow NAME FILE",
			[]string{"fhir", "export", "referral.referral", ref, "-nhs-number-status", "07"}, "", 0, []string{`"code": "07"`}, ""},
		{"export owner", "-owner names the Task's owner",
			[]string{"fhir", "export", "-owner", "Riverside Social Prescribing Service", "referral.referral", ref}, "", 0, []string{`"owner": {`, `"display": "Riverside Social Prescribing Service"`}, ""},
		{"export bad status", "a code outside 01–08 is a usage error", []string{"fhir", "export", "-nhs-number-status", "9", "referral.referral", ref}, "", 2, nil, ""},
		{"export episode", "Goals and Observations", []string{"fhir", "export", "episode.episode", ep}, "", 0, []string{`"resourceType": "Goal"`, `"resourceType": "Observation"`, `"code": "106418-7"`}, ""},
		{"export feedback", "a Communication", []string{"fhir", "export", "episode.feedback", fb}, "", 0, []string{`"resourceType": "Communication"`}, ""},
		{"export stdin", "- reads standard input", []string{"fhir", "export", "referral.referral", "-"}, string(refDoc), 0, []string{`"resourceType": "Bundle"`}, ""},
		{"export invalid", "the referral's rule, with its path, never the value", []string{"fhir", "export", "referral.referral", bad}, "", 1, nil, "9434765918"},
		{"export unknown name", "usage error", []string{"fhir", "export", "plan.plan", ref}, "", 2, nil, ""},
		{"export missing file", "unreadable file", []string{"fhir", "export", "referral.referral", "no-such.json"}, "", 2, nil, ""},
		{"import not FHIR", "an invalid document", []string{"fhir", "import", "-"}, `{"resourceType":"Observation"}`, 1, nil, ""},
		{"import usage", "one file", []string{"fhir", "import"}, "", 2, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := fhirCmd(c.args[1:], strings.NewReader(c.stdin), &out, &errOut)
			if code != c.code {
				t.Errorf("%v = %d, want %d (%s); stderr: %s", c.args, code, c.code, c.reason, errOut.String())
			}
			for _, want := range c.contains {
				if !strings.Contains(out.String(), want) {
					t.Errorf("%v: stdout lacks %q (%s)", c.args, want, c.reason)
				}
			}
			if c.absent != "" && strings.Contains(out.String()+errOut.String(), c.absent) {
				t.Errorf("%v: output contains %q", c.args, c.absent)
			}
		})
	}
}

// TestFHIRRoundTrip: export then import through the command gives back the referral document.
func TestFHIRRoundTrip(t *testing.T) {
	ref := "../../referral/testdata/valid/referral.completed.json"
	var bundle, back, errOut bytes.Buffer
	if code := run([]string{"fhir", "export", "-nhs-number-status", "01", "referral.referral", ref}, &bundle, &errOut); code != 0 {
		t.Fatalf("export: %d %s", code, errOut.String())
	}
	if code := fhirCmd([]string{"import", "-"}, &bundle, &back, &errOut); code != 0 {
		t.Fatalf("import: %d %s", code, errOut.String())
	}
	if got := errOut.String(); got != "NHS number verification status 01 (UK Core; not part of the referral document)\n" {
		t.Errorf("import reported: %q", got)
	}
	want, _ := os.ReadFile(ref)
	var a, b any
	if err := json.Unmarshal(want, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(back.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	wa, _ := json.Marshal(a)
	wb, _ := json.Marshal(b)
	if !bytes.Equal(wa, wb) {
		t.Errorf("round trip differs:\n%s\n%s", wa, wb)
	}
}
