package socialprescribing_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
)

func ExampleParseDate() {
	d, err := sp.ParseDate("2024-02-29")
	if err != nil {
		panic(err)
	}
	fmt.Println(d, d.Weekday())

	_, err = sp.ParseDate("2023-02-29")
	fmt.Println(errors.Is(err, sp.ErrInvalid), err)

	_, err = sp.ParseDate("2024-2-01")
	fmt.Println(errors.Is(err, sp.ErrSyntax), err)
	// Output:
	// 2024-02-29 Thursday
	// true socialprescribing: date: no such day in the calendar: invalid
	// true socialprescribing: date: want YYYY-MM-DD: syntax
}

func ExampleNewDate() {
	d, err := sp.NewDate(2000, time.February, 29)
	fmt.Println(d, err)
	_, err = sp.NewDate(1900, time.February, 29)
	fmt.Println(err)
	// Output:
	// 2000-02-29 <nil>
	// socialprescribing: date: no such day in the calendar: invalid
}

func ExampleDateOf() {
	t := time.Date(2024, time.March, 31, 23, 30, 0, 0, time.UTC)
	fmt.Println(sp.DateOf(t))
	// Output: 2024-03-31
}

func ExampleDate_AddDays() {
	contact := sp.MustParseDate("2024-12-28")
	fmt.Println("recording deadline:", contact.AddDays(7))
	fmt.Println("a week earlier:", contact.AddDays(-7))
	// Output:
	// recording deadline: 2025-01-04
	// a week earlier: 2024-12-21
}

func ExampleDate_AddDaysChecked() {
	last := sp.MustParseDate("9999-12-31")
	_, err := last.AddDaysChecked(1)
	fmt.Println(errors.Is(err, sp.ErrDateRange))
	// Output: true
}

func ExampleDate_DaysUntil() {
	referred := sp.MustParseDate("2024-02-01")
	seen := sp.MustParseDate("2024-03-01")
	fmt.Println(referred.DaysUntil(seen), seen.DaysUntil(referred))
	// Output: 29 -29
}

func ExampleDate_Compare() {
	a := sp.MustParseDate("2024-04-01")
	b := sp.MustParseDate("2024-03-31")
	fmt.Println(a.Compare(b), a.After(b), a.Before(b), a.Equal(b))
	// Output: 1 true false false
}

func ExampleDate_AddMonths() {
	fmt.Println(sp.MustParseDate("2024-01-31").AddMonths(1))
	fmt.Println(sp.MustParseDate("2024-01-15").AddMonths(-1))
	// Output:
	// 2024-02-01
	// 2023-12-01
}

func ExampleDate_LastOfMonth() {
	d := sp.MustParseDate("2024-02-10")
	fmt.Println(d.FirstOfMonth(), d.LastOfMonth(), d.DaysInMonth())
	// Output: 2024-02-01 2024-02-29 29
}

func ExampleDate_MarshalText() {
	type contact struct {
		On       sp.Date `json:"on"`
		FollowUp sp.Date `json:"followUp,omitzero"`
	}
	b, err := json.Marshal(contact{On: sp.MustParseDate("2024-05-07")})
	fmt.Println(string(b), err)

	_, err = json.Marshal(struct{ On sp.Date }{})
	fmt.Println(err != nil)
	// Output:
	// {"on":"2024-05-07"} <nil>
	// true
}

func ExampleParseNHSNumber() {
	n, err := sp.ParseNHSNumber("943 476 5919")
	if err != nil {
		panic(err)
	}
	// Printing masks the number; Digits reveals it on purpose.
	fmt.Println(n)
	fmt.Printf("%v %d %q\n", n, n, n)
	fmt.Printf("%#v\n", n)
	fmt.Println(n.Digits())

	_, err = sp.ParseNHSNumber("9434765918")
	fmt.Println(err)
	// Output:
	// *** *** ****
	// *** *** **** *** *** **** "*** *** ****"
	// socialprescribing.NHSNumber{"*** *** ****"}
	// 9434765919
	// socialprescribing: nhs number: check digit does not match (Modulus 11): invalid
}

func ExampleNHSNumber() {
	type person struct {
		NHSNumber sp.NHSNumber `json:"nhsNumber"`
	}
	p := person{NHSNumber: sp.MustParseNHSNumber("6541003238")}

	b, _ := json.Marshal(p) // the document carries the digits
	fmt.Println(string(b))
	fmt.Printf("%+v\n", p) // printing does not

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("referral received", "nhsNumber", p.NHSNumber)
	// Output:
	// {"nhsNumber":"6541003238"}
	// {NHSNumber:*** *** ****}
	// level=INFO msg="referral received" nhsNumber="*** *** ****"
}

