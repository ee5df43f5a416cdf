package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// Patterns that hold dates and instants to the form of JSON Schema's "date" and "date-time" formats
// (RFC 3339 section 5.6), for a validator that treats format as an annotation only, as draft 2020-12
// does by default: without them such a validator accepts "2024-1-5" as a date. The calendar (no 30
// February) is left to the format, and to Go, which checks it always.
const (
	datePattern     = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
	dateTimePattern = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`
)

// translateStruct adds to a struct's schema the keywords its fields' validate tags imply. It is the one
// place where Go's constraints become JSON Schema keywords; a tag outside validation.Tags is an error,
// so no constraint is executed in Go without the schema knowing of it.
func translateStruct(def *jsonschema.Schema, t reflect.Type, vts map[reflect.Type]valueType) error {
	def.Required = nil
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		tag := f.Tag.Get("validate")
		if tag == "" || tag == "-" {
			continue
		}
		prop, ok := def.Properties.Get(name)
		if !ok {
			return fmt.Errorf("%s.%s: no property %q in the reflected schema", t.Name(), f.Name, name)
		}
		if err := translateField(def, name, prop, f.Type, strings.Split(tag, ","), vts); err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
	}
	return nil
}

func isNumber(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func u64(param string) (*uint64, error) {
	n, err := strconv.ParseUint(param, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("tag parameter %q is not a count", param)
	}
	return &n, nil
}

func num(param string) (json.Number, error) {
	if _, err := strconv.ParseFloat(param, 64); err != nil {
		return "", fmt.Errorf("tag parameter %q is not a number", param)
	}
	return json.Number(param), nil
}

// translateField applies tags to one property. parent is the object schema holding it (nil for the
// items of a dive).
func translateField(parent *jsonschema.Schema, name string, s *jsonschema.Schema, t reflect.Type, tags []string, vts map[reflect.Type]valueType) error {
	ptr := false
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		ptr = true
	}
	_, isValue := vts[t]
	kind := t.Kind()
	isString := kind == reflect.String && !isValue
	isSlice := kind == reflect.Slice || kind == reflect.Array
	var required, omitempty bool
	var lowerExcludesZero bool // some tag rejects the zero value
	for i, tag := range tags {
		key, param, _ := strings.Cut(tag, "=")
		if strings.Contains(tag, "|") {
			return fmt.Errorf("validate tag %q: alternatives (|) have no JSON Schema translation", tag)
		}
		if key != "" && !containsTag(key) {
			return fmt.Errorf("validate tag %q has no JSON Schema translation (allowed: %v)", key, validation.Tags())
		}
		var err error
		switch key {
		case "omitempty":
			omitempty = true
		case "required":
			required = true
			if parent != nil {
				parent.Required = append(parent.Required, name)
			}
			if !ptr {
				switch {
				case kind == reflect.Bool:
					return fmt.Errorf("required on a bool rejects false; use a pointer")
				case isString:
					s.MinLength = ptrU64(1)
				}
			}
		case "min", "gte", "gt":
			n := param
			if key == "gt" && !isNumber(kind) {
				c, err := u64(param)
				if err != nil {
					return err
				}
				n = strconv.FormatUint(*c+1, 10)
			}
			switch {
			case isString:
				s.MinLength, err = u64(n)
				lowerExcludesZero = lowerExcludesZero || n != "0"
			case isSlice:
				s.MinItems, err = u64(n)
				lowerExcludesZero = lowerExcludesZero || n != "0"
			case isNumber(kind):
				if key == "gt" {
					s.ExclusiveMinimum, err = num(n)
					lowerExcludesZero = lowerExcludesZero || !strings.HasPrefix(n, "-")
				} else {
					s.Minimum, err = num(n)
					f, _ := strconv.ParseFloat(n, 64)
					lowerExcludesZero = lowerExcludesZero || f > 0
				}
			default:
				return fmt.Errorf("tag %q on a %s has no translation", key, kind)
			}
		case "max", "lte", "lt":
			n := param
			if key == "lt" && !isNumber(kind) {
				c, err := u64(param)
				if err != nil || *c == 0 {
					return fmt.Errorf("tag lt=%s on a length has no translation", param)
				}
				n = strconv.FormatUint(*c-1, 10)
			}
			switch {
			case isString:
				s.MaxLength, err = u64(n)
			case isSlice:
				s.MaxItems, err = u64(n)
			case isNumber(kind):
				if key == "lt" {
					s.ExclusiveMaximum, err = num(n)
				} else {
					s.Maximum, err = num(n)
				}
			default:
				return fmt.Errorf("tag %q on a %s has no translation", key, kind)
			}
		case "len":
			switch {
			case isString:
				s.MinLength, err = u64(param)
				s.MaxLength = s.MinLength
			case isSlice:
				s.MinItems, err = u64(param)
				s.MaxItems = s.MinItems
			default:
				return fmt.Errorf("tag len on a %s has no translation", kind)
			}
			lowerExcludesZero = lowerExcludesZero || param != "0"
		case "oneof":
			vals := strings.Fields(param)
			s.Enum = make([]any, len(vals))
			for j, v := range vals {
				if isNumber(kind) {
					s.Enum[j] = json.Number(v)
				} else if kind == reflect.String {
					s.Enum[j] = v
				} else {
					return fmt.Errorf("tag oneof on a %s has no translation", kind)
				}
			}
			lowerExcludesZero = true
		case "unique":
			if !isSlice {
				return fmt.Errorf("tag unique on a %s has no translation", kind)
			}
			s.UniqueItems = true
		case "nocontrol":
			if !isString {
				return fmt.Errorf("tag nocontrol on a %s has no translation", kind)
			}
			s.Pattern = noControlPattern
		case "enum":
			if !isValue || kind != reflect.String {
				return fmt.Errorf("tag enum on %s, which is not a registered enum", t)
			}
		case "dive":
			if !isSlice || s.Items == nil {
				return fmt.Errorf("tag dive on a %s has no translation", kind)
			}
			if err := translateField(nil, "", s.Items, t.Elem(), tags[i+1:], vts); err != nil {
				return fmt.Errorf("items: %w", err)
			}
			return checkZero(ptr, required, omitempty, lowerExcludesZero, kind)
		case "":
			return fmt.Errorf("empty validate tag")
		}
		if err != nil {
			return err
		}
	}
	if required && !ptr && isNumber(kind) && !lowerExcludesZero {
		return fmt.Errorf("required on a number rejects 0 in Go but not in the schema; use a pointer or a lower bound above 0")
	}
	return checkZero(ptr, required, omitempty, lowerExcludesZero, kind)
}

// checkZero rejects tag sets under which Go and the schema would disagree about a missing key: an
// optional field whose zero value Go rejects is in effect required in Go but not in the schema.
func checkZero(ptr, required, omitempty, lowerExcludesZero bool, kind reflect.Kind) error {
	if required || !lowerExcludesZero {
		return nil
	}
	if ptr && omitempty {
		return nil
	}
	if ptr {
		return fmt.Errorf("an optional pointer with constraints needs omitempty (validator rejects nil otherwise)")
	}
	if omitempty {
		return fmt.Errorf("omitempty with a constraint that rejects the zero value: Go accepts the zero value, the schema does not; use a pointer")
	}
	return fmt.Errorf("an optional %s whose zero value fails its constraints is required in Go but not in the schema", kind)
}

func containsTag(key string) bool {
	for _, t := range validation.Tags() {
		if t == key {
			return true
		}
	}
	return false
}

func ptrU64(n uint64) *uint64 { return &n }

// noControlPattern is the schema of the "nocontrol" tag: no C0 or C1 control character, no DEL,
// no line or paragraph separator (U+2028, U+2029, written as themselves). It reads the same as an
// ECMA-262 regular expression, with or without the u flag, and as a Go one.
const noControlPattern = `^[^\x00-\x1F\x7F-\x9F` + "\u2028\u2029" + `]*$`
