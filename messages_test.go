package socialprescribing_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// TestDecodeMessages holds the decoder's messages to what a person fixing a document needs: where
// malformed JSON goes wrong as line and column, the right spelling of a key in the wrong case, the
// values an enum allows. The expected positions are counted by hand from the documents.
func TestDecodeMessages(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		doc    string
		want   string   // the FieldError's text
		not    []string // text that must not appear (the document's values)
	}{
		{"malformed on line 3", "the third line's third character is the bad byte",
			"{\"name\":\"x\",\n  \"age\": 1,\n  x}", "/: syntax: malformed JSON at line 3, column 3 (byte offset 27)", nil},
		{"malformed on line 1", "a missing colon: the string after the key is the bad byte",
			`{"name" "x"}`, "/: syntax: malformed JSON at line 1, column 9 (byte offset 8)", nil},
		{"columns count characters", "é is two bytes and one column",
			`{"name":"é",x}`, "/: syntax: malformed JSON at line 1, column 13 (byte offset 13)", nil},
		{"ends too soon", "the position is the end of the data",
			"{\"name\":\n", "/: syntax: JSON document ends too soon, at line 2, column 1 (byte offset 9)", nil},
		{"trailing data", "the position is where the second value starts",
			"{\"name\":\"x\"}\n\n  {}", "/: trailing-data: data after the end of the JSON document, at line 3, column 3 (byte offset 16)", nil},
		{"wrong case names the key", "the schema's key name is not personal data",
			`{"NHSNumber":"9434765919"}`, `/NHSNumber: unknown-field: key in the wrong case; the key is "nhsNumber"`, []string{"9434765919"}},
		{"enum lists its values", "the library's values, exactly, and not the document's",
			`{"severity":"Warning"}`, `/severity: enum: severity: not one of the defined values (error, warning, info)`, []string{"Warning"}},
		{"null says what to do", "one clause, no category after it",
			`{"name":null}`, `/name: null: null is not allowed; leave the key out`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d testDoc
			err := sp.Decode([]byte(tt.doc), &d)
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) != 1 {
				t.Fatalf("Decode error %v, want one FieldError", err)
			}
			if got := ve.Errors[0].Error(); got != tt.want {
				t.Errorf("message\n got %q\nwant %q (%s)", got, tt.want, tt.reason)
			}
			for _, s := range tt.not {
				if strings.Contains(err.Error(), s) {
					t.Errorf("message %q shows the document's value %q", err, s)
				}
			}
		})
	}
}

// TestFieldErrorDoesNotRepeat: the category a cause wraps is not printed after it, as the rule says
// it already.
func TestFieldErrorDoesNotRepeat(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		err    *sp.FieldError
		want   string
	}{
		{"required", "the text that read required: value is required: required",
			&sp.FieldError{Path: "/a", Rule: "required", Err: errors.Join(errors.New("no value given"), sp.ErrRequired)}, "/a: required: no value given\nrequired"},
		{"wrapped with %w", "the category after the last colon goes",
			&sp.FieldError{Path: "/a", Rule: "max", Err: wrap("length must be at most 5", sp.ErrInvalid)}, "/a: max: length must be at most 5"},
		{"bare category", "a cause that is only the category adds nothing",
			&sp.FieldError{Path: "/a", Rule: "duplicate-field", Err: sp.ErrDuplicateField}, "/a: duplicate-field"},
		{"category it does not wrap", "text that merely ends like a category stays",
			&sp.FieldError{Path: "/a", Rule: "x", Err: errors.New("looks invalid")}, "/a: x: looks invalid"},
		{"rule after the package", "the value type's name is the rule's: said once",
			&sp.FieldError{Path: "/born", Rule: "date", Err: wrap("socialprescribing: date: no such day in the calendar", sp.ErrInvalid)}, "/born: date: no such day in the calendar"},
		{"rule inside the text", "only the part right after the package is the rule's name",
			&sp.FieldError{Path: "/a", Rule: "date", Err: wrap("plan: agree: date is before the plan", sp.ErrInvalid)}, "/a: date: agree: date is before the plan"},
		{"another category", "only the category the cause wraps is left out",
			&sp.FieldError{Path: "/a", Rule: "x", Err: wrap("reads: invalid", sp.ErrSyntax)}, "/a: x: reads: invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

func wrap(msg string, category error) error { return &wrapped{msg + ": " + category.Error(), category} }

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// limited has a slice whose validate tag bounds its items.
type limited struct {
	Needs []sp.Severity `json:"needs" validate:"max=11,dive"`
	Exact []int         `json:"exact,omitempty" validate:"len=3"`
}

// TestDecodeArrayLimits: an array longer than its tag allows is refused by the decoder, which stores
// no more items than the limit.
func TestDecodeArrayLimits(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		doc    string
		want   string // the one FieldError's text; "" if accepted
	}{
		{"at max", "eleven items are allowed", `{"needs":[` + items(11) + `]}`, ""},
		{"past max", "twelve are one too many", `{"needs":[` + items(12) + `]}`, "/needs: max: number of items must be at most 11"},
		{"len exact", "len is checked by Validate below the limit, by the decoder above it", `{"needs":[],"exact":[1,2,3]}`, ""},
		{"past len", "four items where three go", `{"needs":[],"exact":[1,2,3,4]}`, "/exact: len: number of items must be exactly 3"},
		{"items past the limit are checked", "a bad item after the limit is still a problem", `{"needs":[` + items(12) + `,"x"]}`, "/needs: max: number of items must be at most 11; /needs/12: enum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l limited
			err := sp.Decode([]byte(tt.doc), &l)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Decode: %v (%s)", err, tt.reason)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Decode error %v, want %q (%s)", err, tt.want, tt.reason)
			}
		})
	}
}

