package render

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

// MaxProviders is the number of providers the outcomes page lists, those with the most connections
// first; it says how many more there are. The page summarises: its size does not grow with the
// number of episodes.
const MaxProviders = 10

// Outcomes writes the common-outcomes report as one self-contained HTML page: for each heading
// (the person, the health and care system, community groups) a chart drawn as inline SVG with a
// title and a description for screen readers, a table of the numbers it draws, and the counts and
// exclusions behind it. A report built with suppression shows a hidden count from 1 to N − 1 as "<N" and
// a figure hidden with one (whatever its own value) as "hidden", and says so at the top.
//
// The page holds counts and statistics only: no episode id, name or date of a person appears.
func Outcomes(w io.Writer, r episode.Report) error {
	v := newOutcomesView(r)
	return v.page().Execute(w, outcomesBody, v)
}

// outcomesView is what the body template reads.
type outcomesView struct {
	r         episode.Report
	f         numbers
	Hidden    string // the legend of suppression, or ""
	States    []row
	Person    personView
	System    systemView
	Community communityView
}

// row is a table row: a label and its cells, already formatted.
type row struct {
	Label string
	Cells []string
}

// figure is a chart with its table and the notes under it.
type figure struct {
	Chart   Chart
	Caption string
	Head    []string // the table's column heads after the first
	First   string   // the first column's head
	Rows    []row
	Notes   []string
}

type personView struct {
	Summary   string
	ONS4      *figure
	Bands     []figure
	Others    *figure
	Exclusion []string
}

type systemView struct {
	Summary string
	Use     *figure
}

type communityView struct {
	Summary   string
	Mode      *figure
	Attended  *figure
	Green     *figure
	Providers []row
	More      string
}

// numbers formats the report's numbers, hidden ones as "<N" or "hidden".
type numbers struct{ s *episode.Suppression }

func (f numbers) hidden(ptr string) bool { return f.s.Hides(ptr) }

// count formats a count with thousands separators.
func (f numbers) count(ptr string, v int64) string {
	if f.s.Below(ptr) {
		return "<" + strconv.Itoa(f.s.Threshold)
	}
	if f.s.Hides(ptr) {
		return "hidden" // with a small count: its own value may be larger
	}
	return Thousands(v)
}

func (f numbers) fixed(ptr, format string, v float64) string {
	if f.s.Hides(ptr) {
		return "hidden"
	}
	return strings.Replace(fmt.Sprintf(format, v), "-", "−", 1)
}

