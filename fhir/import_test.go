package fhir_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// roundTrip exports r, imports the Bundle's JSON and reports any difference, in Go values and in the
// referral's JSON document.
func roundTrip(t tester, r referral.Referral, opt fhir.Options) fhir.Imported {
	t.Helper()
	b, err := fhir.ExportReferral(r, opt)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	data := marshal(t, b)
	got, err := fhir.Import(data)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if diff := cmp.Diff(r, got.Referral); diff != "" {
		t.Fatalf("import(export(r)) differs (-want +got):\n%s", diff)
	}
	if a, b := marshal(t, r), marshal(t, got.Referral); !bytes.Equal(a, b) {
		t.Fatalf("referral documents differ:\n%s\n%s", a, b)
	}
	if got.Owner != opt.Owner {
		t.Fatalf("owner: got %q, want %q", got.Owner, opt.Owner)
	}
	if got.NHSNumberVerification != opt.NHSNumberVerification && r.Person.NHSNumber.IsValid() {
		t.Fatalf("verification status: got %q, want %q", got.NHSNumberVerification, opt.NHSNumberVerification)
	}
	return got
}

// TestRoundTripFixtures: every valid referral fixture, and the referral of every valid episode
// fixture, survives export then import unchanged, with nothing ignored.
func TestRoundTripFixtures(t *testing.T) {
	for _, f := range fixtureFiles(t, "referral", "referral") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := roundTrip(t, decodeFile[referral.Referral](t, f), fhir.Options{NHSNumberVerification: "02", Owner: "Riverside Social Prescribing Service"})
			if len(got.Ignored) > 0 {
				t.Errorf("ignored %v, want nothing", got.Ignored)
			}
		})
	}
	for _, f := range fixtureFiles(t, "episode", "episode") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			e := decodeFile[episode.Episode](t, f)
			roundTrip(t, e.Referral, fhir.Options{})
			// The episode's Bundle imports to the same referral; its Goals and Observations are said
			// to be ignored.
			b, err := fhir.ExportEpisode(e, fhir.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := fhir.Import(marshal(t, b))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(e.Referral, got.Referral); diff != "" {
				t.Errorf("episode Bundle: referral differs (-want +got):\n%s", diff)
			}
			for _, ig := range got.Ignored {
				if !strings.HasPrefix(ig.What, "resource Goal") && !strings.HasPrefix(ig.What, "resource CarePlan") && !strings.HasPrefix(ig.What, "resource Observation") && !strings.HasPrefix(ig.What, "resource Condition") {
					t.Errorf("episode Bundle: ignored %v", ig)
				}
			}
			if n := len(e.Measurements); n > 0 && len(got.Ignored) < n {
				t.Errorf("episode Bundle: %d ignored, want at least the %d Observations", len(got.Ignored), n)
			}
		})
	}
}

// text draws free text of printable characters, as people type it.
func text(lo, hi int) *rapid.Generator[string] {
	return rapid.StringOfN(rapid.RuneFrom([]rune{' ', '\n'}, unicode.L, unicode.N, unicode.P, unicode.S), lo, hi, -1)
}

