// Command auditor shows what an auditor does with go-socialprescribing: it audits a PCN's ARRS
// reimbursement claims for link workers and care coordinators against the library's rule rows and
// prints the report, every line traced to the rule row, source and confidence it came from, then
// re-derives one capped line step by step.
//
// Run it from the module root on the bundled sample data:
//
//	go run ./examples/auditor
//
// To audit files of your own, as text, JSON, CSV, an HTML page or a workbook, and to load rule rows
// of your own, use the command-line tool: go run ./cmd/socialprescribing audit -format html -o
// audit.html claims.json
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

//go:embed claims.json
var sample []byte

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run audits the sample claims under the default rules and prints the report as text, then the
// derivation of the first capped line with the source of the rule row it used, then a line saying
// whether the audit found errors.
func run(w io.Writer) error {
	in, err := workforce.ParseInput(sample) // strict decoding; Audit validates and reports what is wrong
	if err != nil {
		return fmt.Errorf("auditor example: %w", err)
	}
	rules := workforce.DefaultRules() // only figures of high or medium confidence; no silent zeros
	report := workforce.Audit(in, rules)
	if err := report.WriteText(w); err != nil {
		return err
	}
	for _, l := range report.Lines {
		if !l.Capped {
			continue
		}
		fmt.Fprintf(w, "\nHow %s (staff %s, %s) was capped:\n%s", l.Claim, l.Staff, l.Month.String()[:7], l.Derivation())
		if row, ok := report.Rule(l.Parts[0].Rule); ok {
			fmt.Fprintf(w, "rule row %s: %s (confidence %s)\n", row.ID, row.Source, row.Confidence)
		}
		break
	}
	if report.HasErrors() {
		fmt.Fprintln(w, "\nThe audit found errors: see the findings above.")
	}
	return nil
}
