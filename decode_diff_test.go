package socialprescribing

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// The types below cover every kind Decode fills itself, and a few it leaves to encoding/json.

type diffInner struct {
	B int    `json:"b"`
	C string `json:"c,omitempty"`
}

// DiffEmbedded is embedded by value: its fields are promoted.
type DiffEmbedded struct {
	E1 string `json:"e1,omitempty"`
	E2 int    `json:"e2,omitempty"`
	// Name is hidden by diffDoc.Name, which is shallower.
	Name string `json:"name,omitempty"`
}

// diffHidden is an unexported embedded struct with exported fields, which encoding/json fills.
type diffHidden struct {
	P1 bool `json:"p1,omitempty"`
}

// DiffEmbedPtr is embedded through a pointer, which encoding/json allocates when it fills a field.
type DiffEmbedPtr struct {
	Q1 float64 `json:"q1,omitempty"`
	Q2 *int    `json:"q2,omitempty"`
}

type diffKey string

type diffDoc struct {
	DiffEmbedded
	diffHidden
	*DiffEmbedPtr
	Name     string                    `json:"name"`
	Age      int                       `json:"age,omitempty"`
	Small    int8                      `json:"small,omitempty"`
	Big      int64                     `json:"big,omitempty"`
	Count    uint16                    `json:"count,omitempty"`
	Huge     uint64                    `json:"huge,omitempty"`
	Ratio    float64                   `json:"ratio,omitempty"`
	Ratio32  float32                   `json:"ratio32,omitempty"`
	Score    *int                      `json:"score,omitempty"`
	PP       **string                  `json:"pp,omitempty"`
	Active   bool                      `json:"active,omitempty"`
	Born     Date                      `json:"born,omitzero"`
	NHS      NHSNumber                 `json:"nhsNumber,omitzero"`
	Severity Severity                  `json:"severity,omitempty"`
	SevPtr   *Severity                 `json:"sevPtr,omitempty"`
	At       time.Time                 `json:"at,omitzero"`
	AtPtr    *time.Time                `json:"atPtr,omitempty"`
	Tags     []string                  `json:"tags,omitempty"`
	A        []diffInner               `json:"a,omitempty"`
	APtr     []*diffInner              `json:"aPtr,omitempty"`
	Meta     map[string]int            `json:"meta,omitempty"`
	Named    map[diffKey]string        `json:"named,omitempty"`
	Counts   map[Severity]int          `json:"counts,omitempty"`
	Dates    map[string]Date           `json:"dates,omitempty"`
	Nested   map[string][]int8         `json:"nested,omitempty"`
	Sub      *diffInner                `json:"sub,omitempty"`
	Pair     [2]int                    `json:"pair,omitzero"`
	Raw      []byte                    `json:"raw,omitempty"`
	Num      json.Number               `json:"num,omitempty"`
	Any      any                       `json:"any,omitempty"`
	AnyMap   map[string]any            `json:"anyMap,omitempty"`
	RawMsg   json.RawMessage           `json:"rawMsg,omitempty"`
	Matrix   [][]float64               `json:"matrix,omitempty"`
	Days     map[string]time.Time      `json:"days,omitempty"`
	Deep     map[string]map[string]int `json:"deep,omitempty"`
	NoTag    string
	Ignored  string `json:"-"`
	unexp    int    // not a key, and kept when v is merged into
}

// diffQuoted has a ",string" field, which the walk does not reproduce: Decode leaves it to encoding/json.
type diffQuoted struct {
	N int    `json:"n,string"`
	S string `json:"s"`
}

// DiffConflictA and DiffConflictB both define X at the same depth, so encoding/json ignores X.
type DiffConflictA struct {
	X int
}

type DiffConflictB struct {
	X string
}

type diffSlow struct {
	DiffConflictA
	DiffConflictB
	Q     diffQuoted          `json:"q"`
	Times map[diffTimeKey]int `json:"times,omitempty"`
	D     diffDoc             `json:"d"`
}

