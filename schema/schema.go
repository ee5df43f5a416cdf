// Package schema publishes a JSON Schema (draft 2020-12) for every public document type of
// go-socialprescribing, so that integrators who do not write Go can check documents in their own stack.
//
// The schemas are generated from the Go types by one configured reflector: JSON names come from the
// json tags, required properties and keywords (lengths, bounds, item counts, enums) are translated
// from the same validate tags that Go executes, and value types (dates, NHS numbers, SNOMED CT
// identifiers, money) and enums get their schemas from their own definitions. The generated files are
// committed under v1/, embedded in this package and served by [Names] and [Get]; `go generate
// ./schema/...` writes them, and a test fails when they differ from a fresh generation.
//
// A schema checks the form of a document. Some rules only Go enforces — the NHS number's Modulus 11
// and the SNOMED CT identifier's Verhoeff check digit, dates in order across fields, lifecycle
// transitions — and each schema's $comment lists those of its document.
//
// Only this package imports the reflector library; the domain packages do not, so a vendor's build
// carries it only if they generate schemas.
package schema

//go:generate go run ./internal/gen

import (
	"embed"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sync"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// BaseID is the prefix of every schema's $id.
const BaseID = "https://github.com/socialprescribing/go-socialprescribing/schema/v1/"

//go:embed v1/*.json
var files embed.FS

// Names returns the names of every published schema, sorted, such as "coding.activity-record". The
// schema of name N is the file v1/N.json and has $id BaseID + N + ".json".
func Names() []string { return slices.Clone(sortedNames()) }

var sortedNames = sync.OnceValue(func() []string {
	docs := documents()
	out := make([]string, 0, len(docs))
	for _, d := range docs {
		out = append(out, d.Name)
	}
	slices.Sort(out)
	return out
})

// Get returns the published schema of the named document type as JSON, or an error if there is no such
// schema.
func Get(name string) ([]byte, error) {
	if _, ok := documentTable()[name]; !ok {
		return nil, fmt.Errorf("schema: no schema named %q", name)
	}
	b, err := files.ReadFile("v1/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("schema: %s is registered but its file was not generated (run go generate in the schema directory)", name)
	}
	return b, nil
}

// Index returns the published index (v1/index.json): for each schema its name, file, the Go package and
// type it describes, and the rules only Go enforces for it.
func Index() []IndexEntry {
	b, err := files.ReadFile("v1/index.json")
	if err != nil {
		return nil
	}
	var idx struct {
		Schemas []IndexEntry `json:"schemas"`
	}
	if json.Unmarshal(b, &idx) != nil {
		return nil
	}
	return idx.Schemas
}

// IndexEntry describes one published schema.
type IndexEntry struct {
	// Name is the schema's name, such as "coding.activity-record".
	Name string `json:"name"`
	// File is the schema's file name under v1/.
	File string `json:"file"`
	// Package is the Go package directory that defines the type and holds its fixtures.
	Package string `json:"package"`
	// Fixture is the prefix of the type's fixture files under Package/testdata/valid and invalid.
	Fixture string `json:"fixture"`
	// GoType is the Go type the schema describes, such as "coding.ActivityRecord".
	GoType string `json:"goType"`
	// GoOnlyRules lists the rules Go enforces that the schema cannot express.
	GoOnlyRules []string `json:"goOnlyRules,omitempty"`
}

// ValidateDocument checks data as the library does for the document type registered under name:
// strict decoding into the Go type, then its Validate method, in one pass
// ([socialprescribing.DecodeAndValidate]). It returns nil for a valid document, a
// *socialprescribing.ValidationError listing every broken rule, or an error for an unknown name.
// Unlike the published schema, it applies the rules only Go enforces.
//
// It is safe for concurrent use: the table of document types is built once, on first use, and never
// changed.
func ValidateDocument(name string, data []byte) error {
	d, ok := documentTable()[name]
	if !ok {
		return fmt.Errorf("schema: no document type named %q", name)
	}
	return goVerdict(d, data)
}

// documentTable indexes the registered document types by name. It is built once: building the
// registry allocates every document's descriptions and lists, far more than checking a small
// document costs.
var documentTable = sync.OnceValue(func() map[string]document {
	docs := documents()
	m := make(map[string]document, len(docs))
	for _, d := range docs {
		m[d.Name] = d
	}
	return m
})

// goVerdict decodes data strictly into the document's type and validates it, reporting every
// problem at once ([socialprescribing.DecodeAndValidate]).
func goVerdict(d document, data []byte) error {
	v := reflect.New(d.Type)
	if val, ok := v.Interface().(sp.Validator); ok {
		return sp.DecodeAndValidate(data, val)
	}
	return sp.Decode(data, v.Interface())
}
