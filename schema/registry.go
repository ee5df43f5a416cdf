package schema

import (
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
)

// document registers one public document type.
type document struct {
	// Name is the schema's name: the Go package and the fixture prefix, "coding.activity-record".
	Name string
	// Type is the Go type.
	Type reflect.Type
	// Title is the schema's title.
	Title string
	// Description says what the document is for.
	Description string
	// GoOnly lists the rules Go enforces for this document that the schema cannot express.
	GoOnly []string
}

func (d document) pkg() string { p, _, _ := strings.Cut(d.Name, "."); return p }

// dir is the package directory relative to the module root: "." for the root package.
func (d document) dir() string {
	if p := d.pkg(); p != "socialprescribing" {
		return p
	}
	return "."
}

func (d document) fixture() string { _, f, _ := strings.Cut(d.Name, "."); return f }

// valueType gives a value type or enum its schema.
type valueType struct {
	Type   reflect.Type
	Schema func() *jsonschema.Schema
}

// documents returns every registered document type. Each domain package adds its list here.
func documents() []document {
	return slices.Concat(rootDocuments(), codingDocuments(), referralDocuments(), planDocuments(), outcomesDocuments(), workforceDocuments(), episodeDocuments())
}

// valueTypes returns every value type and enum with a schema of its own. Each domain package adds its
// list here.
func valueTypes() []valueType {
	return slices.Concat(rootValueTypes(), codingValueTypes(), referralValueTypes(), planValueTypes(), outcomesValueTypes(), workforceValueTypes(), episodeValueTypes())
}

// enumType registers a typed-string enum by its exported value list.
func enumType[T ~string](values func() []T, description string) valueType {
	return valueType{
		Type: reflect.TypeFor[T](),
		Schema: func() *jsonschema.Schema {
			vs := values()
			s := &jsonschema.Schema{Type: "string", Description: description, Enum: make([]any, len(vs))}
			for i, v := range vs {
				s.Enum[i] = string(v)
			}
			return s
		},
	}
}

// stringType registers a value type that is a JSON string with a pattern and/or format.
func stringType[T any](pattern, format, description string) valueType {
	return valueType{
		Type: reflect.TypeFor[T](),
		Schema: func() *jsonschema.Schema {
			return &jsonschema.Schema{Type: "string", Pattern: pattern, Format: format, Description: description}
		},
	}
}
