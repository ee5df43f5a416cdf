package render_test

import (
	"bytes"
	"errors"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/browsertest"
	"github.com/socialprescribing/go-socialprescribing/render"
)

var body = template.Must(template.New("body").Parse(`<section><h2>{{.Heading}}</h2>
<div class="table-wrap"><table><caption>Numbers</caption><thead><tr><th>Item</th><th class="num">Value</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.}}</td><td class="num">12,345,678.9</td></tr>{{end}}</tbody></table></div></section>
`))

type bodyData struct {
	Heading string
	Rows    []string
}

func page(t *testing.T, p render.Page, data any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Execute(&buf, body, data); err != nil {
		t.Fatalf("Execute: %v", err)
	}
	return buf.String()
}

func TestPageShell(t *testing.T) {
	got := page(t, render.Page{
		Title:    "Report <one>",
		Subtitle: "All & sundry",
		Facts:    []render.Fact{{Label: "Period", Value: "2026-04-01 to 2027-03-31"}},
		Notes:    []string{"A note \"quoted\"."},
	}, bodyData{Heading: "<script>alert(1)</script>", Rows: []string{"a"}})

	for _, want := range []string{
		"<!DOCTYPE html>",
		`<html lang="en-GB">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		"default-src 'none'; style-src 'unsafe-inline'", // the CSP forbids every resource but inline style and data: images
		"<title>Report &lt;one&gt;</title>",
		"<h1>Report &lt;one&gt;</h1>",
		"All &amp; sundry",
		"<dt>Period</dt><dd>2026-04-01 to 2027-03-31</dd>",
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"A note &#34;quoted&#34;.",
		"Produced by go-socialprescribing " + render.Version + ".",
		"@page{size:A4",
		"@media print",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Self-contained: no script, no reference to a resource elsewhere.
	for _, re := range []string{`(?i)<script`, `(?i)\b(src|href)\s*=`, `(?i)url\(`, `(?i)@import`} {
		if regexp.MustCompile(re).MatchString(got) {
			t.Errorf("page matches %s: it must load nothing", re)
		}
	}
}

func TestPageDefaults(t *testing.T) {
	got := page(t, render.Page{Title: "T", Lang: "cy", Version: "v9.9.9"}, bodyData{})
	if !strings.Contains(got, `<html lang="cy">`) || !strings.Contains(got, "go-socialprescribing v9.9.9.") {
		t.Errorf("Lang and Version not used:\n%s", got)
	}
	if strings.Contains(got, "<dl") || strings.Contains(got, `class="subtitle"`) {
		t.Errorf("empty facts and subtitle rendered:\n%s", got)
	}
}

func TestPageErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := (render.Page{}).Execute(&buf, body, nil); !errors.Is(err, render.ErrNoTitle) {
		t.Errorf("no title: err = %v, want ErrNoTitle", err)
	}
	if err := (render.Page{Title: "T"}).Execute(&buf, nil, nil); err == nil {
		t.Error("nil body: err = nil, want an error")
	}
	bad := template.Must(template.New("bad").Parse(`{{.Missing}}`))
	if err := (render.Page{Title: "T"}).Execute(&buf, bad, bodyData{}); err == nil {
		t.Error("failing body: err = nil, want the body's error")
	}
}

// In a browser the shell logs no error, fetches nothing, and at a phone's width the page does not
// scroll sideways (a wide table scrolls in its own box) and its text is no smaller than 12 px.
func TestPageInBrowser(t *testing.T) {
	rows := make([]string, 3)
	for i := range rows {
		rows[i] = strings.Repeat("wide-cell-content-", 6)
	}
	html := page(t, render.Page{Title: "Shell", Facts: []render.Fact{{Label: "Threshold", Value: "5"}}, Notes: []string{"Note."}},
		bodyData{Heading: "Section", Rows: rows})

	b := browsertest.Start(t)
	b.SetViewport(360, 740, true)
	b.LoadHTML([]byte(html))
	if got := b.Text("h1"); got != "Shell" {
		t.Errorf("h1 = %q", got)
	}
	if got := b.Text("footer"); !strings.Contains(got, "Produced by go-socialprescribing") {
		t.Errorf("footer = %q", got)
	}
	var overflow int
	b.Eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow)
	if overflow > 0 {
		t.Errorf("the page is %d px wider than a 360 px screen", overflow)
	}
	var minFont float64
	b.Eval(`Math.min(...[...document.querySelectorAll("body *")].filter(e => e.innerText && e.innerText.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)))`, &minFont)
	if minFont < 12 {
		t.Errorf("smallest text is %.1f px, want at least 12", minFont)
	}
	if errs := b.Errors(); len(errs) != 0 {
		t.Errorf("console errors: %q", errs)
	}
	if ext := b.ExternalRequests(); len(ext) != 0 {
		t.Errorf("the page fetched %q", ext)
	}
}
