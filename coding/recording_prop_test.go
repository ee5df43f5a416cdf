package coding_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

var base = sp.MustParseDate("2024-02-20")

// genRecord draws an activity record from a small world (three episodes, a few weeks, four codes) so
// that episodes share records, dates collide and deadlines fall on both sides of asOf; now and then
// the record is invalid.
func genRecord(episodes ...string) *rapid.Generator[coding.ActivityRecord] {
	return rapid.Custom(func(t *rapid.T) coding.ActivityRecord {
		r := coding.ActivityRecord{
			EpisodeID:   rapid.SampledFrom(episodes).Draw(t, "episode"),
			Kind:        rapid.SampledFrom(append(coding.ActivityKinds(), "bogus")).Draw(t, "event"),
			WorkerRole:  rapid.SampledFrom(sp.ARRSRoles()).Draw(t, "role"),
			ContactDate: base.AddDays(rapid.IntRange(0, 20).Draw(t, "contact")),
		}
		if rapid.IntRange(0, 3).Draw(t, "coded") > 0 {
			r.CodedOn = r.ContactDate.AddDays(rapid.IntRange(-1, 12).Draw(t, "delay"))
			r.Codes = rapid.SliceOfN(rapid.SampledFrom([]coding.SCTID{refCode, decCode, swemwbs, selfRefl}), 0, 3).Draw(t, "codes")
		} else if rapid.IntRange(0, 9).Draw(t, "codes without date") == 0 {
			r.Codes = []coding.SCTID{refCode}
		}
		return r
	})
}

// genRecords draws up to a dozen records and then near-copies of some of them (same episode, dates
// and event; another role or other codes), the ties that order-dependent code gets wrong.
func genRecords() *rapid.Generator[[]coding.ActivityRecord] {
	return rapid.Custom(func(t *rapid.T) []coding.ActivityRecord {
		rs := rapid.SliceOfN(genRecord("EP-1", "EP-2", "EP-3", ""), 0, 12).Draw(t, "records")
		for range rapid.IntRange(0, 3).Draw(t, "near copies") {
			if len(rs) == 0 {
				break
			}
			c := rs[rapid.IntRange(0, len(rs)-1).Draw(t, "copy of")]
			c.WorkerRole = rapid.SampledFrom(sp.ARRSRoles()).Draw(t, "copy role")
			c.Codes = slices.Clone(c.Codes)
			for i := range c.Codes {
				if c.Codes[i] != refCode {
					c.Codes[i] = rapid.SampledFrom([]coding.SCTID{decCode, swemwbs, selfRefl}).Draw(t, "copy code")
				}
			}
			if len(c.Codes) > 1 && rapid.Bool().Draw(t, "reverse codes") {
				slices.Reverse(c.Codes)
			}
			rs = append(rs, c)
		}
		return rs
	})
}

func genAsOf() *rapid.Generator[sp.Date] {
	return rapid.Custom(func(t *rapid.T) sp.Date { return base.AddDays(rapid.IntRange(0, 40).Draw(t, "asOf")) })
}

// recordIndex returns the record index at the start of a finding's path and the rest of the path.
func recordIndex(t *rapid.T, path string) (int, string) {
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		t.Fatalf("path %q does not point into the records", path)
	}
	num, tail, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(num)
	if err != nil {
		t.Fatalf("path %q does not start with a record index", path)
	}
	if tail != "" {
		tail = "/" + tail
	}
	return i, tail
}

// byContent replaces the record index in each finding's path with the record itself, so that the
// findings of two orderings of the same records can be compared; identical records become one key.
func byContent(t *rapid.T, records []coding.ActivityRecord, fs []sp.Finding) []sp.Finding {
	out := make([]sp.Finding, len(fs))
	for k, f := range fs {
		i, tail := recordIndex(t, f.Path)
		f.Path = fmt.Sprintf("%v", records[i]) + tail
		out[k] = f
	}
	return sp.SortFindings(out)
}

