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
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Decode parses the JSON document data into v, which must be a non-nil pointer, strictly:
//
//   - a key that the type does not define is rejected (rule "unknown-field"), and so is a defined key
//     written in another case ("nhsnumber" for "nhsNumber"), which encoding/json would accept; the
//     message names the right key;
//   - a key given twice in one object is rejected (rule "duplicate-field");
//   - null is rejected wherever it appears (rule "null"): leave an optional key out instead;
//   - a value of the wrong JSON type, a fraction or overflow for an integer field, is rejected (rule
//     "type");
//   - a value that a field's type refuses (a bad NHS number, date or enum value) is rejected with the
//     type's rule ("nhsnumber", "date", "enum", …); an enum's message lists its values; a time.Time
//     must be an RFC 3339 date-time (rule "date-time");
//   - an array with more items than its field's validate tag allows ("max=N" or "len=N" on a slice)
//     is rejected (rule "max" or "len");
//   - anything after the document other than white space is rejected (rule "trailing-data").
//
// Every problem is reported, as a [*ValidationError] whose [FieldError]s carry JSON Pointers; none of
// them contains a value from the document. Malformed JSON is a single FieldError with rule "syntax"
// wrapping [ErrSyntax], giving the line, column and byte offset. On error v is left unchanged.
//
// Limits: Decode holds the whole document in memory (data) and builds the value beside it; it
// stores no more items of a slice than its field's tag allows, however many the document holds, and
// keeps at most 100 FieldErrors (then one counting the rest), so a hostile document costs memory in
// proportion to the value it may legitimately decode, not to its number of items or problems.
// Nesting deeper than 10000 arrays and objects is malformed, as for encoding/json. Callers reading
// from a network should still bound the size of data.
//
// Decode checks the form of the document only; [DecodeAndValidate] also checks its rules and is the
// call to make for a document received from outside. Decode is safe for concurrent use.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("socialprescribing: Decode needs a non-nil pointer, not %T: %w", v, ErrInvalid)
	}
	t := rv.Type().Elem()
	target := rv.Elem()
	if !target.IsZero() {
		return decodeMerge(data, v, target)
	}
	fresh := reflect.New(t)
	if d := decodeFresh(data, fresh); d.failed() {
		return d.err(typeName(t))
	}
	target.Set(fresh.Elem())
	return nil
}

// decoded is the outcome of decoding into a fresh value.
type decoded struct {
	errs    []*FieldError // sorted by path and rule, without repeats; at most maxErrors
	more    int           // problems found beyond maxErrors
	bad     []string      // the paths of the values that failed to decode (their Go values are zero)
	partial bool          // with errs, the fresh value holds every value that did decode
}

func (d *decoded) failed() bool { return len(d.errs) > 0 }

func (d *decoded) err(typ string) error {
	return &ValidationError{Type: typ, Errors: capErrors(d.errs, d.more)}
}

// decodeFresh decodes data into fresh, a pointer to a zero value. On error, if the type is one the
// walk fills itself, fresh holds what decoded, with the values that failed left zero.
func decodeFresh(data []byte, fresh reflect.Value) decoded {
	t := fresh.Type().Elem()
	ti := infoOf(t)
	// One pass checks the syntax and the document against the type and, for a type whose decoding
	// the walk reproduces exactly, fills fresh. Otherwise the walk only checks, and encoding/json
	// fills fresh.
	w := walker{data: data, fill: !ti.slow}
	ok := w.value(ti, fresh.Elem())
	if ok {
		w.ws()
		ok = w.pos == len(data)
	}
	if !ok {
		return decoded{errs: []*FieldError{syntaxError(data)}, bad: []string{""}}
	}
	if len(w.errs) > 0 {
		errs := sortErrors(w.errs)
		return decoded{errs: errs, more: w.nerr - len(w.errs), bad: w.bad, partial: !ti.slow}
	}
	if !ti.slow {
		if w.disagree {
			return decoded{errs: disagreement(), bad: []string{""}}
		}
		return decoded{}
	}
	// encoding/json may fail part way through, leaving the value half filled.
	tmp := reflect.New(t)
	if err := json.Unmarshal(data, tmp.Interface()); err != nil {
		return decoded{errs: disagreement(), bad: []string{""}}
	}
	fresh.Elem().Set(tmp.Elem())
	return decoded{}
}

// decodeMerge decodes data into v, whose value target is not zero, merging as encoding/json does:
// the walk checks the document, then encoding/json fills a fresh value (to learn whether it fails
// part way through) and, if that succeeds, v itself.
func decodeMerge(data []byte, v any, target reflect.Value) error {
	t := target.Type()
	w := walker{data: data}
	ok := w.value(infoOf(t), reflect.Value{})
	if ok {
		w.ws()
		ok = w.pos == len(data)
	}
	if !ok {
		return &ValidationError{Type: typeName(t), Errors: []*FieldError{syntaxError(data)}}
	}
	if len(w.errs) > 0 {
		return &ValidationError{Type: typeName(t), Errors: capErrors(sortErrors(w.errs), w.nerr-len(w.errs))}
	}
	if err := json.Unmarshal(data, reflect.New(t).Interface()); err != nil {
		return &ValidationError{Type: typeName(t), Errors: disagreement()}
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &ValidationError{Type: typeName(t), Errors: disagreement()}
	}
	return nil
}

