package cohortgen

import "testing"

// Every episode built is valid, and the same seed builds the same cohort.
func TestCohortValid(t *testing.T) {
	eps := Cohort(300, 7)
	for i, e := range eps {
		if err := e.Validate(); err != nil {
			t.Fatalf("episode %d: %v", i, err)
		}
	}
	again := Cohort(300, 7)
	for i := range eps {
		if eps[i].Referral.Received != again[i].Referral.Received || len(eps[i].Measurements) != len(again[i].Measurements) {
			t.Fatalf("episode %d differs between two builds with one seed", i)
		}
	}
}
