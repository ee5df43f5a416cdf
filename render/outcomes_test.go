package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/cohortgen"
	"github.com/socialprescribing/go-socialprescribing/render"
)

// The cohort of the page's tests and of the screenshot: 2,000 generated valid episodes.
var testCohort = sync.OnceValue(func() []episode.Episode { return cohortgen.Cohort(2000, 1) })

func outcomesHTML(t testing.TB, r episode.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Outcomes(&buf, r); err != nil {
		t.Fatalf("Outcomes: %v", err)
	}
	return buf.Bytes()
}

// reportJSON returns the report as the JSON document a user receives, decoded.
func reportJSON(t testing.TB, r episode.Report) map[string]any {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// get walks a decoded JSON document by keys and indices.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// thousands formats a count as the page does, independently of the page's code.
func thousands(f float64) string {
	s := fmt.Sprintf("%d", int64(f))
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// signed formats a change as the page does: two decimals, a sign, a minus sign for a fall.
func signed(f float64) string {
	return strings.Replace(fmt.Sprintf("%+.2f", f), "-", "\u2212", 1)
}

func TestOutcomesPage(t *testing.T) {
	eps := testCohort()
	r := episode.NewReport(eps)
	html := string(outcomesHTML(t, r))

	for _, want := range []string{
		"<h2>Impact on the person</h2>", "<h2>Impact on the health and care system</h2>", "<h2>Impact on community groups</h2>",
		"the change measured, not an effect", "not confirmed as NHS England text", "lower is better",
		`id="chart-ons4"`, `id="chart-other-measures"`, `id="chart-service-use"`, `id="chart-connections"`, `id="chart-attended"`, `id="chart-green"`,
		`id="chart-bands-life-satisfaction"`, `id="chart-bands-anxiety"`,
		"<dt>Small numbers</dt><dd>all shown</dd>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Every chart has a title and a description, and a table of its numbers follows it.
	charts := regexp.MustCompile(`<svg [^>]*id="([^"]+)"[^>]*aria-labelledby="([^"]+)-title ([^"]+)-desc"`).FindAllStringSubmatch(html, -1)
	if len(charts) < 10 {
		t.Fatalf("%d charts, want at least 10", len(charts))
	}
	for _, c := range charts {
		id := c[1]
		if c[2] != id || c[3] != id {
			t.Errorf("chart %s is labelled by %s and %s", id, c[2], c[3])
		}
		rest := html[strings.Index(html, `id="`+id+`"`):]
		if !strings.Contains(rest, `<title id="`+id+`-title">`) || !strings.Contains(rest, `<desc id="`+id+`-desc">`) {
			t.Errorf("chart %s lacks its title or description", id)
		}
		if end := strings.Index(rest, "</svg>"); !strings.HasPrefix(strings.TrimSpace(rest[end+len("</svg>"):]), "</figure>\n<div class=\"table-wrap\"><table>") {
			t.Errorf("chart %s is not followed by its table", id)
		}
	}
	// The figures of the JSON report are on the page.
	text := stdhtml.UnescapeString(html)
	doc := reportJSON(t, r)
	ons4 := get(doc, "person", "wellbeing", "instruments", 0)
	if get(ons4, "instrument") != "ons4" {
		t.Fatalf("the first instrument is %v", get(ons4, "instrument"))
	}
	for k := range 4 {
		s := get(ons4, "scales", k)
		for _, want := range []string{signed(get(s, "meanChange").(float64)), ">" + thousands(get(s, "n").(float64)) + "<"} {
			if !strings.Contains(text, want) {
				t.Errorf("ONS4 %v: %q not on the page", get(s, "scale"), want)
			}
		}
	}
	// Nothing personal: no episode id, NHS number or date of birth of the cohort.
	for _, e := range eps[:200] {
		for _, s := range []string{e.Referral.EpisodeID, e.Referral.Person.NHSNumber.String(), e.Referral.Person.DateOfBirth.String()} {
			if s != "" && strings.Contains(html, s) {
				t.Fatalf("the page holds %q of an episode", s)
			}
		}
	}
	if regexp.MustCompile(`(?i)<script|\b(src|href)\s*=|url\(`).MatchString(html) {
		t.Error("the page loads something or runs a script")
	}
}

// With every count hidden, no count or statistic is left in the tables.
func TestOutcomesPageSuppressed(t *testing.T) {
	r, err := episode.NewReportWith(testCohort(), episode.ReportOptions{Suppress: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	html := string(outcomesHTML(t, r))
	if !strings.Contains(html, "Small numbers are hidden: a count from 1 to 99999 is shown as &lt;100000") ||
		!strings.Contains(html, "<dt>Small numbers</dt><dd>counts below 100000 hidden</dd>") {
		t.Error("the page does not say that small numbers are hidden")
	}
	cell := regexp.MustCompile(`<td class="num">([^<]*)</td>`)
	allowed := regexp.MustCompile(`^(&lt;100000|hidden|hidden to hidden|0|100%|none|none from zero)$`)
	for _, m := range cell.FindAllStringSubmatch(html, -1) {
		if !allowed.MatchString(m[1]) {
			t.Errorf("a cell shows %q although every count is hidden", m[1])
		}
	}
}

// The page summarises: a report of 100,000 episodes makes a page about the size of one of 100
// (only longer numbers), not a larger one for more people.
func TestOutcomesPageSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 100,000 episodes")
	}
	small := len(outcomesHTML(t, episode.NewReport(cohortgen.Cohort(100, 1))))
	large := len(outcomesHTML(t, episode.NewReport(cohortgen.Cohort(100_000, 1))))
	t.Logf("page of 100 episodes: %d bytes; of 100,000: %d bytes", small, large)
	if large > small+small/10 {
		t.Errorf("page of 100,000 episodes is %d bytes, of 100 %d: it grows with the cohort", large, small)
	}
	// The README states the growth as measured: bounded, a few per cent, not "no larger".
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `render.Outcomes`, the page of 100 / 100,000 episodes \\|.*$").Find(readme)
	m := regexp.MustCompile(`bounded.*a few per cent larger than 100 \(([\d,]+) against ([\d,]+) bytes, \+([\d.]+)%\)`).FindSubmatch(row)
	if m == nil || bytes.Contains(row, []byte("no larger")) {
		t.Fatalf("README does not state the page size as bounded with its figures: %s", row)
	}
	num := func(b []byte) float64 {
		v, _ := strconv.ParseFloat(strings.ReplaceAll(string(b), ",", ""), 64)
		return v
	}
	stated, measured := num(m[3]), 100*float64(large-small)/float64(small)
	if math.Abs(100*(num(m[1])-num(m[2]))/num(m[2])-stated) > 0.05 || math.Abs(measured-stated) > 1 {
		t.Errorf("README states +%v%% (%s against %s bytes); measured %d against %d bytes, %+.1f%%", stated, m[1], m[2], large, small, measured)
	}
}

// The page of no episodes renders, and says there is nothing to chart.
func TestOutcomesPageEmpty(t *testing.T) {
	html := string(outcomesHTML(t, episode.NewReport(nil)))
	if !strings.Contains(html, "<dt>Episodes reported</dt><dd>0</dd>") || strings.Contains(html, "<svg") {
		t.Errorf("empty report:\n%s", html)
	}
}

// personalDates returns every date recorded in the episodes (received, birth, measurement,
// service-use, plan and contact dates), as the report would print them.
func personalDates(eps []episode.Episode) map[string]bool {
	out := map[string]bool{}
	dateType := reflect.TypeFor[sp.Date]()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if v.Type() == dateType {
			if d := v.Interface().(sp.Date); d.IsValid() {
				out[d.String()] = true
			}
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	for i := range eps {
		walk(reflect.ValueOf(eps[i]))
	}
	return out
}

// No day of a person's record is in the report, in any format, with or without suppression: the
// report is headed by the period asked for or by whole months, never by the first or last day a
// referral was received.
func TestOutcomesNoPersonalDates(t *testing.T) {
	// The whole cohort, and those of its episodes received mid-month to mid-month.
	mid := []episode.Episode{}
	for _, e := range testCohort() {
		if d := e.Referral.Received; !d.Before(sp.MustParseDate("2024-03-10")) && !d.After(sp.MustParseDate("2024-08-20")) {
			mid = append(mid, e)
		}
	}
	for _, eps := range [][]episode.Episode{testCohort(), mid} {
		noPersonalDates(t, eps)
	}
}

func noPersonalDates(t *testing.T, eps []episode.Episode) {
	t.Helper()
	dates := personalDates(eps)
	if !dates[eps[0].Referral.Received.String()] || len(dates) < 100 {
		t.Fatalf("only %d dates found in the cohort", len(dates))
	}
	asked := episode.ReportOptions{From: sp.MustParseDate("2023-01-01"), To: sp.MustParseDate("2030-12-31")}
	for _, o := range []episode.ReportOptions{{}, {Suppress: 10}, {From: asked.From, To: asked.To, Suppress: 10}} {
		r, err := episode.NewReportWith(eps, o)
		if err != nil {
			t.Fatal(err)
		}
		// The bounds asked for are the user's, not a person's; with none, whole months.
		allowed := map[string]bool{o.From.String(): o.From.IsValid(), o.To.String(): o.To.IsValid()}
		if !o.From.IsValid() {
			if r.From.Day() != 1 {
				t.Errorf("report starts on %s, not the first day of a month", r.From)
			}
			allowed[r.From.String()] = true
		}
		if !o.To.IsValid() {
			if r.To != r.To.LastOfMonth() {
				t.Errorf("report ends on %s, not the last day of a month", r.To)
			}
			allowed[r.To.String()] = true
		}
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for format, out := range map[string]string{"text": r.Text(), "JSON": string(js), "HTML": string(outcomesHTML(t, r))} {
			for _, d := range regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindAllString(out, -1) {
				if dates[d] && !allowed[d] {
					t.Errorf("options %+v: the %s report shows %s, a day of a person's record", o, format, d)
				}
			}
		}
	}
}

// A count hidden because its group is small is "hidden" on the page, not "<N": uses of a service hidden
// with its few episodes may number more than N.
func TestOutcomesPageHiddenByRule(t *testing.T) {
	full := episode.NewReport(testCohort())
	var svc = -1
	for i, s := range full.System.ServiceUse.Services {
		if s.Before > int64(s.Episodes)+1 && s.After > int64(s.Episodes)+1 {
			svc = i
			break
		}
	}
	if svc < 0 {
		t.Fatal("no service with more uses than episodes")
	}
	s := full.System.ServiceUse.Services[svc]
	n := s.Episodes + 1 // the episodes are below the threshold, the uses before and after are not
	r, err := episode.NewReportWith(testCohort(), episode.ReportOptions{Suppress: n})
	if err != nil {
		t.Fatal(err)
	}
	html := string(outcomesHTML(t, r))
	want := fmt.Sprintf(`<th scope="row">%s</th><td class="num">&lt;%d</td><td class="num">hidden</td><td class="num">hidden</td>`,
		stdhtml.EscapeString(render.Label(string(s.Service))), n)
	if !strings.Contains(html, want) {
		i := strings.Index(html, render.Label(string(s.Service))+"</th><td")
		t.Errorf("%d uses before and %d after, of %d episodes, at threshold %d: want %s; the page has\n%.300s",
			s.Before, s.After, s.Episodes, n, want, html[max(i, 0):])
	}
}

// The page says how many episodes share an id with another, as the text does.
func TestOutcomesPageDuplicateIDs(t *testing.T) {
	eps := slices.Clone(testCohort()[:50])
	for i := range 3 {
		eps = append(eps, eps[i]) // three episodes twice: six share an id
	}
	r := episode.NewReport(eps)
	if r.DuplicateIDs != 6 {
		t.Fatalf("DuplicateIDs %d, want 6", r.DuplicateIDs)
	}
	want := "<dt>Duplicate episode ids</dt><dd>6 episodes share an id with another episode</dd>"
	if html := string(outcomesHTML(t, r)); !strings.Contains(html, want) {
		t.Errorf("the page lacks %q", want)
	}
	r, err := episode.NewReportWith(eps, episode.ReportOptions{Suppress: 10})
	if err != nil {
		t.Fatal(err)
	}
	want = "<dt>Duplicate episode ids</dt><dd>&lt;10 episodes share an id with another episode</dd>"
	if html := string(outcomesHTML(t, r)); !strings.Contains(html, want) {
		t.Errorf("the suppressed page lacks %q", want)
	}
	if html := string(outcomesHTML(t, episode.NewReport(eps[:50]))); strings.Contains(html, "Duplicate episode ids") {
		t.Error("the page speaks of duplicate ids where there are none")
	}
}

// The README says what the screenshot check compares: a digest of the page it shows (as
// TestOutcomesPageInBrowser does), not pixels.
func TestREADMEScreenshotCheck(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	if !strings.Contains(text, "compares a digest of the page, not pixels") {
		t.Error("README does not say that the screenshot check compares a digest of the page, not pixels")
	}
}
