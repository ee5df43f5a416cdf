package workforce

import (
	"fmt"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/shopspring/decimal"
)

// fixedScale is the number of units in one for the package's fixed-point quantities (WTE, rates,
// populations): four decimal places.
const fixedScale = 10_000

// parseFixed parses a non-negative decimal with at most four decimal places and at most maxInt
// digits before the point ("0.8", "1.0000", "22.671", "45123.25"), returning ten-thousandths. It does
// not accept a sign, an exponent, spaces, a leading or trailing point, or leading zeros ("01").
func parseFixed(what, s string, maxInt int) (int64, error) {
	errSyn := func() error {
		return fmt.Errorf("workforce: %s: want a decimal number with at most four decimal places: %w", what, sp.ErrSyntax)
	}
	intPart, frac, hasPoint := s, "", false
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			intPart, frac, hasPoint = s[:i], s[i+1:], true
			break
		}
	}
	if intPart == "" || (hasPoint && frac == "") || len(frac) > 4 || (len(intPart) > 1 && intPart[0] == '0') {
		return 0, errSyn()
	}
	if len(intPart) > maxInt {
		return 0, fmt.Errorf("workforce: %s: out of range: %w", what, sp.ErrInvalid)
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		if c < '0' || c > '9' {
			return 0, errSyn()
		}
		v = v*10 + int64(c-'0')
	}
	for i := 0; i < 4; i++ {
		d := int64(0)
		if i < len(frac) {
			c := frac[i]
			if c < '0' || c > '9' {
				return 0, errSyn()
			}
			d = int64(c - '0')
		}
		v = v*10 + d
	}
	return v, nil
}

// appendFixed writes ten-thousandths v in its shortest form ("0.8", "1", "22.671").
func appendFixed(b []byte, v int64) []byte {
	b = strconv.AppendInt(b, v/fixedScale, 10)
	f := v % fixedScale
	if f == 0 {
		return b
	}
	digits := [4]byte{byte('0' + f/1000), byte('0' + f/100%10), byte('0' + f/10%10), byte('0' + f%10)}
	n := 4
	for digits[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, digits[:n]...)
}

// WTE is one person's whole-time equivalent: the share of a full-time post they work, a decimal in
// (0, 1] with at most four decimal places ("1", "0.8", "0.6267").
//
// Parsing accepts any non-negative decimal of that form below 10, so that a document with a WTE above
// 1 can still be read and the mistake reported (by Validate, with rule "wte", and by [Audit] as
// finding [CodeWTEOutOfRange]); IsValid reports whether the value is in (0, 1]. Its one text form is
// the shortest decimal ("0.8", not "0.80"). The zero WTE (also what "0" parses to) means no WTE was
// given and is not valid. WTE is comparable and safe for concurrent use.
type WTE struct{ v int64 }

// ParseWTE parses a WTE such as "0.8" (see [WTE] for what it accepts). The error wraps
// [socialprescribing.ErrSyntax] and never contains the input.
func ParseWTE(s string) (WTE, error) {
	v, err := parseFixed("wte", s, 1)
	return WTE{v}, err
}

// MustParseWTE is like [ParseWTE] but panics on error. It is meant for tests and constants only.
func MustParseWTE(s string) WTE {
	w, err := ParseWTE(s)
	if err != nil {
		panic(err)
	}
	return w
}

// WTEFromTenThousandths returns the WTE of n ten-thousandths of a post (10000 is full time). It
// returns an error wrapping [socialprescribing.ErrInvalid] unless 0 < n ≤ 10000.
func WTEFromTenThousandths(n int) (WTE, error) {
	if n <= 0 || n > fixedScale {
		return WTE{}, fmt.Errorf("workforce: wte: not in (0, 1]: %w", sp.ErrInvalid)
	}
	return WTE{int64(n)}, nil
}

// TenThousandths returns w in ten-thousandths of a full-time post.
func (w WTE) TenThousandths() int { return int(w.v) }

// Decimal returns w as a decimal.
func (w WTE) Decimal() decimal.Decimal { return decimal.New(w.v, -4) }

// IsValid reports whether w is in (0, 1].
func (w WTE) IsValid() bool { return w.v > 0 && w.v <= fixedScale }

// Equal reports whether w and x are the same.
func (w WTE) Equal(x WTE) bool { return w == x }

// String returns the shortest decimal form ("0.8").
func (w WTE) String() string { return string(appendFixed(nil, w.v)) }

// MarshalText returns the shortest decimal form.
func (w WTE) MarshalText() ([]byte, error) { return appendFixed(nil, w.v), nil }

