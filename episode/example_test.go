package episode_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
)

// load decodes a sample episode strictly; the samples are the package's valid fixtures.
func load(name string) episode.Episode {
	b, err := os.ReadFile("testdata/valid/episode." + name + ".json")
	if err != nil {
		panic(err)
	}
	var e episode.Episode
	if err := sp.Decode(b, &e); err != nil {
		panic(err)
	}
	return e
}

// An episode is checked as a whole: here the plan was created the day before the person accepted the
// referral, and one measurement carries another episode's id.
func ExampleEpisode_Validate() {
	e := load("completed")
	fmt.Println(e.Validate())

	e.Plan.Created = sp.MustParseDate("2024-05-14")
	e.Measurements[1].EpisodeID = "ep-2024-0099"
	if err := e.Validate(); err != nil {
		fmt.Println(strings.ReplaceAll(err.Error(), "; ", "\n"))
	}
	// Output:
	// <nil>
	// episode.Episode: /measurements/1/episodeId: episode-id: keyed to another episode than the referral's
	// /plan/created: lifecycle: plan created before the referral was accepted
}

// New puts the parts together and validates them.
func ExampleNew() {
	parts := load("completed")
	e, err := episode.New(parts.Referral, parts.Plan, parts.Measurements, parts.ServiceUse)
	fmt.Println(e, err)
	// Output:
	// episode "ep-2024-0042" (completed, plan true, 4 measurements, service use true) <nil>
}

// The acceptance on 2024-05-15 makes 871731000000106 due within a week. Before it is entered the code
// is due; once the week has passed it is overdue.
func ExampleEpisode_CodesDue() {
	e := load("completed")
	e.Referral.History[0].CodedOn, e.Referral.History[0].Codes = sp.Date{}, nil
	for _, asOf := range []string{"2024-05-20", "2024-05-23"} {
		c, err := e.CodesDue(sp.MustParseDate(asOf))
		if err != nil {
			panic(err)
		}
		for _, s := range c.Codes {
			fmt.Printf("as of %s: %s |%s| for the %s of %s, due by %s: %s\n", asOf, s.Concept.ID, s.Concept.Term, s.Kind, s.ContactDate, s.Deadline, s.State)
		}
		fmt.Printf("  %d activity records, findings: %v\n", len(c.Records), c.Findings)
	}
	// Output:
	// as of 2024-05-20: 871731000000106 |Referral to social prescribing service (procedure)| for the accept of 2024-05-15, due by 2024-05-22: due
	//   5 activity records, findings: [info coding.code-due ep-2024-0042 /0/codedOn: coding: 871731000000106 is due by 2024-05-22]
	// as of 2024-05-23: 871731000000106 |Referral to social prescribing service (procedure)| for the accept of 2024-05-15, due by 2024-05-22: overdue
	//   5 activity records, findings: [error coding.overdue ep-2024-0042 /0/codedOn: coding: 871731000000106 is due and overdue: the deadline was 2024-05-22]
}

// The message back to a pharmacist who referred the person: no NHS number or date of birth, the needs
// they referred for, each connection's kind and status only, and the change in wellbeing, which the
// person agreed to share.
func ExampleNewFeedback() {
	e := load("completed")
	f, err := episode.NewFeedback(e, episode.RecipientReferrer, sp.MustParseDate("2024-09-02"))
	if err != nil {
		panic(err)
	}
	fmt.Println(f)
	fmt.Println("status:", f.Status.State, "received", f.Status.Received, "accepted", f.Status.Accepted, "ended", f.Status.Ended)
	for _, n := range f.Needs.Needs {
		fmt.Printf("need: %s (in plan: %t)\n", n.Need, n.InPlan)
	}
	fmt.Printf("support: %d contacts, %d minutes\n", f.Support.Contacts, f.Support.Minutes)
	for _, c := range f.Support.Connections {
		fmt.Printf("  %s, %s, %s\n", c.Category, c.Mode, c.Status)
	}
	for _, ch := range f.Outcomes.Changes {
		for _, it := range ch.Items {
			fmt.Printf("outcome: %s %s %g -> %g %s\n", ch.Instrument, it.Scale, it.Baseline, it.FollowUp, it.Direction)
		}
	}
	for _, w := range f.Withheld {
		fmt.Printf("withheld: %s (%s)\n", w.Field, w.Reason)
	}
	// Output:
	// feedback "ep-2024-0042" to referrer (status, needs, support, outcomes)
	// status: completed received 2024-05-13 accepted 2024-05-15 ended 2024-08-30
	// need: loneliness-isolation (in plan: true)
	// need: long-term-conditions (in plan: true)
	// support: 4 contacts, 125 minutes
	//   gardening, referred, ongoing
	//   befriending, signposted, declined
	// outcome: ons4 life-satisfaction 4 -> 7 improved
	// outcome: ons4 worthwhile 5 -> 7 improved
	// outcome: ons4 happiness 3 -> 6 improved
	// outcome: ons4 anxiety 7 -> 4 improved
	// outcome: ucla3 ucla3-total 8 -> 5 improved
	// withheld: needs.goalsByStatus (minimum-necessary)
	// withheld: person (minimum-necessary)
	// withheld: support.connections.ended (minimum-necessary)
	// withheld: support.connections.name (minimum-necessary)
	// withheld: support.connections.provider (minimum-necessary)
	// withheld: support.connections.reason (minimum-necessary)
	// withheld: support.connections.referred (minimum-necessary)
	// withheld: support.connections.serviceId (minimum-necessary)
	// withheld: support.connections.started (minimum-necessary)
}

