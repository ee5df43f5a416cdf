// Command vendor shows what a case-management application does with go-socialprescribing: it reads
// activity records as a GP system export would give them, checks them against the SNOMED CT recording
// rules as of a date, and prints what is due, late or wrong.
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
	return codingChecks(w)
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
