package fhir

import "encoding/json"

// The resource structs below hold the few HL7 FHIR R4 elements this package writes and reads, with
// the element names and JSON shapes of the R4 specification (https://hl7.org/fhir/R4/). They are not a
// general FHIR model: an element the package does not use has no field. Every struct is a plain
// value, safe for concurrent use once built.

// Coding is a FHIR Coding: a code in a code system.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is a FHIR CodeableConcept: codings and a text.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Identifier is a FHIR Identifier.
type Identifier struct {
	Extension []Extension `json:"extension,omitempty"`
	System    string      `json:"system,omitempty"`
	Value     string      `json:"value,omitempty"`
}

// Reference is a FHIR Reference: to a resource in the same Bundle (a urn:uuid full URL), to a
// contained resource ("#id"), or by a logical identifier.
type Reference struct {
	Reference  string      `json:"reference,omitempty"`
	Type       string      `json:"type,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Display    string      `json:"display,omitempty"`
}

// Annotation is a FHIR Annotation (a note), with the date it was written when known.
type Annotation struct {
	Time string `json:"time,omitempty"`
	Text string `json:"text"`
}

// Period is a FHIR Period.
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// Quantity is a FHIR Quantity; Value keeps the decimal's written precision ("19.25", "7.00").
type Quantity struct {
	Value json.Number `json:"value"`
	Unit  string      `json:"unit,omitempty"`
}

// Attachment is a FHIR Attachment; Data is base64 on the wire.
type Attachment struct {
	ContentType string `json:"contentType,omitempty"`
	Data        []byte `json:"data,omitempty"`
	Title       string `json:"title,omitempty"`
}

// Extension is a FHIR Extension: a URL and either one value or nested extensions (a complex
// extension). Only the value types this package writes have a field.
type Extension struct {
	URL                  string           `json:"url"`
	Extension            []Extension      `json:"extension,omitempty"`
	ValueBoolean         *bool            `json:"valueBoolean,omitempty"`
	ValueCode            *string          `json:"valueCode,omitempty"`
	ValueCodeableConcept *CodeableConcept `json:"valueCodeableConcept,omitempty"`
	ValueCoding          *Coding          `json:"valueCoding,omitempty"`
	ValueDate            *string          `json:"valueDate,omitempty"`
	ValueDateTime        *string          `json:"valueDateTime,omitempty"`
	ValueInteger         *int             `json:"valueInteger,omitempty"`
	ValuePeriod          *Period          `json:"valuePeriod,omitempty"`
	ValueString          *string          `json:"valueString,omitempty"`
}

// Resource is one of the resource structs of this package.
type Resource interface {
	// FHIRType returns the FHIR resource type ("Patient").
	FHIRType() string
}

// Bundle is a FHIR Bundle of type collection: a referral's or an episode's resources, each entry
// with a urn:uuid full URL that the references between them use.
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	Type         string        `json:"type"`
	Entry        []BundleEntry `json:"entry"`
}

// BundleEntry is one entry of a [Bundle].
type BundleEntry struct {
	FullURL  string   `json:"fullUrl"`
	Resource Resource `json:"resource"`
}

// FHIRType returns "Bundle".
func (*Bundle) FHIRType() string { return "Bundle" }

// Patient is a FHIR Patient shaped as UK Core's: the NHS number identifier, birth date, language and
// (in this project's extensions) access needs. It holds personal data.
type Patient struct {
	ResourceType  string                 `json:"resourceType"`
	ID            string                 `json:"id,omitempty"`
	Extension     []Extension            `json:"extension,omitempty"`
	Identifier    []Identifier           `json:"identifier,omitempty"`
	BirthDate     string                 `json:"birthDate,omitempty"`
	Communication []PatientCommunication `json:"communication,omitempty"`
}

// PatientCommunication is a language the patient uses.
type PatientCommunication struct {
	Language CodeableConcept `json:"language"`
}

// FHIRType returns "Patient".
func (*Patient) FHIRType() string { return "Patient" }

// ServiceRequest is a FHIR ServiceRequest: the referral, shaped as UK Core's.
type ServiceRequest struct {
	ResourceType    string            `json:"resourceType"`
	ID              string            `json:"id,omitempty"`
	Extension       []Extension       `json:"extension,omitempty"`
	Identifier      []Identifier      `json:"identifier,omitempty"`
	Status          string            `json:"status"`
	Intent          string            `json:"intent"`
	DoNotPerform    *bool             `json:"doNotPerform,omitempty"`
	Priority        string            `json:"priority,omitempty"`
	Code            *CodeableConcept  `json:"code,omitempty"`
	Subject         Reference         `json:"subject"`
	AuthoredOn      string            `json:"authoredOn,omitempty"`
	Requester       *Reference        `json:"requester,omitempty"`
	ReasonCode      []CodeableConcept `json:"reasonCode,omitempty"`
	ReasonReference []Reference       `json:"reasonReference,omitempty"`
	SupportingInfo  []Reference       `json:"supportingInfo,omitempty"`
}

// FHIRType returns "ServiceRequest".
func (*ServiceRequest) FHIRType() string { return "ServiceRequest" }

// Task is a FHIR Task shaped as the HL7 Gravity referral Task: code fulfill, focus the
// ServiceRequest, for the Patient, status within Gravity's set.
type Task struct {
	ResourceType    string           `json:"resourceType"`
	ID              string           `json:"id,omitempty"`
	Extension       []Extension      `json:"extension,omitempty"`
	Identifier      []Identifier     `json:"identifier,omitempty"`
	Status          string           `json:"status"`
	StatusReason    *CodeableConcept `json:"statusReason,omitempty"`
	BusinessStatus  *CodeableConcept `json:"businessStatus,omitempty"`
	Intent          string           `json:"intent"`
	Code            *CodeableConcept `json:"code,omitempty"`
	Focus           *Reference       `json:"focus,omitempty"`
	For             *Reference       `json:"for,omitempty"`
	ExecutionPeriod *Period          `json:"executionPeriod,omitempty"`
	AuthoredOn      string           `json:"authoredOn,omitempty"`
	LastModified    string           `json:"lastModified,omitempty"`
	Requester       *Reference       `json:"requester,omitempty"`
	Owner           *Reference       `json:"owner,omitempty"`
}

// FHIRType returns "Task".
func (*Task) FHIRType() string { return "Task" }

// Consent is a FHIR Consent: the person's answer to one consent question.
type Consent struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id,omitempty"`
	Status       string            `json:"status"`
	Scope        CodeableConcept   `json:"scope"`
	Category     []CodeableConcept `json:"category"`
	Patient      *Reference        `json:"patient,omitempty"`
	PolicyRule   *CodeableConcept  `json:"policyRule,omitempty"`
	Provision    *ConsentProvision `json:"provision,omitempty"`
}

