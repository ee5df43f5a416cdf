package fhir

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/outcomes"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// Options are the caller's choices for an export.
type Options struct {
	// NHSNumberVerification is UK Core's NHS number verification status code, "01" to "08" (see
	// [VerificationStatuses]), written on the Patient's NHS number identifier. The library never
	// guesses it: when it is empty the extension is left out, and it is ignored when the person has
	// no NHS number.
	NHSNumberVerification string
	// Owner is the name of the organisation whose social prescribing service receives the referral
	// and carries it out, written as the Task's owner (an Organization reference by display, as the
	// HL7 Gravity referral Task's owner is the organisation that fulfils it). When it is empty the
	// Task has no owner, which Gravity allows for a request any capable service may claim.
	Owner string
}

func (o Options) check() error {
	if o.Owner != "" && !ownerName(o.Owner) {
		return fmt.Errorf("fhir: export: the owner is not an organisation name of at most 255 bytes without control characters: %w", sp.ErrInvalid)
	}
	if o.NHSNumberVerification == "" {
		return nil
	}
	if _, ok := verificationStatus(o.NHSNumberVerification); !ok {
		return fmt.Errorf("fhir: export: the NHS number verification status is not one of the codes 01 to 08: %w", sp.ErrInvalid)
	}
	return nil
}

// ownerName reports whether s can be an organisation's name: not blank, at most 255 bytes, no
// control characters.
func ownerName(s string) bool {
	return strings.TrimSpace(s) != "" && len(s) <= 255 && !strings.ContainsFunc(s, func(c rune) bool { return c < ' ' || c == 0x7f || c == 0xfffd })
}

// ExportReferral returns the referral as a FHIR R4 Bundle of type collection: a Patient (UK Core's
// NHS number identifier, birth date, language, access needs), a ServiceRequest (SNOMED CT
// 871731000000106, the source in UK Core's SourceOfServiceRequest extension, authored on the received
// date, priority from the urgency, the referrer, the needs as reasons and the consents as supporting
// information), a Task (Gravity's referral Task: code fulfill, focus the ServiceRequest, for the
// Patient, requester the ServiceRequest's requester, owner the organisation [Options.Owner] names,
// status from [referral.State.FHIR], statusReason on rejected, cancelled, on-hold and failed, the
// history in this project's referral-event extension), a Consent per consent question and a
// Condition per need. [Import] reads it back to the same referral.
//
// It validates r first and returns its *socialprescribing.ValidationError if r is not valid, and an
// error wrapping socialprescribing.ErrInvalid for an option outside its codes. The resources' ids and
// full URLs are urn:uuid values derived from the episode id, so the same referral always gives the
// same Bundle.
func ExportReferral(r referral.Referral, opt Options) (*Bundle, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	b := newBuilder(r.EpisodeID, 6+len(r.Needs))
	b.referral(r, opt)
	return b.bundle, nil
}

// ExportEpisode returns the episode as a FHIR R4 Bundle: the resources of [ExportReferral] for its
// referral; for the plan, a Condition for each need the plan adds, a Goal per goal (addressing the
// Conditions of its needs) and a CarePlan (created and closed dates, agreement, review dates and
// contacts in extensions, an activity per connection to a community offer); an Observation per
// measurement: UCLA-3 under LOINC 106418-7, SWEMWBS under SNOMED CT 718466001 with the metric and raw
// scores as components named as such, WEMWBS under SNOMED CT 718426000, ONS4 under this project's
// code system (no national code exists for its 0–10 items), every item answer a component; and an
// Observation of the service-use record. It validates e first.
func ExportEpisode(e episode.Episode, opt Options) (*Bundle, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	n := 8 + len(e.Referral.Needs) + len(e.Measurements)
	if e.Plan != nil {
		n += len(e.Plan.Needs) + len(e.Plan.Goals)
	}
	b := newBuilder(e.Referral.EpisodeID, n)
	b.referral(e.Referral, opt)
	if p := e.Plan; p != nil {
		for _, need := range p.Needs {
			if _, ok := b.needs[need]; !ok {
				b.condition(referral.NeedItem{Need: need})
			}
		}
		goals := make([]Reference, len(p.Goals))
		for i, g := range p.Goals {
			goals[i] = Reference{Reference: b.goal(i, g), Type: "Goal"}
		}
		b.carePlan(p, goals)
	}
	for i, m := range e.Measurements {
		b.observation(i, m)
	}
	if u := e.ServiceUse; u != nil {
		b.serviceUse(u)
	}
	return b.bundle, nil
}

