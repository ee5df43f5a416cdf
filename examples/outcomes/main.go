// Command outcomes scores and summarises a small bundled cohort: ONS4, SWEMWBS and UCLA-3
// measurements of seven episodes, and the service use of three of them. The data is made up.
//
//	go run ./examples/outcomes
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

//go:embed measurements.json
var measurementsJSON []byte

//go:embed service-use.json
var serviceUseJSON []byte

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	var ms []outcomes.Measurement
	if err := sp.Decode(measurementsJSON, &ms); err != nil {
		return err
	}
	for _, m := range ms {
		if err := m.Validate(); err != nil {
			return err
		}
	}

	// One episode, scored and compared.
	fmt.Fprintln(w, "Episode ref-1001, ONS4:")
	ch, err := outcomes.Diff(ms[0], ms[1])
	if err != nil {
		return err
	}
	for _, it := range ch.Items {
		fmt.Fprintf(w, "  %-17s %2.0f → %2.0f  %-9s band %s → %s\n", it.Scale, it.Baseline, it.FollowUp, it.Direction, it.BaselineBand, it.FollowUpBand)
	}
	scores, err := ms[2].Scores()
	if err != nil {
		return err
	}
	code, _ := ms[2].Code()
	fmt.Fprintf(w, "  SWEMWBS baseline: metric %.2f (raw %.0f), record as %s|%s (confidence %s)\n",
		scores[0].Value, scores[1].Value, code.System, code.Code, code.Confidence)
	if _, err := ms[0].Code(); err != nil {
		fmt.Fprintln(w, "  ONS4:", err)
	}

	// The cohort.
	s := outcomes.Summarise(ms)
	fmt.Fprintf(w, "\nCohort: %d measurements, %d invalid\n", s.Records, s.Invalid)
	for _, is := range s.Instruments {
		fmt.Fprintf(w, "%s: %d episodes, %d paired, %d baseline only, %d follow-up only\n",
			is.Instrument, is.Episodes, is.Paired, is.BaselineOnly, is.FollowUpOnly)
		for _, sc := range is.Scales {
			ci := "n < 2"
			if sc.CI95 != nil {
				ci = fmt.Sprintf("%+.2f to %+.2f", sc.CI95.Low, sc.CI95.High)
			}
			fmt.Fprintf(w, "  %-17s %5.2f → %5.2f  change %+.2f (95%% CI %s)  improved %.0f%%, worsened %.0f%%\n",
				sc.Scale, sc.MeanBaseline, sc.MeanFollowUp, sc.MeanChange, ci, 100*sc.ShareImproved, 100*sc.ShareWorsened)
		}
	}

	// Service use.
	var us []outcomes.ServiceUse
	if err := sp.Decode(serviceUseJSON, &us); err != nil {
		return err
	}
	su := outcomes.SummariseServiceUse(us)
	fmt.Fprintf(w, "\nService use: %d episodes (change measured, not an effect claimed)\n", su.Episodes)
	for _, c := range su.Services {
		pc := "no per-cent change (zero before)"
		if c.PercentChange != nil {
			pc = fmt.Sprintf("%+.0f%%", *c.PercentChange)
		}
		fmt.Fprintf(w, "  %-24s %3d → %3d  per 30 days %.2f → %.2f  %s\n", c.Service, c.Before, c.After, c.BeforePer30Days, c.AfterPer30Days, pc)
	}
	return nil
}
