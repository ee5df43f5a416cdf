// Command auditor audits ARRS reimbursement claims with the workforce package and prints the
// report. Run it on the bundled sample data:
//
//	go run ./examples/auditor
//	go run ./examples/auditor -format csv
//	go run ./examples/auditor -rules examples/auditor/rules-example.json -origin rules-example.json
//	go run ./examples/auditor -format json my-claims.json
//
// The input is a workforce.Input document (PCNs, staff, claims); -rules loads rule rows of your own
// over the library's defaults. The exit status is 1 if the report has error findings, 2 if the input
// cannot be read.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

//go:embed claims.json
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("auditor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json or csv")
	rulesPath := fs.String("rules", "", "a rule table (JSON) to load over the default rules")
	origin := fs.String("origin", "", "where the rule table came from, recorded on its rows (default: the file name)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	data := sample
	if fs.NArg() > 0 {
		var err error
		if data, err = os.ReadFile(fs.Arg(0)); err != nil {
			fmt.Fprintln(stderr, "auditor:", err)
			return 2
		}
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		fmt.Fprintln(stderr, "auditor: input:", err)
		return 2
	}
	rules := workforce.DefaultRules()
	if *rulesPath != "" {
		b, err := os.ReadFile(*rulesPath)
		if err != nil {
			fmt.Fprintln(stderr, "auditor:", err)
			return 2
		}
		table, err := workforce.ParseRuleTable(b)
		if err != nil {
			fmt.Fprintln(stderr, "auditor: rules:", err)
			return 2
		}
		o := *origin
		if o == "" {
			o = *rulesPath
		}
		if rules, err = rules.Override(table, o); err != nil {
			fmt.Fprintln(stderr, "auditor: rules:", err)
			return 2
		}
	}
	rep := workforce.Audit(in, rules)
	var out []byte
	switch *format {
	case "text":
		out = []byte(rep.Text())
	case "json":
		out, err = rep.JSON()
	case "csv":
		out, err = rep.CSV()
	default:
		fmt.Fprintln(stderr, "auditor: -format must be text, json or csv")
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "auditor:", err)
		return 2
	}
	if _, err := stdout.Write(out); err != nil {
		return 2
	}
	if sp.HasErrors(rep.Findings) {
		return 1
	}
	return 0
}