var ruleSeverity = map[string]sp.Severity{
	coding.RuleInvalidRecord:     sp.SeverityError,
	coding.RuleMissingCode:       sp.SeverityError,
	coding.RuleWrongCode:         sp.SeverityError,
	coding.RuleReferralNotFirst:  sp.SeverityError,
	coding.RuleAdministrative:    sp.SeverityError,
	coding.RuleDuplicateReferral: sp.SeverityError,
	coding.RuleWrongRole:         sp.SeverityError,
	coding.RuleLateRecording:     sp.SeverityWarning,
	coding.RuleOverdue:           sp.SeverityError,
	coding.RuleCodeDue:           sp.SeverityInfo,
}

func TestPropertyCheckRecordingDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := genRecords().Draw(t, "records")
		asOf := genAsOf().Draw(t, "asOf")
		a := coding.CheckRecording(records, asOf)
		b := coding.CheckRecording(records, asOf)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two runs differ (-first +second):\n%s", diff)
		}
		if !slices.IsSortedFunc(a, sp.CompareFindings) {
			t.Fatalf("findings not sorted: %v", a)
		}
	})
}

func TestPropertyCheckRecordingOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := genRecords().Draw(t, "records")
		asOf := genAsOf().Draw(t, "asOf")
		perm := rapid.Permutation(records).Draw(t, "permutation")
		a := byContent(t, records, coding.CheckRecording(records, asOf))
		b := byContent(t, perm, coding.CheckRecording(perm, asOf))
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("findings depend on the order of the records (-original +permuted):\n%s", diff)
		}
	})
}

func TestPropertyCheckRecordingFindingsWellFormed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := genRecords().Draw(t, "records")
		asOf := genAsOf().Draw(t, "asOf")
		for _, f := range coding.CheckRecording(records, asOf) {
			sev, ok := ruleSeverity[f.Rule]
			if !ok {
				t.Fatalf("finding with a rule that is not an exported Rule constant: %v", f)
			}
			if f.Severity != sev {
				t.Fatalf("finding %v has severity %s, want %s", f, f.Severity, sev)
			}
			i, tail := recordIndex(t, f.Path)
			if i < 0 || i >= len(records) {
				t.Fatalf("finding %v points past the %d records", f, len(records))
			}
			if f.Subject != records[i].EpisodeID {
				t.Fatalf("finding %v: subject %q, want the record's episode id %q", f, f.Subject, records[i].EpisodeID)
			}
			if tail != "" && tail != "/codes" && tail != "/codedOn" {
				t.Fatalf("finding %v: path %q is not a field of the record", f, f.Path)
			}
			if err := f.Validate(); err != nil {
				t.Fatalf("finding %v does not validate: %v", f, err)
			}
			if (f.Rule == coding.RuleInvalidRecord) != (records[i].Validate() != nil) {
				t.Fatalf("finding %v on a record whose Validate() = %v", f, records[i].Validate())
			}
		}
	})
}

// A record of ongoing or administrative activity without either social prescribing code never has a
// coding finding: at most that it was coded late, or that it is invalid.
func TestPropertyNoSocialPrescribingCodeOnOngoingOrAdmin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := genRecords().Draw(t, "records")
		asOf := genAsOf().Draw(t, "asOf")
		quiet := map[int]bool{}
		for i, r := range records {
			if (r.Kind == ongoing || r.Kind == admin) && !slices.Contains(r.Codes, refCode) && !slices.Contains(r.Codes, decCode) {
				quiet[i] = true
			}
		}
		for _, f := range coding.CheckRecording(records, asOf) {
			i, _ := recordIndex(t, f.Path)
			if quiet[i] && f.Rule != coding.RuleLateRecording && f.Rule != coding.RuleInvalidRecord {
				t.Fatalf("finding %v on record %+v, which has no social prescribing code", f, records[i])
			}
		}
	})
}

