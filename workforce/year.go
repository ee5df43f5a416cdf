package workforce

import (
	"fmt"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// FinancialYear is an NHS financial year, 1 April to 31 March, written "2023/24". The zero
// FinancialYear is not valid. FinancialYear is comparable with == and safe for concurrent use.
type FinancialYear struct{ start int16 }

// NewFinancialYear returns the financial year that starts on 1 April of startYear (1 to 9998).
func NewFinancialYear(startYear int) (FinancialYear, error) {
	if startYear < 1 || startYear > 9998 {
		return FinancialYear{}, fmt.Errorf("workforce: financial year: out of range: %w", sp.ErrInvalid)
	}
	return FinancialYear{int16(startYear)}, nil
}

// FinancialYearOf returns the financial year that contains d: the zero FinancialYear for the zero Date,
// for dates before 1 April of year 1 and from 1 April 9999 (years [NewFinancialYear] does not support).
func FinancialYearOf(d sp.Date) FinancialYear {
	if !d.IsValid() {
		return FinancialYear{}
	}
	y := d.Year()
	if d.Month() < time.April {
		y--
	}
	if y < 1 || y > 9998 {
		return FinancialYear{}
	}
	return FinancialYear{int16(y)}
}

// errYearSyntax is the one syntax error of ParseFinancialYear (it never holds the input).
var errYearSyntax = fmt.Errorf("workforce: financial year: want YYYY/YY with YY the following year, such as \"2023/24\": %w", sp.ErrSyntax)

// ParseFinancialYear parses "YYYY/YY" where YY is the last two digits of the year after YYYY
// ("2023/24", "1999/00"). The error wraps [socialprescribing.ErrSyntax] and never contains the input.
func ParseFinancialYear(s string) (FinancialYear, error) {
	if len(s) != 7 || s[4] != '/' {
		return FinancialYear{}, errYearSyntax
	}
	y, n := 0, 0
	for i, c := range []byte(s) {
		if i == 4 {
			continue
		}
		if c < '0' || c > '9' {
			return FinancialYear{}, errYearSyntax
		}
		if i < 4 {
			y = y*10 + int(c-'0')
		} else {
			n = n*10 + int(c-'0')
		}
	}
	if y < 1 || y > 9998 || (y+1)%100 != n {
		return FinancialYear{}, errYearSyntax
	}
	return FinancialYear{int16(y)}, nil
}

// MustParseFinancialYear is like [ParseFinancialYear] but panics on error. It is meant for tests and
// constants only.
func MustParseFinancialYear(s string) FinancialYear {
	y, err := ParseFinancialYear(s)
	if err != nil {
		panic(err)
	}
	return y
}

// IsValid reports whether y is a financial year (the zero FinancialYear is not).
func (y FinancialYear) IsValid() bool { return y.start > 0 }

// StartYear returns the calendar year in which y starts.
func (y FinancialYear) StartYear() int { return int(y.start) }

// Start returns 1 April of y. It panics for the zero FinancialYear.
func (y FinancialYear) Start() sp.Date { return sp.MustDate(int(y.start), time.April, 1) }

// End returns 31 March at the end of y. It panics for the zero FinancialYear.
func (y FinancialYear) End() sp.Date { return sp.MustDate(int(y.start)+1, time.March, 31) }

// Contains reports whether d falls in y.
func (y FinancialYear) Contains(d sp.Date) bool { return y.IsValid() && FinancialYearOf(d) == y }

// Compare returns -1, 0 or +1 as y is before, the same as or after z.
func (y FinancialYear) Compare(z FinancialYear) int { return cmpInt(int(y.start), int(z.start)) }

// Equal reports whether y and z are the same year.
func (y FinancialYear) Equal(z FinancialYear) bool { return y == z }

// String returns "2023/24", or "" for the zero FinancialYear.
func (y FinancialYear) String() string {
	if !y.IsValid() {
		return ""
	}
	return string(y.appendTo(nil))
}

func (y FinancialYear) appendTo(b []byte) []byte {
	s := int(y.start)
	n := (s + 1) % 100
	return append(b, byte('0'+s/1000), byte('0'+s/100%10), byte('0'+s/10%10), byte('0'+s%10), '/', byte('0'+n/10), byte('0'+n%10))
}

// MarshalText returns "2023/24", or an error for the zero FinancialYear.
func (y FinancialYear) MarshalText() ([]byte, error) {
	if !y.IsValid() {
		return nil, fmt.Errorf("workforce: financial year: marshal the zero value: %w", sp.ErrInvalid)
	}
	return y.appendTo(make([]byte, 0, 7)), nil
}

// UnmarshalText parses as [ParseFinancialYear] does.
func (y *FinancialYear) UnmarshalText(b []byte) error {
	v, err := ParseFinancialYear(string(b))
	if err != nil {
		return err
	}
	*y = v
	return nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
