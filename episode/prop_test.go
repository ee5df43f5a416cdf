package episode

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// TestGeneratedEpisodesValid holds the generator to its promise, so that the properties below run on
// valid episodes: each passes Validate, and its JSON decodes strictly and validates again to the same
// value.
func TestGeneratedEpisodesValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode("ep-1").Draw(t, "episode")
		if err := e.Validate(); err != nil {
			t.Fatalf("generated episode not valid: %v", err)
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeValidate(b)
		if err != nil {
			t.Fatalf("re-decoded episode rejected: %v", err)
		}
		if d := cmp.Diff(e, back); d != "" {
			t.Fatalf("round trip changed the episode (-want +got):\n%s", d)
		}
	})
}

// TestEpisodeIDProperty: keying any one part of a valid episode to another id breaks rule
// "episode-id" at that part's episodeId, and nothing else.
func TestEpisodeIDProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode("ep-1").Draw(t, "episode").Clone()
		var paths []string
		if e.Plan != nil {
			paths = append(paths, "/plan/episodeId")
		}
		for i := range e.Measurements {
			paths = append(paths, "/measurements/"+strconv.Itoa(i)+"/episodeId")
		}
		if e.ServiceUse != nil {
			paths = append(paths, "/serviceUse/episodeId")
		}
		if len(paths) == 0 {
			t.Skip("nothing keyed to the episode")
		}
		path := rapid.SampledFrom(paths).Draw(t, "part")
		switch {
		case path == "/plan/episodeId":
			e.Plan.EpisodeID = "ep-2"
		case path == "/serviceUse/episodeId":
			e.ServiceUse.EpisodeID = "ep-2"
		default:
			i := 0
			for ; "/measurements/"+strconv.Itoa(i)+"/episodeId" != path; i++ {
			}
			e.Measurements[i].EpisodeID = "ep-2"
		}
		var ve *sp.ValidationError
		if err := e.Validate(); !errors.As(err, &ve) || len(ve.Errors) != 1 || !ve.Has(path, RuleEpisodeID) {
			t.Fatalf("got %v; want only %s at %s", err, RuleEpisodeID, path)
		}
	})
}

// jsonPaths returns the dotted paths of every key in a JSON document, array indices left out.
func jsonPaths(v any, prefix string, out map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out[p] = true
			jsonPaths(c, p, out)
		}
	case []any:
		for _, c := range x {
			jsonPaths(c, prefix, out)
		}
	}
}

// TestFeedbackWithholds: for every valid episode and recipient, the message's JSON holds no field it
// lists as withheld (nor anything below one); the outcomes group is present exactly when the person
// gave consent to the referral and to sharing outcomes; the referrer's message never holds the NHS
// number or date of birth; no message holds free text from the referral or the plan; and the message
// is valid and decodes strictly to itself.
func TestFeedbackWithholds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode("ep-1").Draw(t, "episode")
		to := rapid.SampledFrom(Recipients()).Draw(t, "recipient")
		f, err := NewFeedback(e, to, sp.MustParseDate("2025-06-30"))
		self := e.Referral.Referrer.Source == referral.SourceSelf
		if to == RecipientReferrer && self {
			if !errors.Is(err, ErrNoRecipient) {
				t.Fatalf("self-referral to the referrer: got %v, want ErrNoRecipient", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Validate(); err != nil {
			t.Fatalf("message built by NewFeedback is not valid: %v", err)
		}
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back Feedback
		if err := sp.Decode(b, &back); err != nil {
			t.Fatalf("message does not decode strictly: %v", err)
		}
		if d := cmp.Diff(f, back); d != "" {
			t.Fatalf("message changed in a round trip (-want +got):\n%s", d)
		}
		var tree any
		if err := json.Unmarshal(b, &tree); err != nil {
			t.Fatal(err)
		}
		present := map[string]bool{}
		jsonPaths(tree, "", present)
		for _, w := range f.Withheld {
			for p := range present {
				if p == string(w.Field) || strings.HasPrefix(p, string(w.Field)+".") {
					t.Fatalf("withheld field %s (%s) is present as %s:\n%s", w.Field, w.Reason, p, b)
				}
			}
		}
		c := e.Referral.Consent
		wantOutcomes := c.Referral == referral.ConsentStatusGiven && c.ShareOutcomes == referral.ConsentStatusGiven
		if got := f.Outcomes != nil; got != wantOutcomes {
			t.Fatalf("outcomes present %t with consent %+v", got, c)
		}
		if !wantOutcomes && !slices.ContainsFunc(f.Withheld, func(w Withheld) bool { return w.Field == "outcomes" }) {
			t.Fatalf("outcomes absent but not listed as withheld: %+v", f.Withheld)
		}
		s := string(b)
		if to == RecipientReferrer {
			if n := e.Referral.Person.NHSNumber; n.IsValid() && strings.Contains(s, n.Digits()) {
				t.Fatalf("referrer message holds the NHS number: %s", s)
			}
			if strings.Contains(s, e.Referral.Person.DateOfBirth.String()) {
				t.Fatalf("referrer message holds the date of birth: %s", s)
			}
			if strings.Contains(s, "Riverside") || strings.Contains(s, "An offer") {
				t.Fatalf("referrer message names a provider or offer: %s", s)
			}
		}
		for _, text := range []string{"Seeing people again", "A goal"} {
			if strings.Contains(s, text) {
				t.Fatalf("message holds free text %q: %s", text, s)
			}
		}
	})
}

