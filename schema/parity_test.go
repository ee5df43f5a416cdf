package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// goOnlyRules returns the rule names a document lists as enforced only by Go ("nhsnumber: …" →
// "nhsnumber"), plus the decoder's duplicate-key rule, which no JSON Schema can see.
func (d document) goOnlyRules() []string {
	out := []string{"duplicate-field"}
	for _, g := range d.GoOnly {
		name, _, _ := strings.Cut(g, ":")
		out = append(out, name)
	}
	return out
}

// decodeTree parses JSON keeping numbers exact.
func decodeTree(t testing.TB, b []byte) any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func cloneTree(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, c := range x {
			m[k] = cloneTree(c)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, c := range x {
			s[i] = cloneTree(c)
		}
		return s
	}
	return v
}

// slot is a place in a tree a mutation can change: a key of an object or an index of an array.
type slot struct {
	obj map[string]any
	key string
	arr []any
	idx int
}

func (s slot) get() any {
	if s.obj != nil {
		return s.obj[s.key]
	}
	return s.arr[s.idx]
}

func (s slot) set(v any) {
	if s.obj != nil {
		s.obj[s.key] = v
	} else {
		s.arr[s.idx] = v
	}
}

func slots(v any, out *[]slot) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			*out = append(*out, slot{obj: x, key: k})
			slots(x[k], out)
		}
	case []any:
		for i := range x {
			*out = append(*out, slot{arr: x, idx: i})
			slots(x[i], out)
		}
	}
}

func objects(v any, out *[]map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		*out = append(*out, x)
		for _, c := range x {
			objects(c, out)
		}
	case []any:
		for _, c := range x {
			objects(c, out)
		}
	}
}

// mutate applies one random change of the kinds a schema and Go might disagree on.
func mutate(rt *rapid.T, tree any) string {
	var ss []slot
	slots(tree, &ss)
	op := rapid.SampledFrom([]string{"none", "remove", "wrong-type", "out-of-range", "unknown-key", "bad-enum", "empty", "long", "digits"}).Draw(rt, "op")
	if op == "unknown-key" {
		var objs []map[string]any
		objects(tree, &objs)
		o := rapid.SampledFrom(objs).Draw(rt, "object")
		o[rapid.SampledFrom([]string{"extra", "Id", "nhsnumber", "notes"}).Draw(rt, "key")] = "x"
		return op
	}
	if op == "none" || len(ss) == 0 {
		return "none"
	}
	s := rapid.SampledFrom(ss).Draw(rt, "slot")
	switch op {
	case "remove":
		if s.obj != nil {
			delete(s.obj, s.key)
		} else {
			s.set(map[string]any{})
		}
	case "wrong-type":
		s.set(rapid.SampledFrom([]any{json.Number("7"), "7", true, []any{}, map[string]any{}, json.Number("1.5")}).Draw(rt, "value"))
	case "out-of-range":
		s.set(rapid.SampledFrom([]any{json.Number("-1"), json.Number("0"), json.Number("11"), json.Number("100000"), json.Number("99999999999")}).Draw(rt, "value"))
	case "bad-enum":
		s.set("not-a-defined-value")
	case "empty":
		if _, isStr := s.get().(string); isStr {
			s.set("")
		} else {
			s.set([]any{})
		}
	case "long":
		s.set(strings.Repeat("x", rapid.SampledFrom([]int{65, 256, 2001, 5001}).Draw(rt, "length")))
	case "digits":
		s.set(rapid.StringMatching(`[0-9]{6,18}`).Draw(rt, "digits"))
	}
	return op
}

// TestParity generates documents — valid fixtures and random mutations of them — and compares the Go
// verdict (strict decode + Validate) with the published schema's: every document Go accepts, the
// schema accepts; every document the schema accepts but Go rejects breaks only rules the document
// lists as Go-only.
func TestParity(t *testing.T) {
	schemas := compileAll(t)
	type sample struct {
		doc  document
		tree any
	}
	var samples []sample
	for _, d := range documents() {
		paths, _ := filepath.Glob(filepath.Join("..", d.dir(), "testdata", "valid", d.fixture()+".*.json"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			samples = append(samples, sample{d, decodeTree(t, b)})
		}
	}
	if len(samples) == 0 {
		t.Fatal("no valid fixtures")
	}
	rapid.Check(t, func(rt *rapid.T) {
		s := rapid.SampledFrom(samples).Draw(rt, "sample")
		tree := cloneTree(s.tree)
		op := mutate(rt, tree)
		data, err := json.Marshal(tree)
		if err != nil {
			rt.Fatal(err)
		}
		goErr := goVerdict(s.doc, data)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			rt.Fatal(err)
		}
		schemaErr := schemas[s.doc.Name].Validate(inst)
		switch {
		case goErr == nil && schemaErr != nil:
			rt.Fatalf("%s after %s: Go accepts, the schema rejects\ndocument: %s\nschema: %v", s.doc.Name, op, data, schemaErr)
		case goErr != nil && schemaErr == nil:
			var ve *sp.ValidationError
			if !errors.As(goErr, &ve) {
				rt.Fatalf("%s: Go error is %T: %v", s.doc.Name, goErr, goErr)
			}
			for _, fe := range ve.Errors {
				if !slices.Contains(s.doc.goOnlyRules(), fe.Rule) {
					rt.Fatalf("%s after %s: the schema accepts, Go rejects for rule %q, which the schema should express or the document should list as Go-only\ndocument: %s\nGo: %v",
						s.doc.Name, op, fe.Rule, data, goErr)
				}
			}
		}
	})
}
