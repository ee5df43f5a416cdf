package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// wholeEpisode follows one person from a pharmacist's referral to the message back: the referral is
// accepted and coded, a plan is agreed and connects the person to a community garden, wellbeing and
// loneliness are measured at the start and the end, service use is recorded, the episode is checked as a whole, the codes due
// are listed, the closed-loop messages to the GP and the pharmacist are built (the person agreed to
// share outcomes), and a common-outcomes report is produced over this episode and the plan sample.
func wholeEpisode(w io.Writer) error {
	fail := func(err error) error { return fmt.Errorf("vendor example: %w", err) }
	at := func(date string, hour int) time.Time {
		return sp.MustParseDate(date).Time(time.UTC).Add(time.Duration(hour) * time.Hour)
	}
	day := sp.MustParseDate

	// 1. The referral, received from a community pharmacy.
	r, err := referral.New("EP-3001", day("2024-03-04"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: day("1951-10-12")},
		referral.Referrer{Source: referral.SourcePharmacy, Organisation: "High Street Pharmacy", JobTitle: "Pharmacist", Contact: referral.ContactRouteNHSMail},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}, {Need: referral.NeedBereavement}},
		referral.UrgencyRoutine,
		referral.Consent{Referral: referral.ConsentStatusNotAsked, ShareOutcomes: referral.ConsentStatusGiven},
	)
	if err != nil {
		return fail(err)
	}
	// 2. The person accepts; the link worker has no system access, so a PCN colleague codes it later.
	if r, err = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: at("2024-03-06", 10), By: sp.RoleLinkWorker}); err != nil {
		return fail(err)
	}
	// 3. The plan, co-produced at the first meeting and agreed the same day.
	p, err := plan.New(r, day("2024-03-06"), "Having people to talk to since my wife died.")
	if err != nil {
		return fail(err)
	}
	if p, err = p.Agree(day("2024-03-06")); err != nil {
		return fail(err)
	}
	p.Contacts = []plan.Contact{
		{Date: day("2024-03-06"), Mode: plan.ContactModeHomeVisit, Minutes: 45, Kind: plan.ContactKindInitialAssessment},
		{Date: day("2024-03-20"), Mode: plan.ContactModePhone, Minutes: 15, Kind: plan.ContactKindFollowUp},
		{Date: day("2024-05-29"), Mode: plan.ContactModeFaceToFace, Minutes: 30, Kind: plan.ContactKindClosing},
	}
	p.Connections = []plan.Connection{
		{Category: plan.CategoryGardening, Name: "Community garden Thursdays", Provider: "Riverside Allotment Society",
			Mode: plan.ConnectionModeReferred, Status: plan.ConnectionStatusOngoing,
			Suggested: day("2024-03-06"), Referred: day("2024-03-07"), Started: day("2024-03-14")},
		{Category: plan.CategoryPeerSupport, Name: "Bereavement café", Provider: "Riverside Hospice",
			Mode: plan.ConnectionModeSignposted, Status: plan.ConnectionStatusAttended, Suggested: day("2024-03-06"), Started: day("2024-03-27")},
	}
	for _, e := range []referral.Event{
		{Kind: referral.EventKindContact, At: at("2024-03-06", 11), By: sp.RoleLinkWorker},
		{Kind: referral.EventKindContact, At: at("2024-03-20", 14), By: sp.RoleLinkWorker},
		{Kind: referral.EventKindComplete, At: at("2024-05-29", 15), By: sp.RoleLinkWorker},
	} {
		if r, err = r.Apply(e); err != nil {
			return fail(err)
		}
	}
	p.Closed = day("2024-05-29")
	// 4. Outcome measures at the start and the end.
	score := func(v int) *int { return &v }
	ons4 := func(date string, tp outcomes.Timepoint, ls, ww, h, a int) outcomes.Measurement {
		return outcomes.Measurement{EpisodeID: r.EpisodeID, Date: day(date), Timepoint: tp, Instrument: outcomes.InstrumentONS4,
			ONS4: &outcomes.ONS4{LifeSatisfaction: score(ls), Worthwhile: score(ww), Happiness: score(h), Anxiety: score(a)}}
	}
	ucla3 := func(date string, tp outcomes.Timepoint, c, l, i int) outcomes.Measurement {
		return outcomes.Measurement{EpisodeID: r.EpisodeID, Date: day(date), Timepoint: tp, Instrument: outcomes.InstrumentUCLA3,
			UCLA3: &outcomes.UCLA3{LackCompanionship: c, LeftOut: l, Isolated: i}}
	}
	ms := []outcomes.Measurement{
		ons4("2024-03-06", outcomes.TimepointBaseline, 3, 4, 3, 6),
		ucla3("2024-03-06", outcomes.TimepointBaseline, 3, 3, 3),
		ons4("2024-05-29", outcomes.TimepointFollowUp, 6, 6, 6, 3),
		ucla3("2024-05-29", outcomes.TimepointFollowUp, 2, 2, 1),
	}
	// Service use from the practice record: six months before the referral and six months from it.
	n := func(v int) *int { return &v }
	su := &outcomes.ServiceUse{EpisodeID: r.EpisodeID,
		Before: outcomes.Window{From: day("2023-09-04"), To: day("2024-03-03")},
		After:  outcomes.Window{From: day("2024-03-04"), To: day("2024-09-02")},
		Items: []outcomes.ServiceCount{
			{Service: outcomes.ServiceGPConsultations, Before: n(8), After: n(4)},
			{Service: outcomes.ServiceAEAttendances, Before: n(1), After: n(0)},
		}}
	// 5. The whole episode, checked as one.
	ep, err := episode.New(r, &p, ms, su)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(w, "\nWhole episode: %v\n", ep)

	// 6. Codes due, before and after the PCN colleague enters the referral code.
	show := func(asOf sp.Date) error {
		c, err := ep.CodesDue(asOf)
		if err != nil {
			return fail(err)
		}
		for _, s := range c.Codes {
			fmt.Fprintf(w, "  as of %s: %s for the %s of %s, due by %s: %s\n", asOf, s.Concept.ID, s.Kind, s.ContactDate, s.Deadline, s.State)
		}
		for _, f := range c.Findings {
			fmt.Fprintln(w, "   ", f)
		}
		return nil
	}
	fmt.Fprintln(w, "Codes due:")
	if err := show(day("2024-03-07")); err != nil {
		return err
	}
	if ep.Referral, err = ep.Referral.RecordCodes(0, day("2024-03-08"), coding.MustParseSCTID(coding.ReferralToSocialPrescribingID)); err != nil {
		return fail(err)
	}
	if err := show(day("2024-03-15")); err != nil {
		return err
	}

	// 7. The closed loop: the GP's message and the pharmacist's.
	for _, to := range episode.Recipients() {
		f, err := episode.NewFeedback(ep, to, day("2024-05-30"))
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(w, "Feedback: %v via %s\n", f, f.Route)
		for _, c := range f.Support.Connections {
			fmt.Fprintf(w, "  support: %s, %s, %s", c.Category, c.Mode, c.Status)
			if c.Provider != "" {
				fmt.Fprintf(w, " (%s)", c.Provider)
			}
			fmt.Fprintln(w)
		}
		for _, ch := range f.Outcomes.Changes {
			for _, it := range ch.Items {
				fmt.Fprintf(w, "  outcome: %s %g -> %g %s\n", it.Scale, it.Baseline, it.FollowUp, it.Direction)
			}
		}
		for _, wh := range f.Withheld {
			fmt.Fprintf(w, "  withheld: %s (%s)\n", wh.Field, wh.Reason)
		}
	}
	referrerMsg, err := episode.NewFeedback(ep, episode.RecipientReferrer, day("2024-05-30"))
	if err != nil {
		return fail(err)
	}
	b, err := json.Marshal(referrerMsg.Status)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(w, "  status as sent: %s\n", b)

	// 8. The common-outcomes report over this episode and the plan sample's.
	var sample struct {
		Referral referral.Referral `json:"referral"`
		Plan     plan.Plan         `json:"plan"`
	}
	if err := sp.Decode(planJSON, &sample); err != nil {
		return fail(err)
	}
	other, err := episode.New(sample.Referral, &sample.Plan, nil, nil)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, episode.NewReport([]episode.Episode{ep, other}).Text())
	return nil
}
