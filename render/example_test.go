package render_test

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"regexp"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"

	"github.com/socialprescribing/go-socialprescribing/render"
)

// A report writes its body with its own template; the shell adds the head, the header and the footer.
func ExamplePage_Execute() {
	body := template.Must(template.New("body").Parse(`<section><h2>Connections</h2><p>{{.}} people connected.</p></section>
`))
	page := render.Page{
		Title: "Outcomes report",
		Facts: []render.Fact{{Label: "Period", Value: "2026-04-01 to 2027-03-31"}},
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, body, 42); err != nil {
		fmt.Println(err)
		return
	}
	html := buf.String()
	for _, line := range strings.Split(html, "\n") {
		if strings.HasPrefix(line, "<h1") || strings.HasPrefix(line, "<div><dt>") || strings.HasPrefix(line, "<section>") {
			fmt.Println(line)
		}
	}
	fmt.Println(strings.Contains(html, "<script"))
	// Output:
	// <h1>Outcomes report</h1>
	// <div><dt>Period</dt><dd>2026-04-01 to 2027-03-31</dd></div>
	// <section><h2>Connections</h2><p>42 people connected.</p></section>
	// false
}

// The outcomes page of a report: one HTML document, its charts inline SVG, each with its title.
func ExampleOutcomes() {
	var eps []episode.Episode
	for _, name := range []string{"completed", "declined", "received", "self-referral-in-progress"} {
		b, err := os.ReadFile("../episode/testdata/valid/episode." + name + ".json")
		if err != nil {
			panic(err)
		}
		var e episode.Episode
		if err := sp.DecodeAndValidate(b, &e); err != nil {
			panic(err)
		}
		eps = append(eps, e)
	}
	var buf bytes.Buffer
	if err := render.Outcomes(&buf, episode.NewReport(eps)); err != nil {
		panic(err)
	}
	for _, m := range regexp.MustCompile(`<title id="(chart-[a-z0-9-]+)-title">`).FindAllStringSubmatch(buf.String(), -1) {
		fmt.Println(m[1])
	}
	// Output:
	// chart-ons4
	// chart-bands-life-satisfaction
	// chart-bands-worthwhile
	// chart-bands-happiness
	// chart-bands-anxiety
	// chart-other-measures
	// chart-service-use
	// chart-connections
	// chart-attended
	// chart-green
}
