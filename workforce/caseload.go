package workforce

import (
	"fmt"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// Finding rule codes of the caseload and supervision checks.
const (
	// CodeCaseloadAboveTypical: more people accepted over a period than the policy's typical
	// annual maximum per WTE, pro-rated by WTE and days in post.
	CodeCaseloadAboveTypical = "workforce.caseload-above-typical"
	// CodeCaseloadBelowTypical: fewer people accepted than the policy's typical annual minimum,
	// pro-rated the same way.
	CodeCaseloadBelowTypical = "workforce.caseload-below-typical"
	// CodeOpenCaseloadOverLimit: an open caseload above the policy's open-caseload limit × WTE.
	CodeOpenCaseloadOverLimit = "workforce.open-caseload-over-limit"
	// CodeSupervisionOverdue: the last clinical supervision is older than the caller's interval.
	CodeSupervisionOverdue = "workforce.supervision-overdue"
	// CodeSupervisionNoneRecorded: no clinical supervision is recorded.
	CodeSupervisionNoneRecorded = "workforce.supervision-none-recorded"
)

// CaseloadPolicy is a caseload expectation for link workers: a typical range of people accepted
// per year per WTE, and an optional limit on the open caseload at one time per WTE. These are
// policy values, not legal caps.
type CaseloadPolicy struct {
	// AnnualMinPerWTE is the typical least number of people a full-time worker accepts in a year.
	AnnualMinPerWTE int `json:"annualMinPerWte" validate:"gte=0,lte=100000"`
	// AnnualMaxPerWTE is the typical most; at least AnnualMinPerWTE.
	AnnualMaxPerWTE int `json:"annualMaxPerWte" validate:"required,min=1,max=100000"`
	// OpenLimitPerWTE, if more than zero, is the most people on a full-time worker's open
	// caseload at one time. No official figure exists; the default has none.
	OpenLimitPerWTE int `json:"openLimitPerWte,omitempty" validate:"gte=0,lte=100000"`
	// Source cites where the figures come from.
	Source string `json:"source" validate:"required,max=1000"`
	// Confidence says how sure the figures are.
	Confidence sp.Confidence `json:"confidence" validate:"required,enum"`
}

// DefaultCaseloadPolicy returns the documented default: 200 to 250 people a year for a full-time
// link worker (Health Education England; SOURCES.md#caseload; high confidence: a typical figure
// "depending on the complexity of people's needs and the maturity of the social prescribing
// scheme", not a cap) and no open-caseload limit (none is official; an informal figure of about 40
// is of low confidence and is not shipped).
func DefaultCaseloadPolicy() CaseloadPolicy {
	return CaseloadPolicy{
		AnnualMinPerWTE: 200,
		AnnualMaxPerWTE: 250,
		Source:          "Health Education England, social prescribing link worker role: typically 200-250 people a year per full-time link worker",
		Confidence:      sp.ConfidenceHigh,
	}
}

// Validate checks the policy's fields and that the minimum is not above the maximum
// ("range-order").
func (p CaseloadPolicy) Validate() error {
	c := validation.Struct("workforce.CaseloadPolicy", &p)
	if p.AnnualMinPerWTE > p.AnnualMaxPerWTE {
		c.Add("/annualMinPerWte", "range-order", fmt.Errorf("workforce: caseload minimum above maximum: %w", sp.ErrInvalid))
	}
	return c.Err()
}

// Acceptance is a number of people accepted onto a worker's caseload on a date.
type Acceptance struct {
	// Date is the day they were accepted.
	Date sp.Date `json:"date" validate:"required"`
	// Count is how many people (at least one).
	Count int `json:"count" validate:"required,min=1,max=100000"`
}

// OpenCaseload is the number of people on a worker's open caseload on a date.
type OpenCaseload struct {
	// Date is the day counted.
	Date sp.Date `json:"date" validate:"required"`
	// Open is how many people were open; zero is allowed.
	Open int `json:"open" validate:"gte=0,lte=100000"`
}

// Caseload is a worker's caseload over a period: the worker (for dates in post and WTE), the
// period, the acceptances and optional open-caseload counts. It holds counts and dates, never
// referrals or people.
type Caseload struct {
	// Worker is the link worker.
	Worker StaffMember `json:"worker" validate:"required"`
	// From is the first day of the period checked.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day of the period checked (inclusive).
	To sp.Date `json:"to" validate:"required"`
	// Acceptances are the people accepted, by date; those outside the period are ignored.
	Acceptances []Acceptance `json:"acceptances,omitempty" validate:"dive"`
	// Open are open-caseload counts, by date; those outside the period are ignored.
	Open []OpenCaseload `json:"open,omitempty" validate:"dive"`
}

// Validate checks the worker, the period (To not before From: "date-order"; at most ten years:
// "period-length"; dates from 1900 to 2999: "date-range") and the counts.
func (c Caseload) Validate() error {
	v := validation.Struct("workforce.Caseload", &c)
	c.Worker.check(v, "/worker")
	checkDate(v, "/from", c.From)
	checkDate(v, "/to", c.To)
	if c.From.IsValid() && c.To.IsValid() && c.To.Before(c.From) {
		v.Add("/to", "date-order", fmt.Errorf("workforce: period ends before it starts: %w", sp.ErrInvalid))
	}
	if c.From.IsValid() && c.To.IsValid() && c.From.DaysUntil(c.To) > 3660 {
		v.Add("/to", "period-length", fmt.Errorf("workforce: period longer than ten years: %w", sp.ErrInvalid))
	}
	return v.Err()
}

// wteOn returns the worker's WTE on day in ten-thousandths (0 when not in post), clamped to 1.
func wteOn(s *StaffMember, day sp.Date) int64 {
	if day.Before(s.Start) || (s.End.IsValid() && day.After(s.End)) {
		return 0
	}
	v := s.WTE[wteAt(s, day)].WTE.v
	return min(max(v, 0), fixedScale)
}

// Check compares the caseload with the policy. Over the period, the typical range is the policy's
// annual figures × Σ(WTE on each day in post) ÷ 365; the number accepted above it is a warning
// ([CodeCaseloadAboveTypical]) and below it a note ([CodeCaseloadBelowTypical]). With an open limit,
// each open count above limit × the WTE that day is a warning ([CodeOpenCaseloadOverLimit]). The
// comparisons are exact (integers, no rounding). The error is the policy's or the caseload's
// validation error.
func (p CaseloadPolicy) Check(c Caseload) ([]sp.Finding, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	s := &c.Worker
	subj := "staff " + s.ID + " period " + c.From.String() + ".." + c.To.String()
	cite := p.Source + " (confidence " + string(p.Confidence) + ")"
	var wteDays int64 // ten-thousandths of a WTE × days
	for day := c.From; !day.After(c.To); day = day.AddDays(1) {
		wteDays += wteOn(s, day)
	}
	accepted := 0
	for _, a := range c.Acceptances {
		if !a.Date.Before(c.From) && !a.Date.After(c.To) {
			accepted += a.Count
		}
	}
	var out []sp.Finding
	// accepted > max × wteDays / (365 × 10000)  ⇔  accepted × 3,650,000 > max × wteDays
	lhs := int64(accepted) * 365 * fixedScale
	if lhs > int64(p.AnnualMaxPerWTE)*wteDays {
		out = append(out, sp.Finding{Rule: CodeCaseloadAboveTypical, Severity: sp.SeverityWarning, Subject: subj,
			Message: strconv.Itoa(accepted) + " people accepted, above the typical " + strconv.Itoa(p.AnnualMaxPerWTE) +
				" a year per WTE pro-rated to " + fmtRatio(int64(p.AnnualMaxPerWTE)*wteDays, 365*fixedScale) + " for the period",
			Source: cite})
	} else if lhs < int64(p.AnnualMinPerWTE)*wteDays {
		out = append(out, sp.Finding{Rule: CodeCaseloadBelowTypical, Severity: sp.SeverityInfo, Subject: subj,
			Message: strconv.Itoa(accepted) + " people accepted, below the typical " + strconv.Itoa(p.AnnualMinPerWTE) +
				" a year per WTE pro-rated to " + fmtRatio(int64(p.AnnualMinPerWTE)*wteDays, 365*fixedScale) + " for the period",
			Source: cite})
	}
	if p.OpenLimitPerWTE > 0 {
		for _, o := range c.Open {
			if o.Date.Before(c.From) || o.Date.After(c.To) {
				continue
			}
			w := wteOn(s, o.Date)
			if int64(o.Open)*fixedScale > int64(p.OpenLimitPerWTE)*w {
				out = append(out, sp.Finding{Rule: CodeOpenCaseloadOverLimit, Severity: sp.SeverityWarning,
					Subject: "staff " + s.ID + " date " + o.Date.String(),
					Message: strconv.Itoa(o.Open) + " people open, above the limit of " + strconv.Itoa(p.OpenLimitPerWTE) +
						" per WTE at a WTE of " + WTETotal{w}.String(), Source: cite})
			}
		}
	}
	return sp.SortFindings(out), nil
}

// fmtRatio formats n ÷ d to one decimal place, rounded half-up (n ≥ 0, d > 0), for messages.
func fmtRatio(n, d int64) string {
	tenths := roundHalfUp(n*10, d)
	return strconv.FormatInt(tenths/10, 10) + "." + strconv.FormatInt(tenths%10, 10)
}

// SupervisionPolicy sets how often a link worker should have clinical supervision. No official
// interval exists (link workers should have regular access to supervision from a GP; the amount is
// not defined), so the caller sets it: there is no default.
type SupervisionPolicy struct {
	// IntervalDays is the most days allowed between supervisions (at least 1).
	IntervalDays int `json:"intervalDays" validate:"required,min=1,max=3660"`
}

// Check reports [CodeSupervisionOverdue] if more than IntervalDays have passed from last to asOf,
// or [CodeSupervisionNoneRecorded] if last is the zero Date. The error wraps
// [socialprescribing.ErrInvalid] for an invalid policy or asOf.
func (p SupervisionPolicy) Check(staffID string, last, asOf sp.Date) ([]sp.Finding, error) {
	if p.IntervalDays < 1 || p.IntervalDays > 3660 {
		return nil, fmt.Errorf("workforce: supervision interval must be from 1 to 3660 days: %w", sp.ErrInvalid)
	}
	if !asOf.IsValid() {
		return nil, fmt.Errorf("workforce: supervision check needs a date to check as of: %w", sp.ErrRequired)
	}
	subj := "staff " + staffID
	src := "Caller's supervision interval of " + strconv.Itoa(p.IntervalDays) + " days; regular access to clinical supervision from a GP is expected, the amount is not defined (medium)"
	if !last.IsValid() {
		return []sp.Finding{{Rule: CodeSupervisionNoneRecorded, Severity: sp.SeverityWarning, Subject: subj,
			Message: "no clinical supervision is recorded", Source: src}}, nil
	}
	if gap := last.DaysUntil(asOf); gap > p.IntervalDays {
		return []sp.Finding{{Rule: CodeSupervisionOverdue, Severity: sp.SeverityWarning, Subject: subj,
			Message: "last clinical supervision " + strconv.Itoa(gap) + " days before " + asOf.String() +
				", more than the interval of " + strconv.Itoa(p.IntervalDays) + " days", Source: src}}, nil
	}
	return nil, nil
}
