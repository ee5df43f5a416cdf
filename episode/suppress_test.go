package episode

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/socialprescribing/go-socialprescribing/outcomes"

	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// tree decodes JSON keeping numbers exact.
func tree(t interface{ Fatal(...any) }, b []byte) any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// at returns the value at a JSON Pointer (no escapes: the report's keys have none).
func at(v any, ptr string) (any, bool) {
	for _, tok := range strings.Split(ptr, "/")[1:] {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// smallInts lists the pointers of the counts from 1 to n−1 in a report's JSON: every integer but
// the suppression record, intervals, and the statistics that can happen to be whole (means, shares,
// rates, changes).
func smallInts(v any, ptr string, n int64, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if k == "suppression" || k == "ci95" || k == "change" || k == "percentChange" ||
				strings.HasPrefix(k, "mean") || strings.HasPrefix(k, "share") || strings.HasSuffix(k, "Per30Days") {
				continue
			}
			smallInts(c, ptr+"/"+k, n, out)
		}
	case []any:
		for i, c := range x {
			smallInts(c, ptr+"/"+strconv.Itoa(i), n, out)
		}
	case json.Number:
		if i, err := x.Int64(); err == nil && i >= 1 && i < n {
			out[ptr] = true
		}
	}
}

// TestSuppression: with threshold N, no count from 1 to N−1 is left in the JSON document, nothing
// computed from a hidden count is left, every hidden value is absent and listed, nothing else is
// changed, and the suppressed document decodes strictly and encodes back to the same bytes.
func TestSuppression(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eps := genEpisodes().Draw(t, "episodes")
		n := rapid.IntRange(2, 12).Draw(t, "threshold")
		plain, err := NewReportWith(eps, ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		hid, err := NewReportWith(eps, ReportOptions{Suppress: n})
		if err != nil {
			t.Fatal(err)
		}
		pb, _ := json.Marshal(plain)
		hb, err := json.Marshal(hid)
		if err != nil {
			t.Fatal(err)
		}
		pt, ht := tree(t, pb), tree(t, hb)
		if hid.Suppression == nil || hid.Suppression.Threshold != n {
			t.Fatalf("suppression = %+v, want threshold %d", hid.Suppression, n)
		}
		hidden := map[string]bool{}
		for _, p := range hid.Suppression.Hidden {
			hidden[p] = true
			if _, ok := at(pt, p); !ok {
				t.Fatalf("hidden %s is not in the plain report", p)
			}
			if _, ok := at(ht, p); ok {
				t.Fatalf("hidden %s is still in the document", p)
			}
		}
		small := map[string]bool{}
		smallInts(pt, "", int64(n), small)
		under := func(p string) bool { // p or an object or array holding it is hidden
			for ; p != ""; p = p[:strings.LastIndex(p, "/")] {
				if hidden[p] {
					return true
				}
			}
			return false
		}
		for p := range small {
			if !under(p) {
				t.Fatalf("count %s is below %d and not hidden", p, n)
			}
		}
		// Statistics of a scale with a hidden n are hidden with it.
		for _, p := range hid.Suppression.Hidden {
			if scale, ok := strings.CutSuffix(p, "/n"); ok && strings.Contains(p, "/scales/") {
				for _, f := range []string{"meanBaseline", "meanFollowUp", "meanChange", "improved", "shareImproved", "shareWorsened"} {
					if _, ok := at(ht, scale+"/"+f); ok {
						t.Fatalf("%s/%s shown although n is hidden", scale, f)
					}
				}
			}
		}
		// Everything not hidden is as in the plain report.
		var walk func(v any, ptr string)
		walk = func(v any, ptr string) {
			switch x := v.(type) {
			case map[string]any:
				for k, c := range x {
					walk(c, ptr+"/"+k)
				}
			case []any:
				for i, c := range x {
					walk(c, ptr+"/"+strconv.Itoa(i))
				}
			default:
				if strings.HasPrefix(ptr, "/suppression") {
					return
				}
				if pv, ok := at(pt, ptr); !ok || pv != v {
					t.Fatalf("%s is %v, the plain report has %v", ptr, v, pv)
				}
			}
		}
		walk(ht, "")
		// Round trip.
		var back Report
		if err := sp.Decode(hb, &back); err != nil {
			t.Fatalf("the suppressed document does not decode: %v", err)
		}
		bb, _ := json.Marshal(back)
		if !bytes.Equal(bb, hb) {
			t.Fatalf("round trip changed the document:\n%s\n%s", hb, bb)
		}
		// The text shows no hidden count.
		if txt := hid.Text(); !strings.Contains(txt, "small numbers hidden") {
			t.Fatalf("text does not say numbers are hidden:\n%s", txt)
		}
	})
}