// ConsentProvision is a Consent's base provision: permit or deny.
type ConsentProvision struct {
	Type string `json:"type,omitempty"`
}

// FHIRType returns "Consent".
func (*Consent) FHIRType() string { return "Consent" }

// Condition is a FHIR Condition: one need of the referral or plan.
type Condition struct {
	ResourceType   string            `json:"resourceType"`
	ID             string            `json:"id,omitempty"`
	ClinicalStatus *CodeableConcept  `json:"clinicalStatus,omitempty"`
	Category       []CodeableConcept `json:"category,omitempty"`
	Code           *CodeableConcept  `json:"code,omitempty"`
	Subject        Reference         `json:"subject"`
	Note           []Annotation      `json:"note,omitempty"`
}

// FHIRType returns "Condition".
func (*Condition) FHIRType() string { return "Condition" }

// Goal is a FHIR Goal: one goal of the personalised plan.
type Goal struct {
	ResourceType      string           `json:"resourceType"`
	ID                string           `json:"id,omitempty"`
	Extension         []Extension      `json:"extension,omitempty"`
	LifecycleStatus   string           `json:"lifecycleStatus"`
	AchievementStatus *CodeableConcept `json:"achievementStatus,omitempty"`
	Description       CodeableConcept  `json:"description"`
	Subject           Reference        `json:"subject"`
	StartDate         string           `json:"startDate,omitempty"`
	Target            []GoalTarget     `json:"target,omitempty"`
	StatusDate        string           `json:"statusDate,omitempty"`
	StatusReason      string           `json:"statusReason,omitempty"`
	Addresses         []Reference      `json:"addresses,omitempty"`
	Note              []Annotation     `json:"note,omitempty"`
}

