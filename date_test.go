package socialprescribing_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

// refTime is the independent reference for a civil date: midnight UTC in the standard library.
func refTime(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// refDaysIn counts the days of a month with the standard library (day 0 of the next month).
func refDaysIn(y int, m time.Month) int { return refTime(y, m+1, 0).Day() }

// refDay numbers a civil date by whole days since the Unix epoch, using the standard library.
func refDay(t time.Time) int { return int(t.Unix() / 86400) }

var (
	refMin = refDay(refTime(1, time.January, 1))
	refMax = refDay(refTime(9999, time.December, 31))
)

// genYMD draws a real calendar day in years 1 to 9999, choosing the day from the month's length as
// the standard library counts it.
func genYMD(t *rapid.T, label string) (int, time.Month, int) {
	y := rapid.IntRange(1, 9999).Draw(t, label+"-year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, label+"-month"))
	d := rapid.IntRange(1, refDaysIn(y, m)).Draw(t, label+"-day")
	return y, m, d
}

// genDate draws a valid sp.Date together with its reference time.
func genDate(t *rapid.T, label string) (sp.Date, time.Time) {
	y, m, d := genYMD(t, label)
	date, err := sp.NewDate(y, m, d)
	if err != nil {
		t.Fatalf("NewDate(%d, %d, %d): %v, want a date (the standard library says the day exists)", y, m, d, err)
	}
	return date, refTime(y, m, d)
}

func TestNewDateCalendar(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		y      int
		m      time.Month
		d      int
		valid  bool
	}{
		{"2024-02-29", "2024 is divisible by 4 and not by 100: leap year", 2024, 2, 29, true},
		{"2023-02-29", "2023 is not divisible by 4: common year", 2023, 2, 29, false},
		{"1900-02-29", "1900 is divisible by 100 and not by 400: common year", 1900, 2, 29, false},
		{"2000-02-29", "2000 is divisible by 400: leap year", 2000, 2, 29, true},
		{"2100-02-29", "2100 is divisible by 100 and not by 400: common year", 2100, 2, 29, false},
		{"1600-02-29", "1600 is divisible by 400: leap year (proleptic Gregorian)", 1600, 2, 29, true},
		{"0004-02-29", "year 4 is a leap year in the proleptic Gregorian calendar", 4, 2, 29, true},
		{"9996-02-29", "9996 is the last leap year in range", 9996, 2, 29, true},
		{"2024-02-30", "February never has 30 days", 2024, 2, 30, false},
		{"2024-01-31", "January has 31 days", 2024, 1, 31, true},
		{"2024-03-31", "March has 31 days", 2024, 3, 31, true},
		{"2024-04-30", "April has 30 days", 2024, 4, 30, true},
		{"2024-04-31", "April has 30 days", 2024, 4, 31, false},
		{"2024-06-31", "June has 30 days", 2024, 6, 31, false},
		{"2024-07-31", "July has 31 days", 2024, 7, 31, true},
		{"2024-08-31", "August has 31 days", 2024, 8, 31, true},
		{"2024-09-31", "September has 30 days", 2024, 9, 31, false},
		{"2024-11-31", "November has 30 days", 2024, 11, 31, false},
		{"2024-12-31", "December has 31 days", 2024, 12, 31, true},
		{"0001-01-01", "first supported day", 1, 1, 1, true},
		{"9999-12-31", "last supported day", 9999, 12, 31, true},
		{"0000-12-31", "year 0 is out of range", 0, 12, 31, false},
		{"10000-01-01", "year 10000 is out of range", 10000, 1, 1, false},
		{"2024-00-01", "month 0 does not exist", 2024, 0, 1, false},
		{"2024-13-01", "month 13 does not exist", 2024, 13, 1, false},
		{"2024-01-00", "day 0 does not exist", 2024, 1, 0, false},
		{"2024-01--1", "negative day", 2024, 1, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := sp.NewDate(tt.y, tt.m, tt.d)
			if got := err == nil; got != tt.valid {
				t.Fatalf("NewDate(%d, %d, %d) error = %v, want valid=%v (%s)", tt.y, tt.m, tt.d, err, tt.valid, tt.reason)
			}
			if err != nil {
				if !errors.Is(err, sp.ErrInvalid) {
					t.Errorf("error %v does not wrap ErrInvalid", err)
				}
				if !d.IsZero() {
					t.Errorf("NewDate returned %v with an error, want the zero Date", d)
				}
				return
			}
			if d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.d {
				t.Errorf("got %d-%d-%d, want %d-%d-%d", d.Year(), d.Month(), d.Day(), tt.y, tt.m, tt.d)
			}
			if got, want := d.String(), tt.name; got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
		})
	}
}

