package socialprescribing_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

// modulus11 is the NHS Data Dictionary check written out independently of the library: "multiply
// each of the first nine digits by a weighting factor (10 for the first digit down to 2 for the ninth),
// add the results together, divide the total by 11 and establish the remainder, subtract the remainder
// from 11 to give the check digit; if the result is 11 the check digit is 0; if the result is 10 the
// NHS number is invalid". It returns -1 for "invalid".
func modulus11(first9 string) int {
	total := 0
	weight := 10
	for _, r := range first9 {
		total += int(r-'0') * weight
		weight--
	}
	check := 11 - total%11
	switch check {
	case 11:
		return 0
	case 10:
		return -1
	}
	return check
}

func spaced(s string) string { return s[:3] + " " + s[3:6] + " " + s[6:] }

func TestParseNHSNumber(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   error // nil when valid, else the sentinel the error wraps
		digits string
	}{
		{"example 1", "valid example of the NHS Data Dictionary check (SOURCES.md#nhs-number)", "9434765919", nil, "9434765919"},
		{"example 2", "valid example of the NHS Data Dictionary check (SOURCES.md#nhs-number)", "6541003238", nil, "6541003238"},
		{"example 1 spaced", "the 3-3-4 form people type", "943 476 5919", nil, "9434765919"},
		{"example 2 spaced", "the 3-3-4 form people type", "654 100 3238", nil, "6541003238"},
		{"check 11 becomes 0", "sum 22, remainder 0, 11 - 0 = 11 → check digit 0", "1000000060", nil, "1000000060"},
		{"all zeros", "sum 0, 11 → 0: passes Modulus 11", "0000000000", nil, "0000000000"},
		{"wrong check digit", "9434765919 with the last digit changed", "9434765918", sp.ErrInvalid, ""},
		{"transposed", "adjacent digits swapped", "4934765919", sp.ErrInvalid, ""},
		{"check 10 prefix, last 0", "sum 12, remainder 1, 11 - 1 = 10: invalid whatever the last digit", "1000000010", sp.ErrInvalid, ""},
		{"check 10 prefix, last 1", "check value 10 is never a digit", "1000000011", sp.ErrInvalid, ""},
		{"check 10 prefix spaced", "the spaced form is checked the same way", "100 000 0019", sp.ErrInvalid, ""},
		{"nine digits", "too short", "943476591", sp.ErrSyntax, ""},
		{"eleven digits", "too long", "94347659190", sp.ErrSyntax, ""},
		{"empty", "no digits", "", sp.ErrSyntax, ""},
		{"4-3-3 spacing", "wrong grouping", "9434 765 919", sp.ErrSyntax, ""},
		{"3-4-3 spacing", "wrong grouping", "943 4765 919", sp.ErrSyntax, ""},
		{"double space", "single spaces only", "943  476 5919", sp.ErrSyntax, ""},
		{"one space", "both spaces or none", "943 4765919", sp.ErrSyntax, ""},
		{"hyphens", "only spaces separate the groups", "943-476-5919", sp.ErrSyntax, ""},
		{"tab", "only spaces separate the groups", "943\t476\t5919", sp.ErrSyntax, ""},
		{"leading space", "no padding", " 9434765919", sp.ErrSyntax, ""},
		{"trailing space", "no padding", "9434765919 ", sp.ErrSyntax, ""},
		{"letter", "digits only", "943476591X", sp.ErrSyntax, ""},
		{"sign", "digits only", "+434765919", sp.ErrSyntax, ""},
		{"fullwidth digit", "ASCII digits only", "943476591９", sp.ErrSyntax, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := sp.ParseNHSNumber(tt.in)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ParseNHSNumber(%q) error = %v, want nil (%s)", tt.in, err, tt.reason)
				}
				if got := n.Digits(); got != tt.digits {
					t.Errorf("Digits() = %q, want %q", got, tt.digits)
				}
				if got, want := n.Formatted(), spaced(tt.digits); got != want {
					t.Errorf("Formatted() = %q, want %q", got, want)
				}
				if !n.IsValid() || n.IsZero() {
					t.Errorf("IsValid() = %v, IsZero() = %v; want true, false", n.IsValid(), n.IsZero())
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseNHSNumber(%q) = ok, want an error wrapping %v (%s)", tt.in, tt.want, tt.reason)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want it to wrap %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "socialprescribing: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if d := onlyDigits(tt.in); len(d) >= 9 && strings.Contains(onlyDigits(err.Error()), d[:9]) {
				t.Errorf("error %q contains digits of the input", err)
			}
			if n.IsValid() {
				t.Errorf("a failed parse returned a valid number")
			}
		})
	}
}

