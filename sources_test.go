package socialprescribing_test

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The module's citations must stand on their own: every Go file, generated schema, fixture, golden
// file and document may name only files the module contains, may point into SOURCES.md only at an
// anchor that exists, and may not cite outside notes by nickname. TestCitationsStayInModule checks
// the module itself; TestCitationCheckCatches plants bad citations in a scratch tree to show that
// the check fails on each kind.

// citationSkipDirs are directories never scanned: version control, installed npm packages and fuzz
// corpora (generated inputs, not text anyone reads).
var citationSkipDirs = []string{".git", "node_modules", "fuzz"}

// citationSkipFiles are files that name many files they do not contain by design: module checksums,
// the npm lock file, and this file, whose examples and scratch tree are made-up names.
var citationSkipFiles = []string{"go.sum", "package-lock.json", "sources_test.go"}

// citationExts are the kinds of file scanned.
var citationExts = []string{".go", ".json", ".md", ".txt", ".csv", ".mjs", ".html", ".svg", ".yaml", ".yml", ".tmpl"}

var (
	// citationBanned are citations of material outside the module: an unshipped reference by
	// nickname, its numbered source articles, or the directory they live in.
	citationBanned = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\bdomain\s+reference\b`),
		regexp.MustCompile(`\bDOMAIN\b`),
		regexp.MustCompile(`(?i)\bseeds?\s+(article\s+)?\d{3}\b`),
		regexp.MustCompile(`(?i)\bproject\s+seed\b`),
		regexp.MustCompile(`(?i)\.\./shared\b|\bshared/seeds\b`),
		// A section sign must follow the name of a document ("RFC 6901 §4"), not a file, a bare
		// "reference", or another section.
		regexp.MustCompile(`(?i)(\.md|reference|[(,;]|^)\s*§`),
	}
	// citationDoc is a Markdown document named in text: README.md, docs/x.md, SOURCES.md#anchor.
	citationDoc = regexp.MustCompile(`(?:^|[^A-Za-z0-9_./:-])((?:\.{1,2}/)?(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.md)\b`)
	// citationPath is a relative path with a directory part: testdata/valid/ok.json, ../pkg/doc.go.
	// A one-letter base name (v1/N.json) is a placeholder, not a file.
	citationPath = regexp.MustCompile(`(?:^|[^A-Za-z0-9_./:<>{}*%-])((?:\.{1,2}/)*(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)+[A-Za-z0-9_-][A-Za-z0-9_.-]+\.(?:go|json|md|mjs|txt|csv|yaml|yml))\b`)
	// citationAnchor is a pointer into the module's reference of sources, with any further anchors
	// listed after it: SOURCES.md#snomed-codes, SOURCES.md#a and #b.
	citationAnchor     = regexp.MustCompile(`SOURCES\.md((?:#[A-Za-z0-9_-]+(?:,\s*|\s+and\s+|\s+or\s+)?)+)`)
	citationAnchorName = regexp.MustCompile(`#([A-Za-z0-9_-]+)`)
	// sourcesAnchor is an anchor defined in SOURCES.md.
	sourcesAnchor = regexp.MustCompile(`<a id="([A-Za-z0-9_-]+)"></a>`)
)

// citationProblems walks the module rooted at root and returns one line per citation that points
// outside it, as "path:line: problem".
func citationProblems(root string) ([]string, error) {
	anchors := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(root, "SOURCES.md")); err == nil {
		for _, m := range sourcesAnchor.FindAllSubmatch(b, -1) {
			anchors[string(m[1])] = true
		}
	}
	var problems []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && slices.Contains(citationSkipDirs, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if slices.Contains(citationSkipFiles, d.Name()) || !slices.Contains(citationExts, filepath.Ext(path)) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return nil // not text
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		dir := filepath.Dir(path)
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, len(b)+1)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			report := func(msg string) { problems = append(problems, rel+":"+strconv.Itoa(n)+": "+msg) }
			// Cheap tests first: most lines name no file and cite nothing, and the regular
			// expressions below are slow enough to matter over the whole module (under -race above all).
			lower := strings.ToLower(line)
			if strings.Contains(lower, "domain") || strings.Contains(lower, "seed") || strings.Contains(lower, "shared") || strings.Contains(line, "§") {
				for _, re := range citationBanned {
					if m := re.FindString(line); m != "" {
						report("cites material outside the module: " + strings.TrimSpace(m))
					}
				}
			}
			if strings.Contains(lower, ".md") {
				for _, m := range citationDoc.FindAllStringSubmatch(line, -1) {
					if !citedFileExists(root, dir, m[1], true) {
						report("names a document the module does not contain: " + m[1])
					}
				}
				for _, m := range citationAnchor.FindAllStringSubmatch(line, -1) {
					for _, a := range citationAnchorName.FindAllStringSubmatch(m[1], -1) {
						if !anchors[a[1]] {
							report("points to an anchor SOURCES.md does not define: #" + a[1])
						}
					}
				}
			}
			if strings.Contains(line, "/") {
				for _, m := range citationPath.FindAllStringSubmatch(line, -1) {
					if !citedFileExists(root, dir, m[1], false) {
						report("names a file the module does not contain: " + m[1])
					}
				}
			}
		}
		return sc.Err()
	})
	return problems, err
}