// Without consent to share outcomes back, the GP's message leaves the outcomes group out and says so.
func ExampleNewFeedback_consent() {
	e := load("self-referral-in-progress")
	f, err := episode.NewFeedback(e, episode.RecipientGP, sp.MustParseDate("2024-07-01"))
	if err != nil {
		panic(err)
	}
	b, _ := json.Marshal(f.Withheld)
	fmt.Println(f)
	fmt.Println(string(b))
	_, err = episode.NewFeedback(e, episode.RecipientReferrer, sp.MustParseDate("2024-07-01"))
	fmt.Println(err)
	// Output:
	// feedback "ep-2024-0200" to gp (status, person, needs, support)
	// [{"field":"outcomes","reason":"no-outcomes-consent"}]
	// episode: feedback: a self-referral has no referrer to report back to: no recipient
}

// The common-outcomes report over four episodes, as text.
func ExampleReport_Text() {
	var eps []episode.Episode
	for _, n := range []string{"completed", "received", "declined", "self-referral-in-progress"} {
		eps = append(eps, load(n))
	}
	fmt.Print(episode.NewReport(eps).Text())
	// Output:
	// Common outcomes report: 4 episodes, referrals received 2024-05-01 to 2024-09-30
	// Headings: person, health and care system, community groups (framework split: confidence unconfirmed, not found in NHS England text)
	// Episodes by state: received 1, declined 1, in-progress 1, completed 1
	//
	// Impact on the person: 2 episodes measured, 6 measurements (0 invalid, 0 mismatched, excluded)
	//   ons4: 2 episodes, 1 paired (excluded: 1 baseline only, 0 follow-up only, 0 conflicting, 0 date order)
	//     life-satisfaction n 1, mean 4.00 -> 7.00, change +3.00 (no CI (n < 2)), improved 100%, worsened 0%
	//     worthwhile        n 1, mean 5.00 -> 7.00, change +2.00 (no CI (n < 2)), improved 100%, worsened 0%
	//     happiness         n 1, mean 3.00 -> 6.00, change +3.00 (no CI (n < 2)), improved 100%, worsened 0%
	//     anxiety           n 1, mean 7.00 -> 4.00, change -3.00 (no CI (n < 2)), improved 100%, worsened 0% (lower is better)
	//   ucla3: 2 episodes, 1 paired (excluded: 1 baseline only, 0 follow-up only, 0 conflicting, 0 date order)
	//     ucla3-total       n 1, mean 8.00 -> 5.00, change -3.00 (no CI (n < 2)), improved 100%, worsened 0% (lower is better)
	//
	// Impact on the health and care system (the change measured, not an effect): 1 episodes recorded, 1 included (excluded: 0 invalid, 0 duplicate, 0 mismatched)
	//   gp-consultations        1 episodes, 9 before, 5 after; per 30 days 1.48 -> 0.82 (-45%)
	//   ae-attendances          1 episodes, 2 before, 0 after; per 30 days 0.33 -> 0.00 (-100%)
	//
	// Impact on community groups: 2 episodes with a plan, 2 connected, 2 attending
	//   4 connections: 2 referred (2 attended), 2 signposted; 2 attended in all; 2 green
	//     gardening               2 connections, 2 referred, 2 attended (2 of the referred), 2 people, 2 attending
	//     befriending             2 connections, 0 referred, 0 attended (0 of the referred), 2 people, 0 attending
	//   1 of 2 providers received people
	//     Age Friendly Riverside  2 connections, 0 referred, 0 attended (0 of the referred), 2 people, 0 attending
	//     Riverside Allotment Society 2 connections, 2 referred, 2 attended (2 of the referred), 2 people, 2 attending
}

