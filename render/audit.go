package render

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// AuditHTML writes an ARRS claim audit report to w as one self-contained HTML page in the shell of
// [Page]: the summary and the PCN-year position first, then per PCN its lines (capped lines
// highlighted, each followed by its derivation, duplicate claims marked) with subtotals per member
// of staff, then the findings, each linked to its line or PCN-year, and the rule rows used with their
// sources. Every ID and text of the report is escaped by html/template. The page is written as it is
// built; a report of many thousands of lines is not held twice.
func AuditHTML(w io.Writer, rep workforce.Report) error {
	v := newAuditView(&rep)
	page := Page{
		Title:    "ARRS claim audit",
		Subtitle: strconv.Itoa(rep.Totals.Lines) + " person-month lines from " + strconv.Itoa(len(v.PCNs)) + " PCNs",
		Facts: []Fact{
			{Label: "Claimed", Value: pounds(rep.Totals.Claimed)},
			{Label: "Allowed", Value: pounds(rep.Totals.Allowed)},
			{Label: "Payable", Value: pounds(rep.Totals.Payable)},
			{Label: "Ruleset", Value: rep.RulesetDigest},
		},
		Notes: []string{
			"Rounding: " + rep.Rounding + ".",
			"The report holds the IDs the input gave for PCNs, staff and claims, never a name. Claims are numbered by their position in the input (/claims/0 is the first).",
		},
		Version: rep.LibraryVersion,
	}
	return page.Execute(w, auditBody, v)
}

// auditView is what the audit template reads: the report, with indexes for the links between its
// parts. It holds no copy of the lines.
type auditView struct {
	*workforce.Report
	PCNs      []pcnView
	ruleIndex map[string]int
	yearIndex map[string]int
	pcnIndex  map[string]int
	byClaim   map[workforce.ClaimRef][]int
}

// pcnView is one PCN's lines and subtotals, as ranges of the report's slices.
type pcnView struct {
	ID     string
	Lines  []workforce.Line
	Staff  []workforce.StaffTotal
	Capped int
}

func newAuditView(r *workforce.Report) *auditView {
	v := &auditView{Report: r, ruleIndex: map[string]int{}, yearIndex: map[string]int{}, pcnIndex: map[string]int{}, byClaim: map[workforce.ClaimRef][]int{}}
	for i, u := range r.Rules {
		v.ruleIndex[u.ID] = i
	}
	for i, y := range r.PCNYears {
		v.yearIndex[y.PCN+"|"+y.Year.String()] = i
	}
	for i, f := range r.Findings {
		if f.Claim.IsValid() {
			v.byClaim[f.Claim] = append(v.byClaim[f.Claim], i)
		}
	}
	s := 0
	for i := 0; i < len(r.Lines); {
		j := i
		p := pcnView{ID: r.Lines[i].PCN}
		for j < len(r.Lines) && r.Lines[j].PCN == p.ID {
			if r.Lines[j].Capped {
				p.Capped++
			}
			j++
		}
		p.Lines = r.Lines[i:j]
		k := s
		for k < len(r.StaffTotals) && r.StaffTotals[k].PCN == p.ID {
			k++
		}
		p.Staff = r.StaffTotals[s:k]
		s = k
		v.pcnIndex[p.ID] = len(v.PCNs)
		v.PCNs = append(v.PCNs, p)
		i = j
	}
	return v
}

// ClaimAnchor is the id of a line's row: "claim-N".
func (v *auditView) ClaimAnchor(c workforce.ClaimRef) string {
	i, _ := c.Index()
	return "claim-" + strconv.Itoa(i)
}

// RuleAnchor is the id of a rule row's row in the rules table.
func (v *auditView) RuleAnchor(id string) string {
	return "rule-" + strconv.Itoa(v.ruleIndex[id])
}

// YearAnchor is the id of a PCN-year's row, or "" when the report has none for the finding.
func (v *auditView) YearAnchor(pcn string, y workforce.FinancialYear) string {
	i, ok := v.yearIndex[pcn+"|"+y.String()]
	if !ok {
		return ""
	}
	return "pcn-year-" + strconv.Itoa(i)
}

// PCNAnchor is the id of a PCN's section.
func (v *auditView) PCNAnchor(pcn string) string {
	i, ok := v.pcnIndex[pcn]
	if !ok {
		return ""
	}
	return "pcn-" + strconv.Itoa(i)
}

