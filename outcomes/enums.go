package outcomes

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// Instrument names an outcome measure.
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

var instruments = [...]Instrument{InstrumentONS4, InstrumentSWEMWBS, InstrumentWEMWBS, InstrumentUCLA3}

// Instruments returns every Instrument. The slice is new on each call.
func Instruments() []Instrument { return slices.Clone(instruments[:]) }

// IsValid reports whether i is one of [Instruments].
func (i Instrument) IsValid() bool { return slices.Contains(instruments[:], i) }

// MarshalText returns i, or an error for a value outside [Instruments].
func (i Instrument) MarshalText() ([]byte, error) {
	return enum.Marshal("outcomes: instrument", instruments[:], i)
}

// UnmarshalText accepts exactly one of [Instruments].
func (i *Instrument) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("outcomes: instrument", instruments[:], b)
	if err != nil {
		return err
	}
	*i = v
	return nil
}

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
type Timepoint string

// The timepoints.
const (
	// TimepointBaseline is a measurement taken at or near the start of an episode.
	TimepointBaseline Timepoint = "baseline"
	// TimepointFollowUp is a measurement taken later in the episode or at its end.
	TimepointFollowUp Timepoint = "follow-up"
)

var timepoints = [...]Timepoint{TimepointBaseline, TimepointFollowUp}

// Timepoints returns every Timepoint. The slice is new on each call.
func Timepoints() []Timepoint { return slices.Clone(timepoints[:]) }

// IsValid reports whether t is one of [Timepoints].
func (t Timepoint) IsValid() bool { return slices.Contains(timepoints[:], t) }

// MarshalText returns t, or an error for a value outside [Timepoints].
func (t Timepoint) MarshalText() ([]byte, error) {
	return enum.Marshal("outcomes: timepoint", timepoints[:], t)
}

// UnmarshalText accepts exactly one of [Timepoints].
func (t *Timepoint) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("outcomes: timepoint", timepoints[:], b)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Scale names one reported score of an instrument: an ONS4 item, the SWEMWBS metric or raw score,
// the WEMWBS total or the UCLA-3 total. Change and cohort statistics are reported per scale.
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

var scales = [...]Scale{ScaleLifeSatisfaction, ScaleWorthwhile, ScaleHappiness, ScaleAnxiety,
	ScaleSWEMWBSMetric, ScaleSWEMWBSRaw, ScaleWEMWBSTotal, ScaleUCLA3Total}

// Scales returns every Scale. The slice is new on each call.
func Scales() []Scale { return slices.Clone(scales[:]) }

// IsValid reports whether s is one of [Scales].
func (s Scale) IsValid() bool { return slices.Contains(scales[:], s) }

// MarshalText returns s, or an error for a value outside [Scales].
func (s Scale) MarshalText() ([]byte, error) { return enum.Marshal("outcomes: scale", scales[:], s) }

// UnmarshalText accepts exactly one of [Scales].
func (s *Scale) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("outcomes: scale", scales[:], b)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

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

var bands = [...]Band{BandVeryLow, BandLow, BandMedium, BandHigh, BandVeryHigh}

// Bands returns every Band, lowest first. The slice is new on each call.
func Bands() []Band { return slices.Clone(bands[:]) }

// IsValid reports whether b is one of [Bands].
func (b Band) IsValid() bool { return slices.Contains(bands[:], b) }

// rank orders bands from lowest (0) to highest (4), -1 for an invalid band.
func (b Band) rank() int { return slices.Index(bands[:], b) }

// MarshalText returns b, or an error for a value outside [Bands].
func (b Band) MarshalText() ([]byte, error) { return enum.Marshal("outcomes: band", bands[:], b) }

// UnmarshalText accepts exactly one of [Bands].
func (b *Band) UnmarshalText(t []byte) error {
	v, err := enum.Unmarshal("outcomes: band", bands[:], t)
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// Direction says whether a change on a scale is an improvement, taking the scale's direction into
// account (a fall in anxiety or loneliness is an improvement).
type Direction string

// The directions.
const (
	DirectionImproved  Direction = "improved"
	DirectionWorsened  Direction = "worsened"
	DirectionUnchanged Direction = "unchanged"
)

var directions = [...]Direction{DirectionImproved, DirectionWorsened, DirectionUnchanged}

// Directions returns every Direction. The slice is new on each call.
func Directions() []Direction { return slices.Clone(directions[:]) }

// IsValid reports whether d is one of [Directions].
func (d Direction) IsValid() bool { return slices.Contains(directions[:], d) }

// MarshalText returns d, or an error for a value outside [Directions].
func (d Direction) MarshalText() ([]byte, error) {
	return enum.Marshal("outcomes: direction", directions[:], d)
}

// UnmarshalText accepts exactly one of [Directions].
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("outcomes: direction", directions[:], b)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

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
type Service string

// The services.
const (
	ServiceGPConsultations        Service = "gp-consultations"
	ServiceAEAttendances          Service = "ae-attendances"
	ServiceOutpatientAppointments Service = "outpatient-appointments"
	ServiceAdmissions             Service = "admissions"
	ServiceBedDays                Service = "bed-days"
)

var services = [...]Service{ServiceGPConsultations, ServiceAEAttendances, ServiceOutpatientAppointments,
	ServiceAdmissions, ServiceBedDays}

// Services returns every Service. The slice is new on each call.
func Services() []Service { return slices.Clone(services[:]) }

// IsValid reports whether s is one of [Services].
func (s Service) IsValid() bool { return slices.Contains(services[:], s) }

// MarshalText returns s, or an error for a value outside [Services].
func (s Service) MarshalText() ([]byte, error) {
	return enum.Marshal("outcomes: service", services[:], s)
}

// UnmarshalText accepts exactly one of [Services].
func (s *Service) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("outcomes: service", services[:], b)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
