package socialprescribing

import (
	"bytes"
	"cmp"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Decode parses the JSON document data into v, which must be a non-nil pointer, strictly:
//
//   - a key that the type does not define is rejected (rule "unknown-field"), and so is a defined key
//     written in another case ("nhsnumber" for "nhsNumber"), which encoding/json would accept;
//   - a key given twice in one object is rejected (rule "duplicate-field");
//   - null is rejected wherever it appears (rule "null"): leave an optional key out instead;
//   - a value of the wrong JSON type, a fraction or overflow for an integer field, is rejected (rule
//     "type");
//   - a value that a field's type refuses (a bad NHS number, date or enum value) is rejected with the
//     type's rule ("nhsnumber", "date", "enum", …);
//   - anything after the document other than white space is rejected (rule "trailing-data").
//
// Every problem is reported, as a [*ValidationError] whose [FieldError]s carry JSON Pointers; none of
// them contains a value from the document. Malformed JSON is a single FieldError with rule "syntax"
// wrapping [ErrSyntax]. On error v is left unchanged.
//
// Decode checks the form of the document only. Call the decoded value's Validate method to check its
// rules. Decode is safe for concurrent use.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("socialprescribing: Decode needs a non-nil pointer, not %T: %w", v, ErrInvalid)
	}
	t := rv.Type().Elem()
	if !json.Valid(data) {
		return &ValidationError{Type: typeName(t), Errors: []*FieldError{syntaxError(data)}}
	}
	w := walker{data: data}
	w.value(infoOf(t))
	if len(w.errs) > 0 {
		// Sort into the order ValidationError documents: by path, then rule.
		slices.SortStableFunc(w.errs, func(a, b *FieldError) int {
			if c := cmp.Compare(a.Path, b.Path); c != 0 {
				return c
			}
			return cmp.Compare(a.Rule, b.Rule)
		})
		return &ValidationError{Type: typeName(t), Errors: w.errs}
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The walk accepted the document, so this is a disagreement between the walk and
		// encoding/json; report it without the message, which may quote input.
		return &ValidationError{Type: typeName(t), Errors: []*FieldError{{
			Rule: "syntax", Err: fmt.Errorf("socialprescribing: document rejected by encoding/json: %w", ErrSyntax)}}}
	}
	return nil
}

// syntaxError describes malformed JSON without quoting it: trailing data after a complete document,
// a document that ends too soon, or a malformed byte at an offset.
func syntaxError(data []byte) *FieldError {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	err := dec.Decode(&raw)
	var se *json.SyntaxError
	switch {
	case err == nil:
		return &FieldError{Rule: "trailing-data", Err: fmt.Errorf("socialprescribing: data after the end of the JSON document: %w", ErrSyntax)}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: JSON document ends too soon: %w", ErrSyntax)}
	case errors.As(err, &se):
		return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: malformed JSON near byte offset %d: %w", se.Offset, ErrSyntax)}
	}
	return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: malformed JSON: %w", ErrSyntax)}
}

func typeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
		pkg = pkg[i+1:]
	}
	if pkg == "go-socialprescribing" {
		pkg = "socialprescribing"
	}
	if pkg == "" {
		return t.String()
	}
	return pkg + "." + t.Name()
}

// kind classifies a Go type for the walk.
type kind uint8

const (
	kOpaque kind = iota // decoded by encoding/json without checks (interfaces, json.Unmarshalers)
	kText               // encoding.TextUnmarshaler: a JSON string checked by UnmarshalText
	kStruct
	kMap
	kSlice
	kArray
	kString
	kBool
	kInt
	kUint
	kFloat
	kUnsupported
)

// typeInfo is what the walk needs to know of a type, computed once per type.
type typeInfo struct {
	t      reflect.Type
	kind   kind
	rule   string               // the value rule of a kText type
	elem   *typeInfo            // slices, arrays, maps
	key    reflect.Type         // maps whose key type is an encoding.TextUnmarshaler
	bytes  bool                 // slices of bytes, which encoding/json also reads from base64
	fields map[string]fieldInfo // structs: JSON name → field
	fold   map[string]bool      // structs: lower-cased JSON names
	nField int
}