// The report renders as JSON with encoding/json; it holds counts and statistics only.
func ExampleNewReport() {
	r := episode.NewReport([]episode.Episode{load("completed"), load("declined")})
	b, err := json.Marshal(r.Community.ByProvider)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Episodes, r.FrameworkConfidence)
	fmt.Println(string(b))
	// Output:
	// 2 unconfirmed
	// [{"provider":"Age Friendly Riverside","connections":1,"referred":0,"signposted":1,"attended":0,"referredAttended":0,"people":1,"peopleAttending":0},{"provider":"Riverside Allotment Society","connections":1,"referred":1,"signposted":0,"attended":1,"referredAttended":1,"people":1,"peopleAttending":1}]
}

// The activity records of an episode: the referral's acceptance and contacts, then the plan's
// contacts the history does not already hold.
func ExampleEpisode_Activities() {
	for _, r := range load("completed").Activities() {
		fmt.Println(r.ContactDate, r.Kind, r.WorkerRole, r.Codes)
	}
	// Output:
	// 2024-05-15 referral-accepted social-prescribing-link-worker [871731000000106]
	// 2024-05-16 ongoing-contact social-prescribing-link-worker []
	// 2024-06-17 ongoing-contact social-prescribing-link-worker []
	// 2024-06-03 ongoing-contact social-prescribing-link-worker []
	// 2024-08-30 ongoing-contact social-prescribing-link-worker []
}

// A receiving system checks a message: here a referrer's message that names the provider of a
// connection, which the referrer does not need.
func ExampleFeedback_Validate() {
	b, err := os.ReadFile("testdata/valid/feedback.referrer-completed.json")
	if err != nil {
		panic(err)
	}
	var f episode.Feedback
	if err := sp.Decode(b, &f); err != nil {
		panic(err)
	}
	fmt.Println(f.Validate())
	f.Support.Connections[0].Provider = "Riverside Allotment Society"
	fmt.Println(strings.ReplaceAll(f.Validate().Error(), "; ", "\n"))
	// Output:
	// <nil>
	// episode.Feedback: /support/connections: minimum-necessary: feedback: connection details in a message to the referrer
	// /withheld/4/field: withheld: feedback: a field listed as withheld is present
}

// A report for publication: one period, small numbers hidden. A hidden count is absent from the
// JSON document and listed by its JSON Pointer; the text shows it as <N when it was a count below N,
// and as "hidden" when it was hidden with one.
func ExampleNewReportWith() {
	eps := []episode.Episode{load("completed"), load("declined"), load("received"), load("self-referral-in-progress")}
	r, err := episode.NewReportWith(eps, episode.ReportOptions{
		From:     sp.MustParseDate("2024-05-01"),
		To:       sp.MustParseDate("2024-12-31"),
		Suppress: 3,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Episodes, "episodes,", r.Exclusions.OutsidePeriod, "outside the period")
	fmt.Println("hidden below", r.Suppression.Threshold, "including", r.Suppression.Hidden[0])
	fmt.Println(strings.SplitN(r.Text(), "\n", 2)[0])
	// Output:
	// 4 episodes, 0 outside the period
	// hidden below 3 including /community/attended
	// Common outcomes report: 4 episodes, referrals received 2024-05-01 to 2024-12-31
}

// A value hidden because it was small is shown as <N; one hidden with a small count, whatever its
// own value, as "hidden". The fixtures' GP consultations are 1 episode with 9 uses before.
func ExampleSuppression_Below() {
	eps := []episode.Episode{load("completed"), load("declined"), load("received"), load("self-referral-in-progress")}
	r, err := episode.NewReportWith(eps, episode.ReportOptions{Suppress: 3})
	if err != nil {
		panic(err)
	}
	for _, p := range []string{"/system/serviceUse/services/0/episodes", "/system/serviceUse/services/0/before"} {
		fmt.Println(p, "hidden:", r.Suppression.Hides(p), "below 3:", r.Suppression.Below(p))
	}
	// Output:
	// /system/serviceUse/services/0/episodes hidden: true below 3: true
	// /system/serviceUse/services/0/before hidden: true below 3: false
}
