package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/render"
)

const reportUsage = `usage: socialprescribing report [-format text|json|html] [-o FILE] [-from DATE] [-to DATE] [-suppress N] FILE...
FILE holds one episode.episode document or a JSON array of them; - is standard input.
`

// report prints the common-outcomes report over the episodes of the files. Each episode is decoded
// strictly and validated; an invalid one is listed on stderr by file, index and rule (never a value)
// and counted under the report's exclusions, and never reported on. The status is 2 for a usage
// error or a file that cannot be read (no report is written), else 1 when an episode was invalid,
// else 0.
func report(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage); fs.PrintDefaults() }
	format := fs.String("format", "text", "text, json (one episode.report document) or html (one self-contained page)")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	from := fs.String("from", "", "report only referrals received on or after this date (YYYY-MM-DD)")
	to := fs.String("to", "", "report only referrals received on or before this date (YYYY-MM-DD)")
	suppress := fs.Int("suppress", 0, "hide every count below N (2 or more), shown as <N, and the figures computed from it, shown as hidden")
	files, ok := parseInterleaved(fs, args)
	if !ok {
		return 2
	}
	if len(files) == 0 {
		fmt.Fprint(stderr, reportUsage)
		return 2
	}
	switch *format {
	case "text", "json", "html":
	default:
		fmt.Fprintf(stderr, "socialprescribing report: -format must be text, json or html, not %q\n", *format)
		return 2
	}
	var opt episode.ReportOptions
	for _, d := range []struct {
		flag string
		s    string
		to   *sp.Date
	}{{"-from", *from, &opt.From}, {"-to", *to, &opt.To}} {
		if d.s == "" {
			continue
		}
		v, err := sp.ParseDate(d.s)
		if err != nil {
			fmt.Fprintf(stderr, "socialprescribing report: %s must be a date YYYY-MM-DD\n", d.flag)
			return 2
		}
		*d.to = v
	}
	if *suppress < 0 || *suppress == 1 {
		fmt.Fprintln(stderr, "socialprescribing report: -suppress must be 2 or more (0 hides nothing)")
		return 2
	}
	opt.Suppress = *suppress

	var eps []episode.Episode
	stdinRead := false
	for _, f := range files {
		if f == "-" {
			if stdinRead {
				fmt.Fprintln(stderr, "socialprescribing report: standard input given twice")
				return 2
			}
			stdinRead = true
		}
		data, err := readInput(f, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "socialprescribing report:", err)
			return 2
		}
		var invalid int
		eps, invalid = decodeEpisodes(f, data, eps, stderr)
		opt.Invalid += invalid
	}
	r, err := episode.NewReportWith(eps, opt)
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing report:", err)
		return 2
	}

	w := stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			fmt.Fprintln(stderr, "socialprescribing report:", err)
			return 2
		}
		w = file
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch *format {
	case "text":
		_, err = bw.WriteString(r.Text())
	case "json":
		var b []byte
		if b, err = json.MarshalIndent(r, "", "  "); err == nil {
			_, err = bw.Write(append(b, '\n'))
		}
	case "html":
		err = render.Outcomes(bw, r)
	}
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "socialprescribing report:", err)
		return 2
	}
	if opt.Invalid > 0 {
		return 1
	}
	return 0
}

// parseInterleaved parses flags given before, between or after the file names.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, bool) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		rest := fs.Args()
		i := 0
		for i < len(rest) && (rest[i] == "-" || !strings.HasPrefix(rest[i], "-")) {
			i++
		}
		files = append(files, rest[:i]...)
		if i == len(rest) {
			return files, true
		}
		args = rest[i:]
	}
}

// decodeEpisodes appends to eps the valid episodes of one file (an episode, or an array of them),
// lists the invalid ones on stderr by file, index and rule, and returns how many were invalid. A
// file that is not JSON at all counts as one invalid episode.
func decodeEpisodes(file string, data []byte, eps []episode.Episode, stderr io.Writer) ([]episode.Episode, int) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		var e episode.Episode
		if err := sp.DecodeAndValidate(data, &e); err != nil {
			listInvalid(stderr, file, err)
			return eps, 1
		}
		return append(eps, e), 0
	}
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		fmt.Fprintf(stderr, "%s: not a JSON array of episodes: %s\n", file, syntaxOnly(err))
		return eps, 1
	}
	invalid := 0
	for i, item := range items {
		var e episode.Episode
		if err := sp.DecodeAndValidate(item, &e); err != nil {
			listInvalid(stderr, file+"["+strconv.Itoa(i)+"]", err)
			invalid++
			continue
		}
		eps = append(eps, e)
	}
	return eps, invalid
}

// listInvalid prints one line per broken rule of an invalid episode: path, rule and cause, never a
// value.
func listInvalid(w io.Writer, where string, err error) {
	printErrors(w, where, "episode.episode, left out", err)
}

// syntaxOnly describes a JSON error without quoting the document.
func syntaxOnly(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "syntax error at byte " + strconv.FormatInt(se.Offset, 10)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "a " + te.Value + " where an array was expected"
	}
	return "invalid JSON"
}
