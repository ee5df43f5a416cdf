package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/auditgen"
	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"
)

// BenchmarkAuditCommand150000 runs the audit command on a 150,000-claim input (25 MB, as
// internal/auditgen/cmd/auditgen writes it) with -format json and with -format csv, each writing
// its files with -o, call by call in one loop (target: json at most 1.5× csv). Peak memory is
// measured on the built command with /usr/bin/time -v (see the README).
func BenchmarkAuditCommand150000(b *testing.B) {
	dir := b.TempDir()
	input := filepath.Join(dir, "claims.json")
	f, err := os.Create(input)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := auditgen.Write(w, auditgen.Input(150_000/60)); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if fi, _ := os.Stat(input); fi.Size() < 24_000_000 || fi.Size() > 26_000_000 {
		b.Fatalf("input is %d bytes, want about 25 MB", fi.Size())
	}
	run := func(format string) func() {
		return func() {
			if code := audit([]string{"-format", format, "-o", filepath.Join(dir, "out."+format), input}, nil, io.Discard, io.Discard); code != 1 {
				b.Fatalf("-format %s: status %d, want 1 (the input's PCNs overspend their sums)", format, code)
			}
		}
	}
	b.ReportAllocs()
	benchcmp.Interleaved(b, "json", run("json"), "csv", run("csv"))
}
