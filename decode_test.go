package socialprescribing_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

// inner is a nested document item, reached by paths like /a/0/b.
type inner struct {
	B int    `json:"b"`
	C string `json:"c,omitempty"`
}

// testDoc has one field of every kind the strict decoder handles.
type testDoc struct {
	Name     string              `json:"name"`
	Age      int                 `json:"age,omitempty"`
	Small    int8                `json:"small,omitempty"`
	Count    uint16              `json:"count,omitempty"`
	Ratio    float64             `json:"ratio,omitempty"`
	Ratio32  float32             `json:"ratio32,omitempty"`
	Score    *int                `json:"score,omitempty"`
	Active   bool                `json:"active,omitempty"`
	Born     sp.Date             `json:"born,omitzero"`
	NHS      sp.NHSNumber        `json:"nhsNumber,omitzero"`
	Severity sp.Severity         `json:"severity,omitempty"`
	At       time.Time           `json:"at,omitzero"`
	Tags     []string            `json:"tags,omitempty"`
	A        []inner             `json:"a,omitempty"`
	Meta     map[string]int      `json:"meta,omitempty"`
	Sub      *inner              `json:"sub,omitempty"`
	Pair     [2]int              `json:"pair,omitzero"`
	Dates    map[string]sp.Date  `json:"dates,omitempty"`
	Counts   map[sp.Severity]int `json:"counts,omitempty"`
	Raw      []byte              `json:"raw,omitempty"`
	Ignored  string              `json:"-"`
}

type ruleAt struct{ Path, Rule string }

func rulesOf(t *testing.T, err error) []ruleAt {
	t.Helper()
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	if len(ve.Errors) == 0 {
		t.Fatalf("ValidationError with no FieldErrors")
	}
	var out []ruleAt
	for _, fe := range ve.Errors {
		out = append(out, ruleAt{fe.Path, fe.Rule})
	}
	return out
}