// citedFileExists reports whether name, as written in a file in dir, is a file of the module rooted
// at root: relative to dir or any directory above it up to root, or (for a document named by its
// base name alone, when anywhere is set) anywhere in the module.
func citedFileExists(root, dir, name string, anywhere bool) bool {
	root = filepath.Clean(root)
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		p := filepath.Join(d, filepath.FromSlash(name))
		if within(root, p) {
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return true
			}
		}
		if d == root || d == "." || d == filepath.Dir(d) {
			break
		}
	}
	if !anywhere || strings.Contains(name, "/") {
		return false
	}
	found := false
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipAll
		}
		if d.IsDir() && path != root && slices.Contains(citationSkipDirs, d.Name()) {
			return filepath.SkipDir
		}
		found = !d.IsDir() && d.Name() == name
		return nil
	})
	return found
}

// within reports whether p is root or below it.
func within(root, p string) bool {
	r, err := filepath.Rel(root, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// TestCitationsStayInModule fails if any Go file, schema, fixture, golden file or document of the
// module names a file the module does not contain, cites outside notes by nickname, or points to a
// SOURCES.md anchor that does not exist.
func TestCitationsStayInModule(t *testing.T) {
	problems, err := citationProblems(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// TestCitationCheckCatches plants one bad citation of each kind in a scratch module and checks that
// the check reports every one, and nothing in the good file.
func TestCitationCheckCatches(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("SOURCES.md", "# Sources\n\n<a id=\"arrs-maximums\"></a>\n## ARRS maximums\n")
	write("README.md", "See SOURCES.md and pkg/testdata/valid/ab.json.\n")
	write("pkg/testdata/valid/ab.json", `{"source":"NHS England, Network Contract DES 2023/24 (SOURCES.md#arrs-maximums)"}`+"\n")
	write("pkg/good.go", "package pkg\n\n// Cites RFC 6901 §4 and SOURCES.md#arrs-maximums; reads testdata/valid/ab.json.\n")
	planted := map[string]string{
		"pkg/doc.go":                "package pkg\n\n// The rule is in " + "NOTES" + ".md.\n",
		"pkg/rules.go":              "package pkg\n\nconst src = \"NHS England (" + "seed" + " 002)\"\n",
		"pkg/codes.go":              "package pkg\n\n// As the go-socialprescribing " + "domain" + " reference says.\n",
		"pkg/upper.go":              "package pkg\n\n// See " + "DOMAIN" + " section 7.\n",
		"pkg/section.go":            "package pkg\n\n// Thresholds (" + "§" + "5).\n",
		"pkg/anchor.go":             "package pkg\n\n// See SOURCES.md#" + "no-such-anchor.\n",
		"pkg/second.go":             "package pkg\n\n// See SOURCES.md#arrs-maximums and #" + "no-such-anchor.\n",
		"pkg/path.go":               "package pkg\n\n// Read testdata/valid/" + "missing.json first.\n",
		"pkg/testdata/valid/b.json": `{"source":"` + "../" + `shared/notes"}` + "\n",
	}
	for name, text := range planted {
		write(name, text)
	}
	problems, err := citationProblems(root)
	if err != nil {
		t.Fatal(err)
	}
	for name := range planted {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, name+":") }) {
			t.Errorf("planted bad citation in %s not reported; problems: %q", name, problems)
		}
	}
	for _, p := range problems {
		for _, good := range []string{"SOURCES.md:", "README.md:", "pkg/good.go:", "pkg/testdata/valid/ab.json:"} {
			if strings.HasPrefix(p, good) {
				t.Errorf("good citation reported: %s", p)
			}
		}
	}
}
