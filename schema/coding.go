package schema

import (
	"reflect"

	"github.com/socialprescribing/go-socialprescribing/coding"
)

func codingDocuments() []document {
	return []document{{
		Name:        "coding.activity-record",
		Type:        reflect.TypeFor[coding.ActivityRecord](),
		Title:       "Activity record",
		Description: "One piece of social prescribing activity as the SNOMED CT recording rules see it: the episode, the event, the worker's role, the contact date, when it was coded and the codes entered.",
		GoOnly: []string{
			goOnlySCTID,
			"date-order: codedOn is not before contactDate",
			"coded-on-missing: codes are entered only with the date they were entered",
		},
	}}
}

func codingValueTypes() []valueType {
	return []valueType{
		stringType[coding.SCTID]("^[1-9][0-9]{5,17}$", "", "A SNOMED CT identifier: 6 to 18 digits, no leading zero; the last is a Verhoeff check digit that only Go checks."),
		enumType(coding.ActivityKinds, "The kind of social prescribing activity."),
	}
}