func TestNHSNumberUnmarshalText(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		ok     bool
	}{
		{"canonical", "ten digits is the wire form", "9434765919", true},
		{"spaced", "the spaced form is for people typing, not for documents", "943 476 5919", false},
		{"bad check", "Modulus 11 applies on the wire too", "9434765918", false},
		{"empty", "an empty string is not a number", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n sp.NHSNumber
			err := n.UnmarshalText([]byte(tt.in))
			if (err == nil) != tt.ok {
				t.Fatalf("UnmarshalText(%q) error = %v, want ok=%v (%s)", tt.in, err, tt.ok, tt.reason)
			}
			if !tt.ok && n.IsValid() {
				t.Errorf("failed UnmarshalText changed the number")
			}
		})
	}
	var z sp.NHSNumber
	if _, err := z.MarshalText(); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("zero NHSNumber MarshalText error = %v, want ErrInvalid", err)
	}
	if z.Digits() != "" || z.Formatted() != "" || z.String() != "" {
		t.Errorf("zero NHSNumber Digits/Formatted/String = %q/%q/%q, want empty", z.Digits(), z.Formatted(), z.String())
	}
}

func TestNHSCheckDigitTable(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		first9 string
		want   int
	}{
		{"example 1", "valid example 9434765919 (SOURCES.md#nhs-number)", "943476591", 9},
		{"example 2", "valid example 6541003238 (SOURCES.md#nhs-number)", "654100323", 8},
		{"eleven to zero", "sum 22: 11 - 0 = 11 → 0", "100000006", 0},
		{"ten", "sum 12: 11 - 1 = 10 → invalid", "100000001", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := sp.NHSCheckDigit(tt.first9); err != nil || got != tt.want {
				t.Errorf("NHSCheckDigit(%s) = %d, %v, want %d (%s)", tt.first9, got, err, tt.want, tt.reason)
			}
		})
	}
	for _, bad := range []string{"", "94347659", "9434765919", "94347659x", "943 47659", "９４３４７６５９１"} {
		if _, err := sp.NHSCheckDigit(bad); !errors.Is(err, sp.ErrSyntax) || strings.Contains(err.Error(), bad) && bad != "" {
			t.Errorf("NHSCheckDigit(%q): err = %v, want ErrSyntax without the input", bad, err)
		}
	}
}

// genPrefix draws nine digits.
func genPrefix(t *rapid.T) string {
	return rapid.StringMatching(`[0-9]{9}`).Draw(t, "prefix")
}

// bumpFirst changes the first digit, which moves the weighted sum by a multiple of 10 and so changes
// its remainder modulo 11.
func bumpFirst(p string) string { return string('0'+(p[0]-'0'+1)%10) + p[1:] }

// genValidNHS draws a valid NHS number as ten digits.
var genValidNHS = rapid.Custom(func(t *rapid.T) string {
	p := genPrefix(t)
	for modulus11(p) < 0 {
		p = bumpFirst(p)
	}
	return p + string(rune('0'+modulus11(p)))
})

// genCheck10Prefix draws nine digits whose Modulus 11 value is 10.
var genCheck10Prefix = rapid.Custom(func(t *rapid.T) string {
	p := genPrefix(t)
	// Changing one digit reaches every remainder but one; some position always reaches 1.
	pos := rapid.IntRange(0, 8).Draw(t, "pos")
	for i := range 9 {
		for v := byte('0'); v <= '9'; v++ {
			q := []byte(p)
			q[(pos+i)%9] = v
			if modulus11(string(q)) < 0 {
				return string(q)
			}
		}
	}
	t.Fatalf("no digit change of %s gives check value 10", p)
	return ""
})

func TestNHSCheck10PrefixesRejected(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genCheck10Prefix.Draw(t, "p")
		for last := '0'; last <= '9'; last++ {
			s := p + string(last)
			for _, in := range []string{s, spaced(s)} {
				if _, err := sp.ParseNHSNumber(in); !errors.Is(err, sp.ErrInvalid) {
					t.Fatalf("ParseNHSNumber(%q) error = %v, want ErrInvalid (check value 10)", in, err)
				}
			}
		}
	})
}

func TestNHSPrefixCompletions(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPrefix(t)
		check := modulus11(p)
		for last := 0; last <= 9; last++ {
			s := p + string(rune('0'+last))
			n, err := sp.ParseNHSNumber(s)
			if last == check {
				if err != nil || n.Digits() != s {
					t.Fatalf("ParseNHSNumber(%q) = %q, %v; want the number (check digit %d)", s, n.Digits(), err, check)
				}
				continue
			}
			if !errors.Is(err, sp.ErrInvalid) {
				t.Fatalf("ParseNHSNumber(%q) error = %v, want ErrInvalid (check digit is %d)", s, err, check)
			}
		}
	})
}

func TestNHSValidRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genValidNHS.Draw(t, "nhs")
		n, err := sp.ParseNHSNumber(s)
		if err != nil {
			t.Fatalf("ParseNHSNumber(%q) error = %v", s, err)
		}
		m, err := sp.ParseNHSNumber(spaced(s))
		if err != nil || m != n || !m.Equal(n) {
			t.Fatalf("ParseNHSNumber(%q) = %v, %v; want the same number as the unspaced form", spaced(s), m, err)
		}
		if n.Digits() != s || n.Formatted() != spaced(s) {
			t.Fatalf("Digits/Formatted = %q/%q, want %q/%q", n.Digits(), n.Formatted(), s, spaced(s))
		}
		text, err := n.MarshalText()
		if err != nil || string(text) != s {
			t.Fatalf("MarshalText = %q, %v; want %q", text, err, s)
		}
		var u sp.NHSNumber
		if err := u.UnmarshalText(text); err != nil || u != n {
			t.Fatalf("UnmarshalText(%q) = %v; want the number back", text, err)
		}
		if err := u.UnmarshalText([]byte(spaced(s))); err == nil {
			t.Fatalf("UnmarshalText accepted the spaced form")
		}
		type doc struct {
			N sp.NHSNumber `json:"nhsNumber"`
		}
		js, err := json.Marshal(doc{n})
		if err != nil || string(js) != `{"nhsNumber":"`+s+`"}` {
			t.Fatalf("json.Marshal = %s, %v", js, err)
		}
	})
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// leaks reports whether out shows the number, in any spacing or as separate digits.
func leaks(out, digits string) bool {
	return strings.Contains(onlyDigits(out), digits[:9])
}

// person holds an NHS number the way a document type does.
type person struct {
	Name string        `json:"name"`
	NHS  sp.NHSNumber  `json:"nhsNumber"`
	Alt  *sp.NHSNumber `json:"alt,omitempty"`
	List []sp.NHSNumber
}

// loggedPerson is a record type that follows the house rule for personal data: it implements
// slog.LogValuer.
type loggedPerson struct {
	Name string
	NHS  sp.NHSNumber
}

func (p loggedPerson) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", "[masked]"), slog.Any("nhsNumber", p.NHS))
}

func TestNHSNumberNeverPrinted(t *testing.T) {
	verbs := []string{"%v", "%s", "%d", "%x", "%X", "%q", "%+v", "%#v", "%10v", "%-20s", "%08d", "%o", "%b", "%c", "%U", "%e", "%t"}
	rapid.Check(t, func(t *rapid.T) {
		s := genValidNHS.Draw(t, "nhs")
		n := sp.MustParseNHSNumber(s)
		p := person{Name: "name", NHS: n, Alt: &n, List: []sp.NHSNumber{n, n}}

		var outs []string
		outs = append(outs, n.String(), n.GoString(), n.LogValue().String(), fmt.Sprint(n), fmt.Sprintln(n, &n))
		for _, v := range verbs {
			outs = append(outs,
				fmt.Sprintf(v, n), fmt.Sprintf(v, &n), fmt.Sprintf(v, p), fmt.Sprintf(v, &p),
				fmt.Sprintf(v, []sp.NHSNumber{n}), fmt.Sprintf(v, map[string]sp.NHSNumber{"k": n}),
				fmt.Sprintf(v, []any{n}),
			)
		}
		outs = append(outs, fmt.Errorf("wrapped %v: %w", n, sp.ErrInvalid).Error())

		for _, json := range []bool{false, true} {
			var buf bytes.Buffer
			opts := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}}
			var h slog.Handler = slog.NewTextHandler(&buf, opts)
			if json {
				h = slog.NewJSONHandler(&buf, opts)
			}
			l := slog.New(h)
			l.Info("msg", "n", n, "ptr", &n, slog.Any("any", n), slog.Group("g", "n", n),
				"record", loggedPerson{Name: "x", NHS: n})
			l.With("n", n).WithGroup("grp").Info("msg", "n", n)
			if !json {
				// The text handler prints a plain struct with %+v, which uses Format.
				l.Info("msg", "person", p, "ptr", &p)
			}
			outs = append(outs, buf.String())
		}

		// Errors from every near miss of the number.
		for i := 0; i < 10; i++ {
			b := []byte(s)
			b[i] = '0' + (b[i]-'0'+1)%10
			if _, err := sp.ParseNHSNumber(string(b)); err != nil {
				outs = append(outs, err.Error())
			}
			var u sp.NHSNumber
			if err := u.UnmarshalText([]byte(spaced(string(b)))); err != nil {
				outs = append(outs, err.Error())
			}
		}

		for _, out := range outs {
			if leaks(out, s) {
				t.Fatalf("output %q shows the NHS number %s", out, s)
			}
		}
	})
}

func TestNHSNumberMaskedForms(t *testing.T) {
	n := sp.MustParseNHSNumber("9434765919")
	tests := []struct {
		name   string
		reason string
		got    string
		want   string
	}{
		{"String", "masked", n.String(), "*** *** ****"},
		{"%v", "masked", fmt.Sprintf("%v", n), "*** *** ****"},
		{"%d", "every verb is masked", fmt.Sprintf("%d", n), "*** *** ****"},
		{"%q", "quoted masked form", fmt.Sprintf("%q", n), `"*** *** ****"`},
		{"%#v", "GoString, masked", fmt.Sprintf("%#v", n), `socialprescribing.NHSNumber{"*** *** ****"}`},
		{"zero %#v", "the zero value says it is empty", fmt.Sprintf("%#v", sp.NHSNumber{}), "socialprescribing.NHSNumber{}"},
		{"zero %v", "the zero value prints nothing", fmt.Sprintf("%v", sp.NHSNumber{}), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q (%s)", tt.got, tt.want, tt.reason)
			}
		})
	}
}
