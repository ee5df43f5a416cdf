package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/render"
	"github.com/socialprescribing/go-socialprescribing/render/xlsx"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

const auditUsage = "usage: socialprescribing audit [-format text|json|csv|html|xlsx] [-o FILE] [-min-severity error|warning|info] [-summary] [-rules FILE [-origin NAME]] INPUT.json|-"

// progressThreshold is the input size from which a progress line is shown on a terminal.
const progressThreshold = 4 << 20

// audit runs the ARRS claim audit of the workforce package over an input document (PCNs, staff,
// claims) and writes the report. Flags may come before or after the input; "-" reads standard
// input. The status is 1 if the report has error findings, 2 if the input or the rules cannot be
// read (one line on stderr says why) or the usage is wrong.
func audit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("socialprescribing audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, auditUsage)
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output format: text, json, csv, html or xlsx")
	outPath := fs.String("o", "", "write the report to `FILE` instead of standard output; with -format csv, the findings, PCN-years, rules and totals go beside it")
	minSev := fs.String("min-severity", "info", "list findings of this `severity` or worse: error, warning or info (the totals count them all)")
	summary := fs.Bool("summary", false, "only the totals, the PCN-year position and the finding counts")
	rulesPath := fs.String("rules", "", "a rule table (JSON) to load over the default rules")
	origin := fs.String("origin", "", "where the rule table came from, recorded on its rows (default: the file name)")
	var inputs []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	fail := func(msg string) int {
		fmt.Fprintln(stderr, "socialprescribing audit: "+auditOneLine(msg))
		return 2
	}
	if len(inputs) != 1 {
		fmt.Fprintln(stderr, auditUsage)
		return 2
	}
	switch *format {
	case "text", "json", "csv", "html", "xlsx":
	default:
		return fail("-format must be text, json, csv, html or xlsx")
	}
	minSeverity := sp.Severity(*minSev)
	if !minSeverity.IsValid() {
		return fail("-min-severity must be error, warning or info")
	}
	if *format == "xlsx" && *outPath == "" && auditIsTerminal(stdout) {
		return fail("a workbook is binary: write it to a file with -o FILE.xlsx")
	}
	if *outPath != "" {
		if msg := auditOutputClash(*outPath, *format, inputs[0], *rulesPath, stdin); msg != "" {
			return fail(msg)
		}
	}

	progress := func(string) {}
	name := inputs[0]
	if f, ok := stderr.(*os.File); ok && auditIsTerminal(f) && name != "-" {
		if fi, err := os.Stat(name); err == nil && fi.Size() >= progressThreshold {
			progress = func(s string) {
				if s == "" {
					fmt.Fprint(stderr, "\r\x1b[K")
					return
				}
				fmt.Fprint(stderr, "\r\x1b[Ksocialprescribing audit: "+s)
			}
		}
	}
	defer progress("")

	progress("reading " + name + " …")
	data, msg := readAuditInput(name, stdin)
	if msg != "" {
		progress("")
		return fail(msg)
	}
	in, err := workforce.ParseInput(data)
	data = nil // the decoded input is all the audit needs
	if err != nil {
		progress("")
		return fail(auditInputError(name, err))
	}
	rules := workforce.DefaultRules()
	if *rulesPath != "" {
		b, err := os.ReadFile(*rulesPath)
		if err != nil {
			progress("")
			return fail("rules: " + auditPathError(err))
		}
		table, err := workforce.ParseRuleTable(b)
		if err != nil {
			progress("")
			return fail("rules: " + *rulesPath + ": " + err.Error())
		}
		o := *origin
		if o == "" {
			o = filepath.Base(*rulesPath)
		}
		if rules, err = rules.Override(table, o); err != nil {
			progress("")
			// Override's own errors are about the origin; say so once, without the package's prefix.
			if msg, ok := strings.CutPrefix(err.Error(), "workforce: rules: "); ok {
				return fail("-origin: " + msg)
			}
			return fail("rules: " + err.Error())
		}
	}
	progress(fmt.Sprintf("auditing %d claims …", len(in.Claims)))
	rep := workforce.Audit(in, rules)
	in = workforce.Input{}
	status := 0
	if rep.HasErrors() {
		status = 1
	}
	if minSeverity != sp.SeverityInfo {
		kept := rep.Findings[:0:0]
		for _, f := range rep.Findings {
			if f.Severity.Compare(minSeverity) <= 0 {
				kept = append(kept, f)
			}
		}
		rep.Findings = kept
	}
	if *summary {
		rep.Lines, rep.StaffTotals, rep.MonthTotals, rep.Findings = []workforce.Line{}, []workforce.StaffTotal{}, []workforce.MonthTotal{}, []workforce.Finding{}
	}

	progress("writing the " + *format + " report …")
	out := stdout
	var file *os.File
	if *outPath != "" {
		if file, err = os.Create(*outPath); err != nil {
			progress("")
			return fail(auditPathError(err))
		}
		out = file
	}
	err = writeReport(out, rep, *format, *summary)
	if err == nil && *format == "csv" && *outPath != "" {
		err = writeCompanions(*outPath, rep, *summary)
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		progress("")
		return fail(err.Error())
	}
	return status
}

// auditOutputs returns the files an audit writes with -o path: path, and for CSV its companions.
func auditOutputs(path, format string) []string {
	out := []string{path}
	if format == "csv" {
		base := strings.TrimSuffix(path, filepath.Ext(path))
		for _, s := range companionSuffixes {
			out = append(out, base+s)
		}
	}
	return out
}

