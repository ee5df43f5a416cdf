package referral_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func exampleReferral() referral.Referral {
	r, err := referral.New("ep-2024-0042", sp.MustParseDate("2024-05-13"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: sp.MustParseDate("1948-02-29")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}},
		referral.UrgencyRoutine,
		referral.Consent{Referral: referral.ConsentStatusGiven, ShareOutcomes: referral.ConsentStatusGiven},
	)
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleNew() {
	r := exampleReferral()
	fmt.Println(r)
	fmt.Printf("%v\n", r.Person) // personal data is masked
	// Output:
	// referral "ep-2024-0042" (received)
	// referral.Person{***}
}

func ExampleReferral_Apply() {
	r := exampleReferral()
	r, err := r.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 5, 14, 10, 0, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	fmt.Println(r.State, err)
	_, err = r.Apply(referral.Event{Kind: referral.EventKindComplete, At: time.Date(2024, 5, 15, 10, 0, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	fmt.Println(errors.Is(err, referral.ErrTransition))
	fmt.Println(err)
	// Output:
	// accepted <nil>
	// true
	// referral: complete not allowed from state accepted: transition not allowed
}

func ExampleReferral_Validate() {
	r := exampleReferral()
	r.Person.NHSNumber = sp.NHSNumber{}
	r.Needs = append(r.Needs, referral.NeedItem{Need: referral.NeedOther})
	fmt.Println(r.Validate())
	// Output:
	// referral.Referral: /needs/1/description: other-description: need other needs a description; /person/nhsNumber: required-unless-self: nhs number is required unless the person referred themselves
}

func ExampleReferral_Findings() {
	r := exampleReferral()
	r.Received = sp.MustParseDate("2019-11-01")
	r.Referrer.Source = referral.SourcePharmacy
	for _, f := range r.Findings() {
		fmt.Println(f.Severity, f.Rule, f.Path)
	}
	// Output:
	// info referral.source-before-2020 /referrer/source
}

func ExampleReferral_CodesDue() {
	r := exampleReferral()
	r, _ = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 5, 14, 10, 0, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	for _, d := range r.CodesDue() {
		fmt.Println(d.Kind, d.Concept.ID, d.Concept.Term, "by", d.Deadline)
	}
	// Output:
	// accept 871731000000106 Referral to social prescribing service (procedure) by 2024-05-21
}

func ExampleReferral_Activities() {
	r := exampleReferral()
	r, _ = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 5, 14, 10, 0, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	r, _ = r.RecordCodes(0, sp.MustParseDate("2024-05-16"), coding.MustParseSCTID("871731000000106"))
	for _, a := range r.Activities() {
		fmt.Println(a.EpisodeID, a.Kind, a.ContactDate, a.CodedOn, a.Codes)
	}
	fmt.Println(len(coding.CheckRecording(r.Activities(), sp.MustParseDate("2024-06-01"))), "findings")
	// Output:
	// ep-2024-0042 referral-accepted 2024-05-14 2024-05-16 [871731000000106]
	// 0 findings
}

func ExampleReferral_Escalate() {
	r := exampleReferral()
	r, err := r.Escalate(referral.Escalation{At: time.Date(2024, 5, 14, 11, 0, 0, 0, time.UTC), To: referral.EscalationTargetPracticeTeam, By: sp.RoleLinkWorker})
	fmt.Println(r.Safeguarding.Concern, len(r.Safeguarding.Escalations), err)
	// Output:
	// true 1 <nil>
}

func ExampleFHIRTasks() {
	for _, t := range referral.FHIRTasks() {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-17s %-11s %s", t.State, t.Status, t.BusinessStatus)))
	}
	// Output:
	// received          requested   awaiting-contact
	// accepted          accepted
	// declined          cancelled   declined-by-person
	// rejected          rejected
	// cancelled         cancelled   cancelled-by-referrer
	// in-progress       in-progress
	// on-hold           on-hold
	// completed         completed
	// closed-incomplete failed      closed-without-completion
	// referred-onward   completed   referred-onward
}

func ExampleReasonsFor() {
	reasons, required := referral.ReasonsFor(referral.EventKindClose)
	fmt.Println(reasons, required)
	// Output:
	// [unable-to-contact disengaged moved-away died other] true
}

func ExampleSignposting_ReferToLinkWorker() {
	s := referral.Signposting{
		ID: "sg-2024-0890", Date: sp.MustParseDate("2024-04-22"), By: sp.RoleCareNavigator,
		Organisation: "Riverside Medical Practice",
		Needs:        []referral.NeedItem{{Need: referral.NeedWelfareBenefits}},
		SignpostedTo: []referral.Signpost{{Name: "Citizens Advice Riverside"}},
		ReferOn:      referral.ReferOn{Route: referral.ReferOnRouteNotOffered},
	}
	r, s, err := s.ReferToLinkWorker("ep-2024-0050", sp.MustParseDate("2024-04-23"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("6541003238"), DateOfBirth: sp.MustParseDate("1980-06-01")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		referral.UrgencyRoutine, referral.Consent{Referral: referral.ConsentStatusGiven, ShareOutcomes: referral.ConsentStatusNotAsked})
	fmt.Println(r, r.Needs[0].Need, err)
	fmt.Println(s, s.ReferOn.Route, s.ReferOn.EpisodeID)
	// Output:
	// referral "ep-2024-0050" (received) welfare-benefits <nil>
	// signposting "sg-2024-0890" referred ep-2024-0050
}

func ExampleSources() {
	fmt.Println(len(referral.Sources()), referral.Sources()[0], referral.Sources()[12])
	// Output:
	// 13 general-practice self
}

func ExampleTransitions() {
	n := 0
	for _, t := range referral.Transitions() {
		if t.From == referral.StateReceived {
			fmt.Println(t.Event, "->", t.To)
			n++
		}
	}
	// Output:
	// accept -> accepted
	// decline -> declined
	// reject -> rejected
	// cancel -> cancelled
	// close -> closed-incomplete
}

// An event sent on its own is checked before it is applied: here a rejection without its reason and
// with codes but no date they were entered.
func ExampleEvent_Validate() {
	var e referral.Event
	err := sp.Decode([]byte(`{"kind":"reject","at":"2024-02-01T10:30:00Z","by":"social-prescribing-link-worker","codes":["871731000000106"]}`), &e)
	fmt.Println("decode:", err)
	var ve *sp.ValidationError
	if errors.As(e.Validate(), &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Path, fe.Rule)
		}
	}
	// Output:
	// decode: <nil>
	// /codedOn coded-on-missing
	// /reason reason
}
