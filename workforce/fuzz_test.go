package workforce_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

func addFixtures(f *testing.F, prefix string) { fixturetest.AddSeeds(f, prefix) }

// FuzzParseRuleTable: strict decode → validate → override → re-encode never panics, and a table
// that loads re-encodes to a table that loads the same.
func FuzzParseRuleTable(f *testing.F) {
	addFixtures(f, "rule-table")
	f.Add([]byte(`{"roleRates":[{"role":"care-coordinator","from":"2024-04-01","to":"2024-04-15","annualMaximum":"9999999.99","source":"s","confidence":"low"}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := workforce.ParseRuleTable(data)
		if err != nil {
			return
		}
		r, err := workforce.DefaultRules().Override(tb, "fuzz")
		if err != nil {
			t.Fatalf("a table that parses does not override: %v", err)
		}
		_ = r.Digest()
		out, err := json.Marshal(tb)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		again, err := workforce.ParseRuleTable(out)
		if err != nil {
			t.Fatalf("re-encoded table does not parse: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(again)
		if string(out) != string(out2) {
			t.Fatalf("not canonical:\n%s\n%s", out, out2)
		}
	})
}

// FuzzClaim: strict decode → validate → re-encode never panics; a valid claim round-trips.
func FuzzClaim(f *testing.F) {
	addFixtures(f, "claim")
	f.Fuzz(func(t *testing.T, data []byte) {
		var c workforce.Claim
		if err := sp.Decode(data, &c); err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back workforce.Claim
		if err := sp.Decode(out, &back); err != nil || back != c {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
	})
}

// FuzzAuditInput: any document that decodes can be audited and rendered without a panic, and the
// report's totals reconcile.
func FuzzAuditInput(f *testing.F) {
	addFixtures(f, "audit-input")
	if b, err := os.ReadFile(filepath.Join("..", "examples", "auditor", "claims.json")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := workforce.ParseInput(data)
		if err != nil {
			return
		}
		rep := workforce.Audit(in, workforce.DefaultRules())
		js, err := rep.JSON()
		if err != nil {
			t.Fatalf("JSON: %v", err)
		}
		if want, err := json.MarshalIndent(rep, "", "  "); err != nil || !bytes.Equal(js, append(want, '\n')) {
			t.Fatalf("WriteJSON differs from encoding/json (%v)", err)
		}
		if _, err := rep.CSV(); err != nil {
			t.Fatalf("CSV: %v", err)
		}
		_ = rep.Text()
		var sum int64
		for _, l := range rep.Lines {
			sum += l.Allowed.Pence()
		}
		if sum != rep.Totals.Allowed.Pence() {
			t.Fatalf("totals do not reconcile")
		}
	})
}

// FuzzClaimRef: a claim reference that parses writes back as the same text.
func FuzzClaimRef(f *testing.F) {
	for _, s := range []string{"/claims/0", "/claims/149999", "/claims/01", "/claims/", "/claims/-1", "claims/1", "/claims/999999999", "/claims/1x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c workforce.ClaimRef
		if err := c.UnmarshalText([]byte(s)); err != nil {
			return
		}
		out, err := c.MarshalText()
		if err != nil || string(out) != s {
			t.Fatalf("%q parses but writes back as %q (%v)", s, out, err)
		}
		if i, ok := c.Index(); !ok || workforce.ClaimAt(i) != c {
			t.Fatalf("%q: index %d does not point back", s, i)
		}
	})
}

// fuzzDocument is strict decode → Validate → re-encode → decode again for one document type: it
// never panics, and a valid document re-encodes to one that is still valid.
func fuzzDocument[T interface{ Validate() error }](f *testing.F, prefix string, extra ...string) {
	fixturetest.AddSeeds(f, prefix, extra...)
	f.Fuzz(func(t *testing.T, data []byte) {
		var v T
		if err := sp.Decode(data, &v); err != nil {
			return
		}
		if err := v.Validate(); err != nil {
			return
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		var back T
		if err := sp.Decode(out, &back); err != nil {
			t.Fatalf("re-encoded document does not decode: %v\n%s", err, out)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("re-encoded document is not valid: %v\n%s", err, out)
		}
	})
}

func FuzzStaffMember(f *testing.F)    { fuzzDocument[workforce.StaffMember](f, "staff-member") }
func FuzzPCN(f *testing.F)            { fuzzDocument[workforce.PCN](f, "pcn") }
func FuzzCaseloadPolicy(f *testing.F) { fuzzDocument[workforce.CaseloadPolicy](f, "caseload-policy") }

// FuzzReport starts from the sample report cut to the first item of each list: the whole sample is
// too large a seed (see fixturetest.MaxSeed).
func FuzzReport(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "valid", "audit-report.sample.json"))
	if err != nil {
		f.Fatal(err)
	}
	var r workforce.Report
	if err := sp.Decode(data, &r); err != nil {
		f.Fatal(err)
	}
	v := reflect.ValueOf(&r).Elem()
	for i := range v.NumField() {
		if fv := v.Field(i); fv.Kind() == reflect.Slice && fv.Len() > 1 {
			fv.Set(fv.Slice(0, 1))
		}
	}
	small, err := json.Marshal(r)
	if err != nil {
		f.Fatal(err)
	}
	fuzzDocument[workforce.Report](f, "audit-report", string(small))
}

// FuzzCaseload also runs the default policy's check on every valid caseload.
func FuzzCaseload(f *testing.F) {
	addFixtures(f, "caseload")
	f.Fuzz(func(t *testing.T, data []byte) {
		var c workforce.Caseload
		if err := sp.Decode(data, &c); err != nil || c.Validate() != nil {
			return
		}
		if _, err := workforce.DefaultCaseloadPolicy().Check(c); err != nil {
			t.Fatalf("Check of a valid caseload: %v", err)
		}
		if _, err := json.Marshal(c); err != nil {
			t.Fatalf("re-encode: %v", err)
		}
	})
}