// diffTimeKey is a map key that encoding/json reads through UnmarshalJSON, which sees the quotes
// and escapes, where the walk checks it with UnmarshalText.
type diffTimeKey string

func (k *diffTimeKey) UnmarshalText(b []byte) error {
	if _, err := time.Parse(time.RFC3339, string(b)); err != nil {
		return errors.New("socialprescribing: test key: not a time")
	}
	*k = diffTimeKey(b)
	return nil
}

func (k *diffTimeKey) UnmarshalJSON(b []byte) error {
	*k = diffTimeKey(b)
	return nil
}

// diffTargets are the types the differential property decodes into.
var diffTargets = []reflect.Type{
	reflect.TypeFor[diffDoc](),
	reflect.TypeFor[diffSlow](),
	reflect.TypeFor[[]diffInner](),
	reflect.TypeFor[map[string]*diffInner](),
	reflect.TypeFor[*int](),
	reflect.TypeFor[any](),
	reflect.TypeFor[[3]uint8](),
}

// pieces of JSON strings: escapes of every kind, surrogate pairs and lone surrogates, UTF-8 and
// malformed UTF-8 (which encoding/json replaces with U+FFFD).
var stringPieces = []string{
	"a", "Z", " ", "~", "/", `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u0041`, `\u00e9`, `\u2028`,
	`\ud83d\ude00`, `\ud800`, `\udc00`, `\ud800\u0041`, `\ud800\udbff`, `\uD834\uDD1E`, "é", "😀", "\x7f",
	"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
}

func genString(t *rapid.T, label string) string {
	n := rapid.IntRange(0, 6).Draw(t, label+"-len")
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < n; i++ {
		b.WriteString(rapid.SampledFrom(stringPieces).Draw(t, label+"-piece"))
	}
	b.WriteByte('"')
	return b.String()
}

var intLits = []string{
	"0", "-0", "1", "-1", "7", "127", "128", "-128", "-129", "255", "256", "300", "65535", "65536",
	"2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
	"123456789012345678", "1234567890123456789", "-1234567890123456789", "99999999999999999999",
	"1e2", "1.5", "1.0", "-0.0", "1E0",
}

var floatLits = []string{
	"0", "-0", "1.5", "0.1", "1e400", "-1e400", "3.4028235e38", "3.4028236e38", "3.5e38", "1e39",
	"1e-400", "4.9e-324", "2.5e-45", "1E5", "1e+5", "1e-5", "123.456e-7", "1.7976931348623157e308",
	"1.7976931348623159e308", "0.30000000000000004", "12345678901234567890123",
}

var stringLits = map[reflect.Type][]string{
	reflect.TypeFor[Date]():        {`"2024-02-29"`, `"2023-02-29"`, `"2024\u002d02-29"`, `"2024-2-01"`, `"0001-01-01"`, `""`},
	reflect.TypeFor[NHSNumber]():   {`"9434765919"`, `"9434765918"`, `"943 476 5919"`, `"94347659\u0031\u0039"`},
	reflect.TypeFor[Severity]():    {`"error"`, `"warning"`, `"info"`, `"fatal"`, `"\u0065rror"`, `"Error"`, `"info\u0000"`},
	reflect.TypeFor[diffTimeKey](): {`"2024-02-01T10:00:00Z"`, `"2024-02-01T10:00:00\u005a"`, `"x"`},
	reflect.TypeFor[time.Time]():   {`"2024-02-01T10:00:00Z"`, `"2024-02-01T10:00:00+01:30"`, `"2024-02-01T10:00:00\u005a"`, `"2024-02-01 10:00"`, `"2024-02-01T10:00:00.123456789Z"`},
	reflect.TypeFor[json.Number](): {`"12"`, `"-1.5e3"`, `"abc"`, `""`, `"01"`, `"1."`, `"\u0031"`},
	reflect.TypeFor[[]byte]():      {`"aGVsbG8="`, `""`, `"not base64!"`, `"aGVs\nbG8="`, `"aGVsbG8"`, `"aGVs\u0062G8="`, `"\u00e9"`},
}