// genReferral draws a valid referral: any source, with or without NHS number where allowed, access
// needs, needs with descriptions, a history along a legal path of the lifecycle (reasons, notes,
// codes entered, time zones) and safeguarding escalations.
func genReferral() *rapid.Generator[referral.Referral] {
	return rapid.Custom(func(t *rapid.T) referral.Referral {
		received := sp.MustParseDate("2019-04-01").AddDays(rapid.IntRange(0, 3000).Draw(t, "received"))
		src := rapid.SampledFrom(referral.Sources()).Draw(t, "source")
		p := referral.Person{DateOfBirth: received.AddDays(-rapid.IntRange(0, 100*365).Draw(t, "age"))}
		if src != referral.SourceSelf || rapid.Bool().Draw(t, "nhs") {
			p.NHSNumber = sp.MustParseNHSNumber(rapid.SampledFrom([]string{"9434765919", "6541003238", "4010232137"}).Draw(t, "nhsNumber"))
		}
		p.Language = text(0, 50).Draw(t, "language")
		p.AccessNeeds = rapid.SliceOfNDistinct(rapid.SampledFrom(referral.AccessNeeds()), 0, 4, rapid.ID[referral.AccessNeed]).Draw(t, "access")
		if rapid.Bool().Draw(t, "accessNotes") || containsAccess(p.AccessNeeds, referral.AccessNeedOther) {
			p.AccessNotes = text(1, 200).Draw(t, "notes")
		}
		ref := referral.Referrer{Source: src, Contact: rapid.SampledFrom(referral.ContactRoutes()[:5]).Draw(t, "contact")}
		if src != referral.SourceSelf || rapid.Bool().Draw(t, "selfOrg") {
			ref.Organisation = text(1, 100).Draw(t, "organisation")
		}
		if rapid.Bool().Draw(t, "hasRole") {
			ref.JobTitle = text(1, 100).Draw(t, "role")
		}
		if src == referral.SourceSelf && rapid.Bool().Draw(t, "none") {
			ref.Contact = referral.ContactRouteNone
		}
		var needs []referral.NeedItem
		for _, n := range rapid.SliceOfNDistinct(rapid.SampledFrom(referral.Needs()), 1, 5, rapid.ID[referral.Need]).Draw(t, "needs") {
			item := referral.NeedItem{Need: n}
			if n == referral.NeedOther || rapid.Bool().Draw(t, "described") {
				item.Description = text(1, 200).Draw(t, "description")
			}
			needs = append(needs, item)
		}
		if rapid.Bool().Draw(t, "secondOther") {
			needs = append(needs, referral.NeedItem{Need: referral.NeedOther, Description: text(1, 50).Draw(t, "other2")})
		}
		consent := referral.Consent{
			Referral:      rapid.SampledFrom(referral.ConsentStatuses()).Draw(t, "consentReferral"),
			ShareOutcomes: rapid.SampledFrom(referral.ConsentStatuses()).Draw(t, "consentShare"),
		}
		r, err := referral.New(text(1, 64).Draw(t, "id"), received, p, ref, needs, rapid.SampledFrom(referral.Urgencies()).Draw(t, "urgency"), consent)
		if err != nil {
			t.Fatalf("generated referral invalid: %v", err)
		}
		if len(r.Person.AccessNeeds) == 0 {
			r.Person.AccessNeeds = nil // as a decoded document holds it
		}
		r.WhatMattersToMe = text(0, 300).Draw(t, "wmtm")
		zone := time.FixedZone("", 60*rapid.IntRange(-12*60, 14*60).Draw(t, "offsetMinutes"))
		at := received.Time(zone).Add(time.Duration(rapid.IntRange(0, 86399).Draw(t, "start")) * time.Second)
		for range rapid.IntRange(0, 8).Draw(t, "events") {
			if r.State.IsTerminal() {
				break
			}
			var kinds []referral.EventKind
			for _, tr := range referral.Transitions() {
				if tr.From == r.State && (tr.Event != referral.EventKindResume || r.State == referral.StateOnHold) {
					kinds = append(kinds, tr.Event)
				}
			}
			at = at.Add(time.Duration(rapid.IntRange(0, 20*86400).Draw(t, "gap")) * time.Second).Add(time.Duration(rapid.IntRange(0, 999).Draw(t, "ms")) * time.Millisecond)
			e := referral.Event{Kind: rapid.SampledFrom(kinds).Draw(t, "kind"), At: at, By: rapid.SampledFrom(sp.Roles()).Draw(t, "by")}
			if allowed, required := referral.ReasonsFor(e.Kind); len(allowed) > 0 && (required || rapid.Bool().Draw(t, "reason")) {
				e.Reason = rapid.SampledFrom(allowed).Draw(t, "why")
			}
			if e.Reason == referral.ReasonOther || rapid.Bool().Draw(t, "note") {
				e.Note = text(1, 200).Draw(t, "eventNote")
			}
			if rapid.Bool().Draw(t, "coded") {
				e.CodedOn = sp.DateOf(at).AddDays(rapid.IntRange(0, 10).Draw(t, "late"))
				e.Codes = []coding.SCTID{coding.MustParseSCTID(rapid.SampledFrom([]string{coding.ReferralToSocialPrescribingID, coding.SocialPrescribingDeclinedID, coding.SWEMWBSScoreID}).Draw(t, "code"))}
			}
			next, err := r.Apply(e)
			if err != nil {
				t.Fatalf("generated event refused: %v", err)
			}
			r = next
		}
		for range rapid.IntRange(0, 2).Draw(t, "escalations") {
			at = at.Add(time.Duration(rapid.IntRange(0, 86400).Draw(t, "escGap")) * time.Second)
			e := referral.Escalation{At: at, To: rapid.SampledFrom(referral.EscalationTargets()).Draw(t, "to"), By: rapid.SampledFrom(sp.Roles()).Draw(t, "escBy")}
			if rapid.Bool().Draw(t, "escNote") {
				e.Note = text(1, 200).Draw(t, "escalationNote")
			}
			next, err := r.Escalate(e)
			if err != nil {
				t.Fatalf("generated escalation refused: %v", err)
			}
			r = next
		}
		if rapid.Bool().Draw(t, "concernOnly") && len(r.Safeguarding.Escalations) == 0 {
			r.Safeguarding.Concern = true
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("generated referral invalid: %v", err)
		}
		return r
	})
}

