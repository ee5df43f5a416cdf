package plan_test

import (
	"fmt"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// exampleReferral is a referral received on 2024-05-13 and accepted on 2024-05-15.
func exampleReferral() referral.Referral {
	r, err := referral.New("ep-2024-0042", sp.MustParseDate("2024-05-13"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: sp.MustParseDate("1948-02-29")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}, {Need: referral.NeedPhysicalInactivity}},
		referral.UrgencyRoutine, referral.Consent{Referral: referral.ConsentStatusGiven, ShareOutcomes: referral.ConsentStatusGiven})
	if err != nil {
		panic(err)
	}
	r, err = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 5, 15, 10, 30, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	if err != nil {
		panic(err)
	}
	return r
}

// examplePlan is an agreed plan with one goal, two contacts and a referral to a gardening group.
func examplePlan() plan.Plan {
	p, err := plan.New(exampleReferral(), sp.MustParseDate("2024-05-20"), "Getting back to the allotment.")
	if err != nil {
		panic(err)
	}
	p, err = p.Agree(sp.MustParseDate("2024-05-20"))
	if err != nil {
		panic(err)
	}
	p.ReviewDates = []sp.Date{sp.MustParseDate("2024-06-17")}
	p.Goals = []plan.Goal{{
		Description: "Go to the community garden once a week",
		Needs:       []referral.Need{referral.NeedLoneliness, referral.NeedPhysicalInactivity},
		Set:         sp.MustParseDate("2024-05-20"), Target: sp.MustParseDate("2024-07-31"), Status: plan.GoalStatusInProgress,
	}}
	p.Contacts = []plan.Contact{
		{Date: sp.MustParseDate("2024-05-16"), Mode: plan.ContactModeHomeVisit, Minutes: 75, Kind: plan.ContactKindInitialAssessment},
		{Date: sp.MustParseDate("2024-05-20"), Mode: plan.ContactModeFaceToFace, Minutes: 40, Kind: plan.ContactKindFollowUp},
	}
	p.Connections = []plan.Connection{{
		Category: plan.CategoryGardening, Name: "Riverside Community Garden", Provider: "Riverside Allotment Society",
		ServiceID: "oruk-svc-2040", Mode: plan.ConnectionModeReferred, Status: plan.ConnectionStatusOngoing,
		Suggested: sp.MustParseDate("2024-05-16"), Referred: sp.MustParseDate("2024-05-17"), Started: sp.MustParseDate("2024-05-28"),
	}}
	return p
}

func ExampleNew() {
	p, err := plan.New(exampleReferral(), sp.MustParseDate("2024-05-20"), "Getting back to the allotment.")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)
	fmt.Println(p.EpisodeID, p.Referred, p.Needs)
	// Output:
	// plan "ep-2024-0042" (0 goals, 0 contacts, 0 connections)
	// ep-2024-0042 2024-05-13 [loneliness-isolation physical-inactivity]
}

func ExamplePlan_Agree() {
	p, _ := plan.New(exampleReferral(), sp.MustParseDate("2024-05-20"), "Getting back to the allotment.")
	if _, err := p.Agree(sp.MustParseDate("2024-05-19")); err != nil {
		fmt.Println(err)
	}
	p, _ = p.Agree(sp.MustParseDate("2024-05-20"))
	fmt.Println(p.Agreed, p.AgreedOn)
	// Output:
	// plan: agree: before the plan was created: invalid
	// true 2024-05-20
}

func ExamplePlan_Validate() {
	p := examplePlan()
	p.Connections[0].Status = plan.ConnectionStatusStopped // stopped needs an end date and a reason
	fmt.Println(p.Validate())
	// Output:
	// plan.Plan: /connections/0/ended: status: the connection's status needs the ended date; /connections/0/reason: reason: a declined or stopped connection needs a reason
}

func ExampleCheck() {
	// As of 2024-07-01: the initial assessment took 75 minutes, the gardening group was referred
	// before the plan was agreed, and the review of 2024-06-17 has not happened.
	fs, err := plan.Check(examplePlan(), exampleReferral(), sp.MustParseDate("2024-07-01"), plan.DefaultPolicy())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs {
		fmt.Printf("%s %s %s: %s\n", f.Severity, f.Rule, f.Path, f.Message)
	}
	// Output:
	// warning plan.initial-assessment-duration /contacts/0/minutes: initial assessment of 75 minutes, outside the typical 30-60
	// warning plan.referred-before-agreed /connections/0/referred: connection referred before the plan was agreed
	// warning plan.review-overdue /reviewDates/0: review date passed with no review contact
}

func ExampleDefaultPolicy() {
	pol := plan.DefaultPolicy()
	fmt.Println(pol.InitialAssessmentMinutes, pol.Contacts, pol.Confidence)
	// A service with its own figures passes its own policy to Check.
	local := plan.Policy{
		InitialAssessmentMinutes: plan.Range{Min: 45, Max: 90},
		Contacts:                 plan.Range{Min: 4, Max: 16},
		Source:                   "Riverside PCN service specification 2024/25",
		Confidence:               sp.ConfidenceLow,
	}
	fs, _ := plan.Check(examplePlan(), exampleReferral(), sp.MustParseDate("2024-06-01"), local)
	fmt.Println(len(fs), fs[0].Rule, fs[0].Source)
	// Output:
	// {30 60} {6 12} high
	// 1 plan.referred-before-agreed NHS England, Social prescribing FAQs: a co-produced personalised plan based on what matters to the person (confidence high)
}

func ExamplePlan_Summary() {
	s := examplePlan().Summary()
	fmt.Println(s.Contacts, "contacts,", s.Minutes, "minutes")
	fmt.Println(s.ConnectionsByCategory, s.ConnectionsByMode, s.ConnectionsByStatus)
	fmt.Println(s.GoalsByStatus)
	fmt.Printf("green share %.0f%%, first contact %d days after referral\n", 100*s.GreenShare, *s.DaysToFirstContact)
	// Output:
	// 2 contacts, 115 minutes
	// map[gardening:1] map[referred:1] map[ongoing:1]
	// map[in-progress:1]
	// green share 100%, first contact 3 days after referral
}

func ExampleCategoryTable() {
	for _, row := range plan.CategoryTable() {
		if row.Green {
			fmt.Println(row.Category, row.Confidence)
		}
	}
	fmt.Println(plan.CategoryArts.IsGreen())
	// Output:
	// walking-group high
	// gardening high
	// nature-activity medium
	// false
}

func ExamplePlan_String() {
	p := examplePlan()
	fmt.Printf("%v\n%#v\n%#v\n", p, p, p.Goals[0])
	// Output:
	// plan "ep-2024-0042" (1 goals, 2 contacts, 1 connections)
	// plan.Plan{EpisodeID: "ep-2024-0042", Agreed: true, ***}
	// plan.Goal{Status: "in-progress", ***}
}
