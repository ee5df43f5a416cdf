package plan_test

import (
	"os"
	"strings"
	"testing"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// fataler is what the helpers need of *testing.T, *testing.B and *rapid.T.
type fataler interface {
	Helper()
	Fatal(args ...any)
}

// d parses a date.
func d(s string) sp.Date { return sp.MustParseDate(s) }

// newReferral returns referral ep-2024-0042, received on 2024-05-13 and in state received.
func newReferral(t fataler) referral.Referral {
	t.Helper()
	r, err := referral.New("ep-2024-0042", d("2024-05-13"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: d("1948-02-29")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}, {Need: referral.NeedLongTermConditions}, {Need: referral.NeedPhysicalInactivity}},
		referral.UrgencyRoutine,
		referral.Consent{Referral: referral.ConsentStatusNotAsked, ShareOutcomes: referral.ConsentStatusGiven})
	if err != nil {
		t.Fatal(err)
	}
	r.WhatMattersToMe = "Getting back to the allotment and seeing people again."
	return r
}

// acceptedOn returns the referral of newReferral accepted at 10:30 London time on day (a May 2024 date).
func acceptedOn(t fataler, day string) referral.Referral {
	t.Helper()
	return acceptedAt(t, d(day))
}

// acceptedAt is acceptedOn for a Date.
func acceptedAt(t fataler, day sp.Date) referral.Referral {
	t.Helper()
	at := day.Time(time.FixedZone("BST", 3600)).Add(10*time.Hour + 30*time.Minute)
	r, err := newReferral(t).Apply(referral.Event{Kind: referral.EventKindAccept, At: at, By: sp.RoleLinkWorker})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// accepted is the typical plan's referral: accepted on 2024-05-15.
func accepted(t testing.TB) referral.Referral { return acceptedOn(t, "2024-05-15") }

// load strictly decodes and validates a valid plan fixture.
func load(t testing.TB, name string) plan.Plan {
	t.Helper()
	data, err := os.ReadFile("testdata/valid/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var p plan.Plan
	if err := sp.Decode(data, &p); err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// typical is testdata/valid/plan.typical.json: agreed on 2024-05-20, five contacts from 2024-05-16
// to 2024-07-01 (a 50-minute initial assessment, a review on 2024-06-17), review dates 2024-06-17 and
// 2024-07-29, two goals, three connections (gardening referred 2024-05-21, a signposted walking
// group, peer support referred 2024-06-18).
func typical(t testing.TB) plan.Plan { return load(t, "plan.typical.json") }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