func containsAccess(xs []referral.AccessNeed, a referral.AccessNeed) bool {
	for _, x := range xs {
		if x == a {
			return true
		}
	}
	return false
}

// TestPropertyRoundTrip: import(export(r)) == r for generated valid referrals, and every exported
// resource passes the R4 schema and the UK Core and Gravity checks.
func TestPropertyRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := genReferral().Draw(t, "r")
		opt := fhir.Options{
			NHSNumberVerification: rapid.SampledFrom([]string{"", "01", "02", "03", "04", "05", "06", "07", "08"}).Draw(t, "verification"),
			Owner:                 rapid.SampledFrom([]string{"", "Riverside Social Prescribing Service", "Ysbyty Gwynedd – Rhagnodi Cymdeithasol"}).Draw(t, "owner"),
		}
		got := roundTrip(t, r, opt)
		if len(got.Ignored) > 0 {
			t.Fatalf("ignored %v, want nothing", got.Ignored)
		}
		b, _ := fhir.ExportReferral(r, opt)
		if probs := checkBundle(t, marshal(t, b)); len(probs) > 0 {
			t.Fatalf("exported Bundle: %s", strings.Join(probs, "\n"))
		}
	})
}

// importErr imports doc and returns its FieldErrors, failing if there are none.
func importErr(t *testing.T, doc string) *sp.ValidationError {
	t.Helper()
	_, err := fhir.Import([]byte(doc))
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	return ve
}

const minimalPatient = `{"resourceType":"Patient","id":"p","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}],"birthDate":"1948-02-29"}`

func minimalBundle(sr string, more ...string) string {
	entries := []string{`{"fullUrl":"urn:uuid:p","resource":` + minimalPatient + `}`, `{"fullUrl":"urn:uuid:sr","resource":` + sr + `}`}
	entries = append(entries, more...)
	return `{"resourceType":"Bundle","type":"collection","entry":[` + strings.Join(entries, ",") + `]}`
}

const foreignSR = `{"resourceType":"ServiceRequest","identifier":[{"system":"https://example.org/referrals","value":"REF-7"}],` +
	`"status":"active","intent":"order","subject":{"reference":"urn:uuid:p"},"authoredOn":"2024-05-13T09:30:00+01:00",` +
	`"requester":{"display":"Riverside Medical Practice"},` +
	`"extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest","valueCodeableConcept":{"coding":[{"system":"` + fhir.SystemReferralSource + `","code":"general-practice"}]}},` +
	`{"url":"` + fhir.ExtReferrerContact + `","valueCode":"gp-clinical-system"},{"url":"https://example.org/colour","valueString":"blue"}],` +
	`"reasonCode":[{"text":"Lonely since moving"}],"note":[{"text":"call after 10"}]}`