// TestReportCountsAddUp: every breakdown of the report adds up to the total it breaks down.
func TestReportCountsAddUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eps := genEpisodes().Draw(t, "episodes")
		r := NewReport(eps)
		sum := func(xs ...int) int {
			n := 0
			for _, x := range xs {
				n += x
			}
			return n
		}
		states := r.UnknownState
		for _, s := range r.States {
			states += s.Episodes
		}
		var plans, measurements, withSU, connections int
		for _, e := range eps {
			measurements += len(e.Measurements)
			if e.ServiceUse != nil {
				withSU++
			}
			if e.Plan != nil {
				plans++
				connections += len(e.Plan.Connections)
			}
		}
		c := r.Community
		byStatus, byCategory, byProvider := c.UnknownStatus, c.UnknownCategory, 0
		for _, s := range c.ByStatus {
			byStatus += s.Connections
		}
		for _, g := range c.ByCategory {
			byCategory += g.Connections
			if g.Attended > g.Connections || g.ReferredAttended > g.Referred || g.PeopleAttending > g.People || g.People > c.EpisodesConnected {
				t.Fatalf("category line out of bounds: %+v", g)
			}
		}
		receiving := 0
		for _, p := range c.ByProvider {
			byProvider += p.Connections
			if p.PeopleAttending > 0 {
				receiving++
			}
		}
		paired := 0
		for _, in := range r.Person.Wellbeing.Instruments {
			paired += in.Records
			if got := in.Paired + in.BaselineOnly + in.FollowUpOnly + in.Conflicting + in.DateOrder; got != in.Episodes {
				t.Fatalf("%s: episodes by outcome %d, want %d", in.Instrument, got, in.Episodes)
			}
		}
		for _, check := range []struct {
			what      string
			got, want int
		}{
			{"episodes", r.Episodes, len(eps)},
			{"episodes by state", states, len(eps)},
			{"measurements", r.Person.Wellbeing.Records + r.Person.Mismatched, measurements},
			{"measurements by instrument", paired + r.Person.Wellbeing.Invalid, r.Person.Wellbeing.Records},
			{"service-use records", r.System.ServiceUse.Records + r.System.Mismatched, withSU},
			{"service-use episodes", sum(r.System.ServiceUse.Episodes, r.System.ServiceUse.Invalid, r.System.ServiceUse.Duplicate), r.System.ServiceUse.Records},
			{"plans", c.EpisodesWithPlan, plans},
			{"connections", c.Connections, connections},
			{"connections by mode", sum(c.Signposted, c.Referred, c.UnknownMode), c.Connections},
			{"connections by status", byStatus, c.Connections},
			{"connections by category", byCategory, c.Connections},
			{"connections by provider", byProvider, c.Connections},
			{"providers receiving", c.ProvidersReceiving, receiving},
		} {
			if check.got != check.want {
				t.Fatalf("%s: got %d, want %d", check.what, check.got, check.want)
			}
		}
		if c.EpisodesAttending > c.EpisodesConnected || c.EpisodesConnected > c.EpisodesWithPlan || c.ReferredAttended > c.Referred || c.ReferredAttended > c.Attended {
			t.Fatalf("community counts out of order: %+v", c)
		}
	})
}

