package plan_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
)

// addSeeds adds every fixture of the document kind as a fuzz seed.
func addSeeds(f *testing.F, kind string) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, kind+".*.json"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"episodeId":"ep-2024-0042","contacts":[{"date":"2024-05-01","minutes":-5,"kind":"initial-assessment"}],"reviewDates":["2024-06-01","2024-06-01"]}`))
}

// roundTrip strictly decodes, validates and, for a valid document, re-encodes and decodes again,
// requiring the same bytes; it never panics. It returns the decoded value and whether it decoded.
func roundTrip[T interface{ Validate() error }](t *testing.T, data []byte) (T, bool) {
	var v T
	if err := sp.Decode(data, &v); err != nil {
		return v, false
	}
	if err := v.Validate(); err != nil {
		_, _ = json.Marshal(v) // encoding an invalid value may fail, but must not panic
		return v, true
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal of a valid document: %v", err)
	}
	var back T
	if err := sp.Decode(b, &back); err != nil {
		t.Fatalf("Decode of the re-encoded document: %v\n%s", err, b)
	}
	if err := back.Validate(); err != nil {
		t.Fatalf("Validate of the re-encoded document: %v\n%s", err, b)
	}
	b2, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("not byte-identical after a round trip:\n%s\n%s", b, b2)
	}
	return v, true
}

// FuzzPlan: strict decode → Validate → Check → Summary never panics, whether or not the plan is
// valid; a valid plan round-trips byte for byte, and its findings are sorted and well formed.
func FuzzPlan(f *testing.F) {
	addSeeds(f, "plan")
	r := accepted(f)
	asOf := d("2024-07-10")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ok := roundTrip[plan.Plan](t, data)
		if !ok {
			return
		}
		fs, err := plan.Check(p, r, asOf, plan.DefaultPolicy())
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		_ = p.Summary()
		if p.Validate() != nil {
			return
		}
		for _, f := range fs {
			if err := f.Validate(); err != nil {
				t.Errorf("finding %v: %v", f, err)
			}
		}
	})
}

// FuzzPolicy: strict decode → Validate → re-encode never panics; a valid policy round-trips and
// Check accepts it.
func FuzzPolicy(f *testing.F) {
	addSeeds(f, "policy")
	p, r := typical(f), accepted(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pol, ok := roundTrip[plan.Policy](t, data)
		if !ok {
			return
		}
		_, err := plan.Check(p, r, d("2024-07-10"), pol)
		if (err == nil) != (pol.Validate() == nil) {
			t.Errorf("Check error %v, but Validate says %v", err, pol.Validate())
		}
	})
}