// TestImportForeign reads a referral written by another system: its identifier as the episode id,
// the date part of authoredOn, priority missing (routine), consent missing (not asked), a need coded
// elsewhere as "other"; unknown extensions and elements are reported, not read.
func TestImportForeign(t *testing.T) {
	got, err := fhir.Import([]byte(minimalBundle(foreignSR)))
	if err != nil {
		t.Fatal(err)
	}
	r := got.Referral
	if r.EpisodeID != "REF-7" || r.Received != sp.MustParseDate("2024-05-13") || r.Urgency != referral.UrgencyRoutine ||
		r.State != referral.StateReceived || r.Consent.Referral != referral.ConsentStatusNotAsked || r.Referrer.Organisation != "Riverside Medical Practice" {
		t.Errorf("got %#v", r)
	}
	if len(r.Needs) != 1 || r.Needs[0] != (referral.NeedItem{Need: referral.NeedOther, Description: "Lonely since moving"}) {
		t.Errorf("needs: got %v", len(r.Needs))
	}
	want := []fhir.Ignored{
		{Path: "/entry/1/resource/note", What: "element note of ServiceRequest (not read)"},
		{Path: "/entry/1/resource/extension/2", What: "extension https://example.org/colour"},
	}
	if diff := cmp.Diff(want, got.Ignored); diff != "" {
		t.Errorf("ignored (-want +got):\n%s", diff)
	}
	// The same as a ServiceRequest with its Patient contained.
	sr := strings.Replace(foreignSR, `"subject":{"reference":"urn:uuid:p"}`, `"subject":{"reference":"#p"},"contained":[`+minimalPatient+`]`, 1)
	got2, err := fhir.Import([]byte(sr))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, got2.Referral); diff != "" {
		t.Errorf("contained form differs (-bundle +contained):\n%s", diff)
	}
}

// TestImportErrors: each error points into the FHIR document, names its rule and holds no value.
func TestImportErrors(t *testing.T) {
	secret := "4010232137"
	for _, tc := range []struct {
		name, reason, doc, path, rule string
	}{
		{"two patients", "a Bundle with two Patients is an error naming both", minimalBundle(foreignSR, `{"fullUrl":"urn:uuid:p2","resource":`+strings.Replace(minimalPatient, "9434765919", secret, 1)+`}`), "/entry/2/resource", "one-patient"},
		{"two service requests", "likewise for ServiceRequests", minimalBundle(foreignSR, `{"fullUrl":"urn:uuid:sr2","resource":`+foreignSR+`}`), "/entry/2/resource", "one-servicerequest"},
		{"bad NHS number", "the check digit fails", strings.Replace(minimalBundle(foreignSR), "9434765919", "9434765918", 1), "/entry/0/resource/identifier/0/value", "nhsnumber"},
		{"bad verification code", "UK Core codes are 01 to 08", strings.Replace(minimalBundle(foreignSR), `"value":"9434765919"}`, `"value":"9434765919","extension":[{"url":"`+fhir.ExtNHSNumberVerificationStatus+`","valueCodeableConcept":{"coding":[{"system":"`+fhir.SystemNHSNumberVerificationStatus+`","code":"09"}]}}]}`, 1), "/entry/0/resource/identifier/0/extension/0", "verification-status"},
		{"no birth date", "the referral requires a date of birth", strings.Replace(minimalBundle(foreignSR), `,"birthDate":"1948-02-29"`, "", 1), "/entry/0/resource/birthDate", "required"},
		{"partial birth date", "a year alone is not a date of birth", strings.Replace(minimalBundle(foreignSR), `"1948-02-29"`, `"1948"`, 1), "/entry/0/resource/birthDate", "date"},
		{"unknown source", "the source must be one of the library's", strings.Replace(minimalBundle(foreignSR), `"general-practice"`, `"library"`, 1), "/entry/1/resource/extension/0/valueCodeableConcept/coding/0/code", "enum"},
		{"no contact route", "the referral requires a contact route", strings.Replace(minimalBundle(foreignSR), `{"url":"`+fhir.ExtReferrerContact+`","valueCode":"gp-clinical-system"},`, "", 1), "/entry/1/resource/extension", "required"},
		{"bad priority", "priority is a FHIR request priority", strings.Replace(minimalBundle(foreignSR), `"status":"active"`, `"status":"active","priority":"whenever"`, 1), "/entry/1/resource/priority", "enum"},
		{"subject elsewhere", "the subject must be the Patient", strings.Replace(minimalBundle(foreignSR), `"reference":"urn:uuid:p"`, `"reference":"Patient/other"`, 1), "/entry/1/resource/subject", "reference"},
		{"wrong type", "birthDate is a string", strings.Replace(minimalBundle(foreignSR), `"1948-02-29"`, `19480229`, 1), "/entry/0/resource", "type"},
		{"modifier extension", "a modifier extension must not be ignored", strings.Replace(minimalBundle(foreignSR), `"status":"active"`, `"status":"active","modifierExtension":[{"url":"https://example.org/not"}]`, 1), "/entry/1/resource/modifierExtension", "modifier-extension"},
		{"entered in error", "a request entered in error is no referral", strings.Replace(minimalBundle(foreignSR), `"status":"active"`, `"status":"entered-in-error"`, 1), "/entry/1/resource/status", "entered-in-error"},
		{"not JSON", "syntax", `{"resourceType":`, "", "syntax"},
		{"not a referral", "an Observation is neither", `{"resourceType":"Observation"}`, "/resourceType", "resource"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ve := importErr(t, tc.doc)
			if !ve.Has(tc.path, tc.rule) {
				t.Errorf("%s: got %v, want %s at %s", tc.reason, ve, tc.rule, tc.path)
			}
			msg := ve.Error()
			for _, v := range []string{secret, "9434765918", "1948", "library", "whenever", "Riverside", "Lonely", "REF-7"} {
				if strings.Contains(msg, v) {
					t.Errorf("error holds a value from the document: %s", msg)
				}
			}
			if tc.rule == "one-patient" && !strings.Contains(msg, "/entry/0/resource") {
				t.Errorf("error does not name the first Patient: %s", msg)
			}
		})
	}
}

