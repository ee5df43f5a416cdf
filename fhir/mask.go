package fhir

import (
	"fmt"
	"log/slog"
	"strconv"

	"github.com/socialprescribing/go-socialprescribing/internal/mask"
)

// Every type of this package that can hold personal data (an NHS number, a date of birth, free text
// a person or a worker wrote, outcome answers) prints and logs a masked form: String, GoString,
// Format (every fmt verb) and LogValue. Only encoding (encoding/json) writes the values. A Bundle
// prints its number of entries; an Imported prints its referral's masked form.

// String returns a masked form holding only the number of entries.
func (b Bundle) String() string {
	return "fhir.Bundle{" + strconv.Itoa(len(b.Entry)) + " entries, ***}"
}

// GoString returns a masked form for %#v.
func (b Bundle) GoString() string { return b.String() }

// Format prints the masked form for every fmt verb.
func (b Bundle) Format(f fmt.State, verb rune) { mask.Format(f, verb, b.String(), b.GoString()) }

// LogValue implements slog.LogValuer with the number of entries only.
func (b Bundle) LogValue() slog.Value { return slog.GroupValue(slog.Int("entries", len(b.Entry))) }

// String returns the referral's masked form and the number of parts ignored.
func (i Imported) String() string {
	return "fhir.Imported{" + i.Referral.String() + ", " + strconv.Itoa(len(i.Ignored)) + " ignored, ***}"
}

// GoString returns a masked form for %#v.
func (i Imported) GoString() string { return i.String() }

// Format prints the masked form for every fmt verb.
func (i Imported) Format(f fmt.State, verb rune) { mask.Format(f, verb, i.String(), i.GoString()) }

// LogValue implements slog.LogValuer with the referral's masked form and the number of parts ignored.
func (i Imported) LogValue() slog.Value {
	return slog.GroupValue(slog.Any("referral", i.Referral), slog.Int("ignored", len(i.Ignored)))
}

const maskedCoding = "fhir.Coding{***}"

// String returns a masked form that holds no personal data.
func (x Coding) String() string { return maskedCoding }

// GoString returns a masked form for %#v.
func (x Coding) GoString() string { return maskedCoding }

// Format prints the masked form for every fmt verb.
func (x Coding) Format(f fmt.State, verb rune) { mask.Format(f, verb, maskedCoding, maskedCoding) }

// LogValue implements slog.LogValuer with a masked form.
func (x Coding) LogValue() slog.Value { return slog.StringValue(maskedCoding) }

const maskedCodeableConcept = "fhir.CodeableConcept{***}"

// String returns a masked form that holds no personal data.
func (x CodeableConcept) String() string { return maskedCodeableConcept }

// GoString returns a masked form for %#v.
func (x CodeableConcept) GoString() string { return maskedCodeableConcept }

// Format prints the masked form for every fmt verb.
func (x CodeableConcept) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCodeableConcept, maskedCodeableConcept)
}

// LogValue implements slog.LogValuer with a masked form.
func (x CodeableConcept) LogValue() slog.Value { return slog.StringValue(maskedCodeableConcept) }

const maskedIdentifier = "fhir.Identifier{***}"

// String returns a masked form that holds no personal data.
func (x Identifier) String() string { return maskedIdentifier }

// GoString returns a masked form for %#v.
func (x Identifier) GoString() string { return maskedIdentifier }

// Format prints the masked form for every fmt verb.
func (x Identifier) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedIdentifier, maskedIdentifier)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Identifier) LogValue() slog.Value { return slog.StringValue(maskedIdentifier) }

const maskedReference = "fhir.Reference{***}"

// String returns a masked form that holds no personal data.
func (x Reference) String() string { return maskedReference }

// GoString returns a masked form for %#v.
func (x Reference) GoString() string { return maskedReference }

// Format prints the masked form for every fmt verb.
func (x Reference) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedReference, maskedReference)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Reference) LogValue() slog.Value { return slog.StringValue(maskedReference) }

const maskedAnnotation = "fhir.Annotation{***}"

// String returns a masked form that holds no personal data.
func (x Annotation) String() string { return maskedAnnotation }

// GoString returns a masked form for %#v.
func (x Annotation) GoString() string { return maskedAnnotation }

// Format prints the masked form for every fmt verb.
func (x Annotation) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedAnnotation, maskedAnnotation)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Annotation) LogValue() slog.Value { return slog.StringValue(maskedAnnotation) }

const maskedAttachment = "fhir.Attachment{***}"

// String returns a masked form that holds no personal data.
func (x Attachment) String() string { return maskedAttachment }