// Thousands formats n with a comma between each group of three digits, as the pages print counts.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// Label turns an enum value ("gp-consultations") into words ("GP consultations").
func Label(v string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	s := strings.ReplaceAll(v, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var labels = map[string]string{
	"gp-consultations":        "GP consultations",
	"ae-attendances":          "A&E attendances",
	"outpatient-appointments": "Outpatient appointments",
	"admissions":              "Inpatient admissions",
	"bed-days":                "Bed days",
	"ons4":                    "ONS4 personal wellbeing",
	"swemwbs":                 "SWEMWBS",
	"wemwbs":                  "WEMWBS",
	"ucla3":                   "UCLA-3 loneliness",
	"swemwbs-metric":          "SWEMWBS metric score",
	"swemwbs-raw":             "SWEMWBS raw score",
	"wemwbs-total":            "WEMWBS total",
	"ucla3-total":             "UCLA-3 total",
	"cooking-healthy-eating":  "Cooking and healthy eating",
	"debt-financial-advice":   "Debt and financial advice",
	"nature-activity":         "Nature activity",
	"very-low":                "Very low",
	"very-high":               "Very high",
}

func newOutcomesView(r episode.Report) outcomesView {
	v := outcomesView{r: r, f: numbers{r.Suppression}}
	if s := r.Suppression; s != nil {
		v.Hidden = fmt.Sprintf("Small numbers are hidden: a count from 1 to %d is shown as <%d, and a figure hidden with such a count, whatever its own value, as \u201chidden\u201d. A hidden count can sometimes be worked out from the totals beside it.", s.Threshold-1, s.Threshold)
	}
	for i, s := range r.States {
		v.States = append(v.States, row{Label(string(s.State)), []string{v.f.count("/states/"+strconv.Itoa(i)+"/episodes", int64(s.Episodes))}})
	}
	if r.UnknownState > 0 || v.f.hidden("/unknownState") {
		v.States = append(v.States, row{"Another state", []string{v.f.count("/unknownState", int64(r.UnknownState))}})
	}
	v.person()
	v.system()
	v.community()
	return v
}

// page is the shell: title, facts and notes.
func (v outcomesView) page() Page {
	r, f := v.r, v.f
	period := "none received"
	if r.From.IsValid() {
		period = r.From.String() + " to " + r.To.String()
	}
	facts := []Fact{
		{"Episodes reported", f.count("/episodes", int64(r.Episodes))},
		{"Referrals received", period},
	}
	if x := r.Exclusions; x.PeriodFrom.IsValid() || x.PeriodTo.IsValid() {
		facts = append(facts, Fact{"Period asked for", dateOr(x.PeriodFrom.String(), x.PeriodFrom.IsValid(), "any date") + " to " + dateOr(x.PeriodTo.String(), x.PeriodTo.IsValid(), "any date")})
	}
	if r.DuplicateIDs > 0 || f.hidden("/duplicateIds") {
		facts = append(facts, Fact{"Duplicate episode ids", f.count("/duplicateIds", int64(r.DuplicateIDs)) + " episodes share an id with another episode"})
	}
	facts = append(facts, Fact{"Excluded", f.count("/exclusions/invalid", int64(r.Exclusions.Invalid)) + " invalid, " +
		f.count("/exclusions/outsidePeriod", int64(r.Exclusions.OutsidePeriod)) + " outside the period"})
	small := "all shown"
	if s := r.Suppression; s != nil {
		small = "counts below " + strconv.Itoa(s.Threshold) + " hidden"
	}
	facts = append(facts, Fact{"Small numbers", small})
	return Page{
		Title:    "Common outcomes report",
		Subtitle: "Social prescribing: impact on the person, on the health and care system and on community groups",
		Facts:    facts,
		Notes: []string{
			"The split into impact on the person, on the health and care system and on community groups is widely used but was not found in NHS England's own text: it is not confirmed as NHS England's framework.",
			"This report counts episodes and summarises them; it names no one and lists no one's answers.",
		},
	}
}

func dateOr(s string, ok bool, none string) string {
	if ok {
		return s
	}
	return none
}

func (v *outcomesView) person() {
	r, f := v.r, v.f
	w := r.Person.Wellbeing
	v.Person.Summary = fmt.Sprintf("%s episodes measured. Of %s measurements, %s were invalid and %s belonged to another episode; they are excluded.",
		f.count("/person/episodesMeasured", int64(r.Person.EpisodesMeasured)), f.count("/person/wellbeing/records", int64(w.Records)),
		f.count("/person/wellbeing/invalid", int64(w.Invalid)), f.count("/person/mismatched", int64(r.Person.Mismatched)))
	var others []ForestRow
	var otherRows []row
	var otherNotes []string
	for i, in := range w.Instruments {
		ip := "/person/wellbeing/instruments/" + strconv.Itoa(i)
		excl := fmt.Sprintf("%s: %s episodes measured, %s paired (n). Excluded: %s with a baseline only, %s with a follow-up only, %s with two different answers on one day, %s with the follow-up before the baseline.",
			Label(string(in.Instrument)), f.count(ip+"/episodes", int64(in.Episodes)), f.count(ip+"/paired", int64(in.Paired)),
			f.count(ip+"/baselineOnly", int64(in.BaselineOnly)), f.count(ip+"/followUpOnly", int64(in.FollowUpOnly)),
			f.count(ip+"/conflicting", int64(in.Conflicting)), f.count(ip+"/dateOrder", int64(in.DateOrder)))
		var rows []ForestRow
		var trows []row
		for j, s := range in.Scales {
			sp := ip + "/scales/" + strconv.Itoa(j)
			fr, tr := v.scaleRow(sp, s)
			rows, trows = append(rows, fr), append(trows, tr)
			if in.Instrument == outcomes.InstrumentONS4 && len(s.Bands) > 0 {
				v.Person.Bands = append(v.Person.Bands, v.bandFigure(sp, s))
			}
		}
		if in.Instrument == outcomes.InstrumentONS4 {
			if len(rows) == 0 {
				v.Person.Exclusion = append(v.Person.Exclusion, excl)
				continue
			}
			v.Person.ONS4 = &figure{
				Chart: Forest("chart-ons4", "ONS4 personal wellbeing: mean change from baseline to follow-up, with 95% confidence intervals",
					describe("Mean change per ONS4 item (0 to 10 points)", rows), "mean change in points (0–10 scale)", rows),
				Caption: "ONS4 personal wellbeing: mean change per item, baseline to follow-up, with its 95% confidence interval. Anxiety: lower is better, so a fall is an improvement.",
				First:   "Item", Head: scaleHead, Rows: trows, Notes: []string{excl},
			}
			continue
		}
		others, otherRows = append(others, rows...), append(otherRows, trows...)
		otherNotes = append(otherNotes, excl)
	}
	if len(others) > 0 {
		v.Person.Others = &figure{
			Chart: Forest("chart-other-measures", "SWEMWBS, WEMWBS and UCLA-3: mean change from baseline to follow-up, with 95% confidence intervals",
				describe("Mean change per measure, each in its own points", others), "mean change in each measure's points", others),
			Caption: "SWEMWBS, WEMWBS and UCLA-3 loneliness: mean change, baseline to follow-up, with its 95% confidence interval. UCLA-3: lower is better.",
			First:   "Measure", Head: scaleHead, Rows: otherRows, Notes: otherNotes,
		}
	}
}

var scaleHead = []string{"n", "Baseline mean", "Follow-up mean", "Mean change", "95% CI", "Improved", "Worsened"}

// scaleRow returns a scale's forest row and table row.
func (v *outcomesView) scaleRow(sp string, s outcomes.ScaleSummary) (ForestRow, row) {
	f := v.f
	fr := ForestRow{Label: Label(string(s.Scale)), Mean: s.MeanChange}
	if !s.Scale.HigherIsBetter() {
		fr.Note = "lower is better"
	}
	ci := "none (n < 2)"
	switch {
	case f.hidden(sp + "/n"):
		fr.Hidden, fr.Value = true, "hidden"
		ci = "hidden"
	case s.CI95 != nil:
		fr.Low, fr.High, fr.HasCI = s.CI95.Low, s.CI95.High, true
		ci = f.fixed(sp+"/ci95", "%+.2f", s.CI95.Low) + " to " + f.fixed(sp+"/ci95", "%+.2f", s.CI95.High)
		fr.Value = f.fixed(sp+"/meanChange", "%+.2f", s.MeanChange)
	default:
		fr.Value = f.fixed(sp+"/meanChange", "%+.2f", s.MeanChange)
	}
	share := func(count, shr string, c int, x float64) string {
		if f.hidden(sp+count) || f.hidden(sp+shr) {
			return f.count(sp+count, int64(c))
		}
		return Thousands(int64(c)) + " (" + f.fixed(sp+shr, "%.0f%%", 100*x) + ")"
	}
	tr := row{Label(string(s.Scale)) + map[bool]string{true: "", false: " (lower is better)"}[s.Scale.HigherIsBetter()], []string{
		f.count(sp+"/n", int64(s.N)), f.fixed(sp+"/meanBaseline", "%.2f", s.MeanBaseline), f.fixed(sp+"/meanFollowUp", "%.2f", s.MeanFollowUp),
		f.fixed(sp+"/meanChange", "%+.2f", s.MeanChange), ci,
		share("/improved", "/shareImproved", s.Improved, s.ShareImproved), share("/worsened", "/shareWorsened", s.Worsened, s.ShareWorsened),
	}}
	return fr, tr
}

// bandFigure is the band movement of one ONS4 item.
func (v *outcomesView) bandFigure(sp string, s outcomes.ScaleSummary) figure {
	f := v.f
	var rows []BarRow
	var trows []row
	for k, b := range s.Bands {
		bp := sp + "/bands/" + strconv.Itoa(k)
		hb, hf := f.hidden(bp+"/baseline") || f.hidden(sp+"/bands"), f.hidden(bp+"/followUp") || f.hidden(sp+"/bands")
		tb, tf := f.count(bp+"/baseline", int64(b.Baseline)), f.count(bp+"/followUp", int64(b.FollowUp))
		rows = append(rows, BarRow{Label: Label(string(b.Band)), Values: []float64{float64(b.Baseline), float64(b.FollowUp)},
			Hidden: []bool{hb, hf}, Texts: []string{tb, tf}})
		trows = append(trows, row{Label(string(b.Band)), []string{tb, tf}})
	}
	name := Label(string(s.Scale))
	id := "chart-bands-" + string(s.Scale)
	better := "a higher band is better"
	if !s.Scale.HigherIsBetter() {
		better = "a lower band is better"
	}
	return figure{
		Chart:   Bars(id, name+": episodes by ONS band at baseline and at follow-up", describeBars(name+" bands, episodes at baseline and at follow-up", []string{"baseline", "follow-up"}, rows), "paired episodes", []string{"Baseline", "Follow-up"}, rows),
		Caption: name + ": paired episodes by ONS threshold band at baseline and at follow-up (" + better + ").",
		First:   "Band", Head: []string{"Baseline", "Follow-up"}, Rows: trows,
		Notes: []string{"n = " + f.count(sp+"/n", int64(s.N)) + " paired episodes, each counted once at baseline and once at follow-up; the exclusions are those of the ONS4 chart above."},
	}
}

func (v *outcomesView) system() {
	r, f := v.r, v.f
	su := r.System.ServiceUse
	v.System.Summary = fmt.Sprintf("%s episodes recorded their use of services; %s are included. Excluded: %s invalid records, %s sharing an episode id, %s belonging to another episode.",
		f.count("/system/episodesRecorded", int64(r.System.EpisodesRecorded)), f.count("/system/serviceUse/episodes", int64(su.Episodes)),
		f.count("/system/serviceUse/invalid", int64(su.Invalid)), f.count("/system/serviceUse/duplicate", int64(su.Duplicate)),
		f.count("/system/mismatched", int64(r.System.Mismatched)))
	if len(su.Services) == 0 {
		return
	}
	var rows []BarRow
	var trows []row
	for i, s := range su.Services {
		sp := "/system/serviceUse/services/" + strconv.Itoa(i)
		hb, ha := f.hidden(sp+"/beforePer30Days"), f.hidden(sp+"/afterPer30Days")
		tb, ta := f.fixed(sp+"/beforePer30Days", "%.2f", s.BeforePer30Days), f.fixed(sp+"/afterPer30Days", "%.2f", s.AfterPer30Days)
		rows = append(rows, BarRow{Label: Label(string(s.Service)), Values: []float64{s.BeforePer30Days, s.AfterPer30Days}, Hidden: []bool{hb, ha}, Texts: []string{tb, ta}})
		pct := "none from zero"
		switch {
		case f.hidden(sp + "/percentChange"):
			pct = "hidden"
		case s.PercentChange != nil:
			pct = f.fixed(sp+"/percentChange", "%+.0f%%", *s.PercentChange)
		}
		trows = append(trows, row{Label(string(s.Service)), []string{
			f.count(sp+"/episodes", int64(s.Episodes)), f.count(sp+"/before", s.Before), f.count(sp+"/after", s.After),
			tb, ta, f.fixed(sp+"/changePer30Days", "%+.2f", s.ChangePer30Days), pct,
		}})
	}
	v.System.Use = &figure{
		Chart: Bars("chart-service-use", "Use of health and care services per 30 days, before and after: the change measured, not an effect",
			describeBars("Uses per 30 person-days, before and after", []string{"before", "after"}, rows), "uses per 30 person-days", []string{"Before", "After"}, rows),
		Caption: "Use of health and care services per 30 days, before and after social prescribing: the change measured, not an effect.",
		First:   "Service", Head: []string{"Episodes", "Uses before", "Uses after", "Before per 30 days", "After per 30 days", "Change per 30 days", "Per-cent change"},
		Rows:  trows,
		Notes: []string{"The change measured, not an effect: nothing here compares people who were referred with people who were not, and the published evidence on service use is mixed. Rates are per 30 person-days of the windows recorded."},
	}
}

func (v *outcomesView) community() {
	r, f := v.r, v.f
	c := r.Community
	v.Community.Summary = fmt.Sprintf("%s episodes have a plan; %s were connected to at least one community offer and %s went to at least one. %s connections in all: %s referred, %s signposted, %s attended.",
		f.count("/community/episodesWithPlan", int64(c.EpisodesWithPlan)), f.count("/community/episodesConnected", int64(c.EpisodesConnected)),
		f.count("/community/episodesAttending", int64(c.EpisodesAttending)), f.count("/community/connections", int64(c.Connections)),
		f.count("/community/referred", int64(c.Referred)), f.count("/community/signposted", int64(c.Signposted)), f.count("/community/attended", int64(c.Attended)))
	if c.Connections == 0 && !f.hidden("/community/connections") {
		return
	}
	var mode, att []BarRow
	var mrows, arows []row
	for i, g := range c.ByCategory {
		gp := "/community/byCategory/" + strconv.Itoa(i)
		name := Label(string(g.Category))
		if g.Category.IsGreen() {
			name += " (green)"
		}
		tr, ts := f.count(gp+"/referred", int64(g.Referred)), f.count(gp+"/signposted", int64(g.Signposted))
		mode = append(mode, BarRow{Label: name, Values: []float64{float64(g.Referred), float64(g.Signposted)},
			Hidden: []bool{f.hidden(gp + "/referred"), f.hidden(gp + "/signposted")}, Texts: []string{tr, ts}})
		mrows = append(mrows, row{name, []string{f.count(gp+"/connections", int64(g.Connections)), tr, ts,
			f.count(gp+"/people", int64(g.People))}})
		tra := f.count(gp+"/referredAttended", int64(g.ReferredAttended))
		att = append(att, BarRow{Label: name, Values: []float64{float64(g.Referred), float64(g.ReferredAttended)},
			Hidden: []bool{f.hidden(gp + "/referred"), f.hidden(gp + "/referredAttended")}, Texts: []string{tr, tra}})
		arows = append(arows, row{name, []string{tr, tra, share(f, gp+"/referredAttended", gp+"/referred", g.ReferredAttended, g.Referred),
			f.count(gp+"/attended", int64(g.Attended)), f.count(gp+"/peopleAttending", int64(g.PeopleAttending))}})
	}
	notes := []string{}
	if c.UnknownCategory > 0 || f.hidden("/community/unknownCategory") {
		notes = append(notes, f.count("/community/unknownCategory", int64(c.UnknownCategory))+" connections of another kind are not shown by kind.")
	}
	if c.UnknownMode > 0 || f.hidden("/community/unknownMode") {
		notes = append(notes, f.count("/community/unknownMode", int64(c.UnknownMode))+" connections were neither referred nor signposted.")
	}
	v.Community.Mode = &figure{
		Chart: Bars("chart-connections", "Connections to community offers by kind of offer: referred and signposted",
			describeBars("Connections by kind of offer, referred and signposted", []string{"referred", "signposted"}, mode), "connections", []string{"Referred", "Signposted"}, mode),
		Caption: "Connections by kind of community offer and how the person was connected: referred (actively connected) or signposted.",
		First:   "Kind of offer", Head: []string{"Connections", "Referred", "Signposted", "People"}, Rows: mrows, Notes: notes,
	}
	v.Community.Attended = &figure{
		Chart: Bars("chart-attended", "Referred connections and those the person attended, by kind of offer",
			describeBars("Referred connections and those attended, by kind of offer", []string{"referred", "attended"}, att), "referred connections", []string{"Referred", "Referred and attended"}, att),
		Caption: "Attended against referred: of the connections made by referral, those the person went to at least once.",
		First:   "Kind of offer", Head: []string{"Referred", "Referred and attended", "Share attended", "All attended", "People attending"}, Rows: arows,
		Notes: []string{"A connection counts as attended when the person went at least once (attended, ongoing or stopped). In all: " +
			f.count("/community/referredAttended", int64(c.ReferredAttended)) + " of " + f.count("/community/referred", int64(c.Referred)) + " referred connections attended."},
	}
	other := c.Connections - c.Green
	hideOther := f.hidden("/community/connections") || f.hidden("/community/green")
	otherText := Thousands(int64(other))
	if hideOther {
		otherText = "hidden"
	}
	green := []BarRow{
		{Label: "Green social prescribing", Values: []float64{float64(c.Green)}, Hidden: []bool{f.hidden("/community/green")}, Texts: []string{f.count("/community/green", int64(c.Green))}},
		{Label: "Other offers", Values: []float64{float64(other)}, Hidden: []bool{hideOther}, Texts: []string{otherText}},
	}
	gshare := share(f, "/community/green", "/community/connections", c.Green, c.Connections)
	v.Community.Green = &figure{
		Chart: Bars("chart-green", "Share of connections that are green social prescribing: "+gshare,
			describeBars("Connections to green social prescribing and to other offers; green share "+gshare, []string{"connections"}, green), "connections", []string{"Connections"}, green),
		Caption: "Green social prescribing (gardening, nature activity, walking groups and other offers outdoors): " + gshare + " of connections.",
		First:   "Offers", Head: []string{"Connections", "Share"},
		Rows: []row{
			{"Green social prescribing", []string{f.count("/community/green", int64(c.Green)), gshare}},
			{"All connections", []string{f.count("/community/connections", int64(c.Connections)), "100%"}},
		},
	}
	// Providers: those with the most connections first, at most MaxProviders.
	idx := make([]int, len(c.ByProvider))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(c.ByProvider[b].Connections, c.ByProvider[a].Connections) })
	for _, i := range idx[:min(len(idx), MaxProviders)] {
		p := c.ByProvider[i]
		pp := "/community/byProvider/" + strconv.Itoa(i)
		v.Community.Providers = append(v.Community.Providers, row{p.Provider, []string{
			f.count(pp+"/connections", int64(p.Connections)), f.count(pp+"/referred", int64(p.Referred)),
			f.count(pp+"/attended", int64(p.Attended)), f.count(pp+"/people", int64(p.People)), f.count(pp+"/peopleAttending", int64(p.PeopleAttending)),
		}})
	}
	if n := len(c.ByProvider) - MaxProviders; n > 0 {
		v.Community.More = fmt.Sprintf("and %s more providers; %s of %s providers received at least one person.", Thousands(int64(n)),
			f.count("/community/providersReceiving", int64(c.ProvidersReceiving)), Thousands(int64(len(c.ByProvider))))
	} else {
		v.Community.More = fmt.Sprintf("%s of %s providers received at least one person.",
			f.count("/community/providersReceiving", int64(c.ProvidersReceiving)), Thousands(int64(len(c.ByProvider))))
	}
}

