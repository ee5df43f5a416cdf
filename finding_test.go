package socialprescribing_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

// genFinding draws findings from small alphabets, so that ties on the leading keys are common and the
// later keys of the order are exercised.
var genFinding = rapid.Custom(func(t *rapid.T) sp.Finding {
	small := func(label string) string {
		return rapid.SampledFrom([]string{"", "a", "b", "B", "a/0"}).Draw(t, label)
	}
	return sp.Finding{
		Rule:     rapid.SampledFrom([]string{"coding.missing-code", "coding.late-recording", "plan.no-goal"}).Draw(t, "rule"),
		Severity: rapid.SampledFrom([]sp.Severity{sp.SeverityError, sp.SeverityWarning, sp.SeverityInfo, "bogus"}).Draw(t, "severity"),
		Subject:  small("subject"),
		Path:     small("path"),
		Message:  small("message"),
		Source:   small("source"),
	}
})

// severityRank is the documented order: errors first, then warnings, then info, then anything else.
func severityRank(s sp.Severity) int {
	switch s {
	case "error":
		return 0
	case "warning":
		return 1
	case "info":
		return 2
	}
	return 3
}

// inOrder reports whether a may come before b in the documented order (severity, subject, rule, path,
// message, source).
func inOrder(a, b sp.Finding) bool {
	ka := []any{severityRank(a.Severity), a.Subject, a.Rule, a.Path, a.Message, a.Source}
	kb := []any{severityRank(b.Severity), b.Subject, b.Rule, b.Path, b.Message, b.Source}
	for i := range ka {
		switch x := ka[i].(type) {
		case int:
			if y := kb[i].(int); x != y {
				return x < y
			}
		case string:
			if y := kb[i].(string); x != y {
				return x < y
			}
		}
	}
	return true
}

func TestSortFindingsProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fs := rapid.SliceOf(genFinding).Draw(t, "findings")
		perm := rapid.Permutation(fs).Draw(t, "perm")

		a := sp.SortFindings(slices.Clone(fs))
		b := sp.SortFindings(slices.Clone(perm))
		if diff := cmp.Diff(a, b, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("sorting two orders of the same findings differs (-first +second):\n%s", diff)
		}
		for i := 1; i < len(a); i++ {
			if !inOrder(a[i-1], a[i]) {
				t.Fatalf("findings %d and %d out of order: %v before %v", i-1, i, a[i-1], a[i])
			}
			if sp.CompareFindings(a[i-1], a[i]) > 0 {
				t.Fatalf("CompareFindings(%v, %v) > 0 after sorting", a[i-1], a[i])
			}
		}
		if len(a) != len(fs) {
			t.Fatalf("SortFindings changed the length: %d, want %d", len(a), len(fs))
		}
		wantErr := slices.ContainsFunc(fs, func(f sp.Finding) bool { return f.Severity == "error" })
		if got := sp.HasErrors(fs); got != wantErr {
			t.Fatalf("HasErrors = %v, want %v", got, wantErr)
		}
		if len(fs) >= 2 {
			x, y := fs[0], fs[1]
			if c, d := sp.CompareFindings(x, y), sp.CompareFindings(y, x); c != -d {
				t.Fatalf("CompareFindings is not antisymmetric: %d and %d", c, d)
			}
			if (sp.CompareFindings(x, y) == 0) != (x == y) {
				t.Fatalf("CompareFindings(%v, %v) = 0 but the findings differ, or the reverse", x, y)
			}
		}
	})
}

func TestSortFindingsTable(t *testing.T) {
	in := []sp.Finding{
		{Rule: "r", Severity: sp.SeverityInfo, Subject: "a", Message: "m"},
		{Rule: "r", Severity: sp.SeverityError, Subject: "b", Message: "m"},
		{Rule: "r", Severity: sp.SeverityWarning, Subject: "a", Message: "m"},
		{Rule: "q", Severity: sp.SeverityError, Subject: "b", Message: "m"},
		{Rule: "r", Severity: sp.SeverityError, Subject: "a", Message: "m"},
	}
	want := []sp.Finding{in[4], in[3], in[1], in[2], in[0]}
	if diff := cmp.Diff(want, sp.SortFindings(in)); diff != "" {
		t.Errorf("SortFindings: errors first, then by subject, then by rule (-want +got):\n%s", diff)
	}
}

