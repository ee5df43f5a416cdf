package coding_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

// TestCodeSet checks the code set against the codes NHS England publishes for social prescribing and
// the nearest national referral-source codes (SOURCES.md#snomed-codes, #score-codes, #referral-sources).
func TestCodeSet(t *testing.T) {
	type row struct {
		System, Code string
		Confidence   sp.Confidence
	}
	want := []row{
		{"http://snomed.info/sct", "871731000000106", sp.ConfidenceHigh},
		{"http://snomed.info/sct", "871711000000103", sp.ConfidenceHigh},
		{"http://snomed.info/sct", "718466001", sp.ConfidenceMedium},
		{"http://snomed.info/sct", "718426000", sp.ConfidenceMedium},
		{"http://snomed.info/sct", "309013001", sp.ConfidenceMedium},
		{"http://snomed.info/sct", "306098008", sp.ConfidenceMedium},
		{"http://loinc.org", "106418-7", sp.ConfidenceMedium},
	}
	set := coding.CodeSet()
	var got []row
	for _, e := range set {
		got = append(got, row{e.Coding.System, e.Coding.Code, e.Confidence})
		if e.Coding.Display == "" || e.When == "" || e.Source == "" {
			t.Errorf("entry %s lacks a display, when or source", e.Coding.Code)
		}
		if e.Confidence == sp.ConfidenceUnconfirmed || !e.Confidence.IsValid() {
			t.Errorf("entry %s has confidence %q; an unconfirmed code is never shipped", e.Coding.Code, e.Confidence)
		}
		if e.Coding.System == coding.SystemSNOMED {
			if _, err := coding.ParseConceptID(e.Coding.Code); err != nil {
				t.Errorf("entry %s is not a valid concept id: %v", e.Coding.Code, err)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CodeSet() (-want +got):\n%s", diff)
	}
	if set[0].Coding.Display != "Referral to social prescribing service (procedure)" ||
		set[1].Coding.Display != "Social prescribing declined (situation)" {
		t.Errorf("terms of the two social prescribing codes = %q, %q", set[0].Coding.Display, set[1].Coding.Display)
	}
	// A fresh slice on each call.
	set[0].Coding.Code = "changed"
	if coding.CodeSet()[0].Coding.Code != "871731000000106" {
		t.Error("changing CodeSet()'s result changed the package's code set")
	}
	// The string constants name the same codes.
	for _, c := range []string{coding.ReferralToSocialPrescribingID, coding.SocialPrescribingDeclinedID, coding.SWEMWBSScoreID,
		coding.WEMWBSScoreID, coding.ReferredByPersonID, coding.SelfReferralID} {
		if _, err := coding.ParseConceptID(c); err != nil {
			t.Errorf("constant %s: %v", c, err)
		}
	}
	if coding.SystemSNOMED != "http://snomed.info/sct" || coding.SystemLOINC != "http://loinc.org" {
		t.Error("system URIs differ from those of FHIR UK Core and LOINC (SOURCES.md#fhir-uk-core, #score-codes)")
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name, reason string
		id           coding.SCTID
		want         string // the display, or "" for ErrUnknownCode
	}{
		{"referral", "in the code set", coding.MustParseSCTID("871731000000106"), "Referral to social prescribing service (procedure)"},
		{"declined", "in the code set", coding.MustParseSCTID("871711000000103"), "Social prescribing declined (situation)"},
		{"SWEMWBS", "in the code set", coding.MustParseSCTID("718466001"), "Short Warwick-Edinburgh Mental Well-being Scale score"},
		{"root concept", "valid, but not a social prescribing code", coding.MustParseSCTID("138875005"), ""},
		{"description id", "valid, not a concept, not in the set", coding.MustParseSCTID("2148514019"), ""},
		{"zero SCTID", "no identifier", coding.SCTID{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := coding.Lookup(tc.id)
			if tc.want == "" {
				if !errors.Is(err, coding.ErrUnknownCode) || e != (coding.Entry{}) {
					t.Errorf("Lookup(%v) = %v, %v, want ErrUnknownCode (%s)", tc.id, e, err, tc.reason)
				}
				return
			}
			if err != nil || e.Coding.Display != tc.want || e.Coding.Code != tc.id.String() {
				t.Errorf("Lookup(%v) = %v, %v, want display %q (%s)", tc.id, e, err, tc.want, tc.reason)
			}
		})
	}
}

func TestLookupString(t *testing.T) {
	tests := []struct {
		name, reason, system, code string
		ok                         bool
	}{
		{"LOINC UCLA-3", "the LOINC code is in the set", coding.SystemLOINC, "106418-7", true},
		{"SNOMED referral", "by its string", coding.SystemSNOMED, "871731000000106", true},
		{"SNOMED code under LOINC", "the system must match", coding.SystemLOINC, "871731000000106", false},
		{"LOINC code under SNOMED", "the system must match", coding.SystemSNOMED, "106418-7", false},
		{"system with a trailing slash", "URIs compare exactly", "http://snomed.info/sct/", "871731000000106", false},
		{"code with a space", "codes compare exactly", coding.SystemSNOMED, " 871731000000106", false},
		{"empty", "nothing", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := coding.LookupString(tc.system, tc.code)
			if tc.ok != (err == nil) {
				t.Fatalf("LookupString(%q, %q) error = %v, want ok = %v (%s)", tc.system, tc.code, err, tc.ok, tc.reason)
			}
			if !tc.ok {
				if !errors.Is(err, coding.ErrUnknownCode) {
					t.Errorf("error %v does not wrap ErrUnknownCode", err)
				}
				if tc.code != "" && strings.Contains(err.Error(), strings.TrimSpace(tc.code)) {
					t.Errorf("error %q contains the code looked up", err)
				}
				return
			}
			if e.Coding.System != tc.system || e.Coding.Code != tc.code {
				t.Errorf("LookupString(%q, %q) = %v", tc.system, tc.code, e.Coding)
			}
		})
	}
}

func TestConcepts(t *testing.T) {
	tests := []struct {
		name    string
		concept coding.Concept
		want    string
	}{
		{"referral", coding.ReferralToSocialPrescribing(),
			`{"system":"http://snomed.info/sct","code":"871731000000106","display":"Referral to social prescribing service (procedure)"}`},
		{"declined", coding.SocialPrescribingDeclined(),
			`{"system":"http://snomed.info/sct","code":"871711000000103","display":"Social prescribing declined (situation)"}`},
		{"no term", coding.Concept{ID: coding.MustParseSCTID("138875005")},
			`{"system":"http://snomed.info/sct","code":"138875005"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.concept.Coding())
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("Coding() JSON = %s, want %s", b, tc.want)
			}
		})
	}
	c := coding.ReferralToSocialPrescribing()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"871731000000106","term":"Referral to social prescribing service (procedure)"}`; string(b) != want {
		t.Errorf("Concept JSON = %s, want %s", b, want)
	}
	var back coding.Concept
	if err := sp.Decode(b, &back); err != nil || back != c {
		t.Errorf("Concept round trip = %v, %v, want %v", back, err, c)
	}
}
