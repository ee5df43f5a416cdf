package episode

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

// Suppression records the small numbers hidden in a report, as published statistics hide them so
// that no one can be picked out of a small count.
//
// With threshold N, every count of the report from 1 to N − 1 is hidden (a zero is shown: it
// picks no one out): counts of episodes, people, records, measurements, connections, providers and
// service uses. A statistic computed from a hidden count is hidden with it: all the statistics of a
// scale whose n is hidden (means, change, confidence interval, improved, worsened, unchanged and the
// shares), a share whose count is hidden, and every figure of a service line whose number of episodes
// is hidden, or the counts, change and rates of a window whose count is hidden.
//
// This is primary suppression only: a hidden count can sometimes be worked out from the totals
// shown beside it (a total less the other parts). Apply the local disclosure rule, which may ask
// for more, before publishing.
//
// A hidden value is zero (or nil) in Go and absent from the report's JSON document, and its JSON
// Pointer is listed in Hidden, so neither a person nor a program can mistake it for a measured zero.
// Small lists those of them that were themselves a count from 1 to Threshold − 1 (shown as "<N");
// the others were hidden with a count they are computed from or belong with, whatever their value
// (shown as "hidden"), and may be larger.
type Suppression struct {
	// Threshold is the smallest count shown; counts from 1 to Threshold − 1 are hidden.
	Threshold int `json:"threshold"`
	// Hidden lists the JSON Pointers of the values hidden, sorted.
	Hidden []string `json:"hidden"`
	// Small lists, sorted, the JSON Pointers among Hidden of the counts that were from 1 to
	// Threshold − 1.
	Small []string `json:"small"`
}

// Hides reports whether the value at the JSON Pointer ptr was hidden. A nil Suppression hides
// nothing.
func (s *Suppression) Hides(ptr string) bool {
	if s == nil {
		return false
	}
	_, found := slices.BinarySearch(s.Hidden, ptr)
	return found
}

// Below reports whether the value at the JSON Pointer ptr was hidden as a count from 1 to
// Threshold − 1, rather than with another count. A nil Suppression hides nothing.
func (s *Suppression) Below(ptr string) bool {
	if s == nil {
		return false
	}
	_, found := slices.BinarySearch(s.Small, ptr)
	return found
}

// suppress hides the small numbers of rep at threshold n (2 or more).
func suppress(rep *Report, n int) {
	w := suppressor{n: n}
	w.walk(reflect.ValueOf(rep).Elem(), "")
	slices.Sort(w.hidden)
	w.hidden = slices.Compact(w.hidden)
	slices.Sort(w.below)
	w.below = slices.Compact(w.below)
	rep.Suppression = &Suppression{Threshold: n, Hidden: w.hidden, Small: w.below}
	if w.hidden == nil {
		rep.Suppression.Hidden = []string{}
	}
	if w.below == nil {
		rep.Suppression.Small = []string{}
	}
}

type suppressor struct {
	n      int
	hidden []string
	below  []string // the hidden counts that were small themselves
}

func (w *suppressor) small(v int64) bool { return v >= 1 && v < int64(w.n) }

var (
	scaleType   = reflect.TypeFor[outcomes.ScaleSummary]()
	serviceType = reflect.TypeFor[outcomes.ServiceCohortChange]()
	reportType  = reflect.TypeFor[Report]()
)

// walk visits v at JSON Pointer path, hiding small counts and what is computed from them.
func (w *suppressor) walk(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), path)
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.walk(v.Index(i), path+"/"+strconv.Itoa(i))
		}
	case reflect.Int, reflect.Int64:
		if w.small(v.Int()) {
			w.hide(v, path)
		}
	case reflect.Struct:
		var also map[string]bool // fields hidden by a rule of the struct's type
		switch v.Type() {
		case scaleType:
			also = w.scaleRule(v.Addr().Interface().(*outcomes.ScaleSummary))
		case serviceType:
			also = w.serviceRule(v.Addr().Interface().(*outcomes.ServiceCohortChange))
		}
		w.fields(v, path, also)
	}
}