// sortErrors sorts errs into the order ValidationError documents, by path and then rule, and drops
// a repeat of a path and rule.
func sortErrors(errs []*FieldError) []*FieldError {
	slices.SortStableFunc(errs, func(a, b *FieldError) int {
		if c := cmp.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
	return slices.CompactFunc(errs, func(a, b *FieldError) bool { return a.Path == b.Path && a.Rule == b.Rule })
}

// disagreement reports a document that the walk accepted and encoding/json refused (a value's own
// UnmarshalJSON failed, for instance), without the message, which may quote input.
func disagreement() []*FieldError {
	return []*FieldError{{Rule: "syntax", Err: fmt.Errorf("socialprescribing: document rejected by encoding/json: %w", ErrSyntax)}}
}

// syntaxError describes malformed JSON without quoting it, with the line and column where it goes
// wrong: trailing data after a complete document, a document that ends too soon, or a malformed byte.
func syntaxError(data []byte) *FieldError {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	err := dec.Decode(&raw)
	var se *json.SyntaxError
	switch {
	case err == nil:
		off := int(dec.InputOffset())
		for off < len(data) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n' || data[off] == '\r') {
			off++
		}
		return &FieldError{Rule: "trailing-data", Err: fmt.Errorf("socialprescribing: data after the end of the JSON document, at %s: %w", position(data, off), ErrSyntax)}
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: JSON document ends too soon, at %s: %w", position(data, len(data)), ErrSyntax)}
	case errors.As(err, &se):
		// encoding/json counts the bytes read, the malformed one included.
		return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: malformed JSON at %s: %w", position(data, int(se.Offset)-1), ErrSyntax)}
	}
	return &FieldError{Rule: "syntax", Err: fmt.Errorf("socialprescribing: malformed JSON: %w", ErrSyntax)}
}

// position describes byte offset off of data (0-based) as people count: "line 2, column 5 (byte
// offset 17)", lines and columns from 1, a column counting characters.
func position(data []byte, off int) string {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col := 1 + utf8.RuneCount(data[start:off])
	return fmt.Sprintf("line %d, column %d (byte offset %d)", line, col, off)
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
	kOpaque kind = iota // not checked: interfaces (filled by encoding/json) and json.Unmarshalers (by UnmarshalJSON)
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
	base   reflect.Type // t without its pointers
	ptrs   int          // how many pointers t has above base
	kind   kind
	rule   string                // the value rule of a kText type
	elem   *typeInfo             // slices, arrays, maps
	key    reflect.Type          // maps whose key type is an encoding.TextUnmarshaler
	keyStr bool                  // maps whose key type is exactly string
	bytes  bool                  // slices of bytes, which encoding/json also reads from base64
	fields map[string]*fieldInfo // structs: JSON name → field
	fold   map[string]string     // structs: lower-cased JSON name → JSON name
	nField int
	byIdx  []*fieldInfo // structs: the fields by number (nil for a name taken by a later field)
	names  []string     // structs: the JSON names by number
	bits   int          // ints, uints and floats: the size in bits
	number bool         // json.Number, a string that encoding/json requires to hold a JSON number
	asJSON bool         // kText types that encoding/json decodes through UnmarshalJSON (time.Time)
	iface  bool         // kOpaque interfaces (decoded by json.Unmarshal) rather than json.Unmarshalers

	// odd marks a type whose decoding by encoding/json the walk does not reproduce (a ",string"
	// field, fields that encoding/json resolves differently, a named pointer type, …); slow marks a
	// type that reaches an odd one. Decode fills a slow type with encoding/json after the walk.
	odd, slow bool
}

type fieldInfo struct {
	idx      int   // the field's number, for duplicate detection
	index    []int // the field's index sequence, through embedded structs
	embed    bool  // the index sequence goes through an embedded pointer
	info     *typeInfo
	limit    int  // a slice's most items, from the field's validate tag (0: none)
	limitMax bool // the limit is a "max" (else a "len")
}

var (
	typeCache           sync.Map // reflect.Type → *typeInfo; an internal cache, not observable state
	typeCacheMu         sync.Mutex
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
	numberType          = reflect.TypeFor[json.Number]()
	stringType          = reflect.TypeFor[string]()
)

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	typeCacheMu.Lock()
	defer typeCacheMu.Unlock()
	building := map[reflect.Type]*typeInfo{}
	ti := build(t, building)
	// A type is slow if it reaches an odd type; propagate until nothing changes (types may be
	// recursive). Types already in the cache are final.
	for _, bi := range building {
		bi.slow = bi.odd
	}
	for changed := true; changed; {
		changed = false
		for _, bi := range building {
			if !bi.slow && bi.reachesSlow() {
				bi.slow, changed = true, true
			}
		}
	}
	for bt, bi := range building {
		typeCache.LoadOrStore(bt, bi)
	}
	return ti
}

func (ti *typeInfo) reachesSlow() bool {
	if ti.elem != nil && ti.elem.slow {
		return true
	}
	for _, f := range ti.fields {
		if f.info.slow {
			return true
		}
	}
	return false
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
		if t.Name() != "" {
			// encoding/json looks for methods on a named pointer type itself, not on *Elem.
			ti.odd = true
		}
		t = t.Elem()
		ti.ptrs++
	}
	ti.base = t
	pt := reflect.PointerTo(t)
	if ti.ptrs == 0 && t.Name() == "" && (pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType)) {
		// encoding/json takes the address of named types only, so it decodes an unnamed type
		// that has methods through embedding as a plain struct where the walk sees the methods.
		ti.odd = true
	}
	switch {
	case t == timeType:
		ti.kind, ti.rule, ti.asJSON = kText, "date-time", true
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
			ti.fields = map[string]*fieldInfo{}
			ti.fold = map[string]string{}
			collectFields(t, nil, ti, building, map[reflect.Type]bool{t: true})
			ti.byIdx = make([]*fieldInfo, ti.nField)
			ti.names = make([]string, ti.nField)
			for name, f := range ti.fields {
				ti.byIdx[f.idx], ti.names[f.idx] = f, name
			}
			if !sameFields(t, ti) {
				ti.odd = true
			}
		case reflect.Map:
			ti.kind = kMap
			// encoding/json reads a key through UnmarshalText when the key type has one.
			kt := t.Key()
			if reflect.PointerTo(kt).Implements(textUnmarshalerType) {
				ti.key = kt
				if reflect.PointerTo(kt).Implements(jsonUnmarshalerType) {
					ti.odd = true // encoding/json reads such a key through UnmarshalJSON
				}
			} else if kt.Kind() != reflect.String {
				ti.kind = kUnsupported
			}
			ti.keyStr = kt == stringType
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
			ti.number = t == numberType
		case reflect.Bool:
			ti.kind = kBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			ti.kind, ti.bits = kInt, t.Bits()
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			ti.kind, ti.bits = kUint, t.Bits()
		case reflect.Float32, reflect.Float64:
			ti.kind, ti.bits = kFloat, t.Bits()
		case reflect.Interface:
			ti.kind, ti.iface = kOpaque, true
		default:
			ti.kind = kUnsupported
		}
	}
	return ti
}