// TestReportOrderIndependent: the report, its JSON and its text do not depend on the order of the
// episodes.
func TestReportOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		eps := genEpisodes().Draw(t, "episodes")
		perm := rapid.Permutation(eps).Draw(t, "order")
		a, b := NewReport(eps), NewReport(perm)
		if d := cmp.Diff(a, b); d != "" {
			t.Fatalf("report depends on order (-given +permuted):\n%s", d)
		}
		ja, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) || a.Text() != b.Text() {
			t.Fatal("renderings depend on order")
		}
	})
}

// TestCodesDueAgreesWithRecordingRules: the state of each code due matches the coding package's
// findings: as many overdue codes as coding.overdue findings, due as coding.code-due, entered late as
// coding.late-recording and missing as coding.missing-code (the generator codes only accept and
// decline events, and codes a wrong code on the day of the event).
func TestCodesDueAgreesWithRecordingRules(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode("ep-1").Draw(t, "episode")
		asOf := sp.MustParseDate("2024-01-01").AddDays(rapid.IntRange(0, 800).Draw(t, "as-of"))
		c, err := e.CodesDue(asOf)
		if err != nil {
			t.Fatal(err)
		}
		states := map[CodeState]int{}
		for _, s := range c.Codes {
			states[s.State]++
		}
		rules := map[string]int{}
		for _, f := range c.Findings {
			rules[f.Rule]++
		}
		for st, rule := range map[CodeState]string{
			CodeStateOverdue: coding.RuleOverdue, CodeStateDue: coding.RuleCodeDue,
			CodeStateEnteredLate: coding.RuleLateRecording, CodeStateMissing: coding.RuleMissingCode,
		} {
			if states[st] != rules[rule] {
				t.Fatalf("%d codes %s, %d findings %s: %+v / %v", states[st], st, rules[rule], rule, c.Codes, c.Findings)
			}
		}
		if len(c.Codes) != len(e.Referral.CodesDue()) {
			t.Fatalf("got %d codes, want %d", len(c.Codes), len(e.Referral.CodesDue()))
		}
	})
}

// TestLifecycleProperty: moving one dated part of a valid episode to where the lifecycle does not
// allow it breaks rule "lifecycle" (or "referred-date" for the plan's referred date) at that path.
func TestLifecycleProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := genEpisode("ep-1").Draw(t, "episode").Clone()
		accepted, ok := e.Accepted()
		if !ok {
			t.Skip("never accepted")
		}
		ended, hasEnded := e.Ended()
		k := rapid.IntRange(1, 60).Draw(t, "days")
		type move struct {
			path, rule string
			do         func()
		}
		var moves []move
		for i := range e.Measurements {
			moves = append(moves, move{"/measurements/" + strconv.Itoa(i) + "/date", RuleLifecycle, func() { e.Measurements[i].Date = accepted.AddDays(-k) }})
		}
		if e.Plan != nil {
			moves = append(moves, move{"/plan/referred", RuleReferredDate, func() { e.Plan.Referred = e.Plan.Referred.AddDays(k) }})
			for i := range e.Plan.Contacts {
				if hasEnded {
					moves = append(moves, move{"/plan/contacts/" + strconv.Itoa(i) + "/date", RuleLifecycle, func() { e.Plan.Contacts[i].Date = ended.AddDays(k) }})
				}
			}
		}
		if len(moves) == 0 {
			t.Skip("nothing dated to move")
		}
		m := rapid.SampledFrom(moves).Draw(t, "move")
		m.do()
		var ve *sp.ValidationError
		if err := e.Validate(); !errors.As(err, &ve) || !ve.Has(m.path, m.rule) {
			t.Fatalf("got %v; want %s at %s", err, m.rule, m.path)
		}
	})
}
