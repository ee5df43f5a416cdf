package coding_test

import (
	"encoding/json"
	"errors"
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

func ExampleParseSCTID() {
	id, err := coding.ParseSCTID("871731000000106")
	fmt.Println(id, id.Partition(), err)

	// The error says what is wrong, never with the input in it.
	_, err = coding.ParseSCTID("871731000000107")
	fmt.Println(errors.Is(err, coding.ErrCheckDigit), err)
	_, err = coding.ParseSCTID("87173-1000000106")
	fmt.Println(errors.Is(err, coding.ErrMalformed), err)
	// Output:
	// 871731000000106 concept-extension <nil>
	// true coding: SNOMED CT identifier fails its Verhoeff check digit
	// true coding: malformed SNOMED CT identifier
}

func ExampleParseConceptID() {
	id, err := coding.ParseConceptID("138875005") // |SNOMED CT Concept|, the root
	fmt.Println(id, err)

	// 2148514019 is a valid identifier, but of a description.
	_, err = coding.ParseConceptID("2148514019")
	fmt.Println(errors.Is(err, coding.ErrNotConcept))
	// Output:
	// 138875005 <nil>
	// true
}

func ExampleMustParseSCTID() {
	swemwbs := coding.MustParseSCTID(coding.SWEMWBSScoreID)
	fmt.Println(swemwbs, swemwbs.IsConcept())
	// Output: 718466001 true
}

func ExampleSCTID_Partition() {
	for _, s := range []string{"718466001", "2148514019", "144487025", "871731000000106", "1621000124119"} {
		fmt.Println(s, coding.MustParseSCTID(s).Partition())
	}
	// Output:
	// 718466001 concept
	// 2148514019 description
	// 144487025 relationship
	// 871731000000106 concept-extension
	// 1621000124119 description-extension
}

func ExampleSCTID_Namespace() {
	ns, ok := coding.MustParseSCTID("871731000000106").Namespace()
	fmt.Println(ns, ok) // the UK extension
	ns, ok = coding.MustParseSCTID("718466001").Namespace()
	fmt.Printf("%q %v\n", ns, ok) // short form: no namespace
	// Output:
	// 1000000 true
	// "" false
}

func ExampleVerhoeffCheckDigit() {
	c, err := coding.VerhoeffCheckDigit("71846600")
	fmt.Println(string(c), err)
	// Output: 1 <nil>
}

func ExampleCodeSet() {
	for _, e := range coding.CodeSet() {
		fmt.Println(e.Coding.Code, e.Confidence)
	}
	// Output:
	// 871731000000106 high
	// 871711000000103 high
	// 718466001 medium
	// 718426000 medium
	// 309013001 medium
	// 306098008 medium
	// 106418-7 medium
}

func ExampleLookup() {
	e, err := coding.Lookup(coding.MustParseSCTID("871711000000103"))
	fmt.Println(e.Coding.Display, e.Confidence, err)

	_, err = coding.Lookup(coding.MustParseSCTID("138875005"))
	fmt.Println(errors.Is(err, coding.ErrUnknownCode))
	// Output:
	// Social prescribing declined (situation) high <nil>
	// true
}

func ExampleLookupString() {
	e, err := coding.LookupString(coding.SystemLOINC, coding.UCLA3LoincCode)
	fmt.Println(e.Coding.Display, err)
	// Output: Three-Item Loneliness scale <nil>
}

func ExampleReferralToSocialPrescribing() {
	c := coding.ReferralToSocialPrescribing()
	fmt.Println(c.ID, c.Term)
	// Output: 871731000000106 Referral to social prescribing service (procedure)
}

func ExampleSocialPrescribingDeclined() {
	c := coding.SocialPrescribingDeclined()
	fmt.Println(c.ID, c.Term)
	// Output: 871711000000103 Social prescribing declined (situation)
}

func ExampleConcept_Coding() {
	b, _ := json.Marshal(coding.ReferralToSocialPrescribing().Coding())
	fmt.Println(string(b))
	// Output: {"system":"http://snomed.info/sct","code":"871731000000106","display":"Referral to social prescribing service (procedure)"}
}

func ExampleDueCode() {
	for _, ev := range coding.ActivityKinds() {
		c, ok := coding.DueCode(ev, sp.RoleLinkWorker)
		fmt.Println(ev, c.ID, ok)
	}
	_, ok := coding.DueCode(coding.ActivityKindReferralAccepted, sp.RoleHealthAndWellbeingCoach)
	fmt.Println("coach:", ok)
	// Output:
	// referral-accepted 871731000000106 true
	// referral-declined 871711000000103 true
	// ongoing-contact  false
	// administrative-task  false
	// coach: false
}

func ExampleRecordingDeadline() {
	// "Within a week of the contact": seven calendar days, across month ends and leap days.
	fmt.Println(coding.RecordingDeadline(sp.MustParseDate("2024-02-26")))
	fmt.Println(coding.RecordingDeadline(sp.MustParseDate("2023-12-28")))
	// Output:
	// 2024-03-04
	// 2024-01-04
}

func ExampleCheckRecording() {
	ref := coding.ReferralToSocialPrescribing().ID
	records := []coding.ActivityRecord{
		// Accepted on 1 May, coded on 10 May: the right code, but more than a week later.
		{EpisodeID: "EP-1", Kind: coding.ActivityKindReferralAccepted, WorkerRole: sp.RoleLinkWorker,
			ContactDate: sp.MustParseDate("2024-05-01"), CodedOn: sp.MustParseDate("2024-05-10"), Codes: []coding.SCTID{ref}},
		// A later contact coded with the referral code again.
		{EpisodeID: "EP-1", Kind: coding.ActivityKindOngoingContact, WorkerRole: sp.RoleLinkWorker,
			ContactDate: sp.MustParseDate("2024-05-15"), CodedOn: sp.MustParseDate("2024-05-15"), Codes: []coding.SCTID{ref}},
		// Declined on 20 June and not coded yet: due by 27 June.
		{EpisodeID: "EP-2", Kind: coding.ActivityKindReferralDeclined, WorkerRole: sp.RoleLinkWorker,
			ContactDate: sp.MustParseDate("2024-06-20")},
	}
	for _, f := range coding.CheckRecording(records, sp.MustParseDate("2024-06-24")) {
		fmt.Println(f.Severity, f.Subject, f.Path, f.Rule)
	}
	// Output:
	// error EP-1 /1/codes coding.duplicate-referral-code
	// error EP-1 /1/codes coding.referral-code-on-ongoing
	// warning EP-1 /0/codedOn coding.late-recording
	// info EP-2 /2/codedOn coding.code-due
}

func ExampleActivityRecord_Validate() {
	data := []byte(`{"episodeId": "EP-1", "event": "referral-accepted", "workerRole": "social-prescribing-link-worker",
		"contactDate": "2024-05-01", "codes": ["871731000000106"]}`)
	var r coding.ActivityRecord
	if err := sp.Decode(data, &r); err != nil {
		fmt.Println(err)
		return
	}
	var ve *sp.ValidationError
	if errors.As(r.Validate(), &ve) {
		for _, fe := range ve.Errors {
			fmt.Println(fe.Path, fe.Rule)
		}
	}
	// Output: /codedOn coded-on-missing
}