// collectFields records the JSON keys of struct type t, whose fields are reached by the index
// sequence prefix; open holds the embedded struct types being explored, against cycles.
func collectFields(t reflect.Type, prefix []int, ti *typeInfo, building map[reflect.Type]*typeInfo, open map[reflect.Type]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		index := append(slices.Clip(prefix), i)
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				if open[ft] {
					ti.odd = true // an embedding cycle: leave it to encoding/json
					continue
				}
				open[ft] = true
				collectFields(ft, index, ti, building, open)
				delete(open, ft)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fi := &fieldInfo{idx: ti.nField, index: index, info: build(f.Type, building)}
		if fi.info.base.Kind() == reflect.Slice {
			fi.limit, fi.limitMax = itemLimit(f.Tag.Get("validate"))
		}
		ti.fields[name] = fi
		if _, ok := ti.fold[strings.ToLower(name)]; !ok {
			ti.fold[strings.ToLower(name)] = name
		}
		ti.nField++
	}
}

// itemLimit returns the most items a slice field's validate tag allows ("max=N" or "len=N" before
// any "dive"), and whether it is a max; 0 if the tag sets none.
func itemLimit(tag string) (int, bool) {
	for tag != "" {
		var part string
		part, tag, _ = strings.Cut(tag, ",")
		if part == "dive" {
			break
		}
		name, param, ok := strings.Cut(part, "=")
		if !ok || name != "max" && name != "len" {
			continue
		}
		if n, err := strconv.Atoi(param); err == nil && n > 0 {
			return n, name == "max"
		}
	}
	return 0, false
}

// sameFields reports whether every key of the walk names the field that encoding/json fills for
// it, without a ",string" option or an embedded pointer that encoding/json cannot allocate; it
// marks the fields reached through embedded pointers.
func sameFields(t reflect.Type, ti *typeInfo) bool {
	jf := jsonFields(t)
	for name, f := range ti.fields {
		j, ok := jf[name]
		if !ok || j.quoted || !slices.Equal(j.index, f.index) {
			return false
		}
		st := t
		for _, i := range f.index[:len(f.index)-1] {
			sf := st.Field(i)
			st = sf.Type
			if st.Kind() == reflect.Pointer {
				if !sf.IsExported() {
					return false // encoding/json cannot set an embedded pointer to an unexported type
				}
				f.embed = true
				st = st.Elem()
			}
		}
	}
	return true
}

type jsonField struct {
	name   string
	index  []int
	tagged bool
	quoted bool
}

// jsonFields returns the fields that encoding/json decodes for struct type t, by exact name. It
// follows encoding/json's typeFields: breadth first through embedded structs, the shallowest field
// of a name winning, a tagged one before an untagged one, and fields of one name at one depth
// cancelling each other.
func jsonFields(t reflect.Type) map[string]jsonField {
	type queued struct {
		typ   reflect.Type
		index []int
	}
	var current []queued
	next := []queued{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []jsonField
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					st := sf.Type
					if st.Kind() == reflect.Pointer {
						st = st.Elem()
					}
					if !sf.IsExported() && st.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTag(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if slices.Contains(strings.Split(opts, ","), "string") {
					switch ft.Kind() {
					case reflect.Bool,
						reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64,
						reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					fields = append(fields, jsonField{name: name, index: index, tagged: tagged, quoted: quoted})
					if count[f.typ] > 1 {
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, queued{typ: ft, index: index})
				}
			}
		}
	}
	slices.SortFunc(fields, func(a, b jsonField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return +1
		}
		return slices.Compare(a.index, b.index)
	})
	out := map[string]jsonField{}
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		if j-i == 1 || len(fields[i].index) != len(fields[i+1].index) || fields[i].tagged != fields[i+1].tagged {
			out[fields[i].name] = fields[i]
		}
		i = j
	}
	return out
}

// validTag is encoding/json's test of a tag name.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// seg is one reference token of the current path: a key, or an index when idx ≥ 0.
type seg struct {
	key []byte
	idx int
}

// maxDepth is the nesting depth beyond which encoding/json calls a document malformed.
const maxDepth = 10000

// walker checks a JSON document's syntax and its fit to a Go type in one pass and, when fill is set,
// stores the values into the reflect.Values it is given, as encoding/json would. Each method
// returns false if the document is malformed.
type walker struct {
	data     []byte
	pos      int
	depth    int
	fill     bool // store values; a value that fails is left zero and the walk goes on
	disagree bool // a value's own UnmarshalJSON (or encoding/json) refused what the walk accepted
	path     []seg
	errs     []*FieldError // the first maxErrors problems
	nerr     int           // every problem found, kept or not
	bad      []string      // the paths of the values that failed, while errs is not full
	keys     [][]byte      // the keys of the open maps, for duplicate detection
	limit    int           // the item limit of the array about to be walked (0: none), from its field's tag
	limitMax bool          // the limit is a max (else a len)

	pbuf      []byte        // the current path as a JSON Pointer, when an error is recorded
	scratchTI *typeInfo     // the type of scratch
	scratch   reflect.Value // a pointer to a value that text is checked into when not filling
}

// pointer returns the JSON Pointer of the current path, escaped as JoinPointer escapes.
func (w *walker) pointer() string { return string(w.appendPointer(nil)) }

// appendPointer appends the JSON Pointer of the current path to b.
func (w *walker) appendPointer(b []byte) []byte {
	for _, s := range w.path {
		b = append(b, '/')
		if s.idx >= 0 {
			b = strconv.AppendInt(b, int64(s.idx), 10)
			continue
		}
		for _, c := range s.key {
			switch c {
			case '~':
				b = append(b, '~', '0')
			case '/':
				b = append(b, '~', '1')
			default:
				b = append(b, c)
			}
		}
	}
	return b
}

