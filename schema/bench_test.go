package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"
	"github.com/socialprescribing/go-socialprescribing/referral"
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

// BenchmarkValidateDocument compares ValidateDocument with the direct path it stands for (strict
// Decode into the Go type, then Validate) on the same valid fixtures, call by call in one run
// (target: ValidateDocument at most 1.3× the direct path; the "ValidateDocument/direct" metric).
func BenchmarkValidateDocument(b *testing.B) {
	for _, c := range []struct {
		name, file string
		direct     func([]byte) error
	}{
		{"referral.referral", "../referral/testdata/valid/referral.completed.json", directVerdict[referral.Referral]},
		{"episode.episode", "../episode/testdata/valid/episode.completed.json", directVerdict[episode.Episode]},
		{"coding.activity-record", "../coding/testdata/valid/activity-record.accepted-coded.json", directVerdict[coding.ActivityRecord]},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			benchcmp.Interleaved(b,
				"ValidateDocument", func() {
					if err := ValidateDocument(c.name, data); err != nil {
						b.Fatal(err)
					}
				},
				"direct", func() {
					if err := c.direct(data); err != nil {
						b.Fatal(err)
					}
				})
		})
	}
}

// directVerdict is what a Go caller writes: Decode into the type, then Validate.
func directVerdict[T any, PT interface {
	*T
	Validate() error
}](data []byte) error {
	var v T
	if err := sp.Decode(data, &v); err != nil {
		return err
	}
	return PT(&v).Validate()
}
