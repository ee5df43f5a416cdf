package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// referralLifecycle takes one referral from receipt to completion, printing each state with its
// nearest FHIR Task status, the SNOMED CT codes the history makes due and what the recording rules
// say once the code is entered.
func referralLifecycle(w io.Writer) error {
	r, err := referral.New("EP-2001", sp.MustParseDate("2024-05-13"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: sp.MustParseDate("1948-02-29")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}, {Need: referral.NeedLongTermConditions}},
		referral.UrgencyRoutine,
		referral.Consent{Referral: referral.ConsentStatusGiven, ShareOutcomes: referral.ConsentStatusGiven},
	)
	if err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	fmt.Fprintf(w, "\nReferral %s from receipt to completion\n", r.EpisodeID)
	show := func() {
		t := r.State.FHIR()
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %-12s FHIR Task %-11s %s", r.State, t.Status, t.BusinessStatus), " "))
	}
	show()
	day := func(d, h int) time.Time { return time.Date(2024, time.May, d, h, 0, 0, 0, time.UTC) }
	for _, e := range []referral.Event{
		{Kind: referral.EventKindAccept, At: day(14, 10), By: sp.RoleLinkWorker},
		{Kind: referral.EventKindContact, At: day(21, 10), By: sp.RoleLinkWorker},
		{Kind: referral.EventKindContact, At: day(28, 10), By: sp.RoleLinkWorker},
		{Kind: referral.EventKindComplete, At: day(31, 16), By: sp.RoleLinkWorker},
	} {
		if r, err = r.Apply(e); err != nil {
			return fmt.Errorf("vendor example: %w", err)
		}
		show()
	}
	fmt.Fprintln(w, "Codes due:")
	for _, d := range r.CodesDue() {
		state := "not yet entered"
		if d.CodedOn.IsValid() {
			state = "entered " + d.CodedOn.String()
		}
		fmt.Fprintf(w, "  %s %s |%s| for the %s of %s, due by %s: %s\n",
			r.EpisodeID, d.Concept.ID, d.Concept.Term, d.Kind, d.ContactDate, d.Deadline, state)
	}
	asOf := sp.MustParseDate("2024-05-20")
	fmt.Fprintf(w, "Recording check as of %s:\n", asOf)
	for _, f := range coding.CheckRecording(r.Activities(), asOf) {
		fmt.Fprintln(w, " ", f)
	}
	// A PCN member with system access enters the code three days after the contact.
	d := r.CodesDue()[0]
	if r, err = r.RecordCodes(d.Event, d.ContactDate.AddDays(3), d.Concept.ID); err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	fs := coding.CheckRecording(r.Activities(), sp.MustParseDate("2024-06-05"))
	fmt.Fprintf(w, "After entering it on %s: %d recording findings\n", r.History[d.Event].CodedOn, len(fs))
	for _, f := range fs {
		fmt.Fprintln(w, " ", f)
	}
	return nil
}