// genAny draws any JSON value, down to depth.
func genAny(t *rapid.T, depth int) string {
	k := rapid.IntRange(0, 7).Draw(t, "any-kind")
	if depth <= 0 && k >= 5 {
		k = 0
	}
	switch k {
	case 0:
		return genString(t, "any-string")
	case 1:
		return rapid.SampledFrom(append(append([]string{}, intLits...), floatLits...)).Draw(t, "any-number")
	case 2:
		return rapid.SampledFrom([]string{"true", "false"}).Draw(t, "any-bool")
	case 3:
		return "null"
	case 4:
		return rapid.SampledFrom(stringLits[reflect.TypeFor[Date]()]).Draw(t, "any-date")
	case 5:
		n := rapid.IntRange(0, 3).Draw(t, "any-items")
		items := make([]string, n)
		for i := range items {
			items[i] = genAny(t, depth-1)
		}
		return "[" + strings.Join(items, ws(t)+","+ws(t)) + "]"
	default:
		n := rapid.IntRange(0, 3).Draw(t, "any-members")
		members := make([]string, n)
		for i := range members {
			members[i] = genString(t, "any-key") + ":" + genAny(t, depth-1)
		}
		return "{" + strings.Join(members, ",") + "}"
	}
}

func ws(t *rapid.T) string {
	return rapid.SampledFrom([]string{"", "", "", " ", "\n", "\t ", "\r\n"}).Draw(t, "ws")
}

// genFor draws a JSON value for type ty: mostly one that fits, sometimes anything.
func genFor(t *rapid.T, ty reflect.Type, depth int) string {
	if rapid.IntRange(0, 19).Draw(t, "wild") == 0 {
		return genAny(t, 2)
	}
	for ty.Kind() == reflect.Pointer {
		ty = ty.Elem()
	}
	if lits, ok := stringLits[ty]; ok {
		return rapid.SampledFrom(lits).Draw(t, "lit")
	}
	switch ty {
	case reflect.TypeFor[json.RawMessage](), reflect.TypeFor[any]():
		return genAny(t, 2)
	}
	switch ty.Kind() {
	case reflect.String:
		return genString(t, "string")
	case reflect.Bool:
		return rapid.SampledFrom([]string{"true", "false"}).Draw(t, "bool")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if rapid.Bool().Draw(t, "random-int") {
			return strconv.FormatInt(rapid.Int64Range(-300, 70000).Draw(t, "int"), 10)
		}
		return rapid.SampledFrom(intLits).Draw(t, "int-lit")
	case reflect.Float32, reflect.Float64:
		if rapid.Bool().Draw(t, "random-float") {
			return strconv.FormatFloat(rapid.Float64Range(-1e6, 1e6).Draw(t, "float"), rapid.SampledFrom([]byte{'g', 'e', 'f'}).Draw(t, "fmt"), -1, 64)
		}
		return rapid.SampledFrom(floatLits).Draw(t, "float-lit")
	case reflect.Slice, reflect.Array:
		n := rapid.IntRange(0, 4).Draw(t, "items")
		if ty.Kind() == reflect.Array && rapid.IntRange(0, 3).Draw(t, "exact") > 0 {
			n = ty.Len()
		}
		if depth <= 0 {
			n = 0
		}
		items := make([]string, n)
		for i := range items {
			items[i] = genFor(t, ty.Elem(), depth-1)
		}
		return "[" + ws(t) + strings.Join(items, ws(t)+","+ws(t)) + ws(t) + "]"
	case reflect.Map:
		n := rapid.IntRange(0, 4).Draw(t, "entries")
		if depth <= 0 {
			n = 0
		}
		members := make([]string, n)
		for i := range members {
			var key string
			if lits, ok := stringLits[ty.Key()]; ok {
				key = rapid.SampledFrom(lits).Draw(t, "key-lit")
			} else {
				key = rapid.SampledFrom([]string{`"k"`, `"k"`, `"\u006b"`, `"a/b"`, `"m~n"`, `""`, `"\xff"`, `"\ufffd"`}).Draw(t, "key")
			}
			members[i] = key + ws(t) + ":" + ws(t) + genFor(t, ty.Elem(), depth-1)
		}
		return "{" + strings.Join(members, ","+ws(t)) + "}"
	case reflect.Struct:
		fields := jsonFields(ty)
		names := []string{"unknownKey", "Name", "NAME", "nhsnumber", "X", "n"}
		for name := range fields {
			names = append(names, name)
		}
		n := rapid.IntRange(0, 8).Draw(t, "members")
		if depth <= 0 {
			n = 0
		}
		members := make([]string, n)
		for i := range members {
			name := rapid.SampledFrom(names).Draw(t, "name")
			var vty reflect.Type = reflect.TypeFor[any]()
			if f, ok := fields[name]; ok {
				vty = ty.FieldByIndex(f.index).Type
			}
			key := strconv.Quote(name)
			if rapid.IntRange(0, 9).Draw(t, "escape-key") == 0 && name != "" {
				key = fmt.Sprintf(`"\u%04x%s"`, name[0], name[1:])
			}
			members[i] = ws(t) + key + ws(t) + ":" + ws(t) + genFor(t, vty, depth-1) + ws(t)
		}
		return "{" + strings.Join(members, ",") + "}"
	}
	return genAny(t, 1)
}

