// Package validation holds the library's one validator/v10 instance and turns its errors into the
// library's error shape. Nothing outside this module can reach it, so no caller can register a tag
// that changes how another caller's documents are checked.
//
// The validate tags are checked twice over, from the one source: validator/v10 reads them at run
// time, and `go generate` (the gen directory) reads them once and writes each package's
// tagcheck_gen.go, plain Go that says whether every tag of a value holds. [Struct] asks the
// generated check first and runs the validator only when it says no, to report which tags are
// broken: a valid document — the common case — is checked without reflection. A type with no
// generated check (a new one, before go generate is run) is simply checked by the validator alone,
// and a property test holds the generated checks to the validator's verdict on random documents.
package validation

//go:generate go run -tags tagcheckgen ./gen

import (
	"bytes"
	"cmp"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/go-playground/validator/v10"
)

// Tags lists every validate tag the library uses. The schema package translates exactly these into
// JSON Schema keywords and fails on any other, so a tag cannot be used in Go without the schema
// knowing it.
func Tags() []string {
	return []string{"required", "omitempty", "min", "max", "len", "gte", "lte", "gt", "lt", "oneof", "dive", "unique", "enum", "nocontrol"}
}

// NoControl reports whether s holds no control character (C0, DEL or C1), no Unicode line or
// paragraph separator and no invalid UTF-8: text that cannot move a terminal's cursor, forge a line
// of a report or hide what follows it. It is what the "nocontrol" tag checks, on identifiers and
// other text that reports show to people.
func NoControl(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// validatable is what the "enum" tag calls.
type validatable interface{ IsValid() bool }

var v = newValidator()

func newValidator() *validator.Validate {
	// WithTagNameFuncBlankOmit lets an embedded struct add no segment to the namespace, as
	// encoding/json promotes its fields: its errors are at /id, not /Base/id.
	val := validator.New(validator.WithRequiredStructEnabled(), validator.WithTagNameFuncBlankOmit())
	val.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return f.Name
		}
		if name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if f.Anonymous && ft.Kind() == reflect.Struct {
				return ""
			}
			return f.Name
		}
		return name
	})
	if err := val.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		if f.CanAddr() && f.Addr().CanInterface() {
			// A pointer boxes without allocating; a value would be copied to the heap.
			if e, ok := f.Addr().Interface().(validatable); ok {
				return e.IsValid()
			}
		}
		if f.CanInterface() {
			if e, ok := f.Interface().(validatable); ok {
				return e.IsValid()
			}
		}
		return false
	}); err != nil {
		panic(err)
	}
	if err := val.RegisterValidation("nocontrol", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		return f.Kind() == reflect.String && NoControl(f.String())
	}); err != nil {
		panic(err)
	}
	return val
}

// Errors collects the FieldErrors of one document.
type Errors struct {
	typ  string
	errs []*sp.FieldError
}

// New returns an empty collector for a document of the named type ("referral.Referral").
func New(typ string) *Errors { return &Errors{typ: typ} }

// Struct runs the validator over s (a struct or pointer to one) and returns a collector holding what
// it found, to which the caller adds its own cross-field checks.
func Struct(typ string, s any) *Errors {
	c := New(typ)
	if Holds(s) {
		return c
	}
	err := v.Struct(s)
	if err == nil {
		return c
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		c.Add("", "validate", fmt.Errorf("validation: %w", sp.ErrInvalid))
		return c
	}
	for _, fe := range ves {
		c.errs = append(c.errs, convert(fe))
	}
	return c
}

// StructOwn is Struct for a document that holds other documents, each with a Validate of its own:
// it checks the tags on s's own fields (a required part, a limit on a list of parts) and not the
// tags inside the parts, which their Validate reports. It asks the generated check of the whole
// document first, which holds only if every tag inside it holds.
func StructOwn(typ string, s any) *Errors {
	c := New(typ)
	if Holds(s) {
		return c
	}
	// The filter sees the Go namespace of each field: "Episode.Referral" is the document's own,
	// "Episode.Referral.ID" and "Episode.Measurements[0].Date" are inside a part.
	err := v.StructFiltered(s, func(ns []byte) bool { return bytes.Count(ns, []byte{'.'}) > 1 })
	if err == nil {
		return c
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		c.Add("", "validate", fmt.Errorf("validation: %w", sp.ErrInvalid))
		return c
	}
	for _, fe := range ves {
		c.errs = append(c.errs, convert(fe))
	}
	return c
}

// Add records a broken rule at a JSON Pointer path.
func (c *Errors) Add(path, rule string, err error) {
	c.errs = append(c.errs, &sp.FieldError{Path: path, Rule: rule, Err: err})
}

// Merge adds the FieldErrors of err (a *ValidationError from a nested document) under prefix.
func (c *Errors) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var ve *sp.ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Errors {
			c.errs = append(c.errs, &sp.FieldError{Path: prefix + fe.Path, Rule: fe.Rule, Err: fe.Err})
		}
		return
	}
	c.Add(prefix, "invalid", err)
}

// Len returns the number of errors collected.
func (c *Errors) Len() int { return len(c.errs) }