func TestDaysInMonth(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		date   string
		want   int
	}{
		{"feb leap", "2024 is a leap year", "2024-02-10", 29},
		{"feb common", "2023 is a common year", "2023-02-10", 28},
		{"feb 1900", "century not divisible by 400", "1900-02-01", 28},
		{"feb 2000", "century divisible by 400", "2000-02-01", 29},
		{"april", "thirty days hath September, April, June and November", "2024-04-01", 30},
		{"june", "thirty days hath September, April, June and November", "2024-06-15", 30},
		{"september", "thirty days hath September, April, June and November", "2024-09-30", 30},
		{"november", "thirty days hath September, April, June and November", "2024-11-02", 30},
		{"january", "all the rest have thirty-one", "2024-01-02", 31},
		{"december", "all the rest have thirty-one", "9999-12-02", 31},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sp.MustParseDate(tt.date)
			if got := d.DaysInMonth(); got != tt.want {
				t.Errorf("%s.DaysInMonth() = %d, want %d (%s)", tt.date, got, tt.want, tt.reason)
			}
			if got, want := d.LastOfMonth().Day(), tt.want; got != want {
				t.Errorf("%s.LastOfMonth().Day() = %d, want %d", tt.date, got, want)
			}
			if got := d.FirstOfMonth().Day(); got != 1 {
				t.Errorf("%s.FirstOfMonth().Day() = %d, want 1", tt.date, got)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   error // nil for a valid date, else the sentinel the error must wrap
	}{
		{"plain", "the canonical form", "2024-02-01", nil},
		{"leap day", "2024 is a leap year", "2024-02-29", nil},
		{"leap day 2000", "2000 is a leap year", "2000-02-29", nil},
		{"not leap 1900", "1900 is not a leap year", "1900-02-29", sp.ErrInvalid},
		{"feb 30", "February never has 30 days", "2024-02-30", sp.ErrInvalid},
		{"april 31", "April has 30 days", "2024-04-31", sp.ErrInvalid},
		{"month 13", "no month 13", "2024-13-01", sp.ErrInvalid},
		{"month 00", "no month 0", "2024-00-01", sp.ErrInvalid},
		{"day 00", "no day 0", "2024-01-00", sp.ErrInvalid},
		{"year 0000", "years start at 1", "0000-01-01", sp.ErrInvalid},
		{"short month", "month must be two digits", "2024-2-01", sp.ErrSyntax},
		{"short day", "day must be two digits", "2024-02-1", sp.ErrSyntax},
		{"plus sign", "no sign is allowed", "+2024-02-01", sp.ErrSyntax},
		{"leading space", "no white space is allowed", " 2024-02-01", sp.ErrSyntax},
		{"trailing space", "no white space is allowed", "2024-02-01 ", sp.ErrSyntax},
		{"trailing newline", "no white space is allowed", "2024-02-01\n", sp.ErrSyntax},
		{"slashes", "separators must be hyphens", "2024/02/01", sp.ErrSyntax},
		{"basic form", "the basic form without hyphens is not accepted", "20240201", sp.ErrSyntax},
		{"date-time", "a date-time is not a date", "2024-02-01T00:00:00Z", sp.ErrSyntax},
		{"empty", "the empty string is not a date", "", sp.ErrSyntax},
		{"five-digit year", "years are four digits", "12024-02-01", sp.ErrSyntax},
		{"sign in month", "a sign inside a field", "2024-+2-01", sp.ErrSyntax},
		{"minus in month", "a sign inside a field", "2024--2-01", sp.ErrSyntax},
		{"minus year", "negative years are not accepted", "-024-02-01", sp.ErrSyntax},
		{"letter", "digits only", "2024-0a-01", sp.ErrSyntax},
		{"fullwidth digits", "ASCII digits only", "２０２４-02-01", sp.ErrSyntax},
		{"arabic-indic digit", "ASCII digits only", "2024-02-0\u0661", sp.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := sp.ParseDate(tt.in)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("ParseDate(%q) error = %v, want nil (%s)", tt.in, err, tt.reason)
				}
				if got := d.String(); got != tt.in {
					t.Errorf("ParseDate(%q).String() = %q, want %q", tt.in, got, tt.in)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error wrapping %v (%s)", tt.in, d, tt.want, tt.reason)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("ParseDate(%q) error = %v, want it to wrap %v", tt.in, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "socialprescribing: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if tt.in != "" && strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q contains the input", err)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %v with an error, want the zero Date", tt.in, d)
			}
		})
	}
}

