package coding_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/socialprescribing/go-socialprescribing/coding"
)

// TestReference checks the test's own Verhoeff reference against published values, so that the
// properties below compare the package with something known to be right.
func TestReference(t *testing.T) {
	// The worked example of Verhoeff's scheme: the check digit of 236 is 3.
	if got := refCheckDigit("236"); got != '3' {
		t.Errorf("refCheckDigit(236) = %c, want 3", got)
	}
	if !refVerhoeffValid("2363") || refVerhoeffValid("2364") {
		t.Error("reference does not accept 2363 and reject 2364")
	}
	// Published SNOMED CT identifiers pass the reference.
	for _, s := range realIDs {
		if !refValidSCTID(s.id) {
			t.Errorf("reference rejects the published identifier %s", s.id)
		}
	}
	// D5: 0 is the identity, every element has an inverse, the product is associative and not
	// commutative.
	for a := range 10 {
		if refD(0, a) != a || refD(a, 0) != a || refD(a, refInv(a)) != 0 {
			t.Fatalf("D5 identity or inverse broken at %d", a)
		}
		for b := range 10 {
			for c := range 10 {
				if refD(refD(a, b), c) != refD(a, refD(b, c)) {
					t.Fatalf("D5 not associative at %d %d %d", a, b, c)
				}
			}
		}
	}
	if refD(1, 5) == refD(5, 1) {
		t.Error("D5 product is commutative at (1, 5); it must not be")
	}
}

// realIDs are published SNOMED CT identifiers with their partition and namespace.
var realIDs = []struct {
	name, id, partition, namespace string
}{
	{"referral to social prescribing service (UK extension concept)", "871731000000106", "concept-extension", "1000000"},
	{"social prescribing declined (UK extension concept)", "871711000000103", "concept-extension", "1000000"},
	{"SWEMWBS score", "718466001", "concept", ""},
	{"WEMWBS score", "718426000", "concept", ""},
	{"referred by person", "309013001", "concept", ""},
	{"self-referral", "306098008", "concept", ""},
	{"SNOMED CT root concept", "138875005", "concept", ""},
	{"clinical finding", "404684003", "concept", ""},
	{"SNOMED CT core module (18 digits, short form)", "900000000000207008", "concept", ""},
	{"defining relationship (18 digits)", "900000000000441003", "concept", ""},
	{"description of atypical diabetes mellitus", "2148514019", "description", ""},
	{"description, 8 digits", "80268017", "description", ""},
	{"relationship", "144487025", "relationship", ""},
	{"relationship, 10 digits", "1019504021", "relationship", ""},
	{"US extension concept", "731000124108", "concept-extension", "1000124"},
	{"US extension description", "1621000124119", "description-extension", "1000124"},
	{"extension concept, namespace 1000202", "17561000202107", "concept-extension", "1000202"},
	{"extension description, namespace 1000202", "1240371000202113", "description-extension", "1000202"},
	{"Australian extension description (18 digits)", "108642591000036118", "description-extension", "1000036"},
}

func TestParseSCTIDRealIdentifiers(t *testing.T) {
	for _, tc := range realIDs {
		t.Run(tc.name, func(t *testing.T) {
			id, err := coding.ParseSCTID(tc.id)
			if err != nil {
				t.Fatalf("ParseSCTID(%s) error = %v, want nil", tc.id, err)
			}
			if got := id.String(); got != tc.id {
				t.Errorf("String() = %q, want %q", got, tc.id)
			}
			if got := string(id.Partition()); got != tc.partition {
				t.Errorf("Partition() = %q, want %q", got, tc.partition)
			}
			ns, ok := id.Namespace()
			if ns != tc.namespace || ok != (tc.namespace != "") {
				t.Errorf("Namespace() = %q, %v, want %q, %v", ns, ok, tc.namespace, tc.namespace != "")
			}
			wantConcept := strings.HasPrefix(tc.partition, "concept")
			if got := id.IsConcept(); got != wantConcept {
				t.Errorf("IsConcept() = %v, want %v", got, wantConcept)
			}
			if !id.IsValid() {
				t.Error("IsValid() = false, want true")
			}
			c, err := coding.ParseConceptID(tc.id)
			switch {
			case wantConcept && (err != nil || c != id):
				t.Errorf("ParseConceptID = %v, %v, want %v, nil", c, err, id)
			case !wantConcept && !errors.Is(err, coding.ErrNotConcept):
				t.Errorf("ParseConceptID error = %v, want ErrNotConcept", err)
			case !wantConcept && c.IsValid():
				t.Errorf("ParseConceptID returned %v with its error, want the zero SCTID", c)
			}
		})
	}
}