func ExampleNHSNumber_Formatted() {
	n := sp.MustParseNHSNumber("9434765919")
	fmt.Println(n.Formatted())
	// Output: 943 476 5919
}

func ExampleNHSCheckDigit() {
	fmt.Println(sp.NHSCheckDigit("943476591"))
	fmt.Println(sp.NHSCheckDigit("100000001")) // 10: no valid number starts so
	// Output:
	// 9 <nil>
	// 10 <nil>
}

func ExampleDecode() {
	type referral struct {
		NHSNumber sp.NHSNumber `json:"nhsNumber"`
		Received  sp.Date      `json:"received"`
		Needs     []string     `json:"needs"`
	}
	var r referral
	err := sp.Decode([]byte(`{
		"nhsNumber": "9434765918",
		"received": "2024-02-30",
		"Needs": ["loneliness"],
		"needs": [null]
	}`), &r)

	var ve *sp.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Path, fe.Rule)
		}
	}
	fmt.Println(errors.Is(err, sp.ErrUnknownField))

	err = sp.Decode([]byte(`{"nhsNumber":"9434765919","received":"2024-02-29","needs":["loneliness"]}`), &r)
	fmt.Println(err, r.Received, r.Needs)
	// Output:
	// /Needs unknown-field
	// /needs/0 null
	// /nhsNumber nhsnumber
	// /received date
	// true
	// <nil> 2024-02-29 [loneliness]
}

// visit is a small document type for the DecodeAndValidate example.
type visit struct {
	NHSNumber sp.NHSNumber `json:"nhsNumber"`
	Born      sp.Date      `json:"born"`
	Seen      sp.Date      `json:"seen"`
	Notes     []string     `json:"notes,omitempty" validate:"max=2"`
}

// Validate checks the visit's rules.
func (v visit) Validate() error {
	var errs []*sp.FieldError
	if !v.NHSNumber.IsValid() {
		errs = append(errs, &sp.FieldError{Path: "/nhsNumber", Rule: "required", Err: fmt.Errorf("visit: no NHS number: %w", sp.ErrRequired)})
	}
	if v.Born.After(v.Seen) {
		errs = append(errs, &sp.FieldError{Path: "/born", Rule: "date-order", Err: fmt.Errorf("visit: born after the visit: %w", sp.ErrInvalid)})
	}
	if len(errs) == 0 {
		return nil
	}
	return &sp.ValidationError{Type: "visit", Errors: errs}
}

func ExampleDecodeAndValidate() {
	var v visit
	err := sp.DecodeAndValidate([]byte(`{
		"nhsNumber": "9434765918",
		"born": "2024-06-01",
		"seen": "2024-05-13",
		"notes": ["one", "two", "three"]
	}`), &v)
	var ve *sp.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe)
		}
	}
	fmt.Println(v.Born.IsZero())
	// Output:
	// /born: date-order: visit: born after the visit
	// /nhsNumber: nhsnumber: nhs number: check digit does not match (Modulus 11)
	// /notes: max: number of items must be at most 2
	// true
}

func ExampleSortFindings() {
	fs := []sp.Finding{
		{Rule: "coding.late-recording", Severity: sp.SeverityWarning, Subject: "ep-2", Message: "coded 9 days after the contact"},
		{Rule: "coding.missing-code", Severity: sp.SeverityError, Subject: "ep-2", Message: "no code for the referral"},
		{Rule: "coding.missing-code", Severity: sp.SeverityError, Subject: "ep-1", Message: "no code for the referral"},
	}
	for _, f := range sp.SortFindings(fs) {
		fmt.Println(f)
	}
	fmt.Println(sp.HasErrors(fs))
	// Output:
	// error coding.missing-code ep-1: no code for the referral
	// error coding.missing-code ep-2: no code for the referral
	// warning coding.late-recording ep-2: coded 9 days after the contact
	// true
}

func ExampleCompareFindings() {
	a := sp.Finding{Rule: "r", Severity: sp.SeverityInfo, Message: "m"}
	b := sp.Finding{Rule: "r", Severity: sp.SeverityError, Message: "m"}
	fmt.Println(sp.CompareFindings(a, b), sp.CompareFindings(b, a), sp.CompareFindings(a, a))
	// Output: 1 -1 0
}

func ExampleSeverity_UnmarshalText() {
	var s sp.Severity
	fmt.Println(s.UnmarshalText([]byte("warning")), s)
	fmt.Println(s.UnmarshalText([]byte("Warning")), s)
	fmt.Println(sp.Severities())
	// Output:
	// <nil> warning
	// socialprescribing: severity: not one of the defined values (error, warning, info): invalid warning
	// [error warning info]
}

