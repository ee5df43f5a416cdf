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
// rules.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("socialprescribing: Decode needs a non-nil pointer, not %T: %w", v, ErrInvalid)
	}
	w := walker{dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	w.walk(rv.Type().Elem(), "")
	if w.fatal == nil {
		if _, err := w.dec.Token(); err != io.EOF {
			w.add("", "trailing-data", fmt.Errorf("socialprescribing: data after the end of the JSON document: %w", ErrSyntax))
		}
	}
	if w.fatal != nil {
		return &ValidationError{Type: typeName(rv.Type().Elem()), Errors: []*FieldError{w.fatal}}
	}
	if len(w.errs) > 0 {
		// Sort into the order ValidationError documents: by path, then rule.
		slices.SortStableFunc(w.errs, func(a, b *FieldError) int {
			if c := cmp.Compare(a.Path, b.Path); c != 0 {
				return c
			}
			return cmp.Compare(a.Rule, b.Rule)
		})
		return &ValidationError{Type: typeName(rv.Type().Elem()), Errors: w.errs}
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The walk accepted the document, so this is a disagreement between the walk and
		// encoding/json; report it without the message, which may quote input.
		return &ValidationError{Type: typeName(rv.Type().Elem()), Errors: []*FieldError{{
			Rule: "syntax", Err: fmt.Errorf("socialprescribing: document rejected by encoding/json: %w", ErrSyntax)}}}
	}
	return nil
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

type walker struct {
	dec   *json.Decoder
	errs  []*FieldError
	fatal *FieldError
}

func (w *walker) add(path, rule string, err error) {
	w.errs = append(w.errs, &FieldError{Path: path, Rule: rule, Err: err})
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

// token reads the next token; on a syntax error it records the one fatal error and returns ok=false.
func (w *walker) token() (json.Token, bool) {
	if w.fatal != nil {
		return nil, false
	}
	tok, err := w.dec.Token()
	if err != nil {
		off := w.dec.InputOffset()
		msg := fmt.Errorf("socialprescribing: malformed JSON near byte offset %d: %w", off, ErrSyntax)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = fmt.Errorf("socialprescribing: JSON document ends too soon: %w", ErrSyntax)
		}
		w.fatal = &FieldError{Rule: "syntax", Err: msg}
		return nil, false
	}
	return tok, true
}

// skipRest consumes the rest of a value whose first token was tok.
func (w *walker) skipRest(tok json.Token) {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return
	}
	depth := 1
	for depth > 0 {
		t, ok := w.token()
		if !ok {
			return
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
}

func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

func (w *walker) typeErr(path string, tok json.Token, want string) {
	w.add(path, "type", fmt.Errorf("socialprescribing: want %s, got %s: %w", want, jsonKind(tok), ErrInvalid))
	w.skipRest(tok)
}

// valueRule names the rule of a value type for its decode errors: "enum" for typed strings, the
// lower-cased type name otherwise ("date", "nhsnumber", "sctid", "money").
func valueRule(t reflect.Type) string {
	if t.Kind() == reflect.String {
		return "enum"
	}
	if t == reflect.TypeFor[json.Number]() {
		return "type"
	}
	n := strings.ToLower(t.Name())
	if n == "time" {
		return "date-time"
	}
	return n
}

func (w *walker) walk(t reflect.Type, path string) {
	tok, ok := w.token()
	if !ok {
		return
	}
	if tok == nil {
		w.add(path, "null", fmt.Errorf("socialprescribing: null is not allowed; leave the key out: %w", ErrInvalid))
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(textUnmarshalerType) && !pt.Implements(jsonUnmarshalerType) || t == reflect.TypeFor[time.Time]() {
		s, isStr := tok.(string)
		if !isStr {
			w.typeErr(path, tok, "a string")
			return
		}
		nv := reflect.New(t)
		if err := nv.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			if t == reflect.TypeFor[time.Time]() {
				err = fmt.Errorf("socialprescribing: want an RFC 3339 date-time: %w", ErrSyntax)
			}
			w.add(path, valueRule(t), err)
		}
		return
	}
	if pt.Implements(jsonUnmarshalerType) {
		// Opaque to the walk; encoding/json decodes it.
		w.skipRest(tok)
		return
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		// encoding/json writes a []byte as a base64 string (and also reads an array of numbers).
		if s, isStr := tok.(string); isStr {
			if _, err := base64.StdEncoding.DecodeString(s); err != nil {
				w.add(path, "type", fmt.Errorf("socialprescribing: want base64 data: %w", ErrInvalid))
			}
			return
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		d, isDelim := tok.(json.Delim)
		if !isDelim || d != '{' {
			w.typeErr(path, tok, "an object")
			return
		}
		w.object(t, path)
	case reflect.Map:
		d, isDelim := tok.(json.Delim)
		// Keys that implement encoding.TextUnmarshaler (enums, value types) are checked as
		// encoding/json will read them, so a bad key is reported at its path.
		keyType := t.Key()
		keyText := reflect.PointerTo(keyType).Implements(textUnmarshalerType)
		if !isDelim || d != '{' || (keyType.Kind() != reflect.String && !keyText) {
			w.typeErr(path, tok, "an object")
			return
		}
		seen := map[string]bool{}
		for {
			kt, ok := w.token()
			if !ok {
				return
			}
			if kt == json.Delim('}') {
				return
			}
			key := kt.(string)
			p := JoinPointer(path, key)
			if seen[key] {
				w.add(p, "duplicate-field", fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField))
			}
			seen[key] = true
			if keyText {
				if err := reflect.New(keyType).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(key)); err != nil {
					w.add(p, valueRule(keyType), err)
				}
			}
			w.walk(t.Elem(), p)
		}
	case reflect.Slice, reflect.Array:
		d, isDelim := tok.(json.Delim)
		if !isDelim || d != '[' {
			w.typeErr(path, tok, "an array")
			return
		}
		for i := 0; ; i++ {
			if w.fatal != nil {
				return
			}
			if !w.dec.More() {
				w.token() // ']'
				if t.Kind() == reflect.Array && i != t.Len() {
					w.add(path, "type", fmt.Errorf("socialprescribing: want exactly %d items: %w", t.Len(), ErrInvalid))
				}
				return
			}
			w.walk(t.Elem(), JoinPointer(path, strconv.Itoa(i)))
		}
	case reflect.String:
		if _, isStr := tok.(string); !isStr {
			w.typeErr(path, tok, "a string")
		}
	case reflect.Bool:
		if _, isBool := tok.(bool); !isBool {
			w.typeErr(path, tok, "a boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, isNum := tok.(json.Number)
		if !isNum {
			w.typeErr(path, tok, "an integer")
			return
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			w.add(path, "type", fmt.Errorf("socialprescribing: want an integer in range for the field: %w", ErrInvalid))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, isNum := tok.(json.Number)
		if !isNum {
			w.typeErr(path, tok, "an integer")
			return
		}
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || reflect.Zero(t).OverflowUint(u) {
			w.add(path, "type", fmt.Errorf("socialprescribing: want a non-negative integer in range for the field: %w", ErrInvalid))
		}
	case reflect.Float32, reflect.Float64:
		n, isNum := tok.(json.Number)
		if !isNum {
			w.typeErr(path, tok, "a number")
			return
		}
		// Parse at the field's own size, as encoding/json does, so a float32 overflow is caught here.
		f, err := strconv.ParseFloat(string(n), t.Bits())
		if err != nil || math.IsInf(f, 0) {
			w.add(path, "type", fmt.Errorf("socialprescribing: number out of range: %w", ErrInvalid))
		}
	case reflect.Interface:
		w.skipRest(tok)
	default:
		w.add(path, "type", fmt.Errorf("socialprescribing: field of kind %s cannot be decoded: %w", t.Kind(), ErrInvalid))
		w.skipRest(tok)
	}
}

func (w *walker) object(t reflect.Type, path string) {
	fields := fieldsOf(t)
	var seen []string
	for {
		kt, ok := w.token()
		if !ok {
			return
		}
		if kt == json.Delim('}') {
			return
		}
		key := kt.(string)
		p := JoinPointer(path, key)
		for _, s := range seen {
			if s == key {
				w.add(p, "duplicate-field", fmt.Errorf("socialprescribing: key appears more than once: %w", ErrDuplicateField))
				break
			}
		}
		seen = append(seen, key)
		ft, found := fields.byName[key]
		if !found {
			if _, folded := fields.byFold[strings.ToLower(key)]; folded {
				w.add(p, "unknown-field", fmt.Errorf("socialprescribing: key in the wrong case: %w", ErrUnknownField))
			} else {
				w.add(p, "unknown-field", fmt.Errorf("socialprescribing: key not defined for %s: %w", typeName(t), ErrUnknownField))
			}
			tok, ok := w.token()
			if ok {
				w.skipRest(tok)
			}
			continue
		}
		w.walk(ft, p)
	}
}

type fieldSet struct {
	byName map[string]reflect.Type
	byFold map[string]string
}

var fieldCache sync.Map // reflect.Type → *fieldSet; an internal cache, not observable state

func fieldsOf(t reflect.Type) *fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fieldSet)
	}
	fs := &fieldSet{byName: map[string]reflect.Type{}, byFold: map[string]string{}}
	collectFields(t, fs)
	v, _ := fieldCache.LoadOrStore(t, fs)
	return v.(*fieldSet)
}

func collectFields(t reflect.Type, fs *fieldSet) {
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
				collectFields(ft, fs)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs.byName[name] = f.Type
		fs.byFold[strings.ToLower(name)] = name
	}
}