// add records that the value at the current path breaks rule, reporting whether it was kept: the
// value is left zero, and validation reports nothing at or below its path.
func (w *walker) add(rule string, err error) bool {
	if !w.note(rule, err) {
		return false
	}
	w.bad = append(w.bad, w.errs[len(w.errs)-1].Path)
	return true
}

// note records a problem at the current path that does not make its value fail (a key of the object
// not shown), reporting whether it was kept: not if as many are kept as a ValidationError lists, or
// if the same rule is already broken at the path.
func (w *walker) note(rule string, err error) bool {
	if len(w.errs) >= maxErrors {
		w.nerr++
		return false
	}
	w.pbuf = w.appendPointer(w.pbuf[:0])
	for _, e := range w.errs {
		if e.Rule == rule && e.Path == string(w.pbuf) {
			return false // the same problem again (a key three times): reported once
		}
	}
	w.nerr++
	w.errs = append(w.errs, &FieldError{Path: string(w.pbuf), Rule: rule, Err: err})
	return true
}

// full reports whether no more errors are kept, counting the problem the caller found if so: the
// caller then builds no message.
func (w *walker) full() bool {
	if len(w.errs) < maxErrors {
		return false
	}
	w.nerr++
	return true
}

// The decoder's messages that take no argument, built once.
var (
	errNull      = fmt.Errorf("socialprescribing: null is not allowed; leave the key out: %w", ErrInvalid)
	errBase64    = fmt.Errorf("socialprescribing: want base64 data: %w", ErrInvalid)
	errUTF8      = fmt.Errorf("socialprescribing: string is not valid UTF-8: %w", ErrInvalid)
	errInt       = fmt.Errorf("socialprescribing: want an integer in range for the field: %w", ErrInvalid)
	errUint      = fmt.Errorf("socialprescribing: want a non-negative integer in range for the field: %w", ErrInvalid)
	errFloat     = fmt.Errorf("socialprescribing: number out of range: %w", ErrInvalid)
	errDuplicate = fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField)
)

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

// plain marks the bytes a string can hold with no further thought: not a quote, a backslash, a
// control character or a byte of a multi-byte UTF-8 sequence.
var plain = func() (p [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		p[c] = c != '"' && c != '\\'
	}
	return p
}()