// fields walks the fields of struct v, flattening embedded structs as encoding/json does.
func (w *suppressor) fields(v reflect.Value, path string, also map[string]bool) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			w.fields(v.Field(i), path, also)
			continue
		}
		if name == "-" || (t == reportType && (name == "suppression" || name == "framework")) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := path + "/" + name
		if also[name] {
			w.hide(v.Field(i), p)
			continue
		}
		if f.Type == reflect.TypeFor[*outcomes.Interval]() {
			continue // hidden with its scale's n, or shown whole
		}
		w.walk(v.Field(i), p)
	}
}

// hide zeroes v and records its pointer, and whether it was a small count.
func (w *suppressor) hide(v reflect.Value, path string) {
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Slice) && v.IsNil() {
		return // absent already
	}
	if (v.Kind() == reflect.Int || v.Kind() == reflect.Int64) && w.small(v.Int()) {
		w.below = append(w.below, path)
	}
	v.Set(reflect.Zero(v.Type()))
	w.hidden = append(w.hidden, path)
}

// scaleRule returns the fields of a scale's statistics that a small count hides.
func (w *suppressor) scaleRule(s *outcomes.ScaleSummary) map[string]bool {
	if w.small(int64(s.N)) {
		return map[string]bool{"n": true, "meanBaseline": true, "meanFollowUp": true, "meanChange": true, "ci95": true,
			"improved": true, "worsened": true, "unchanged": true, "shareImproved": true, "shareWorsened": true, "bands": true}
	}
	m := map[string]bool{}
	if w.small(int64(s.Improved)) {
		m["improved"], m["shareImproved"] = true, true
	}
	if w.small(int64(s.Worsened)) {
		m["worsened"], m["shareWorsened"] = true, true
	}
	return m
}

// serviceRule returns the fields of a service line that a small count hides.
func (w *suppressor) serviceRule(s *outcomes.ServiceCohortChange) map[string]bool {
	all := []string{"before", "after", "change", "beforeDays", "afterDays", "beforePer30Days", "afterPer30Days",
		"changePer30Days", "percentChange", "episodes"}
	m := map[string]bool{}
	add := func(names ...string) {
		for _, n := range names {
			m[n] = true
		}
	}
	if w.small(int64(s.Episodes)) {
		add(all...)
		return m
	}
	if w.small(s.Before) || w.small(s.BeforeDays) {
		add("before", "beforeDays", "beforePer30Days", "change", "changePer30Days", "percentChange")
	}
	if w.small(s.After) || w.small(s.AfterDays) {
		add("after", "afterDays", "afterPer30Days", "change", "changePer30Days", "percentChange")
	}
	return m
}

// reportJSON is Report without its methods, so that MarshalJSON does not call itself.
type reportJSON Report

// MarshalJSON encodes the report as encoding/json would, leaving out every value listed as hidden
// in its [Suppression].
func (r Report) MarshalJSON() ([]byte, error) {
	data, err := json.Marshal(reportJSON(r))
	if err != nil || r.Suppression == nil || len(r.Suppression.Hidden) == 0 {
		return data, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out bytes.Buffer
	out.Grow(len(data))
	if err := copyValue(dec, &out, "", r.Suppression); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// copyValue copies one JSON value from dec to out, leaving out the object members s hides.
func copyValue(dec *json.Decoder, out *bytes.Buffer, path string, s *Suppression) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		out.WriteByte(byte(t))
		first := true
		for i := 0; dec.More(); i++ {
			p := path + "/" + strconv.Itoa(i)
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key := k.(string)
				p = sp.JoinPointer(path, key)
				if s.Hides(p) {
					var skip json.RawMessage
					if err := dec.Decode(&skip); err != nil {
						return err
					}
					continue
				}
				if !first {
					out.WriteByte(',')
				}
				b, _ := json.Marshal(key)
				out.Write(b)
				out.WriteByte(':')
			} else if !first {
				out.WriteByte(',')
			}
			first = false
			if err := copyValue(dec, out, p, s); err != nil {
				return err
			}
		}
		end, err := dec.Token()
		if err != nil {
			return err
		}
		out.WriteByte(byte(end.(json.Delim)))
	case json.Number:
		out.WriteString(t.String())
	case nil:
		out.WriteString("null")
	default:
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		out.Write(b)
	}
	return nil
}
