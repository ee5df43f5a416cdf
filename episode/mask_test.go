package episode_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// TestNoPersonalDataPrinted prints every type of the domain packages that holds personal data — with
// a secret in each free-text field, a date of birth and an NHS number — through every fmt verb, on its
// own, behind a pointer and inside a struct, and through slog's text and JSON handlers, and checks that
// no secret appears.
func TestNoPersonalDataPrinted(t *testing.T) {
	const secret = "SECRET-PERSONAL"
	nhs := sp.MustParseNHSNumber("9434765919")
	dob := sp.MustParseDate("1948-02-29")
	at := time.Date(2024, 5, 14, 9, 0, 0, 0, time.UTC)
	values := map[string]any{
		"referral.Person":       referral.Person{NHSNumber: nhs, DateOfBirth: dob, AccessNotes: secret},
		"referral.Referral":     referral.Referral{EpisodeID: "EP-1", Person: referral.Person{NHSNumber: nhs, DateOfBirth: dob}, WhatMattersToMe: secret, Needs: []referral.NeedItem{{Need: referral.NeedOther, Description: secret}}},
		"referral.Event":        referral.Event{Kind: referral.EventKindContact, At: at, Note: secret},
		"referral.Escalation":   referral.Escalation{At: at, Note: secret},
		"referral.Safeguarding": referral.Safeguarding{Concern: true, Escalations: []referral.Escalation{{At: at, Note: secret}}},
		"referral.NeedItem":     referral.NeedItem{Need: referral.NeedOther, Description: secret},
		"referral.Signposting":  referral.Signposting{ID: "S-1", NHSNumber: nhs, Needs: []referral.NeedItem{{Need: referral.NeedOther, Description: secret}}},
		"plan.Plan":             plan.Plan{EpisodeID: "EP-1", WhatMattersToMe: secret},
		"plan.Goal":             plan.Goal{Description: secret, ReasonNote: secret},
		"plan.ProgressNote":     plan.ProgressNote{Note: secret},
		"plan.Connection":       plan.Connection{Name: secret, Provider: secret, ReasonNote: secret},
		"episode.Demographics":  episode.Demographics{NHSNumber: nhs, DateOfBirth: dob},
		"episode.Feedback":      episode.Feedback{},
	}
	secrets := []string{secret, nhs.Digits(), "943 476 5919", "1948-02-29", "1948"}
	check := func(t *testing.T, what, out string) {
		t.Helper()
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("%s printed %q: %s", what, s, out)
			}
		}
	}
	verbs := []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%X", "%q", "%t", "%f", "%e", "%o", "%b", "%c", "%U"}
	for name, v := range values {
		t.Run(name, func(t *testing.T) {
			wrapped := struct{ Inner any }{v}
			for _, verb := range verbs {
				check(t, verb, fmt.Sprintf(verb, v))
				check(t, verb+" in a struct", fmt.Sprintf(verb, wrapped))
				check(t, verb+" in a slice", fmt.Sprintf(verb, []any{v}))
			}
			for _, h := range []func(*bytes.Buffer) slog.Handler{
				func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
				func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
			} {
				var b bytes.Buffer
				slog.New(h(&b)).Info("record", "value", v)
				check(t, "slog", b.String())
			}
		})
	}
}
