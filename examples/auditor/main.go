// Command auditor shows what an auditor does with go-socialprescribing: it audits a PCN's ARRS
// reimbursement claims for link workers and care coordinators against the library's rule rows and
// prints the report, every line traced to the rule row, source and confidence it came from.
//
// Run it from the module root on the bundled sample data:
//
//	go run ./examples/auditor
//
// To audit files of your own, in text, JSON or CSV, and to load rule rows of your own, use the
// command-line tool: go run ./cmd/socialprescribing audit -format csv claims.json
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

// run audits the sample claims under the default rules and prints the report as text, then a line
// saying whether it found errors.
func run(w io.Writer) error {
	in, err := workforce.ParseInput(sample) // strict decoding and validation of PCNs, staff and claims
	if err != nil {
		return fmt.Errorf("auditor example: %w", err)
	}
	rules := workforce.DefaultRules() // only figures of high or medium confidence; no silent zeros
	report := workforce.Audit(in, rules)
	if _, err := io.WriteString(w, report.Text()); err != nil {
		return err
	}
	if report.HasErrors() {
		fmt.Fprintln(w, "The audit found errors: see the findings above.")
	}
	return nil
}