func TestDecodeRules(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   []ruleAt // nil: decodes
		is     error    // a sentinel every listed error... at least one error wraps
	}{
		{"valid minimal", "a known key with the right type", `{"name":"x"}`, nil, nil},
		{"valid full", "every field kind", `{"name":"x","age":-3,"small":-128,"count":65535,"ratio":1.5e3,"ratio32":0.25,"score":0,"active":true,"born":"2024-02-29","nhsNumber":"9434765919","severity":"info","at":"2024-02-01T10:00:00Z","tags":["a",""],"a":[{"b":1},{"b":2,"c":"z"}],"meta":{"k":1},"sub":{"b":0},"pair":[1,2],"dates":{"d":"2000-02-29"}}`, nil, nil},
		{"valid enum keys", "a map keyed by an enum", `{"counts":{"error":1,"info":0}}`, nil, nil},
		{"valid base64", "encoding/json writes []byte as base64", `{"raw":"aGVsbG8="}`, nil, nil},
		{"valid byte array", "encoding/json also reads []byte from an array of numbers", `{"raw":[104,105]}`, nil, nil},
		{"valid escaped key", "a key is compared after unescaping, as encoding/json does", `{"\u006eame":"x"}`, nil, nil},
		{"valid escaped string", "escapes in values are fine", `{"name":"a\"b\\c\u00e9\ud83d\ude00"}`, nil, nil},
		{"valid escaped date", "a value type sees the unescaped text", `{"born":"2024\u002d02-29"}`, nil, nil},
		{"valid whitespace", "white space around the document is fine", " \n\t{ \"name\" : \"x\" } \r\n", nil, nil},
		{"valid float32 max", "the shortest form of the largest float32 rounds to it", `{"ratio32":3.4028235e38,"ratio":1.7976931348623157e308}`, nil, nil},
		{"valid empty object", "no key is required by the decoder", `{}`, nil, nil},

		{"unknown field", "a key the type does not define", `{"name":"x","nmae":"y"}`, []ruleAt{{"/nmae", "unknown-field"}}, sp.ErrUnknownField},
		{"wrong-case key", "encoding/json would accept Name for name", `{"Name":"x"}`, []ruleAt{{"/Name", "unknown-field"}}, sp.ErrUnknownField},
		{"wrong-case camel", "nhsnumber is not nhsNumber", `{"nhsnumber":"9434765919"}`, []ruleAt{{"/nhsnumber", "unknown-field"}}, sp.ErrUnknownField},
		{"go name", "the Go field name is not a JSON name", `{"NHS":"9434765919"}`, []ruleAt{{"/NHS", "unknown-field"}}, sp.ErrUnknownField},
		{"ignored field", `a json:"-" field is not a key`, `{"Ignored":"x"}`, []ruleAt{{"/Ignored", "unknown-field"}}, sp.ErrUnknownField},
		{"unknown nested", "unknown key inside an array item", `{"a":[{"b":1},{"b":2,"x":{"deep":[1,{"y":2}]}}]}`, []ruleAt{{"/a/1/x", "unknown-field"}}, sp.ErrUnknownField},
		{"unknown key escaped", "a key that is not name-like (here a /) is reported at its object, not shown", `{"a/b":1}`, []ruleAt{{"", "unknown-field"}}, sp.ErrUnknownField},
		{"unknown key tilde", "a key that is not name-like (here a ~) is reported at its object, not shown", `{"m~n":1}`, []ruleAt{{"", "unknown-field"}}, sp.ErrUnknownField},
		{"unknown key personal", "a name and an NHS number in key position are not shown, and the two reported at the object are one problem there", `{"John Smith":1,"9434765919":2}`, []ruleAt{{"", "unknown-field"}}, sp.ErrUnknownField},

		{"duplicate escaped", "the same key written once plainly and once with an escape", `{"name":"x","n\u0061me":"y"}`, []ruleAt{{"/name", "duplicate-field"}}, sp.ErrDuplicateField},
		{"wrong-case escaped", "an escaped capital is still the wrong case", `{"\u004eame":"x"}`, []ruleAt{{"/Name", "unknown-field"}}, sp.ErrUnknownField},
		{"duplicate field", "the same key twice", `{"name":"x","name":"y"}`, []ruleAt{{"/name", "duplicate-field"}}, sp.ErrDuplicateField},
		{"duplicate nested", "the same key twice in an array item", `{"a":[{"b":1},{"b":2,"b":3}]}`, []ruleAt{{"/a/1/b", "duplicate-field"}}, sp.ErrDuplicateField},
		{"duplicate map key", "the same key twice in a map", `{"meta":{"k":1,"k":2}}`, []ruleAt{{"/meta/k", "duplicate-field"}}, sp.ErrDuplicateField},
		{"duplicate unknown", "an unknown key given twice", `{"zz":1,"zz":2}`, []ruleAt{{"/zz", "duplicate-field"}, {"/zz", "unknown-field"}}, sp.ErrDuplicateField},

		{"null field", "null is not a value; leave the key out", `{"name":null}`, []ruleAt{{"/name", "null"}}, sp.ErrInvalid},
		{"null pointer field", "null is rejected for pointers too", `{"score":null}`, []ruleAt{{"/score", "null"}}, sp.ErrInvalid},
		{"null item", "null inside an array", `{"tags":["a",null]}`, []ruleAt{{"/tags/1", "null"}}, sp.ErrInvalid},
		{"null map value", "null inside a map", `{"meta":{"k":null}}`, []ruleAt{{"/meta/k", "null"}}, sp.ErrInvalid},
		{"null nested", "null deep in the document", `{"a":[{"b":null}]}`, []ruleAt{{"/a/0/b", "null"}}, sp.ErrInvalid},
		{"null document", "the whole document is null", `null`, []ruleAt{{"", "null"}}, sp.ErrInvalid},
		{"null value type", "null where a date goes", `{"born":null}`, []ruleAt{{"/born", "null"}}, sp.ErrInvalid},

		{"string for int", "a quoted number is not a number", `{"age":"3"}`, []ruleAt{{"/age", "type"}}, sp.ErrInvalid},
		{"fraction for int", "an integer field takes no fraction", `{"age":1.5}`, []ruleAt{{"/age", "type"}}, sp.ErrInvalid},
		{"exponent for int", "encoding/json rejects 1e2 for an int", `{"age":1e2}`, []ruleAt{{"/age", "type"}}, sp.ErrInvalid},
		{"int8 overflow", "300 does not fit int8", `{"small":300}`, []ruleAt{{"/small", "type"}}, sp.ErrInvalid},
		{"int64 overflow", "beyond int64", `{"age":99999999999999999999}`, []ruleAt{{"/age", "type"}}, sp.ErrInvalid},
		{"negative uint", "an unsigned field takes no sign", `{"count":-1}`, []ruleAt{{"/count", "type"}}, sp.ErrInvalid},
		{"uint16 overflow", "65536 does not fit uint16", `{"count":65536}`, []ruleAt{{"/count", "type"}}, sp.ErrInvalid},
		{"float overflow", "1e400 is not a float64", `{"ratio":1e400}`, []ruleAt{{"/ratio", "type"}}, sp.ErrInvalid},
		{"float32 overflow", "1e39 does not fit a float32", `{"ratio32":1e39}`, []ruleAt{{"/ratio32", "type"}}, sp.ErrInvalid},
		{"string for float", "a quoted number is not a number", `{"ratio":"1"}`, []ruleAt{{"/ratio", "type"}}, sp.ErrInvalid},
		{"number for string", "a number is not a string", `{"name":5}`, []ruleAt{{"/name", "type"}}, sp.ErrInvalid},
		{"object for string", "the whole wrong value is skipped", `{"name":{"x":[1,{"y":null}]},"age":2}`, []ruleAt{{"/name", "type"}}, sp.ErrInvalid},
		{"string for bool", "\"true\" is not true", `{"active":"true"}`, []ruleAt{{"/active", "type"}}, sp.ErrInvalid},
		{"number for bool", "1 is not true", `{"active":1}`, []ruleAt{{"/active", "type"}}, sp.ErrInvalid},
		{"string for array", "a string is not an array", `{"tags":"a"}`, []ruleAt{{"/tags", "type"}}, sp.ErrInvalid},
		{"object for array", "an object is not an array", `{"a":{}}`, []ruleAt{{"/a", "type"}}, sp.ErrInvalid},
		{"array for object", "an array is not an object", `{"sub":[]}`, []ruleAt{{"/sub", "type"}}, sp.ErrInvalid},
		{"array for map", "an array is not an object", `{"meta":[1]}`, []ruleAt{{"/meta", "type"}}, sp.ErrInvalid},
		{"short fixed array", "a [2]int takes exactly two items", `{"pair":[1]}`, []ruleAt{{"/pair", "type"}}, sp.ErrInvalid},
		{"nested type", "wrong type deep in the document", `{"a":[{"b":1},{"b":"2"}]}`, []ruleAt{{"/a/1/b", "type"}}, sp.ErrInvalid},
		{"number for date", "a date is a string", `{"born":20240201}`, []ruleAt{{"/born", "type"}}, sp.ErrInvalid},
		{"document type", "the document is an object", `[]`, []ruleAt{{"", "type"}}, sp.ErrInvalid},

		{"bad date", "no 30 February", `{"born":"2024-02-30"}`, []ruleAt{{"/born", "date"}}, sp.ErrInvalid},
		{"malformed date", "month must be two digits", `{"born":"2024-2-01"}`, []ruleAt{{"/born", "date"}}, sp.ErrSyntax},
		{"date in map", "value types are checked inside maps", `{"dates":{"x":"2023-02-29"}}`, []ruleAt{{"/dates/x", "date"}}, sp.ErrInvalid},
		{"bad nhs number", "fails Modulus 11", `{"nhsNumber":"9434765918"}`, []ruleAt{{"/nhsNumber", "nhsnumber"}}, sp.ErrInvalid},
		{"spaced nhs number", "documents carry the ten digits only", `{"nhsNumber":"943 476 5919"}`, []ruleAt{{"/nhsNumber", "nhsnumber"}}, sp.ErrSyntax},
		{"bad enum", "not a defined severity", `{"severity":"fatal"}`, []ruleAt{{"/severity", "enum"}}, sp.ErrInvalid},
		{"enum wrong case", "enums are exact", `{"severity":"Error"}`, []ruleAt{{"/severity", "enum"}}, sp.ErrInvalid},
		{"bad enum key", "map keys of an enum type are checked", `{"name":"changed","counts":{"error":1,"fatal":2}}`, []ruleAt{{"/counts/fatal", "enum"}}, sp.ErrInvalid},
		{"bad base64", "a []byte string must be base64", `{"raw":"not base64!"}`, []ruleAt{{"/raw", "type"}}, sp.ErrInvalid},
		{"byte overflow", "a []byte item is a byte", `{"raw":[256]}`, []ruleAt{{"/raw/0", "type"}}, sp.ErrInvalid},
		{"bad date-time", "not RFC 3339", `{"at":"2024-02-01 10:00"}`, []ruleAt{{"/at", "date-time"}}, sp.ErrSyntax},

		{"trailing object", "a second document", `{"name":"x"} {}`, []ruleAt{{"", "trailing-data"}}, sp.ErrSyntax},
		{"trailing garbage", "anything after the document", `{"name":"x"}x`, []ruleAt{{"", "trailing-data"}}, sp.ErrSyntax},
		{"trailing bracket", "an unmatched close", `{"name":"x"}]`, []ruleAt{{"", "trailing-data"}}, sp.ErrSyntax},

		{"empty input", "no document at all", ``, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"truncated", "the document ends too soon", `{"name":`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"missing colon", "malformed JSON", `{"name" "x"}`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"single quotes", "JSON strings use double quotes", `{'name':'x'}`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"trailing comma", "JSON has no trailing commas", `{"tags":["a",]}`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"trailing comma object", "JSON has no trailing commas", `{"name":"x",}`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},
		{"syntax wins", "a syntax error is the one error reported", `{"zz":1,"age":"x",`, []ruleAt{{"", "syntax"}}, sp.ErrSyntax},

		{"all reported", "every problem is reported, sorted by path then rule",
			`{"nmae":1,"age":"x","born":"bad","a":[{"b":null}],"active":true,"Active":true}`,
			[]ruleAt{{"/Active", "unknown-field"}, {"/a/0/b", "null"}, {"/age", "type"}, {"/born", "date"}, {"/nmae", "unknown-field"}}, sp.ErrUnknownField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := testDoc{Name: "before", Tags: []string{"t"}, Meta: map[string]int{"m": 1}}
			got := orig
			err := sp.Decode([]byte(tt.in), &got)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Decode(%s) error = %v, want nil (%s)", tt.in, err, tt.reason)
				}
				var ref testDoc
				if err := json.Unmarshal([]byte(tt.in), &ref); err != nil {
					t.Fatalf("encoding/json rejects the valid case: %v", err)
				}
				var fresh testDoc
				_ = sp.Decode([]byte(tt.in), &fresh)
				if diff := cmp.Diff(ref, fresh); diff != "" {
					t.Errorf("Decode differs from encoding/json (-json +Decode):\n%s", diff)
				}
				return
			}
			if err == nil {
				t.Fatalf("Decode(%s) = nil, want %v (%s)", tt.in, tt.want, tt.reason)
			}
			if diff := cmp.Diff(tt.want, rulesOf(t, err)); diff != "" {
				t.Errorf("Decode(%s) rules (-want +got) (%s):\n%s", tt.in, tt.reason, diff)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
			var ve *sp.ValidationError
			errors.As(err, &ve)
			if !strings.HasSuffix(ve.Type, ".testDoc") {
				t.Errorf("Type = %q, want the package-qualified name of testDoc", ve.Type)
			}
			for _, fe := range ve.Errors {
				if fe.Err == nil || !strings.HasPrefix(fe.Err.Error(), "socialprescribing: ") {
					t.Errorf("FieldError %v: cause does not start with the package name", fe)
				}
			}
			if diff := cmp.Diff(orig, got); diff != "" {
				t.Errorf("v changed on error (-before +after):\n%s", diff)
			}
		})
	}
}