// str reads a string starting at the opening quote. It returns its raw contents (between the
// quotes), whether it holds escapes and whether it holds bytes outside ASCII.
func (w *walker) str() (raw []byte, esc, hi, ok bool) {
	d := w.data
	i := w.pos + 1
	start := i
	for {
		for i < len(d) && plain[d[i]] {
			i++
		}
		if i >= len(d) {
			return nil, false, false, false
		}
		switch c := d[i]; {
		case c == '"':
			w.pos = i + 1
			return d[start:i], esc, hi, true
		case c == '\\':
			esc = true
			if i+1 >= len(d) {
				return nil, false, false, false
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(d) || !isHex(d[i+2]) || !isHex(d[i+3]) || !isHex(d[i+4]) || !isHex(d[i+5]) {
					return nil, false, false, false
				}
				i += 6
			default:
				return nil, false, false, false
			}
		case c < 0x20:
			return nil, false, false, false
		default:
			hi = true
			i++
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// text returns a string's value as the walk checks it: unescaped if it holds escapes, else as is.
func text(raw []byte, esc bool) []byte {
	if !esc {
		return raw
	}
	return unquote(raw)
}

// jsonText returns a string's value as encoding/json stores it, which differs from text only for
// malformed UTF-8, which encoding/json replaces with U+FFFD.
func jsonText(raw []byte, esc, hi bool) []byte {
	if esc || hi && !utf8.Valid(raw) {
		return unquote(raw)
	}
	return raw
}

// unquote decodes the escapes of a string's raw contents and replaces malformed UTF-8 with U+FFFD,
// exactly as encoding/json does (its unquoteBytes). raw is well formed.
func unquote(s []byte) []byte {
	r := 0
	for r < len(s) {
		c := s[r]
		if c == '\\' || c == '"' || c < ' ' {
			break
		}
		rr, size := utf8.DecodeRune(s[r:])
		if rr == utf8.RuneError && size == 1 {
			break
		}
		r += size
	}
	if r == len(s) {
		return s
	}
	b := make([]byte, len(s)+2*utf8.UTFMax)
	w := copy(b, s[0:r])
	for r < len(s) {
		if w >= len(b)-2*utf8.UTFMax {
			nb := make([]byte, (len(b)+utf8.UTFMax)*2)
			copy(nb, b[0:w])
			b = nb
		}
		switch c := s[r]; {
		case c == '\\':
			r++
			if r >= len(s) {
				return b[0:w]
			}
			switch s[r] {
			case '"', '\\', '/', '\'':
				b[w] = s[r]
				r++
				w++
			case 'b':
				b[w] = '\b'
				r++
				w++
			case 'f':
				b[w] = '\f'
				r++
				w++
			case 'n':
				b[w] = '\n'
				r++
				w++
			case 'r':
				b[w] = '\r'
				r++
				w++
			case 't':
				b[w] = '\t'
				r++
				w++
			case 'u':
				r--
				rr := getu4(s[r:])
				if rr < 0 {
					return b[0:w]
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					rr1 := getu4(s[r:])
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						r += 6
						w += utf8.EncodeRune(b[w:], dec)
						break
					}
					rr = unicode.ReplacementChar
				}
				w += utf8.EncodeRune(b[w:], rr)
			default:
				return b[0:w]
			}
		case c < utf8.RuneSelf:
			b[w] = c
			r++
			w++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			w += utf8.EncodeRune(b[w:], rr)
		}
	}
	return b[0:w]
}

// getu4 decodes \uXXXX from the beginning of s, returning the hex value, or -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// lit reads the literal word (true, false or null).
func (w *walker) lit(word string) bool {
	if len(w.data)-w.pos < len(word) || string(w.data[w.pos:w.pos+len(word)]) != word {
		return false
	}
	w.pos += len(word)
	return true
}

// number reads a number, checking its grammar; frac reports a fraction or exponent.
func (w *walker) number() (lit []byte, frac, ok bool) {
	d := w.data
	i := w.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i >= len(d):
		return nil, false, false
	case d[i] == '0':
		i++
	case '1' <= d[i] && d[i] <= '9':
		i++
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	default:
		return nil, false, false
	}
	if i < len(d) && d[i] == '.' {
		frac = true
		i++
		if i >= len(d) || !isDigit(d[i]) {
			return nil, false, false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		frac = true
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || !isDigit(d[i]) {
			return nil, false, false
		}
		for i < len(d) && isDigit(d[i]) {
			i++
		}
	}
	lit = d[w.pos:i]
	w.pos = i
	return lit, frac, true
}

// open enters an object or array, whose opening byte is at pos.
func (w *walker) open() bool {
	w.pos++
	w.depth++
	return w.depth <= maxDepth
}

// next reads the separator after a member or item: it reports more if a comma follows, and false
// in ok if neither a comma nor the closing byte does.
func (w *walker) next(closing byte) (more, ok bool) {
	w.ws()
	if w.pos >= len(w.data) {
		return false, false
	}
	switch w.data[w.pos] {
	case ',':
		w.pos++
		return true, true
	case closing:
		w.pos++
		w.depth--
		return false, true
	}
	return false, false
}

// key reads an object's key and the colon after it, returning the key's raw contents.
func (w *walker) key() (raw []byte, esc, hi, ok bool) {
	w.ws()
	if w.pos >= len(w.data) || w.data[w.pos] != '"' {
		return nil, false, false, false
	}
	raw, esc, hi, ok = w.str()
	if !ok {
		return
	}
	w.ws()
	if w.pos >= len(w.data) || w.data[w.pos] != ':' {
		return nil, false, false, false
	}
	w.pos++
	return raw, esc, hi, true
}

// skip passes over one value, checking its syntax only.
func (w *walker) skip() bool {
	w.ws()
	if w.pos >= len(w.data) {
		return false
	}
	switch w.data[w.pos] {
	case '"':
		_, _, _, ok := w.str()
		return ok
	case '{':
		if !w.open() {
			return false
		}
		w.ws()
		if w.pos < len(w.data) && w.data[w.pos] == '}' {
			w.pos++
			w.depth--
			return true
		}
		for {
			if _, _, _, ok := w.key(); !ok || !w.skip() {
				return false
			}
			more, ok := w.next('}')
			if !ok {
				return false
			}
			if !more {
				return true
			}
		}
	case '[':
		if !w.open() {
			return false
		}
		w.ws()
		if w.pos < len(w.data) && w.data[w.pos] == ']' {
			w.pos++
			w.depth--
			return true
		}
		for {
			if !w.skip() {
				return false
			}
			more, ok := w.next(']')
			if !ok {
				return false
			}
			if !more {
				return true
			}
		}
	case 't':
		return w.lit("true")
	case 'f':
		return w.lit("false")
	case 'n':
		return w.lit("null")
	}
	_, _, ok := w.number()
	return ok
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

func (w *walker) typeErr(c byte, want string) bool {
	if !w.full() {
		w.add("type", fmt.Errorf("socialprescribing: want %s, got %s: %w", want, jsonKindOf(c), ErrInvalid))
	}
	return w.skip()
}

// value walks one value of type ti. dst is where it goes when w.fill is set: a settable value of
// type ti.t, zero.
func (w *walker) value(ti *typeInfo, dst reflect.Value) bool {
	w.ws()
	if w.pos >= len(w.data) {
		return false
	}
	c := w.data[w.pos]
	if c == 'n' {
		if !w.lit("null") {
			return false
		}
		w.add("null", errNull)
		return true
	}
	if w.fill && ti.ptrs > 0 {
		top := dst
		for range ti.ptrs {
			dst.Set(reflect.New(dst.Type().Elem()))
			dst = dst.Elem()
		}
		n := w.nerr
		ok := w.filled(ti, dst, c)
		if w.nerr > n && ti.kind != kStruct && ti.kind != kMap && ti.kind != kSlice && ti.kind != kArray {
			top.SetZero() // a value that failed is left zero, not a pointer to zero
		}
		return ok
	}
	return w.filled(ti, dst, c)
}

// filled walks one value of type ti that starts with byte c and is not null into dst, which has
// type ti.base when w.fill is set.
func (w *walker) filled(ti *typeInfo, dst reflect.Value, c byte) bool {
	switch ti.kind {
	case kOpaque:
		start := w.pos
		if !w.skip() {
			return false
		}
		if w.fill {
			w.opaque(ti, dst, w.data[start:w.pos])
		}
		return true
	case kText:
		if c != '"' {
			return w.typeErr(c, "a string")
		}
		start := w.pos
		raw, esc, hi, ok := w.str()
		if !ok {
			return false
		}
		w.textValue(ti, dst, raw, esc, hi, w.data[start:w.pos])
		return true
	case kStruct:
		if c != '{' {
			return w.typeErr(c, "an object")
		}
		return w.object(ti, dst)
	case kMap:
		if c != '{' {
			return w.typeErr(c, "an object")
		}
		return w.mapObject(ti, dst)
	case kSlice, kArray:
		if c == '"' && ti.bytes {
			raw, esc, _, ok := w.str()
			if !ok {
				return false
			}
			s := text(raw, esc)
			b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
			n, err := base64.StdEncoding.Decode(b, s)
			if err != nil {
				w.add("type", errBase64)
			} else if w.fill {
				dst.SetBytes(b[:n])
			}
			return true
		}
		if c != '[' {
			return w.typeErr(c, "an array")
		}
		return w.array(ti, dst)
	case kString:
		if c != '"' {
			return w.typeErr(c, "a string")
		}
		raw, esc, hi, ok := w.str()
		if !ok {
			return false
		}
		if !esc && hi && !utf8.Valid(raw) {
			w.add("type", errUTF8)
			return true
		}
		if w.fill {
			s := text(raw, esc)
			if ti.number && !validNumber(s) {
				w.disagree = true
			}
			dst.SetString(string(s))
		}
		return true
	case kBool:
		switch c {
		case 't':
			if !w.lit("true") {
				return false
			}
		case 'f':
			if !w.lit("false") {
				return false
			}
		default:
			return w.typeErr(c, "a boolean")
		}
		if w.fill {
			dst.SetBool(c == 't')
		}
		return true
	case kInt, kUint, kFloat:
		if c != '-' && (c < '0' || c > '9') {
			want := "an integer"
			if ti.kind == kFloat {
				want = "a number"
			}
			return w.typeErr(c, want)
		}
		lit, frac, ok := w.number()
		if !ok {
			return false
		}
		w.numberValue(ti, dst, lit, frac)
		return true
	default:
		if !w.full() {
			w.add("type", fmt.Errorf("socialprescribing: a field of kind %s cannot be decoded: %w", ti.base.Kind(), ErrInvalid))
		}
		return w.skip()
	}
}

// opaque fills a value that encoding/json decodes without the walk's checks: a json.Unmarshaler
// gets the raw bytes as encoding/json would give them, an interface is left to encoding/json.
func (w *walker) opaque(ti *typeInfo, dst reflect.Value, raw []byte) {
	var err error
	if ti.iface {
		err = json.Unmarshal(raw, dst.Addr().Interface())
	} else {
		err = dst.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	}
	if err != nil {
		w.disagree = true
	}
}

// textValue checks a string of a kText type with its UnmarshalText and fills dst as encoding/json
// would. quoted is the string with its quotes.
func (w *walker) textValue(ti *typeInfo, dst reflect.Value, raw []byte, esc, hi bool, quoted []byte) {
	s := text(raw, esc)
	if ti.asJSON && !dateTime(s) {
		w.textErr(ti, nil)
		return
	}
	if !w.fill {
		// Check into a scratch value, kept for the next value of the type: the items of an array
		// past its limit cost no memory each.
		if w.scratchTI != ti {
			w.scratchTI, w.scratch = ti, reflect.New(ti.base)
		} else {
			w.scratch.Elem().SetZero()
		}
		if err := w.scratch.Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			w.textErr(ti, err)
		}
		return
	}
	u := dst.Addr().Interface()
	// encoding/json unmarshals time.Time through UnmarshalJSON, which does not unescape, and
	// gives UnmarshalText malformed UTF-8 replaced with U+FFFD; check as the walk always has,
	// then fill as encoding/json does.
	switch {
	case ti.asJSON && esc:
		if err := reflect.New(ti.base).Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			w.textErr(ti, err)
		} else if u.(json.Unmarshaler).UnmarshalJSON(quoted) != nil {
			w.disagree = true
		}
	case !ti.asJSON && !esc && hi && !utf8.Valid(raw):
		if err := reflect.New(ti.base).Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			w.textErr(ti, err)
		} else if u.(encoding.TextUnmarshaler).UnmarshalText(unquote(raw)) != nil {
			w.disagree = true
		}
	default:
		if err := u.(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			dst.SetZero()
			w.textErr(ti, err)
		}
	}
}

