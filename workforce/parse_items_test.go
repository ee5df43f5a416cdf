package workforce_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestParseInputItemByItem: a malformed claim or member of staff is a finding, with the JSON Pointer
// of every problem and no value, and the rest of the document is audited.
func TestParseInputItemByItem(t *testing.T) {
	t.Parallel()
	doc := `{
	"pcns": [{"id": "U1", "listSize": 42000}],
	"staff": [
		{"id": "S1", "pcn": "U1", "role": "care-coordinator", "employment": "direct", "start": "2023-04-01", "wte": [{"from": "2023-04-01", "wte": "1"}]},
		{"id": "S2", "pcn": "U1", "role": "secret-role-xyz", "employment": "direct", "start": "2023-04-01", "wte": [{"from": "2023-04-01", "wte": "1"}]}
	],
	"claims": [
		{"pcn": "U1", "staff": "S1", "month": "2023-07-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"},
		{"pcn": "U1", "staff": "S1", "month": "2023-08-01", "salary": "2731.2", "employerNationalInsurance": "200.00", "employerPension": "300.00"},
		{"pcn": "U1", "staff": "S1", "month": "2023-13-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"},
		{"pcn": "U1", "staff": "S1", "month": "2023-09-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00", "secretKeyXyz": "1"},
		null,
		{"pcn": 98765, "staff": "S1", "month": "2023-10-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"},
		{"pcn": "U1", "staff": "S2", "month": "2023-07-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"},
		{"pcn": "U1", "staff": "S1", "month": "2023-11-01", "salary": "2000.00", "employerNationalInsurance": "200.00", "employerPension": "300.00"}
	]}`
	in, err := workforce.ParseInput([]byte(doc))
	if err != nil {
		t.Fatalf("ParseInput rejected the whole document for bad items: %v", err)
	}
	if err := in.Validate(); err == nil {
		t.Error("Validate accepts an input whose items did not decode")
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	var lines []string
	for _, l := range rep.Lines {
		lines = append(lines, l.Claim.String())
	}
	if want := []string{"/claims/0", "/claims/7"}; !slices.Equal(lines, want) {
		t.Errorf("lines audited: %v, want %v (the valid claims of a valid member of staff)", lines, want)
	}
	var invalid, notAudited []string
	for _, f := range rep.Findings {
		switch f.Rule {
		case workforce.CodeInvalidInput:
			invalid = append(invalid, f.Path)
		case workforce.CodeNotAudited:
			notAudited = append(notAudited, f.Claim.String())
		}
		for _, v := range []string{"2731.2", "2023-13", "secret-role-xyz", "98765"} {
			if strings.Contains(f.Message, v) {
				t.Errorf("finding %s quotes the input value %q: %s", f.Rule, v, f.Message)
			}
		}
	}
	slices.Sort(invalid)
	slices.Sort(notAudited)
	wantInvalid := []string{"/claims/1/salary", "/claims/2/month", "/claims/3/secretKeyXyz", "/claims/4", "/claims/5/pcn", "/staff/1/role"}
	if !slices.Equal(invalid, wantInvalid) {
		t.Errorf("invalid-input paths %v, want %v", invalid, wantInvalid)
	}
	wantNot := []string{"/claims/1", "/claims/2", "/claims/3", "/claims/4", "/claims/5", "/claims/6"}
	if !slices.Equal(notAudited, wantNot) {
		t.Errorf("claims not audited %v, want %v", notAudited, wantNot)
	}
	for _, f := range rep.Findings {
		if f.Rule == workforce.CodeNotAudited && f.Claim == workforce.ClaimAt(6) && !strings.Contains(f.Message, "member of staff is invalid") {
			t.Errorf("the claim naming the invalid member of staff: %q, want it to say the member of staff is invalid", f.Message)
		}
	}
}

// TestParseInputUnreadable: only a document that cannot be read at all is an error.
func TestParseInputUnreadable(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{`{"pcns": [`, `[]`, `{"pcns": [], "staff": [], "claims": {}}`, `{"pcns": [], "staff": [], "claims": [], "other": 1}`, `{"claims": null}`} {
		if _, err := workforce.ParseInput([]byte(doc)); err == nil {
			t.Errorf("ParseInput(%s) = nil error, want the document refused", doc)
		}
	}
}

// TestFindingSaysItsClaimOnce: a finding whose path is only its claim names the claim once.
func TestFindingSaysItsClaimOnce(t *testing.T) {
	t.Parallel()
	f := workforce.Finding{Rule: workforce.CodeNotAudited, Severity: "error", Claim: workforce.ClaimAt(0), Path: "/claims/0", Message: "the claim is invalid and is not audited"}
	if s := f.String(); strings.Count(s, "/claims/0") != 1 {
		t.Errorf("String() = %q, want /claims/0 said once", s)
	}
	f.Path = "/claims/0/salary"
	if s := f.String(); !strings.Contains(s, "/claims/0/salary") {
		t.Errorf("String() = %q, want the path into the claim kept", s)
	}
}