// builder accumulates the resources of one Bundle.
type builder struct {
	episodeID string
	seed      []byte
	bundle    *Bundle
	patient   string // the Patient's reference
	request   string // the ServiceRequest's reference
	needs     map[referral.Need][]string
	nCond     int
}

func newBuilder(episodeID string, n int) *builder {
	return &builder{
		episodeID: episodeID,
		seed:      append([]byte(Canonical+"/episode/"), episodeID...),
		bundle:    &Bundle{ResourceType: "Bundle", Type: "collection", Entry: make([]BundleEntry, 0, n)},
		needs:     map[referral.Need][]string{},
	}
}

// uuid returns a name-based UUID (version 5 layout, SHA-1) of the episode id and a local name, so
// that ids are stable across exports and distinct within and across episodes.
func (b *builder) uuid(local string) string {
	h := sha1.New()
	h.Write(b.seed)
	h.Write([]byte{0})
	h.Write([]byte(local))
	var sum [sha1.Size]byte
	u := h.Sum(sum[:0])[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:], u[10:16])
	return string(s[:])
}

// add appends res under the id's urn:uuid full URL and returns that URL, the resource's reference.
func (b *builder) add(id string, res Resource) string {
	url := "urn:uuid:" + id
	b.bundle.Entry = append(b.bundle.Entry, BundleEntry{FullURL: url, Resource: res})
	return url
}

func str(s string) *string { return &s }

func codeExt(url, code string) Extension { return Extension{URL: url, ValueCode: str(code)} }

func stringExt(url, s string) Extension { return Extension{URL: url, ValueString: str(s)} }

func dateTime(t time.Time) string { return t.Format(time.RFC3339Nano) }

func concept(system, code, display string) *CodeableConcept {
	return &CodeableConcept{Coding: []Coding{{System: system, Code: code, Display: display}}}
}

// serviceRequestStatus is the ServiceRequest status of a state: active while the referral is open,
// on-hold, completed when the person finished or was referred on, revoked when it ended otherwise.
func serviceRequestStatus(s referral.State) string {
	switch s {
	case referral.StateOnHold:
		return "on-hold"
	case referral.StateCompleted, referral.StateReferredOnward:
		return "completed"
	case referral.StateDeclined, referral.StateRejected, referral.StateCancelled, referral.StateClosedIncomplete:
		return "revoked"
	}
	return "active"
}

// priorities maps urgency to ServiceRequest.priority, in the order of both scales: routine is
// routine, soon is urgent ("higher priority than routine"), urgent is asap ("higher priority than
// urgent").
var priorities = [...]struct {
	u referral.Urgency
	p string
}{{referral.UrgencyRoutine, "routine"}, {referral.UrgencySoon, "urgent"}, {referral.UrgencyUrgent, "asap"}}

func priority(u referral.Urgency) string {
	for _, x := range priorities {
		if x.u == u {
			return x.p
		}
	}
	return ""
}

// consentShape is how a consent answer is written: Consent.status, the v3 ActCode policy rule and
// the base provision's type. A refusal is an active consent record whose rule is opt-out and whose
// provision denies (HL7 FHIR R4 Consent: a provision of type deny, under an OPTOUT policy); a consent
// given is active, opt-in, permit; a question not yet asked is a proposed opt-in, with no provision.
var consentShapes = [...]struct {
	c                 referral.ConsentStatus
	status, rule      string
	ruleDisplay, prov string
}{
	{referral.ConsentStatusGiven, "active", "OPTIN", "opt-in", "permit"},
	{referral.ConsentStatusRefused, "active", "OPTOUT", "opt-out", "deny"},
	{referral.ConsentStatusNotAsked, "proposed", "OPTIN", "opt-in", ""},
}