// GoString returns a masked form for %#v.
func (x Attachment) GoString() string { return maskedAttachment }

// Format prints the masked form for every fmt verb.
func (x Attachment) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedAttachment, maskedAttachment)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Attachment) LogValue() slog.Value { return slog.StringValue(maskedAttachment) }

const maskedExtension = "fhir.Extension{***}"

// String returns a masked form that holds no personal data.
func (x Extension) String() string { return maskedExtension }

// GoString returns a masked form for %#v.
func (x Extension) GoString() string { return maskedExtension }

// Format prints the masked form for every fmt verb.
func (x Extension) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedExtension, maskedExtension)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Extension) LogValue() slog.Value { return slog.StringValue(maskedExtension) }

const maskedBundleEntry = "fhir.BundleEntry{***}"

// String returns a masked form that holds no personal data.
func (x BundleEntry) String() string { return maskedBundleEntry }

// GoString returns a masked form for %#v.
func (x BundleEntry) GoString() string { return maskedBundleEntry }

// Format prints the masked form for every fmt verb.
func (x BundleEntry) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedBundleEntry, maskedBundleEntry)
}

// LogValue implements slog.LogValuer with a masked form.
func (x BundleEntry) LogValue() slog.Value { return slog.StringValue(maskedBundleEntry) }

const maskedPatient = "fhir.Patient{***}"

// String returns a masked form that holds no personal data.
func (x Patient) String() string { return maskedPatient }

// GoString returns a masked form for %#v.
func (x Patient) GoString() string { return maskedPatient }

// Format prints the masked form for every fmt verb.
func (x Patient) Format(f fmt.State, verb rune) { mask.Format(f, verb, maskedPatient, maskedPatient) }

// LogValue implements slog.LogValuer with a masked form.
func (x Patient) LogValue() slog.Value { return slog.StringValue(maskedPatient) }

const maskedPatientCommunication = "fhir.PatientCommunication{***}"

// String returns a masked form that holds no personal data.
func (x PatientCommunication) String() string { return maskedPatientCommunication }

// GoString returns a masked form for %#v.
func (x PatientCommunication) GoString() string { return maskedPatientCommunication }

// Format prints the masked form for every fmt verb.
func (x PatientCommunication) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedPatientCommunication, maskedPatientCommunication)
}

// LogValue implements slog.LogValuer with a masked form.
func (x PatientCommunication) LogValue() slog.Value {
	return slog.StringValue(maskedPatientCommunication)
}

const maskedServiceRequest = "fhir.ServiceRequest{***}"

// String returns a masked form that holds no personal data.
func (x ServiceRequest) String() string { return maskedServiceRequest }

// GoString returns a masked form for %#v.
func (x ServiceRequest) GoString() string { return maskedServiceRequest }

// Format prints the masked form for every fmt verb.
func (x ServiceRequest) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedServiceRequest, maskedServiceRequest)
}

// LogValue implements slog.LogValuer with a masked form.
func (x ServiceRequest) LogValue() slog.Value { return slog.StringValue(maskedServiceRequest) }

const maskedTask = "fhir.Task{***}"

// String returns a masked form that holds no personal data.
func (x Task) String() string { return maskedTask }

// GoString returns a masked form for %#v.
func (x Task) GoString() string { return maskedTask }

// Format prints the masked form for every fmt verb.
func (x Task) Format(f fmt.State, verb rune) { mask.Format(f, verb, maskedTask, maskedTask) }

// LogValue implements slog.LogValuer with a masked form.
func (x Task) LogValue() slog.Value { return slog.StringValue(maskedTask) }

const maskedConsent = "fhir.Consent{***}"

// String returns a masked form that holds no personal data.
func (x Consent) String() string { return maskedConsent }

// GoString returns a masked form for %#v.
func (x Consent) GoString() string { return maskedConsent }

// Format prints the masked form for every fmt verb.
func (x Consent) Format(f fmt.State, verb rune) { mask.Format(f, verb, maskedConsent, maskedConsent) }

// LogValue implements slog.LogValuer with a masked form.
func (x Consent) LogValue() slog.Value { return slog.StringValue(maskedConsent) }

const maskedCondition = "fhir.Condition{***}"

// String returns a masked form that holds no personal data.
func (x Condition) String() string { return maskedCondition }

// GoString returns a masked form for %#v.
func (x Condition) GoString() string { return maskedCondition }

// Format prints the masked form for every fmt verb.
func (x Condition) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCondition, maskedCondition)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Condition) LogValue() slog.Value { return slog.StringValue(maskedCondition) }

