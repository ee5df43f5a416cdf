// Package render presents the library's reports to people: one self-contained HTML page per report,
// written with html/template.
//
// It sits above the domain packages and only the command-line tool (or a host that wants the pages)
// imports it; the domain packages never import it, so a vendor importing them compiles no rendering
// or plotting code.
//
// # The page shell
//
// Every page shares one shell, [Page]: a complete HTML document with its CSS inline, no script and no
// resource loaded from elsewhere (a Content-Security-Policy meta element says so to the browser), so it
// opens from a file, by e-mail or with JavaScript off and looks the same. It reads at a phone's width
// (a viewport meta element; wide tables scroll inside their own box rather than the page) and prints on
// A4 (page margins, figures and table rows kept whole, links and colours legible in black and white).
// A header holds the title, a subtitle and a list of facts about the report (period, threshold, …);
// a footer holds notes and the library version, so a printed page says what produced it.
//
// [Page.Execute] writes the head of the shell, then the caller's body template, then the foot, straight
// to an io.Writer. The body template is the caller's own html/template, so its values are escaped for
// their context as always. The shell's CSS styles these elements and classes in the body:
//
//   - section, h2, h3, p; p.note for a caveat, p.warning for something a reader must not miss;
//   - figure and figcaption around a chart; an inline svg scales to the figure's width;
//   - div.table-wrap around a table, which scrolls sideways on a narrow screen; td.num and th.num
//     align numbers right with tabular figures; caption names the table for screen readers;
//   - dl.facts for a list of labelled values; .visually-hidden for text only screen readers read.
//
// # Charts
//
// [Forest] and [Bars] lay out the two kinds of chart the reports draw — a point with its interval per
// row on an axis through zero, and bars from zero — as a [Chart] whose HTML method writes an inline
// SVG element with a title and a description for screen readers. Place a table of the chart's
// numbers beside it.
//
// # The outcomes page
//
// [Outcomes] writes the common-outcomes report of the episode package as one page: for each heading a
// chart, the table of its numbers and the counts and exclusions behind it, with small numbers shown as
// the report hid them.
//
// A page is a value; Execute changes nothing and is safe for concurrent use.
package render