func TestParseSCTIDRejects(t *testing.T) {
	tests := []struct {
		name, reason, in string
		want             error
	}{
		{"empty", "no digits at all", "", coding.ErrMalformed},
		{"five digits", "the shortest SCTID has 6 digits", withCheck("1000"), coding.ErrMalformed},
		{"nineteen digits", "the longest SCTID has 18 digits", withCheck("100000000000000000"), coding.ErrMalformed},
		{"nineteen digits over uint64", "must not overflow into an accepted value", "9999999999999999999", coding.ErrMalformed},
		{"twenty-one digits", "far too long", "871731000000106871731", coding.ErrMalformed},
		{"leading zero", "SCTIDs never start with 0", "0718466001", coding.ErrMalformed},
		{"leading zero, valid check", "the check digit is right but the form is not", withCheck("0100000"), coding.ErrMalformed},
		{"all zeros", "no leading zero", "000000", coding.ErrMalformed},
		{"letter", "digits only", "71846600a", coding.ErrMalformed},
		{"leading space", "no trimming", " 718466001", coding.ErrMalformed},
		{"trailing space", "no trimming", "718466001 ", coding.ErrMalformed},
		{"trailing newline", "no trimming", "718466001\n", coding.ErrMalformed},
		{"plus sign", "digits only", "+718466001", coding.ErrMalformed},
		{"minus sign", "digits only", "-718466001", coding.ErrMalformed},
		{"hyphens", "no separators", "718-466-001", coding.ErrMalformed},
		{"decimal point", "an integer", "718466001.0", coding.ErrMalformed},
		{"exponent", "decimal digits only", "7.18466001e8", coding.ErrMalformed},
		{"full-width digits", "ASCII digits only", "７１８４６６００１", coding.ErrMalformed},
		{"Arabic-Indic digit", "ASCII digits only", "71846600" + "\u0661", coding.ErrMalformed},
		{"NUL byte", "digits only", "718466\x00001", coding.ErrMalformed},
		{"colon after the digits", "a byte just above '9'", "71846600:", coding.ErrMalformed},
		{"slash before the digits", "a byte just below '0'", "/718466001", coding.ErrMalformed},
		{"partition 03", "not a defined partition", withCheck("71846603"), coding.ErrMalformed},
		{"partition 13", "not a defined partition", withCheck("87173100000013"), coding.ErrMalformed},
		{"partition 20", "not a defined partition", withCheck("71846620"), coding.ErrMalformed},
		{"partition 99", "not a defined partition", withCheck("71846699"), coding.ErrMalformed},
		{"partition 05", "not a defined partition", withCheck("71846605"), coding.ErrMalformed},
		{"long form in 6 digits", "partition 10 needs a 7-digit namespace and an item id: at least 11 digits", withCheck("10010"), coding.ErrMalformed},
		{"long form in 10 digits", "one digit short of a namespace plus an item id", withCheck("100000011"), coding.ErrMalformed},
		{"check digit off by one", "718466001 is right", "718466002", coding.ErrCheckDigit},
		{"referral code, wrong check", "871731000000106 is right", "871731000000107", coding.ErrCheckDigit},
		{"declined code, wrong check", "871711000000103 is right", "871711000000108", coding.ErrCheckDigit},
		{"digits swapped", "Verhoeff catches adjacent transpositions", "781466001", coding.ErrCheckDigit},
		{"root concept, digit changed", "138875005 is right", "138875006", coding.ErrCheckDigit},
		{"18 digits, wrong check", "900000000000207008 is right", "900000000000207009", coding.ErrCheckDigit},
		{"description, wrong check", "2148514019 is right", "2148514018", coding.ErrCheckDigit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, err := coding.ParseSCTID(tc.in)
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseSCTID(%q) error = %v, want %v (%s)", tc.in, err, tc.want, tc.reason)
			}
			for _, other := range []error{coding.ErrMalformed, coding.ErrCheckDigit, coding.ErrNotConcept} {
				if other != tc.want && errors.Is(err, other) {
					t.Errorf("error %v also matches %v; the sentinels must be distinct", err, other)
				}
			}
			if id.IsValid() {
				t.Errorf("ParseSCTID returned %v with its error, want the zero SCTID", id)
			}
			if len(tc.in) >= 3 && strings.Contains(err.Error(), tc.in) {
				t.Errorf("error %q contains the input", err)
			}
			if !strings.HasPrefix(err.Error(), "coding: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			// The concept parser and UnmarshalText reject the same strings with the same category.
			if _, err := coding.ParseConceptID(tc.in); !errors.Is(err, tc.want) {
				t.Errorf("ParseConceptID(%q) error = %v, want %v", tc.in, err, tc.want)
			}
			var u coding.SCTID
			if err := u.UnmarshalText([]byte(tc.in)); !errors.Is(err, tc.want) {
				t.Errorf("UnmarshalText(%q) error = %v, want %v", tc.in, err, tc.want)
			}
		})
	}
}

