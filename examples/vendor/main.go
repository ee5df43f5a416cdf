// Command vendor shows what a case-management application does with go-socialprescribing: it checks
// activity records from a GP system export against the SNOMED CT recording rules, takes a referral from
// receipt to completion printing the codes that fall due, and checks a co-produced personalised plan
// against the practice rules, printing what is due, late or wrong at each step.
//
// Run it from the module root with:
//
//	go run ./examples/vendor
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

//go:embed records.json
var recordsJSON []byte

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	if err := codingChecks(w); err != nil {
		return err
	}
	return runAll(w, referralLifecycle, planChecks)
}

// codingChecks decodes the sample records strictly and runs the recording rules as of 2024-06-05.
func codingChecks(w io.Writer) error {
	var records []coding.ActivityRecord
	if err := sp.Decode(recordsJSON, &records); err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	asOf := sp.MustParseDate("2024-06-05")
	fmt.Fprintf(w, "SNOMED CT recording check of %d activity records as of %s\n", len(records), asOf)
	findings := coding.CheckRecording(records, asOf)
	for _, f := range findings {
		fmt.Fprintf(w, "  %-7s %-8s %-34s %s\n", f.Severity, f.Subject, f.Rule, f.Message)
	}
	fmt.Fprintf(w, "%d findings\n", len(findings))
	return nil
}
