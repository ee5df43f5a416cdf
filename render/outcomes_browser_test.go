package render_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"hash/crc32"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/internal/browsertest"
	"github.com/socialprescribing/go-socialprescribing/render"
)

var update = flag.Bool("update", false, "rewrite the screenshot of the outcomes page in docs/")

// screenshotPath is the screenshot the README shows.
var screenshotPath = filepath.Join("..", "docs", "outcomes-report.png")

// screenshotKey names the PNG text chunk that holds the SHA-256 of the page a screenshot shows.
const screenshotKey = "go-socialprescribing-page-sha256"

// TestOutcomesPageInBrowser opens the page in headless Chromium and checks what a person sees: each
// chart drawn, with the figures of the JSON report in its texts, its description, its table and,
// for an interval, where its axis puts it; no error in the console and nothing fetched; at
// a phone's width, no sideways scrolling of the page and no text too small to read. It checks that
// the screenshot in docs/ shows the page as it renders today (rewrite it with -update).
func TestOutcomesPageInBrowser(t *testing.T) {
	r := episode.NewReport(testCohort())
	page := outcomesHTML(t, r)
	doc := reportJSON(t, r)

	b := browsertest.Start(t)
	b.SetViewport(1024, 1400, false)
	b.LoadHTML(page)

	// Each chart is drawn: visible, with its title.
	var charts []struct {
		ID     string  `json:"id"`
		Title  string  `json:"title"`
		Width  float64 `json:"width"`
		Height float64 `json:"height"`
		Text   string  `json:"text"`
	}
	b.Eval(`[...document.querySelectorAll("svg.chart")].map(s => { const r = s.getBoundingClientRect();
		return {id: s.id, title: s.querySelector("title").textContent, width: r.width, height: r.height,
			text: [...s.querySelectorAll("text")].map(t => t.textContent).join("|")}; })`, &charts)
	byID, titles := map[string]string{}, map[string]string{}
	for _, c := range charts {
		titles[c.ID] = c.Title
		if c.Width < 200 || c.Height < 50 || c.Title == "" {
			t.Errorf("chart %s is not drawn: %.0f×%.0f px, title %q", c.ID, c.Width, c.Height, c.Title)
		}
		byID[c.ID] = "|" + c.Text + "|"
	}
	// The figures drawn are those of the JSON report.
	ons4 := get(doc, "person", "wellbeing", "instruments", 0)
	for k := range 4 {
		if want := "|" + signed(get(ons4, "scales", k, "meanChange").(float64)) + "|"; !strings.Contains(byID["chart-ons4"], want) {
			t.Errorf("ONS4 chart lacks %s of %v: %s", want, get(ons4, "scales", k, "scale"), byID["chart-ons4"])
		}
	}
	for i, s := range get(doc, "system", "serviceUse", "services").([]any) {
		for _, key := range []string{"beforePer30Days", "afterPer30Days"} {
			if want := fmt.Sprintf("|%.2f|", get(s, key).(float64)); !strings.Contains(byID["chart-service-use"], want) {
				t.Errorf("service-use chart lacks %s (%v %s, line %d)", want, get(s, "service"), key, i)
			}
		}
	}
	for _, g := range get(doc, "community", "byCategory").([]any) {
		for _, key := range []string{"referred", "signposted"} {
			if want := "|" + thousands(get(g, key).(float64)) + "|"; !strings.Contains(byID["chart-connections"], want) {
				t.Errorf("connections chart lacks %s (%v %s)", want, get(g, "category"), key)
			}
		}
		if want := "|" + thousands(get(g, "referredAttended").(float64)) + "|"; !strings.Contains(byID["chart-attended"], want) {
			t.Errorf("attended chart lacks %s (%v)", want, get(g, "category"))
		}
	}
	green := get(doc, "community", "green").(float64) / get(doc, "community", "connections").(float64)
	if want := fmt.Sprintf("%.0f%%", 100*green); !strings.Contains(titles["chart-green"], want) {
		t.Errorf("green chart title %q lacks the share %s", titles["chart-green"], want)
	}
	for k, band := range get(ons4, "scales", 0, "bands").([]any) {
		if want := "|" + thousands(get(band, "baseline").(float64)) + "|"; !strings.Contains(byID["chart-bands-life-satisfaction"], want) {
			t.Errorf("band chart lacks %s (band %d)", want, k)
		}
	}
	// Every chart, figure by figure: the texts it draws in order, its description for screen
	// readers and the table of its numbers under it.
	var drawn []struct {
		ID     string     `json:"id"`
		Values []string   `json:"values"`
		Bars   []string   `json:"bars"`
		Desc   string     `json:"desc"`
		Head   []string   `json:"head"`
		Rows   [][]string `json:"rows"`
		// Intervals are the ends of each drawn 95% CI, Dots the centre of each drawn mean and
		// Ticks the axis's labels and where they stand, all in the chart's units.
		Intervals [][2]float64 `json:"intervals"`
		Dots      []float64    `json:"dots"`
		Ticks     []struct {
			X     float64 `json:"x"`
			Label string  `json:"label"`
		} `json:"ticks"`
	}
	b.Eval(`[...document.querySelectorAll("svg.chart")].map(s => {
		const texts = cls => [...s.querySelectorAll("text." + cls)].map(t => t.textContent);
		const table = s.closest("figure").nextElementSibling.querySelector("table");
		return {id: s.id, values: texts("value"), bars: texts("bar-value"), desc: s.querySelector("desc").textContent,
			head: [...table.querySelectorAll("thead th")].map(c => c.textContent),
			rows: [...table.querySelectorAll("tbody tr")].map(r => [...r.children].map(c => c.textContent)),
			intervals: [...s.querySelectorAll("line.ci")].filter(l => l.y1.baseVal.value === l.y2.baseVal.value)
				.map(l => [l.x1.baseVal.value, l.x2.baseVal.value]),
			dots: [...s.querySelectorAll("circle.est")].map(d => d.cx.baseVal.value),
			ticks: [...s.querySelectorAll("text.tick")].map(t => ({x: t.x.baseVal[0].value, label: t.textContent}))}; })`, &drawn)
	chartIndex := map[string]int{}
	for i, c := range drawn {
		chartIndex[c.ID] = i
	}
	// at is where a forest chart draws a value, read off the axis a person reads: the ticks
	// labelled 0 and the largest.
	at := func(id string) func(v float64) float64 {
		i, ok := chartIndex[id]
		if !ok {
			return func(float64) float64 { return math.NaN() }
		}
		zero, end, span := math.NaN(), math.NaN(), 0.0
		for _, tk := range drawn[i].Ticks {
			v, err := strconv.ParseFloat(strings.Replace(strings.TrimPrefix(tk.Label, "+"), "−", "-", 1), 64)
			if err != nil {
				t.Errorf("%s: tick %q is not a number", id, tk.Label)
				continue
			}
			if v == 0 {
				zero = tk.X
			}
			if v > span {
				end, span = tk.X, v
			}
		}
		return func(v float64) float64 { return zero + v/span*(end-zero) }
	}
	chart := func(id string) (values, bars []string, desc string, column func(head string) []string) {
		i, ok := chartIndex[id]
		if !ok {
			t.Errorf("the page has no chart %s", id)
			return nil, nil, "", func(string) []string { return nil }
		}
		c := drawn[i]
		return c.Values, c.Bars, c.Desc, func(head string) []string {
			var col []string
			if k := slices.Index(c.Head, head); k >= 0 {
				for _, r := range c.Rows {
					if k < len(r) {
						col = append(col, r[k])
					}
				}
			}
			return col
		}
	}
	// The forest charts: ONS4, and SWEMWBS, WEMWBS and UCLA-3 after it. Each row's mean change is
	// drawn at its right; its 95% CI is in the description (signed, two decimals, as fmt's %+.2f
	// writes it) and in the table (a minus sign for a negative bound).
	var ons4Scales, otherScales []any
	for _, in := range get(doc, "person", "wellbeing", "instruments").([]any) {
		if get(in, "instrument") == "ons4" {
			ons4Scales = append(ons4Scales, get(in, "scales").([]any)...)
		} else {
			otherScales = append(otherScales, get(in, "scales").([]any)...)
		}
	}
	if len(ons4Scales) != 4 || len(otherScales) == 0 {
		t.Fatalf("the test cohort's report has %d ONS4 items and %d other measures, want 4 and some", len(ons4Scales), len(otherScales))
	}
	for id, scales := range map[string][]any{"chart-ons4": ons4Scales, "chart-other-measures": otherScales} {
		values, _, desc, column := chart(id)
		x := at(id)
		var dots []float64
		var intervals [][2]float64
		if i, ok := chartIndex[id]; ok {
			dots, intervals = drawn[i].Dots, drawn[i].Intervals
		}
		if len(dots) != len(scales) || len(intervals) != len(scales) {
			t.Errorf("%s draws %d means and %d intervals, the report has %d", id, len(dots), len(intervals), len(scales))
		}
		var wantValues, wantCI []string
		for _, s := range scales {
			mean := get(s, "meanChange").(float64)
			wantValues = append(wantValues, signed(mean))
			ci, ok := get(s, "ci95").(map[string]any)
			if !ok {
				t.Fatalf("%s: %v has no 95%% CI in the report", id, get(s, "scale"))
			}
			lo, hi := ci["low"].(float64), ci["high"].(float64)
			wantCI = append(wantCI, signed(lo)+" to "+signed(hi))
			// Drawn where the axis puts it, within 0.1 units (the page writes coordinates to 0.01).
			if j := len(wantCI) - 1; j < len(dots) && j < len(intervals) {
				if got := [3]float64{intervals[j][0], dots[j], intervals[j][1]}; !near(got[0], x(lo)) || !near(got[1], x(mean)) || !near(got[2], x(hi)) {
					t.Errorf("%s: %v is drawn at %.2f, %.2f, %.2f (low, mean, high); the axis puts %.2f, %.2f, %.2f at %.2f, %.2f, %.2f",
						id, get(s, "scale"), got[0], got[1], got[2], lo, mean, hi, x(lo), x(mean), x(hi))
				}
			}
			if want := fmt.Sprintf("%s (95%% CI %+.2f to %+.2f)", signed(mean), lo, hi); !strings.Contains(desc, want) {
				t.Errorf("%s: the description lacks %q of %v: %s", id, want, get(s, "scale"), desc)
			}
		}
		if !slices.Equal(values, wantValues) {
			t.Errorf("%s draws the mean changes %q, the report has %q", id, values, wantValues)
		}
		if got := column("95% CI"); !slices.Equal(got, wantCI) {
			t.Errorf("%s: the table's 95%% CIs are %q, the report has %q", id, got, wantCI)
		}
	}
	// The band charts of the four ONS4 items: per band, the baseline bar then the follow-up bar.
	for _, s := range ons4Scales {
		id := "chart-bands-" + get(s, "scale").(string)
		_, bars, desc, column := chart(id)
		var wantBars, wantBase, wantFollow []string
		for _, band := range get(s, "bands").([]any) {
			base, follow := thousands(get(band, "baseline").(float64)), thousands(get(band, "followUp").(float64))
			wantBars, wantBase, wantFollow = append(wantBars, base, follow), append(wantBase, base), append(wantFollow, follow)
			if want := ": baseline " + base + ", follow-up " + follow; !strings.Contains(desc, want) {
				t.Errorf("%s: the description lacks %q of band %v: %s", id, want, get(band, "band"), desc)
			}
		}
		if len(wantBars) == 0 {
			t.Errorf("%v has no bands in the report", get(s, "scale"))
		}
		if !slices.Equal(bars, wantBars) {
			t.Errorf("%s draws %q, the report has %q", id, bars, wantBars)
		}
		if got := column("Baseline"); !slices.Equal(got, wantBase) {
			t.Errorf("%s: the table's baselines are %q, the report has %q", id, got, wantBase)
		}
		if got := column("Follow-up"); !slices.Equal(got, wantFollow) {
			t.Errorf("%s: the table's follow-ups are %q, the report has %q", id, got, wantFollow)
		}
	}
	// Words a reader must see.
	body := b.Text("body")
	for _, want := range []string{"The change measured, not an effect.", "lower is better", "not confirmed as NHS England text", "95% confidence interval"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	shot := b.ViewportScreenshot()

	// A phone: 390 px wide.
	b.SetViewport(390, 844, true)
	b.LoadHTML(page)
	var overflow float64
	b.Eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow)
	if overflow > 0 {
		t.Errorf("at 390 px the page scrolls sideways by %.0f px", overflow)
	}
	var small struct {
		HTML float64 `json:"html"`
		SVG  float64 `json:"svg"`
	}
	b.Eval(`(() => {
		const html = [...document.querySelectorAll("body *:not(svg):not(svg *)")]
			.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
			.map(e => parseFloat(getComputedStyle(e).fontSize));
		const svg = [...document.querySelectorAll("svg.chart text")].filter(t => t.textContent.trim())
			.map(t => { const r = t.getBoundingClientRect(); const s = t.ownerSVGElement.getScreenCTM().a;
				return parseFloat(getComputedStyle(t).fontSize) * s; });
		return {html: Math.min(...html), svg: Math.min(...svg)};
	})()`, &small)
	if small.HTML < 12 {
		t.Errorf("at 390 px the smallest text is %.1f px, want 12 or more", small.HTML)
	}
	if small.SVG < 8.5 {
		t.Errorf("at 390 px the smallest chart text is %.1f px, want 8.5 or more", small.SVG)
	}
	if errs := b.Errors(); len(errs) != 0 {
		t.Errorf("console errors: %q", errs)
	}
	if ext := b.ExternalRequests(); len(ext) != 0 {
		t.Errorf("the page fetched %q", ext)
	}

	// The screenshot in docs/ shows this page.
	// The digest leaves out the library version, which changes the footer and nothing the
	// screenshot shows.
	sum := sha256.Sum256(bytes.ReplaceAll(page, []byte(render.Version), []byte("VERSION")))
	digest := hex.EncodeToString(sum[:])
	if *update {
		if err := os.WriteFile(screenshotPath, withText(t, shot, screenshotKey, digest), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(screenshotPath)
	if err != nil {
		t.Fatalf("%v (make it with go test ./render -run TestOutcomesPageInBrowser -update)", err)
	}
	img, err := png.Decode(bytes.NewReader(old))
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", screenshotPath, err)
	}
	if w := img.Bounds().Dx(); w != 1024 {
		t.Errorf("%s is %d px wide, want the test's 1024", screenshotPath, w)
	}
	if got := pngText(old, screenshotKey); got != digest {
		t.Errorf("%s shows another page (digest %q, the page today %q): rewrite it with go test ./render -run TestOutcomesPageInBrowser -update", screenshotPath, got, digest)
	}
}

// near reports whether a drawn coordinate is within 0.1 SVG units of where it should be.
func near(got, want float64) bool { return math.Abs(got-want) <= 0.1 }

// withText returns the PNG with a tEXt chunk key=value after its header chunk.
func withText(t *testing.T, p []byte, key, value string) []byte {
	const sig = 8
	if len(p) < sig+25 {
		t.Fatal("screenshot too short to be a PNG")
	}
	ihdrEnd := sig + 8 + int(binary.BigEndian.Uint32(p[sig:])) + 4
	data := append([]byte(key+"\x00"), value...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	chunk = append(chunk, "tEXt"...)
	chunk = append(chunk, data...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(append([]byte("tEXt"), data...)))
	out := append([]byte(nil), p[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, p[ihdrEnd:]...)
}

// pngText returns the value of the PNG's tEXt chunk key, or "".
func pngText(p []byte, key string) string {
	for i := 8; i+12 <= len(p); {
		n := int(binary.BigEndian.Uint32(p[i:]))
		if i+12+n > len(p) {
			return ""
		}
		if string(p[i+4:i+8]) == "tEXt" {
			if k, v, ok := strings.Cut(string(p[i+8:i+8+n]), "\x00"); ok && k == key {
				return v
			}
		}
		i += 12 + n
	}
	return ""
}
