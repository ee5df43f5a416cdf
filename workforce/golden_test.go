package workforce_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenReport audits the auditor example's sample data and compares the JSON, CSV and text
// renderings with the committed golden files, byte for byte. Run with -update to rewrite them
// after a reviewed change.
func TestGoldenReport(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "examples", "auditor", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		t.Fatal(err)
	}
	rep := workforce.Audit(in, workforce.DefaultRules())
	js, err := rep.JSON()
	if err != nil {
		t.Fatal(err)
	}
	csv, err := rep.CSV()
	if err != nil {
		t.Fatal(err)
	}
	// The JSON is also the audit-report document's valid fixture for the schema tests.
	outputs := map[string][]byte{
		filepath.Join("testdata", "golden", "audit-sample.json"):       js,
		filepath.Join("testdata", "golden", "audit-sample.csv"):        csv,
		filepath.Join("testdata", "golden", "audit-sample.txt"):        []byte(rep.Text()),
		filepath.Join("testdata", "valid", "audit-report.sample.json"): js,
	}
	for path, got := range outputs {
		name := filepath.Base(path)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestGoldenReport -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file; review and run with -update", name)
		}
	}
	// A second audit of the same input is byte-identical.
	again, _ := workforce.Audit(in, workforce.DefaultRules()).JSON()
	if !bytes.Equal(js, again) {
		t.Errorf("two audits of the same input differ")
	}
}
