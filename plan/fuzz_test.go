package plan_test

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/plan"
)

// FuzzPlan: strict decode → Validate → Check → Summary never panics, whether or not the plan is
// valid; a valid plan round-trips byte for byte, and its findings are sorted and well formed.
func FuzzPlan(f *testing.F) {
	fixturetest.AddSeeds(f, "plan", `{"episodeId":"ep-2024-0042","contacts":[{"date":"2024-05-01","minutes":-5,"kind":"initial-assessment"}],"reviewDates":["2024-06-01","2024-06-01"]}`)
	r := accepted(f)
	asOf := d("2024-07-10")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ok := fixturetest.RoundTripBytes[plan.Plan](t, data)
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
	fixturetest.AddSeeds(f, "policy", `{"episodeId":"ep-2024-0042","contacts":[{"date":"2024-05-01","minutes":-5,"kind":"initial-assessment"}],"reviewDates":["2024-06-01","2024-06-01"]}`)
	p, r := typical(f), accepted(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pol, ok := fixturetest.RoundTripBytes[plan.Policy](t, data)
		if !ok {
			return
		}
		_, err := plan.Check(p, r, d("2024-07-10"), pol)
		if (err == nil) != (pol.Validate() == nil) {
			t.Errorf("Check error %v, but Validate says %v", err, pol.Validate())
		}
	})
}
