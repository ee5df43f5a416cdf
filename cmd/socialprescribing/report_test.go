package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/cohortgen"
	"github.com/socialprescribing/go-socialprescribing/schema"
)

// reportRun runs the report command with stdin and returns the status and both streams.
func reportRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := report(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// episodeFixtures returns the valid episode fixtures and one invalid one.
func episodeFixtures(t *testing.T) (valid []string, invalid string) {
	valid, err := filepath.Glob("../../episode/testdata/valid/episode.*.json")
	if err != nil || len(valid) == 0 {
		t.Fatalf("no episode fixtures: %v", err)
	}
	return valid, "../../episode/testdata/invalid/episode.lte.ons4.json"
}

// generated writes a generated cohort of n valid episodes as one JSON array and returns its path
// and the episodes.
func generated(t *testing.T, n int) (string, []episode.Episode) {
	t.Helper()
	eps := cohortgen.Cohort(n, 5)
	b, err := json.Marshal(eps)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cohort.json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p, eps
}

// TestReportFormats renders all three formats over the fixtures and a generated cohort: the JSON is
// one episode.report document valid against its published schema and equal to the library's report.
func TestReportFormats(t *testing.T) {
	valid, _ := episodeFixtures(t)
	cohort, eps := generated(t, 400)
	for _, files := range [][]string{valid, {cohort}} {
		code, out, errOut := reportRun(t, "", append([]string{"-format", "json"}, files...)...)
		if code != 0 || errOut != "" {
			t.Fatalf("json over %v: status %d, stderr %s", files, code, errOut)
		}
		if err := schema.ValidateDocument("episode.report", []byte(out)); err != nil {
			t.Errorf("json over %v does not validate as episode.report: %v", files, err)
		}
		dec := json.NewDecoder(strings.NewReader(out))
		var r episode.Report
		if err := dec.Decode(&r); err != nil || dec.More() {
			t.Errorf("json over %v is not exactly one document: %v", files, err)
		}
		code, out, _ = reportRun(t, "", append([]string{"-format", "text"}, files...)...)
		if code != 0 || !strings.HasPrefix(out, "Common outcomes report: ") {
			t.Errorf("text over %v: status %d\n%s", files, code, out)
		}
		code, out, _ = reportRun(t, "", append([]string{"-format", "html"}, files...)...)
		if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "Impact on community groups") {
			t.Errorf("html over %v: status %d", files, code)
		}
	}
	// The generated cohort's JSON is the library's report of the same episodes.
	_, out, _ := reportRun(t, "", "-format", "json", cohort)
	want, _ := json.MarshalIndent(episode.NewReport(eps), "", "  ")
	if strings.TrimSpace(out) != string(want) {
		t.Error("the command's report differs from episode.NewReport over the same episodes")
	}
}

// Invalid episodes are left out, listed on stderr by file, index and rule, and counted.
func TestReportInvalid(t *testing.T) {
	valid, invalid := episodeFixtures(t)
	dir := t.TempDir()
	// An array with a valid episode, an invalid one holding an NHS number in an unknown key, and a
	// number.
	one, _ := os.ReadFile(valid[0])
	arr := filepath.Join(dir, "mixed.json")
	if err := os.WriteFile(arr, []byte("["+string(one)+`, {"nhsNumber": "9434765919"}, 7]`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := reportRun(t, "", "-format", "json", arr, invalid)
	if code != 1 {
		t.Errorf("status %d, want 1", code)
	}
	for _, want := range []string{arr + "[1]: invalid episode.episode, left out", "/nhsNumber: unknown-field", arr + "[2]: invalid", invalid + ": invalid episode.episode", "/measurements/0/ons4/"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "9434765919") || strings.Contains(out, "9434765919") {
		t.Error("a value of an invalid document was printed")
	}
	var r episode.Report
	if err := sp.Decode([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Episodes != 1 || r.Exclusions.Invalid != 3 {
		t.Errorf("episodes %d, invalid %d; want 1 and 3", r.Episodes, r.Exclusions.Invalid)
	}
}

// Standard input, -o, a period and suppression.
func TestReportOptionsFlags(t *testing.T) {
	cohort, eps := generated(t, 200)
	data, _ := os.ReadFile(cohort)
	outFile := filepath.Join(t.TempDir(), "report.json")
	code, out, errOut := reportRun(t, string(data), "-from", "2024-03-01", "-format", "json", "-", "-to", "2024-08-31", "-suppress", "10", "-o", outFile)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("status %d, stdout %q, stderr %q", code, out, errOut)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var r episode.Report
	if err := sp.Decode(b, &r); err != nil {
		t.Fatal(err)
	}
	outside := 0
	for _, e := range eps {
		if d := e.Referral.Received; d.Before(sp.MustParseDate("2024-03-01")) || d.After(sp.MustParseDate("2024-08-31")) {
			outside++
		}
	}
	if r.Exclusions.OutsidePeriod != outside || r.Suppression == nil || r.Suppression.Threshold != 10 {
		t.Errorf("outside %d (want %d), suppression %+v", r.Exclusions.OutsidePeriod, outside, r.Suppression)
	}
	if r.From != sp.MustParseDate("2024-03-01") || r.To != sp.MustParseDate("2024-08-31") {
		t.Errorf("report heads %s to %s, not the period asked for", r.From, r.To)
	}
	if err := schema.ValidateDocument("episode.report", b); err != nil {
		t.Errorf("suppressed report does not validate: %v", err)
	}
	_, html, _ := reportRun(t, string(data), "-format", "html", "-suppress", "10", "-")
	if !strings.Contains(html, "counts below 10 hidden") || !strings.Contains(html, "&lt;10") {
		t.Error("the page does not show the threshold and hidden counts")
	}
}

func TestReportUsage(t *testing.T) {
	for _, args := range [][]string{
		{}, {"-format", "pdf", "x.json"}, {"-from", "1/2/2024", "x.json"}, {"-suppress", "1", "x.json"},
		{"-suppress", "-3", "x.json"}, {"-from", "2024-05-01", "-to", "2024-04-01", "../../episode/testdata/valid/episode.completed.json"},
		{"no-such-file.json"}, {"-", "-"},
	} {
		if code, _, _ := reportRun(t, "[]", args...); code != 2 {
			t.Errorf("%q: status %d, want 2", args, code)
		}
	}
}
