package socialprescribing

import (
	"errors"
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) in the proleptic Gregorian calendar, with no time of day and
// no time zone. It is used for dates of birth, contact dates and claim months.
//
// The zero Date is not a valid date; IsValid reports false for it and it marshals as an empty string
// only if asked to (MarshalText returns an error for it), so an absent date is never written as a
// real one. Dates from year 1 to year 9999 are supported. Date is comparable with == and is safe
// for concurrent use.
type Date struct {
	y int16
	m uint8
	d uint8
}

// NewDate returns the date year-month-day, or an error wrapping [ErrInvalid] if there is no such
// day in the calendar (it does not normalise 31 April to 1 May as time.Date does).
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return Date{}, fmt.Errorf("socialprescribing: date: no such day in the calendar: %w", ErrInvalid)
	}
	return Date{y: int16(year), m: uint8(month), d: uint8(day)}, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for tests and constants only.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDate parses a date in the ISO 8601 extended form YYYY-MM-DD (exactly ten characters). The
// error wraps [ErrSyntax] for a malformed string and [ErrInvalid] for a day that does not exist; it
// never contains the input.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errDateSyntax
	}
	y, ok1 := atoiFixed(s[0:4])
	m, ok2 := atoiFixed(s[5:7])
	d, ok3 := atoiFixed(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, errDateSyntax
	}
	return NewDate(y, time.Month(m), d)
}

var errDateSyntax = fmt.Errorf("socialprescribing: date: want YYYY-MM-DD: %w", ErrSyntax)

// MustParseDate is like [ParseDate] but panics on error. It is meant for tests and constants only.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location, or the zero Date if that date is outside
// years 1 to 9999 (the range Date supports), so that an out-of-range instant never becomes a date
// that would marshal as something it is not.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{y: int16(y), m: uint8(m), d: uint8(d)}
}

func atoiFixed(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// Year returns the date's year.
func (d Date) Year() int { return int(d.y) }

// Month returns the date's month.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns the date's day of the month.
func (d Date) Day() int { return int(d.d) }

// IsValid reports whether d is a real date (the zero Date is not).
func (d Date) IsValid() bool { return d.m != 0 }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// DaysInMonth returns the number of days in d's month (28 to 31).
func (d Date) DaysInMonth() int { return daysIn(int(d.y), time.Month(d.m)) }

// FirstOfMonth returns the first day of d's month.
func (d Date) FirstOfMonth() Date { return Date{y: d.y, m: d.m, d: 1} }

// LastOfMonth returns the last day of d's month.
func (d Date) LastOfMonth() Date { return Date{y: d.y, m: d.m, d: uint8(d.DaysInMonth())} }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday(((d.days() % 7) + 7 + 4) % 7)
}

// days returns the number of days since 1970-01-01 (Howard Hinnant's days_from_civil).
func (d Date) days() int64 {
	y := int64(d.y)
	m := int64(d.m)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days (Howard Hinnant's civil_from_days).
func fromDays(z int64) Date {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y: int16(y), m: uint8(m), d: uint8(dd)}
}

// ErrDateRange is returned by [Date.AddDaysChecked] when the result would leave years 1 to 9999.
var ErrDateRange = errors.New("socialprescribing: date out of range 0001-01-01..9999-12-31")

// minDays and maxDays bound the supported range.
var (
	minDays = Date{y: 1, m: 1, d: 1}.days()
	maxDays = Date{y: 9999, m: 12, d: 31}.days()
)

// AddDaysChecked returns d plus n calendar days (n may be negative), or [ErrDateRange] if the result
// would fall outside years 1 to 9999 or d is the zero Date.
func (d Date) AddDaysChecked(n int) (Date, error) {
	if !d.IsValid() {
		return Date{}, fmt.Errorf("socialprescribing: date: add days to the zero date: %w", ErrInvalid)
	}
	z := d.days() + int64(n)
	if z < minDays || z > maxDays {
		return Date{}, ErrDateRange
	}
	return fromDays(z), nil
}

// AddDays returns d plus n calendar days (n may be negative). It panics if d is the zero Date or the
// result leaves years 1 to 9999; use [Date.AddDaysChecked] where n comes from input.
func (d Date) AddDays(n int) Date {
	r, err := d.AddDaysChecked(n)
	if err != nil {
		panic(err)
	}
	return r
}

// AddMonths returns the first day of the month n months after d's month (n may be negative). It
// panics if d is the zero Date or the result leaves years 1 to 9999.
func (d Date) AddMonths(n int) Date {
	if !d.IsValid() {
		panic(fmt.Errorf("socialprescribing: date: add months to the zero date: %w", ErrInvalid))
	}
	total := int(d.y)*12 + int(d.m) - 1 + n
	y, m := total/12, total%12+1
	if y < 1 || y > 9999 {
		panic(ErrDateRange)
	}
	return Date{y: int16(y), m: uint8(m), d: 1}
}

// DaysUntil returns the number of calendar days from d to e: positive if e is after d, negative if
// before, zero if equal. Both must be valid dates; with the zero Date the result means nothing.
func (d Date) DaysUntil(e Date) int { return int(e.days() - d.days()) }

// Compare returns -1 if d is before e, 0 if they are equal and +1 if d is after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.y != e.y:
		return cmpInt(int(d.y), int(e.y))
	case d.m != e.m:
		return cmpInt(int(d.m), int(e.m))
	default:
		return cmpInt(int(d.d), int(e.d))
	}
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

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d == e }

// Time returns midnight at the start of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, loc)
}

// String returns d as YYYY-MM-DD, or the empty string for the zero Date.
func (d Date) String() string {
	if !d.IsValid() {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, 10)))
}

func (d Date) appendTo(b []byte) []byte {
	y := int(d.y)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+d.m/10), byte('0'+d.m%10), '-')
	return append(b, byte('0'+d.d/10), byte('0'+d.d%10))
}

// MarshalText returns d as YYYY-MM-DD. It returns an error wrapping [ErrInvalid] for the zero Date,
// so that a missing date is never written as if it were one; mark optional dates as pointers or
// with omitzero.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("socialprescribing: date: marshal the zero date: %w", ErrInvalid)
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText parses YYYY-MM-DD as [ParseDate] does.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