// Err returns nil if nothing was collected, or a *ValidationError with the errors sorted by path and
// rule.
func (c *Errors) Err() error {
	if len(c.errs) == 0 {
		return nil
	}
	errs := slices.Clone(c.errs)
	slices.SortStableFunc(errs, func(a, b *sp.FieldError) int {
		if x := cmp.Compare(a.Path, b.Path); x != 0 {
			return x
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
	// A value reported missing or empty hides what the rules of its members would add: "/person:
	// required" needs no "/person/nhsNumber" beside it. Sorted by path, a missing value comes before
	// everything below it.
	kept := errs[:0]
	var missing []string
	for _, fe := range errs {
		if below(fe.Path, missing) {
			continue
		}
		if fe.Rule == "required" {
			missing = append(missing, fe.Path+"/")
		}
		kept = append(kept, fe)
	}
	return &sp.ValidationError{Type: c.typ, Errors: kept}
}

// below reports whether path starts with one of prefixes.
func below(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// convert turns one validator error into a FieldError, never copying the field's value.
func convert(fe validator.FieldError) *sp.FieldError {
	path := Pointer(fe.Namespace())
	tag := fe.Tag()
	var err error
	switch tag {
	case "required":
		err = fmt.Errorf("missing or empty: %w", sp.ErrRequired)
	case "min", "gte":
		err = fmt.Errorf("%s must be at least %s: %w", measure(fe), fe.Param(), sp.ErrInvalid)
	case "max", "lte":
		err = fmt.Errorf("%s must be at most %s: %w", measure(fe), fe.Param(), sp.ErrInvalid)
	case "gt":
		err = fmt.Errorf("%s must be more than %s: %w", measure(fe), fe.Param(), sp.ErrInvalid)
	case "lt":
		err = fmt.Errorf("%s must be less than %s: %w", measure(fe), fe.Param(), sp.ErrInvalid)
	case "len":
		err = fmt.Errorf("%s must be exactly %s: %w", measure(fe), fe.Param(), sp.ErrInvalid)
	case "oneof":
		err = fmt.Errorf("must be one of [%s]: %w", fe.Param(), sp.ErrInvalid)
	case "unique":
		err = fmt.Errorf("items must be unique: %w", sp.ErrInvalid)
	case "enum":
		err = fmt.Errorf("not one of the defined values: %w", sp.ErrInvalid)
		// The type's own UnmarshalText error lists its values; the empty string is none of them.
		if u, ok := reflect.New(fe.Type()).Interface().(encoding.TextUnmarshaler); ok {
			if uerr := u.UnmarshalText(nil); uerr != nil && errors.Is(uerr, sp.ErrInvalid) {
				err = uerr
			}
		}
	case "nocontrol":
		err = fmt.Errorf("must not hold a control character or line break: %w", sp.ErrInvalid)
	default:
		err = fmt.Errorf("breaks rule %q: %w", tag, sp.ErrInvalid)
	}
	return &sp.FieldError{Path: path, Rule: tag, Err: err}
}

func measure(fe validator.FieldError) string {
	switch fe.Kind() {
	case reflect.String:
		return "length"
	case reflect.Slice, reflect.Array, reflect.Map:
		return "number of items"
	}
	return "value"
}

// Pointer turns a validator namespace ("Referral.person.needs[0]") into a JSON Pointer
// ("/person/needs/0"), dropping the leading Go type name. A bracketed map key is one token even when
// it holds a dot ("Doc.meta[v1.2]" is "/meta/v1.2"); it ends at the first "]" followed by ".", "[" or
// the end.
func Pointer(ns string) string {
	_, rest, found := strings.Cut(ns, ".")
	if !found {
		return ""
	}
	var tokens []string
	for rest != "" {
		if rest[0] == '[' {
			end := -1
			for i := 1; i < len(rest); i++ {
				if rest[i] == ']' && (i+1 == len(rest) || rest[i+1] == '.' || rest[i+1] == '[') {
					end = i
					break
				}
			}
			if end < 0 {
				tokens = append(tokens, rest)
				break
			}
			tokens = append(tokens, rest[1:end])
			rest = strings.TrimPrefix(rest[end+1:], ".")
			continue
		}
		i := strings.IndexAny(rest, ".[")
		if i < 0 {
			tokens = append(tokens, rest)
			break
		}
		tokens = append(tokens, rest[:i])
		if rest[i] == '.' {
			i++
		}
		rest = rest[i:]
	}
	return sp.JoinPointer("", tokens...)
}

// Itoa is strconv.Itoa, for building paths.
func Itoa(i int) string { return strconv.Itoa(i) }

// checks maps a pointer type to the generated check of its validate tags. The generated files fill
// it in their init functions (Register); it is never written afterwards.
var checks = map[reflect.Type]func(any) bool{}

// Register records check as the generated tag check of *T. Only generated code calls it, from init.
func Register[T any](check func(*T) bool) {
	checks[reflect.TypeFor[*T]()] = func(x any) bool { return check(x.(*T)) }
}

// Holds reports whether every validate tag of *p (p a pointer to a struct) certainly holds, by its
// generated check. It returns false when the tags do not hold or when the type has no generated
// check; then only the validator can say.
func Holds(p any) bool {
	check, ok := checks[reflect.TypeOf(p)]
	return ok && check(p)
}

// Registered reports whether values of type t (a struct type) have a generated check.
func Registered(t reflect.Type) bool {
	_, ok := checks[reflect.PointerTo(t)]
	return ok
}

// NonZero reports whether v is not its type's zero value: the validator's "required" on a
// comparable value.
func NonZero[T comparable](v T) bool {
	var zero T
	return v != zero
}

// NonZeroValue is NonZero for a value that is not comparable, by reflection.
func NonZeroValue(p any) bool { return !reflect.ValueOf(p).Elem().IsZero() }

// Runes returns the number of runes in s, as the validator counts a string's length.
func Runes(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// Unique reports whether no two items of s are equal: the validator's "unique" on a slice.
func Unique[T comparable](s []T) bool {
	if len(s) > 32 {
		seen := make(map[T]struct{}, len(s))
		for _, x := range s {
			if _, dup := seen[x]; dup {
				return false
			}
			seen[x] = struct{}{}
		}
		return true
	}
	for i := 1; i < len(s); i++ {
		for j := range i {
			if s[i] == s[j] {
				return false
			}
		}
	}
	return true
}
