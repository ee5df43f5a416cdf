package validation_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/go-playground/validator/v10"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/schema"
)

// fixtureDoc is one fixture that decodes strictly into a registered type.
type fixtureDoc struct {
	name string
	typ  reflect.Type
	data []byte
}

// fixtures decodes every fixture, valid and invalid, of every published document type into its Go
// type, and keeps those that decode.
func fixtures(t testing.TB) []fixtureDoc {
	byName := map[string]reflect.Type{}
	for _, rt := range validation.RegisteredTypes() {
		byName[rt.String()] = rt
	}
	var out []fixtureDoc
	for _, e := range schema.Index() {
		rt, ok := byName[e.GoType]
		if !ok {
			continue
		}
		for _, kind := range []string{"valid", "invalid"} {
			paths, err := filepath.Glob(filepath.Join("..", "..", e.Package, "testdata", kind, e.Fixture+".*.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if sp.Decode(data, reflect.New(rt).Interface()) == nil {
					out = append(out, fixtureDoc{name: filepath.Base(p), typ: rt, data: data})
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixture decodes into a registered type")
	}
	return out
}

// target is one value inside a document that a mutation may replace, with the validate tags that
// apply to it.
type target struct {
	v    reflect.Value
	tags []string
}

// walk collects the settable values inside v (exported fields, slice items, what pointers point
// to) with their tags, and every registered struct inside it.
func walk(v reflect.Value, tags []string, targets *[]target, registered *[]reflect.Value) {
	*targets = append(*targets, target{v: v, tags: tags})
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), tags, targets, registered)
			// The pointed-to value was appended as its own target; do not mutate it twice over.
		}
	case reflect.Slice, reflect.Array:
		i := slices.Index(tags, "dive")
		var item []string
		if i >= 0 {
			item = tags[i+1:]
		}
		for j := range v.Len() {
			walk(v.Index(j), item, targets, registered)
		}
	case reflect.Struct:
		if validation.Registered(v.Type()) {
			*registered = append(*registered, v)
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			var ft []string
			if tag := f.Tag.Get("validate"); tag != "" {
				ft = strings.Split(tag, ",")
			}
			walk(v.Field(i), ft, targets, registered)
		}
	}
}

// pool gathers every value of every type found in the fixtures, to draw replacements from.
type pool map[reflect.Type][]reflect.Value

func (p pool) add(v reflect.Value) {
	if len(p[v.Type()]) < 50 {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		p[v.Type()] = append(p[v.Type()], c)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p.add(v.Elem())
		}
	case reflect.Slice:
		for j := range v.Len() {
			p.add(v.Index(j))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				p.add(v.Field(i))
			}
		}
	}
}

// params returns the numbers in tags ("max=15" gives 15), around which replacements are drawn, so
// the test reads each limit from the tag rather than stating it again.
func params(tags []string) []int {
	var out []int
	for _, tag := range tags {
		if tag == "dive" {
			break
		}
		if _, p, ok := strings.Cut(tag, "="); ok {
			for _, f := range strings.Fields(p) {
				if n, err := strconv.Atoi(f); err == nil {
					out = append(out, n-1, n, n+1)
				}
			}
		}
	}
	return out
}

var validatable = reflect.TypeFor[interface{ IsValid() bool }]()

