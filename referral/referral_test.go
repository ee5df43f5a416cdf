package referral_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
	"pgregory.net/rapid"
)

func TestSourcesMatchDomain(t *testing.T) {
	// NHS England, Social prescribing FAQs: twelve agencies and self-referral (SOURCES.md#referral-sources).
	want := []referral.Source{
		"general-practice", "local-authority", "pharmacy", "multidisciplinary-team", "hospital-discharge",
		"allied-health-professional", "fire-service", "police", "job-centre", "social-care",
		"housing-association", "vcse", "self",
	}
	if diff := cmp.Diff(want, referral.Sources()); diff != "" {
		t.Errorf("Sources (-want +got):\n%s", diff)
	}
	s := referral.Sources()
	s[0] = "changed"
	if referral.Sources()[0] != referral.SourceGeneralPractice {
		t.Errorf("Sources returns a shared slice")
	}
}

func TestNeedsMatchIssue(t *testing.T) {
	if got, want := len(referral.Needs()), 15; got != want {
		t.Errorf("Needs: got %d values, want %d (the library lists fifteen needs)", got, want)
	}
}

// TestEnumsStrict checks every enum of the package: each listed value round-trips through its text
// form and a near miss (wrong case, padded, empty) is refused without echoing the input.
func TestEnumsStrict(t *testing.T) {
	type textEnum interface {
		MarshalText() ([]byte, error)
		IsValid() bool
	}
	check := func(name string, values []string, get func(string) (textEnum, error)) {
		t.Run(name, func(t *testing.T) {
			if len(values) == 0 {
				t.Fatal("no values")
			}
			seen := map[string]bool{}
			for _, v := range values {
				if seen[v] {
					t.Errorf("value %q listed twice", v)
				}
				seen[v] = true
				e, err := get(v)
				if err != nil {
					t.Errorf("UnmarshalText(%q): %v", v, err)
					continue
				}
				b, err := e.MarshalText()
				if err != nil || string(b) != v || !e.IsValid() {
					t.Errorf("%q: marshal got %q, %v; valid %v", v, b, err, e.IsValid())
				}
				for _, bad := range []string{strings.ToUpper(v), " " + v, v + "x"} {
					if _, err := get(bad); !errors.Is(err, sp.ErrInvalid) || strings.Contains(withoutAllowed(err.Error()), bad) || !strings.Contains(err.Error(), "("+strings.Join(values, ", ")+")") {
						t.Errorf("UnmarshalText(%q): got %v, want ErrInvalid listing the values allowed, without the input", bad, err)
					}
				}
				if !strings.HasPrefix(fmt.Sprint(mustErr(get(strings.ToUpper(v)))), "referral: ") {
					t.Errorf("error does not start with the package name")
				}
			}
			if _, err := get(""); err == nil {
				t.Errorf("empty value accepted")
			}
		})
	}
	check("Source", strs(referral.Sources()), func(s string) (textEnum, error) {
		var v referral.Source
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("Need", strs(referral.Needs()), func(s string) (textEnum, error) {
		var v referral.Need
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("Urgency", strs(referral.Urgencies()), func(s string) (textEnum, error) {
		var v referral.Urgency
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("ContactRoute", strs(referral.ContactRoutes()), func(s string) (textEnum, error) {
		var v referral.ContactRoute
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("AccessNeed", strs(referral.AccessNeeds()), func(s string) (textEnum, error) {
		var v referral.AccessNeed
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("EscalationTarget", strs(referral.EscalationTargets()), func(s string) (textEnum, error) {
		var v referral.EscalationTarget
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("State", strs(referral.States()), func(s string) (textEnum, error) {
		var v referral.State
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("EventKind", strs(referral.EventKinds()), func(s string) (textEnum, error) {
		var v referral.EventKind
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("Reason", strs(referral.Reasons()), func(s string) (textEnum, error) {
		var v referral.Reason
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("ConsentStatus", strs(referral.ConsentStatuses()), func(s string) (textEnum, error) {
		var v referral.ConsentStatus
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
	check("ReferOnRoute", strs(referral.ReferOnRoutes()), func(s string) (textEnum, error) {
		var v referral.ReferOnRoute
		err := v.UnmarshalText([]byte(s))
		return v, err
	})
}

func mustErr(_ any, err error) error { return err }

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// personal lists the personal data in sample() and the fixtures, none of which may be printed.
var personal = []string{"9434765919", "943 476 5919", "6541003238", "1948-02-29", "1948", "allotment", "stopped driving", "English", "morning appointments"}

func assertNoPersonal(t *testing.T, what, s string) {
	t.Helper()
	for _, p := range personal {
		if strings.Contains(s, p) {
			t.Errorf("%s prints personal data %q: %s", what, p, s)
		}
	}
}

func TestMasking(t *testing.T) {
	r := sample()
	r, _ = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: at(14, 9), By: sp.RoleLinkWorker, Note: "allotment"})
	s := referral.Signposting{ID: "sg-1", NHSNumber: r.Person.NHSNumber, Needs: r.Needs, Organisation: "English"}
	for _, v := range []any{r, &r, r.Person, &r.Person, s, &s, []referral.Referral{r}, map[string]referral.Person{"p": r.Person}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			assertNoPersonal(t, fmt.Sprintf("%s of %T", verb, v), fmt.Sprintf(verb, v))
		}
	}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("x", "referral", r, "person", r.Person, "signposting", s)
	assertNoPersonal(t, "slog", buf.String())
	if !strings.Contains(buf.String(), "ep-2024-0042") {
		t.Errorf("slog output lacks the referral id: %s", buf.String())
	}
}

// TestErrorsHoldNoPersonalData runs every invalid fixture and checks the error text.
func TestErrorsHoldNoPersonalData(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.json")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		kind, _, _ := strings.Cut(filepath.Base(f), ".")
		_, err := decodeDoc(t, kind, data)
		if err == nil {
			t.Errorf("%s: no error", f)
			continue
		}
		assertNoPersonal(t, filepath.Base(f), err.Error())
		if strings.Contains(err.Error(), "9434765918") || strings.Contains(err.Error(), "1234567890") || strings.Contains(err.Error(), "2024-05-14") {
			t.Errorf("%s: error echoes a value: %v", f, err)
		}
	}
}

func TestFindings(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		received string
		source   referral.Source
		want     int
	}{
		{"pharmacy 2019", "2019/20 DES limited referrals to PCN practice staff (Network Contract DES 2019/20)", "2019-10-01", referral.SourcePharmacy, 1},
		{"self 2020-03-31", "last day of 2019/20", "2020-03-31", referral.SourceSelf, 1},
		{"pharmacy 2020-04-01", "the wider list applies from 2020/21", "2020-04-01", referral.SourcePharmacy, 0},
		{"general practice 2019", "practice staff were always allowed", "2019-10-01", referral.SourceGeneralPractice, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sample()
			r.Received = sp.MustParseDate(tt.received)
			r.Referrer.Source = tt.source
			fs := r.Findings()
			if len(fs) != tt.want {
				t.Fatalf("got %d findings %v, want %d (%s)", len(fs), fs, tt.want, tt.reason)
			}
			for _, f := range fs {
				if f.Rule != referral.RuleSourceBefore2020 || f.Severity != sp.SeverityInfo || f.Subject != r.EpisodeID || f.Source == "" {
					t.Errorf("finding: got %+v", f)
				}
			}
		})
	}
}

func TestNew(t *testing.T) {
	s := sample()
	r, err := referral.New(s.EpisodeID, s.Received, s.Person, s.Referrer, s.Needs, s.Urgency, s.Consent)
	if err != nil {
		t.Fatal(err)
	}
	if r.State != referral.StateReceived {
		t.Errorf("state: got %s, want received", r.State)
	}
	s.Needs[0].Need = referral.NeedHousing
	if r.Needs[0].Need != referral.NeedLoneliness {
		t.Errorf("New shares the needs slice with its caller")
	}
	_, err = referral.New(s.EpisodeID, s.Received, s.Person, s.Referrer, nil, s.Urgency, s.Consent)
	var ve *sp.ValidationError
	if !errors.As(err, &ve) || !ve.Has("/needs", "required") {
		t.Errorf("New without needs: got %v, want /needs required", err)
	}
}

func TestSignpostingReferToLinkWorker(t *testing.T) {
	data, err := os.ReadFile("testdata/valid/signposting.library-desk.json")
	if err != nil {
		t.Fatal(err)
	}
	var s referral.Signposting
	if err := sp.Decode(data, &s); err != nil {
		t.Fatal(err)
	}
	base := sample()
	r, s2, err := s.ReferToLinkWorker("ep-9", sp.MustParseDate("2024-04-23"), base.Person, base.Referrer, referral.UrgencyRoutine, base.Consent)
	if err != nil {
		t.Fatal(err)
	}
	if r.EpisodeID != "ep-9" || r.State != referral.StateReceived || len(r.Needs) != 1 || r.Needs[0].Need != referral.NeedEmployment {
		t.Errorf("referral: got id %q state %s needs %v", r.EpisodeID, r.State, r.Needs)
	}
	want := referral.ReferOn{Route: referral.ReferOnRouteReferred, EpisodeID: "ep-9", Date: sp.MustParseDate("2024-04-23")}
	if diff := cmp.Diff(want, s2.ReferOn); diff != "" {
		t.Errorf("ReferOn (-want +got):\n%s", diff)
	}
	if s.ReferOn.Route != referral.ReferOnRouteNotOffered {
		t.Errorf("ReferToLinkWorker changed its receiver")
	}
	if _, _, err := s.ReferToLinkWorker("ep-9", sp.MustParseDate("2024-04-21"), base.Person, base.Referrer, referral.UrgencyRoutine, base.Consent); err == nil {
		t.Errorf("referral dated before the signposting: got nil error, want date-order")
	}
}

// genReferral draws a valid referral in state received.
func genReferral() *rapid.Generator[referral.Referral] {
	return rapid.Custom(func(t *rapid.T) referral.Referral {
		r := sample()
		r.Referrer.Source = rapid.SampledFrom(referral.Sources()).Draw(t, "source")
		if r.Referrer.Source == referral.SourceSelf && rapid.Bool().Draw(t, "noNHS") {
			r.Person.NHSNumber = sp.NHSNumber{}
		}
		ns := rapid.SliceOfNDistinct(rapid.SampledFrom(referral.Needs()), 1, 5, func(n referral.Need) referral.Need { return n }).Draw(t, "needs")
		r.Needs = nil
		for _, n := range ns {
			item := referral.NeedItem{Need: n}
			if n == referral.NeedOther {
				item.Description = rapid.StringN(1, 40, 500).Draw(t, "description")
			}
			r.Needs = append(r.Needs, item)
		}
		r.WhatMattersToMe = rapid.StringN(0, 100, 2000).Draw(t, "wmtm")
		r.Urgency = rapid.SampledFrom(referral.Urgencies()).Draw(t, "urgency")
		r.Received = sp.MustParseDate("2019-01-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "received"))
		return r
	})
}

// TestPropertyRoundTrip: every generated valid referral encodes to JSON that decodes strictly,
// validates, and re-encodes to the same bytes.
func TestPropertyRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genReferral().Draw(t, "r")
		if err := r.Validate(); err != nil {
			t.Fatalf("generated referral invalid: %v", err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back referral.Referral
		if err := sp.Decode(b, &back); err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) {
			t.Fatalf("re-encode differs:\n%s\n%s", b, b2)
		}
	})
}

// TestPropertyNHSNumberRule: a referral without an NHS number is valid exactly when it is a
// self-referral.
func TestPropertyNHSNumberRule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genReferral().Draw(t, "r")
		r.Person.NHSNumber = sp.NHSNumber{}
		err := r.Validate()
		var ve *sp.ValidationError
		missing := errors.As(err, &ve) && ve.Has("/person/nhsNumber", "required-unless-self")
		if missing == (r.Referrer.Source == referral.SourceSelf) {
			t.Fatalf("source %s without NHS number: got %v", r.Referrer.Source, err)
		}
	})
}

// TestValidateEnumsInGo checks that enum values set in Go (not decoded) are checked by Validate, in
// plain fields and in slice items.
func TestValidateEnumsInGo(t *testing.T) {
	r := sample()
	r.Urgency = "later"
	r.Needs[1].Need = "boredom"
	r.Person.AccessNeeds[0] = "sign"
	r.Referrer.Source = "library"
	err := r.Validate()
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	for _, path := range []string{"/urgency", "/needs/1/need", "/person/accessNeeds/0", "/referrer/source"} {
		if !ve.Has(path, "enum") {
			t.Errorf("got %v, want enum at %s", err, path)
		}
	}
	if got := len(ve.Errors); got != 4 {
		t.Errorf("got %d errors, want 4: %v", got, err)
	}
}

// withoutAllowed removes the list of allowed values from an enum error's message, leaving what
// must never echo the input.
func withoutAllowed(msg string) string {
	if i, j := strings.Index(msg, "("), strings.LastIndex(msg, ")"); i >= 0 && j > i {
		return msg[:i] + msg[j+1:]
	}
	return msg
}
