package render

import (
	"errors"
	"html/template"
	"io"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// Version is the library version a page's footer states when [Page.Version] is empty.
const Version = workforce.LibraryVersion

// DefaultLang is the language of a page whose [Page.Lang] is empty: British English.
const DefaultLang = "en-GB"

// Page is the shell of one HTML page: its title, language, header and footer. The zero value is not
// usable: a page needs a Title. Every field is text, escaped where it appears.
type Page struct {
	// Title is the page's title and its one h1.
	Title string
	// Lang is the page's language (a BCP 47 tag); empty means [DefaultLang].
	Lang string
	// Subtitle is a line under the title; empty for none.
	Subtitle string
	// Facts are labelled values shown in the header (the period covered, a threshold), in order.
	Facts []Fact
	// Notes are paragraphs in the footer, above the version line, in order.
	Notes []string
	// Version is the library version stated in the footer; empty means [Version].
	Version string
}

// Fact is one labelled value in a page's header.
type Fact struct {
	Label string
	Value string
}

// ErrNoTitle is returned by [Page.Execute] for a page without a title.
var ErrNoTitle = errors.New("render: a page needs a title")

// shellData is what the head and foot templates see.
type shellData struct {
	Page
	CSS template.CSS
}

// Execute writes the page to w: the head of the shell, then body executed with data, then the foot.
// The body is written inside the page's main element, in HTML text context; it must not be nil.
// Execute returns the first error of writing or executing; the page may then be incomplete.
func (p Page) Execute(w io.Writer, body *template.Template, data any) error {
	if p.Title == "" {
		return ErrNoTitle
	}
	if body == nil {
		return errors.New("render: no body template")
	}
	if p.Lang == "" {
		p.Lang = DefaultLang
	}
	if p.Version == "" {
		p.Version = Version
	}
	d := shellData{Page: p, CSS: template.CSS(css + chartCSS)}
	if err := head.Execute(w, d); err != nil {
		return err
	}
	if err := body.Execute(w, data); err != nil {
		return err
	}
	return foot.Execute(w, d)
}

// The head and foot are two templates so that the body streams between them; each is complete HTML
// text on its own for the escaper.
var (
	head = template.Must(template.New("head").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="go-socialprescribing {{.Version}}">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<header class="page-header">
<h1>{{.Title}}</h1>
{{- with .Subtitle}}
<p class="subtitle">{{.}}</p>
{{- end}}
{{- with .Facts}}
<dl class="facts">
{{- range .}}
<div><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>
{{- end}}
</dl>
{{- end}}
</header>
<main>
`))
	foot = template.Must(template.New("foot").Parse(`</main>
<footer class="page-footer">
{{- range .Notes}}
<p>{{.}}</p>
{{- end}}
<p class="version">Produced by go-socialprescribing {{.Version}}.</p>
</footer>
</body>
</html>
`))
)

// css is the whole style sheet of the shell: system fonts, a readable measure, tables that scroll in
// their own box on a narrow screen, and print rules for A4.
const css = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#b1b4b6;--bg:#fff;--accent:#005eb8;--warn:#8a1f11;
--s1:#005eb8;--s2:#ae2573;--s3:#007f3b;--s4:#6b4a00;--ci:#1b1b1b;--grid:#d8dde0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;padding:0 1rem;color:var(--fg);background:var(--bg);
font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.page-header,main,.page-footer{max-width:60rem;margin:0 auto}
.page-header{border-bottom:4px solid var(--accent);padding:1rem 0 .5rem}
h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0}
h2{font-size:1.4rem;line-height:1.25;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
p{margin:.5rem 0;max-width:70ch}
.subtitle{color:var(--muted);margin:0 0 .5rem}
dl.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.5rem 0}
dl.facts div{display:flex;gap:.4rem}
dl.facts dt{font-weight:600}
dl.facts dt::after{content:":"}
dl.facts dd{margin:0}
p.note{color:var(--muted);font-size:.95rem}
p.warning{border-left:4px solid var(--warn);padding:.25rem .75rem;background:#fbeeee}
figure{margin:1rem 0;padding:0}
figcaption{font-weight:600;margin:.25rem 0}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0}
table{border-collapse:collapse;font-size:.95rem;min-width:50%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--fg)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.page-footer{border-top:1px solid var(--line);margin-top:2rem;padding:.5rem 0 2rem;color:var(--muted);font-size:.9rem}
@media (max-width:30rem){body{padding:0 .6rem}h1{font-size:1.45rem}h2{font-size:1.2rem}th,td{padding:.25rem .4rem}}
@page{size:A4;margin:15mm 12mm}
@media print{
body{padding:0;font-size:10.5pt}
.page-header,main,.page-footer{max-width:none}
h2,h3{break-after:avoid}
figure,table,tr{break-inside:avoid}
thead{display:table-header-group}
.table-wrap{overflow:visible}
a{color:inherit}
p.warning{background:none}
}
`
