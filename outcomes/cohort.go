package outcomes

import (
	"iter"
	"math"
	"math/big"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/keygroup"
)

// CohortSummary is the result of [Summarise]: per instrument and scale, the statistics of the change
// from baseline to follow-up over the episodes that have both.
type CohortSummary struct {
	// Records is the number of measurements given.
	Records int `json:"records"`
	// Invalid is the number of measurements that failed validation; they are excluded.
	Invalid int `json:"invalid"`
	// Instruments holds one summary per instrument with at least one valid measurement, in the order
	// of [Instruments].
	Instruments []InstrumentSummary `json:"instruments"`
}

// InstrumentSummary summarises the measurements of one instrument. Every valid measurement is
// accounted for: an episode is paired, or counted under the reason it was excluded.
type InstrumentSummary struct {
	// Instrument is the instrument summarised.
	Instrument Instrument `json:"instrument"`
	// Records is the number of valid measurements of the instrument.
	Records int `json:"records"`
	// Episodes is the number of distinct episode ids among them.
	Episodes int `json:"episodes"`
	// Paired is the number of episodes with a usable baseline and follow-up: the n of the statistics.
	Paired int `json:"paired"`
	// BaselineOnly is the number of episodes with a baseline and no follow-up; they are excluded.
	BaselineOnly int `json:"baselineOnly"`
	// FollowUpOnly is the number of episodes with a follow-up and no baseline; they are excluded.
	FollowUpOnly int `json:"followUpOnly"`
	// Conflicting is the number of episodes excluded because two different answers share the date of
	// the baseline or of the follow-up that would be used.
	Conflicting int `json:"conflicting"`
	// DateOrder is the number of episodes excluded because the latest follow-up is dated before the
	// earliest baseline.
	DateOrder int `json:"dateOrder"`
	// Unused is the number of valid measurements not used in a pair: those of excluded episodes, and
	// repeated baselines and follow-ups of paired episodes.
	Unused int `json:"unused"`
	// Scales holds the statistics per scale, in the order of [Instrument.Scales]; it is empty when
	// no episode is paired.
	Scales []ScaleSummary `json:"scales"`
}

// ScaleSummary holds the paired statistics of one scale over n episodes.
type ScaleSummary struct {
	// Scale names the score.
	Scale Scale `json:"scale"`
	// N is the number of paired episodes.
	N int `json:"n"`
	// MeanBaseline is the mean baseline score.
	MeanBaseline float64 `json:"meanBaseline"`
	// MeanFollowUp is the mean follow-up score.
	MeanFollowUp float64 `json:"meanFollowUp"`
	// MeanChange is the mean of follow-up − baseline (equal to MeanFollowUp − MeanBaseline up to
	// rounding). A rise is positive whatever the scale's direction.
	MeanChange float64 `json:"meanChange"`
	// CI95 is the 95% confidence interval of the mean change by the paired t method; nil when N < 2.
	CI95 *Interval `json:"ci95,omitempty"`
	// Improved, Worsened and Unchanged count the episodes by the direction of their change, taking
	// the scale's direction into account (a fall in anxiety or loneliness is an improvement).
	Improved  int `json:"improved"`
	Worsened  int `json:"worsened"`
	Unchanged int `json:"unchanged"`
	// ShareImproved is Improved / N.
	ShareImproved float64 `json:"shareImproved"`
	// ShareWorsened is Worsened / N.
	ShareWorsened float64 `json:"shareWorsened"`
	// Bands counts the N episodes by their ONS threshold band ([ONS4Band]) at baseline and at
	// follow-up, one line per band of the scale, lowest first; only for the ONS4 items, absent for
	// the other scales.
	Bands []BandMovement `json:"bands,omitempty"`
}

// BandMovement is the number of paired episodes in one ONS band at baseline and at follow-up.
type BandMovement struct {
	Band     Band `json:"band"`
	Baseline int  `json:"baseline"`
	FollowUp int  `json:"followUp"`
}

// ons4Bands returns the bands of an ONS4 item, lowest first, or nil for another scale.
func ons4Bands(sc Scale) []Band {
	switch sc {
	case ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness:
		return []Band{BandLow, BandMedium, BandHigh, BandVeryHigh}
	case ScaleAnxiety:
		return []Band{BandVeryLow, BandLow, BandMedium, BandHigh}
	}
	return nil
}

