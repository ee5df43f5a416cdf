package validation

import "reflect"

// ValidatorVerdict runs validator/v10 alone over s, the reference the generated checks are held to.
func ValidatorVerdict(s any) error { return v.Struct(s) }

// RegisteredTypes lists the struct types with a generated check.
func RegisteredTypes() []reflect.Type {
	out := make([]reflect.Type, 0, len(checks))
	for t := range checks {
		out = append(out, t.Elem())
	}
	return out
}