func items(n int) string {
	return strings.TrimSuffix(strings.Repeat(`"info",`, n), ",")
}

// TestDecodeMemoryIsBounded decodes a million items where the tag allows eleven, and a million
// unknown keys: each costs a small, fixed amount of memory beside the document, however long it is.
func TestDecodeMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 8 MB documents")
	}
	tests := []struct {
		name   string
		reason string
		doc    string
		into   func() any
	}{
		{"a million needs", "items past max=11 are checked and not stored", `{"needs":[` + items(1_000_000) + `]}`, func() any { return new(limited) }},
		{"a million unknown keys", "errors past the 100th are counted, and unknown keys no longer remembered", `{` + strings.Repeat(`"k":1,`, 1_000_000) + `"name":"x"}`, func() any { return new(testDoc) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.doc)
			v := tt.into()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := sp.Decode(data, v)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("Decode accepted the document")
			}
			// The document is 7–8 MB; a decoder that stored every item or error would take over 16 MB.
			if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
				t.Errorf("Decode allocated %d bytes, want at most 1 MiB (%s)", got, tt.reason)
			}
		})
	}
}

// BenchmarkDecodeOversizedArray decodes a million items where the tag allows eleven: B/op stays
// that of eleven items.
func BenchmarkDecodeOversizedArray(b *testing.B) {
	data := []byte(`{"needs":[` + items(1_000_000) + `]}`)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var l limited
		sinkErr = sp.Decode(data, &l)
	}
}

// TestDecodeDateTimeIsRFC3339 holds time.Time fields to RFC 3339 section 5.6, which JSON Schema's
// date-time format and the schemas' pattern follow; Go's own parser is looser in the cases marked.
func TestDecodeDateTimeIsRFC3339(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		at     string
		ok     bool
	}{
		{"utc", "Z for UTC", "2024-05-15T10:30:00Z", true},
		{"offset", "a numeric offset", "2024-05-15T10:30:00+01:00", true},
		{"negative zero offset", "RFC 3339 4.3 allows -00:00", "2024-05-15T10:30:00-00:00", true},
		{"fraction", "any number of fraction digits", "2024-05-15T10:30:00.123456789+14:00", true},
		{"offset hour 24", "time-numoffset's hour is 00-23; Go accepts it", "2024-05-15T10:30:00+24:00", false},
		{"offset minute 60", "time-numoffset's minute is 00-59; Go accepts it", "2024-05-15T10:30:00+23:60", false},
		{"comma fraction", "time-secfrac starts with a dot; Go accepts a comma", "2024-05-15T10:30:00,5Z", false},
		{"one-digit hour", "time-hour is two digits; Go accepts one", "2024-05-15T9:30:00Z", false},
		{"hour 24", "time-hour is 00-23", "2024-05-15T24:00:00Z", false},
		{"no offset", "a date-time has Z or an offset", "2024-05-15T10:30:00", false},
		{"offset without colon", "time-numoffset has a colon", "2024-05-15T10:30:00+0100", false},
		{"space separator", "the library writes and reads T", "2024-05-15 10:30:00Z", false},
		{"empty fraction", "a dot needs digits", "2024-05-15T10:30:00.Z", false},
		{"no such day", "the calendar is checked too", "2024-02-30T10:30:00Z", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d testDoc
			err := sp.Decode([]byte(`{"name":"x","at":"`+tt.at+`"}`), &d)
			if (err == nil) != tt.ok {
				t.Fatalf("Decode of at %q: %v, want ok %v (%s)", tt.at, err, tt.ok, tt.reason)
			}
			var ve *sp.ValidationError
			if err != nil && (!errors.As(err, &ve) || !ve.Has("/at", "date-time") || strings.Contains(err.Error(), tt.at)) {
				t.Fatalf("error %v, want rule date-time at /at without the value", err)
			}
		})
	}
}
