package socialprescribing

import (
	"cmp"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// legacyDecode is legacyDecode as it was before the one-pass walk: json.Valid, a walk that checks the
// document against the type, then json.Unmarshal. The tests hold legacyDecode to its verdicts.
func legacyDecode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("socialprescribing: legacyDecode needs a non-nil pointer, not %T: %w", v, ErrInvalid)
	}
	t := rv.Type().Elem()
	if !json.Valid(data) {
		return &ValidationError{Type: typeName(t), Errors: []*FieldError{syntaxError(data)}}
	}
	w := legacyWalker{data: data}
	w.value(legacyInfoOf(t))
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

// legacyKind classifies a Go type for the walk.
type legacyKind uint8

const (
	lkOpaque legacyKind = iota // decoded by encoding/json without checks (interfaces, json.Unmarshalers)
	lkText                     // encoding.TextUnmarshaler: a JSON string checked by UnmarshalText
	lkStruct
	lkMap
	lkSlice
	lkArray
	lkString
	lkBool
	lkInt
	lkUint
	lkFloat
	lkUnsupported
)

// legacyTypeInfo is what the walk needs to know of a type, computed once per type.
type legacyTypeInfo struct {
	t      reflect.Type
	kind   legacyKind
	rule   string                     // the value rule of a lkText type
	elem   *legacyTypeInfo            // slices, arrays, maps
	key    reflect.Type               // maps whose key type is an encoding.TextUnmarshaler
	bytes  bool                       // slices of bytes, which encoding/json also reads from base64
	fields map[string]legacyFieldInfo // structs: JSON name → field
	fold   map[string]bool            // structs: lower-cased JSON names
	nField int
}

type legacyFieldInfo struct {
	idx  int
	info *legacyTypeInfo
}

var (
	legacyTypeCache           sync.Map // reflect.Type → *legacyTypeInfo; an internal cache, not observable state
	legacyTypeCacheMu         sync.Mutex
	legacyTextUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	legacyJSONUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	legacyTimeType            = reflect.TypeFor[time.Time]()
)

func legacyInfoOf(t reflect.Type) *legacyTypeInfo {
	if ti, ok := legacyTypeCache.Load(t); ok {
		return ti.(*legacyTypeInfo)
	}
	legacyTypeCacheMu.Lock()
	defer legacyTypeCacheMu.Unlock()
	building := map[reflect.Type]*legacyTypeInfo{}
	ti := legacyBuild(t, building)
	for bt, bi := range building {
		legacyTypeCache.LoadOrStore(bt, bi)
	}
	return ti
}

// legacyBuild computes the legacyTypeInfo of t; building holds the types under construction, for recursive types.
func legacyBuild(t reflect.Type, building map[reflect.Type]*legacyTypeInfo) *legacyTypeInfo {
	if ti, ok := legacyTypeCache.Load(t); ok {
		return ti.(*legacyTypeInfo)
	}
	if ti, ok := building[t]; ok {
		return ti
	}
	ti := &legacyTypeInfo{t: t}
	building[t] = ti
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	switch {
	case t == legacyTimeType:
		ti.kind, ti.rule = lkText, "date-time"
	case pt.Implements(legacyJSONUnmarshalerType):
		ti.kind = lkOpaque
	case pt.Implements(legacyTextUnmarshalerType):
		ti.kind = lkText
		if t.Kind() == reflect.String {
			ti.rule = "enum"
		} else {
			ti.rule = strings.ToLower(t.Name())
		}
	default:
		switch t.Kind() {
		case reflect.Struct:
			ti.kind = lkStruct
			ti.fields = map[string]legacyFieldInfo{}
			ti.fold = map[string]bool{}
			legacyCollectFields(t, ti, building)
		case reflect.Map:
			ti.kind = lkMap
			// encoding/json reads a key through UnmarshalText when the key type has one.
			if reflect.PointerTo(t.Key()).Implements(legacyTextUnmarshalerType) {
				ti.key = t.Key()
			} else if t.Key().Kind() != reflect.String {
				ti.kind = lkUnsupported
			}
			ti.elem = legacyBuild(t.Elem(), building)
		case reflect.Slice:
			ti.kind = lkSlice
			ti.bytes = t.Elem().Kind() == reflect.Uint8
			ti.elem = legacyBuild(t.Elem(), building)
		case reflect.Array:
			ti.kind = lkArray
			ti.elem = legacyBuild(t.Elem(), building)
		case reflect.String:
			ti.kind = lkString
		case reflect.Bool:
			ti.kind = lkBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			ti.kind = lkInt
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			ti.kind = lkUint
		case reflect.Float32, reflect.Float64:
			ti.kind = lkFloat
		case reflect.Interface:
			ti.kind = lkOpaque
		default:
			ti.kind = lkUnsupported
		}
	}
	return ti
}

func legacyCollectFields(t reflect.Type, ti *legacyTypeInfo, building map[reflect.Type]*legacyTypeInfo) {
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
				legacyCollectFields(ft, ti, building)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		ti.fields[name] = legacyFieldInfo{idx: ti.nField, info: legacyBuild(f.Type, building)}
		ti.fold[strings.ToLower(name)] = true
		ti.nField++
	}
}

// legacySeg is one reference token of the current path: a key, or an index when key is "" and idx ≥ 0.
type legacySeg struct {
	key string
	idx int
}

