package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// BenchmarkGenerate measures generating every schema and the index (target: under 100 ms).
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(".."); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerdict compares, for the first valid fixture of each document, the Go path (strict decode
// + Validate) with santhosh-tekuri/jsonschema parsing and validating the same bytes (target: Go at
// least 2× faster).
func BenchmarkVerdict(b *testing.B) {
	schemas := compileAll(b)
	for _, d := range documents() {
		paths, _ := filepath.Glob(filepath.Join("..", d.dir(), "testdata", "valid", d.fixture()+".*.json"))
		if len(paths) == 0 {
			continue
		}
		data, err := os.ReadFile(paths[0])
		if err != nil {
			b.Fatal(err)
		}
		b.Run(d.Name+"/go", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := goVerdict(d, data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.Name+"/jsonschema", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			s := schemas[d.Name]
			for b.Loop() {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if err := s.Validate(inst); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