func TestParseSCTIDLengthBoundaries(t *testing.T) {
	tests := []struct {
		name, reason, payload, partition string
	}{
		{"6 digits, short form", "the shortest SCTID", "100", "00"},
		{"6 digits, description", "short form is allowed at 6 digits for every kind", "999", "01"},
		{"11 digits, long form", "the shortest long form: 1 item digit, 7 namespace digits", "11000000", "10"},
		{"18 digits, short form", "the longest SCTID", "999999999999999", "02"},
		{"18 digits, long form", "the longest long form", "123456789999999", "12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := withCheck(tc.payload + tc.partition)
			id, err := coding.ParseSCTID(s)
			if err != nil {
				t.Fatalf("ParseSCTID(%s) error = %v, want nil (%s)", s, err, tc.reason)
			}
			if id.String() != s {
				t.Errorf("String() = %q, want %q", id.String(), s)
			}
			if got, want := string(id.Partition()), refPartition(s); got != want {
				t.Errorf("Partition() = %q, want %q", got, want)
			}
			ns, _ := id.Namespace()
			if want := refNamespace(s); ns != want {
				t.Errorf("Namespace() = %q, want %q", ns, want)
			}
		})
	}
}

func TestZeroSCTID(t *testing.T) {
	var id coding.SCTID
	if id.IsValid() {
		t.Error("zero SCTID IsValid() = true, want false")
	}
	if id.String() != "" {
		t.Errorf("zero SCTID String() = %q, want empty", id.String())
	}
	if id.Partition() != "" {
		t.Errorf("zero SCTID Partition() = %q, want empty", id.Partition())
	}
	if ns, ok := id.Namespace(); ns != "" || ok {
		t.Errorf("zero SCTID Namespace() = %q, %v, want \"\", false", ns, ok)
	}
	if id.IsConcept() {
		t.Error("zero SCTID IsConcept() = true, want false")
	}
	if _, err := id.MarshalText(); !errors.Is(err, coding.ErrMalformed) {
		t.Errorf("zero SCTID MarshalText() error = %v, want ErrMalformed", err)
	}
	if _, err := json.Marshal(struct{ ID coding.SCTID }{}); err == nil {
		t.Error("json.Marshal of a zero SCTID succeeded, want an error")
	}
}

func TestSCTIDEqualAndComparable(t *testing.T) {
	a := coding.MustParseSCTID("871731000000106")
	b := coding.MustParseSCTID("871731000000106")
	c := coding.MustParseSCTID("871711000000103")
	if !a.Equal(b) || a != b {
		t.Error("two parses of one identifier are not equal")
	}
	if a.Equal(c) || a == c {
		t.Error("different identifiers are equal")
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("cmp.Diff of equal SCTIDs (-a +b):\n%s", diff)
	}
	if cmp.Equal(a, c) {
		t.Error("cmp.Equal of different SCTIDs = true")
	}
}

func TestMustParseSCTIDPanics(t *testing.T) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		if !ok || !errors.Is(err, coding.ErrCheckDigit) {
			t.Errorf("MustParseSCTID panicked with %v, want an error wrapping ErrCheckDigit", r)
		}
	}()
	coding.MustParseSCTID("871731000000107")
	t.Error("MustParseSCTID did not panic")
}

func TestSCTIDJSON(t *testing.T) {
	type doc struct {
		Codes []coding.SCTID `json:"codes"`
	}
	in := doc{Codes: []coding.SCTID{coding.MustParseSCTID("871731000000106"), coding.MustParseSCTID("718466001")}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"codes":["871731000000106","718466001"]}`; string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("JSON round trip (-in +out):\n%s", diff)
	}
	// A JSON number is not the canonical form and is refused.
	if err := json.Unmarshal([]byte(`{"codes":[718466001]}`), &out); err == nil {
		t.Error("json.Unmarshal accepted a number for an SCTID")
	}
	if err := json.Unmarshal([]byte(`{"codes":["871731000000107"]}`), &out); !errors.Is(err, coding.ErrCheckDigit) {
		t.Errorf("json.Unmarshal of a bad check digit error = %v, want ErrCheckDigit", err)
	}
}

func TestVerhoeffCheckDigit(t *testing.T) {
	tests := []struct {
		name, reason, in string
		want             byte
		err              error
	}{
		{"worked example", "Verhoeff's check digit of 236 is 3", "236", '3', nil},
		{"referral code", "871731000000106 is published", "87173100000010", '6', nil},
		{"declined code", "871711000000103 is published", "87171100000010", '3', nil},
		{"SWEMWBS", "718466001 is published", "71846600", '1', nil},
		{"root concept", "138875005 is published", "13887500", '5', nil},
		{"core module", "900000000000207008 is published", "90000000000020700", '8', nil},
		{"single zero", "p(1) maps 0 to 1, whose inverse is 4", "0", '4', nil},
		{"leading zeros allowed", "the function takes any digit string", "0071846600", refCheckDigit("0071846600"), nil},
		{"empty", "nothing to check", "", 0, coding.ErrMalformed},
		{"letter", "digits only", "7184a", 0, coding.ErrMalformed},
		{"space", "digits only", "718 466", 0, coding.ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := coding.VerhoeffCheckDigit(tc.in)
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Fatalf("VerhoeffCheckDigit(%q) error = %v, want %v (%s)", tc.in, err, tc.err, tc.reason)
			}
			if got != tc.want {
				t.Errorf("VerhoeffCheckDigit(%q) = %q, want %q (%s)", tc.in, got, tc.want, tc.reason)
			}
		})
	}
}