// Interval is a paired-t confidence interval of a mean change: Low = mean − T·SE, High = mean + T·SE,
// where SE = SD / √n and T is the Student t quantile with DF = n − 1 degrees of freedom.
type Interval struct {
	// Low is the lower bound.
	Low float64 `json:"low"`
	// High is the upper bound.
	High float64 `json:"high"`
	// SD is the sample standard deviation of the changes (divisor n − 1).
	SD float64 `json:"sd"`
	// SE is the standard error of the mean change.
	SE float64 `json:"se"`
	// T is the critical value of Student's t distribution used.
	T float64 `json:"t"`
	// DF is the degrees of freedom, n − 1.
	DF int `json:"df"`
}

// slot tracks one episode of one instrument while pairing: the baseline and follow-up chosen so far,
// with their dates and scores, so that pairing never looks back at the input.
type slot struct {
	bDate, fDate         sp.Date
	bScores, fScores     [maxScales]int32
	records              int32
	hasB, hasF           bool
	bConflict, fConflict bool
	inst                 uint8 // index in instruments
}

// add offers one measurement to the slot: the earliest baseline and the latest follow-up win; a
// different answer on the winning date flags a conflict. The outcome does not depend on the order
// in which measurements are offered.
func (s *slot) add(baseline bool, d sp.Date, cs *[maxScales]int32) {
	s.records++
	if baseline {
		switch {
		case !s.hasB || d.Before(s.bDate):
			s.hasB, s.bDate, s.bScores, s.bConflict = true, d, *cs, false
		case d == s.bDate && *cs != s.bScores:
			s.bConflict = true
		}
		return
	}
	switch {
	case !s.hasF || d.After(s.fDate):
		s.hasF, s.fDate, s.fScores, s.fConflict = true, d, *cs, false
	case d == s.fDate && *cs != s.fScores:
		s.fConflict = true
	}
}

// Summarise pairs baseline and follow-up measurements by episode id, per instrument, and returns the
// change statistics of each scale: n, mean baseline, mean follow-up, mean change with its 95% paired-t
// confidence interval, and the shares improved and worsened.
//
// Pairing: each episode uses its earliest baseline and its latest follow-up (a follow-up on the same
// date as the baseline is allowed). An episode is excluded, and counted under its reason, when it has
// no baseline, no follow-up, two different answers dated on the day of the baseline or follow-up it
// would use, or a latest follow-up dated before its earliest baseline. Invalid measurements are
// counted and excluded. Nothing unpaired is ever mixed into the statistics.
//
// The result does not depend on the order of ms: scores are whole hundredths, so every sum is an
// exact integer, and each statistic is computed from those sums with a single rounding at the end.
// Sums are exact for any cohort below about 10¹¹ episodes. Summarise is safe for concurrent use.
func Summarise(ms []Measurement) CohortSummary {
	var p pairing
	p.group(len(ms), func(yield func(*Measurement) bool) {
		for i := range ms {
			if !yield(&ms[i]) {
				return
			}
		}
	})
	return p.summary()
}

// SummariseSeq is [Summarise] over measurements held elsewhere, such as in episodes, without copying
// them into one slice. It ranges over ms once and changes nothing it is given.
func SummariseSeq(ms iter.Seq[*Measurement]) CohortSummary {
	var p pairing
	p.group(0, ms)
	return p.summary()
}

