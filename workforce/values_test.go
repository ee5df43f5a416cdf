package workforce_test

import (
	"encoding/json"
	"errors"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

func TestParseMoney(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason, in string
		pence            int64
		ok               bool
	}{
		{"pounds and pence", "the canonical form", "38187.00", 3818700, true},
		{"zero", "zero pounds is an amount", "0.00", 0, true},
		{"negative", "a negative amount is a valid Money (claims check the sign)", "-12.34", -1234, true},
		{"one place", "exactly two places, not one", "12.5", 0, false},
		{"no places", "exactly two places", "12", 0, false},
		{"three places", "no fraction of a penny", "12.345", 0, false},
		{"empty", "an empty string is not an amount", "", 0, false},
		{"leading zero", "one canonical form", "012.00", 0, false},
		{"negative zero", "one canonical form for zero", "-0.00", 0, false},
		{"plus sign", "no plus sign", "+1.00", 0, false},
		{"thousands separator", "no separators", "1,000.00", 0, false},
		{"exponent", "no exponent", "1e3.00", 0, false},
		{"space", "no spaces", " 1.00", 0, false},
		{"pound sign", "no currency symbol", "£1.00", 0, false},
		{"too large", "ten trillion pounds is out of range", "10000000000000.00", 0, false},
		{"largest", "just under ten trillion pounds", "9999999999999.99", 999999999999999, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m, err := workforce.ParseMoney(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("ParseMoney(%q): got error %v, want ok=%v; reason: %s", c.in, err, c.ok, c.reason)
			}
			if c.ok && (m.Pence() != c.pence || m.String() != c.in) {
				t.Errorf("ParseMoney(%q): got %d pence %q, want %d; reason: %s", c.in, m.Pence(), m, c.pence, c.reason)
			}
			if !c.ok && c.in != "" && len(err.Error()) > 0 && containsInput(err.Error(), c.in) {
				t.Errorf("error %q echoes the input", err)
			}
		})
	}
}

func containsInput(msg, in string) bool {
	return len(in) > 3 && len(msg) >= len(in) && (func() bool {
		for i := 0; i+len(in) <= len(msg); i++ {
			if msg[i:i+len(in)] == in {
				return true
			}
		}
		return false
	})()
}

func TestMoneyJSON(t *testing.T) {
	t.Parallel()
	type doc struct {
		Amount workforce.Money `json:"amount"`
	}
	cases := []struct {
		name, reason, in, rule string
	}{
		{"string", "the canonical form decodes", `{"amount":"12.50"}`, ""},
		{"number", "a JSON number is rejected (floats never carry money)", `{"amount":12.50}`, "type"},
		{"null", "null is rejected", `{"amount":null}`, "null"},
		{"empty", "an empty string is rejected", `{"amount":""}`, "money"},
		{"three places", "more than two places is rejected", `{"amount":"12.505"}`, "money"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var d doc
			err := sp.Decode([]byte(c.in), &d)
			if c.rule == "" {
				if err != nil {
					t.Fatalf("Decode: %v; reason: %s", err, c.reason)
				}
				out, err := json.Marshal(d)
				if err != nil || string(out) != `{"amount":"12.50"}` {
					t.Errorf("re-encode: got %s %v, want {\"amount\":\"12.50\"}", out, err)
				}
				return
			}
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has("/amount", c.rule) {
				t.Errorf("Decode(%s): got %v, want rule %q at /amount; reason: %s", c.in, err, c.rule, c.reason)
			}
		})
	}
	// Plain encoding/json rejects a number too.
	var d doc
	if err := json.Unmarshal([]byte(`{"amount":1.5}`), &d); err == nil {
		t.Errorf("json.Unmarshal of a number: got nil error, want one")
	}
	// The zero Money does not marshal.
	if _, err := json.Marshal(doc{}); err == nil {
		t.Errorf("json.Marshal of the zero Money: got nil error, want one")
	}
}

