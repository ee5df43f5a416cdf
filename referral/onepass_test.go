package referral_test

import (
	"encoding/json"
	"errors"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// fault is one problem put into a valid referral, and the one error it must cause.
type fault struct {
	name   string
	reason string
	apply  func(doc map[string]any)
	want   ruleAt
}

type ruleAt struct{ Path, Rule string }

func obj(doc map[string]any, key string) map[string]any { return doc[key].(map[string]any) }

// faults are independent of each other: any subset of them must be reported exactly, in one pass.
// The first five are the referral that used to need five rounds of fixing.
var faults = []fault{
	{"bad check digit", "the decoder refuses the NHS number; its zero value adds no required-unless-self",
		func(d map[string]any) { obj(d, "person")["nhsNumber"] = "9434765918" }, ruleAt{"/person/nhsNumber", "nhsnumber"}},
	{"empty organisation", "validation runs although decoding failed elsewhere",
		func(d map[string]any) { obj(d, "referrer")["organisation"] = "" }, ruleAt{"/referrer/organisation", "required-unless-self"}},
	{"duplicated need", "a cross-field rule over what decoded",
		func(d map[string]any) {
			needs := d["needs"].([]any)
			needs[1].(map[string]any)["need"] = needs[0].(map[string]any)["need"]
		}, ruleAt{"/needs/1/need", "duplicate-need"}},
	{"birth after received", "a rule across two fields that both decoded",
		func(d map[string]any) { obj(d, "person")["dateOfBirth"] = "2024-06-01" }, ruleAt{"/person/dateOfBirth", "date-order"}},
	{"enum in the wrong case", "the decoder refuses the value; its zero value adds no required",
		func(d map[string]any) { d["urgency"] = "Routine" }, ruleAt{"/urgency", "enum"}},
	{"unknown key", "a key the type does not define",
		func(d map[string]any) { obj(d, "person")["nickname"] = "x" }, ruleAt{"/person/nickname", "unknown-field"}},
	{"wrong-case key", "the value meant for state is not decoded, so neither required nor the history rule speaks of it",
		func(d map[string]any) { d["State"] = d["state"]; delete(d, "state") }, ruleAt{"/State", "unknown-field"}},
	{"wrong type", "a boolean where a consent status goes",
		func(d map[string]any) { obj(d, "consent")["shareOutcomes"] = true }, ruleAt{"/consent/shareOutcomes", "type"}},
	{"text too long", "a validate tag on a string that decoded",
		func(d map[string]any) { obj(d, "person")["language"] = strings.Repeat("a", 51) }, ruleAt{"/person/language", "max"}},
	{"null", "null where a value goes",
		func(d map[string]any) { d["whatMattersToMe"] = nil }, ruleAt{"/whatMattersToMe", "null"}},
	{"role too long", "a second string limit, in another object",
		func(d map[string]any) { obj(d, "referrer")["role"] = strings.Repeat("r", 101) }, ruleAt{"/referrer/role", "max"}},
	{"bad date-time", "the event's time is refused; its zero value adds no required and no time rule",
		func(d map[string]any) { d["history"].([]any)[0].(map[string]any)["at"] = "2024-05-15T25:30:00Z" }, ruleAt{"/history/0/at", "date-time"}},
}

// typical returns the typical valid referral as a generic JSON value.
// tb is what both testing.T and rapid.T offer.
type tb interface {
	Helper()
	Fatal(...any)
	Fatalf(string, ...any)
}

func typical(t tb) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/valid/referral.typical.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func reported(t tb, doc map[string]any) ([]ruleAt, error) {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var r referral.Referral
	err = sp.DecodeAndValidate(data, &r)
	var ve *sp.ValidationError
	if err != nil && !errors.As(err, &ve) {
		t.Fatalf("DecodeAndValidate error %v is not a *ValidationError", err)
	}
	var got []ruleAt
	if ve != nil {
		for _, fe := range ve.Errors {
			got = append(got, ruleAt{fe.Path, fe.Rule})
		}
	}
	if err != nil && !cmp.Equal(r, referral.Referral{}) {
		t.Fatalf("DecodeAndValidate changed the value on error")
	}
	return got, err
}

func sortRules(rs []ruleAt) []ruleAt {
	slices.SortFunc(rs, func(a, b ruleAt) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return rs
}

// TestEveryProblemAtOnce is the referral with five problems: each is reported, in one pass, and
// nothing else is.
func TestEveryProblemAtOnce(t *testing.T) {
	doc := typical(t)
	var want []ruleAt
	for _, f := range faults[:5] {
		f.apply(doc)
		want = append(want, f.want)
	}
	got, err := reported(t, doc)
	if diff := cmp.Diff(sortRules(want), got); diff != "" {
		t.Fatalf("DecodeAndValidate reported (-want +got):\n%s\n%v", diff, err)
	}
	for _, secret := range []string{"9434765918", "2024-06-01", "Routine", "Riverside"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error %q shows the document's value %q", err, secret)
		}
	}
}

// TestEachFault checks each fault alone, so that a fault that causes a second error is found.
func TestEachFault(t *testing.T) {
	if got, err := reported(t, typical(t)); err != nil {
		t.Fatalf("the typical referral is rejected: %v", got)
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			doc := typical(t)
			f.apply(doc)
			got, err := reported(t, doc)
			if diff := cmp.Diff([]ruleAt{f.want}, got); diff != "" {
				t.Errorf("reported (-want +got) (%s):\n%s\n%v", f.reason, diff, err)
			}
		})
	}
}