// FindingsOf returns the indexes of the findings about a claim.
func (v *auditView) FindingsOf(c workforce.ClaimRef) []int { return v.byClaim[c] }

// Finding returns the finding at index i.
func (v *auditView) Finding(i int) workforce.Finding { return v.Findings[i] }

// pounds writes an amount with a pound sign and thousands separators: "£1,234.50".
func pounds(m workforce.Money) string {
	if !m.IsValid() {
		return ""
	}
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	b.WriteString("£")
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + "." + frac
}

var auditFuncs = template.FuncMap{
	"pounds": pounds,
	"month": func(d sp.Date) string {
		if !d.IsValid() {
			return ""
		}
		return d.String()[:7]
	},
	"figure": func(u workforce.RuleUsed) string {
		if u.AnnualMaximum.IsValid() {
			return pounds(u.AnnualMaximum) + " per WTE per year"
		}
		return u.Figure()
	},
	"period": func(u workforce.RuleUsed) string {
		if u.Year.IsValid() {
			return u.Year.String()
		}
		return u.From.String() + " to " + u.To.String()
	},
}

// auditStyle adds to the shell's style sheet what the audit needs: capped and duplicate lines, and
// lines whose maximum is not known, marked by a band and a word (so that they read in black and white too), derivations set apart.
const auditStyle = `<style>
tr.capped>td{background:#fff7d6}
tr.capped>td:first-child{box-shadow:inset 4px 0 0 #b58105}
tr.duplicate>td{background:#fbeeee}
tr.unknown>td{background:#eef2fb}
tr.derivation>td{background:#f4f6f8;font-size:.9rem;border-bottom:2px solid var(--line)}
tr.derivation ol{margin:.25rem 0;padding-left:1.25rem}
.flag{font-weight:600;white-space:nowrap}
.sev-error{color:var(--warn);font-weight:600}
tr.excess>td{background:#fbeeee}
td.ids{overflow-wrap:break-word}
table.lines tr:not(.derivation)>td:not(:last-child){white-space:nowrap}
:target{outline:3px solid var(--accent)}
@media print{tr.capped>td,tr.duplicate>td,tr.unknown>td,tr.excess>td,tr.derivation>td{background:none}tr.derivation{break-before:avoid}}
</style>
`

