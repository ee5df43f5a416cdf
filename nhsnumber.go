package socialprescribing

import (
	"fmt"
	"log/slog"
)

// NHSNumber is a validated NHS number: ten digits whose tenth is the Modulus 11 check digit of the
// first nine (NHS Data Dictionary).
//
// An NHS number is personal data. String, GoString and LogValue print a masked form; the digits are
// available only through the explicit [NHSNumber.Digits] method and the JSON/text encoding, whose
// canonical form is the ten digits with no spaces. No error of this library contains the digits.
//
// The zero NHSNumber is "no number" (IsValid reports false); it is what an optional field holds when
// the number is unknown. NHSNumber is comparable with == and is safe for concurrent use.
type NHSNumber struct {
	// enc holds the number scrambled (see seal), so that even fmt's reflection over a struct with an
	// unexported NHSNumber field, which cannot call Format, does not print the digits. 0 means no number.
	enc uint64
}

// nhsKey and nhsMarker scramble the stored number: enc = (number | nhsMarker) XOR nhsKey. The marker
// bit is clear in the key, so a set number never stores as 0.
const (
	nhsKey    uint64 = 0x5851_F42D_4C95_7F2D &^ nhsMarker
	nhsMarker uint64 = 1 << 40
)

func seal(d *[10]byte) NHSNumber {
	var v uint64
	for _, x := range d {
		v = v*10 + uint64(x)
	}
	return NHSNumber{enc: (v | nhsMarker) ^ nhsKey}
}

// digits returns the ten digits of a set number.
func (n NHSNumber) digits() (d [10]byte) {
	v := (n.enc ^ nhsKey) &^ nhsMarker
	for i := 9; i >= 0; i-- {
		d[i] = byte(v % 10)
		v /= 10
	}
	return d
}

// Errors that [ParseNHSNumber] wraps, besides the category [ErrSyntax] or [ErrInvalid].
var (
	errNHSSyntax   = fmt.Errorf("socialprescribing: nhs number: want 10 digits, or 3-3-4 digits separated by single spaces: %w", ErrSyntax)
	errNHSCheck10  = fmt.Errorf("socialprescribing: nhs number: the Modulus 11 check value is 10, so no NHS number starts with these nine digits: %w", ErrInvalid)
	errNHSMismatch = fmt.Errorf("socialprescribing: nhs number: check digit does not match (Modulus 11): %w", ErrInvalid)
)

// ParseNHSNumber parses an NHS number written as ten digits ("9434765919") or in the 3-3-4 form people
// type ("943 476 5919"), and checks it with Modulus 11 as the NHS Data Dictionary defines it: the
// first nine digits are weighted 10 down to 2 and summed; the check digit is 11 minus the sum modulo 11,
// where 11 becomes 0 and 10 means the number is invalid.
//
// The error wraps [ErrSyntax] for a malformed string and [ErrInvalid] for a failed check; it never
// contains the input. ParseNHSNumber does not allocate.
func ParseNHSNumber(s string) (NHSNumber, error) {
	var n struct{ d [10]byte }
	switch len(s) {
	case 10:
		for i := 0; i < 10; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return NHSNumber{}, errNHSSyntax
			}
			n.d[i] = c - '0'
		}
	case 12:
		if s[3] != ' ' || s[7] != ' ' {
			return NHSNumber{}, errNHSSyntax
		}
		j := 0
		for i := 0; i < 12; i++ {
			if i == 3 || i == 7 {
				continue
			}
			c := s[i]
			if c < '0' || c > '9' {
				return NHSNumber{}, errNHSSyntax
			}
			n.d[j] = c - '0'
			j++
		}
	default:
		return NHSNumber{}, errNHSSyntax
	}
	check := modulus11(n.d[:9])
	if check == 10 {
		return NHSNumber{}, errNHSCheck10
	}
	if int(n.d[9]) != check {
		return NHSNumber{}, errNHSMismatch
	}
	return seal(&n.d), nil
}