func TestZeroDate(t *testing.T) {
	var z sp.Date
	if z.IsValid() || !z.IsZero() {
		t.Errorf("zero Date: IsValid() = %v, IsZero() = %v, want false, true", z.IsValid(), z.IsZero())
	}
	if got := z.String(); got != "" {
		t.Errorf("zero Date String() = %q, want \"\"", got)
	}
	if b, err := z.MarshalText(); err == nil || !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("zero Date MarshalText() = %q, %v; want an error wrapping ErrInvalid", b, err)
	}
	if b, err := json.Marshal(struct {
		D sp.Date `json:"d"`
	}{}); err == nil {
		t.Errorf("json.Marshal of a struct with a zero Date = %s, want an error", b)
	}
	b, err := json.Marshal(struct {
		D sp.Date `json:"d,omitzero"`
	}{})
	if err != nil || string(b) != "{}" {
		t.Errorf("json.Marshal with omitzero = %s, %v; want {} and no error", b, err)
	}
	if _, err := z.AddDaysChecked(1); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("zero Date AddDaysChecked(1) error = %v, want ErrInvalid", err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Errorf("zero Date AddDays(1) did not panic")
			}
		}()
		_ = z.AddDays(1)
	}()
}

func TestAddDaysRange(t *testing.T) {
	tests := []struct {
		name    string
		reason  string
		from    string
		n       int
		want    string
		wantErr bool
	}{
		{"last day +1", "years end at 9999", "9999-12-31", 1, "", true},
		{"first day -1", "years start at 1", "0001-01-01", -1, "", true},
		{"huge n", "an int from input must not overflow into range", "2024-01-01", 1 << 40, "", true},
		{"huge negative n", "an int from input must not overflow into range", "2024-01-01", -(1 << 40), "", true},
		{"to last day", "reaching the last day is fine", "9999-12-30", 1, "9999-12-31", false},
		{"to first day", "reaching the first day is fine", "0001-01-02", -1, "0001-01-01", false},
		{"leap day", "2024-02-28 + 1 is the leap day", "2024-02-28", 1, "2024-02-29", false},
		{"over leap day", "2023 has no leap day", "2023-02-28", 1, "2023-03-01", false},
		{"1900", "1900 has no leap day", "1900-02-28", 1, "1900-03-01", false},
		{"year end", "31 December + 1 is 1 January", "2024-12-31", 1, "2025-01-01", false},
		{"one week", "the recording deadline is contact + 7 days", "2024-12-28", 7, "2025-01-04", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sp.MustParseDate(tt.from).AddDaysChecked(tt.n)
			if tt.wantErr {
				if !errors.Is(err, sp.ErrDateRange) {
					t.Errorf("AddDaysChecked(%d) = %v, %v; want ErrDateRange (%s)", tt.n, got, err, tt.reason)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Errorf("%s.AddDaysChecked(%d) = %v, %v; want %s (%s)", tt.from, tt.n, got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		from   string
		n      int
		want   string
	}{
		{"next", "the first of the next month", "2024-01-31", 1, "2024-02-01"},
		{"previous", "negative n goes back", "2024-03-31", -1, "2024-02-01"},
		{"year wrap", "December + 1 is January of the next year", "2024-12-15", 1, "2025-01-01"},
		{"year wrap back", "January - 1 is December of the year before", "2024-01-15", -1, "2023-12-01"},
		{"zero", "n = 0 is the first of the same month", "2024-05-20", 0, "2024-05-01"},
		{"many", "25 months is two years and a month", "2024-11-01", 25, "2026-12-01"},
		{"many back", "-13 months is a year and a month back", "2024-01-01", -13, "2022-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sp.MustParseDate(tt.from).AddMonths(tt.n).String(); got != tt.want {
				t.Errorf("%s.AddMonths(%d) = %s, want %s (%s)", tt.from, tt.n, got, tt.want, tt.reason)
			}
		})
	}
}

func TestDatePropertiesAgainstTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, ta := genDate(t, "a")
		b, tb := genDate(t, "b")

		if got, want := a.String(), ta.Format(time.DateOnly); got != want {
			t.Fatalf("String() = %q, want %q (time.Format)", got, want)
		}
		if got, want := a.Weekday(), ta.Weekday(); got != want {
			t.Fatalf("%v.Weekday() = %v, want %v", a, got, want)
		}
		if got, want := a.DaysInMonth(), refDaysIn(ta.Year(), ta.Month()); got != want {
			t.Fatalf("%v.DaysInMonth() = %d, want %d", a, got, want)
		}
		n := refDay(tb) - refDay(ta)
		if got := a.DaysUntil(b); got != n {
			t.Fatalf("%v.DaysUntil(%v) = %d, want %d", a, b, got, n)
		}
		if got := a.AddDays(n); got != b {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", a, n, got, b)
		}
		if got, want := a.Compare(b), ta.Compare(tb); got != want {
			t.Fatalf("%v.Compare(%v) = %d, want %d", a, b, got, want)
		}
		if got, want := a.Before(b), ta.Before(tb); got != want {
			t.Fatalf("%v.Before(%v) = %v, want %v", a, b, got, want)
		}
		if got, want := a.After(b), ta.After(tb); got != want {
			t.Fatalf("%v.After(%v) = %v, want %v", a, b, got, want)
		}
		if got, want := a.Equal(b), ta.Equal(tb); got != want {
			t.Fatalf("%v.Equal(%v) = %v, want %v", a, b, got, want)
		}
		if got := sp.DateOf(ta); got != a {
			t.Fatalf("DateOf(%v) = %v, want %v", ta, got, a)
		}
		if got := a.Time(time.UTC); !got.Equal(ta) {
			t.Fatalf("%v.Time(UTC) = %v, want %v", a, got, ta)
		}

		// Small steps, where the calendar's edges are.
		k := rapid.IntRange(-800, 800).Draw(t, "k")
		want := ta.AddDate(0, 0, k)
		got, err := a.AddDaysChecked(k)
		inRange := refDay(want) >= refMin && refDay(want) <= refMax
		if !inRange {
			if !errors.Is(err, sp.ErrDateRange) {
				t.Fatalf("%v.AddDaysChecked(%d) = %v, %v; want ErrDateRange", a, k, got, err)
			}
			return
		}
		if err != nil || got.String() != want.Format(time.DateOnly) {
			t.Fatalf("%v.AddDaysChecked(%d) = %v, %v; want %s", a, k, got, err, want.Format(time.DateOnly))
		}
		if back := got.AddDays(-k); back != a {
			t.Fatalf("%v.AddDays(%d).AddDays(%d) = %v, want %v", a, k, -k, back, a)
		}
	})
}