func TestReportOptions(t *testing.T) {
	eps := fixtureCohort(t)
	all := NewReport(eps)
	if all.Suppression != nil || all.Exclusions != (Exclusions{}) {
		t.Errorf("no options: suppression %v, exclusions %+v", all.Suppression, all.Exclusions)
	}
	// A period of one day: the episodes received that day are reported, the rest excluded.
	day := eps[0].Referral.Received
	want := 0
	for _, e := range eps {
		if e.Referral.Received == day {
			want++
		}
	}
	r, err := NewReportWith(eps, ReportOptions{From: day, To: day, Invalid: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Episodes != want || r.Exclusions.OutsidePeriod != len(eps)-want || r.Exclusions.Invalid != 3 ||
		r.Exclusions.PeriodFrom != day || r.Exclusions.PeriodTo != day {
		t.Errorf("period %s: %d episodes, exclusions %+v; want %d episodes, %d outside, 3 invalid", day, r.Episodes, r.Exclusions, want, len(eps)-want)
	}
	// An open-ended period keeps everything on or after From.
	r, _ = NewReportWith(eps, ReportOptions{From: day})
	for _, e := range eps {
		if e.Referral.Received.Before(day) {
			want := len(eps) - r.Episodes
			if r.Exclusions.OutsidePeriod != want {
				t.Errorf("from %s: %d outside, want %d", day, r.Exclusions.OutsidePeriod, want)
			}
			break
		}
	}
	for _, o := range []ReportOptions{
		{From: day.AddDays(1), To: day},
		{Suppress: -1},
		{Invalid: -1},
	} {
		if _, err := NewReportWith(eps, o); !errors.Is(err, sp.ErrInvalid) {
			t.Errorf("options %+v: err = %v, want ErrInvalid", o, err)
		}
	}
	// A threshold of 0 or 1 hides nothing.
	for _, n := range []int{0, 1} {
		if r, _ := NewReportWith(eps, ReportOptions{Suppress: n}); r.Suppression != nil {
			t.Errorf("threshold %d: suppression %+v, want none", n, r.Suppression)
		}
	}
}

// A count below the threshold is shown as <N in the text, never as its value.
func TestSuppressionText(t *testing.T) {
	eps := fixtureCohort(t)
	r, _ := NewReportWith(eps, ReportOptions{Suppress: 1000})
	txt := r.Text()
	if !strings.Contains(txt, "Common outcomes report: <1000 episodes") {
		t.Errorf("text:\n%s", txt)
	}
	if strings.Contains(txt, "mean ") && !strings.Contains(txt, "mean hidden") {
		t.Errorf("a mean is shown although every n is hidden:\n%s", txt)
	}
}

// TestReportWholeMonthsProperty: with no period asked for, the report covers whole months, from the
// first day of the month of the earliest referral received to the last day of the month of the
// latest (computed here with package time), and never heads with a person's own received date
// unless it is such a day.
func TestReportWholeMonthsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eps := genEpisodes().Draw(t, "episodes")
		var lo, hi time.Time
		for _, e := range eps {
			d := e.Referral.Received
			if !d.IsValid() {
				continue
			}
			tm := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
			if lo.IsZero() || tm.Before(lo) {
				lo = tm
			}
			if hi.IsZero() || tm.After(hi) {
				hi = tm
			}
		}
		r := NewReport(eps)
		if lo.IsZero() {
			if r.From.IsValid() || r.To.IsValid() {
				t.Fatalf("no received date, yet the report covers %s to %s", r.From, r.To)
			}
			return
		}
		from := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		to := time.Date(hi.Year(), hi.Month()+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		if r.From.String() != from || r.To.String() != to {
			t.Fatalf("report covers %s to %s; want %s to %s (received %s to %s)", r.From, r.To, from, to,
				lo.Format(time.DateOnly), hi.Format(time.DateOnly))
		}
	})
}

// TestReportPeriodProperty: with a period, every episode is either reported or counted outside it,
// and the report is that of exactly the episodes received within it.
func TestReportPeriodProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eps := genEpisodes().Draw(t, "episodes")
		day0 := sp.MustParseDate("2024-01-01")
		from := day0.AddDays(rapid.IntRange(0, 365).Draw(t, "from"))
		to := from.AddDays(rapid.IntRange(0, 200).Draw(t, "length"))
		var in []Episode
		for _, e := range eps {
			if d := e.Referral.Received; !d.Before(from) && !d.After(to) {
				in = append(in, e)
			}
		}
		r, err := NewReportWith(eps, ReportOptions{From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		if r.Episodes+r.Exclusions.OutsidePeriod != len(eps) || r.Episodes != len(in) {
			t.Fatalf("%d reported + %d outside, of %d; %d within", r.Episodes, r.Exclusions.OutsidePeriod, len(eps), len(in))
		}
		if r.From != from || r.To != to {
			t.Fatalf("report heads %s to %s; want the period asked for, %s to %s", r.From, r.To, from, to)
		}
		want := NewReport(in)
		want.Exclusions = r.Exclusions
		want.From, want.To = r.From, r.To
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Fatalf("the report of the period differs from the report of its episodes:\n%s\n%s", a, b)
		}
	})
}

// TestSuppressionHiddenByRule: a count hidden only because its group is small is shown as "hidden",
// not as "<N", which would say it is small. In the fixtures GP consultations have 1 episode, 9 uses
// before and 5 after (episode.completed.json): at threshold 3 the episodes are below it and the uses
// are not.
func TestSuppressionHiddenByRule(t *testing.T) {
	r, err := NewReportWith(fixtureCohort(t), ReportOptions{Suppress: 3})
	if err != nil {
		t.Fatal(err)
	}
	const svc = "/system/serviceUse/services/0"
	if got := r.System.ServiceUse.Services; len(got) == 0 || got[0].Service != outcomes.ServiceGPConsultations {
		t.Fatalf("services: %+v", got)
	}
	s := r.Suppression
	if !s.Below(svc+"/episodes") || s.Below(svc+"/before") || s.Below(svc+"/after") || !s.Hides(svc+"/before") || !s.Hides(svc+"/after") {
		t.Errorf("small %v, hidden %v", s.Small, s.Hidden)
	}
	for _, p := range s.Small {
		if !s.Hides(p) {
			t.Errorf("%s listed as small but not hidden", p)
		}
	}
	if txt := r.Text(); !strings.Contains(txt, "gp-consultations        <3 episodes, hidden before, hidden after") {
		t.Errorf("text:\n%s", txt)
	}
}