// legacyWalker checks a well-formed JSON document against a Go type. It assumes json.Valid(data).
type legacyWalker struct {
	data []byte
	pos  int
	path []legacySeg
	errs []*FieldError
}

func (w *legacyWalker) pointer() string {
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

func (w *legacyWalker) add(rule string, err error) {
	w.errs = append(w.errs, &FieldError{Path: w.pointer(), Rule: rule, Err: err})
}

func (w *legacyWalker) ws() {
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
func (w *legacyWalker) str() ([]byte, bool) {
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

// legacyUnquote returns a string's value, decoding escapes when there are any.
func legacyUnquote(raw []byte, esc bool) []byte {
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
func (w *legacyWalker) skip() {
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
func (w *legacyWalker) literal() []byte {
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

func legacyJSONKindOf(c byte) string {
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

func (w *legacyWalker) typeErr(c byte, want string) {
	w.add("type", fmt.Errorf("socialprescribing: want %s, got %s: %w", want, legacyJSONKindOf(c), ErrInvalid))
	w.skip()
}

func (w *legacyWalker) value(ti *legacyTypeInfo) {
	w.ws()
	c := w.data[w.pos]
	if c == 'n' {
		w.pos += 4
		w.add("null", fmt.Errorf("socialprescribing: null is not allowed; leave the key out: %w", ErrInvalid))
		return
	}
	switch ti.kind {
	case lkOpaque:
		w.skip()
	case lkText:
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
		if err := u.UnmarshalText(legacyUnquote(raw, esc)); err != nil {
			if t == legacyTimeType {
				err = fmt.Errorf("socialprescribing: want an RFC 3339 date-time: %w", ErrSyntax)
			}
			w.add(ti.rule, err)
		}
	case lkStruct:
		if c != '{' {
			w.typeErr(c, "an object")
			return
		}
		w.object(ti)
	case lkMap:
		if c != '{' {
			w.typeErr(c, "an object")
			return
		}
		w.mapObject(ti)
	case lkSlice, lkArray:
		if c == '"' && ti.bytes {
			raw, esc := w.str()
			if _, err := base64.StdEncoding.DecodeString(string(legacyUnquote(raw, esc))); err != nil {
				w.add("type", fmt.Errorf("socialprescribing: want base64 data: %w", ErrInvalid))
			}
			return
		}
		if c != '[' {
			w.typeErr(c, "an array")
			return
		}
		w.array(ti)
	case lkString:
		if c != '"' {
			w.typeErr(c, "a string")
			return
		}
		raw, esc := w.str()
		if !esc && !utf8.Valid(raw) {
			w.add("type", fmt.Errorf("socialprescribing: string is not valid UTF-8: %w", ErrInvalid))
		}
	case lkBool:
		if c != 't' && c != 'f' {
			w.typeErr(c, "a boolean")
			return
		}
		w.literal()
	case lkInt, lkUint, lkFloat:
		if c != '-' && (c < '0' || c > '9') {
			want := "an integer"
			if ti.kind == lkFloat {
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

func (w *legacyWalker) number(ti *legacyTypeInfo, lit []byte) {
	t := ti.t
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := string(lit)
	switch ti.kind {
	case lkInt:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			w.add("type", fmt.Errorf("socialprescribing: want an integer in range for the field: %w", ErrInvalid))
		}
	case lkUint:
		u, err := strconv.ParseUint(s, 10, 64)
		if err != nil || reflect.Zero(t).OverflowUint(u) {
			w.add("type", fmt.Errorf("socialprescribing: want a non-negative integer in range for the field: %w", ErrInvalid))
		}
	case lkFloat:
		f, err := strconv.ParseFloat(s, t.Bits())
		if err != nil || math.IsInf(f, 0) {
			w.add("type", fmt.Errorf("socialprescribing: number out of range: %w", ErrInvalid))
		}
	}
}

func (w *legacyWalker) object(ti *legacyTypeInfo) {
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
		key := legacyUnquote(raw, esc)
		w.ws()
		w.pos++ // ':'
		f, found := ti.fields[string(key)]
		w.path = append(w.path[:depth], legacySeg{key: string(key), idx: -1})
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
		if !found && !nameLike(key) {
			w.path = w.path[:depth] // as Decode: an unknown key that is not name-like is not shown
		}
		if dup {
			w.add("duplicate-field", fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField))
		}
		if !found {
			if ti.fold[strings.ToLower(string(key))] {
				w.add("unknown-field", fmt.Errorf("socialprescribing: key in the wrong case: %w", ErrUnknownField))
			} else if !dup && !nameLike(key) {
				w.add("unknown-field", fmt.Errorf("socialprescribing: a key not defined for %s and not shown, as it does not look like a field name: %w", typeName(ti.t), ErrUnknownField))
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

func (w *legacyWalker) mapObject(ti *legacyTypeInfo) {
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
		key := string(legacyUnquote(raw, esc))
		w.ws()
		w.pos++ // ':'
		w.path = append(w.path[:depth], legacySeg{key: key, idx: -1})
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

func (w *legacyWalker) array(ti *legacyTypeInfo) {
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
		w.path = append(w.path[:depth], legacySeg{idx: n})
		w.value(ti.elem)
		w.path = w.path[:depth]
		n++
		w.ws()
	}
	if ti.kind == lkArray {
		t := ti.t
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if n != t.Len() {
			w.add("type", fmt.Errorf("socialprescribing: want exactly %d items: %w", t.Len(), ErrInvalid))
		}
	}
}