// share formats part of whole as a per cent, or "hidden" when either is hidden.
func share(f numbers, partPtr, wholePtr string, part, whole int) string {
	if f.hidden(partPtr) || f.hidden(wholePtr) {
		return "hidden"
	}
	if whole == 0 {
		return "none"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}

// describe is the description of a forest chart for screen readers: each row's label and value.
func describe(what string, rows []ForestRow) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		s := r.Label + " " + r.Value
		if r.HasCI && !r.Hidden {
			s += fmt.Sprintf(" (95%% CI %+.2f to %+.2f)", r.Low, r.High)
		}
		if r.Note != "" {
			s += ", " + r.Note
		}
		parts[i] = s
	}
	return what + ": " + strings.Join(parts, "; ") + "."
}

// describeBars is the description of a bar chart for screen readers.
func describeBars(what string, series []string, rows []BarRow) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		var vs []string
		for k, t := range r.Texts {
			name := ""
			if k < len(series) && len(series) > 1 {
				name = series[k] + " "
			}
			vs = append(vs, name+t)
		}
		parts[i] = r.Label + ": " + strings.Join(vs, ", ")
	}
	return what + ". " + strings.Join(parts, "; ") + "."
}

var outcomesBody = template.Must(template.New("outcomes").Parse(`
{{- define "figure"}}
<figure>
<figcaption>{{.Caption}}</figcaption>
{{.Chart.HTML}}
</figure>
<div class="table-wrap"><table>
<caption>The numbers of the chart: {{.Chart.Title}}</caption>
<thead><tr><th scope="col">{{.First}}</th>{{range .Head}}<th scope="col" class="num">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="num">{{.}}</td>{{end}}</tr>{{end}}</tbody>
</table></div>
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
{{- end}}
{{- with .Hidden}}
<p class="warning">{{.}}</p>
{{- end}}
<p class="note">The split of this report into impact on the person, on the health and care system and on community groups is widely used, but is not confirmed as NHS England text.</p>
<section id="person">
<h2>Impact on the person</h2>
<p>{{.Person.Summary}}</p>
{{- with .Person.ONS4}}{{template "figure" .}}{{end}}
{{- range .Person.Exclusion}}
<p class="note">{{.}}</p>
{{- end}}
{{- if .Person.Bands}}
<h3>ONS4 bands, baseline and follow-up</h3>
{{- range .Person.Bands}}{{template "figure" .}}{{end}}
{{- end}}
{{- with .Person.Others}}
<h3>SWEMWBS, WEMWBS and UCLA-3</h3>
{{template "figure" .}}
{{- end}}
</section>
<section id="system">
<h2>Impact on the health and care system</h2>
<p>{{.System.Summary}}</p>
<p class="note">The change measured, not an effect.</p>
{{- with .System.Use}}{{template "figure" .}}{{end}}
</section>
<section id="community">
<h2>Impact on community groups</h2>
<p>{{.Community.Summary}}</p>
{{- with .Community.Mode}}{{template "figure" .}}{{end}}
{{- with .Community.Attended}}
<h3>Attended against referred</h3>
{{template "figure" .}}
{{- end}}
{{- with .Community.Green}}
<h3>Green social prescribing</h3>
{{template "figure" .}}
{{- end}}
{{- if .Community.Providers}}
<h3>Providers</h3>
<div class="table-wrap"><table>
<caption>Providers with the most connections</caption>
<thead><tr><th scope="col">Provider</th><th scope="col" class="num">Connections</th><th scope="col" class="num">Referred</th><th scope="col" class="num">Attended</th><th scope="col" class="num">People</th><th scope="col" class="num">People attending</th></tr></thead>
<tbody>{{range .Community.Providers}}<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="num">{{.}}</td>{{end}}</tr>{{end}}</tbody>
</table></div>
<p class="note">{{.Community.More}}</p>
{{- end}}
</section>
<section id="episodes">
<h2>Episodes</h2>
<div class="table-wrap"><table>
<caption>Episodes by the state of their referral</caption>
<thead><tr><th scope="col">State</th><th scope="col" class="num">Episodes</th></tr></thead>
<tbody>{{range .States}}<tr><th scope="row">{{.Label}}</th>{{range .Cells}}<td class="num">{{.}}</td>{{end}}</tr>{{end}}</tbody>
</table></div>
</section>
`))