// TestImportTaskStatus: a Task whose status disagrees with its history is an error; without a
// history the referral is received and the status is reported as ignored.
func TestImportTaskStatus(t *testing.T) {
	r := decodeFile[referral.Referral](t, filepath.Join("..", "referral", "testdata", "valid", "referral.completed.json"))
	b, err := fhir.ExportReferral(r, fhir.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := string(marshal(t, b))
	ve := importErr(t, strings.Replace(doc, `"status":"completed","intent":"order","code":{"coding":[{"system":"http://hl7.org/fhir/CodeSystem/task-code"`, `"status":"in-progress","intent":"order","code":{"coding":[{"system":"http://hl7.org/fhir/CodeSystem/task-code"`, 1))
	if !ve.Has("/entry/2/resource/status", "task-status") {
		t.Errorf("got %v, want task-status at the Task", ve)
	}
	// Without the history, a Task status other than requested is an error, not a referral read as
	// received; so is the ServiceRequest's completed status, which only the history can explain.
	var bundle map[string]any
	_ = json.Unmarshal([]byte(doc), &bundle)
	task := bundle["entry"].([]any)[2].(map[string]any)["resource"].(map[string]any)
	delete(task, "extension")
	data, _ := json.Marshal(bundle)
	ve = importErr(t, string(data))
	if !ve.Has("/entry/2/resource/status", "task-status") || !ve.Has("/entry/1/resource/status", "request-status") {
		t.Errorf("without history: got %v, want task-status at the Task and request-status at the ServiceRequest", ve)
	}
	// A foreign Task for a new referral, requested, imports; received (outside Gravity's set) does not.
	taskDoc := `{"fullUrl":"urn:uuid:t","resource":{"resourceType":"Task","status":"requested","intent":"order","focus":{"reference":"urn:uuid:sr"},"for":{"reference":"urn:uuid:p"}}}`
	if _, err := fhir.Import([]byte(minimalBundle(foreignSR, taskDoc))); err != nil {
		t.Errorf("requested Task: %v", err)
	}
	for _, status := range []string{"received", "accepted", "completed", "in-progress"} {
		ve := importErr(t, minimalBundle(foreignSR, strings.Replace(taskDoc, `"requested"`, `"`+status+`"`, 1)))
		if !ve.Has("/entry/2/resource/status", "task-status") {
			t.Errorf("Task %s without history: got %v, want task-status", status, ve)
		}
	}
}

// TestImportModifiers: what changes the meaning of the request is refused with an error at the
// element, never read as a new referral nor merely listed as ignored.
func TestImportModifiers(t *testing.T) {
	sr := func(from, to string) string { return minimalBundle(strings.Replace(foreignSR, from, to, 1)) }
	for _, tc := range []struct{ name, doc, path, rule string }{
		{"revoked", sr(`"status":"active"`, `"status":"revoked"`), "/entry/1/resource/status", "request-status"},
		{"completed", sr(`"status":"active"`, `"status":"completed"`), "/entry/1/resource/status", "request-status"},
		{"draft", sr(`"status":"active"`, `"status":"draft"`), "/entry/1/resource/status", "request-status"},
		{"on hold", sr(`"status":"active"`, `"status":"on-hold"`), "/entry/1/resource/status", "request-status"},
		{"unknown status", sr(`"status":"active"`, `"status":"unknown"`), "/entry/1/resource/status", "request-status"},
		{"no status", sr(`"status":"active",`, ``), "/entry/1/resource/status", "required"},
		{"entered in error", sr(`"status":"active"`, `"status":"entered-in-error"`), "/entry/1/resource/status", "entered-in-error"},
		{"do not perform", sr(`"intent":"order"`, `"intent":"order","doNotPerform":true`), "/entry/1/resource/doNotPerform", "do-not-perform"},
		{"plan", sr(`"intent":"order"`, `"intent":"plan"`), "/entry/1/resource/intent", "intent"},
		{"proposal", sr(`"intent":"order"`, `"intent":"proposal"`), "/entry/1/resource/intent", "intent"},
		{"no intent", sr(`"intent":"order",`, ``), "/entry/1/resource/intent", "required"},
		{"modifier on the request", sr(`"status":"active"`, `"status":"active","modifierExtension":[{"url":"https://example.org/not"}]`), "/entry/1/resource/modifierExtension", "modifier-extension"},
		{"modifier in a backbone element", strings.Replace(minimalBundle(foreignSR), `"birthDate":"1948-02-29"`, `"birthDate":"1948-02-29","communication":[{"language":{"text":"Welsh"},"modifierExtension":[{"url":"https://example.org/not"}]}]`, 1), "/entry/0/resource/communication/0/modifierExtension", "modifier-extension"},
		{"modifier on a Bundle entry", strings.Replace(minimalBundle(foreignSR), `{"fullUrl":"urn:uuid:p",`, `{"modifierExtension":[{"url":"https://example.org/not"}],"fullUrl":"urn:uuid:p",`, 1), "/entry/0/modifierExtension", "modifier-extension"},
		{"modifier inside an extension", sr(`{"url":"https://example.org/colour","valueString":"blue"}`, `{"url":"https://example.org/colour","valueString":"blue","modifierExtension":[{"url":"https://example.org/not"}]}`), "/entry/1/resource/extension/2/modifierExtension", "modifier-extension"},
		{"modifier under an odd key", sr(`"status":"active"`, `"status":"active","4010232137":{"modifierExtension":[]}`), "/entry/1/resource/modifierExtension", "modifier-extension"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ve := importErr(t, tc.doc)
			if !ve.Has(tc.path, tc.rule) {
				t.Errorf("got %v, want %s at %s", ve, tc.rule, tc.path)
			}
			if msg := ve.Error(); strings.Contains(msg, "4010232137") || strings.Contains(msg, "Welsh") {
				t.Errorf("error holds a value from the document: %s", msg)
			}
		})
	}
}