// consentResource returns the Consent of one answer, its question and scope filled by the caller.
func consentResource(c referral.ConsentStatus) *Consent {
	for _, x := range consentShapes {
		if x.c == c {
			out := &Consent{ResourceType: "Consent", Status: x.status, PolicyRule: concept(SystemActCode, x.rule, x.ruleDisplay)}
			if x.prov != "" {
				out.Provision = &ConsentProvision{Type: x.prov}
			}
			return out
		}
	}
	return &Consent{ResourceType: "Consent"}
}

func (b *builder) referral(r referral.Referral, opt Options) {
	patientID, srID, taskID := b.uuid("patient"), b.uuid("service-request"), b.uuid("task")
	b.patient, b.request = "urn:uuid:"+patientID, "urn:uuid:"+srID

	p := &Patient{ResourceType: "Patient", ID: patientID, BirthDate: r.Person.DateOfBirth.String()}
	if r.Person.NHSNumber.IsValid() {
		id := Identifier{System: SystemNHSNumber, Value: r.Person.NHSNumber.Digits()}
		if c, ok := verificationStatus(opt.NHSNumberVerification); ok {
			id.Extension = []Extension{{URL: ExtNHSNumberVerificationStatus, ValueCodeableConcept: &CodeableConcept{Coding: []Coding{c}}}}
		}
		p.Identifier = []Identifier{id}
	}
	if r.Person.Language != "" {
		p.Communication = []PatientCommunication{{Language: CodeableConcept{Text: r.Person.Language}}}
	}
	for _, a := range r.Person.AccessNeeds {
		p.Extension = append(p.Extension, codeExt(ExtAccessNeed, string(a)))
	}
	if r.Person.AccessNotes != "" {
		p.Extension = append(p.Extension, stringExt(ExtAccessNotes, r.Person.AccessNotes))
	}
	b.add(patientID, p)

	sr := &ServiceRequest{
		ResourceType: "ServiceRequest", ID: srID,
		Identifier: []Identifier{{System: SystemEpisodeID, Value: r.EpisodeID}},
		Status:     serviceRequestStatus(r.State), Intent: "order", Priority: priority(r.Urgency),
		Code:       &CodeableConcept{Coding: []Coding{codeReferral}},
		Subject:    Reference{Reference: b.patient, Type: "Patient"},
		AuthoredOn: r.Received.String(),
	}
	source := concept(SystemReferralSource, string(r.Referrer.Source), "")
	if r.Referrer.Source == referral.SourceSelf {
		// UK Core's value set is SNOMED CT: the national code travels beside the library's.
		source.Coding = append(source.Coding, codeSelfReferral)
	}
	sr.Extension = append(sr.Extension, Extension{URL: ExtSourceOfServiceRequest, ValueCodeableConcept: source})
	switch {
	case r.Referrer.Organisation != "":
		sr.Requester = &Reference{Type: "Organization", Display: r.Referrer.Organisation}
	case r.Referrer.Source == referral.SourceSelf:
		sr.Requester = &Reference{Reference: b.patient, Type: "Patient"}
	}
	if r.Referrer.JobTitle != "" {
		sr.Extension = append(sr.Extension, stringExt(ExtReferrerRole, r.Referrer.JobTitle))
	}
	sr.Extension = append(sr.Extension, codeExt(ExtReferrerContact, string(r.Referrer.Contact)))
	if r.WhatMattersToMe != "" {
		sr.Extension = append(sr.Extension, stringExt(ExtWhatMattersToMe, r.WhatMattersToMe))
	}
	if sg := r.Safeguarding; sg.Concern || len(sg.Escalations) > 0 {
		x := Extension{URL: ExtSafeguarding, Extension: []Extension{{URL: "concern", ValueBoolean: &sg.Concern}}}
		for _, e := range sg.Escalations {
			sub := []Extension{{URL: "at", ValueDateTime: str(dateTime(e.At))}, codeExt("to", string(e.To)), codeExt("by", string(e.By))}
			if e.Note != "" {
				sub = append(sub, stringExt("note", e.Note))
			}
			x.Extension = append(x.Extension, Extension{URL: "escalation", Extension: sub})
		}
		sr.Extension = append(sr.Extension, x)
	}
	b.add(srID, sr)

	t := task(r, taskID, b.request, b.patient)
	if sr.Requester != nil {
		// Gravity's referral Task requires its requester: the ServiceRequest's.
		rq := *sr.Requester
		t.Requester = &rq
	}
	if opt.Owner != "" {
		t.Owner = &Reference{Type: "Organization", Display: opt.Owner}
	}
	b.add(taskID, t)

	for _, q := range [...]struct {
		local, question, scope, scopeDisplay string
		status                               referral.ConsentStatus
	}{
		{"consent-referral", "referral", "treatment", "Treatment", r.Consent.Referral},
		{"consent-share-outcomes", "share-outcomes", "patient-privacy", "Privacy Consent", r.Consent.ShareOutcomes},
	} {
		id := b.uuid(q.local)
		c := consentResource(q.status)
		c.ID = id
		c.Scope = *concept("http://terminology.hl7.org/CodeSystem/consentscope", q.scope, q.scopeDisplay)
		c.Category = []CodeableConcept{*concept(SystemConsentQuestion, q.question, "")}
		c.Patient = &Reference{Reference: b.patient, Type: "Patient"}
		ref := b.add(id, c)
		sr.SupportingInfo = append(sr.SupportingInfo, Reference{Reference: ref, Type: "Consent"})
	}
	for _, n := range r.Needs {
		sr.ReasonReference = append(sr.ReasonReference, Reference{Reference: b.condition(n), Type: "Condition"})
	}
}

