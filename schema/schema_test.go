package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestGeneratedFilesMatch fails when the committed schemas differ from a fresh generation: run
// `go generate ./schema/...` and commit the result.
func TestGeneratedFilesMatch(t *testing.T) {
	want, err := Generate("..")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := files.ReadDir("v1")
	if err != nil {
		t.Fatal(err)
	}
	var committed []string
	for _, e := range entries {
		committed = append(committed, e.Name())
		b, _ := files.ReadFile("v1/" + e.Name())
		w, ok := want[e.Name()]
		if !ok {
			t.Errorf("v1/%s is committed but no longer generated; run go generate ./schema/...", e.Name())
			continue
		}
		if !bytes.Equal(b, w) {
			t.Errorf("v1/%s differs from a fresh generation; run go generate ./schema/... (diff -committed +fresh):\n%s", e.Name(), cmp.Diff(string(b), string(w)))
		}
	}
	for name := range want {
		if !slices.Contains(committed, name) {
			t.Errorf("v1/%s is generated but not committed; run go generate ./schema/...", name)
		}
	}
}

func TestNamesAndGet(t *testing.T) {
	names := Names()
	if len(names) != len(documents()) {
		t.Fatalf("Names() has %d names, want %d", len(names), len(documents()))
	}
	for _, n := range names {
		b, err := Get(n)
		if err != nil {
			t.Fatalf("Get(%q): %v", n, err)
		}
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("Get(%q) is not JSON: %v", n, err)
		}
		if s["$id"] != BaseID+n+".json" {
			t.Errorf("%s: $id = %v, want %s", n, s["$id"], BaseID+n+".json")
		}
		if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema = %v, want draft 2020-12", n, s["$schema"])
		}
	}
	if _, err := Get("no.such-schema"); err == nil {
		t.Error("Get of an unknown name returned no error")
	}
	if got := len(Index()); got != len(names) {
		t.Errorf("Index() has %d entries, want %d", got, len(names))
	}
}

// walk calls fn on every schema object inside v (a decoded JSON Schema), with its JSON Pointer.
func walk(v any, path string, fn func(path string, s map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		fn(path, x)
		for k, c := range x {
			if k == "enum" || k == "examples" || k == "const" || k == "default" {
				continue
			}
			walk(c, sp.JoinPointer(path, k), fn)
		}
	case []any:
		for i, c := range x {
			walk(c, sp.JoinPointer(path, fmt.Sprint(i)), fn)
		}
	}
}

// TestSchemaTraps checks every published schema for the reflector's known traps: a type reflected as
// an empty object (decimal and other structs with unexported fields), a $ref that does not resolve,
// an object that admits unknown keys.
func TestSchemaTraps(t *testing.T) {
	for _, n := range Names() {
		b, _ := Get(n)
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		defs, _ := doc["$defs"].(map[string]any)
		walk(doc, "", func(path string, s map[string]any) {
			if s["type"] == "object" {
				props, _ := s["properties"].(map[string]any)
				if len(props) == 0 && s["additionalProperties"] == nil {
					t.Errorf("%s %s: empty object leaf (a type with no exported fields reflected as an object)", n, path)
				}
				if ap, ok := s["additionalProperties"]; !ok || ap != false {
					if _, isMap := ap.(map[string]any); !isMap {
						t.Errorf("%s %s: object admits unknown keys", n, path)
					}
				}
			}
			if ref, ok := s["$ref"].(string); ok {
				name, found := strings.CutPrefix(ref, "#/$defs/")
				if !found || defs[name] == nil {
					t.Errorf("%s %s: $ref %q does not resolve", n, path, ref)
				}
			}
			if len(s) == 0 && path != "" && !strings.HasSuffix(path, "/items") {
				t.Errorf("%s %s: empty schema accepts anything", n, path)
			}
		})
	}
}

// TestEveryEnumRegistered fails when a document contains a typed string with IsValid (an enum) or a
// struct with no exported fields (a value type) that has no schema of its own, which the reflector
// would publish as an unconstrained string or an empty object.
func TestEveryEnumRegistered(t *testing.T) {
	registered := map[reflect.Type]bool{}
	for _, vt := range valueTypes() {
		registered[vt.Type] = true
	}
	seen := map[reflect.Type]bool{}
	var visit func(ty reflect.Type, where string)
	visit = func(ty reflect.Type, where string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		_, hasIsValid := ty.MethodByName("IsValid")
		switch {
		case ty.Kind() == reflect.String && ty.PkgPath() != "" && hasIsValid && !registered[ty]:
			t.Errorf("%s: enum %s has no registered schema", where, ty)
		case ty.Kind() == reflect.Struct && ty.PkgPath() != "time" && !registered[ty]:
			exported := 0
			for i := 0; i < ty.NumField(); i++ {
				if ty.Field(i).IsExported() {
					exported++
					visit(ty.Field(i).Type, where+"."+ty.Field(i).Name)
				}
			}
			if exported == 0 {
				t.Errorf("%s: value type %s has no registered schema", where, ty)
			}
		}
	}
	for _, d := range documents() {
		visit(d.Type, d.Name)
	}
}

// fixture is one sample document and the verdicts it expects.
type fixture struct {
	doc    document
	path   string
	valid  bool
	rule   string // for an invalid fixture, the FieldError rule Go must report
	goOnly bool   // the schema cannot catch it
}