func (w *walker) textErr(ti *typeInfo, err error) {
	if ti.base == timeType {
		err = errDateTime
	}
	w.add(ti.rule, err)
}

var errDateTime = fmt.Errorf("socialprescribing: want an RFC 3339 date-time, such as 2006-01-02T15:04:05Z or 2006-01-02T15:04:05+01:00: %w", ErrSyntax)

// dateTime reports whether s has the form of an RFC 3339 date-time (section 5.6), as JSON Schema's
// "date-time" format and the pattern the library's schemas give it require, and as time.Time's own
// parser does not quite (it takes an offset of +24:00 or +23:60, a comma before the fraction, a
// one-digit hour): YYYY-MM-DDTHH:MM:SS, an optional fraction, then Z or ±HH:MM, with the hour at
// most 23, minutes and seconds at most 59, and month and day in range. time.Time's parser checks
// the calendar (no 30 February) besides.
func dateTime(s []byte) bool {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if !isDigit(s[i]) {
			return false
		}
	}
	two := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	if m, d := two(5), two(8); m < 1 || m > 12 || d < 1 || d > 31 || two(11) > 23 || two(14) > 59 || two(17) > 59 {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && isDigit(rest[n]) {
			n++
		}
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	switch {
	case len(rest) == 1 && rest[0] == 'Z':
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
		isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]):
		return (rest[1]-'0')*10+rest[2]-'0' <= 23 && (rest[4]-'0')*10+rest[5]-'0' <= 59
	}
	return false
}

// numberValue checks a number against an int, uint or float type as encoding/json does and fills dst.
func (w *walker) numberValue(ti *typeInfo, dst reflect.Value, lit []byte, frac bool) {
	switch ti.kind {
	case kInt:
		i, ok := parseInt(lit, frac)
		if !ok || ti.bits < 64 && (i < -1<<(ti.bits-1) || i > 1<<(ti.bits-1)-1) {
			w.add("type", errInt)
		} else if w.fill {
			dst.SetInt(i)
		}
	case kUint:
		u, ok := parseUint(lit, frac)
		if !ok || ti.bits < 64 && u > 1<<ti.bits-1 {
			w.add("type", errUint)
		} else if w.fill {
			dst.SetUint(u)
		}
	case kFloat:
		f, err := strconv.ParseFloat(string(lit), ti.bits)
		if err != nil {
			// ParseFloat reports overflow, the only error for a well-formed number, as ErrRange
			// with an infinity: encoding/json refuses it too.
			w.add("type", errFloat)
		} else if w.fill {
			dst.SetFloat(f)
		}
	}
}