var auditBody = template.Must(template.New("audit").Funcs(auditFuncs).Parse(auditStyle + `<section id="summary">
<h2>Summary</h2>
<div class="table-wrap"><table class="totals">
<caption>Totals of every line and PCN-year</caption>
<tbody>
<tr><th scope="row">Lines (person-months)</th><td class="num" id="total-lines">{{.Totals.Lines}}</td></tr>
<tr><th scope="row">Lines capped at their maximum</th><td class="num" id="total-capped">{{.Totals.Capped}}</td></tr>
{{- if .Totals.NoRule}}
<tr><th scope="row">Lines whose maximum is not known (no rule row)</th><td class="num" id="total-no-rule">{{.Totals.NoRule}}</td></tr>
{{- end}}
{{- if .Totals.NotInPost}}
<tr><th scope="row">Lines for a month not in post</th><td class="num" id="total-not-in-post">{{.Totals.NotInPost}}</td></tr>
{{- end}}
<tr><th scope="row">Claimed</th><td class="num" id="total-claimed">{{pounds .Totals.Claimed}}</td></tr>
<tr><th scope="row">Allowed</th><td class="num" id="total-allowed">{{pounds .Totals.Allowed}}</td></tr>
<tr><th scope="row">Difference (claimed − allowed)</th><td class="num" id="total-difference">{{pounds .Totals.Difference}}</td></tr>
<tr><th scope="row">Excess over ARRS sums</th><td class="num" id="total-excess">{{pounds .Totals.Excess}}</td></tr>
<tr><th scope="row">Payable (allowed − excess)</th><td class="num" id="total-payable">{{pounds .Totals.Payable}}</td></tr>
<tr><th scope="row">Findings</th><td class="num" id="total-findings">{{.Totals.Errors}} errors, {{.Totals.Warnings}} warnings, {{.Totals.Infos}} infos</td></tr>
</tbody>
</table></div>
</section>
<section id="pcn-years">
<h2>PCN-year position</h2>
{{- if .PCNYears}}
<div class="table-wrap"><table>
<caption>Each PCN's allowed lines per financial year against its Additional Roles Reimbursement Sum</caption>
<thead><tr><th scope="col">PCN</th><th scope="col">Year</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Claimed</th><th scope="col" class="num">ARRS sum</th><th scope="col" class="num">Other roles</th><th scope="col" class="num">Allowed</th><th scope="col" class="num">Excess</th><th scope="col">Ran out</th><th scope="col" class="num">Payable</th></tr></thead>
<tbody>
{{- range $i, $y := .PCNYears}}
<tr id="pcn-year-{{$i}}"{{if $y.Excess.Pence}} class="excess"{{end}}><td class="ids"><a href="#{{$.PCNAnchor $y.PCN}}">{{$y.PCN}}</a></td><td>{{$y.Year}}</td><td class="num">{{$y.Lines}}</td><td class="num">{{pounds $y.Claimed}}</td><td class="num">{{if $y.Sum.IsValid}}{{pounds $y.Sum}} <a href="#{{$.RuleAnchor $y.SumRule}}">rate</a>{{else}}unknown{{end}}</td><td class="num">{{pounds $y.OtherRolesClaimed}}</td><td class="num">{{pounds $y.Allowed}}</td><td class="num">{{pounds $y.Excess}}</td><td>{{month $y.RanOut}}</td><td class="num">{{pounds $y.Payable}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- else}}
<p>No lines were audited.</p>
{{- end}}
</section>
{{- range $p, $pcn := .PCNs}}
<section id="pcn-{{$p}}" class="pcn">
<h2>PCN {{$pcn.ID}}</h2>
<p>{{len $pcn.Lines}} lines, {{$pcn.Capped}} capped at their maximum. A capped line is followed by how its maximum was built.</p>
<div class="table-wrap"><table class="lines">
<caption>Lines of PCN {{$pcn.ID}}, by member of staff and month</caption>
<thead><tr><th scope="col">Claim</th><th scope="col">Staff</th><th scope="col">Month</th><th scope="col">Role</th><th scope="col" class="num">In post</th><th scope="col" class="num">Claimed</th><th scope="col" class="num">Maximum</th><th scope="col" class="num">Allowed</th><th scope="col" class="num">Difference</th><th scope="col">Notes</th></tr></thead>
<tbody>
{{- range $l := $pcn.Lines}}
<tr id="{{$.ClaimAnchor $l.Claim}}"{{if $l.Duplicate}} class="duplicate"{{else if $l.NotInPost}} class="unknown"{{else if $l.NoRule}} class="unknown"{{else if $l.Capped}} class="capped"{{end}}><td>{{$l.Claim}}</td><td class="ids">{{$l.Staff}}</td><td>{{month $l.Month}}</td><td>{{$l.Role}}</td><td class="num">{{$l.DaysInPost}}/{{$l.DaysInMonth}}</td><td class="num">{{pounds $l.Claimed}}</td><td class="num">{{pounds $l.Maximum}}</td><td class="num">{{pounds $l.Allowed}}</td><td class="num">{{pounds $l.Difference}}</td><td>{{if $l.Duplicate}}<span class="flag">duplicate</span> {{else if $l.NotInPost}}<span class="flag">not in post</span> {{else if $l.NoRule}}<span class="flag">no rule: maximum not known</span> {{else if $l.Capped}}<span class="flag">capped</span> {{end}}{{range $.FindingsOf $l.Claim}}{{$f := $.Finding .}}<a href="#finding-{{.}}" class="sev-{{$f.Severity}}">{{$f.Rule}}</a> {{end}}</td></tr>
{{- if $l.Capped}}
<tr class="derivation"><td colspan="10"><strong>Derivation of {{$l.Claim}}</strong> ({{$l.DaysInPost}} of {{$l.DaysInMonth}} days in post{{if $l.BaselineWTE.IsZero}}{{else}}; {{$l.BaselineWTE}} WTE within the 31 March 2019 baseline not counted{{end}}):
<ol>
{{- range $l.Parts}}
<li>{{.From}} to {{.To}}: {{if .Rule}}{{pounds .AnnualMaximum}} a year × {{.WTE}} WTE × {{.Days}} days ÷ (12 × {{$l.DaysInMonth}} days) (<a href="#{{$.RuleAnchor .Rule}}">{{.Rule}}</a>){{else}}no rule row: nothing{{end}}{{if .SubcontractRule}}; contribution cap {{pounds .SubcontractAnnualMaximum}} a year × {{.WTE}} WTE × {{.Days}} days ÷ (12 × {{$l.DaysInMonth}} days) (<a href="#{{$.RuleAnchor .SubcontractRule}}">{{.SubcontractRule}}</a>){{end}}</li>
{{- end}}
<li>Maximum <span class="derived-maximum">{{pounds $l.Maximum}}</span>: the exact sum of the parts, rounded once, half-up.</li>
<li>Costs counted: {{pounds $l.Costs}} salary, employer NI and employer pension{{if $l.SubcontractCounted.IsValid}} + {{pounds $l.SubcontractCounted}} contribution (of {{pounds $l.SubcontractClaimed}} claimed{{if $l.SubcontractCap.IsValid}}, cap {{pounds $l.SubcontractCap}}{{else}}: directly employed, so none counts{{end}}){{end}}.</li>
<li>Allowed <span class="derived-allowed">{{pounds $l.Allowed}}</span> = the lesser of the costs counted and the maximum: capped at the maximum.</li>
</ol></td></tr>
{{- end}}
{{- end}}
</tbody>
</table></div>
<div class="table-wrap"><table class="staff-totals">
<caption>Subtotals per member of staff, PCN {{$pcn.ID}}</caption>
<thead><tr><th scope="col">Staff</th><th scope="col">Role</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Claimed</th><th scope="col" class="num">Allowed</th><th scope="col" class="num">Difference</th></tr></thead>
<tbody>
{{- range $pcn.Staff}}
<tr><td class="ids">{{.Staff}}</td><td>{{.Role}}</td><td class="num">{{.Lines}}</td><td class="num">{{pounds .Claimed}}</td><td class="num">{{pounds .Allowed}}</td><td class="num">{{pounds .Difference}}</td></tr>
{{- end}}
</tbody>
</table></div>
</section>
{{- end}}
<section id="findings">
<h2>Findings</h2>
{{- if not .Findings}}
<p>No findings.</p>
{{- else}}
<p>{{.Totals.Errors}} errors, {{.Totals.Warnings}} warnings and {{.Totals.Infos}} infos. Each links to its line or PCN-year and to the rule rows it rests on.</p>
<div class="table-wrap"><table class="findings">
<caption>Findings, errors first</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">About</th><th scope="col">Message</th><th scope="col">Rule rows</th></tr></thead>
<tbody>
{{- range $i, $f := .Findings}}
<tr id="finding-{{$i}}"><td class="sev-{{$f.Severity}}">{{$f.Severity}}</td><td>{{$f.Rule}}</td><td class="ids">{{if $f.Claim.IsValid}}<a href="#{{$.ClaimAnchor $f.Claim}}">{{$f.Subject}}</a>{{else if $f.Year.IsValid}}{{with $.YearAnchor $f.PCN $f.Year}}<a href="#{{.}}">{{$f.Subject}}</a>{{else}}{{$f.Subject}}{{end}}{{else}}{{$f.Subject}}{{end}}{{with $f.Path}} at {{.}}{{end}}</td><td>{{$f.Message}}</td><td class="ids">{{range $f.RuleRows}}<a href="#{{$.RuleAnchor .}}">{{.}}</a> {{end}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- end}}
</section>
<section id="rules">
<h2>Rule rows used</h2>
<div class="table-wrap"><table class="rules">
<caption>Each rule row the audit used, once, with its source and confidence</caption>
<thead><tr><th scope="col">Row</th><th scope="col">Figure</th><th scope="col">Applies</th><th scope="col">Source</th><th scope="col">Confidence</th><th scope="col">Origin</th></tr></thead>
<tbody>
{{- range $i, $u := .Rules}}
<tr id="rule-{{$i}}"><td class="ids">{{$u.ID}}</td><td>{{figure $u}}</td><td>{{period $u}}</td><td>{{$u.Source}}</td><td>{{$u.Confidence}}</td><td>{{$u.Origin}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- if .Bases}}
<div class="table-wrap"><table class="bases">
<caption>The basis of findings that rest on the scheme's rules rather than on one row</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Basis</th></tr></thead>
<tbody>
{{- range .Bases}}
<tr><td>{{.Code}}</td><td>{{.Source}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- end}}
</section>
`))