// FuzzImport: Import never panics, returns either a valid referral or a *ValidationError, and what
// it returns exports and imports again unchanged.
func FuzzImport(f *testing.F) {
	f.Add([]byte(minimalBundle(foreignSR)))
	f.Add([]byte(`{"resourceType":"ServiceRequest","contained":[{}]}`))
	f.Add([]byte(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Task","focus":{"reference":"x"}}}]}`))
	for _, p := range []string{"referral", "episode"} {
		fs, _ := filepath.Glob(filepath.Join("..", p, "testdata", "valid", "*.json"))
		for _, file := range fs {
			var b *fhir.Bundle
			var err error
			switch {
			case strings.HasPrefix(filepath.Base(file), "referral."):
				b, err = fhir.ExportReferral(decodeFile[referral.Referral](f, file), fhir.Options{NHSNumberVerification: "01"})
			case strings.HasPrefix(filepath.Base(file), "episode."):
				b, err = fhir.ExportEpisode(decodeFile[episode.Episode](f, file), fhir.Options{})
			default:
				continue
			}
			if err != nil {
				f.Fatal(err)
			}
			if seed := marshal(f, b); len(seed) <= fixturetest.MaxSeed {
				f.Add(seed)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := fhir.Import(data)
		if err != nil {
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v is not a *ValidationError", err)
			}
			return
		}
		if err := got.Referral.Validate(); err != nil {
			t.Fatalf("imported referral invalid: %v", err)
		}
		roundTrip(t, got.Referral, fhir.Options{NHSNumberVerification: got.NHSNumberVerification, Owner: got.Owner})
	})
}

// TestImportIgnoredShowsNoValue: an unknown key or extension url that is not a name or URL could
// hold anything, so Ignored reports it without showing it.
func TestImportIgnoredShowsNoValue(t *testing.T) {
	doc := strings.Replace(minimalBundle(foreignSR), `"status":"active"`, `"status":"active","4010232137":1`, 1)
	doc = strings.Replace(doc, `"https://example.org/colour"`, `"4010232137 Jane"`, 1)
	got, err := fhir.Import([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(got.Ignored)
	if strings.Contains(string(b), "4010232137") || strings.Contains(string(b), "Jane") {
		t.Errorf("Ignored shows a value: %s", b)
	}
	if len(got.Ignored) != 3 {
		t.Errorf("got %d ignored, want 3 (note, the odd key, the odd extension): %s", len(got.Ignored), b)
	}
}

// TestImportSourceCodes: a referral source coded in SNOMED CT, as UK Core's value set for
// Extension-UKCore-SourceOfServiceRequest has it, is read where the code names one of the library's
// sources, and reported clearly where it does not; a self-referral exports the SNOMED CT code
// 306098008 beside the library's own.
func TestImportSourceCodes(t *testing.T) {
	const own = `{"system":"` + fhir.SystemReferralSource + `","code":"general-practice"}`
	withSource := func(codings string) string {
		return minimalBundle(strings.Replace(foreignSR, own, codings, 1))
	}
	snomed := func(code string) string { return `{"system":"http://snomed.info/sct","code":"` + code + `"}` }
	for _, tc := range []struct {
		code string
		want referral.Source
	}{
		{"306098008", referral.SourceSelf},                  // Self-referral
		{"310434002", referral.SourceSelf},                  // Self-referral to service
		{"108161000000109", referral.SourceGeneralPractice}, // Referred by general practitioner
		{"185369008", referral.SourcePharmacy},              // Referred by pharmacist
		{"185365002", referral.SourceSocialCare},            // Referred by social worker
		{"185370009", referral.SourceAlliedHealth},          // Referred by physiotherapist
	} {
		got, err := fhir.Import([]byte(withSource(snomed(tc.code))))
		if err != nil {
			t.Errorf("%s: %v", tc.code, err)
			continue
		}
		if got.Referral.Referrer.Source != tc.want {
			t.Errorf("%s: got %s, want %s", tc.code, got.Referral.Referrer.Source, tc.want)
		}
	}
	for _, tc := range []struct{ name, codings, path string }{
		{"unmapped SNOMED CT code", snomed("185362004"), "/entry/1/resource/extension/0/valueCodeableConcept/coding/0/code"}, // Referred by nurse
		{"another system", `{"system":"https://example.org/sources","code":"gp"}`, "/entry/1/resource/extension/0/valueCodeableConcept"},
		{"codes disagree", own + "," + snomed("306098008"), "/entry/1/resource/extension/0/valueCodeableConcept/coding/1/code"},
	} {
		ve := importErr(t, withSource(tc.codings))
		if !ve.Has(tc.path, "source-code") {
			t.Errorf("%s: got %v, want source-code at %s", tc.name, ve, tc.path)
		}
		if strings.Contains(ve.Error(), "missing or empty") {
			t.Errorf("%s: reported as missing: %v", tc.name, ve)
		}
	}
	// Export: a self-referral carries 306098008 beside the library's code; another source does not.
	r := decodeFile[referral.Referral](t, filepath.Join("..", "referral", "testdata", "valid", "referral.typical.json"))
	for _, src := range []referral.Source{referral.SourceSelf, referral.SourceGeneralPractice} {
		r.Referrer.Source = src
		b, err := fhir.ExportReferral(r, fhir.Options{})
		if err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(string(marshal(t, b)), `{"system":"http://snomed.info/sct","code":"306098008","display":"Self-referral"}`)
		if has != (src == referral.SourceSelf) {
			t.Errorf("%s: SNOMED CT self-referral code written: %v", src, has)
		}
		roundTrip(t, r, fhir.Options{})
	}
}

// TestImportRequiredNamesWhat: an error of the referral's rules names what is missing (the referral
// field and the FHIR element or extension URL that carries it), not only where it would be.
func TestImportRequiredNamesWhat(t *testing.T) {
	doc := minimalBundle(foreignSR)
	for _, tc := range []struct{ name, from, to, path string }{
		{"contact route", `{"url":"` + fhir.ExtReferrerContact + `","valueCode":"gp-clinical-system"},`, "", "/entry/1/resource/extension"},
		{"source", `{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-SourceOfServiceRequest","valueCodeableConcept":{"coding":[{"system":"` + fhir.SystemReferralSource + `","code":"general-practice"}]}},`, "", "/entry/1/resource/extension"},
		{"needs", `"reasonCode":[{"text":"Lonely since moving"}],`, "", "/entry/1/resource/reasonReference"},
		{"received", `"authoredOn":"2024-05-13T09:30:00+01:00",`, "", "/entry/1/resource/authoredOn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ve := importErr(t, strings.Replace(doc, tc.from, tc.to, 1))
			want := map[string][]string{
				"contact route": {"/referrer/contact", fhir.ExtReferrerContact},
				"source":        {"/referrer/source", fhir.ExtSourceOfServiceRequest},
				"needs":         {"/needs", "reasonReference"},
				"received":      {"/received", "ServiceRequest.authoredOn"},
			}[tc.name]
			if !ve.Has(tc.path, "required") {
				t.Fatalf("got %v, want required at %s", ve, tc.path)
			}
			for _, w := range want {
				if !strings.Contains(ve.Error(), w) {
					t.Errorf("got %v, want it to name %s", ve, w)
				}
			}
		})
	}
}

// TestImportConsentShape: a refusal is an active Consent that denies (opt-out policy, deny
// provision) or a rejected one; a provision and a policy rule that disagree, or a provision with
// rules the referral's consent cannot hold, are errors.
func TestImportConsentShape(t *testing.T) {
	sr := strings.Replace(foreignSR, `"reasonCode"`, `"supportingInfo":[{"reference":"urn:uuid:c"}],"reasonCode"`, 1)
	consent := func(rest string) string {
		return minimalBundle(sr, `{"fullUrl":"urn:uuid:c","resource":{"resourceType":"Consent","category":[{"coding":[{"system":"`+fhir.SystemConsentQuestion+`","code":"share-outcomes"}]}],`+rest+`}}`)
	}
	const optIn, optOut = `"policyRule":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"OPTIN"}]}`, `"policyRule":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"OPTOUT"}]}`
	for _, tc := range []struct {
		name, rest string
		want       referral.ConsentStatus
	}{
		{"active opt-out deny", `"status":"active",` + optOut + `,"provision":{"type":"deny"}`, referral.ConsentStatusRefused},
		{"active deny", `"status":"active","provision":{"type":"deny"}`, referral.ConsentStatusRefused},
		{"rejected", `"status":"rejected"`, referral.ConsentStatusRefused},
		{"active opt-in permit", `"status":"active",` + optIn + `,"provision":{"type":"permit"}`, referral.ConsentStatusGiven},
		{"proposed", `"status":"proposed",` + optIn, referral.ConsentStatusNotAsked},
	} {
		got, err := fhir.Import([]byte(consent(tc.rest)))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Referral.Consent.ShareOutcomes != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got.Referral.Consent.ShareOutcomes, tc.want)
		}
	}
	for _, tc := range []struct{ name, rest, path, rule string }{
		{"opt-out permit", `"status":"active",` + optOut + `,"provision":{"type":"permit"}`, "/entry/2/resource", "consent-policy"},
		{"opt-in deny", `"status":"active",` + optIn + `,"provision":{"type":"deny"}`, "/entry/2/resource", "consent-policy"},
		{"narrowed provision", `"status":"active","provision":{"type":"permit","period":{"end":"2025-01-01"}}`, "/entry/2/resource/provision", "consent-provision"},
	} {
		ve := importErr(t, consent(tc.rest))
		if !ve.Has(tc.path, tc.rule) {
			t.Errorf("%s: got %v, want %s at %s", tc.name, ve, tc.rule, tc.path)
		}
	}
}