type fieldInfo struct {
	idx  int
	info *typeInfo
}

var (
	typeCache           sync.Map // reflect.Type → *typeInfo; an internal cache, not observable state
	typeCacheMu         sync.Mutex
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	typeCacheMu.Lock()
	defer typeCacheMu.Unlock()
	building := map[reflect.Type]*typeInfo{}
	ti := build(t, building)
	for bt, bi := range building {
		typeCache.LoadOrStore(bt, bi)
	}
	return ti
}

// build computes the typeInfo of t; building holds the types under construction, for recursive types.
func build(t reflect.Type, building map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := typeCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	if ti, ok := building[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t}
	building[t] = ti
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType:
		ti.kind, ti.rule = kText, "date-time"
	case pt.Implements(jsonUnmarshalerType):
		ti.kind = kOpaque
	case pt.Implements(textUnmarshalerType):
		ti.kind = kText
		if t.Kind() == reflect.String {
			ti.rule = "enum"
		} else {
			ti.rule = strings.ToLower(t.Name())
		}
	default:
		switch t.Kind() {
		case reflect.Struct:
			ti.kind = kStruct
			ti.fields = map[string]fieldInfo{}
			ti.fold = map[string]bool{}
			collectFields(t, ti, building)
		case reflect.Map:
			ti.kind = kMap
			// encoding/json reads a key through UnmarshalText when the key type has one.
			if reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
				ti.key = t.Key()
			} else if t.Key().Kind() != reflect.String {
				ti.kind = kUnsupported
			}
			ti.elem = build(t.Elem(), building)
		case reflect.Slice:
			ti.kind = kSlice
			ti.bytes = t.Elem().Kind() == reflect.Uint8
			ti.elem = build(t.Elem(), building)
		case reflect.Array:
			ti.kind = kArray
			ti.elem = build(t.Elem(), building)
		case reflect.String:
			ti.kind = kString
		case reflect.Bool:
			ti.kind = kBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			ti.kind = kInt
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			ti.kind = kUint
		case reflect.Float32, reflect.Float64:
			ti.kind = kFloat
		case reflect.Interface:
			ti.kind = kOpaque
		default:
			ti.kind = kUnsupported
		}
	}
	return ti
}

func collectFields(t reflect.Type, ti *typeInfo, building map[reflect.Type]*typeInfo) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				collectFields(ft, ti, building)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		ti.fields[name] = fieldInfo{idx: ti.nField, info: build(f.Type, building)}
		ti.fold[strings.ToLower(name)] = true
		ti.nField++
	}
}

// seg is one reference token of the current path: a key, or an index when key is "" and idx ≥ 0.
type seg struct {
	key string
	idx int
}

// walker checks a well-formed JSON document against a Go type. It assumes json.Valid(data).
type walker struct {
	data []byte
	pos  int
	path []seg
	errs []*FieldError
}

func (w *walker) pointer() string {
	var b strings.Builder
	for _, s := range w.path {
		if s.idx >= 0 {
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(s.idx))
		} else {
			b.WriteString(JoinPointer("", s.key))
		}
	}
	return b.String()
}

func (w *walker) add(rule string, err error) {
	w.errs = append(w.errs, &FieldError{Path: w.pointer(), Rule: rule, Err: err})
}

func (w *walker) ws() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

// str reads a string starting at the opening quote and returns its raw contents (between the quotes)
// and whether it holds escapes.
func (w *walker) str() ([]byte, bool) {
	w.pos++ // opening quote
	start := w.pos
	esc := false
	for {
		c := w.data[w.pos]
		if c == '"' {
			raw := w.data[start:w.pos]
			w.pos++
			return raw, esc
		}
		if c == '\\' {
			esc = true
			w.pos += 2
			continue
		}
		w.pos++
	}
}

