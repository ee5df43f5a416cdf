package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/schema"
)

const sample = "../../examples/auditor/claims.json"

// TestAudit runs the audit command on the auditor example's sample claims.
func TestAudit(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, reason string
		args         []string
		stdin        string
		code         int
		contains     string
	}{
		{"text", "the sample has error findings, so the status is 1", []string{sample}, "", 1, "workforce.over-pcn-sum"},
		{"csv", "CSV starts with its header", []string{"-format", "csv", sample}, "", 1, "claim,pcn,staff,month,role,employment,daysInMonth,daysInPost,parts"},
		{"json", "JSON carries the ruleset digest", []string{"-format", "json", sample}, "", 1, `"rulesetDigest": "sha256:`},
		{"html", "HTML is one page", []string{"-format", "html", sample}, "", 1, "<!DOCTYPE html>"},
		{"flags after the file", "flags may follow the input", []string{sample, "-format", "json", "-summary"}, "", 1, `"lines": []`},
		{"stdin", "- reads standard input", []string{"-format", "csv", "-"}, string(data), 1, "/claims/0,U11111"},
		{"summary", "-summary prints the totals and PCN-years only", []string{"-summary", sample}, "", 1, "PCN-years"},
		{"min-severity", "-min-severity error lists errors only; the status still says there are errors",
			[]string{"-min-severity", "error", sample}, "", 1, "- error workforce.over-pcn-sum"},
		{"rules", "a loaded row for 2024/25 fills the April 2024 gap and records its origin",
			[]string{"-rules", "../../examples/auditor/rules-example.json", "-origin", "example", "-format", "csv", sample}, "", 1, "social-prescribing-link-worker 2024-04-01..2025-03-31 example"},
		{"bad format", "an unknown format is a usage error", []string{"-format", "xml", sample}, "", 2, ""},
		{"bad severity", "an unknown severity is a usage error", []string{"-min-severity", "fatal", sample}, "", 2, ""},
		{"no input", "the input file is required", nil, "", 2, ""},
		{"two inputs", "one input at a time", []string{sample, sample}, "", 2, ""},
		{"missing file", "an unreadable input is status 2", []string{"no-such-file.json"}, "", 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			code := audit(c.args, strings.NewReader(c.stdin), &out, &errOut)
			if code != c.code || !strings.Contains(out.String(), c.contains) {
				t.Errorf("audit(%v): got status %d and output containing %q = %v, want %d; reason: %s (stderr %s)",
					c.args, code, c.contains, strings.Contains(out.String(), c.contains), c.code, c.reason, errOut.String())
			}
			if strings.Contains(errOut.String(), "goroutine") || strings.Contains(errOut.String(), "panic") {
				t.Errorf("stderr holds a stack trace: %s", errOut.String())
			}
		})
	}
}

// TestAuditJSONIsTheReportDocument checks that the JSON output is a valid workforce.audit-report
// document, as the published schema and Go read it.
func TestAuditJSONIsTheReportDocument(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	if code := audit([]string{"-format", "json", sample}, nil, &out, &errOut); code != 1 {
		t.Fatalf("status %d: %s", code, errOut.String())
	}
	if err := schema.ValidateDocument("workforce.audit-report", out.Bytes()); err != nil {
		t.Errorf("the JSON report is not a valid workforce.audit-report: %v", err)
	}
}

// TestAuditBadInput: a malformed file, a directory, an empty file or a CSV where JSON is expected
// gets one clear line on stderr and status 2, never a panic or a stack trace.
func TestAuditBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, reason, path, want string
	}{
		{"directory", "a directory is not a document", dir, "is a directory"},
		{"empty", "an empty file has nothing to audit", write("empty.json", ""), "is empty"},
		{"blank", "white space only is empty too", write("blank.json", " \n\t\n"), "is empty"},
		{"csv", "a spreadsheet export is not the JSON input", write("claims.csv", "pcn,staff,month,salary\nU1,E1,2023-07-01,2400.00\n"), "looks like CSV"},
		{"malformed", "broken JSON is named with where it breaks", write("broken.json", `{"pcns": [`), "not a valid audit input"},
		{"wrong shape", "a top level of the wrong shape is named by its path", write("shape.json", `{"pcns": [], "staff": [], "claims": {}}`), "/claims"},
		{"unknown top-level key", "a top level with a key it does not define", write("key.json", `{"pcns": [], "staff": [], "claims": [], "extra": []}`), "/extra"},
		{"bom", "a byte-order mark is named as such", write("bom.json", "\ufeff{\"pcns\": [], \"staff\": [], \"claims\": []}"), "byte-order mark"},
		{"array", "a JSON array is not the input document", write("array.json", `[1, 2]`), "not a JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			code := audit([]string{c.path}, nil, &out, &errOut)
			msg := errOut.String()
			if code != 2 || !strings.Contains(msg, c.want) || strings.Count(msg, "\n") != 1 || strings.Contains(msg, "goroutine") {
				t.Errorf("got status %d and stderr %q, want 2 and one line containing %q; reason: %s", code, msg, c.want, c.reason)
			}
			if out.Len() != 0 {
				t.Errorf("stdout is not empty: %q", out.String())
			}
		})
	}
}