// mangle sometimes breaks a document's syntax: cuts it short, drops, doubles or changes a byte, or
// appends something.
func mangle(t *rapid.T, doc string) string {
	if len(doc) == 0 || rapid.IntRange(0, 4).Draw(t, "mangle") != 0 {
		return doc
	}
	i := rapid.IntRange(0, len(doc)-1).Draw(t, "at")
	switch rapid.IntRange(0, 4).Draw(t, "how") {
	case 0:
		return doc[:i]
	case 1:
		return doc[:i] + doc[i+1:]
	case 2:
		return doc[:i] + doc[i:i+1] + doc[i:]
	case 3:
		return doc[:i] + rapid.SampledFrom([]string{",", "]", "}", "\"", "\\", ":", "x", "\x00", "{", "["}).Draw(t, "byte") + doc[i+1:]
	}
	return doc + rapid.SampledFrom([]string{" {}", "x", "]", " 1", "\n"}).Draw(t, "tail")
}

// prefill gives a target something to keep or lose, for the merge behaviour of encoding/json.
func prefill(v reflect.Value) {
	switch p := v.Addr().Interface().(type) {
	case *diffDoc:
		n := 9
		*p = diffDoc{Name: "before", Tags: []string{"t", "u"}, Meta: map[string]int{"m": 1}, Sub: &diffInner{B: 5, C: "c"},
			A: []diffInner{{B: 1, C: "keep"}}, DiffEmbedPtr: &DiffEmbedPtr{Q1: 2, Q2: &n}, Pair: [2]int{3, 4}, unexp: 1}
	case *[]diffInner:
		*p = []diffInner{{B: 1, C: "keep"}, {B: 2}}
	case *map[string]*diffInner:
		*p = map[string]*diffInner{"k": {B: 1, C: "keep"}, "other": nil}
	case *any:
		*p = map[string]any{"kept": true}
	}
}

var cmpAll = cmp.Exporter(func(reflect.Type) bool { return true })

// diffOf returns cmp's report of the difference between a and b, or "". reflect.DeepEqual, which
// also tells nil from empty, answers first: cmp takes time exponential in the depth of nested
// slices of interfaces, which fuzzed documents have.
func diffOf(a, b any) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	return cmp.Diff(a, b, cmpAll)
}

