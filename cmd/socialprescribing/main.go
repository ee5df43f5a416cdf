// Command socialprescribing puts the go-socialprescribing library in the hands of people who don't
// write Go: auditors checking ARRS reimbursement claims, and integrators checking documents exactly as
// the library does.
//
// Usage:
//
//	socialprescribing audit [-format text|json|csv|html|xlsx] [-o FILE] [-min-severity error|warning|info] [-summary] [-rules FILE [-origin NAME]] INPUT.json|-
//	socialprescribing validate NAME FILE...   (FILE - is standard input)
//	socialprescribing schema [NAME]
//	socialprescribing fhir export [-nhs-number-status CODE] NAME FILE
//	socialprescribing fhir import FILE
//	socialprescribing report [-format text|json|html] [-o FILE] [-from DATE] [-to DATE] [-suppress N] FILE...
//	socialprescribing version
//
// audit runs the ARRS claim audit over a workforce input document (PCNs, staff, claims) and prints the
// report, every figure traced to the rule row, source and confidence it came from; -rules loads rule
// rows of your own over the library's defaults. validate checks documents of a published type (see
// schema) with strict decoding and every rule the library enforces, including those a JSON Schema
// cannot express. schema lists the published JSON Schemas, or prints one. fhir export prints a
// referral, episode or closed-loop message as HL7 FHIR R4 (UK Core, Gravity); fhir import reads a FHIR
// referral back into a referral document. report prints the common-outcomes report over episode
// documents (a file may hold a JSON array of them) as text, one episode.report JSON document or one
// self-contained HTML page; invalid episodes are listed on standard error and counted as excluded.
//
// Exit status: 0 when everything is valid, 1 when a document is invalid or a report has error
// findings, 2 for a usage error or a file that cannot be read. Install with
//
//	go install github.com/socialprescribing/go-socialprescribing/cmd/socialprescribing@latest
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/socialprescribing/go-socialprescribing/schema"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  socialprescribing audit [-format text|json|csv|html|xlsx] [-o FILE] [-min-severity error|warning|info] [-summary] [-rules FILE [-origin NAME]] INPUT.json|-
  socialprescribing validate NAME FILE...   (FILE - is standard input)
  socialprescribing schema [NAME]
  socialprescribing fhir export [-nhs-number-status CODE] NAME FILE
  socialprescribing fhir import FILE
  socialprescribing report [-format text|json|html] [-o FILE] [-from DATE] [-to DATE] [-suppress N] FILE...
  socialprescribing version
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "audit":
		return audit(args[1:], os.Stdin, stdout, stderr)
	case "validate":
		return validate(args[1:], os.Stdin, stdout, stderr)
	case "schema":
		return printSchema(args[1:], stdout, stderr)
	case "fhir":
		return fhirCmd(args[1:], os.Stdin, stdout, stderr)
	case "report":
		return report(args[1:], os.Stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "socialprescribing", workforce.LibraryVersion)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "socialprescribing: unknown command %q\n%s", args[0], usage)
	return 2
}

// printSchema lists the schema names, or prints the named schema.
func printSchema(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		for _, n := range schema.Names() {
			fmt.Fprintln(stdout, n)
		}
		return 0
	case 1:
		b, err := schema.Get(args[0])
		if err != nil {
			fmt.Fprintln(stderr, "socialprescribing schema:", err)
			return 2
		}
		_, _ = stdout.Write(b)
		return 0
	}
	fmt.Fprint(stderr, "usage: socialprescribing schema [NAME]\n")
	return 2
}