// unquote returns a string's value, decoding escapes when there are any.
func unquote(raw []byte, esc bool) []byte {
	if !esc {
		return raw
	}
	var s string
	q := make([]byte, 0, len(raw)+2)
	q = append(append(append(q, '"'), raw...), '"')
	if json.Unmarshal(q, &s) != nil {
		return raw
	}
	return []byte(s)
}

// skip passes over one value.
func (w *walker) skip() {
	w.ws()
	switch w.data[w.pos] {
	case '"':
		w.str()
	case '{', '[':
		depth := 0
		for {
			c := w.data[w.pos]
			switch c {
			case '"':
				w.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			w.pos++
			if depth == 0 {
				return
			}
		}
	default:
		for w.pos < len(w.data) {
			switch w.data[w.pos] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return
			}
			w.pos++
		}
	}
}

// literal reads a number or true/false/null.
func (w *walker) literal() []byte {
	start := w.pos
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return w.data[start:w.pos]
		}
		w.pos++
	}
	return w.data[start:w.pos]
}

func jsonKindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func (w *walker) typeErr(c byte, want string) {
	w.add("type", fmt.Errorf("socialprescribing: want %s, got %s: %w", want, jsonKindOf(c), ErrInvalid))
	w.skip()
}

func (w *walker) value(ti *typeInfo) {
	w.ws()
	c := w.data[w.pos]
	if c == 'n' {
		w.pos += 4
		w.add("null", fmt.Errorf("socialprescribing: null is not allowed; leave the key out: %w", ErrInvalid))
		return
	}
	switch ti.kind {
	case kOpaque:
		w.skip()
	case kText:
		if c != '"' {
			w.typeErr(c, "a string")
			return
		}
		raw, esc := w.str()
		t := ti.t
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText(unquote(raw, esc)); err != nil {
			if t == timeType {
				err = fmt.Errorf("socialprescribing: want an RFC 3339 date-time: %w", ErrSyntax)
			}
			w.add(ti.rule, err)
		}
	case kStruct:
		if c != '{' {
			w.typeErr(c, "an object")
			return
		}
		w.object(ti)
	case kMap:
		if c != '{' {
			w.typeErr(c, "an object")
			return
		}
		w.mapObject(ti)
	case kSlice, kArray:
		if c == '"' && ti.bytes {
			raw, esc := w.str()
			if _, err := base64.StdEncoding.DecodeString(string(unquote(raw, esc))); err != nil {
				w.add("type", fmt.Errorf("socialprescribing: want base64 data: %w", ErrInvalid))
			}
			return
		}
		if c != '[' {
			w.typeErr(c, "an array")
			return
		}
		w.array(ti)
	case kString:
		if c != '"' {
			w.typeErr(c, "a string")
			return
		}
		raw, esc := w.str()
		if !esc && !utf8.Valid(raw) {
			w.add("type", fmt.Errorf("socialprescribing: string is not valid UTF-8: %w", ErrInvalid))
		}
	case kBool:
		if c != 't' && c != 'f' {
			w.typeErr(c, "a boolean")
			return
		}
		w.literal()
	case kInt, kUint, kFloat:
		if c != '-' && (c < '0' || c > '9') {
			want := "an integer"
			if ti.kind == kFloat {
				want = "a number"
			}
			w.typeErr(c, want)
			return
		}
		w.number(ti, w.literal())
	default:
		w.add("type", fmt.Errorf("socialprescribing: a field of kind %s cannot be decoded: %w", ti.t.Kind(), ErrInvalid))
		w.skip()
	}
}