type decodeResult struct {
	err  error
	rule []string
	v    reflect.Value
}

func decodeWith(decode func([]byte, any) error, ty reflect.Type, data []byte, pre bool) decodeResult {
	p := reflect.New(ty)
	if pre {
		prefill(p.Elem())
	}
	err := decode(data, p.Interface())
	r := decodeResult{err: err, v: p.Elem()}
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			r.rule = append(r.rule, fe.Error())
		}
	}
	return r
}

// checkAgainstReferences decodes data into ty with Decode, with the three-pass decoder it replaced
// and with encoding/json: Decode must give the old verdict, errors and value, and a value equal to
// encoding/json's for a document it accepts.
func checkAgainstReferences(t interface {
	Helper()
	Fatalf(string, ...any)
}, ty reflect.Type, data []byte, pre bool) {
	t.Helper()
	got := decodeWith(Decode, ty, data, pre)
	old := decodeWith(legacyDecode, ty, data, pre)
	if (got.err == nil) != (old.err == nil) {
		t.Fatalf("Decode(%q) into %v: error %v, the previous decoder's %v", data, ty, got.err, old.err)
	}
	if got.err != nil {
		// The previous decoder's messages were terser and it repeated a path and rule; the paths and
		// rules are the same.
		if g, o := rulesSeen(got.err), rulesSeen(old.err); g != o {
			t.Fatalf("Decode(%q) into %v: errors differ from the previous decoder's:\n got %v\nwant %v", data, ty, g, o)
		}
		var ve *ValidationError
		if !errors.As(got.err, &ve) || ve.Type != typeName(ty) || len(ve.Errors) == 0 {
			t.Fatalf("Decode(%q) into %v: error %#v is not a non-empty ValidationError", data, ty, got.err)
		}
		checkErrorList(t, ve)
	}
	// When encoding/json refused a document the walk accepted, the previous decoder left v half
	// filled; Decode leaves it unchanged, as it documents.
	if !isDisagreement(old.err) {
		if diff := diffOf(old.v.Interface(), got.v.Interface()); diff != "" {
			t.Fatalf("Decode(%q) into %v (prefilled %v): value differs from the previous decoder's (-old +new):\n%s", data, ty, pre, diff)
		}
	}
	if got.err != nil {
		want := reflect.New(ty).Elem()
		if pre {
			prefill(want)
		}
		if diff := diffOf(want.Interface(), got.v.Interface()); diff != "" {
			t.Fatalf("Decode(%q) into %v changed v on error (-before +after):\n%s", data, ty, diff)
		}
		return
	}
	ref := reflect.New(ty)
	if pre {
		prefill(ref.Elem())
	}
	if err := json.Unmarshal(data, ref.Interface()); err != nil {
		t.Fatalf("Decode accepted %q into %v, which encoding/json rejects: %v", data, ty, err)
	}
	if diff := diffOf(ref.Elem().Interface(), got.v.Interface()); diff != "" {
		t.Fatalf("Decode(%q) into %v differs from encoding/json (-json +Decode):\n%s", data, ty, diff)
	}
}

// rulesSeen lists the distinct paths and rules of a *ValidationError, in order, or its text for
// another error.
func rulesSeen(err error) string {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err.Error()
	}
	var out []string
	for _, fe := range ve.Errors {
		if s := fe.Path + " " + fe.Rule; len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return ve.Type + ": " + strings.Join(out, "; ")
}

// isDisagreement reports the error of a document that the walk accepted and encoding/json refused.
func isDisagreement(err error) bool {
	var ve *ValidationError
	return errors.As(err, &ve) && len(ve.Errors) == 1 && ve.Errors[0].Rule == "syntax" &&
		strings.Contains(ve.Errors[0].Err.Error(), "rejected by encoding/json")
}

func TestDecodeMatchesEncodingJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ty := rapid.SampledFrom(diffTargets).Draw(t, "type")
		doc := ws(t) + genFor(t, ty, 3) + ws(t)
		doc = mangle(t, doc)
		pre := rapid.IntRange(0, 4).Draw(t, "prefill") == 0
		checkAgainstReferences(t, ty, []byte(doc), pre)
	})
}

// TestDecodeAcceptsAndFills holds Decode to encoding/json on documents built to pass, so that the
// property above is not only exercised on rejected documents.
func TestDecodeAcceptsAndFills(t *testing.T) {
	accepted := 0
	for i, doc := range []string{
		`{"name":"x","e1":"e","e2":3,"p1":true,"q1":1.5,"q2":7,"age":-3,"small":-128,"big":-9223372036854775808,"count":65535,"huge":18446744073709551615,"ratio":1e-400,"ratio32":3.4028235e38,"score":0,"pp":"s","active":false,"born":"2024-02-29","nhsNumber":"9434765919","severity":"info","sevPtr":"error","at":"2024-02-01T10:00:00+01:30","atPtr":"2024-02-01T10:00:00Z","tags":[],"a":[{"b":1},{"b":2,"c":"z"}],"aPtr":[{"b":3}],"meta":{},"named":{"k":"v","\u006b2":"w"},"counts":{"error":1,"info":0},"dates":{"d":"2000-02-29"},"nested":{"n":[1,-2],"e":[]},"sub":{"b":0},"pair":[1,2],"raw":"aGVsbG8=","num":"-1.5e3","any":{"a":[1,"x",true,{}]},"anyMap":{"k":[]},"rawMsg":[1, {"x" : 2}],"matrix":[[1.5],[],[2,3]],"days":{"d":"2024-02-01T10:00:00Z"},"NoTag":"n"}`,
		`{"name":"a\"b\\c\u00e9\ud83d\ude00\ud800\udc00x","tags":["\ud800","\udc00\u0041","\ud800\ud800","é😀\u2028"],"meta":{"a/b":1,"m~n":2,"":3}}`,
		"{\"name\":\"\\u00ff\",\"named\":{\"\xff\":\"a\",\"\xfe\":\"b\"},\"meta\":{\"\xc3\":1}}",
		`{"raw":"aGVs\nbG8=","num":"0","any":"s","anyMap":{"n":null}}`,
		`{"raw":[104,105],"any":1e400}`,
		`{"at":"2024-02-01T10:00:00\u005a"}`,
		`{"num":"abc"}`,
		`{"rawMsg":{"a":null}}`,
		`{"q":{"n":"12","s":"x"},"d":{"name":"y"}}`,
		`{"X":1,"q":{"s":"x"}}`,
		`{"times":{"2024-02-01T10:00:00Z":1}}`,
		`{"q":{"n":12}}`,
		`[{"b":1},{"b":2,"c":""}]`,
		`{"k":{"b":1},"\u006b2":{"b":2,"c":"x"}}`,
		` 42 `,
		`"s"`,
		`[1,2,3]`,
		`[1,2]`,
	} {
		for _, ty := range diffTargets {
			for _, pre := range []bool{false, true} {
				t.Run(fmt.Sprintf("%d/%v/%v", i, ty, pre), func(t *testing.T) {
					checkAgainstReferences(t, ty, []byte(doc), pre)
				})
			}
			if Decode([]byte(doc), reflect.New(ty).Interface()) == nil {
				accepted++
			}
		}
	}
	if accepted < 12 {
		t.Errorf("only %d document/type pairs decoded; the cases no longer exercise filling", accepted)
	}
}