// UnmarshalText parses as [ParseWTE] does.
func (w *WTE) UnmarshalText(b []byte) error {
	v, err := ParseWTE(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// WTETotal is a number of whole-time equivalents across people, such as a PCN's baseline of link
// workers at 31 March 2019 ("1.5"): a non-negative decimal with at most four decimal places and at
// most six digits before the point. Its zero value is zero WTE and is valid. Its text form is the
// shortest decimal. It is comparable and safe for concurrent use.
type WTETotal struct{ v int64 }

// ParseWTETotal parses a WTETotal such as "2.5".
func ParseWTETotal(s string) (WTETotal, error) {
	v, err := parseFixed("wte total", s, 6)
	return WTETotal{v}, err
}

// MustParseWTETotal is like [ParseWTETotal] but panics on error. It is meant for tests and constants only.
func MustParseWTETotal(s string) WTETotal {
	w, err := ParseWTETotal(s)
	if err != nil {
		panic(err)
	}
	return w
}

// Decimal returns t as a decimal.
func (t WTETotal) Decimal() decimal.Decimal { return decimal.New(t.v, -4) }

// IsValid reports whether t is a valid total; every WTETotal is.
func (t WTETotal) IsValid() bool { return t.v >= 0 }

// IsZero reports whether t is zero WTE.
func (t WTETotal) IsZero() bool { return t.v == 0 }

// Equal reports whether t and u are the same.
func (t WTETotal) Equal(u WTETotal) bool { return t == u }

// String returns the shortest decimal form.
func (t WTETotal) String() string { return string(appendFixed(nil, t.v)) }

// MarshalText returns the shortest decimal form.
func (t WTETotal) MarshalText() ([]byte, error) { return appendFixed(nil, t.v), nil }

// UnmarshalText parses as [ParseWTETotal] does.
func (t *WTETotal) UnmarshalText(b []byte) error {
	v, err := ParseWTETotal(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Rate is an amount of pounds per weighted patient, such as the Additional Roles Reimbursement Sum
// rate of "22.671" for 2023/24: a positive decimal with at most four decimal places and at most six
// digits before the point. It is not Money (it has fractions of a penny). The zero Rate is not
// valid. It is comparable and safe for concurrent use.
type Rate struct{ v int64 }

// ParseRate parses a Rate such as "22.671".
func ParseRate(s string) (Rate, error) {
	v, err := parseFixed("rate", s, 6)
	if err == nil && v == 0 {
		err = fmt.Errorf("workforce: rate: must be more than zero: %w", sp.ErrInvalid)
	}
	return Rate{v}, err
}

// MustParseRate is like [ParseRate] but panics on error. It is meant for tests and constants only.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Decimal returns r as a decimal number of pounds.
func (r Rate) Decimal() decimal.Decimal { return decimal.New(r.v, -4) }

// IsValid reports whether r is more than zero.
func (r Rate) IsValid() bool { return r.v > 0 }

// Equal reports whether r and s are the same.
func (r Rate) Equal(s Rate) bool { return r == s }

// String returns the shortest decimal form.
func (r Rate) String() string { return string(appendFixed(nil, r.v)) }

// MarshalText returns the shortest decimal form, or an error for the zero Rate.
func (r Rate) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("workforce: rate: marshal the zero Rate: %w", sp.ErrInvalid)
	}
	return appendFixed(nil, r.v), nil
}

// UnmarshalText parses as [ParseRate] does.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// WeightedPopulation is a PCN's contractor weighted population (Carr-Hill): a positive decimal with
// at most four decimal places and at most eight digits before the point ("45123.25"). The zero
// WeightedPopulation is not valid. It is comparable and safe for concurrent use.
type WeightedPopulation struct{ v int64 }

// ParseWeightedPopulation parses a weighted population such as "45123.25".
func ParseWeightedPopulation(s string) (WeightedPopulation, error) {
	v, err := parseFixed("weighted population", s, 8)
	if err == nil && v == 0 {
		err = fmt.Errorf("workforce: weighted population: must be more than zero: %w", sp.ErrInvalid)
	}
	return WeightedPopulation{v}, err
}

// MustParseWeightedPopulation is like [ParseWeightedPopulation] but panics on error. It is meant for
// tests and constants only.
func MustParseWeightedPopulation(s string) WeightedPopulation {
	p, err := ParseWeightedPopulation(s)
	if err != nil {
		panic(err)
	}
	return p
}

// Decimal returns p as a decimal.
func (p WeightedPopulation) Decimal() decimal.Decimal { return decimal.New(p.v, -4) }

// IsValid reports whether p is more than zero.
func (p WeightedPopulation) IsValid() bool { return p.v > 0 }

// Equal reports whether p and q are the same.
func (p WeightedPopulation) Equal(q WeightedPopulation) bool { return p == q }

// String returns the shortest decimal form.
func (p WeightedPopulation) String() string { return string(appendFixed(nil, p.v)) }

// MarshalText returns the shortest decimal form, or an error for the zero WeightedPopulation.
func (p WeightedPopulation) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fmt.Errorf("workforce: weighted population: marshal the zero value: %w", sp.ErrInvalid)
	}
	return appendFixed(nil, p.v), nil
}

// UnmarshalText parses as [ParseWeightedPopulation] does.
func (p *WeightedPopulation) UnmarshalText(b []byte) error {
	v, err := ParseWeightedPopulation(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