// SummariseGroups is [Summarise] over measurements already gathered by episode, as an episode
// holds its own: each group yielded holds measurements of one episode id. Each group whose id no
// other group has is paired on its own, in cache, and only the rest go through the grouping of
// [SummariseSeq], so that it costs less than Summarise. The result is the same as Summarise of all
// the measurements, however they are grouped: if a group holds measurements of two episode ids, all
// the measurements are summarised as by Summarise. It ranges over groups once and changes nothing it
// is given.
func SummariseGroups(groups iter.Seq[[]Measurement]) CohortSummary {
	var gs [][]Measurement
	mixed := false
	for g := range groups {
		if len(g) == 0 {
			continue
		}
		gs = append(gs, g)
		for k := 1; k < len(g) && !mixed; k++ {
			mixed = g[k].EpisodeID != g[0].EpisodeID
		}
	}
	var p pairing
	if mixed {
		n := 0
		for _, g := range gs {
			n += len(g)
		}
		p.group(n, func(yield func(*Measurement) bool) {
			for _, g := range gs {
				for k := range g {
					if !yield(&g[k]) {
						return
					}
				}
			}
		})
		return p.summary()
	}
	shared := keygroup.Shared(len(gs), func(i int) (string, bool) { return gs[i][0].EpisodeID, true })
	n := 0
	for _, g := range gs {
		n += len(g)
	}
	p.slots = make([]slot, 0, n/2+1)
	for i, g := range gs {
		if shared[i] {
			continue
		}
		// One episode: a slot per instrument, found by its index.
		idx := [len(instruments)]int32{-1, -1, -1, -1}
		for k := range g {
			m := &g[k]
			p.records++
			var cs [maxScales]int32
			if !m.validScores(&cs) {
				continue
			}
			p.valid++
			in := instrumentIndex(m.Instrument)
			if idx[in] < 0 {
				idx[in] = int32(len(p.slots))
				p.slots = append(p.slots, slot{inst: uint8(in)})
			}
			p.slots[idx[in]].add(m.Timepoint == TimepointBaseline, m.Date, &cs)
		}
	}
	// The groups of ids more than one group has: together, through the general grouping. Their ids
	// are none of the ids paired above.
	routed := 0
	for i, g := range gs {
		if shared[i] {
			routed += len(g)
		}
	}
	p.group(routed, func(yield func(*Measurement) bool) {
		for i, g := range gs {
			if !shared[i] {
				continue
			}
			for k := range g {
				if !yield(&g[k]) {
					return
				}
			}
		}
	})
	return p.summary()
}

// pairing accumulates the slots of a summary: one per (instrument, episode id).
type pairing struct {
	slots          []slot
	records, valid int
}

// group pairs the measurements of ms, about n of them (0 for not known), into new slots, by
// (instrument, episode id) with keygroup, whose cost per measurement does not grow with the cohort.
// The ids of ms must be none of the ids already paired.
func (p *pairing) group(n int, ms iter.Seq[*Measurement]) {
	type scored struct {
		cs   [maxScales]int32
		date sp.Date
		base bool
		inst uint8
	}
	base := len(p.slots)
	records := 0
	each := func(yield func(keygroup.Item[scored]) bool) {
		for m := range ms {
			records++
			var v scored
			if !m.validScores(&v.cs) {
				continue
			}
			v.date, v.base, v.inst = m.Date, m.Timepoint == TimepointBaseline, uint8(instrumentIndex(m.Instrument))
			if !yield(keygroup.Item[scored]{Key: keygroup.Key{Tag: uint32(v.inst), ID: m.EpisodeID}, Value: v}) {
				return
			}
		}
	}
	pair := func(g int, v scored) {
		if base+g == len(p.slots) {
			if p.slots == nil {
				// Most episodes have a baseline and a follow-up: half as many slots as
				// measurements, or fewer.
				p.slots = make([]slot, 0, records/2+1)
			}
			p.slots = append(p.slots, slot{inst: v.inst})
		}
		p.slots[base+g].add(v.base, v.date, &v.cs)
		p.valid++
	}
	if n > 0 {
		keygroup.GroupN(n, each, pair)
	} else {
		keygroup.Group(each, pair)
	}
	p.records += records
}

// summary summarises the slots per instrument.
func (p *pairing) summary() CohortSummary {
	out := CohortSummary{Records: p.records, Invalid: p.records - p.valid, Instruments: []InstrumentSummary{}}
	var present [len(instruments)]bool
	for i := range p.slots {
		present[p.slots[i].inst] = true
	}
	for k, inst := range instruments {
		if present[k] {
			out.Instruments = append(out.Instruments, summariseInstrument(inst, uint8(k), p.slots))
		}
	}
	return out
}

func instrumentIndex(i Instrument) int {
	switch i {
	case InstrumentONS4:
		return 0
	case InstrumentSWEMWBS:
		return 1
	case InstrumentWEMWBS:
		return 2
	case InstrumentUCLA3:
		return 3
	}
	return -1
}