// TestDecodeDepth holds Decode to encoding/json's limit of 10000 nested arrays and objects.
func TestDecodeDepth(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		depth  int
		ok     bool
	}{
		{"at the limit", "encoding/json accepts 10000 levels", 10000, true},
		{"beyond the limit", "encoding/json calls 10001 levels malformed", 10001, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Repeat("[", tt.depth) + strings.Repeat("]", tt.depth)
			var v any
			err := Decode([]byte(doc), &v)
			if (err == nil) != tt.ok {
				t.Fatalf("Decode of %d nested arrays: error %v, want ok %v (%s)", tt.depth, err, tt.ok, tt.reason)
			}
			if json.Valid([]byte(doc)) != tt.ok {
				t.Fatalf("json.Valid disagrees with the test's expectation (%s)", tt.reason)
			}
			if tt.ok {
				// cmp is slow on deep values; reflect.DeepEqual is exact here.
				var ref any
				if err := json.Unmarshal([]byte(doc), &ref); err != nil || !reflect.DeepEqual(ref, v) {
					t.Fatalf("Decode of %d nested arrays differs from encoding/json (error %v)", tt.depth, err)
				}
			}
			var d diffDoc
			doc = `{"any":` + doc[1:len(doc)-1] + `}` // one level is the object's
			if err := Decode([]byte(doc), &d); (err == nil) != tt.ok {
				t.Fatalf("Decode of %d nested arrays in a field: error %v, want ok %v", tt.depth, err, tt.ok)
			}
			old := legacyDecode([]byte(doc), new(diffDoc))
			if err := Decode([]byte(doc), new(diffDoc)); (err == nil) != (old == nil) || err != nil && rulesSeen(err) != rulesSeen(old) {
				t.Fatalf("Decode error %v, the previous decoder's %v", err, old)
			}
		})
	}
}

func FuzzDecodeAgainstReferences(f *testing.F) {
	for _, s := range []string{
		`{}`,
		`{"name":"x","e1":"e","q2":7,"pp":"s","tags":[],"a":[{"b":1}],"counts":{"error":1},"raw":"aGVsbG8=","num":"1","any":{"a":[1]},"matrix":[[1.5]]}`,
		`{"name":"\ud800\u0041\xff","named":{"\xff":"a","\xfe":"b"}}`,
		`{"at":"2024-02-01T10:00:00\u005a","num":"abc"}`,
		`{"X":1,"q":{"n":"12"}}`,
		`{"Name":"x","name":"y","name":null}`,
		`{"a":[{"b":1,"b":2,"x":[{}]}]}`,
		`{"ratio32":1e39,"age":1e2,"count":-1}`,
		`{"name":"x"} {}`,
		`[{"b":1}]`,
		`[`,
		``,
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		ty := diffTargets[int(sel)%len(diffTargets)]
		checkAgainstReferences(t, ty, data, sel >= 128)
	})
}

// TestDecodeManyKeys covers maps and structs past the sizes where duplicate detection changes method.
func TestDecodeManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"meta":{`)
	for i := range 40 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":%d`, i, i)
	}
	unique := b.String() + `}}`
	dup := b.String() + `,"k30":1}}`
	nested := `{"deep":{"a":{"a":1,"b":2},"b":{"a":1,"c":3},"a":{}}}`
	tests := []struct {
		name   string
		reason string
		doc    string
		want   []string // FieldError texts; nil: decodes
	}{
		{"40 keys", "no key repeats", unique, nil},
		{"40 keys and a repeat", "the repeat comes after the switch to a set", dup, []string{"/meta/k30: duplicate-field: key appears more than once"}},
		{"repeat across nesting", "keys of an inner map do not count for the outer", nested, []string{"/deep/a: duplicate-field: key appears more than once"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d diffDoc
			err := Decode([]byte(tt.doc), &d)
			var got []string
			var ve *ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					got = append(got, fe.Error())
				}
			} else if err != nil {
				t.Fatalf("Decode error %v is not a ValidationError", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode errors (-want +got) (%s):\n%s", tt.reason, diff)
			}
			checkAgainstReferences(t, reflect.TypeFor[diffDoc](), []byte(tt.doc), false)
		})
	}
}
