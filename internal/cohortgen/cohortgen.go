// Package cohortgen builds cohorts of valid episodes from a seeded pseudo-random generator, for the
// tests and benchmarks of the packages above episode (the report's page, the command). The same
// seed gives the same cohort. Every episode passes episode.Episode.Validate.
package cohortgen

import (
	"fmt"

	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/episodegen"
)

// Cohort builds n valid episodes with ids ep-000000, ep-000001, … from the seed.
func Cohort(n int, seed uint64) []episode.Episode {
	d := episodegen.Rand(seed)
	out := make([]episode.Episode, n)
	for i := range out {
		p := episodegen.Build(d, fmt.Sprintf("ep-%06d", i))
		out[i] = episode.Episode{Referral: p.Referral, Plan: p.Plan, Measurements: p.Measurements, ServiceUse: p.ServiceUse}
	}
	return out
}
