package render

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// The charts are drawn by hand as inline SVG: two kinds cover every chart of the reports, a forest
// chart (one point with its interval per row, on an axis through zero) and a bar chart (one to three
// bars per row, from zero). Both are laid out here in numbers and written by html/template, so every
// label is escaped and every coordinate is a number this file computed.

// Chart geometry, in SVG user units (the figure scales to its width).
const (
	chartWidth  = 500.0
	labelWidth  = 170.0 // the row labels, left
	valueWidth  = 62.0  // the value labels, right
	plotLeft    = labelWidth
	plotRight   = chartWidth - valueWidth
	rowHeight   = 40.0
	barGap      = 3.0
	chartTop    = 8.0
	axisHeight  = 30.0
	legendRowsH = 22.0
)

// Chart is an SVG chart ready for the template: its accessible title and description, and the
// shapes and texts it draws.
type Chart struct {
	// ID is the svg element's id, unique on the page; its title and description are ID-title and
	// ID-desc.
	ID string
	// Title names the chart; Desc lists its figures in words, for screen readers.
	Title string
	Desc  string
	// Width and Height are the size of the drawing in SVG user units (its viewBox).
	Width  float64
	Height float64
	// Lines, Rects, Dots and Texts are what it draws, in that order.
	Lines []Line
	Rects []Rect
	Dots  []Dot
	Texts []Text
}

// Line is a straight line; Class names its style.
type Line struct {
	// X1, Y1 to X2, Y2 are its ends, in user units.
	X1, Y1, X2, Y2 float64
	// Class is its CSS class: grid, zero or ci.
	Class string
}

// Rect is a bar.
type Rect struct {
	// X, Y is its top left corner; W and H its width and height, in user units.
	X, Y, W, H float64
	// Class is its CSS class: s1, s2 or s3, the series.
	Class string
}

// Dot is a point estimate.
type Dot struct {
	// X, Y is its centre, in user units.
	X, Y float64
	// Class is its CSS class: est.
	Class string
}

// Text is a label; Anchor is start, middle or end.
type Text struct {
	// X, Y is where its baseline is anchored, in user units.
	X, Y float64
	// Anchor is its text-anchor: start, middle or end.
	Anchor string
	// Class is its CSS class: label, note, value, bar-value, tick, legend or unit.
	Class string
	// S is the text, escaped where it is written.
	S string
}

// ForestRow is one row of a forest chart: an estimate with its interval. Hidden rows and rows
// without an interval say so in Value instead of drawing.
type ForestRow struct {
	// Label names the row; Note is a line under it, such as "lower is better", or "".
	Label string
	Note  string
	// Mean is the estimate; Low and High its interval when HasCI.
	Mean  float64
	Low   float64
	High  float64
	HasCI bool
	// Hidden draws nothing: the estimate was hidden.
	Hidden bool
	// Value is the text at the right: the estimate, or why there is none.
	Value string
}

// Forest lays out a forest chart of rows on a symmetric axis through zero, with unit the axis's
// name ("change in points").
func Forest(id, title, desc, unit string, rows []ForestRow) Chart {
	c := Chart{ID: id, Title: title, Desc: desc, Width: chartWidth}
	span := 0.0
	for _, r := range rows {
		if r.Hidden {
			continue
		}
		span = math.Max(span, math.Abs(r.Mean))
		if r.HasCI {
			span = math.Max(span, math.Max(math.Abs(r.Low), math.Abs(r.High)))
		}
	}
	span = niceCeil(span)
	x := func(v float64) float64 { return plotLeft + (v+span)/(2*span)*(plotRight-plotLeft) }
	top := chartTop
	bottom := top + rowHeight*float64(len(rows))
	for i, r := range rows {
		y := top + rowHeight*float64(i) + rowHeight/2
		c.addLabel(r.Label, r.Note, y)
		c.Texts = append(c.Texts, Text{X: chartWidth - 4, Y: y + 5, Anchor: "end", Class: "value", S: r.Value})
		if r.Hidden {
			continue
		}
		if r.HasCI {
			c.Lines = append(c.Lines, Line{X1: x(r.Low), Y1: y, X2: x(r.High), Y2: y, Class: "ci"},
				Line{X1: x(r.Low), Y1: y - 6, X2: x(r.Low), Y2: y + 6, Class: "ci"},
				Line{X1: x(r.High), Y1: y - 6, X2: x(r.High), Y2: y + 6, Class: "ci"})
		}
		c.Dots = append(c.Dots, Dot{X: x(r.Mean), Y: y, Class: "est"})
	}
	c.axis(top, bottom, []float64{-span, -span / 2, 0, span / 2, span}, x, true, unit)
	c.Height = bottom + axisHeight + 4
	return c
}