func TestDecodeBadTarget(t *testing.T) {
	var d testDoc
	var nilPtr *testDoc
	tests := []struct {
		name   string
		reason string
		v      any
	}{
		{"non-pointer", "Decode needs somewhere to write", d},
		{"nil pointer", "a nil pointer cannot be written", nilPtr},
		{"nil", "no target at all", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := sp.Decode([]byte(`{}`), tt.v)
			if !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("Decode into %T error = %v, want ErrInvalid (%s)", tt.v, err, tt.reason)
			}
		})
	}
}

func TestDecodeIntoScalarsAndMaps(t *testing.T) {
	var n int
	if err := sp.Decode([]byte(` 42 `), &n); err != nil || n != 42 {
		t.Errorf("Decode into *int = %d, %v; want 42", n, err)
	}
	var m map[string][]sp.Date
	if err := sp.Decode([]byte(`{"x":["2024-01-01"],"y":[]}`), &m); err != nil {
		t.Fatalf("Decode into map: %v", err)
	}
	want := map[string][]sp.Date{"x": {sp.MustParseDate("2024-01-01")}, "y": {}}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("Decode into map (-want +got):\n%s", diff)
	}
	var f sp.Finding
	err := sp.Decode([]byte(`{"rule":"r","severity":"warning","message":"m","extra":1}`), &f)
	if diff := cmp.Diff([]ruleAt{{"/extra", "unknown-field"}}, rulesOf(t, err)); diff != "" {
		t.Errorf("Finding decode (-want +got):\n%s", diff)
	}
	var ve *sp.ValidationError
	if errors.As(err, &ve); ve.Type != "socialprescribing.Finding" {
		t.Errorf("Type = %q, want socialprescribing.Finding", ve.Type)
	}
}

