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
	"os"
	"path/filepath"
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
// chart drawn, with the figures of the JSON report; no error in the console and nothing fetched; at
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