// BarRow is one row of a bar chart: one value per series. A hidden value draws no bar and shows
// its Text.
type BarRow struct {
	// Label names the row; Note is a line under it, or "".
	Label string
	Note  string
	// Values holds one value per series; Hidden marks those not to draw.
	Values []float64
	Hidden []bool
	// Texts are the value labels, one per series.
	Texts []string
}

// Bars lays out a bar chart of rows, each with one bar per series from zero, and a legend of the
// series (none for a single series).
func Bars(id, title, desc, unit string, series []string, rows []BarRow) Chart {
	c := Chart{ID: id, Title: title, Desc: desc, Width: chartWidth}
	maxV := 0.0
	for _, r := range rows {
		for k, v := range r.Values {
			if k < len(r.Hidden) && r.Hidden[k] {
				continue
			}
			maxV = math.Max(maxV, v)
		}
	}
	maxV = niceCeil(maxV)
	x := func(v float64) float64 { return plotLeft + v/maxV*(plotRight-plotLeft) }
	top := chartTop
	if len(series) > 1 {
		for k, s := range series {
			lx := plotLeft + float64(k)*120
			c.Rects = append(c.Rects, Rect{X: lx, Y: top + 2, W: 14, H: 14, Class: "s" + strconv.Itoa(k+1)})
			c.Texts = append(c.Texts, Text{X: lx + 20, Y: top + 14, Anchor: "start", Class: "legend", S: s})
		}
		top += legendRowsH
	}
	n := max(1, len(series))
	rowH := math.Max(rowHeight, float64(n)*15+10)
	barH := (rowH - 10 - float64(n-1)*barGap) / float64(n)
	for i, r := range rows {
		y0 := top + rowH*float64(i)
		c.addLabel(r.Label, r.Note, y0+rowH/2)
		for k := range r.Values {
			by := y0 + 5 + float64(k)*(barH+barGap)
			label := ""
			if k < len(r.Texts) {
				label = r.Texts[k]
			}
			hidden := k < len(r.Hidden) && r.Hidden[k]
			w := 0.0
			if !hidden && r.Values[k] > 0 {
				w = x(r.Values[k]) - plotLeft
				c.Rects = append(c.Rects, Rect{X: plotLeft, Y: by, W: w, H: barH, Class: "s" + strconv.Itoa(k+1)})
			}
			c.Texts = append(c.Texts, Text{X: plotLeft + w + 4, Y: by + barH/2 + 4, Anchor: "start", Class: "bar-value", S: label})
		}
	}
	bottom := top + rowH*float64(len(rows))
	c.axis(top, bottom, []float64{0, maxV / 4, maxV / 2, 3 * maxV / 4, maxV}, x, false, unit)
	c.Height = bottom + axisHeight + 4
	return c
}

// addLabel writes a row's label, on two lines when it is long, with its note on a line under it,
// the lines centred on y.
func (c *Chart) addLabel(label, note string, y float64) {
	lines := wrap(label, labelChars)
	n := len(lines)
	if note != "" {
		n++
	}
	y0 := y + 5 - 7*float64(n-1) // the first baseline: lines 14 units apart around y
	for i, l := range lines {
		c.Texts = append(c.Texts, Text{X: labelWidth - 8, Y: y0 + 14*float64(i), Anchor: "end", Class: "label", S: l})
	}
	if note != "" {
		c.Texts = append(c.Texts, Text{X: labelWidth - 8, Y: y0 + 14*float64(len(lines)), Anchor: "end", Class: "note", S: note})
	}
}

// labelChars is about the number of characters of a label that fit its width on one line.
const labelChars = 21

// wrap splits s at a space into two lines when it is longer than n characters.
func wrap(s string, n int) []string {
	if len([]rune(s)) <= n {
		return []string{s}
	}
	cut := -1
	for i, r := range s {
		if r == ' ' && len([]rune(s[:i])) <= n {
			cut = i
		}
	}
	if cut < 0 {
		return []string{s}
	}
	return []string{s[:cut], s[cut+1:]}
}

