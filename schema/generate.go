package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
)

// Generate builds every schema and the index afresh from the Go types and returns them as file name →
// contents (the files of v1/). root is the module's source directory: descriptions are taken from the
// Go doc comments there and examples from the valid fixtures. It fails if a validate tag has no
// translation, a type name collides across packages, or a document type cannot be reflected.
func Generate(root string) (map[string][]byte, error) {
	comments, err := goComments(root)
	if err != nil {
		return nil, fmt.Errorf("schema: read doc comments: %w", err)
	}
	out := map[string][]byte{}
	var index []IndexEntry
	for _, d := range documents() {
		s, err := reflectDocument(d, comments)
		if err != nil {
			return nil, err
		}
		if s.Examples, err = examples(root, d); err != nil {
			return nil, err
		}
		b, err := marshal(s)
		if err != nil {
			return nil, err
		}
		out[d.Name+".json"] = b
		index = append(index, IndexEntry{
			Name: d.Name, File: d.Name + ".json", Package: d.dir(), Fixture: d.fixture(),
			GoType: defName(d.Type), GoOnlyRules: d.GoOnly,
		})
	}
	slices.SortFunc(index, func(a, b IndexEntry) int { return strings.Compare(a.Name, b.Name) })
	b, err := marshal(map[string]any{"schemas": index})
	if err != nil {
		return nil, err
	}
	out["index.json"] = b
	return out, nil
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("schema: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// defName names a type's $defs entry after its package and type: "coding.ActivityRecord".
func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
		pkg = pkg[i+1:]
	}
	switch pkg {
	case "go-socialprescribing":
		pkg = "socialprescribing"
	case "":
		return t.Name()
	}
	return pkg + "." + t.Name()
}

// reflectDocument builds one document's schema.
func reflectDocument(d document, comments map[string]string) (*jsonschema.Schema, error) {
	vts := map[reflect.Type]valueType{}
	for _, vt := range valueTypes() {
		vts[vt.Type] = vt
	}
	names := map[string]reflect.Type{}
	var collision error
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: true, // required comes from the validate tags, below
		Namer: func(t reflect.Type) string {
			n := defName(t)
			if prev, ok := names[n]; ok && prev != t && t.Name() != "" && collision == nil {
				collision = fmt.Errorf("schema: $defs name %q used by both %s and %s", n, prev.PkgPath(), t.PkgPath())
			}
			names[n] = t
			return n
		},
		LookupComment: func(t reflect.Type, field string) string {
			key := t.PkgPath() + "." + t.Name()
			if field != "" {
				key += "." + field
			}
			return comments[key]
		},
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if vt, ok := vts[t]; ok {
				return vt.Schema()
			}
			return nil
		},
	}
	s := r.ReflectFromType(d.Type)
	if collision != nil {
		return nil, collision
	}
	s.ID = jsonschema.ID(BaseID + d.Name + ".json")
	s.Title = d.Title
	s.Description = d.Description
	if len(d.GoOnly) > 0 {
		s.Comments = "Rules only Go enforces (the schema cannot express them): " + strings.Join(d.GoOnly, "; ") + "."
	}
	for name, def := range s.Definitions {
		t, ok := names[name]
		if !ok {
			return nil, fmt.Errorf("schema: %s: $defs entry %q has no Go type", d.Name, name)
		}
		if t.Kind() != reflect.Struct {
			continue
		}
		if err := translateStruct(def, t, vts); err != nil {
			return nil, fmt.Errorf("schema: %s: %w", d.Name, err)
		}
	}
	return s, nil
}

// examples returns the document's valid fixtures, in file-name order, as the schema's examples.
func examples(root string, d document) ([]any, error) {
	paths, err := filepath.Glob(filepath.Join(root, d.dir(), "testdata", "valid", d.fixture()+".*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var out []any
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("schema: read example: %w", err)
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("schema: example %s: %w", filepath.Base(p), err)
		}
		out = append(out, v)
	}
	return out, nil
}
