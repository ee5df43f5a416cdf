package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// manyFiles writes n documents into a temporary directory, every third one invalid, and returns
// their paths.
func manyFiles(t *testing.T, n int) []string {
	t.Helper()
	valid, err := os.ReadFile("../../coding/testdata/valid/activity-record.accepted-coded.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("doc-%05d.json", i))
		data := valid
		if i%3 == 2 {
			data = []byte(`{"episodeId": ""}`)
		}
		if err := os.WriteFile(paths[i], data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

// reportLines returns the file each report line of stdout names, in order ("  " detail lines
// skipped).
func reportLines(out string) []string {
	var files []string
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "  ") {
			continue
		}
		f, _, _ := strings.Cut(line, ": ")
		files = append(files, f)
	}
	return files
}

// TestValidateOrder: with far more files than workers and their window, each file is reported once,
// in the order given, whatever order the workers finish in; the valid and invalid verdicts are those
// of checking each file alone.
func TestValidateOrder(t *testing.T) {
	paths := manyFiles(t, 1000)
	var out, errOut bytes.Buffer
	code := validate(append([]string{"coding.activity-record"}, paths...), strings.NewReader(""), &out, &errOut)
	if code != 1 {
		t.Errorf("status = %d, want 1 (some documents are invalid); stderr: %s", code, errOut.String())
	}
	got := reportLines(out.String())
	if len(got) != len(paths) {
		t.Fatalf("%d report lines, want one per file (%d)", len(got), len(paths))
	}
	for i, p := range paths {
		if got[i] != p {
			t.Fatalf("line %d reports %s, want %s: the output is not in the order of the files", i, got[i], p)
		}
	}
	// Each file's report is what checking it alone reports.
	for _, i := range []int{0, 1, 2, 500, 998, 999} {
		var alone bytes.Buffer
		validate([]string{"coding.activity-record", paths[i]}, strings.NewReader(""), &alone, &bytes.Buffer{})
		if !strings.Contains(out.String(), alone.String()) {
			t.Errorf("file %d: report %q not in the combined output", i, alone.String())
		}
	}
}

// TestValidateMissingFile: a file that cannot be read is reported on stderr and the files after it
// are still checked; the status is 2.
func TestValidateMissingFile(t *testing.T) {
	paths := manyFiles(t, 5)
	missing := filepath.Join(t.TempDir(), "no-such.json")
	args := []string{"coding.activity-record", paths[0], missing, paths[1], paths[3]}
	var out, errOut bytes.Buffer
	if code := validate(args, strings.NewReader(""), &out, &errOut); code != 2 {
		t.Errorf("status = %d, want 2 for a file that cannot be read", code)
	}
	if !strings.Contains(errOut.String(), "no-such.json") {
		t.Errorf("stderr does not name the missing file: %q", errOut.String())
	}
	if got, want := reportLines(out.String()), []string{paths[0], paths[1], paths[3]}; !slices.Equal(got, want) {
		t.Errorf("stdout reports %v, want the readable files %v", got, want)
	}
}

// TestValidateStdin: "-" reads the document from standard input, alongside files.
func TestValidateStdin(t *testing.T) {
	valid, err := os.ReadFile("../../coding/testdata/valid/activity-record.accepted-coded.json")
	if err != nil {
		t.Fatal(err)
	}
	paths := manyFiles(t, 3)
	for _, c := range []struct {
		name, reason string
		stdin        string
		args         []string
		code         int
		want         []string
	}{
		{"valid", "a valid document on standard input", string(valid), []string{"-"}, 0, []string{"-: valid coding.activity-record"}},
		{"invalid", "an invalid document on standard input is reported as -", `{"episodeId": ""}`, []string{"-"}, 1, []string{"-: invalid coding.activity-record"}},
		{"among files", "standard input keeps its place among the files", string(valid), []string{paths[0], "-", paths[1]}, 0,
			[]string{paths[0] + ": valid", "-: valid", paths[1] + ": valid"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := validate(append([]string{"coding.activity-record"}, c.args...), strings.NewReader(c.stdin), &out, &errOut)
			if code != c.code {
				t.Errorf("status = %d, want %d (%s); stderr: %s", code, c.code, c.reason, errOut.String())
			}
			rest := out.String()
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("stdout lacks %q in order (%s):\n%s", w, c.reason, out.String())
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// countingWriter counts the writes made to it.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// TestValidateBuffered: the report of many files reaches stdout in a few large writes, not one per
// line.
func TestValidateBuffered(t *testing.T) {
	paths := manyFiles(t, 600)
	var out countingWriter
	validate(append([]string{"coding.activity-record"}, paths...), strings.NewReader(""), &out, &bytes.Buffer{})
	lines := strings.Count(out.String(), "\n")
	if out.writes*20 > lines {
		t.Errorf("%d writes for %d lines: the output is not buffered", out.writes, lines)
	}
}

// TestCheckAllBounded: checkAll runs at most twice GOMAXPROCS checks at once, holds at most its
// window of files between starting one and emitting it, however slow the first file is, and emits
// every result in order.
func TestCheckAllBounded(t *testing.T) {
	const n = 500
	files := make([]string, n)
	for i := range files {
		files[i] = strconv.Itoa(i)
	}
	workers := min(runtime.GOMAXPROCS(0)*2, n)
	var mu sync.Mutex
	running, maxRunning, started, emitted, maxAhead := 0, 0, 0, 0, 0
	release := make(chan struct{})
	newWorker := func() func(string) result {
		return func(f string) result {
			mu.Lock()
			running++
			started++
			maxRunning = max(maxRunning, running)
			maxAhead = max(maxAhead, started-emitted)
			mu.Unlock()
			if f == "0" {
				<-release // the first file is slow: the others must not pile up behind it
			}
			mu.Lock()
			running--
			mu.Unlock()
			return result{out: []byte(f)}
		}
	}
	go func() {
		time.Sleep(50 * time.Millisecond)
		close(release)
	}()
	var got []string
	checkAll(files, newWorker, func(r result) {
		mu.Lock()
		emitted++
		mu.Unlock()
		got = append(got, string(r.out))
	})
	if !slices.Equal(got, files) {
		t.Errorf("results not emitted in the order of the files")
	}
	if maxRunning > workers {
		t.Errorf("%d checks ran at once, want at most %d", maxRunning, workers)
	}
	if window := workers * 8; workers > 1 && maxAhead > window {
		t.Errorf("%d files started and not emitted, want at most the window %d", maxAhead, window)
	}
}