// TestAnyFaultsAtOnce: any set of independent faults is reported exactly, each once, whatever else
// failed, and the errors are sorted by path and rule with no path and rule twice.
func TestAnyFaultsAtOnce(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		picked := rapid.SliceOfDistinct(rapid.IntRange(0, len(faults)-1), rapid.ID).Draw(rt, "faults")
		doc := typical(rt)
		var want []ruleAt
		for _, i := range picked {
			faults[i].apply(doc)
			want = append(want, faults[i].want)
		}
		got, _ := reported(rt, doc)
		if diff := cmp.Diff(sortRules(want), got); diff != "" {
			rt.Fatalf("reported (-want +got):\n%s", diff)
		}
	})
}

// TestManyAccessNeedsCostNoMemory: a referral with a million access needs, where the tag allows 11,
// is refused while decoding, without storing the items: the decoder allocates a small fixed amount
// besides the document (the needs alone would take 16 MB as a slice of strings).
func TestManyAccessNeedsCostNoMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 15 MB document")
	}
	doc := typical(t)
	needs := make([]any, 1_000_000)
	for i := range needs {
		needs[i] = "large-print"
	}
	obj(doc, "person")["accessNeeds"] = needs
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var r referral.Referral
	err = sp.DecodeAndValidate(data, &r)
	runtime.ReadMemStats(&after)
	var ve *sp.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 1 || !ve.Has("/person/accessNeeds", "max") {
		t.Fatalf("DecodeAndValidate: %v, want only max at /person/accessNeeds", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("DecodeAndValidate allocated %d bytes, want at most 1 MiB", got)
	}
}

// TestGoBuiltEnumListsValues: an enum value set in Go, not decoded, is reported by Validate with the
// values allowed.
func TestGoBuiltEnumListsValues(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/referral.typical.json")
	if err != nil {
		t.Fatal(err)
	}
	var r referral.Referral
	if err := sp.DecodeAndValidate(data, &r); err != nil {
		t.Fatal(err)
	}
	r.Urgency = "Routine"
	err = r.Validate()
	var ve *sp.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Path != "/urgency" {
		t.Fatalf("Validate: %v, want one error at /urgency", err)
	}
	msg := ve.Errors[0].Error()
	for _, v := range referral.Urgencies() {
		if !strings.Contains(msg, string(v)) {
			t.Errorf("message %q does not list %q", msg, v)
		}
	}
	if strings.Contains(msg, "Routine") {
		t.Errorf("message %q shows the value", msg)
	}
}

// A part reported missing is reported once: the rules of its members (an NHS number required unless
// self-referred, an organisation, a consent answer) say nothing more about a part that is not there.
func TestMissingPartReportedOnce(t *testing.T) {
	raw, err := os.ReadFile("testdata/valid/referral.typical.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, reason, key string }{
		{"person", "the NHS number rule would otherwise add /person/nhsNumber", "person"},
		{"referrer", "the organisation rule would otherwise add /referrer/organisation", "referrer"},
		{"consent", "the consent rule would otherwise add /consent/referral", "consent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			delete(doc, tc.key)
			b, _ := json.Marshal(doc)
			var r referral.Referral
			err := sp.DecodeAndValidate(b, &r)
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValidationError", err)
			}
			var got []ruleAt
			for _, fe := range ve.Errors {
				got = append(got, ruleAt{fe.Path, fe.Rule})
			}
			if want := []ruleAt{{"/" + tc.key, "required"}}; !slices.Equal(got, want) {
				t.Errorf("got %v, want %v; reason: %s", got, want, tc.reason)
			}
		})
	}
}

// Validate of a referral built in Go says the same: a zero Person is missing, and nothing is said of
// its NHS number.
func TestValidateMissingPartReportedOnce(t *testing.T) {
	raw, err := os.ReadFile("testdata/valid/referral.typical.json")
	if err != nil {
		t.Fatal(err)
	}
	var r referral.Referral
	if err := sp.Decode(raw, &r); err != nil {
		t.Fatal(err)
	}
	r.Person = referral.Person{}
	var ve *sp.ValidationError
	if err := r.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want a *ValidationError", err)
	}
	var got []ruleAt
	for _, fe := range ve.Errors {
		got = append(got, ruleAt{fe.Path, fe.Rule})
	}
	if want := []ruleAt{{"/person", "required"}}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
