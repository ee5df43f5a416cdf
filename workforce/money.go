package workforce

import (
	"fmt"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/shopspring/decimal"
)

// maxMoneyPence bounds the magnitude of a Money: less than ten trillion pounds, so that sums of many
// amounts stay exact in 64-bit integers.
const maxMoneyPence = 1_000_000_000_000_000 - 1

// Money is an amount of pounds sterling, exact to the penny. It never holds a fraction of a penny:
// every calculation of this package that can produce one rounds it once, with a named rounding mode.
//
// At the edges Money speaks [decimal.Decimal] ([NewMoney], [Money.Decimal]); inside it is a whole
// number of pence. Its one JSON and text form is a string with exactly two decimal places, such as
// "1234.50" or "-0.01" (no sign for zero, no leading zeros, no thousands separators, no exponent).
// Parsing rejects anything else: a JSON number, an empty string, fewer or more than two places.
// Decoded with [socialprescribing.Decode], a JSON null is rejected too; plain encoding/json leaves a
// null as the zero Money, which validation then reports as missing.
//
// The zero Money means "no amount given": IsValid reports false for it and MarshalText refuses it.
// Zero pounds is [MoneyFromPence](0). Arithmetic ([Money.Add], [Money.Sub]) treats the zero Money as
// £0.00 and returns a valid Money. Money is comparable with == and safe for concurrent use.
type Money struct {
	pence int64
	ok    bool
}

// MoneyFromPence returns the amount of pence given. It panics if |pence| is ten trillion pounds or
// more; use it for amounts the program computes, not for input.
func MoneyFromPence(pence int64) Money {
	if pence > maxMoneyPence || pence < -maxMoneyPence {
		panic(fmt.Errorf("workforce: money: amount out of range: %w", sp.ErrInvalid))
	}
	return Money{pence: pence, ok: true}
}

// NewMoney returns d as Money. It returns an error wrapping [socialprescribing.ErrInvalid] if d has
// a fraction of a penny (it never rounds silently) or its magnitude is ten trillion pounds or more.
func NewMoney(d decimal.Decimal) (Money, error) {
	// d × 100 must be an integer; decimal.Mul is exact and uses no package-level setting.
	p := d.Mul(decimal.New(100, 0))
	if !p.IsInteger() {
		return Money{}, fmt.Errorf("workforce: money: more than two decimal places: %w", sp.ErrInvalid)
	}
	bi := p.BigInt()
	if !bi.IsInt64() || bi.Int64() > maxMoneyPence || bi.Int64() < -maxMoneyPence {
		return Money{}, fmt.Errorf("workforce: money: amount out of range: %w", sp.ErrInvalid)
	}
	return Money{pence: bi.Int64(), ok: true}, nil
}

// errMoneySyntax is the one syntax error of ParseMoney (it never holds the input).
var errMoneySyntax = fmt.Errorf("workforce: money: want a string with exactly two decimal places, such as \"1234.50\": %w", sp.ErrSyntax)

// ParseMoney parses the canonical form: an optional "-", the pounds without leading zeros, a point
// and exactly two digits of pence ("0.00", "38187.00", "-12.34"). Negative zero is refused. The
// error wraps [socialprescribing.ErrSyntax] and never contains the input.
func ParseMoney(s string) (Money, error) {
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg = true
		s = s[1:]
	}
	n := len(s)
	if n < 4 || s[n-3] != '.' {
		return Money{}, errMoneySyntax
	}
	intPart, frac := s[:n-3], s[n-2:]
	if len(intPart) > 1 && intPart[0] == '0' {
		return Money{}, errMoneySyntax
	}
	if len(intPart) > 15 {
		return Money{}, fmt.Errorf("workforce: money: amount out of range: %w", sp.ErrInvalid)
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c < '0' || c > '9' {
			return Money{}, errMoneySyntax
		}
		v = v*10 + int64(c-'0')
	}
	for i := 0; i < 2; i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return Money{}, errMoneySyntax
		}
		v = v*10 + int64(c-'0')
	}
	if v > maxMoneyPence {
		return Money{}, fmt.Errorf("workforce: money: amount out of range: %w", sp.ErrInvalid)
	}
	if neg {
		if v == 0 {
			return Money{}, errMoneySyntax
		}
		v = -v
	}
	return Money{pence: v, ok: true}, nil
}

// MustParseMoney is like [ParseMoney] but panics on error. It is meant for tests and constants only.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// IsValid reports whether m holds an amount (the zero Money does not).
func (m Money) IsValid() bool { return m.ok }

// Pence returns m as a whole number of pence (0 for the zero Money).
func (m Money) Pence() int64 { return m.pence }

// Decimal returns m as a decimal number of pounds with two places (0 for the zero Money).
func (m Money) Decimal() decimal.Decimal { return decimal.New(m.pence, -2) }

// Add returns m + n. It panics only if the sum leaves the range of Money.
func (m Money) Add(n Money) Money { return MoneyFromPence(m.pence + n.pence) }

// Sub returns m − n. It panics only if the difference leaves the range of Money.
func (m Money) Sub(n Money) Money { return MoneyFromPence(m.pence - n.pence) }

// Cmp returns -1, 0 or +1 as m is less than, equal to or more than n (the zero Money counts as £0.00).
func (m Money) Cmp(n Money) int {
	switch {
	case m.pence < n.pence:
		return -1
	case m.pence > n.pence:
		return 1
	}
	return 0
}

// Equal reports whether m and n are the same amount, and both valid or both the zero Money.
func (m Money) Equal(n Money) bool { return m == n }

// String returns the canonical form ("1234.50"), or "" for the zero Money.
func (m Money) String() string {
	if !m.ok {
		return ""
	}
	return string(m.appendTo(nil))
}

func (m Money) appendTo(b []byte) []byte {
	v := m.pence
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	r := v % 100
	return append(b, '.', byte('0'+r/10), byte('0'+r%10))
}

// MarshalText returns the canonical form, or an error wrapping [socialprescribing.ErrInvalid] for the
// zero Money.
func (m Money) MarshalText() ([]byte, error) {
	if !m.ok {
		return nil, fmt.Errorf("workforce: money: marshal the zero Money: %w", sp.ErrInvalid)
	}
	return m.appendTo(make([]byte, 0, 12)), nil
}

// UnmarshalText parses the canonical form as [ParseMoney] does.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