// auditOutputClash says why the report must not be written to path, or "": it, or a CSV companion,
// is the input or the rule table (writing would destroy it), or a workbook would go to a terminal.
func auditOutputClash(path, format, input, rules string, stdin io.Reader) string {
	var in os.FileInfo
	if input == "-" {
		if f, ok := stdin.(*os.File); ok {
			in, _ = f.Stat()
		}
	} else {
		in, _ = os.Stat(input)
	}
	var rl os.FileInfo
	if rules != "" {
		rl, _ = os.Stat(rules)
	}
	for _, o := range auditOutputs(path, format) {
		fi, err := os.Stat(o)
		if err != nil {
			continue // a file not there yet cannot be the input
		}
		switch {
		case in != nil && in.Mode().IsRegular() && os.SameFile(fi, in):
			return o + " is the input file: writing the report would overwrite it; choose another -o"
		case rl != nil && os.SameFile(fi, rl):
			return o + " is the rule table: writing the report would overwrite it; choose another -o"
		case o == path && format == "xlsx" && fi.Mode()&os.ModeCharDevice != 0 && o != os.DevNull:
			return "a workbook is binary: write it to a file, not to a terminal or device"
		}
	}
	return ""
}

// writeReport writes rep in format to w.
func writeReport(w io.Writer, rep workforce.Report, format string, summary bool) error {
	switch format {
	case "json":
		return rep.WriteJSON(w)
	case "csv":
		if summary {
			return rep.WriteTotalsCSV(w)
		}
		return rep.WriteCSV(w)
	case "html":
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := render.AuditHTML(bw, rep); err != nil {
			return err
		}
		return bw.Flush()
	case "xlsx":
		return xlsx.AuditWorkbook(w, rep)
	}
	if summary {
		return rep.WriteSummaryText(w)
	}
	return rep.WriteText(w)
}

// companionSuffixes name the CSV files beside the lines' CSV, in the order writeCompanions writes them.
var companionSuffixes = []string{".findings.csv", ".pcn-years.csv", ".rules.csv", ".totals.csv"}

// writeCompanions writes the CSV files that go beside the lines' CSV: FILE with .findings.csv,
// .pcn-years.csv, .rules.csv and .totals.csv in place of its extension.
func writeCompanions(path string, rep workforce.Report, summary bool) error {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	writers := []func(io.Writer) error{rep.WriteFindingsCSV, rep.WritePCNYearsCSV, rep.WriteRulesCSV, rep.WriteTotalsCSV}
	parts := make([]struct {
		suffix string
		write  func(io.Writer) error
	}, len(writers))
	for i, w := range writers {
		parts[i].suffix, parts[i].write = companionSuffixes[i], w
	}
	for _, p := range parts {
		if summary && p.suffix == ".totals.csv" {
			continue // the main file holds the totals
		}
		f, err := os.Create(base + p.suffix)
		if err != nil {
			return errors.New(auditPathError(err))
		}
		bw := bufio.NewWriter(f)
		err = p.write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readAuditInput reads the named file, or standard input for "-", and says in one line why it cannot be
// audited: missing, a directory, empty, or not JSON (naming CSV when it looks like CSV).
func readAuditInput(name string, stdin io.Reader) ([]byte, string) {
	var data []byte
	var err error
	if name == "-" {
		name = "standard input"
		data, err = io.ReadAll(stdin)
	} else {
		var fi os.FileInfo
		if fi, err = os.Stat(name); err == nil && fi.IsDir() {
			return nil, name + " is a directory; give the audit input document, a JSON file"
		}
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, auditPathError(err)
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe")) {
		return nil, name + " starts with a byte-order mark (BOM), with which a JSON text must not begin (RFC 8259, section 8.1); save it as UTF-8 without a BOM"
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(bytes.TrimSpace(trimmed)) == 0 {
		return nil, name + " is empty; the audit reads a JSON document of pcns, staff and claims"
	}
	if trimmed[0] != '{' {
		if looksLikeCSV(trimmed) {
			return nil, name + " looks like CSV; the audit reads a JSON document of pcns, staff and claims (see: socialprescribing schema workforce.audit-input)"
		}
		return nil, name + " is not a JSON object; the audit reads a JSON document of pcns, staff and claims (see: socialprescribing schema workforce.audit-input)"
	}
	return data, ""
}

// looksLikeCSV reports whether the first line of b reads as a CSV header or record: commas or
// semicolons separating several fields, and no JSON bracket first.
func looksLikeCSV(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	if len(line) == 0 || line[0] == '[' || line[0] == '{' {
		return false
	}
	return bytes.Count(line, []byte(",")) >= 1 || bytes.Count(line, []byte(";")) >= 1 || bytes.Count(line, []byte("\t")) >= 1
}

// auditInputError says in one line why the input document was rejected, with its first problem.
func auditInputError(name string, err error) string {
	if name == "-" {
		name = "standard input"
	}
	var ve *sp.ValidationError
	if errors.As(err, &ve) && len(ve.Errors) > 0 {
		msg := name + ": not a valid audit input: " + ve.Errors[0].Error()
		if n := len(ve.Errors) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
		return msg
	}
	return name + ": not a valid audit input: " + err.Error()
}

// auditPathError is a file error without Go's "open" prefix.
func auditPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// auditOneLine keeps a message on one line.
func auditOneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// auditIsTerminal reports whether w is a character device such as a terminal.
func auditIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
