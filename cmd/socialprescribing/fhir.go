package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

const fhirUsage = `usage:
  socialprescribing fhir export [-nhs-number-status CODE] [-owner ORGANISATION] NAME FILE
  socialprescribing fhir import FILE
export prints a document as FHIR R4: NAME referral.referral or episode.episode as a Bundle,
episode.feedback as a Communication. -nhs-number-status writes UK Core's NHS number verification
status (01 to 08) on the NHS number; without it none is written. -owner names the organisation whose
service carries out the referral, written as the Gravity Task's owner; without it the Task has none. import reads a FHIR Bundle (or a
ServiceRequest with its Patient contained) and prints the referral.referral document; the NHS number
verification status, and what it did not read, are listed on standard error. FILE - reads standard input.
`

// fhirCmd runs "fhir export" and "fhir import". The output document goes to stdout; errors (path,
// rule and cause, never a value) and what an import ignored go to stderr.
func fhirCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, fhirUsage)
		return 2
	}
	switch args[0] {
	case "export":
		return fhirExport(args[1:], stdin, stdout, stderr)
	case "import":
		return fhirImport(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, fhirUsage)
		return 0
	}
	fmt.Fprintf(stderr, "socialprescribing fhir: unknown command %q\n%s", args[0], fhirUsage)
	return 2
}

// readInput reads a file, or standard input for "-".
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}

func fhirExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fhir export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	status := fs.String("nhs-number-status", "", "UK Core NHS number verification status, 01 to 08 (none when not given)")
	owner := fs.String("owner", "", "name of the organisation whose service carries out the referral: the Task's owner (none when not given)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pos := fs.Args()
	if len(pos) > 2 { // flags after NAME FILE
		if err := fs.Parse(pos[2:]); err != nil {
			return 2
		}
		pos = append(pos[:2:2], fs.Args()...)
	}
	if len(pos) != 2 {
		fmt.Fprint(stderr, fhirUsage)
		return 2
	}
	name, file := pos[0], pos[1]
	opt := fhir.Options{NHSNumberVerification: *status, Owner: *owner}
	data, err := readInput(file, stdin)
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing fhir export:", err)
		return 2
	}
	var out any
	switch name {
	case "referral.referral":
		var r referral.Referral
		if err = sp.Decode(data, &r); err == nil {
			out, err = fhir.ExportReferral(r, opt)
		}
	case "episode.episode":
		var e episode.Episode
		if err = sp.Decode(data, &e); err == nil {
			out, err = fhir.ExportEpisode(e, opt)
		}
	case "episode.feedback":
		var f episode.Feedback
		if err = sp.Decode(data, &f); err == nil {
			out, err = fhir.ExportFeedback(f)
		}
	default:
		fmt.Fprintf(stderr, "socialprescribing fhir export: no document type %q; one of referral.referral, episode.episode, episode.feedback\n", name)
		return 2
	}
	if err != nil {
		if errors.Is(err, sp.ErrInvalid) && !isValidation(err) {
			// An option outside its codes.
			fmt.Fprintln(stderr, "socialprescribing fhir export:", err)
			return 2
		}
		printErrors(stderr, file, name, err)
		return 1
	}
	return writeJSON(stdout, stderr, out)
}

func isValidation(err error) bool {
	var ve *sp.ValidationError
	return errors.As(err, &ve)
}

// printErrors prints one line per broken rule: path, rule and cause, never a value.
func printErrors(w io.Writer, file, name string, err error) {
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		fmt.Fprintf(w, "%s: invalid %s: %v\n", file, name, err)
		return
	}
	fmt.Fprintf(w, "%s: invalid %s (%d)\n", file, name, len(ve.Errors))
	for _, fe := range ve.Errors {
		fmt.Fprintf(w, "  %s\n", fe)
	}
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing fhir:", err)
		return 1
	}
	_, _ = stdout.Write(append(b, '\n'))
	return 0
}

func fhirImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, fhirUsage)
		return 2
	}
	data, err := readInput(args[0], stdin)
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing fhir import:", err)
		return 2
	}
	got, err := fhir.Import(data)
	if err != nil {
		printErrors(stderr, args[0], "FHIR referral", err)
		return 1
	}
	if got.NHSNumberVerification != "" {
		fmt.Fprintf(stderr, "NHS number verification status %s (UK Core; not part of the referral document)\n", got.NHSNumberVerification)
	}
	for _, ig := range got.Ignored {
		fmt.Fprintf(stderr, "ignored %s: %s\n", pointer(ig.Path), ig.What)
	}
	return writeJSON(stdout, stderr, got.Referral)
}

func pointer(p string) string {
	if p == "" {
		return "/"
	}
	return p
}