// A link worker's acceptance coded with 871731000000106 once, within the week, as the only referral
// code of its episode, has no finding, whatever other records surround it.
func TestPropertyCorrectAcceptanceHasNoFinding(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		others := rapid.SliceOfN(genRecord("EP-2", "EP-3", ""), 0, 10).Draw(t, "others")
		good := coding.ActivityRecord{
			EpisodeID:   "EP-1",
			Kind:        accepted,
			WorkerRole:  lw,
			ContactDate: base.AddDays(rapid.IntRange(0, 20).Draw(t, "contact")),
		}
		good.CodedOn = good.ContactDate.AddDays(rapid.IntRange(0, 7).Draw(t, "delay"))
		good.Codes = []coding.SCTID{refCode}
		if rapid.Bool().Draw(t, "score code too") {
			good.Codes = append(good.Codes, swemwbs)
		}
		// Later ongoing contacts of the same episode, correctly without the referral code.
		for range rapid.IntRange(0, 3).Draw(t, "later contacts") {
			c := good.ContactDate.AddDays(rapid.IntRange(1, 30).Draw(t, "later"))
			others = append(others, coding.ActivityRecord{EpisodeID: "EP-1", Kind: ongoing, WorkerRole: lw, ContactDate: c})
		}
		at := rapid.IntRange(0, len(others)).Draw(t, "position")
		records := slices.Insert(slices.Clone(others), at, good)
		for _, f := range coding.CheckRecording(records, genAsOf().Draw(t, "asOf")) {
			if i, _ := recordIndex(t, f.Path); i == at {
				t.Fatalf("finding %v on a correctly coded acceptance", f)
			}
			if f.Subject == "EP-1" {
				t.Fatalf("finding %v in the correctly coded episode", f)
			}
		}
	})
}

// Every record with the referral code in an episode but the first is flagged as a duplicate: in each
// episode, the number of records flagged is the number of records carrying the code, less one.
func TestPropertyDuplicateReferralCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		records := genRecords().Draw(t, "records")
		carrying := map[string]int{}
		extra := map[string]int{}
		for _, r := range records {
			if r.Validate() != nil {
				continue
			}
			n := 0
			for _, c := range r.Codes {
				if c == refCode {
					n++
				}
			}
			if n > 0 {
				carrying[r.EpisodeID]++
			}
			if n > 1 {
				extra[r.EpisodeID]++ // a record with the code twice is flagged even if it is the first
			}
		}
		flagged := map[string]int{}
		for _, f := range coding.CheckRecording(records, genAsOf().Draw(t, "asOf")) {
			if f.Rule == coding.RuleDuplicateReferral {
				flagged[f.Subject]++
			}
		}
		for ep, n := range carrying {
			lo, hi := n-1, n-1+extra[ep]
			if hi > n {
				hi = n
			}
			if flagged[ep] < lo || flagged[ep] > hi {
				t.Fatalf("episode %s: %d records carry the referral code, %d flagged as duplicates, want %d to %d", ep, n, flagged[ep], lo, hi)
			}
		}
		for ep, n := range flagged {
			if carrying[ep] == 0 {
				t.Fatalf("episode %s: %d duplicate findings but no record carries the code", ep, n)
			}
		}
	})
}

// An uncoded record that needs a code gets exactly one of code-due and overdue, by asOf against the
// deadline.
func TestPropertyDueOrOverdue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := coding.ActivityRecord{
			EpisodeID:   "EP-1",
			Kind:        rapid.SampledFrom([]coding.ActivityKind{accepted, declined}).Draw(t, "event"),
			WorkerRole:  lw,
			ContactDate: base.AddDays(rapid.IntRange(0, 20).Draw(t, "contact")),
		}
		asOf := genAsOf().Draw(t, "asOf")
		got := summarise(coding.CheckRecording([]coding.ActivityRecord{r}, asOf))
		// The deadline by hand: seven days after the contact.
		want := []found{{coding.RuleCodeDue, I, "EP-1", "/0/codedOn"}}
		if r.ContactDate.DaysUntil(asOf) > 7 {
			want = []found{{coding.RuleOverdue, E, "EP-1", "/0/codedOn"}}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("contact %s as of %s (-want +got):\n%s", r.ContactDate, asOf, diff)
		}
	})
}