// parseInt parses a well-formed JSON number as strconv.ParseInt(s, 10, 64) would, reporting
// whether it succeeds.
func parseInt(lit []byte, frac bool) (int64, bool) {
	if frac {
		return 0, false
	}
	neg := lit[0] == '-'
	digits := lit
	if neg {
		digits = lit[1:]
	}
	if len(digits) > 18 {
		i, err := strconv.ParseInt(string(lit), 10, 64)
		return i, err == nil
	}
	var n int64
	for _, c := range digits {
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseUint parses a well-formed JSON number as strconv.ParseUint(s, 10, 64) would, reporting
// whether it succeeds.
func parseUint(lit []byte, frac bool) (uint64, bool) {
	if frac || lit[0] == '-' {
		return 0, false
	}
	if len(lit) > 19 {
		u, err := strconv.ParseUint(string(lit), 10, 64)
		return u, err == nil
	}
	var n uint64
	for _, c := range lit {
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// validNumber is encoding/json's test of the string of a json.Number.
func validNumber(s []byte) bool {
	w := walker{data: s}
	_, _, ok := w.number()
	return ok && w.pos == len(s)
}

func (w *walker) object(ti *typeInfo, dst reflect.Value) bool {
	if !w.open() {
		return false
	}
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == '}' {
		w.pos++
		w.depth--
		return true
	}
	guess := 0
	var seenSmall uint64
	var seenBig map[int]bool
	var seenUnknown map[string]bool
	depth := len(w.path)
	for {
		raw, esc, _, ok := w.key()
		if !ok {
			return false
		}
		key := text(raw, esc)
		// Documents mostly list the keys in the order of the fields: try the next field first.
		var f *fieldInfo
		found := false
		if guess < len(ti.names) && ti.byIdx[guess] != nil && ti.names[guess] == string(key) {
			f, found = ti.byIdx[guess], true
		} else {
			f, found = ti.fields[string(key)]
		}
		if found {
			guess = f.idx + 1
		}
		w.path = append(w.path[:depth], seg{key: key, idx: -1})
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
		case len(w.errs) < maxErrors:
			// Once no more errors are kept, an unknown key repeated is counted as one more problem
			// like any other, and the keys need not be remembered.
			if seenUnknown == nil {
				seenUnknown = map[string]bool{}
			}
			dup = seenUnknown[string(key)]
			seenUnknown[string(key)] = true
		}
		if !found && !nameLike(key) {
			// An unknown key that does not look like a field name may be data (a name, a number):
			// report it at its object, without the key.
			w.path = w.path[:depth]
		}
		if dup {
			w.add("duplicate-field", errDuplicate)
		}
		if !found {
			right, wrongCase := ti.fold[strings.ToLower(string(key))]
			switch {
			case wrongCase:
				if !w.full() && w.add("unknown-field", fmt.Errorf("socialprescribing: key in the wrong case; the key is %q: %w", right, ErrUnknownField)) {
					// The value meant for the right key is not decoded: validation says nothing of it.
					at := w.path
					w.path = w.path[:depth]
					w.bad = append(w.bad, JoinPointer(w.pointer(), right))
					w.path = at
				}
			case dup:
			case w.full():
			case len(w.path) == depth:
				w.note("unknown-field", fmt.Errorf("socialprescribing: a key not defined for %s and not shown, as it does not look like a field name: %w", typeName(ti.t), ErrUnknownField))
			default:
				w.add("unknown-field", fmt.Errorf("socialprescribing: key not defined for %s: %w", typeName(ti.t), ErrUnknownField))
			}
			if !w.skip() {
				return false
			}
		} else {
			var fv reflect.Value
			if w.fill {
				fv = f.locate(dst)
			}
			w.limit, w.limitMax = f.limit, f.limitMax
			ok := w.value(f.info, fv)
			w.limit = 0
			if !ok {
				return false
			}
		}
		w.path = w.path[:depth]
		more, ok := w.next('}')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// locate returns the field f of struct v, allocating the embedded structs it is reached through,
// as encoding/json does.
func (f *fieldInfo) locate(v reflect.Value) reflect.Value {
	if !f.embed {
		if len(f.index) == 1 {
			return v.Field(f.index[0])
		}
		return v.FieldByIndex(f.index)
	}
	for i, x := range f.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

func (w *walker) mapObject(ti *typeInfo, dst reflect.Value) bool {
	if !w.open() {
		return false
	}
	if w.fill {
		dst.Set(reflect.MakeMap(ti.base))
	}
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == '}' {
		w.pos++
		w.depth--
		return true
	}
	depth := len(w.path)
	keys := len(w.keys)
	var seen map[string]bool
	var elem, kv reflect.Value
	for {
		raw, esc, hi, ok := w.key()
		if !ok {
			return false
		}
		key := text(raw, esc)
		w.path = append(w.path[:depth], seg{key: key, idx: -1})
		// Duplicates: compare with the keys so far, through a set once there are many.
		dup := false
		if seen != nil {
			dup = seen[string(key)]
			seen[string(key)] = true
		} else {
			for _, k := range w.keys[keys:] {
				if bytes.Equal(k, key) {
					dup = true
					break
				}
			}
			w.keys = append(w.keys, key)
			if len(w.keys)-keys > 16 {
				seen = map[string]bool{}
				for _, k := range w.keys[keys:] {
					seen[string(k)] = true
				}
				w.keys = w.keys[:keys]
			}
		}
		if dup {
			w.add("duplicate-field", errDuplicate)
		}
		fill := w.fill
		if ti.key != nil {
			if !kv.IsValid() {
				kv = reflect.New(ti.key)
			} else {
				kv.Elem().SetZero()
			}
			if err := kv.Interface().(encoding.TextUnmarshaler).UnmarshalText(key); err != nil {
				rule := strings.ToLower(ti.key.Name())
				if ti.key.Kind() == reflect.String {
					rule = "enum"
				}
				w.add(rule, err)
			} else if fill && !esc && hi && !utf8.Valid(raw) {
				kv.Elem().SetZero()
				if kv.Interface().(encoding.TextUnmarshaler).UnmarshalText(unquote(raw)) != nil {
					w.disagree = true
				}
			}
		}
		if fill {
			if !elem.IsValid() {
				elem = reflect.New(ti.base.Elem()).Elem()
			} else {
				elem.SetZero()
			}
		}
		if !w.value(ti.elem, elem) {
			return false
		}
		if w.fill {
			switch {
			case ti.key != nil:
				dst.SetMapIndex(kv.Elem(), elem)
			case ti.keyStr:
				dst.SetMapIndex(reflect.ValueOf(string(jsonText(raw, esc, hi))), elem)
			default:
				k := reflect.New(ti.base.Key()).Elem()
				k.SetString(string(jsonText(raw, esc, hi)))
				dst.SetMapIndex(k, elem)
			}
		}
		w.path = w.path[:depth]
		more, ok := w.next('}')
		if !ok {
			return false
		}
		if !more {
			w.keys = w.keys[:keys]
			return true
		}
	}
}

func (w *walker) array(ti *typeInfo, dst reflect.Value) bool {
	limit, limitMax := w.limit, w.limitMax
	w.limit = 0
	if !w.open() {
		return false
	}
	// keep is how many items are stored: a fixed array's length, or a slice's limit from its
	// field's tag (-1: no limit). The items past it are checked but not stored, so that a document
	// cannot make Decode allocate more than its schema allows.
	keep := -1
	if ti.kind == kArray {
		keep = ti.base.Len()
	} else if limit > 0 {
		keep = limit
	}
	depth := len(w.path)
	n := 0
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == ']' {
		w.pos++
		w.depth--
	} else {
		fill := w.fill
		for {
			w.path = append(w.path[:depth], seg{idx: n})
			var ev reflect.Value
			if fill && (keep < 0 || n < keep) {
				if ti.kind == kSlice {
					if n >= dst.Cap() {
						dst.Grow(1)
					}
					dst.SetLen(n + 1)
				}
				ev = dst.Index(n)
			} else {
				w.fill = false
			}
			if !w.value(ti.elem, ev) {
				return false
			}
			w.path = w.path[:depth]
			n++
			more, ok := w.next(']')
			if !ok {
				return false
			}
			if !more {
				break
			}
		}
		w.fill = fill
	}
	switch {
	case (ti.kind == kArray && n != ti.base.Len() || n > keep && keep >= 0) && w.full():
	case ti.kind == kArray && n != ti.base.Len():
		w.add("type", fmt.Errorf("socialprescribing: want exactly %d items: %w", ti.base.Len(), ErrInvalid))
	case n > keep && keep >= 0 && limitMax:
		w.add("max", fmt.Errorf("socialprescribing: number of items must be at most %d: %w", limit, ErrInvalid))
	case n > keep && keep >= 0:
		w.add("len", fmt.Errorf("socialprescribing: number of items must be exactly %d: %w", limit, ErrInvalid))
	case ti.kind == kSlice && n == 0 && w.fill:
		dst.Set(reflect.MakeSlice(ti.base, 0, 0))
	}
	return true
}

// nameLike reports whether an unknown key looks like a field name — up to 64 ASCII letters, digits,
// '_' and '-', starting with a letter, with no run of six or more digits — and so may be shown in an
// error path. Anything else may be personal data that a mis-shaped document put in key position.
func nameLike[K ~string | ~[]byte](key K) bool {
	if len(key) == 0 || len(key) > 64 {
		return false
	}
	run := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= '0' && c <= '9':
			if i == 0 {
				return false
			}
			if run++; run >= 6 {
				return false
			}
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', (c == '_' || c == '-') && i > 0:
		default:
			return false
		}
		run = 0
	}
	return true
}

// Validator is a document type that checks its own rules. Every document type of the library is one.
type Validator interface {
	Validate() error
}

// DecodeAndValidate decodes data strictly into v, as [Decode] does, then runs v's Validate method,
// and returns every problem of the document at once: nil, or one [*ValidationError] holding the
// problems of its form (Decode's rules) and of its content (Validate's). v must be a non-nil pointer
// to a document type, such as *referral.Referral.
//
// Decoding goes on past a value that fails (a bad NHS number, an enum in the wrong case), and
// Validate runs on what did decode, with each failed value left zero. Nothing is reported at or below
// the path of a value that failed to decode, so its zero value does not add a "required" to the
// problem the decoder found; the value meant for a key in the wrong case counts as failed too. Only
// malformed JSON stops the walk: it is reported alone (rule "syntax"). A document with more than 100
// problems lists the first 100 by path and a last entry counting the rest (see [ValidationError]);
// when decoding alone finds that many, Validate is not run.
//
// v is set only if the document is valid: on error it is left unchanged, so an invalid document
// cannot be used by mistake. If it was not zero, v is replaced, not merged into.
//
// DecodeAndValidate is the one call to make for a document received from outside. It is safe for
// concurrent use if v's Validate is.
func DecodeAndValidate(data []byte, v Validator) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("socialprescribing: DecodeAndValidate needs a non-nil pointer, not %T: %w", v, ErrInvalid)
	}
	t := rv.Type().Elem()
	fresh := reflect.New(t)
	d := decodeFresh(data, fresh)
	typ := typeName(t)
	if d.failed() && (!d.partial || d.more > 0) {
		return d.err(typ)
	}
	var verr error
	if val, ok := fresh.Interface().(Validator); ok {
		verr = val.Validate()
	}
	if verr == nil && !d.failed() {
		rv.Elem().Set(fresh.Elem())
		return nil
	}
	errs := d.errs
	var ve *ValidationError
	switch {
	case verr == nil:
	case errors.As(verr, &ve):
		for _, fe := range ve.Errors {
			if !below(fe.Path, d.bad) {
				errs = append(errs, fe)
			}
		}
	default:
		if !below("", d.bad) {
			errs = append(errs, &FieldError{Rule: "invalid", Err: verr})
		}
	}
	if len(errs) == 0 {
		return verr
	}
	errs = sortErrors(errs)
	more := 0
	if len(errs) > maxErrors {
		more = len(errs) - maxErrors
		errs = errs[:maxErrors]
	}
	return &ValidationError{Type: typ, Errors: capErrors(errs, more)}
}

// below reports whether path is one of paths or below one of them.
func below(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || len(path) > len(p) && path[len(p)] == '/' && path[:len(p)] == p {
			return true
		}
	}
	return false
}
