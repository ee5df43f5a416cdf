package coding_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/socialprescribing/go-socialprescribing/coding"
)

var partitions = []string{"00", "01", "02", "10", "11", "12"}

// genSCTID draws a valid SCTID string: a length, a partition, item (and namespace) digits with no
// leading zero, and the check digit computed by the reference.
func genSCTID() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		part := rapid.SampledFrom(partitions).Draw(t, "partition")
		minLen := 6
		if part[0] == '1' {
			minLen = 11
		}
		n := rapid.IntRange(minLen, 18).Draw(t, "length")
		var b strings.Builder
		b.WriteByte(byte('1' + rapid.IntRange(0, 8).Draw(t, "first")))
		for range n - 4 {
			b.WriteByte(byte('0' + rapid.IntRange(0, 9).Draw(t, "digit")))
		}
		b.WriteString(part)
		return withCheck(b.String())
	})
}

// genDigits draws a string of 1 to 30 decimal digits, leading zeros allowed.
func genDigits() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(1, 30).Draw(t, "length")
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rapid.IntRange(0, 9).Draw(t, "digit"))
		}
		return string(b)
	})
}

// expectRejected checks that ParseSCTID rejects a corrupted identifier, with ErrCheckDigit when the
// corruption kept the identifier's form and ErrMalformed when it did not.
func expectRejected(t *rapid.T, orig, bad string) {
	id, err := coding.ParseSCTID(bad)
	if err == nil {
		t.Fatalf("ParseSCTID accepted %s, a corruption of %s", bad, orig)
	}
	want := coding.ErrMalformed
	if refForm(bad) {
		want = coding.ErrCheckDigit
	}
	if !errors.Is(err, want) {
		t.Fatalf("ParseSCTID(%s) (from %s) error = %v, want %v", bad, orig, err, want)
	}
	if id.IsValid() {
		t.Fatalf("ParseSCTID(%s) returned %v with its error", bad, id)
	}
}

func TestPropertyParseAcceptsValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSCTID().Draw(t, "sctid")
		id, err := coding.ParseSCTID(s)
		if err != nil {
			t.Fatalf("ParseSCTID(%s) error = %v", s, err)
		}
		if id.String() != s {
			t.Fatalf("String() = %q, want %q", id.String(), s)
		}
		if got, want := string(id.Partition()), refPartition(s); got != want {
			t.Fatalf("Partition() of %s = %q, want %q", s, got, want)
		}
		ns, ok := id.Namespace()
		if want := refNamespace(s); ns != want || ok != (want != "") {
			t.Fatalf("Namespace() of %s = %q, %v, want %q", s, ns, ok, want)
		}
		_, cerr := coding.ParseConceptID(s)
		if s[len(s)-2] == '0' { // partition x0: a concept
			if cerr != nil {
				t.Fatalf("ParseConceptID(%s) error = %v", s, cerr)
			}
		} else if !errors.Is(cerr, coding.ErrNotConcept) {
			t.Fatalf("ParseConceptID(%s) error = %v, want ErrNotConcept", s, cerr)
		}
	})
}

func TestPropertyVerhoeffSingleSubstitution(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSCTID().Draw(t, "sctid")
		for i := range len(s) {
			for d := byte('0'); d <= '9'; d++ {
				if d == s[i] {
					continue
				}
				expectRejected(t, s, s[:i]+string(d)+s[i+1:])
			}
		}
	})
}

func TestPropertyVerhoeffAdjacentTransposition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSCTID().Draw(t, "sctid")
		for i := 0; i+1 < len(s); i++ {
			if s[i] == s[i+1] {
				continue
			}
			expectRejected(t, s, s[:i]+string(s[i+1])+string(s[i])+s[i+2:])
		}
	})
}

func TestPropertyTextAndJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSCTID().Draw(t, "sctid")
		id := coding.MustParseSCTID(s)
		text, err := id.MarshalText()
		if err != nil || string(text) != s {
			t.Fatalf("MarshalText() = %q, %v, want %q", text, err, s)
		}
		var back coding.SCTID
		if err := back.UnmarshalText(text); err != nil || back != id {
			t.Fatalf("UnmarshalText(%q) = %v, %v, want %v", text, back, err, id)
		}
		j, err := json.Marshal(id)
		if err != nil || string(j) != `"`+s+`"` {
			t.Fatalf("json.Marshal = %s, %v, want %q", j, err, s)
		}
		var jb coding.SCTID
		if err := json.Unmarshal(j, &jb); err != nil || !jb.Equal(id) {
			t.Fatalf("json.Unmarshal(%s) = %v, %v, want %v", j, jb, err, id)
		}
	})
}

func TestPropertyVerhoeffCheckDigitAgreesWithReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		digits := genDigits().Draw(t, "digits")
		got, err := coding.VerhoeffCheckDigit(digits)
		if err != nil {
			t.Fatalf("VerhoeffCheckDigit(%s) error = %v", digits, err)
		}
		if want := refCheckDigit(digits); got != want {
			t.Fatalf("VerhoeffCheckDigit(%s) = %c, want %c", digits, got, want)
		}
		if !refVerhoeffValid(digits + string(got)) {
			t.Fatalf("%s%c fails the reference check", digits, got)
		}
	})
}

// TestPropertyParseAgreesWithReference compares ParseSCTID with the reference on strings near the
// form of an SCTID: mostly digits, of lengths around the limits, sometimes with a stray byte.
func TestPropertyParseAgreesWithReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 21).Draw(t, "length")
		b := make([]byte, n)
		for i := range b {
			b[i] = rapid.SampledFrom([]byte("0123456789012345678901234567890123456789 a/:")).Draw(t, "byte")
		}
		if n >= 4 && rapid.Bool().Draw(t, "fix check digit") && allDigits(string(b[:n-1])) {
			b[n-1] = refCheckDigit(string(b[:n-1]))
		}
		s := string(b)
		id, err := coding.ParseSCTID(s)
		if want := refValidSCTID(s); (err == nil) != want {
			t.Fatalf("ParseSCTID(%q) error = %v, reference says valid = %v", s, err, want)
		}
		if err == nil && id.String() != s {
			t.Fatalf("String() = %q, want %q", id.String(), s)
		}
	})
}