// axis draws the grid lines and tick labels under the plot, and the zero line.
func (c *Chart) axis(top, bottom float64, ticks []float64, x func(float64) float64, signed bool, unit string) {
	for _, t := range ticks {
		cls := "grid"
		if t == 0 {
			cls = "zero"
		}
		c.Lines = append(c.Lines, Line{X1: x(t), Y1: top, X2: x(t), Y2: bottom, Class: cls})
		c.Texts = append(c.Texts, Text{X: x(t), Y: bottom + 14, Anchor: "middle", Class: "tick", S: tickLabel(t, signed)})
	}
	c.Texts = append(c.Texts, Text{X: (plotLeft + plotRight) / 2, Y: bottom + 28, Anchor: "middle", Class: "unit", S: unit})
}

// niceCeil returns the smallest of 1, 1.2, 1.6, 2, 2.4, 3, 4, 6 or 8 times a power of ten at or above
// v (1 for v ≤ 0): numbers whose quarters and halves print short.
func niceCeil(v float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10} {
		if m*p >= v*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel formats a tick value with as few decimals as it needs.
func tickLabel(v float64, signed bool) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) > 6 {
		s = strconv.FormatFloat(v, 'f', 2, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if signed && v > 0 {
		s = "+" + s
	}
	if v < 0 {
		s = "−" + s[1:] // a minus sign, not a hyphen
	}
	return s
}

// svg is the template of a chart. Coordinates are printed with two decimals at most.
var svg = template.Must(template.New("svg").Funcs(template.FuncMap{"n": coord}).Parse(
	`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{{.ID}}" role="img" viewBox="0 0 {{n .Width}} {{n .Height}}" aria-labelledby="{{.ID}}-title {{.ID}}-desc">` +
		`<title id="{{.ID}}-title">{{.Title}}</title><desc id="{{.ID}}-desc">{{.Desc}}</desc>` +
		`{{range .Lines}}<line x1="{{n .X1}}" y1="{{n .Y1}}" x2="{{n .X2}}" y2="{{n .Y2}}" class="{{.Class}}"/>{{end}}` +
		`{{range .Rects}}<rect x="{{n .X}}" y="{{n .Y}}" width="{{n .W}}" height="{{n .H}}" class="{{.Class}}"/>{{end}}` +
		`{{range .Dots}}<circle cx="{{n .X}}" cy="{{n .Y}}" r="5" class="{{.Class}}"/>{{end}}` +
		`{{range .Texts}}<text x="{{n .X}}" y="{{n .Y}}" text-anchor="{{.Anchor}}" class="{{.Class}}">{{.S}}</text>{{end}}` +
		`</svg>`))

// HTML returns the chart as an inline SVG element, to place in a body template with {{.HTML}}.
func (c Chart) HTML() (template.HTML, error) {
	var b strings.Builder
	if err := svg.Execute(&b, c); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // escaped by the svg template
}

// coord formats a coordinate.
func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// chartCSS styles the charts; the shell's palette gives the colours.
const chartCSS = `
svg.chart{display:block;width:100%;max-width:34rem;height:auto;overflow:visible}
svg.chart .label{font-size:14px;fill:var(--fg)}
svg.chart .note{font-size:12px;fill:var(--muted);font-style:italic}
svg.chart .value,svg.chart .bar-value{font-size:13px;fill:var(--fg);font-variant-numeric:tabular-nums}
svg.chart .tick,svg.chart .legend,svg.chart .unit{font-size:12px;fill:var(--muted)}
svg.chart .grid{stroke:var(--grid);stroke-width:1}
svg.chart .zero{stroke:var(--fg);stroke-width:1.5}
svg.chart .ci{stroke:var(--ci);stroke-width:2}
svg.chart .est{fill:var(--s1);stroke:#fff;stroke-width:1.5}
svg.chart .s1{fill:var(--s1)}
svg.chart .s2{fill:var(--s2)}
svg.chart .s3{fill:var(--s3)}
@media print{svg.chart .s1{fill:#444}svg.chart .s2{fill:#999}svg.chart .s3{fill:#ccc}svg.chart .est{fill:#000}}
`
