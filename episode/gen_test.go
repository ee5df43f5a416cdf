package episode

import (
	"fmt"

	"pgregory.net/rapid"

	"github.com/socialprescribing/go-socialprescribing/internal/episodegen"
)

// rapidDraw makes the episode builder's choices with rapid, so that rapid can shrink a failing
// episode.
type rapidDraw struct{ t *rapid.T }

func (d rapidDraw) Intn(label string, lo, hi int) int { return rapid.IntRange(lo, hi).Draw(d.t, label) }

// buildEpisode builds a valid episode with id from the drawer's choices (internal/episodegen).
func buildEpisode(d episodegen.Drawer, id string) Episode {
	p := episodegen.Build(d, id)
	return Episode{Referral: p.Referral, Plan: p.Plan, Measurements: p.Measurements, ServiceUse: p.ServiceUse}
}

// genEpisode generates a valid episode with the given id.
func genEpisode(id string) *rapid.Generator[Episode] {
	return rapid.Custom(func(t *rapid.T) Episode { return buildEpisode(rapidDraw{t}, id) })
}

// genEpisodes generates a cohort of 0 to 12 valid episodes with distinct ids.
func genEpisodes() *rapid.Generator[[]Episode] {
	return rapid.Custom(func(t *rapid.T) []Episode {
		n := rapid.IntRange(0, 12).Draw(t, "episodes")
		out := make([]Episode, n)
		for i := range out {
			out[i] = buildEpisode(rapidDraw{t}, fmt.Sprintf("ep-%03d", i))
		}
		return out
	})
}

// cohort builds n valid episodes from a seeded PRNG, for benchmarks.
func cohort(n int, seed uint64) []Episode {
	d := episodegen.Rand(seed)
	out := make([]Episode, n)
	for i := range out {
		out[i] = buildEpisode(d, fmt.Sprintf("ep-%06d", i))
	}
	return out
}