// placement puts a secret into a document so that the decoder must reject it.
type placement struct {
	name string
	doc  func(secretJSON string) string
}

var secretPlacements = []placement{
	{"string field", func(s string) string { return `{"name":` + s + `}` }},
	{"int field", func(s string) string { return `{"age":` + s + `}` }},
	{"int8 field", func(s string) string { return `{"small":` + s + `}` }},
	{"uint field", func(s string) string { return `{"count":` + s + `}` }},
	{"float32 field", func(s string) string { return `{"ratio32":` + s + `}` }},
	{"bool field", func(s string) string { return `{"active":` + s + `}` }},
	{"date field", func(s string) string { return `{"born":` + s + `}` }},
	{"nhs field", func(s string) string { return `{"nhsNumber":` + s + `}` }},
	{"enum field", func(s string) string { return `{"severity":` + s + `}` }},
	{"date-time field", func(s string) string { return `{"at":` + s + `}` }},
	{"array field", func(s string) string { return `{"tags":` + s + `}` }},
	{"array item", func(s string) string { return `{"tags":["ok",` + s + `,{}]}` }},
	{"nested", func(s string) string { return `{"a":[{"b":` + s + `}]}` }},
	{"map value", func(s string) string { return `{"dates":{"k":` + s + `}}` }},
	{"unknown key value", func(s string) string { return `{"unknownKey":` + s + `}` }},
	{"wrong-case key value", func(s string) string { return `{"Name":` + s + `}` }},
	{"trailing data", func(s string) string { return `{"name":"x"} ` + s }},
	{"truncated after", func(s string) string { return `{"name":"x","tags":[` + s }},
	{"malformed after", func(s string) string { return `{"tags":[` + s + ` ` + s + `]}` }},
}

