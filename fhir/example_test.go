package fhir_test

import (
	"fmt"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func exampleReferral() referral.Referral {
	r, err := referral.New("EP-2001", sp.MustParseDate("2024-05-13"),
		referral.Person{NHSNumber: sp.MustParseNHSNumber("9434765919"), DateOfBirth: sp.MustParseDate("1948-02-29")},
		referral.Referrer{Source: referral.SourceGeneralPractice, Organisation: "Riverside Medical Practice", Contact: referral.ContactRouteGPSystem},
		[]referral.NeedItem{{Need: referral.NeedLoneliness}}, referral.UrgencySoon,
		referral.Consent{Referral: referral.ConsentStatusNotAsked, ShareOutcomes: referral.ConsentStatusGiven})
	if err != nil {
		panic(err)
	}
	r, err = r.Apply(referral.Event{Kind: referral.EventKindAccept, At: time.Date(2024, 5, 15, 10, 30, 0, 0, time.UTC), By: sp.RoleLinkWorker})
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleExportReferral() {
	b, err := fhir.ExportReferral(exampleReferral(), fhir.Options{NHSNumberVerification: "01"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range b.Entry {
		switch x := e.Resource.(type) {
		case *fhir.Patient:
			fmt.Println(x.FHIRType(), x.Identifier[0].System, x.Identifier[0].Extension[0].ValueCodeableConcept.Coding[0].Code)
		case *fhir.ServiceRequest:
			fmt.Println(x.FHIRType(), x.Code.Coding[0].Code, x.AuthoredOn, x.Priority, x.Status)
		case *fhir.Task:
			fmt.Println(x.FHIRType(), x.Code.Coding[0].Code, x.Status, len(x.Extension), "event")
		case *fhir.Consent:
			fmt.Println(x.FHIRType(), x.Category[0].Coding[0].Code, x.Status)
		case *fhir.Condition:
			fmt.Println(x.FHIRType(), x.Code.Coding[0].Code)
		}
	}
	// Output:
	// Patient https://fhir.nhs.uk/Id/nhs-number 01
	// ServiceRequest 871731000000106 2024-05-13 urgent active
	// Task fulfill accepted 1 event
	// Consent referral active
	// Consent share-outcomes active
	// Condition loneliness-isolation
}

func ExampleExportEpisode() {
	r := exampleReferral()
	lonely := outcomes.Measurement{EpisodeID: r.EpisodeID, Date: sp.MustParseDate("2024-05-16"), Timepoint: outcomes.TimepointBaseline,
		Instrument: outcomes.InstrumentUCLA3, UCLA3: &outcomes.UCLA3{LackCompanionship: 3, LeftOut: 2, Isolated: 3}}
	e, err := episode.New(r, nil, []outcomes.Measurement{lonely}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := fhir.ExportEpisode(e, fhir.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := b.Entry[len(b.Entry)-1].Resource.(*fhir.Observation)
	fmt.Println(o.Code.Coding[0].System, o.Code.Coding[0].Code, o.EffectiveDateTime)
	for _, c := range o.Component {
		fmt.Println(c.Code.Coding[0].Code, *c.ValueInteger)
	}
	// Output:
	// http://loinc.org 106418-7 2024-05-16
	// ucla3-total 8
	// ucla3-lack-companionship 3
	// ucla3-left-out 2
	// ucla3-isolated 3
}

func ExampleExportFeedback() {
	e, _ := episode.New(exampleReferral(), nil, nil, nil)
	f, err := episode.NewFeedback(e, episode.RecipientReferrer, sp.MustParseDate("2024-05-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := fhir.ExportFeedback(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Status, c.Subject == nil)
	fmt.Println(*c.Payload[0].ContentString)
	// Output:
	// preparation true
	// Social prescribing referral accepted: received 2024-05-13, accepted 2024-05-15. Withheld: person (minimum-necessary).
}

func ExampleImport() {
	doc := `{"resourceType": "Bundle", "type": "collection", "entry": [
	  {"fullUrl": "urn:uuid:4f1c", "resource": {"resourceType": "Patient",
	    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
	    "name": [{"family": "Example"}], "birthDate": "1948-02-29"}},
	  {"fullUrl": "urn:uuid:9a2e", "resource": {"resourceType": "ServiceRequest",
	    "identifier": [{"system": "https://gp.example.org/referral", "value": "GP-77"}],
	    "status": "active", "intent": "order", "priority": "urgent",
	    "subject": {"reference": "urn:uuid:4f1c"}, "authoredOn": "2024-05-13",
	    "requester": {"display": "Riverside Medical Practice"},
	    "extension": [
	      {"url": "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest",
	       "valueCodeableConcept": {"coding": [{"system": "https://github.com/socialprescribing/go-socialprescribing/fhir/CodeSystem/referral-source", "code": "general-practice"}]}},
	      {"url": "https://github.com/socialprescribing/go-socialprescribing/fhir/StructureDefinition/referrer-contact", "valueCode": "gp-clinical-system"}],
	    "reasonCode": [{"coding": [{"system": "https://github.com/socialprescribing/go-socialprescribing/fhir/CodeSystem/need", "code": "loneliness-isolation"}]}]}}]}`
	got, err := fhir.Import([]byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := got.Referral
	fmt.Println(r.EpisodeID, r.Received, r.State, r.Urgency, r.Referrer.Source, r.Needs[0].Need, r.Consent.Referral)
	for _, ig := range got.Ignored {
		fmt.Println("ignored", ig.Path, ig.What)
	}
	// Output:
	// GP-77 2024-05-13 received soon general-practice loneliness-isolation not-asked
	// ignored /entry/0/resource/name element name of Patient (not read)
}

func ExampleCodes() {
	for _, c := range fhir.Codes()[:7] {
		fmt.Println(c.Element, "|", c.Coding.System, c.Coding.Code, "|", c.Confidence)
	}
	// Output:
	// ServiceRequest.code | http://snomed.info/sct 871731000000106 | high
	// Task.code | http://hl7.org/fhir/CodeSystem/task-code fulfill | high
	// Patient.identifier.extension (the caller's code, never guessed) | https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland 01–08 | high
	// Observation.code (UCLA-3) | http://loinc.org 106418-7 | medium
	// Observation.code (SWEMWBS) | http://snomed.info/sct 718466001 | medium
	// Observation.code (WEMWBS) | http://snomed.info/sct 718426000 | medium
	// Observation.code (ONS4) | https://github.com/socialprescribing/go-socialprescribing/fhir/CodeSystem/outcome ons4 | high
}

func ExampleVerificationStatuses() {
	for _, c := range fhir.VerificationStatuses()[:2] {
		fmt.Println(c.Code, c.Display)
	}
	// Output:
	// 01 Number present and verified
	// 02 Number present but not traced
}