func TestDateAddDaysInverse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, ta := genDate(t, "a")
		lo, hi := refMin-refDay(ta), refMax-refDay(ta)
		n := rapid.IntRange(lo, hi).Draw(t, "n")
		if got := a.AddDays(n).AddDays(-n); got != a {
			t.Fatalf("%v.AddDays(%d).AddDays(%d) = %v, want %v", a, n, -n, got, a)
		}
		if got := a.DaysUntil(a.AddDays(n)); got != n {
			t.Fatalf("%v.DaysUntil(AddDays(%d)) = %d, want %d", a, n, got, n)
		}
	})
}

func TestDateMonthsAgainstTime(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, ta := genDate(t, "a")
		if got, want := a.FirstOfMonth().String(), refTime(ta.Year(), ta.Month(), 1).Format(time.DateOnly); got != want {
			t.Fatalf("%v.FirstOfMonth() = %s, want %s", a, got, want)
		}
		if got, want := a.LastOfMonth().String(), refTime(ta.Year(), ta.Month()+1, 0).Format(time.DateOnly); got != want {
			t.Fatalf("%v.LastOfMonth() = %s, want %s", a, got, want)
		}
		n := rapid.IntRange(-240, 240).Draw(t, "n")
		want := refTime(ta.Year(), ta.Month()+time.Month(n), 1)
		if want.Year() < 1 || want.Year() > 9999 {
			return
		}
		if got := a.AddMonths(n).String(); got != want.Format(time.DateOnly) {
			t.Fatalf("%v.AddMonths(%d) = %s, want %s", a, n, got, want.Format(time.DateOnly))
		}
	})
}

