package referral_test

import (
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// sample returns a valid referral in state received, received on 2024-05-13.
func sample() referral.Referral {
	return referral.Referral{
		EpisodeID: "ep-2024-0042",
		Received:  sp.MustParseDate("2024-05-13"),
		Person: referral.Person{
			NHSNumber:   sp.MustParseNHSNumber("9434765919"),
			DateOfBirth: sp.MustParseDate("1948-02-29"),
			Language:    "English",
			AccessNeeds: []referral.AccessNeed{referral.AccessNeedLargePrint, referral.AccessNeedHearingLoop},
		},
		Referrer: referral.Referrer{
			Source:       referral.SourceGeneralPractice,
			Organisation: "Riverside Medical Practice",
			JobTitle:     "Practice nurse",
			Contact:      referral.ContactRouteGPSystem,
		},
		Needs: []referral.NeedItem{
			{Need: referral.NeedLoneliness},
			{Need: referral.NeedLongTermConditions},
			{Need: referral.NeedOther, Description: "Recently stopped driving"},
		},
		WhatMattersToMe: "Getting back to the allotment and seeing people again.",
		Urgency:         referral.UrgencyRoutine,
		Consent:         referral.Consent{Referral: referral.ConsentStatusGiven, ShareOutcomes: referral.ConsentStatusGiven},
		State:           referral.StateReceived,
	}
}

// at returns an instant on the 2024-05 calendar: day d, hour h, UTC.
func at(d, h int) time.Time { return time.Date(2024, time.May, d, h, 0, 0, 0, time.UTC) }

// ev returns an event of kind k at instant t by a link worker.
func ev(k referral.EventKind, t time.Time) referral.Event {
	return referral.Event{Kind: k, At: t, By: sp.RoleLinkWorker}
}

// evr returns an event with a reason.
func evr(k referral.EventKind, t time.Time, r referral.Reason) referral.Event {
	e := ev(k, t)
	e.Reason = r
	return e
}