// TestAuditBadClaimIsAFinding: a claim that does not decode is a finding (status 1), and the other
// claims are audited.
func TestAuditBadClaimIsAFinding(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "c.json")
	doc := `{"pcns": [{"id": "U1", "listSize": 42000}],
	"staff": [{"id": "S1", "pcn": "U1", "role": "care-coordinator", "employment": "direct", "start": "2023-04-01", "wte": [{"from": "2023-04-01", "wte": "1"}]}],
	"claims": [{"salary": 2400},
		{"pcn": "U1", "staff": "S1", "month": "2023-07-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"}]}`
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := audit([]string{"-format", "csv", p}, nil, &out, &errOut); code != 1 {
		t.Fatalf("status %d, want 1 (an error finding); stderr %q", code, errOut.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Errorf("the CSV has %d rows, want a header and the one valid claim's line:\n%s", n, out.String())
	}
}

// TestAuditOutputFiles writes CSV with -o and checks the companions, and a workbook.
func TestAuditOutputFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	path := filepath.Join(dir, "audit.csv")
	if code := audit([]string{"-format", "csv", "-o", path, sample}, nil, &out, &errOut); code != 1 {
		t.Fatalf("status %d: %s", code, errOut.String())
	}
	if out.Len() != 0 {
		t.Errorf("with -o, stdout is not empty")
	}
	for suffix, header := range map[string]string{
		".csv":           "claim,pcn,staff",
		".findings.csv":  "severity,rule,pcn",
		".pcn-years.csv": "pcn,year,lines",
		".rules.csv":     "id,kind,role",
		".totals.csv":    "name,value",
	} {
		b, err := os.ReadFile(filepath.Join(dir, "audit"+suffix))
		if err != nil {
			t.Errorf("%s: %v", suffix, err)
			continue
		}
		if !strings.HasPrefix(string(b), header) {
			t.Errorf("%s starts %q, want %q", suffix, firstLine(b), header)
		}
		if _, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
			t.Errorf("%s is not CSV: %v", suffix, err)
		}
	}
	totals, _ := os.ReadFile(filepath.Join(dir, "audit.totals.csv"))
	for _, want := range []string{"libraryVersion,", "rulesetDigest,sha256:", "payable,52202.95"} {
		if !strings.Contains(string(totals), want) {
			t.Errorf("totals lack %q", want)
		}
	}
	// -min-severity keeps the lines and drops the findings below it.
	path = filepath.Join(dir, "errors.csv")
	if code := audit([]string{sample, "-format", "csv", "-min-severity", "error", "-o", path}, nil, &out, &errOut); code != 1 {
		t.Fatalf("status %d: %s", code, errOut.String())
	}
	f, _ := os.ReadFile(filepath.Join(dir, "errors.findings.csv"))
	if strings.Contains(string(f), "\nwarning,") || !strings.Contains(string(f), "\nerror,") {
		t.Errorf("-min-severity error: findings are\n%s", f)
	}
	xlsx := filepath.Join(dir, "audit.xlsx")
	if code := audit([]string{"-format", "xlsx", "-o", xlsx, sample}, nil, &out, &errOut); code != 1 {
		t.Fatalf("status %d: %s", code, errOut.String())
	}
	if b, err := os.ReadFile(xlsx); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("the workbook is not a zip file: %v", err)
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

// TestAuditRefusesToOverwriteItsInput: -o naming the input, or a CSV companion that is the input,
// is refused with status 2 and the input is left as it was.
func TestAuditRefusesToOverwriteItsInput(t *testing.T) {
	t.Parallel()
	orig, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "c.json")
	if err := os.WriteFile(in, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Link(in, link); err != nil {
		t.Fatal(err)
	}
	companion := filepath.Join(dir, "out.findings.csv")
	if err := os.Link(in, companion); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
	}{
		{"json onto the input", []string{"-format", "json", "-o", in, in}},
		{"onto a hard link of the input", []string{"-o", link, in}},
		{"flags after the input", []string{in, "-format", "csv", "-o", in}},
		{"a CSV companion that is the input", []string{"-format", "csv", "-o", filepath.Join(dir, "out.csv"), in}},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := audit(c.args, nil, &out, &errOut)
		if code != 2 || !strings.Contains(errOut.String(), "is the input file") {
			t.Errorf("%s: status %d, stderr %q; want 2 and a line saying it is the input file", c.name, code, errOut.String())
		}
		if got, _ := os.ReadFile(in); !bytes.Equal(got, orig) {
			t.Fatalf("%s: the input was overwritten", c.name)
		}
	}
}

// TestAuditRefusesWorkbookToADevice: a workbook is binary; -o naming a terminal or other character
// device (but /dev/null) is refused.
func TestAuditRefusesWorkbookToADevice(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	var out, errOut bytes.Buffer
	if code := audit([]string{"-format", "xlsx", "-o", "/dev/zero", sample}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "binary") {
		t.Errorf("status %d, stderr %q; want 2 and a line saying a workbook is binary", code, errOut.String())
	}
	if code := audit([]string{"-format", "xlsx", "-o", os.DevNull, sample}, nil, &out, &errOut); code == 2 {
		t.Errorf("a workbook to %s: status 2, stderr %q", os.DevNull, errOut.String())
	}
}

// TestAuditOriginMessageSaysItOnce: a bad -origin is named once, not as "rules: workforce: rules:".
func TestAuditOriginMessageSaysItOnce(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	code := audit([]string{"-rules", "../../examples/auditor/rules-example.json", "-origin", "a\tb", sample}, nil, &out, &errOut)
	msg := errOut.String()
	if code != 2 || !strings.Contains(msg, "-origin: origin holds a control character") || strings.Count(msg, "rules:") > 0 || strings.Contains(msg, "workforce:") {
		t.Errorf("status %d, stderr %q; want 2 and one line naming -origin once", code, msg)
	}
}