// fixtures lists every fixture of every registered document, from <pkg>/testdata/{valid,invalid}/.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	for _, d := range documents() {
		for _, kind := range []string{"valid", "invalid"} {
			paths, err := filepath.Glob(filepath.Join("..", d.dir(), "testdata", kind, d.fixture()+".*.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range paths {
				parts := strings.Split(strings.TrimSuffix(filepath.Base(p), ".json"), ".")
				f := fixture{doc: d, path: p, valid: kind == "valid", goOnly: slices.Contains(parts, "go-only")}
				if !f.valid {
					if len(parts) < 2 {
						t.Fatalf("%s: an invalid fixture is named <doc>.<rule>[.detail][.go-only].json", p)
					}
					f.rule = parts[1]
				}
				out = append(out, f)
			}
		}
	}
	return out
}

func compileAll(t testing.TB) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, n := range Names() {
		b, _ := Get(n)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(BaseID+n+".json", doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, n := range Names() {
		s, err := c.Compile(BaseID + n + ".json")
		if err != nil {
			t.Fatalf("compile %s: %v", n, err)
		}
		out[n] = s
	}
	return out
}

// TestFixtures runs every fixture through Go (strict decode + Validate) and through the published
// schema, and checks both verdicts: a valid fixture passes both; an invalid one fails Go with the rule
// its name gives, and fails the schema unless it is marked go-only, in which case the schema must
// accept it (proving the rule is one the schema cannot express).
func TestFixtures(t *testing.T) {
	schemas := compileAll(t)
	all := fixtures(t)
	perDoc := map[string]int{}
	for _, f := range all {
		t.Run(filepath.Join(f.doc.dir(), filepath.Base(filepath.Dir(f.path)), filepath.Base(f.path)), func(t *testing.T) {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			goErr := goVerdict(f.doc, data)
			inst, jerr := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			var schemaErr error
			if jerr != nil {
				schemaErr = jerr
			} else {
				schemaErr = schemas[f.doc.Name].Validate(inst)
			}
			if f.valid {
				perDoc[f.doc.Name]++
				if goErr != nil {
					t.Errorf("Go rejects a valid fixture: %v", goErr)
				}
				if schemaErr != nil {
					t.Errorf("schema rejects a valid fixture: %v", schemaErr)
				}
				return
			}
			var ve *sp.ValidationError
			switch {
			case goErr == nil:
				t.Errorf("Go accepts an invalid fixture (want rule %q)", f.rule)
			case !errors.As(goErr, &ve):
				t.Errorf("Go error is %T, want *ValidationError: %v", goErr, goErr)
			case !ve.Has("", f.rule):
				t.Errorf("Go rejects it, but not for rule %q: %v", f.rule, goErr)
			}
			if f.goOnly && schemaErr != nil {
				t.Errorf("fixture is marked go-only but the schema rejects it: %v", schemaErr)
			}
			if !f.goOnly && schemaErr == nil {
				t.Errorf("schema accepts an invalid fixture (rule %q); mark it go-only if the schema cannot express the rule", f.rule)
			}
		})
	}
	for _, d := range documents() {
		if perDoc[d.Name] == 0 {
			t.Errorf("%s has no valid fixture in %s/testdata/valid/%s.*.json", d.Name, d.dir(), d.fixture())
		}
	}
}

// TestDefsConsistent checks that a $defs name means one thing in every published schema: each schema
// carries its own $defs, so "referral.Person" in the episode schema must be the very definition it is in
// the referral schema. A Namer that did not prefix the package would break this silently for two types
// of the same name (such as a Plan of this package and plan.Plan, below).
func TestDefsConsistent(t *testing.T) {
	seen := map[string]string{}
	where := map[string]string{}
	for _, n := range Names() {
		b, _ := Get(n)
		var doc struct {
			Defs map[string]json.RawMessage `json:"$defs"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for name, def := range doc.Defs {
			if prev, ok := seen[name]; ok && prev != string(def) {
				t.Errorf("$defs %q differs between %s and %s", name, where[name], n)
			}
			seen[name], where[name] = string(def), n
		}
	}
}

// Plan shares its name with plan.Plan, to show that the package prefix keeps them apart.
type Plan struct {
	Note string `json:"note,omitempty"`
}

// TestDefsNamesPrefixed reflects a document holding two types called Plan from two packages: each
// keeps its own $defs entry.
func TestDefsNamesPrefixed(t *testing.T) {
	type both struct {
		Ours   Plan      `json:"ours"`
		Theirs plan.Plan `json:"theirs"`
	}
	m := reflectTest(t, reflect.TypeFor[both]())
	defs := m["$defs"].(map[string]any)
	for _, name := range []string{"schema.Plan", "plan.Plan"} {
		if _, ok := defs[name]; !ok {
			t.Errorf("$defs has no %q; names: %v", name, slices.Collect(maps.Keys(defs)))
		}
	}
}

// Every field that takes a role limited to the ARRS roles spells the limit as a oneof tag (which the
// schema translates into an enum); the list must be exactly sp.ARRSRoles, in order.
func TestARRSRoleTags(t *testing.T) {
	var want []string
	for _, r := range sp.ARRSRoles() {
		want = append(want, string(r))
	}
	n := 0
	for _, typ := range []reflect.Type{
		reflect.TypeFor[workforce.StaffMember](), reflect.TypeFor[workforce.BaselineWTE](),
		reflect.TypeFor[workforce.RoleRate](), reflect.TypeFor[coding.ActivityRecord](),
	} {
		for i := range typ.NumField() {
			f := typ.Field(i)
			if f.Type != reflect.TypeFor[sp.Role]() {
				continue
			}
			n++
			_, param, ok := strings.Cut(f.Tag.Get("validate"), "oneof=")
			param, _, _ = strings.Cut(param, ",")
			if got := strings.Fields(param); !ok || !slices.Equal(got, want) {
				t.Errorf("%s.%s: oneof %q, want %q", typ, f.Name, got, want)
			}
		}
	}
	if n < 4 {
		t.Errorf("found %d role fields, want at least 4", n)
	}
}
