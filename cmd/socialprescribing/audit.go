package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// audit runs the ARRS claim audit of the workforce package over an input document (PCNs, staff,
// claims) and prints the report. -rules loads rule rows of the caller's own over the library's
// defaults. The status is 1 if the report has error findings, 2 if the input cannot be read.
func audit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("socialprescribing audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json or csv")
	rulesPath := fs.String("rules", "", "a rule table (JSON) to load over the default rules")
	origin := fs.String("origin", "", "where the rule table came from, recorded on its rows (default: the file name)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: socialprescribing audit [-format text|json|csv] [-rules FILE [-origin NAME]] INPUT.json")
		return 2
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing audit:", err)
		return 2
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing audit: input:", err)
		return 2
	}
	rules := workforce.DefaultRules()
	if *rulesPath != "" {
		b, err := os.ReadFile(*rulesPath)
		if err != nil {
			fmt.Fprintln(stderr, "socialprescribing audit:", err)
			return 2
		}
		table, err := workforce.ParseRuleTable(b)
		if err != nil {
			fmt.Fprintln(stderr, "socialprescribing audit: rules:", err)
			return 2
		}
		o := *origin
		if o == "" {
			o = *rulesPath
		}
		if rules, err = rules.Override(table, o); err != nil {
			fmt.Fprintln(stderr, "socialprescribing audit: rules:", err)
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
		fmt.Fprintln(stderr, "socialprescribing audit: -format must be text, json or csv")
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing audit:", err)
		return 2
	}
	if _, err := stdout.Write(out); err != nil {
		return 2
	}
	if rep.HasErrors() {
		return 1
	}
	return 0
}
