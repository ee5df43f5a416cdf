// Command enumgen writes the methods of the library's typed-string enums from their const blocks, so
// that every enum behaves alike and its value list lives in one place: the constants themselves.
//
// Run it with go generate in a package directory. It reads the package's non-test files and, for
// every string type whose doc comment ends with the directive
//
//	//enum:list Plural [ordering note]
//
// writes to enums_gen.go: Plural() listing the type's constants in the order they are declared,
// IsValid, MarshalText and UnmarshalText. UnmarshalText accepts exactly one of the values (no case
// folding, no trimming), leaves its receiver unchanged on error and never echoes the input; its error
// starts with the package name, names the type, lists the values allowed and wraps ErrInvalid of the
// root package.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"unicode"
)

const output = "enums_gen.go"

// enum is one enum type found in the package.
type enum struct {
	Name, Plural, Note string
	Consts             []string // in declaration order
	Values             []string
	pos                token.Pos
}

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	src, err := generate(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "enumgen:", err)
		os.Exit(1)
	}
	path := filepath.Join(dir, output)
	if src == nil {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			fmt.Fprintln(os.Stderr, "enumgen:", err)
			os.Exit(1)
		}
		return
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "enumgen:", err)
		os.Exit(1)
	}
}

// generate returns the source of enums_gen.go for the package in dir, or nil if it has no enum.
func generate(dir string) ([]byte, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || n == output {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	pkg := files[0].Name.Name
	enums := map[string]*enum{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				doc := ts.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				plural, note, ok := directive(doc)
				if !ok {
					continue
				}
				if id, isIdent := ts.Type.(*ast.Ident); !isIdent || id.Name != "string" {
					return nil, fmt.Errorf("%s: //enum:list on %s, which is not a string type", fset.Position(ts.Pos()), ts.Name.Name)
				}
				enums[ts.Name.Name] = &enum{Name: ts.Name.Name, Plural: plural, Note: note, pos: ts.Pos()}
			}
		}
	}
	if len(enums) == 0 {
		return nil, nil
	}
	// Constants, in declaration order (files in name order, as the go tool reads them).
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				id, ok := vs.Type.(*ast.Ident)
				if !ok || enums[id.Name] == nil {
					continue
				}
				e := enums[id.Name]
				if len(vs.Values) != len(vs.Names) {
					return nil, fmt.Errorf("%s: every constant of %s needs its own string value", fset.Position(vs.Pos()), e.Name)
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return nil, fmt.Errorf("%s: %s is not a string literal", fset.Position(n.Pos()), n.Name)
					}
					v, err := strconv.Unquote(lit.Value)
					if err != nil {
						return nil, err
					}
					if !strings.HasPrefix(n.Name, e.Name) {
						return nil, fmt.Errorf("%s: constant %s of %s must be named %s followed by its value", fset.Position(n.Pos()), n.Name, e.Name, e.Name)
					}
					for _, w := range e.Values {
						if w == v {
							return nil, fmt.Errorf("%s: %s repeats the value %q", fset.Position(n.Pos()), n.Name, v)
						}
					}
					if v == "" || strings.ContainsAny(v, ", \t\r\n\"") {
						return nil, fmt.Errorf("%s: %s: a value must be non-empty, without spaces, commas or quotes", fset.Position(n.Pos()), n.Name)
					}
					e.Consts = append(e.Consts, n.Name)
					e.Values = append(e.Values, v)
				}
			}
		}
	}
	var list []*enum
	for _, e := range enums {
		if len(e.Consts) == 0 {
			return nil, fmt.Errorf("%s: %s has no constants", fset.Position(e.pos), e.Name)
		}
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return render(pkg, list)
}

// directive returns the plural name and ordering note of an //enum: line in doc.
func directive(doc *ast.CommentGroup) (plural, note string, ok bool) {
	if doc == nil {
		return "", "", false
	}
	for _, c := range doc.List {
		rest, found := strings.CutPrefix(c.Text, "//enum:list ")
		if !found {
			continue
		}
		plural, note, _ = strings.Cut(strings.TrimSpace(rest), " ")
		return plural, strings.TrimSpace(note), plural != ""
	}
	return "", "", false
}

// words turns a Go name into lower-case words: AccessNeed → "access need", ONS4 stays "ons4".
func words(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var tmpl = template.Must(template.New("").Parse(`// Code generated by internal/enumgen from the const blocks of this package; DO NOT EDIT.

package {{.Pkg}}

import (
	"fmt"
	"slices"
{{- if ne .Pkg "socialprescribing"}}

	sp "github.com/socialprescribing/go-socialprescribing"
{{- end}}
)
{{range .Enums}}
// {{.Var}} lists every {{.Name}}, in the order of its constants.
var {{.Var}} = [...]{{.Name}}{ {{- .List -}} }

// {{.Plural}} returns every {{.Name}}{{.Note}}. The slice is new on each call.
func {{.Plural}}() []{{.Name}} { return slices.Clone({{.Var}}[:]) }

// IsValid reports whether {{.Recv}} is one of [{{.Plural}}].
func ({{.Recv}} {{.Name}}) IsValid() bool {
	switch {{.Recv}} {
	case {{.List}}:
		return true
	}
	return false
}

// MarshalText returns {{.Recv}}, or an error wrapping ErrInvalid for a value outside [{{.Plural}}].
func ({{.Recv}} {{.Name}}) MarshalText() ([]byte, error) {
	if !{{.Recv}}.IsValid() {
		return nil, err{{.Name}}()
	}
	return []byte({{.Recv}}), nil
}

// UnmarshalText accepts exactly one of [{{.Plural}}] (no case folding, no trimming). On error it
// leaves {{.Recv}} unchanged and returns an error that lists the values allowed, never the value given.
func ({{.Recv}} *{{.Name}}) UnmarshalText(text []byte) error {
	{{- $r := .Recv}}
	switch string(text) {
{{- range .Cases}}
	case {{.Value}}:
		*{{$r}} = {{.Const}}
{{- end}}
	default:
		return err{{.Name}}()
	}
	return nil
}

// err{{.Name}} is the error for a value outside [{{.Plural}}].
func err{{.Name}}() error {
	return fmt.Errorf({{.Message}}, {{$.ErrInvalid}})
}
{{end}}`))

type caseData struct{ Value, Const string }

type enumData struct {
	Name, Plural, Note, Recv, List, Message, Var string
	Cases                                        []caseData
}

func render(pkg string, enums []*enum) ([]byte, error) {
	data := struct {
		Pkg, ErrInvalid string
		Enums           []enumData
	}{Pkg: pkg, ErrInvalid: "sp.ErrInvalid"}
	if pkg == "socialprescribing" {
		data.ErrInvalid = "ErrInvalid"
	}
	for _, e := range enums {
		d := enumData{Name: e.Name, Plural: e.Plural, Var: strings.ToLower(e.Plural[:1]) + e.Plural[1:], Recv: strings.ToLower(e.Name[:1]), List: strings.Join(e.Consts, ", ")}
		if e.Note != "" {
			d.Note = ", " + strings.TrimSuffix(e.Note, ".")
		}
		d.Message = strconv.Quote(fmt.Sprintf("%s: %s: not one of the defined values (%s)", pkg, words(e.Name), strings.Join(e.Values, ", ")) + ": %w")
		for i, c := range e.Consts {
			d.Cases = append(d.Cases, caseData{Value: strconv.Quote(e.Values[i]), Const: c})
		}
		data.Enums = append(data.Enums, d)
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		return nil, err
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated code: %w\n%s", err, b.Bytes())
	}
	return src, nil
}