func TestDecodeErrorsNeverContainValues(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var secret, secretJSON string
		switch rapid.IntRange(0, 3).Draw(t, "kind") {
		case 0: // a string
			secret = rapid.StringMatching(`[A-Za-z][A-Za-z0-9 ._-]{7,20}[A-Za-z0-9]`).Draw(t, "string")
			secretJSON = strconv.Quote(secret)
		case 1: // a number
			secret = strconv.FormatInt(rapid.Int64Range(1_000_000, 1<<62).Draw(t, "int"), 10)
			if rapid.Bool().Draw(t, "negative") {
				secret = "-" + secret
			}
			secretJSON = secret
		case 2: // an NHS-number-like string (valid or not)
			secret = rapid.StringMatching(`[0-9]{10}`).Draw(t, "digits")
			secretJSON = strconv.Quote(secret)
		default: // a decimal fraction
			secret = strconv.FormatInt(rapid.Int64Range(1_000_000, 1<<40).Draw(t, "whole"), 10) + ".25"
			secretJSON = secret
		}
		p := rapid.SampledFrom(secretPlacements).Draw(t, "placement")
		doc := p.doc(secretJSON)
		var v testDoc
		err := sp.Decode([]byte(doc), &v)
		if err == nil {
			return // a string is a fine name, a number a fine age: nothing to leak
		}
		texts := []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
		var ve *sp.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				texts = append(texts, fe.Error(), fe.Rule)
				if fe.Err != nil {
					texts = append(texts, fe.Err.Error())
				}
			}
		}
		for _, s := range texts {
			if strings.Contains(s, secret) {
				t.Fatalf("error text %q contains the document value %q (document %s)", s, secret, doc)
			}
		}
	})
}

// genInner and genDoc draw valid documents with explicit generators.
var genInner = rapid.Custom(func(t *rapid.T) inner {
	return inner{B: rapid.Int().Draw(t, "b"), C: rapid.String().Draw(t, "c")}
})