const maskedGoal = "fhir.Goal{***}"

// String returns a masked form that holds no personal data.
func (x Goal) String() string { return maskedGoal }

// GoString returns a masked form for %#v.
func (x Goal) GoString() string { return maskedGoal }

// Format prints the masked form for every fmt verb.
func (x Goal) Format(f fmt.State, verb rune) { mask.Format(f, verb, maskedGoal, maskedGoal) }

// LogValue implements slog.LogValuer with a masked form.
func (x Goal) LogValue() slog.Value { return slog.StringValue(maskedGoal) }

const maskedCarePlan = "fhir.CarePlan{***}"

// String returns a masked form that holds no personal data.
func (x CarePlan) String() string { return maskedCarePlan }

// GoString returns a masked form for %#v.
func (x CarePlan) GoString() string { return maskedCarePlan }

// Format prints the masked form for every fmt verb.
func (x CarePlan) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCarePlan, maskedCarePlan)
}

// LogValue implements slog.LogValuer with a masked form.
func (x CarePlan) LogValue() slog.Value { return slog.StringValue(maskedCarePlan) }

const maskedCarePlanActivity = "fhir.CarePlanActivity{***}"

// String returns a masked form that holds no personal data.
func (x CarePlanActivity) String() string { return maskedCarePlanActivity }

// GoString returns a masked form for %#v.
func (x CarePlanActivity) GoString() string { return maskedCarePlanActivity }

// Format prints the masked form for every fmt verb.
func (x CarePlanActivity) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCarePlanActivity, maskedCarePlanActivity)
}

// LogValue implements slog.LogValuer with a masked form.
func (x CarePlanActivity) LogValue() slog.Value { return slog.StringValue(maskedCarePlanActivity) }

const maskedCarePlanDetail = "fhir.CarePlanDetail{***}"

// String returns a masked form that holds no personal data.
func (x CarePlanDetail) String() string { return maskedCarePlanDetail }

// GoString returns a masked form for %#v.
func (x CarePlanDetail) GoString() string { return maskedCarePlanDetail }

// Format prints the masked form for every fmt verb.
func (x CarePlanDetail) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCarePlanDetail, maskedCarePlanDetail)
}

// LogValue implements slog.LogValuer with a masked form.
func (x CarePlanDetail) LogValue() slog.Value { return slog.StringValue(maskedCarePlanDetail) }

const maskedObservation = "fhir.Observation{***}"

// String returns a masked form that holds no personal data.
func (x Observation) String() string { return maskedObservation }

// GoString returns a masked form for %#v.
func (x Observation) GoString() string { return maskedObservation }

// Format prints the masked form for every fmt verb.
func (x Observation) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedObservation, maskedObservation)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Observation) LogValue() slog.Value { return slog.StringValue(maskedObservation) }

const maskedObservationComponent = "fhir.ObservationComponent{***}"

// String returns a masked form that holds no personal data.
func (x ObservationComponent) String() string { return maskedObservationComponent }

// GoString returns a masked form for %#v.
func (x ObservationComponent) GoString() string { return maskedObservationComponent }

// Format prints the masked form for every fmt verb.
func (x ObservationComponent) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedObservationComponent, maskedObservationComponent)
}

// LogValue implements slog.LogValuer with a masked form.
func (x ObservationComponent) LogValue() slog.Value {
	return slog.StringValue(maskedObservationComponent)
}

const maskedCommunication = "fhir.Communication{***}"

// String returns a masked form that holds no personal data.
func (x Communication) String() string { return maskedCommunication }

// GoString returns a masked form for %#v.
func (x Communication) GoString() string { return maskedCommunication }

// Format prints the masked form for every fmt verb.
func (x Communication) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCommunication, maskedCommunication)
}

// LogValue implements slog.LogValuer with a masked form.
func (x Communication) LogValue() slog.Value { return slog.StringValue(maskedCommunication) }

const maskedCommunicationPayload = "fhir.CommunicationPayload{***}"

// String returns a masked form that holds no personal data.
func (x CommunicationPayload) String() string { return maskedCommunicationPayload }

// GoString returns a masked form for %#v.
func (x CommunicationPayload) GoString() string { return maskedCommunicationPayload }

// Format prints the masked form for every fmt verb.
func (x CommunicationPayload) Format(f fmt.State, verb rune) {
	mask.Format(f, verb, maskedCommunicationPayload, maskedCommunicationPayload)
}

// LogValue implements slog.LogValuer with a masked form.
func (x CommunicationPayload) LogValue() slog.Value {
	return slog.StringValue(maskedCommunicationPayload)
}