// accumulator holds the exact integer sums of one scale, in hundredths.
type accumulator struct {
	sumB, sumF, sumD   int64
	sumD2              uint64
	improved, worsened int
	// bandB and bandF count the episodes per ONS band (index in the scale's bands) at baseline
	// and follow-up, for the ONS4 items.
	bandB, bandF [4]int
}

// summariseInstrument summarises the slots of instrument inst, index ix of instruments.
func summariseInstrument(inst Instrument, ix uint8, slots []slot) InstrumentSummary {
	sum := InstrumentSummary{Instrument: inst, Scales: []ScaleSummary{}}
	scs := inst.Scales()
	var acc [maxScales]accumulator
	for e := range slots {
		s := &slots[e]
		if s.inst != ix {
			continue
		}
		sum.Episodes++
		sum.Records += int(s.records)
		switch {
		case !s.hasB:
			sum.FollowUpOnly++
		case !s.hasF:
			sum.BaselineOnly++
		case s.bConflict || s.fConflict:
			sum.Conflicting++
		case s.fDate.Before(s.bDate):
			sum.DateOrder++
		default:
			sum.Paired++
			for k, sc := range scs {
				b, f := int64(s.bScores[k]), int64(s.fScores[k])
				d := f - b
				a := &acc[k]
				a.sumB += b
				a.sumF += f
				a.sumD += d
				a.sumD2 += uint64(d * d)
				switch direction(sc, d) {
				case DirectionImproved:
					a.improved++
				case DirectionWorsened:
					a.worsened++
				}
				if inst == InstrumentONS4 {
					a.bandB[bandIndex(sc, b/100)]++
					a.bandF[bandIndex(sc, f/100)]++
				}
			}
		}
	}
	sum.Unused = sum.Records - 2*sum.Paired
	if sum.Paired == 0 {
		return sum
	}
	for k, sc := range scs {
		sum.Scales = append(sum.Scales, scaleSummary(sc, sum.Paired, &acc[k]))
	}
	return sum
}

func scaleSummary(sc Scale, n int, a *accumulator) ScaleSummary {
	fn := float64(n)
	s := ScaleSummary{
		Scale:         sc,
		N:             n,
		MeanBaseline:  float64(a.sumB) / (100 * fn),
		MeanFollowUp:  float64(a.sumF) / (100 * fn),
		MeanChange:    float64(a.sumD) / (100 * fn),
		Improved:      a.improved,
		Worsened:      a.worsened,
		Unchanged:     n - a.improved - a.worsened,
		ShareImproved: float64(a.improved) / fn,
		ShareWorsened: float64(a.worsened) / fn,
	}
	for k, b := range ons4Bands(sc) {
		s.Bands = append(s.Bands, BandMovement{Band: b, Baseline: a.bandB[k], FollowUp: a.bandF[k]})
	}
	if n < 2 {
		return s
	}
	// n·ΣD² − (ΣD)², exactly, then one rounding to float64.
	num := new(big.Int).Mul(big.NewInt(int64(n)), new(big.Int).SetUint64(a.sumD2))
	sd := big.NewInt(a.sumD)
	num.Sub(num, sd.Mul(sd, sd))
	numF, _ := new(big.Float).SetInt(num).Float64()
	variance := numF / (fn * float64(n-1)) // hundredths²
	iv := &Interval{DF: n - 1, T: tCritical(0.025, float64(n-1))}
	iv.SD = math.Sqrt(variance) / 100
	iv.SE = iv.SD / math.Sqrt(fn)
	iv.Low = s.MeanChange - iv.T*iv.SE
	iv.High = s.MeanChange + iv.T*iv.SE
	s.CI95 = iv
	return s
}

// bandIndex returns the index in ons4Bands(sc) of the band of an ONS4 item's score (0 to 10), by
// the thresholds of [ONS4Band].
func bandIndex(sc Scale, score int64) int {
	cut := [3]int64{4, 6, 8} // life satisfaction, worthwhile, happiness: 0–4, 5–6, 7–8, 9–10
	if sc == ScaleAnxiety {
		cut = [3]int64{1, 3, 5} // 0–1, 2–3, 4–5, 6–10
	}
	for k, c := range cut {
		if score <= c {
			return k
		}
	}
	return 3
}
