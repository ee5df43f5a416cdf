package outcomes

import (
	"slices"
)

// Instrument names an outcome measure.
//
//enum:list Instruments
type Instrument string

// The instruments the package scores.
const (
	// InstrumentONS4 is the ONS personal wellbeing questions (Office for National Statistics,
	// personal well-being harmonised standard; SOURCES.md#ons4; confidence high): four
	// items, each 0–10, never summed.
	InstrumentONS4 Instrument = "ons4"
	// InstrumentSWEMWBS is the Short Warwick-Edinburgh Mental Wellbeing Scale: seven items 1–5, raw
	// 7–35, converted to a metric score.
	InstrumentSWEMWBS Instrument = "swemwbs"
	// InstrumentWEMWBS is the Warwick-Edinburgh Mental Wellbeing Scale: fourteen items 1–5, total 14–70.
	InstrumentWEMWBS Instrument = "wemwbs"
	// InstrumentUCLA3 is the three-item UCLA loneliness scale: three items 1–3, total 3–9, higher is
	// lonelier.
	InstrumentUCLA3 Instrument = "ucla3"
)

// Scales returns the scales the instrument reports, in a fixed order.
func (i Instrument) Scales() []Scale {
	switch i {
	case InstrumentONS4:
		return []Scale{ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness, ScaleAnxiety}
	case InstrumentSWEMWBS:
		return []Scale{ScaleSWEMWBSMetric, ScaleSWEMWBSRaw}
	case InstrumentWEMWBS:
		return []Scale{ScaleWEMWBSTotal}
	case InstrumentUCLA3:
		return []Scale{ScaleUCLA3Total}
	}
	return nil
}

// Timepoint says whether a measurement was taken at the start of an episode or later.
//
//enum:list Timepoints
type Timepoint string

// The timepoints.
const (
	// TimepointBaseline is a measurement taken at or near the start of an episode.
	TimepointBaseline Timepoint = "baseline"
	// TimepointFollowUp is a measurement taken later in the episode or at its end.
	TimepointFollowUp Timepoint = "follow-up"
)

// Scale names one reported score of an instrument: an ONS4 item, the SWEMWBS metric or raw score,
// the WEMWBS total or the UCLA-3 total. Change and cohort statistics are reported per scale.
//
//enum:list Scales
type Scale string

// The scales.
const (
	// ScaleLifeSatisfaction is ONS4 item 1, 0–10, higher is better.
	ScaleLifeSatisfaction Scale = "life-satisfaction"
	// ScaleWorthwhile is ONS4 item 2, 0–10, higher is better.
	ScaleWorthwhile Scale = "worthwhile"
	// ScaleHappiness is ONS4 item 3, 0–10, higher is better.
	ScaleHappiness Scale = "happiness"
	// ScaleAnxiety is ONS4 item 4, 0–10, higher is worse: an improvement is a fall.
	ScaleAnxiety Scale = "anxiety"
	// ScaleSWEMWBSMetric is the SWEMWBS metric score, 7.00–35.00, from the conversion table.
	ScaleSWEMWBSMetric Scale = "swemwbs-metric"
	// ScaleSWEMWBSRaw is the SWEMWBS raw total, 7–35.
	ScaleSWEMWBSRaw Scale = "swemwbs-raw"
	// ScaleWEMWBSTotal is the WEMWBS total, 14–70.
	ScaleWEMWBSTotal Scale = "wemwbs-total"
	// ScaleUCLA3Total is the UCLA-3 total, 3–9, higher is lonelier: an improvement is a fall.
	ScaleUCLA3Total Scale = "ucla3-total"
)

// Instrument returns the instrument the scale belongs to, or "" for an invalid scale.
func (s Scale) Instrument() Instrument {
	switch s {
	case ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness, ScaleAnxiety:
		return InstrumentONS4
	case ScaleSWEMWBSMetric, ScaleSWEMWBSRaw:
		return InstrumentSWEMWBS
	case ScaleWEMWBSTotal:
		return InstrumentWEMWBS
	case ScaleUCLA3Total:
		return InstrumentUCLA3
	}
	return ""
}

// HigherIsBetter reports whether a rise on the scale is an improvement. It is false for anxiety and
// loneliness, where an improvement is a fall.
func (s Scale) HigherIsBetter() bool { return s != ScaleAnxiety && s != ScaleUCLA3Total }

// Question returns the ONS question wording of an ONS4 item (Office for National Statistics,
// personal well-being harmonised standard, public wording; SOURCES.md#ons4), or "" for every other
// scale: the item wording of SWEMWBS, WEMWBS and UCLA-3 is not shipped.
func (s Scale) Question() string {
	switch s {
	case ScaleLifeSatisfaction:
		return "Overall, how satisfied are you with your life nowadays?"
	case ScaleWorthwhile:
		return "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
	case ScaleHappiness:
		return "Overall, how happy did you feel yesterday?"
	case ScaleAnxiety:
		return "Overall, how anxious did you feel yesterday?"
	}
	return ""
}

// Band is an ONS personal wellbeing threshold band for one ONS4 item score.
//
//enum:list Bands lowest first
type Band string

// The bands. Life satisfaction, worthwhile and happiness use low, medium, high and very high;
// anxiety uses very low, low, medium and high (Office for National Statistics thresholds;
// SOURCES.md#ons4; confidence high). For anxiety a lower band is better.
const (
	BandVeryLow  Band = "very-low"
	BandLow      Band = "low"
	BandMedium   Band = "medium"
	BandHigh     Band = "high"
	BandVeryHigh Band = "very-high"
)

// rank orders bands from lowest (0) to highest (4), -1 for an invalid band.
func (b Band) rank() int { return slices.Index(bands[:], b) }

// Direction says whether a change on a scale is an improvement, taking the scale's direction into
// account (a fall in anxiety or loneliness is an improvement).
//
//enum:list Directions
type Direction string

// The directions.
const (
	DirectionImproved  Direction = "improved"
	DirectionWorsened  Direction = "worsened"
	DirectionUnchanged Direction = "unchanged"
)

// Reverse returns the direction of the opposite change: improved and worsened swap.
func (d Direction) Reverse() Direction {
	switch d {
	case DirectionImproved:
		return DirectionWorsened
	case DirectionWorsened:
		return DirectionImproved
	}
	return d
}

// Service names a kind of health and care service use (NHS England, Social prescribing frequently
// asked questions; The King's Fund, What is social prescribing?, 2020; SOURCES.md#service-use).
//
//enum:list Services
type Service string

// The services.
const (
	ServiceGPConsultations        Service = "gp-consultations"
	ServiceAEAttendances          Service = "ae-attendances"
	ServiceOutpatientAppointments Service = "outpatient-appointments"
	ServiceAdmissions             Service = "admissions"
	ServiceBedDays                Service = "bed-days"
)
