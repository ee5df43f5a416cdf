package schema

import (
	"reflect"
	"time"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Go-only rules shared by several documents.
const (
	goOnlyNHSNumber = "nhsnumber: the NHS number's Modulus 11 check digit"
	goOnlySCTID     = "sctid: the SNOMED CT identifier's Verhoeff check digit and partition"
)

func rootDocuments() []document {
	return []document{{
		Name:        "socialprescribing.finding",
		Type:        reflect.TypeFor[sp.Finding](),
		Title:       "Finding",
		Description: "One result of a rule check: a stable rule id, a severity, the subject and JSON Pointer it concerns, and a message without personal data.",
	}}
}

func rootValueTypes() []valueType {
	return []valueType{
		stringType[sp.Date](datePattern, "date", "A civil date, YYYY-MM-DD."),
		stringType[time.Time](dateTimePattern, "date-time", "An instant: an RFC 3339 date-time with Z or an offset, such as 2024-05-15T10:30:00+01:00."),
		stringType[sp.NHSNumber]("^[0-9]{10}$", "", "An NHS number: ten digits, no spaces; the tenth is a Modulus 11 check digit that only Go checks."),
		enumType(sp.Severities, "How serious a finding is."),
		enumType(sp.Confidences, "How sure the library is of a figure or rule."),
		enumType(sp.Roles, "The job of a person who works with the people referred; social-prescribing-link-worker, health-and-wellbeing-coach and care-coordinator are the roles reimbursed through the Additional Roles Reimbursement Scheme."),
	}
}
