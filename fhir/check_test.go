package fhir_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// The rules below are checked in Go because the R4 JSON Schema cannot state them. Expected values are
// written out from the specifications, not read from the package.

// Gravity's referral Task status value set: HL7 FHIR R4 TaskStatus without ready and received
// (SDOHCC-ValueSetReferralTaskStatus).
var gravityTaskStatuses = []string{"draft", "requested", "accepted", "rejected", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error"}

// UK Core's NHS number verification status codes (England).
var ukCoreVerificationCodes = []string{"01", "02", "03", "04", "05", "06", "07", "08"}

type rawBundle struct {
	ResourceType string `json:"resourceType"`
	Type         string `json:"type"`
	Entry        []struct {
		FullURL  string          `json:"fullUrl"`
		Resource json.RawMessage `json:"resource"`
	} `json:"entry"`
}

// checkBundle validates every resource of a Bundle against the R4 schema and checks the rules the
// schema cannot: references resolve inside the Bundle, UK Core's identifier system and verification
// codes, Gravity's Task status set, status reason and code. It returns every problem found.
func checkBundle(t tester, data []byte) []string {
	t.Helper()
	validate := r4SchemaIfPresent(t)
	if validate == nil { // the Go checks still run
		validate = func([]byte) error { return nil }
	}
	var probs []string
	bad := func(format string, a ...any) { probs = append(probs, fmt.Sprintf(format, a...)) }
	var b rawBundle
	if err := json.Unmarshal(data, &b); err != nil {
		return append(probs, "Bundle: "+err.Error())
	}
	// The Bundle itself, its resources left out (each is checked against its own definition below,
	// not through the schema's oneOf of every resource type).
	var shell map[string]any
	_ = json.Unmarshal(data, &shell)
	if entries, ok := shell["entry"].([]any); ok {
		for _, e := range entries {
			delete(e.(map[string]any), "resource")
		}
	}
	if shellData, err := json.Marshal(shell); err != nil || validate(shellData) != nil {
		bad("Bundle: R4 schema: %v", validate(shellData))
	}
	urls := map[string]string{}
	var srRequester *rawRef // the ServiceRequest's requester, which the Task repeats
	for _, e := range b.Entry {
		var head struct {
			ResourceType string  `json:"resourceType"`
			ID           string  `json:"id"`
			Requester    *rawRef `json:"requester"`
		}
		_ = json.Unmarshal(e.Resource, &head)
		if _, dup := urls[e.FullURL]; dup || !strings.HasPrefix(e.FullURL, "urn:uuid:") {
			bad("%s: fullUrl duplicated or not a urn:uuid", head.ResourceType)
		}
		if e.FullURL != "urn:uuid:"+head.ID {
			bad("%s: id is not the fullUrl's uuid", head.ResourceType)
		}
		urls[e.FullURL] = head.ResourceType
		if head.ResourceType == "ServiceRequest" {
			srRequester = head.Requester
		}
	}
	for i, e := range b.Entry {
		var head struct {
			ResourceType string `json:"resourceType"`
		}
		_ = json.Unmarshal(e.Resource, &head)
		where := fmt.Sprintf("entry %d (%s)", i, head.ResourceType)
		if err := validate(e.Resource); err != nil {
			bad("%s: R4 schema: %v", where, err)
		}
		var doc any
		_ = json.Unmarshal(e.Resource, &doc)
		walkReferences(doc, func(ref, typ string) {
			got, ok := urls[ref]
			switch {
			case !ok:
				bad("%s: reference %q does not resolve inside the Bundle", where, ref)
			case typ != "" && typ != got:
				bad("%s: reference typed %s resolves to a %s", where, typ, got)
			}
		})
		switch head.ResourceType {
		case "Patient":
			probs = append(probs, checkPatient(where, e.Resource)...)
		case "Task":
			probs = append(probs, checkTask(where, e.Resource, srRequester)...)
		case "Consent":
			probs = append(probs, checkConsent(where, e.Resource)...)
		}
	}
	return probs
}

// walkReferences calls f for every Reference.reference in a resource.
func walkReferences(v any, f func(ref, typ string)) {
	switch x := v.(type) {
	case map[string]any:
		if r, ok := x["reference"].(string); ok {
			typ, _ := x["type"].(string)
			f(r, typ)
		}
		for _, y := range x {
			walkReferences(y, f)
		}
	case []any:
		for _, y := range x {
			walkReferences(y, f)
		}
	}
}

type rawCoding struct {
	System, Code string
}

type rawPatient struct {
	Identifier []struct {
		System    string `json:"system"`
		Value     string `json:"value"`
		Extension []struct {
			URL                  string `json:"url"`
			ValueCodeableConcept struct {
				Coding []rawCoding `json:"coding"`
			} `json:"valueCodeableConcept"`
		} `json:"extension"`
	} `json:"identifier"`
}

func checkPatient(where string, data []byte) []string {
	var p rawPatient
	var probs []string
	if err := json.Unmarshal(data, &p); err != nil {
		return []string{where + ": " + err.Error()}
	}
	if len(p.Identifier) > 1 {
		probs = append(probs, where+": more than one identifier")
	}
	for _, id := range p.Identifier {
		if id.System != "https://fhir.nhs.uk/Id/nhs-number" {
			probs = append(probs, where+": identifier system is not UK Core's NHS number system")
		}
		if len(id.Value) != 10 || strings.Trim(id.Value, "0123456789") != "" {
			probs = append(probs, where+": NHS number is not ten digits")
		}
		for _, x := range id.Extension {
			if x.URL != "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus" {
				probs = append(probs, where+": unexpected identifier extension")
				continue
			}
			cs := x.ValueCodeableConcept.Coding
			if len(cs) != 1 || cs[0].System != "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland" || !slices.Contains(ukCoreVerificationCodes, cs[0].Code) {
				probs = append(probs, where+": verification status is not a UK Core code")
			}
		}
	}
	return probs
}

// rawRef is a Reference as written.
type rawRef struct {
	Reference string `json:"reference"`
	Type      string `json:"type"`
	Display   string `json:"display"`
}

type rawTask struct {
	Requester    *rawRef `json:"requester"`
	Owner        *rawRef `json:"owner"`
	Status       string  `json:"status"`
	Intent       string  `json:"intent"`
	StatusReason *struct {
		Text string `json:"text"`
	} `json:"statusReason"`
	Code struct {
		Coding []rawCoding `json:"coding"`
	} `json:"code"`
	Focus *struct {
		Reference string `json:"reference"`
		Type      string `json:"type"`
	} `json:"focus"`
	For *struct {
		Reference string `json:"reference"`
		Type      string `json:"type"`
	} `json:"for"`
}

// checkTask checks Gravity's referral Task (SDOHCC-TaskForReferralManagement): status set, status
// reason, code, focus, for, intent, requester (1..1, a PractitionerRole or Organization; this library
// writes the ServiceRequest's requester, which for a self-referral without an organisation is the
// Patient) and owner (0..1, the fulfilling organisation).
func checkTask(where string, data []byte, srRequester *rawRef) []string {
	var t rawTask
	var probs []string
	if err := json.Unmarshal(data, &t); err != nil {
		return []string{where + ": " + err.Error()}
	}
	if !slices.Contains(gravityTaskStatuses, t.Status) {
		probs = append(probs, where+": status "+t.Status+" is not in Gravity's referral Task status set")
	}
	needsReason := slices.Contains([]string{"rejected", "cancelled", "on-hold", "failed"}, t.Status)
	if needsReason && (t.StatusReason == nil || t.StatusReason.Text == "") {
		probs = append(probs, where+": status "+t.Status+" without statusReason.text")
	}
	if len(t.Code.Coding) != 1 || t.Code.Coding[0] != (rawCoding{"http://hl7.org/fhir/CodeSystem/task-code", "fulfill"}) {
		probs = append(probs, where+": code is not task-code fulfill")
	}
	if t.Focus == nil || t.Focus.Type != "ServiceRequest" {
		probs = append(probs, where+": focus is not the ServiceRequest")
	}
	if t.For == nil || t.For.Type != "Patient" {
		probs = append(probs, where+": for is not the Patient")
	}
	if t.Intent != "order" {
		probs = append(probs, where+": intent is not order")
	}
	switch {
	case t.Requester == nil:
		probs = append(probs, where+": no requester (Gravity requires one)")
	case srRequester == nil || *t.Requester != *srRequester:
		probs = append(probs, where+": requester is not the ServiceRequest's requester")
	case t.Requester.Type == "Organization" || t.Requester.Type == "PractitionerRole":
		if t.Requester.Display == "" && t.Requester.Reference == "" {
			probs = append(probs, where+": requester names no organisation")
		}
	case t.Requester.Type == "Patient" && t.Requester.Reference != "" && t.For != nil && t.Requester.Reference == t.For.Reference:
		// A self-referral without an organisation: the person asked.
	default:
		probs = append(probs, where+": requester is not an Organization or PractitionerRole")
	}
	if o := t.Owner; o != nil && (o.Type != "Organization" || o.Display == "" && o.Reference == "") {
		probs = append(probs, where+": owner is not a named Organization")
	}
	return probs
}

// checkConsent checks that a Consent's policy rule agrees with what it records (HL7 FHIR R4 Consent;
// HL7 v3 ActCode OPTIN, OPTOUT): an opt-in rule on a refusal (status rejected or a deny provision),
// or an opt-out rule on a permit, says two things at once.
func checkConsent(where string, data []byte) []string {
	var c struct {
		Status     string `json:"status"`
		PolicyRule struct {
			Coding []rawCoding `json:"coding"`
		} `json:"policyRule"`
		Provision *struct {
			Type string `json:"type"`
		} `json:"provision"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return []string{where + ": " + err.Error()}
	}
	var probs []string
	const actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	refusal := c.Status == "rejected" || c.Provision != nil && c.Provision.Type == "deny"
	permit := c.Provision != nil && c.Provision.Type == "permit"
	for _, cd := range c.PolicyRule.Coding {
		switch {
		case cd == rawCoding{actCode, "OPTIN"} && refusal:
			probs = append(probs, where+": a refusal under an opt-in policy rule")
		case cd == rawCoding{actCode, "OPTOUT"} && permit:
			probs = append(probs, where+": a permit under an opt-out policy rule")
		}
	}
	return probs
}

// TestChecksCatch shows the Go checks can fail: an exported Bundle broken in each way the schema
// cannot see is reported.
func TestChecksCatch(t *testing.T) {
	r := decodeFile[referral.Referral](t, filepath.Join("..", "referral", "testdata", "valid", "referral.typical.json"))
	r.Consent.ShareOutcomes = referral.ConsentStatusRefused
	b, err := fhir.ExportReferral(r, fhir.Options{NHSNumberVerification: "01", Owner: "Riverside Social Prescribing Service"})
	if err != nil {
		t.Fatal(err)
	}
	good := string(marshal(t, b))
	if !strings.Contains(good, `"owner":{"type":"Organization","display":"Riverside Social Prescribing Service"}`) {
		t.Errorf("the Task has no owner naming the service: %s", good)
	}
	if probs := checkBundle(t, []byte(good)); len(probs) > 0 {
		t.Fatalf("the exported Bundle: %v", probs)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"received status", `"status":"accepted"`, `"status":"received"`, "not in Gravity's referral Task status set"},
		{"status reason", `"status":"accepted"`, `"status":"on-hold"`, "without statusReason.text"},
		{"task code", `"code":"fulfill"`, `"code":"approve"`, "code is not task-code fulfill"},
		{"dangling reference", `"reference":"urn:uuid:`, `"reference":"urn:uuid:0`, "does not resolve inside the Bundle"},
		{"identifier system", `"system":"https://fhir.nhs.uk/Id/nhs-number"`, `"system":"https://fhir.nhs.uk/Id/nhsnumber"`, "not UK Core's NHS number system"},
		{"verification code", `"code":"01"`, `"code":"09"`, "not a UK Core code"},
		{"no requester", `"requester":` + taskRequester(t, good) + `,"owner"`, `"owner"`, "no requester"},
		{"requester elsewhere", `"requester":` + taskRequester(t, good) + `,"owner"`, `"requester":{"type":"Organization","display":"Elsewhere"},"owner"`, "not the ServiceRequest's requester"},
		{"refusal under opt-in", `"code":"OPTOUT"`, `"code":"OPTIN"`, "a refusal under an opt-in policy rule"},
		{"owner unnamed", `"display":"Riverside Social Prescribing Service"`, `"display":""`, "owner is not a named Organization"},
	} {
		bad := strings.Replace(good, tc.from, tc.to, 1)
		if bad == good {
			t.Fatalf("%s: nothing replaced", tc.name)
		}
		probs := checkBundle(t, []byte(bad))
		if !slices.ContainsFunc(probs, func(p string) bool { return strings.Contains(p, tc.want) }) {
			t.Errorf("%s: got %v, want a problem saying %q", tc.name, probs, tc.want)
		}
	}
}

// taskRequester returns the JSON of the Task's requester in an exported Bundle.
func taskRequester(t tester, bundle string) string {
	t.Helper()
	var b struct {
		Entry []struct {
			Resource struct {
				ResourceType string          `json:"resourceType"`
				Requester    json.RawMessage `json:"requester"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal([]byte(bundle), &b); err != nil {
		t.Fatalf("%v", err)
	}
	for _, e := range b.Entry {
		if e.Resource.ResourceType == "Task" && e.Resource.Requester != nil {
			return string(e.Resource.Requester)
		}
	}
	t.Fatalf("no Task requester")
	return ""
}
