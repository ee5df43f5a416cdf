package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// modulePath is the import path of the module root.
const modulePath = "github.com/socialprescribing/go-socialprescribing"

// goComments reads the doc comments of every exported type and struct field in the module's source
// tree under root, keyed "importpath.Type" and "importpath.Type.Field". A type's entry is its first
// paragraph; a field's is its whole comment. Test files, testdata, examples and cmd are skipped.
func goComments(root string) (map[string]string, error) {
	out := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
			name == "testdata" || name == "node_modules" || name == "examples" || name == "cmd") {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		importPath := modulePath
		if rel != "." {
			importPath = path.Join(modulePath, filepath.ToSlash(rel))
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(p, n), nil, parser.ParseComments)
			if err != nil {
				return err
			}
			collectComments(f, importPath, out)
		}
		return nil
	})
	return out, err
}

func collectComments(f *ast.File, importPath string, out map[string]string) {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if !ts.Name.IsExported() {
				continue
			}
			text := ts.Doc.Text()
			if text == "" && len(gd.Specs) == 1 {
				text = gd.Doc.Text()
			}
			key := importPath + "." + ts.Name.Name
			if p := firstParagraph(text); p != "" {
				out[key] = p
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, field := range st.Fields.List {
				t := field.Doc.Text()
				if t == "" {
					t = field.Comment.Text()
				}
				t = stripDocLinks(strings.Join(strings.Fields(t), " "))
				if t == "" {
					continue
				}
				for _, n := range field.Names {
					if n.IsExported() {
						out[key+"."+n.Name] = t
					}
				}
			}
		}
	}
}

// firstParagraph returns the first paragraph of a doc comment on one line, with doc links ("[Date]")
// shown as plain names.
func firstParagraph(text string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(text), "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	return stripDocLinks(para)
}

// stripDocLinks turns Go doc links ("[Date]", "[sp.Finding]") into plain names.
func stripDocLinks(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 || strings.ContainsAny(s[i+1:i+j], " ()") || (i+j+1 < len(s) && s[i+j+1] == '(') {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(s[i+1 : i+j])
		s = s[i+j+1:]
	}
}
