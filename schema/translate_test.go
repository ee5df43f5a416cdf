package schema

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	sp "github.com/socialprescribing/go-socialprescribing"
)

type tInner struct {
	Name string `json:"name" validate:"required,max=10"`
}

type tOuter struct {
	Inner    tInner        `json:"inner" validate:"required"`
	Opt      *tInner       `json:"opt,omitempty"`
	Score    *int          `json:"score,omitempty" validate:"omitempty,gte=0,lte=10"`
	Must     *int          `json:"must" validate:"required,gte=0,lte=10"`
	Count    int           `json:"count" validate:"required,gte=1,lte=5"`
	Ratio    float64       `json:"ratio" validate:"required,gt=0,lt=1"`
	Items    []tInner      `json:"items" validate:"required,min=1,max=3,dive"`
	Tags     []string      `json:"tags,omitempty" validate:"max=4,unique,dive,required,max=8"`
	Levels   []sp.Severity `json:"levels,omitempty" validate:"dive,enum"`
	Born     sp.Date       `json:"born" validate:"required"`
	Kind     string        `json:"kind" validate:"required,oneof=a b"`
	Code     string        `json:"code" validate:"required,len=3"`
	Note     string        `json:"note,omitempty" validate:"max=20"`
	Untagged string        `json:"untagged,omitempty"`
}

func reflectTest(t *testing.T, typ reflect.Type) map[string]any {
	t.Helper()
	s, err := reflectDocument(document{Name: "test.doc", Type: typ}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTranslate checks each tag's keyword on a struct built for it, and the reflector traps: keywords
// kept beside $ref, pointer fields not made nullable, required from the validate tags only.
func TestTranslate(t *testing.T) {
	m := reflectTest(t, reflect.TypeFor[tOuter]())
	defs := m["$defs"].(map[string]any)
	outer := defs["schema.tOuter"].(map[string]any)
	props := outer["properties"].(map[string]any)
	prop := func(name string) map[string]any { return props[name].(map[string]any) }
	tests := []struct {
		name   string
		reason string
		got    any
		want   any
	}{
		{"required", "exactly the fields tagged required, in field order", outer["required"],
			[]any{"inner", "must", "count", "ratio", "items", "born", "kind", "code"}},
		{"closed", "strict decoding rejects unknown keys, so must the schema", outer["additionalProperties"], false},
		{"ref kept", "a struct field is a $ref to its definition", prop("inner")["$ref"], "#/$defs/schema.tInner"},
		{"pointer not nullable", "the decoder rejects null, so the schema must not admit it", prop("opt")["type"], nil},
		{"pointer score min", "omitempty,gte=0 on *int", prop("score")["minimum"], float64(0)},
		{"pointer score max", "lte=10 on *int", prop("score")["maximum"], float64(10)},
		{"pointer type", "an *int is an integer, never [integer, null]", prop("must")["type"], "integer"},
		{"count min", "gte=1", prop("count")["minimum"], float64(1)},
		{"ratio exclusive min", "gt=0 on a number", prop("ratio")["exclusiveMinimum"], float64(0)},
		{"ratio exclusive max", "lt=1 on a number", prop("ratio")["exclusiveMaximum"], float64(1)},
		{"items min", "min=1 on a slice", prop("items")["minItems"], float64(1)},
		{"items max", "max=3 on a slice", prop("items")["maxItems"], float64(3)},
		{"tags unique", "unique on a slice", prop("tags")["uniqueItems"], true},
		{"tags item min", "dive,required on strings: non-empty items", prop("tags")["items"].(map[string]any)["minLength"], float64(1)},
		{"tags item max", "dive,max=8 on strings", prop("tags")["items"].(map[string]any)["maxLength"], float64(8)},
		{"levels enum", "an enum's items carry its value list", prop("levels")["items"].(map[string]any)["enum"], []any{"error", "warning", "info"}},
		{"date format", "sp.Date is a string with format date", prop("born")["format"], "date"},
		{"oneof", "oneof on a string is an enum", prop("kind")["enum"], []any{"a", "b"}},
		{"len min", "len=3 on a string", prop("code")["minLength"], float64(3)},
		{"len max", "len=3 on a string", prop("code")["maxLength"], float64(3)},
		{"required string", "required on a string rejects the empty string", prop("kind")["minLength"], float64(1)},
		{"optional max", "max on an optional string", prop("note")["maxLength"], float64(20)},
		{"untagged", "no tag, no keywords", prop("untagged"), map[string]any{"type": "string"}},
		{"inner required", "nested structs are translated too", defs["schema.tInner"].(map[string]any)["required"], []any{"name"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (%s): (-want +got)\n%s", tt.name, tt.reason, diff)
		}
	}
}

type (
	badBool struct {
		B bool `json:"b" validate:"required"`
	}
	badNumber struct {
		N int `json:"n" validate:"required,lte=5"`
	}
	badOmitempty struct {
		S string `json:"s,omitempty" validate:"omitempty,min=2"`
	}
	badOptional struct {
		S []int `json:"s,omitempty" validate:"min=1"`
	}
	badPointer struct {
		P *int `json:"p,omitempty" validate:"gte=1"`
	}
	badTag struct {
		S string `json:"s" validate:"required,email"`
	}
	badEnum struct {
		S string `json:"s" validate:"required,enum"`
	}
	badOr struct {
		S string `json:"s" validate:"required,min=1|max=3"`
	}
)

// TestTranslateRefuses checks that tag sets Go and the schema would read differently are refused at
// generation, with a message saying why.
func TestTranslateRefuses(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		typ    reflect.Type
		want   string
	}{
		{"required bool", "validator's required rejects false", reflect.TypeFor[badBool](), "bool"},
		{"required number", "validator's required rejects 0, the schema's does not", reflect.TypeFor[badNumber](), "rejects 0"},
		{"omitempty min", "Go skips the empty string, the schema's minLength would not", reflect.TypeFor[badOmitempty](), "omitempty"},
		{"optional min", "an absent slice is nil, which min=1 rejects in Go", reflect.TypeFor[badOptional](), "required in Go"},
		{"pointer without omitempty", "validator rejects a nil pointer under gte", reflect.TypeFor[badPointer](), "omitempty"},
		{"unknown tag", "a tag outside the allowlist", reflect.TypeFor[badTag](), "no JSON Schema translation"},
		{"enum on plain string", "enum needs a registered enum type", reflect.TypeFor[badEnum](), "not a registered enum"},
		{"or", "alternatives are outside the allowlist", reflect.TypeFor[badOr](), "no JSON Schema translation"},
	}
	for _, tt := range tests {
		_, err := reflectDocument(document{Name: "test.doc", Type: tt.typ}, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s (%s): err = %v, want one mentioning %q", tt.name, tt.reason, err, tt.want)
		}
	}
}