func TestDateMarshalRoundTrip(t *testing.T) {
	type holder struct {
		D sp.Date `json:"d"`
	}
	rapid.Check(t, func(t *rapid.T) {
		a, ta := genDate(t, "a")
		s := ta.Format(time.DateOnly)

		p, err := sp.ParseDate(a.String())
		if err != nil || p != a {
			t.Fatalf("ParseDate(%q) = %v, %v; want %v", a.String(), p, err, a)
		}
		p, err = sp.ParseDate(s)
		if err != nil || p != a {
			t.Fatalf("ParseDate(%q) = %v, %v; want %v", s, p, err, a)
		}

		text, err := a.MarshalText()
		if err != nil || string(text) != s {
			t.Fatalf("MarshalText() = %q, %v; want %q", text, err, s)
		}
		var u sp.Date
		if err := u.UnmarshalText(text); err != nil || u != a {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, u, err, a)
		}

		js, err := json.Marshal(holder{a})
		if err != nil || string(js) != `{"d":"`+s+`"}` {
			t.Fatalf("json.Marshal = %s, %v; want {\"d\":%q}", js, err, s)
		}
		var h holder
		if err := json.Unmarshal(js, &h); err != nil || h.D != a {
			t.Fatalf("json.Unmarshal(%s) = %v, %v; want %v", js, h.D, err, a)
		}
	})
}

// TestDateOfRange: an instant outside years 1 to 9999 gives the zero Date, never a Date that would
// marshal as another day (year 0) or overflow (year 40000).
func TestDateOfRange(t *testing.T) {
	for _, tt := range []struct {
		name, reason string
		t            time.Time
		want         string
	}{
		{"year 0", "below the supported range", time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), ""},
		{"year 40000", "above the supported range", time.Date(40000, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"year 1", "the first supported day", time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC), "0001-01-01"},
		{"year 9999", "the last supported day", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), "9999-12-31"},
	} {
		got := sp.DateOf(tt.t)
		if got.String() != tt.want || got.IsValid() != (tt.want != "") {
			t.Errorf("%s: DateOf = %q (valid %v), want %q (%s)", tt.name, got, got.IsValid(), tt.want, tt.reason)
		}
	}
}