// GoalTarget is the day a goal is due.
type GoalTarget struct {
	DueDate string `json:"dueDate,omitempty"`
}

// FHIRType returns "Goal".
func (*Goal) FHIRType() string { return "Goal" }

// Observation is a FHIR Observation: one outcome measurement, its scores as components.
type Observation struct {
	ResourceType      string                 `json:"resourceType"`
	ID                string                 `json:"id,omitempty"`
	Extension         []Extension            `json:"extension,omitempty"`
	BasedOn           []Reference            `json:"basedOn,omitempty"`
	Status            string                 `json:"status"`
	Category          []CodeableConcept      `json:"category,omitempty"`
	Code              CodeableConcept        `json:"code"`
	Subject           *Reference             `json:"subject,omitempty"`
	EffectiveDateTime string                 `json:"effectiveDateTime,omitempty"`
	EffectivePeriod   *Period                `json:"effectivePeriod,omitempty"`
	ValueInteger      *int                   `json:"valueInteger,omitempty"`
	Component         []ObservationComponent `json:"component,omitempty"`
}

// CarePlan is a FHIR CarePlan: the personalised plan, its goals, its needs' Conditions, and a
// planned activity per connection to a community offer.
type CarePlan struct {
	ResourceType   string             `json:"resourceType"`
	ID             string             `json:"id,omitempty"`
	Extension      []Extension        `json:"extension,omitempty"`
	Status         string             `json:"status"`
	Intent         string             `json:"intent"`
	Subject        Reference          `json:"subject"`
	Period         *Period            `json:"period,omitempty"`
	Created        string             `json:"created,omitempty"`
	Addresses      []Reference        `json:"addresses,omitempty"`
	SupportingInfo []Reference        `json:"supportingInfo,omitempty"`
	Goal           []Reference        `json:"goal,omitempty"`
	Activity       []CarePlanActivity `json:"activity,omitempty"`
}

// CarePlanActivity is one activity of a [CarePlan].
type CarePlanActivity struct {
	Detail CarePlanDetail `json:"detail"`
}

// CarePlanDetail describes a connection to a community offer.
type CarePlanDetail struct {
	Extension       []Extension      `json:"extension,omitempty"`
	Code            *CodeableConcept `json:"code,omitempty"`
	Status          string           `json:"status"`
	StatusReason    *CodeableConcept `json:"statusReason,omitempty"`
	ScheduledPeriod *Period          `json:"scheduledPeriod,omitempty"`
	Performer       []Reference      `json:"performer,omitempty"`
	Description     string           `json:"description,omitempty"`
}

// FHIRType returns "CarePlan".
func (*CarePlan) FHIRType() string { return "CarePlan" }

// ObservationComponent is one score or item answer of an [Observation].
type ObservationComponent struct {
	Code          CodeableConcept `json:"code"`
	ValueInteger  *int            `json:"valueInteger,omitempty"`
	ValueQuantity *Quantity       `json:"valueQuantity,omitempty"`
}

// FHIRType returns "Observation".
func (*Observation) FHIRType() string { return "Observation" }

// Communication is a FHIR Communication: the closed-loop message back to the GP or referrer.
type Communication struct {
	ResourceType string                 `json:"resourceType"`
	Contained    []Resource             `json:"contained,omitempty"`
	Extension    []Extension            `json:"extension,omitempty"`
	Identifier   []Identifier           `json:"identifier,omitempty"`
	BasedOn      []Reference            `json:"basedOn,omitempty"`
	Status       string                 `json:"status"`
	Category     []CodeableConcept      `json:"category,omitempty"`
	Subject      *Reference             `json:"subject,omitempty"`
	Recipient    []Reference            `json:"recipient,omitempty"`
	Payload      []CommunicationPayload `json:"payload,omitempty"`
}

// CommunicationPayload is one part of a [Communication]: a text or an attachment.
type CommunicationPayload struct {
	ContentString     *string     `json:"contentString,omitempty"`
	ContentAttachment *Attachment `json:"contentAttachment,omitempty"`
}

// FHIRType returns "Communication".
func (*Communication) FHIRType() string { return "Communication" }