func (w *walker) number(ti *typeInfo, lit []byte) {
	t := ti.t
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := string(lit)
	switch ti.kind {
	case kInt:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			w.add("type", fmt.Errorf("socialprescribing: want an integer in range for the field: %w", ErrInvalid))
		}
	case kUint:
		u, err := strconv.ParseUint(s, 10, 64)
		if err != nil || reflect.Zero(t).OverflowUint(u) {
			w.add("type", fmt.Errorf("socialprescribing: want a non-negative integer in range for the field: %w", ErrInvalid))
		}
	case kFloat:
		f, err := strconv.ParseFloat(s, t.Bits())
		if err != nil || math.IsInf(f, 0) {
			w.add("type", fmt.Errorf("socialprescribing: number out of range: %w", ErrInvalid))
		}
	}
}

func (w *walker) object(ti *typeInfo) {
	w.pos++ // '{'
	var seenSmall uint64
	var seenBig map[int]bool
	var seenUnknown map[string]bool
	depth := len(w.path)
	for {
		w.ws()
		if w.data[w.pos] == '}' {
			w.pos++
			return
		}
		if w.data[w.pos] == ',' {
			w.pos++
			w.ws()
		}
		raw, esc := w.str()
		key := unquote(raw, esc)
		w.ws()
		w.pos++ // ':'
		f, found := ti.fields[string(key)]
		w.path = append(w.path[:depth], seg{key: string(key), idx: -1})
		dup := false
		switch {
		case found && f.idx < 64:
			dup = seenSmall&(1<<f.idx) != 0
			seenSmall |= 1 << f.idx
		case found:
			if seenBig == nil {
				seenBig = map[int]bool{}
			}
			dup = seenBig[f.idx]
			seenBig[f.idx] = true
		default:
			if seenUnknown == nil {
				seenUnknown = map[string]bool{}
			}
			dup = seenUnknown[string(key)]
			seenUnknown[string(key)] = true
		}
		if dup {
			w.add("duplicate-field", fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField))
		}
		if !found {
			if ti.fold[strings.ToLower(string(key))] {
				w.add("unknown-field", fmt.Errorf("socialprescribing: key in the wrong case: %w", ErrUnknownField))
			} else if !dup {
				w.add("unknown-field", fmt.Errorf("socialprescribing: key not defined for %s: %w", typeName(ti.t), ErrUnknownField))
			}
			w.skip()
		} else {
			w.value(f.info)
		}
		w.path = w.path[:depth]
		w.ws()
	}
}

func (w *walker) mapObject(ti *typeInfo) {
	w.pos++ // '{'
	seen := map[string]bool{}
	depth := len(w.path)
	for {
		w.ws()
		if w.data[w.pos] == '}' {
			w.pos++
			return
		}
		if w.data[w.pos] == ',' {
			w.pos++
			w.ws()
		}
		raw, esc := w.str()
		key := string(unquote(raw, esc))
		w.ws()
		w.pos++ // ':'
		w.path = append(w.path[:depth], seg{key: key, idx: -1})
		if seen[key] {
			w.add("duplicate-field", fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField))
		}
		seen[key] = true
		if ti.key != nil {
			if err := reflect.New(ti.key).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
				rule := strings.ToLower(ti.key.Name())
				if ti.key.Kind() == reflect.String {
					rule = "enum"
				}
				w.add(rule, err)
			}
		}
		w.value(ti.elem)
		w.path = w.path[:depth]
		w.ws()
	}
}

func (w *walker) array(ti *typeInfo) {
	w.pos++ // '['
	depth := len(w.path)
	n := 0
	for {
		w.ws()
		if w.data[w.pos] == ']' {
			w.pos++
			break
		}
		if w.data[w.pos] == ',' {
			w.pos++
		}
		w.path = append(w.path[:depth], seg{idx: n})
		w.value(ti.elem)
		w.path = w.path[:depth]
		n++
		w.ws()
	}
	if ti.kind == kArray {
		t := ti.t
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if n != t.Len() {
			w.add("type", fmt.Errorf("socialprescribing: want exactly %d items: %w", t.Len(), ErrInvalid))
		}
	}
}