func TestMoneyDecimalEdges(t *testing.T) {
	t.Parallel()
	m, err := workforce.NewMoney(decimal.RequireFromString("40159"))
	if err != nil || m.String() != "40159.00" {
		t.Errorf("NewMoney(40159): got %s %v, want 40159.00", m, err)
	}
	if _, err := workforce.NewMoney(decimal.RequireFromString("1.005")); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("NewMoney(1.005): got %v, want ErrInvalid (never rounds silently)", err)
	}
	if got := workforce.MustParseMoney("-3.07").Decimal().String(); got != "-3.07" {
		t.Errorf("Decimal: got %s, want -3.07", got)
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.Int64Range(-999_999_999_999_999, 999_999_999_999_999).Draw(t, "pence")
		m := workforce.MoneyFromPence(p)
		b, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		back, err := workforce.ParseMoney(string(b))
		if err != nil || back != m {
			t.Fatalf("round trip of %d: %q → %v %v", p, b, back, err)
		}
		// decimal agrees with the text form.
		if d := decimal.New(p, -2); d.StringFixed(2) != string(b) {
			t.Fatalf("decimal says %s, Money says %s", d.StringFixed(2), b)
		}
		back2, err := workforce.NewMoney(m.Decimal())
		if err != nil || back2 != m {
			t.Fatalf("NewMoney(Decimal()) of %d: %v %v", p, back2, err)
		}
	})
}

func TestParseWTE(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason, in, out string
		ok, valid             bool
	}{
		{"full time", "1 is the most", "1", "1", true, true},
		{"trailing zeros", "the text form is the shortest decimal", "0.80", "0.8", true, true},
		{"four places", "four places are allowed", "0.6267", "0.6267", true, true},
		{"five places", "at most four places", "0.62671", "", false, false},
		{"zero", "reads, but is not in (0, 1]", "0", "0", true, false},
		{"above one", "reads, but is not in (0, 1]; Validate and Audit report it", "1.2", "1.2", true, false},
		{"ten", "at most one digit before the point", "10", "", false, false},
		{"negative", "no sign", "-0.5", "", false, false},
		{"bare point", "digits on both sides", ".5", "", false, false},
		{"trailing point", "digits on both sides", "1.", "", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			w, err := workforce.ParseWTE(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("ParseWTE(%q): got %v, want ok=%v; reason: %s", c.in, err, c.ok, c.reason)
			}
			if c.ok && (w.String() != c.out || w.IsValid() != c.valid) {
				t.Errorf("ParseWTE(%q): got %s valid=%v, want %s valid=%v; reason: %s", c.in, w, w.IsValid(), c.out, c.valid, c.reason)
			}
		})
	}
}

func TestFinancialYear(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason, in string
		ok               bool
		start, end       string
	}{
		{"2023/24", "1 April 2023 to 31 March 2024", "2023/24", true, "2023-04-01", "2024-03-31"},
		{"century", "1999/00 wraps the two digits", "1999/00", true, "1999-04-01", "2000-03-31"},
		{"wrong second year", "YY must be the next year", "2023/25", false, "", ""},
		{"four digits", "the form is YYYY/YY", "2023/2024", false, "", ""},
		{"dash", "a slash, not a dash", "2023-24", false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			y, err := workforce.ParseFinancialYear(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("ParseFinancialYear(%q): got %v, want ok=%v; reason: %s", c.in, err, c.ok, c.reason)
			}
			if c.ok && (y.Start().String() != c.start || y.End().String() != c.end || y.String() != c.in) {
				t.Errorf("%q: got %s %s..%s, want %s..%s; reason: %s", c.in, y, y.Start(), y.End(), c.start, c.end, c.reason)
			}
		})
	}
	if got := workforce.FinancialYearOf(day("2024-03-31")).String(); got != "2023/24" {
		t.Errorf("FinancialYearOf(2024-03-31): got %s, want 2023/24", got)
	}
	if got := workforce.FinancialYearOf(day("2024-04-01")).String(); got != "2024/25" {
		t.Errorf("FinancialYearOf(2024-04-01): got %s, want 2024/25", got)
	}
}