func TestSeverityText(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		ok     bool
	}{
		{"error", "defined value", "error", true},
		{"warning", "defined value", "warning", true},
		{"info", "defined value", "info", true},
		{"capitalised", "no case folding", "Error", false},
		{"upper", "no case folding", "ERROR", false},
		{"padded", "no trimming", " error", false},
		{"trailing", "no trimming", "error ", false},
		{"empty", "the empty string is not a severity", "", false},
		{"abbreviation", "only the exact words", "warn", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sp.Severity("unchanged")
			err := s.UnmarshalText([]byte(tt.in))
			if (err == nil) != tt.ok {
				t.Fatalf("UnmarshalText(%q) error = %v, want ok=%v (%s)", tt.in, err, tt.ok, tt.reason)
			}
			if !tt.ok {
				if !errors.Is(err, sp.ErrInvalid) {
					t.Errorf("error %v does not wrap ErrInvalid", err)
				}
				if s != "unchanged" {
					t.Errorf("failed UnmarshalText changed the value to %q", s)
				}
				if _, err := sp.Severity(tt.in).MarshalText(); err == nil {
					t.Errorf("MarshalText(%q) succeeded, want an error", tt.in)
				}
				if sp.Severity(tt.in).IsValid() {
					t.Errorf("IsValid(%q) = true", tt.in)
				}
				return
			}
			if string(s) != tt.in {
				t.Errorf("UnmarshalText(%q) = %q", tt.in, s)
			}
		})
	}
	if diff := cmp.Diff([]sp.Severity{"error", "warning", "info"}, sp.Severities()); diff != "" {
		t.Errorf("Severities() (-want +got):\n%s", diff)
	}
	sv := sp.Severities()
	sv[0] = "changed"
	if sp.Severities()[0] != sp.SeverityError {
		t.Errorf("Severities() returns shared storage")
	}
}

func TestConfidenceText(t *testing.T) {
	want := []sp.Confidence{"high", "medium-high", "medium", "low", "unconfirmed"}
	if diff := cmp.Diff(want, sp.Confidences()); diff != "" {
		t.Errorf("Confidences() (-want +got):\n%s", diff)
	}
	cs := sp.Confidences()
	cs[0] = "changed"
	if sp.Confidences()[0] != sp.ConfidenceHigh {
		t.Errorf("Confidences() returns shared storage")
	}
	for _, c := range want {
		var got sp.Confidence
		if err := got.UnmarshalText([]byte(c)); err != nil || got != c {
			t.Errorf("UnmarshalText(%q) = %q, %v", c, got, err)
		}
		if b, err := c.MarshalText(); err != nil || string(b) != string(c) {
			t.Errorf("MarshalText(%q) = %q, %v", c, b, err)
		}
	}
	for _, bad := range []string{"", "High", "medium high", "very high", " low"} {
		var got sp.Confidence
		if err := got.UnmarshalText([]byte(bad)); !errors.Is(err, sp.ErrInvalid) || got != "" {
			t.Errorf("UnmarshalText(%q) = %q, %v; want ErrInvalid and no change", bad, got, err)
		}
		if _, err := sp.Confidence(bad).MarshalText(); err == nil {
			t.Errorf("MarshalText(%q) succeeded", bad)
		}
	}
}

func TestFindingJSON(t *testing.T) {
	f := sp.Finding{Rule: "coding.late-recording", Severity: sp.SeverityWarning, Subject: "ep-1", Path: "/activities/0", Message: "coded 9 days after the contact", Source: "NHS England, Social prescribing FAQs, recording and coding activity"}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"rule":"coding.late-recording","severity":"warning","subject":"ep-1","path":"/activities/0","message":"coded 9 days after the contact","source":"NHS England, Social prescribing FAQs, recording and coding activity"}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var g sp.Finding
	if err := sp.Decode(b, &g); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if diff := cmp.Diff(f, g); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if got, want := f.String(), "warning coding.late-recording ep-1 /activities/0: coded 9 days after the contact"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if _, err := json.Marshal(sp.Finding{Rule: "r", Severity: "fatal", Message: "m"}); err == nil {
		t.Errorf("json.Marshal of an undefined severity succeeded")
	}
}