// condition adds the Condition of one need and returns its reference.
func (b *builder) condition(n referral.NeedItem) string {
	id := b.uuid("condition-" + strconv.Itoa(b.nCond))
	b.nCond++
	c := &Condition{
		ResourceType: "Condition", ID: id,
		ClinicalStatus: concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
		Category:       []CodeableConcept{*concept("http://terminology.hl7.org/CodeSystem/condition-category", "health-concern", "Health Concern")},
		Code:           concept(SystemNeed, string(n.Need), ""),
		Subject:        Reference{Reference: b.patient, Type: "Patient"},
	}
	if n.Description != "" {
		c.Note = []Annotation{{Text: n.Description}}
	}
	ref := b.add(id, c)
	b.needs[n.Need] = append(b.needs[n.Need], ref)
	return ref
}

// reasonText is the readable form of a reason code.
func reasonText(r referral.Reason) string {
	s := strings.ReplaceAll(string(r), "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// task returns the Gravity referral Task of r.
func task(r referral.Referral, id, request, patient string) *Task {
	row := r.State.FHIR()
	t := &Task{
		ResourceType: "Task", ID: id, Status: row.Status, Intent: "order",
		Code:       &CodeableConcept{Coding: []Coding{codeFulfill}},
		Focus:      &Reference{Reference: request, Type: "ServiceRequest"},
		For:        &Reference{Reference: patient, Type: "Patient"},
		AuthoredOn: r.Received.String(),
	}
	if row.BusinessStatus != "" {
		t.BusinessStatus = concept(SystemBusinessStatus, row.BusinessStatus, "")
	}
	var last referral.Event
	if n := len(r.History); n > 0 {
		last = r.History[n-1]
		t.LastModified = dateTime(last.At)
	}
	switch row.Status {
	case "rejected", "cancelled", "on-hold", "failed":
		// Gravity expects statusReason.text on these statuses; the coded reason, never its note.
		sr := &CodeableConcept{}
		switch {
		case last.Reason != "":
			sr.Coding = []Coding{{System: SystemReferralReason, Code: string(last.Reason)}}
			sr.Text = reasonText(last.Reason)
		case r.State == referral.StateDeclined:
			sr.Text = "Declined by the person"
		default:
			sr.Text = reasonText(referral.Reason(r.State))
		}
		t.StatusReason = sr
	}
	for _, e := range r.History {
		if e.Kind == referral.EventKindAccept && t.ExecutionPeriod == nil {
			t.ExecutionPeriod = &Period{Start: dateTime(e.At)}
		}
	}
	if r.State.IsTerminal() && t.ExecutionPeriod != nil {
		t.ExecutionPeriod.End = dateTime(last.At)
	}
	for _, e := range r.History {
		sub := make([]Extension, 0, 4+len(e.Codes))
		sub = append(sub, codeExt("kind", string(e.Kind)), Extension{URL: "at", ValueDateTime: str(dateTime(e.At))}, codeExt("by", string(e.By)))
		if e.Reason != "" {
			sub = append(sub, codeExt("reason", string(e.Reason)))
		}
		if e.Note != "" {
			sub = append(sub, stringExt("note", e.Note))
		}
		if e.CodedOn.IsValid() {
			sub = append(sub, Extension{URL: "codedOn", ValueDate: str(e.CodedOn.String())})
		}
		for _, c := range e.Codes {
			sub = append(sub, Extension{URL: "code", ValueCoding: &Coding{System: SystemSNOMED, Code: c.String()}})
		}
		t.Extension = append(t.Extension, Extension{URL: ExtReferralEvent, Extension: sub})
	}
	return t
}

// goalLifecycle maps a goal status to Goal.lifecycleStatus and, where one matches, FHIR's
// goal-achievement code.
func goalLifecycle(s plan.GoalStatus) (lifecycle, achievement string) {
	switch s {
	case plan.GoalStatusNotStarted:
		return "accepted", ""
	case plan.GoalStatusInProgress:
		return "active", "in-progress"
	case plan.GoalStatusAchieved:
		return "completed", "achieved"
	case plan.GoalStatusPartlyAchieved:
		return "completed", ""
	case plan.GoalStatusNotAchieved:
		return "completed", "not-achieved"
	case plan.GoalStatusDropped:
		return "cancelled", ""
	}
	return "", ""
}

func (b *builder) goal(i int, g plan.Goal) string {
	id := b.uuid("goal-" + strconv.Itoa(i))
	life, ach := goalLifecycle(g.Status)
	gr := &Goal{
		ResourceType: "Goal", ID: id, LifecycleStatus: life,
		Description: CodeableConcept{Text: g.Description},
		Subject:     Reference{Reference: b.patient, Type: "Patient"},
		StartDate:   g.Set.String(),
		Target:      []GoalTarget{{DueDate: g.Target.String()}},
	}
	as := &CodeableConcept{Coding: []Coding{{System: SystemGoalStatus, Code: string(g.Status)}}}
	if ach != "" {
		as.Coding = append(as.Coding, Coding{System: "http://terminology.hl7.org/CodeSystem/goal-achievement", Code: ach})
	}
	gr.AchievementStatus = as
	if g.Reason != "" {
		gr.Extension = append(gr.Extension, codeExt(ExtGoalReason, string(g.Reason)))
		gr.StatusReason = g.ReasonNote
		if gr.StatusReason == "" {
			gr.StatusReason = strings.ReplaceAll(string(g.Reason), "-", " ")
		}
	}
	for _, n := range g.Needs {
		for _, ref := range b.needs[n] {
			gr.Addresses = append(gr.Addresses, Reference{Reference: ref, Type: "Condition"})
		}
	}
	for _, pn := range g.Progress {
		gr.Note = append(gr.Note, Annotation{Time: pn.Date.String(), Text: pn.Note})
	}
	return b.add(id, gr)
}

// connectionStatus maps a connection's status to CarePlan.activity.detail.status.
func connectionStatus(s plan.ConnectionStatus) string {
	switch s {
	case plan.ConnectionStatusSuggested:
		return "not-started"
	case plan.ConnectionStatusReferred:
		return "scheduled"
	case plan.ConnectionStatusAttended:
		return "completed"
	case plan.ConnectionStatusOngoing:
		return "in-progress"
	case plan.ConnectionStatusDeclined:
		return "cancelled"
	case plan.ConnectionStatusStopped:
		return "stopped"
	}
	return "unknown"
}

func dateExt(url string, d sp.Date) Extension { return Extension{URL: url, ValueDate: str(d.String())} }

// carePlan adds the plan's CarePlan.
func (b *builder) carePlan(p *plan.Plan, goals []Reference) {
	id := b.uuid("care-plan")
	cp := &CarePlan{
		ResourceType: "CarePlan", ID: id, Status: "active", Intent: "plan",
		Subject:        Reference{Reference: b.patient, Type: "Patient"},
		Period:         &Period{Start: p.Created.String(), End: p.Closed.String()},
		Created:        p.Created.String(),
		SupportingInfo: []Reference{{Reference: b.request, Type: "ServiceRequest"}},
		Goal:           goals,
	}
	if p.Closed.IsValid() {
		cp.Status = "completed"
	}
	cp.Extension = append(cp.Extension, stringExt(ExtWhatMattersToMe, p.WhatMattersToMe))
	if p.Agreed {
		cp.Extension = append(cp.Extension, dateExt(ExtPlanAgreed, p.AgreedOn))
	}
	for _, d := range p.ReviewDates {
		cp.Extension = append(cp.Extension, dateExt(ExtPlanReview, d))
	}
	for _, c := range p.Contacts {
		cp.Extension = append(cp.Extension, Extension{URL: ExtPlanContact, Extension: []Extension{
			dateExt("date", c.Date), codeExt("mode", string(c.Mode)), {URL: "minutes", ValueInteger: intp(c.Minutes)}, codeExt("kind", string(c.Kind)),
		}})
	}
	for _, n := range p.Needs {
		for _, ref := range b.needs[n] {
			cp.Addresses = append(cp.Addresses, Reference{Reference: ref, Type: "Condition"})
		}
	}
	for _, c := range p.Connections {
		d := CarePlanDetail{
			Code:        concept(SystemOfferCategory, string(c.Category), ""),
			Status:      connectionStatus(c.Status),
			Description: c.Name,
			Performer:   []Reference{{Type: "Organization", Display: c.Provider}},
		}
		if c.Started.IsValid() || c.Ended.IsValid() {
			d.ScheduledPeriod = &Period{Start: c.Started.String(), End: c.Ended.String()}
		}
		if c.Reason != "" {
			d.StatusReason = concept(SystemStopReason, string(c.Reason), "")
			d.StatusReason.Text = c.ReasonNote
		}
		x := Extension{URL: ExtConnection, Extension: []Extension{codeExt("status", string(c.Status)), codeExt("mode", string(c.Mode)), dateExt("suggested", c.Suggested)}}
		if c.Referred.IsValid() {
			x.Extension = append(x.Extension, dateExt("referred", c.Referred))
		}
		if c.ServiceID != "" {
			x.Extension = append(x.Extension, stringExt("serviceId", c.ServiceID))
		}
		d.Extension = []Extension{x}
		cp.Activity = append(cp.Activity, CarePlanActivity{Detail: d})
	}
	b.add(id, cp)
}

// serviceUse adds the Observation of the service-use record: a component per service and window.
func (b *builder) serviceUse(u *outcomes.ServiceUse) {
	id := b.uuid("service-use")
	o := &Observation{
		ResourceType: "Observation", ID: id,
		Extension: []Extension{{URL: ExtServiceUseWindow, Extension: []Extension{
			{URL: "before", ValuePeriod: &Period{Start: u.Before.From.String(), End: u.Before.To.String()}},
			{URL: "after", ValuePeriod: &Period{Start: u.After.From.String(), End: u.After.To.String()}},
		}}},
		BasedOn:         []Reference{{Reference: b.request, Type: "ServiceRequest"}},
		Status:          "final",
		Code:            outcomeCode("service-use", "Health and care service use before and after the referral"),
		Subject:         &Reference{Reference: b.patient, Type: "Patient"},
		EffectivePeriod: &Period{Start: u.Before.From.String(), End: u.After.To.String()},
	}
	for _, it := range u.Items {
		for _, w := range [...]struct {
			name string
			n    *int
		}{{"before", it.Before}, {"after", it.After}} {
			if w.n != nil {
				o.Component = append(o.Component, ObservationComponent{Code: outcomeCode(string(it.Service)+"."+w.name, ""), ValueInteger: intp(*w.n)})
			}
		}
	}
	b.add(id, o)
}

func intp(v int) *int { return &v }

func outcomeCode(code, display string) CodeableConcept {
	return CodeableConcept{Coding: []Coding{{System: SystemOutcome, Code: code, Display: display}}}
}

func items(prefix string, vs []int) []ObservationComponent {
	out := make([]ObservationComponent, len(vs))
	for k, v := range vs {
		out[k] = ObservationComponent{Code: outcomeCode(prefix+strconv.Itoa(k+1), ""), ValueInteger: intp(v)}
	}
	return out
}

func (b *builder) observation(i int, m outcomes.Measurement) {
	id := b.uuid("observation-" + strconv.Itoa(i))
	o := &Observation{
		ResourceType: "Observation", ID: id,
		Extension:         []Extension{codeExt(ExtTimepoint, string(m.Timepoint))},
		BasedOn:           []Reference{{Reference: b.request, Type: "ServiceRequest"}},
		Status:            "final",
		Category:          []CodeableConcept{*concept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")},
		Subject:           &Reference{Reference: b.patient, Type: "Patient"},
		EffectiveDateTime: m.Date.String(),
	}
	// m is valid (the episode was validated), so the scores below cannot fail.
	switch m.Instrument {
	case outcomes.InstrumentONS4:
		o.Code = CodeableConcept{Coding: []Coding{codeONS4}}
		for _, s := range m.Instrument.Scales() {
			v, _ := m.ONS4.Score(s)
			o.Component = append(o.Component, ObservationComponent{Code: outcomeCode(string(s), s.Question()), ValueInteger: intp(v)})
		}
	case outcomes.InstrumentSWEMWBS:
		o.Code = CodeableConcept{Coding: []Coding{codeSWEMWBS}}
		raw, _ := m.SWEMWBS.Raw()
		metric, _ := outcomes.SWEMWBSMetric(raw)
		o.Component = append(o.Component,
			ObservationComponent{Code: outcomeCode(string(outcomes.ScaleSWEMWBSMetric), "SWEMWBS metric score (Rasch conversion of the raw total)"), ValueQuantity: &Quantity{Value: json.Number(strconv.FormatFloat(metric, 'f', 2, 64)), Unit: "score"}},
			ObservationComponent{Code: outcomeCode(string(outcomes.ScaleSWEMWBSRaw), "SWEMWBS raw total (sum of the seven items)"), ValueInteger: intp(raw)})
		o.Component = append(o.Component, items("swemwbs-item-", m.SWEMWBS.Items)...)
	case outcomes.InstrumentWEMWBS:
		o.Code = CodeableConcept{Coding: []Coding{codeWEMWBS}}
		total, _ := m.WEMWBS.Total()
		o.ValueInteger = intp(total)
		o.Component = items("wemwbs-item-", m.WEMWBS.Items)
	case outcomes.InstrumentUCLA3:
		o.Code = CodeableConcept{Coding: []Coding{codeUCLA3}}
		u := m.UCLA3
		total, _ := u.Total()
		o.Component = []ObservationComponent{
			{Code: outcomeCode(string(outcomes.ScaleUCLA3Total), "UCLA-3 total (3 to 9, higher is lonelier)"), ValueInteger: intp(total)},
			{Code: outcomeCode("ucla3-lack-companionship", "How often the person feels they lack companionship (1 to 3)"), ValueInteger: intp(u.LackCompanionship)},
			{Code: outcomeCode("ucla3-left-out", "How often the person feels left out (1 to 3)"), ValueInteger: intp(u.LeftOut)},
			{Code: outcomeCode("ucla3-isolated", "How often the person feels isolated from others (1 to 3)"), ValueInteger: intp(u.Isolated)},
		}
	}
	b.add(id, o)
}

// ExportFeedback returns the closed-loop message as a FHIR R4 Communication (status preparation: the
// library prepares it, the caller sends it): identified by the episode id, based on the referral's
// ServiceRequest (by that identifier), with a readable summary of the status, the message itself as
// an application/json attachment (the episode.feedback document, holding exactly what
// [episode.NewFeedback] allows), and one feedback-withheld extension per group or field left out,
// with the reason. A message for the GP also names the person as a contained Patient (NHS number
// and birth date); a message for the referrer names no one. It validates f first.
func ExportFeedback(f episode.Feedback) (*Communication, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	doc, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("fhir: export feedback: %w", err)
	}
	c := &Communication{
		ResourceType: "Communication",
		Identifier:   []Identifier{{System: SystemEpisodeID, Value: f.EpisodeID}},
		BasedOn:      []Reference{{Type: "ServiceRequest", Identifier: &Identifier{System: SystemEpisodeID, Value: f.EpisodeID}}},
		Status:       "preparation",
		Category:     []CodeableConcept{*concept(SystemFeedback, "closed-loop-feedback", "Closed-loop message back to the GP or referrer")},
		Recipient:    []Reference{feedbackRecipient(f.Recipient)},
		Extension:    []Extension{codeExt(ExtFeedbackRecipient, string(f.Recipient)), codeExt(ExtFeedbackRoute, string(f.Route))},
	}
	for _, w := range f.Withheld {
		c.Extension = append(c.Extension, Extension{URL: ExtFeedbackWithheld, Extension: []Extension{codeExt("field", string(w.Field)), codeExt("reason", string(w.Reason))}})
	}
	if d := f.Person; d != nil {
		p := &Patient{ResourceType: "Patient", ID: "person", BirthDate: d.DateOfBirth.String()}
		if d.NHSNumber.IsValid() {
			p.Identifier = []Identifier{{System: SystemNHSNumber, Value: d.NHSNumber.Digits()}}
		}
		c.Contained = []Resource{p}
		c.Subject = &Reference{Reference: "#person", Type: "Patient"}
	}
	summary := feedbackSummary(f)
	c.Payload = []CommunicationPayload{
		{ContentString: &summary},
		{ContentAttachment: &Attachment{ContentType: "application/json", Data: doc, Title: "episode.feedback"}},
	}
	return c, nil
}

// feedbackRecipient is the Communication's recipient: an Organization named by its role only (the
// message names no practice or referrer: the feedback document holds none).
func feedbackRecipient(r episode.Recipient) Reference {
	if r == episode.RecipientGP {
		return Reference{Type: "Organization", Display: "The person's general practice"}
	}
	return Reference{Type: "Organization", Display: "The referring organisation"}
}

// feedbackSummary is the readable line of the message: where the referral stands and what was left
// out. It holds no free text of the episode.
func feedbackSummary(f episode.Feedback) string {
	s := f.Status
	var b strings.Builder
	b.WriteString("Social prescribing referral ")
	b.WriteString(string(s.State))
	b.WriteString(": received ")
	b.WriteString(s.Received.String())
	if s.Accepted.IsValid() {
		b.WriteString(", accepted ")
		b.WriteString(s.Accepted.String())
	}
	if s.Ended.IsValid() {
		b.WriteString(", ended ")
		b.WriteString(s.Ended.String())
	}
	if s.Reason != "" {
		b.WriteString(" (")
		b.WriteString(strings.ReplaceAll(string(s.Reason), "-", " "))
		b.WriteString(")")
	}
	b.WriteString(".")
	if len(f.Withheld) > 0 {
		var ws []string
		for _, w := range f.Withheld {
			ws = append(ws, string(w.Field)+" ("+string(w.Reason)+")")
		}
		slices.Sort(ws)
		b.WriteString(" Withheld: ")
		b.WriteString(strings.Join(ws, ", "))
		b.WriteString(".")
	}
	return b.String()
}
