package socialprescribing

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxMaskDepth bounds how deep Masked walks, against cyclic values.
const maxMaskDepth = 32

// Masked returns the form of v to log: the same structure, with every value of the library's types in
// its masked form. Log through it whatever may hold the library's types — a slice of referrals, a map
// of people, a struct of your own with a plan in it:
//
//	logger.Info("imported", "referrals", sp.Masked(referrals))
//
// A type's own LogValue comes first (every type of the library that holds personal data has one),
// then a String method; values of other types are walked: structs as groups of their exported fields
// (under their JSON names), slices, arrays and maps as groups keyed by index or key, pointers and
// interfaces through to what they hold. Without it, slog's JSON handler encodes a slice or map of the
// library's types, and a struct of your own holding them, as JSON: the document itself, with its NHS
// numbers, dates of birth and free text. [NewMaskingHandler] applies Masked to every attribute of a
// logger, so that none can be missed.
//
// Only the library's types are masked: a string of your own, or a map key, is logged as it is.
func Masked(v any) slog.Value {
	return maskValue(reflect.ValueOf(v), 0)
}

var (
	logValuerType = reflect.TypeFor[slog.LogValuer]()
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	errorType     = reflect.TypeFor[error]()
)

func maskValue(v reflect.Value, depth int) slog.Value {
	if !v.IsValid() {
		return slog.AnyValue(nil)
	}
	if depth > maxMaskDepth {
		return slog.StringValue("…")
	}
	t := v.Type()
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return slog.AnyValue(nil)
		}
		if v.CanInterface() && (t.Implements(logValuerType) || t.Implements(stringerType) || t.Implements(errorType)) {
			break // a method on the pointer (or interface) itself
		}
		v = v.Elem()
		t = v.Type()
	}
	if v.CanInterface() {
		switch x := v.Interface().(type) {
		case slog.LogValuer:
			return maskSlogValue(slog.AnyValue(x), depth+1)
		case time.Time:
			return slog.TimeValue(x)
		case time.Duration:
			return slog.DurationValue(x)
		case error:
			return slog.StringValue(x.Error())
		case fmt.Stringer:
			return slog.StringValue(x.String())
		case fmt.Formatter:
			return slog.StringValue(fmt.Sprint(x))
		}
		// A method on the pointer: reach it through an addressable copy.
		if v.Kind() != reflect.Pointer {
			p := reflect.New(t)
			p.Elem().Set(v)
			switch x := p.Interface().(type) {
			case slog.LogValuer:
				return maskSlogValue(slog.AnyValue(x), depth+1)
			case error:
				return slog.StringValue(x.Error())
			case fmt.Stringer:
				return slog.StringValue(x.String())
			}
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		var attrs []slog.Attr
		attrs = appendFields(attrs, v, depth)
		return slog.GroupValue(attrs...)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			return slog.StringValue(strconv.Itoa(v.Len()) + " bytes")
		}
		if v.Len() == 0 {
			return slog.AnyValue([]any{})
		}
		attrs := make([]slog.Attr, v.Len())
		for i := range v.Len() {
			attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: maskValue(v.Index(i), depth+1)}
		}
		return slog.GroupValue(attrs...)
	case reflect.Map:
		if v.Len() == 0 {
			return slog.AnyValue(map[string]any{})
		}
		attrs := make([]slog.Attr, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			attrs = append(attrs, slog.Attr{Key: mapKey(it.Key()), Value: maskValue(it.Value(), depth+1)})
		}
		slices.SortFunc(attrs, func(a, b slog.Attr) int { return cmp.Compare(a.Key, b.Key) })
		return slog.GroupValue(attrs...)
	case reflect.String:
		return slog.StringValue(v.String())
	case reflect.Bool:
		return slog.BoolValue(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return slog.Int64Value(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return slog.Uint64Value(v.Uint())
	case reflect.Float32, reflect.Float64:
		return slog.Float64Value(v.Float())
	}
	return slog.StringValue(t.String())
}

// appendFields appends the exported fields of struct v as attributes named as encoding/json names
// them, the fields of an embedded struct without a name promoted.
func appendFields(attrs []slog.Attr, v reflect.Value, depth int) []slog.Attr {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		fv := v.Field(i)
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				fv, ft = fv.Elem(), ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !hasLogMethod(ft) {
				if depth < maxMaskDepth {
					attrs = appendFields(attrs, fv, depth+1)
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		attrs = append(attrs, slog.Attr{Key: name, Value: maskValue(fv, depth+1)})
	}
	return attrs
}

// hasLogMethod reports whether t or *t has a method that Masked prints instead of the fields.
func hasLogMethod(t reflect.Type) bool {
	for _, m := range []reflect.Type{t, reflect.PointerTo(t)} {
		if m.Implements(logValuerType) || m.Implements(stringerType) || m.Implements(errorType) {
			return true
		}
	}
	return false
}

// mapKey names a map entry: a string key as it is, any other through its printed form, which for the
// library's types is masked.
func mapKey(k reflect.Value) string {
	if k.Kind() == reflect.String && !hasLogMethod(k.Type()) {
		return k.String()
	}
	if !k.CanInterface() {
		return k.Type().String()
	}
	return fmt.Sprint(k.Interface())
}

// maskSlogValue resolves v and masks what it holds: an attribute of KindAny may hold anything.
func maskSlogValue(v slog.Value, depth int) slog.Value {
	if depth > maxMaskDepth {
		return slog.StringValue("…")
	}
	v = v.Resolve()
	switch v.Kind() {
	case slog.KindAny:
		return maskValue(reflect.ValueOf(v.Any()), depth+1)
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]slog.Attr, len(attrs))
		for i, a := range attrs {
			out[i] = slog.Attr{Key: a.Key, Value: maskSlogValue(a.Value, depth+1)}
		}
		return slog.GroupValue(out...)
	}
	return v
}

// NewMaskingHandler returns a slog.Handler that passes every record to h with each attribute
// through [Masked], so that a logger built on it cannot log the library's types unmasked, whatever
// holds them and whichever handler h is:
//
//	logger := slog.New(sp.NewMaskingHandler(slog.NewJSONHandler(os.Stderr, nil)))
//
// Attributes of the basic kinds (strings, numbers, times) are passed on as they are. It is safe for
// concurrent use if h is.
func NewMaskingHandler(h slog.Handler) slog.Handler { return maskingHandler{h} }

type maskingHandler struct{ h slog.Handler }

func (m maskingHandler) Enabled(ctx context.Context, l slog.Level) bool { return m.h.Enabled(ctx, l) }

func (m maskingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(maskAttr(a))
		return true
	})
	return m.h.Handle(ctx, out)
}

func (m maskingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		out[i] = maskAttr(a)
	}
	return maskingHandler{m.h.WithAttrs(out)}
}

func (m maskingHandler) WithGroup(name string) slog.Handler {
	return maskingHandler{m.h.WithGroup(name)}
}

func maskAttr(a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindAny, slog.KindLogValuer, slog.KindGroup:
		a.Value = maskSlogValue(a.Value, 0)
	}
	return a
}