// NHSCheckDigit returns the Modulus 11 check value of the first nine digits of an NHS number, given as
// nine ASCII digits: 0 to 9 is the check digit, and 10 means that no valid NHS number starts with those
// digits. It returns an error wrapping [ErrSyntax] if first9 is not nine digits; the error never
// contains the input.
func NHSCheckDigit(first9 string) (int, error) {
	if len(first9) != 9 {
		return 0, errNHSPrefix
	}
	var d [9]byte
	for i := 0; i < 9; i++ {
		c := first9[i]
		if c < '0' || c > '9' {
			return 0, errNHSPrefix
		}
		d[i] = c - '0'
	}
	return modulus11(d[:]), nil
}

var errNHSPrefix = fmt.Errorf("socialprescribing: nhs number: want the first nine digits: %w", ErrSyntax)

// modulus11 is the NHS Data Dictionary's check over nine digit values (each 0–9).
func modulus11(digits []byte) int {
	sum := 0
	for i, v := range digits {
		sum += int(v) * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check
}

// MustParseNHSNumber is like [ParseNHSNumber] but panics on error. It is meant for tests and
// constants only.
func MustParseNHSNumber(s string) NHSNumber {
	n, err := ParseNHSNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsValid reports whether n holds a number (the zero NHSNumber does not).
func (n NHSNumber) IsValid() bool { return n.enc != 0 }

// IsZero reports whether n is the zero NHSNumber.
func (n NHSNumber) IsZero() bool { return n.enc == 0 }

// Equal reports whether n and m are the same number.
func (n NHSNumber) Equal(m NHSNumber) bool { return n == m }

// Digits returns the ten digits with no spaces, or "" for the zero NHSNumber. It is the one method
// that reveals the number: call it only where the number must be shown or sent.
func (n NHSNumber) Digits() string {
	if n.enc == 0 {
		return ""
	}
	var b [10]byte
	for i, v := range n.digits() {
		b[i] = '0' + v
	}
	return string(b[:])
}

// Formatted returns the number in the 3-3-4 display form ("943 476 5919"), or "" for the zero
// NHSNumber. Like [NHSNumber.Digits], it reveals the number.
func (n NHSNumber) Formatted() string {
	if n.enc == 0 {
		return ""
	}
	d := n.Digits()
	return d[0:3] + " " + d[3:6] + " " + d[6:10]
}

// masked is what every printing method shows.
const maskedNHSNumber = "*** *** ****"

// String returns a masked form ("*** *** ****"), never the digits, or "" for the zero NHSNumber.
func (n NHSNumber) String() string {
	if n.enc == 0 {
		return ""
	}
	return maskedNHSNumber
}

// GoString returns a masked form for %#v, never the digits.
func (n NHSNumber) GoString() string {
	if n.enc == 0 {
		return "socialprescribing.NHSNumber{}"
	}
	return `socialprescribing.NHSNumber{"` + maskedNHSNumber + `"}`
}

// Format implements fmt.Formatter so that every verb (%v, %s, %d, %x, %q, %+v, %#v) prints the
// masked form and never the digits.
func (n NHSNumber) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = f.Write([]byte(n.GoString()))
	case verb == 'q':
		_, _ = fmt.Fprintf(f, "%q", n.String())
	default:
		_, _ = f.Write([]byte(n.String()))
	}
}

// LogValue implements slog.LogValuer with the masked form.
func (n NHSNumber) LogValue() slog.Value { return slog.StringValue(n.String()) }

// MarshalText returns the ten digits, the canonical wire form. It returns an error wrapping
// [ErrInvalid] for the zero NHSNumber; mark optional numbers with omitzero.
func (n NHSNumber) MarshalText() ([]byte, error) {
	if n.enc == 0 {
		return nil, fmt.Errorf("socialprescribing: nhs number: marshal the zero value: %w", ErrInvalid)
	}
	b := make([]byte, 10)
	for i, v := range n.digits() {
		b[i] = '0' + v
	}
	return b, nil
}

// UnmarshalText parses the number as [ParseNHSNumber] does, accepting only the canonical ten
// digits: the spaced form is for people typing, not for documents.
func (n *NHSNumber) UnmarshalText(b []byte) error {
	if len(b) != 10 {
		return errNHSSyntax
	}
	v, err := ParseNHSNumber(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}