// mutate replaces the value of tg with one drawn near its tags' limits or from the pool.
func mutate(rt *rapid.T, tg target, p pool) {
	v := tg.v
	sizes := []int{0, 1, 2}
	if ps := params(tg.tags); len(ps) > 0 && rapid.IntRange(0, 3).Draw(rt, "near-limit") > 0 {
		sizes = ps
	}
	fromPool := func(label string) {
		vs := p[v.Type()]
		if len(vs) == 0 || rapid.IntRange(0, 4).Draw(rt, label+"-zero") == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		v.Set(vs[rapid.IntRange(0, len(vs)-1).Draw(rt, label)])
	}
	switch v.Kind() {
	case reflect.String:
		if v.Type().Implements(validatable) || reflect.PointerTo(v.Type()).Implements(validatable) {
			switch rapid.IntRange(0, 3).Draw(rt, "enum-how") {
			case 0:
				v.SetString("")
			case 1:
				v.SetString("bogus")
			default:
				fromPool("enum")
				if rapid.Bool().Draw(rt, "enum-upper") {
					v.SetString(strings.ToUpper(v.String()))
				}
			}
			return
		}
		n := max(rapid.SampledFrom(sizes).Draw(rt, "string-len"), 0)
		ch := rapid.SampledFrom([]string{"a", "é", "😀"}).Draw(rt, "string-char")
		s := strings.Repeat(ch, n)
		if n > 0 && rapid.IntRange(0, 4).Draw(rt, "control") == 0 {
			// A control character or a line separator in place of one character (the "nocontrol" tag).
			s = strings.Repeat(ch, n-1) + rapid.SampledFrom([]string{"\x00", "\n", "\x7f", "\u0085", "\u2028"}).Draw(rt, "control-char")
		}
		v.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(rapid.SampledFrom(append(sizes, -1)).Draw(rt, "int")))
	case reflect.Pointer:
		if rapid.Bool().Draw(rt, "nil") {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		n := reflect.New(v.Type().Elem())
		mutate(rt, target{v: n.Elem(), tags: tg.tags}, p)
		v.Set(n)
	case reflect.Slice:
		n := max(rapid.SampledFrom(sizes).Draw(rt, "slice-len"), 0)
		if n == 0 && rapid.Bool().Draw(rt, "slice-nil") {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		items := p[v.Type().Elem()]
		for i := range n {
			if len(items) > 0 && rapid.IntRange(0, 9).Draw(rt, "item-zero") > 0 {
				s.Index(i).Set(items[rapid.IntRange(0, len(items)-1).Draw(rt, "item")])
			}
		}
		v.Set(s)
	default:
		fromPool("value")
	}
}

// TestGeneratedChecksAgreeWithValidator: on every fixture that decodes, with one to three values
// inside it replaced by values near the limits of their tags, empty, zero, unknown or drawn from
// other fixtures, the generated check of the document and of every registered value inside it holds
// exactly when validator/v10 finds nothing. This is what lets Struct skip the validator when the
// generated check holds.
func TestGeneratedChecksAgreeWithValidator(t *testing.T) {
	docs := fixtures(t)
	p := pool{}
	covered := map[reflect.Type]bool{}
	for _, d := range docs {
		v := reflect.New(d.typ)
		if err := sp.Decode(d.data, v.Interface()); err != nil {
			t.Fatal(err)
		}
		p.add(v.Elem())
		var targets []target
		var registered []reflect.Value
		walk(v.Elem(), nil, &targets, &registered)
		for _, r := range registered {
			covered[r.Type()] = true
		}
	}
	for _, rt := range validation.RegisteredTypes() {
		if !covered[rt] {
			t.Errorf("no fixture holds a %s: add one, so that its generated check is tested", rt)
		}
	}
	rapid.Check(t, func(rt *rapid.T) {
		// Many samples a check: each breaks or keeps one to three tags of hundreds.
		for range 100 {
			d := rapid.SampledFrom(docs).Draw(rt, "fixture")
			doc := reflect.New(d.typ)
			if err := sp.Decode(d.data, doc.Interface()); err != nil {
				rt.Fatal(err)
			}
			for range rapid.IntRange(1, 3).Draw(rt, "mutations") {
				var targets []target
				var registered []reflect.Value
				walk(doc.Elem(), nil, &targets, &registered)
				mutate(rt, rapid.SampledFrom(targets[1:]).Draw(rt, "target"), p)
			}
			var targets []target
			var registered []reflect.Value
			walk(doc.Elem(), nil, &targets, &registered)
			for _, r := range registered {
				ptr := r.Addr().Interface()
				err := validation.ValidatorVerdict(ptr)
				if got, want := validation.Holds(ptr), err == nil; got != want {
					rt.Fatalf("%s in %s: generated check holds = %v, validator finds nothing = %v (%v)", r.Type(), d.name, got, want, err)
				}
			}
		}
	})
}

// TestEveryDocumentTypeIsGenerated: every published document type whose Validate uses the shared
// validator has a generated check, so that none is left to reflection alone.
func TestEveryDocumentTypeIsGenerated(t *testing.T) {
	byName := map[string]bool{}
	for _, rt := range validation.RegisteredTypes() {
		byName[rt.String()] = true
	}
	for _, e := range schema.Index() {
		if e.Package == "." {
			continue // the root package sits below the validator and checks its few tags itself
		}
		if !byName[e.GoType] {
			t.Errorf("%s has no generated tag check: add it to the roots of internal/validation/gen and run go generate", e.GoType)
		}
	}
}

// TestStructOwn: StructOwn reports the broken tags of the document's own fields and leaves those
// inside its parts to the parts' Validate; Struct reports both.
func TestStructOwn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "episode", "testdata", "valid", "episode.completed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e episode.Episode
	if err := sp.Decode(data, &e); err != nil {
		t.Fatal(err)
	}
	e.Referral.EpisodeID = strings.Repeat("a", 65) // breaks max=64 inside the referral
	for len(e.Measurements) <= 100 {               // breaks the episode's own max=100
		e.Measurements = append(e.Measurements, e.Measurements[0])
	}
	paths := func(err error) []string {
		var ve *sp.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("not a *ValidationError: %v", err)
		}
		var out []string
		for _, fe := range ve.Errors {
			out = append(out, fe.Path+" "+fe.Rule)
		}
		return out
	}
	if got, want := paths(validation.StructOwn("episode.Episode", &e).Err()), []string{"/measurements max"}; !slices.Equal(got, want) {
		t.Errorf("StructOwn reports %v, want only the episode's own tag %v", got, want)
	}
	if got := paths(validation.Struct("episode.Episode", &e).Err()); !slices.Contains(got, "/measurements max") || !slices.Contains(got, "/referral/id max") {
		t.Errorf("Struct reports %v, want both /measurements max and /referral/id max", got)
	}
}

// TestFindingValidateAgreesWithValidator: the root package sits below the validator, so
// Finding.Validate checks its validate tags itself; on random findings it reports exactly the
// paths and rules validator/v10 reports for those tags.
func TestFindingValidateAgreesWithValidator(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		f := sp.Finding{
			Rule:     rapid.SampledFrom([]string{"", "coding.late-recording"}).Draw(rt, "rule"),
			Severity: rapid.SampledFrom(append(sp.Severities(), "", "bogus", "Error")).Draw(rt, "severity"),
			Message:  rapid.SampledFrom([]string{"", "m"}).Draw(rt, "message"),
			Subject:  rapid.SampledFrom([]string{"", "s"}).Draw(rt, "subject"),
		}
		var want []string
		var ves validator.ValidationErrors
		if err := validation.ValidatorVerdict(&f); errors.As(err, &ves) {
			for _, fe := range ves {
				want = append(want, validation.Pointer(fe.Namespace())+" "+fe.Tag())
			}
		}
		var got []string
		var ve *sp.ValidationError
		if err := f.Validate(); errors.As(err, &ve) {
			for _, fe := range ve.Errors {
				got = append(got, fe.Path+" "+fe.Rule)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			rt.Fatalf("Finding.Validate reports %v, the validator %v", got, want)
		}
	})
}