var genDoc = rapid.Custom(func(t *rapid.T) testDoc {
	d := testDoc{
		Name:     rapid.String().Draw(t, "name"),
		Age:      rapid.Int().Draw(t, "age"),
		Small:    rapid.Int8().Draw(t, "small"),
		Count:    rapid.Uint16().Draw(t, "count"),
		Ratio:    rapid.Float64().Draw(t, "ratio"),
		Ratio32:  rapid.Float32().Draw(t, "ratio32"),
		Score:    rapid.Ptr(rapid.IntRange(0, 10), true).Draw(t, "score"),
		Active:   rapid.Bool().Draw(t, "active"),
		Severity: rapid.SampledFrom([]sp.Severity{"", "error", "warning", "info"}).Draw(t, "severity"),
		Tags:     rapid.SliceOf(rapid.String()).Draw(t, "tags"),
		A:        rapid.SliceOf(genInner).Draw(t, "a"),
		Meta:     rapid.MapOf(rapid.String(), rapid.Int()).Draw(t, "meta"),
		Sub:      rapid.Ptr(genInner, true).Draw(t, "sub"),
		Pair:     [2]int{rapid.Int().Draw(t, "p0"), rapid.Int().Draw(t, "p1")},
		Counts:   rapid.MapOf(rapid.SampledFrom(sp.Severities()), rapid.Int()).Draw(t, "counts"),
		Raw:      rapid.SliceOf(rapid.Byte()).Draw(t, "raw"),
	}
	if rapid.Bool().Draw(t, "has-born") {
		d.Born, _ = genDate(t, "born")
	}
	if rapid.Bool().Draw(t, "has-nhs") {
		d.NHS = sp.MustParseNHSNumber(genValidNHS.Draw(t, "nhs"))
	}
	if rapid.Bool().Draw(t, "has-at") {
		_, tm := genDate(t, "at")
		secs := rapid.IntRange(0, 86399).Draw(t, "secs")
		off := rapid.IntRange(-14*60, 14*60).Draw(t, "offset-minutes")
		d.At = tm.Add(time.Duration(secs) * time.Second).In(time.FixedZone("", off*60))
	}
	if rapid.Bool().Draw(t, "has-dates") {
		d.Dates = map[string]sp.Date{}
		for i := range rapid.IntRange(0, 3).Draw(t, "n-dates") {
			d.Dates[strconv.Itoa(i)], _ = genDate(t, "date")
		}
	}
	return d
})

func TestDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDoc.Draw(t, "doc")
		if f := float64(d.Ratio32); f != f || d.Ratio != d.Ratio {
			t.Skip("NaN has no JSON form")
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Skipf("encoding/json cannot write this value: %v", err) // infinities
		}
		var got testDoc
		if err := sp.Decode(data, &got); err != nil {
			t.Fatalf("Decode(%s) error = %v", data, err)
		}
		if diff := cmp.Diff(d, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(testDoc{}, "Ignored")); diff != "" {
			t.Fatalf("Decode(json.Marshal(d)) != d (-want +got):\n%s", diff)
		}
	})
}

func TestDecodeLeavesValueOnError(t *testing.T) {
	breakers := []string{`"unknownKey":1`, `"name":null`, `"age":"x"`, `"born":"2024-02-30"`, `"counts":{"fatal":1}`, `"ratio32":1e39`, `"tags":[1]`}
	rapid.Check(t, func(t *rapid.T) {
		d := genDoc.Draw(t, "doc")
		if d.Ratio != d.Ratio || d.Ratio32 != d.Ratio32 {
			t.Skip("NaN has no JSON form")
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Skipf("encoding/json cannot write this value: %v", err)
		}
		br := rapid.SampledFrom(breakers).Draw(t, "breaker")
		// Put the broken member last, so that every other member is well formed and could be written.
		bad := string(data[:len(data)-1])
		if bad != "{" {
			bad += ","
		}
		bad += br + "}"

		before := genDoc.Draw(t, "before")
		got := before // shares maps and slices with before, so a write through them shows in the clone only
		snapshot := cloneDoc(before)
		if err := sp.Decode([]byte(bad), &got); err == nil {
			t.Fatalf("Decode(%s) = nil, want an error", bad)
		}
		if diff := cmp.Diff(snapshot, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Decode changed v on error (-before +after):\n%s", diff)
		}
	})
}

// cloneDoc copies d deeply.
func cloneDoc(d testDoc) testDoc {
	c := d
	c.Tags = slices.Clone(d.Tags)
	c.A = slices.Clone(d.A)
	c.Meta = maps.Clone(d.Meta)
	c.Dates = maps.Clone(d.Dates)
	c.Counts = maps.Clone(d.Counts)
	c.Raw = slices.Clone(d.Raw)
	if d.Score != nil {
		v := *d.Score
		c.Score = &v
	}
	if d.Sub != nil {
		v := *d.Sub
		c.Sub = &v
	}
	return c
}
