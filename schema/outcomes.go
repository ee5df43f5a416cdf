package schema

import (
	"reflect"

	"github.com/socialprescribing/go-socialprescribing/outcomes"
)

func outcomesDocuments() []document {
	return []document{{
		Name:        "outcomes.measurement",
		Type:        reflect.TypeFor[outcomes.Measurement](),
		Title:       "Outcome measurement",
		Description: "One completed outcome measure (ONS4, SWEMWBS, WEMWBS or UCLA-3) for one episode: the episode id, the date, baseline or follow-up, and the answers.",
		GoOnly: []string{
			"instrument-payload: the answers given are those of the instrument named, and no other",
		},
	}, {
		Name:        "outcomes.service-use",
		Type:        reflect.TypeFor[outcomes.ServiceUse](),
		Title:       "Health and care service use",
		Description: "One episode's counts of GP consultations, A&E attendances, outpatient appointments, admissions and bed days over a window before and a window after.",
		GoOnly: []string{
			"date-order: each window ends on or after its start",
			"window-order: the after window begins after the before window ends",
			"unique-service: each service is listed at most once",
			"bed-days: bed days do not exceed the days of their window",
		},
	}, {
		Name:        "outcomes.cohort-summary",
		Type:        reflect.TypeFor[outcomes.CohortSummary](),
		Title:       "Cohort summary of outcome measures",
		Description: "The change from baseline to follow-up over a cohort, per instrument and scale: the episodes paired and those excluded by reason, the means, the mean change with its 95% confidence interval, the shares improved and worsened, and the ONS band movement of the ONS4 items. Counts and statistics only.",
	}, {
		Name:        "outcomes.service-use-summary",
		Type:        reflect.TypeFor[outcomes.ServiceUseSummary](),
		Title:       "Cohort summary of service use",
		Description: "Health and care service use over a cohort, per service: total uses and person-days before and after, the rates per 30 days and their change. The change measured, not an effect. Counts and statistics only.",
	}}
}

func outcomesValueTypes() []valueType {
	return []valueType{
		enumType(outcomes.Instruments, "An outcome measure: ONS4, SWEMWBS, WEMWBS or UCLA-3."),
		enumType(outcomes.Timepoints, "Whether a measurement is the baseline or a follow-up."),
		enumType(outcomes.Services, "A kind of health and care service use."),
		enumType(outcomes.Scales, "One reported score of an instrument."),
		enumType(outcomes.Bands, "An ONS personal wellbeing threshold band."),
		enumType(outcomes.Directions, "Whether a change is an improvement, taking the scale's direction into account."),
	}
}