func ExampleFieldError() {
	var err error = &sp.FieldError{
		Path: "/person/dateOfBirth",
		Rule: "required",
		Err:  fmt.Errorf("referral: date of birth is missing: %w", sp.ErrRequired),
	}
	fmt.Println(err)
	fmt.Println(errors.Is(err, sp.ErrRequired), errors.Is(err, sp.ErrInvalid))
	// Output:
	// /person/dateOfBirth: required: date of birth is missing
	// true false
}

func ExampleValidationError() {
	var err error = &sp.ValidationError{
		Type: "referral.Referral",
		Errors: []*sp.FieldError{
			{Path: "/needs", Rule: "min", Err: fmt.Errorf("number of items must be at least 1: %w", sp.ErrInvalid)},
			{Path: "/received", Rule: "required", Err: fmt.Errorf("value is required: %w", sp.ErrRequired)},
		},
	}
	err = fmt.Errorf("import: %w", err)

	fmt.Println(errors.Is(err, sp.ErrRequired), errors.Is(err, sp.ErrInvalid), errors.Is(err, sp.ErrSyntax))

	var fe *sp.FieldError
	if errors.As(err, &fe) {
		fmt.Println("first:", fe.Path, fe.Rule)
	}
	var ve *sp.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Type, len(ve.Errors), ve.Has("/received", "required"))
	}
	// Output:
	// true true false
	// first: /needs min
	// referral.Referral 2 true
}

func ExampleJoinPointer() {
	fmt.Println(sp.JoinPointer("", "needs", "0"))
	fmt.Println(sp.JoinPointer("/offers", "a/b", "m~n"))
	// Output:
	// /needs/0
	// /offers/a~1b/m~0n
}

func ExampleConfidence() {
	c := sp.ConfidenceMediumHigh
	b, _ := c.MarshalText()
	fmt.Println(string(b), c.IsValid())

	var got sp.Confidence
	err := got.UnmarshalText([]byte("certain"))
	fmt.Println(errors.Is(err, sp.ErrInvalid))
	fmt.Println(sp.Confidences())
	// Output:
	// medium-high true
	// true
	// [high medium-high medium low unconfirmed]
}

// withoutTime drops the time from log lines, so that the examples' output is fixed.
func withoutTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

func ExampleMasked() {
	numbers := []sp.NHSNumber{sp.MustParseNHSNumber("9434765919")}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: withoutTime}))

	logger.Info("unmasked", "numbers", numbers) // the JSON handler encodes the slice as JSON
	logger.Info("masked", "numbers", sp.Masked(numbers))
	// Output:
	// {"level":"INFO","msg":"unmasked","numbers":["9434765919"]}
	// {"level":"INFO","msg":"masked","numbers":{"0":"*** *** ****"}}
}

func ExampleNewMaskingHandler() {
	type visit struct {
		Patient sp.NHSNumber `json:"patient"`
		Room    string       `json:"room"`
	}
	logger := slog.New(sp.NewMaskingHandler(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: withoutTime})))

	logger.Info("seen", "visits", []visit{{sp.MustParseNHSNumber("9434765919"), "B2"}})
	// Output:
	// {"level":"INFO","msg":"seen","visits":{"0":{"patient":"*** *** ****","room":"B2"}}}
}

// One role vocabulary serves every package; the three roles of the Additional Roles Reimbursement
// Scheme are the ones with reimbursement rules.
func ExampleRole() {
	for _, r := range sp.Roles() {
		fmt.Println(r, r.IsARRS())
	}
	var r sp.Role
	err := r.UnmarshalText([]byte("link-worker"))
	fmt.Println(err != nil, errors.Is(err, sp.ErrInvalid))
	// Output:
	// social-prescribing-link-worker true
	// health-and-wellbeing-coach true
	// care-coordinator true
	// care-navigator false
	// clinician false
	// practice-staff false
	// administrator false
	// referrer false
	// true true
}

func ExampleARRSRoles() {
	fmt.Println(sp.ARRSRoles())
	// Output: [social-prescribing-link-worker health-and-wellbeing-coach care-coordinator]
}

func ExampleSeverity_Compare() {
	fmt.Println(sp.SeverityError.Compare(sp.SeverityWarning) < 0)
	fmt.Println(sp.SeverityInfo.Compare(sp.SeverityWarning) > 0)
	fmt.Println(sp.SeverityWarning.Compare(sp.SeverityWarning))
	// Output:
	// true
	// true
	// 0
}
