package outcomes

import (
	"fmt"
	"math/big"
	"slices"
	"unicode/utf8"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/keygroup"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// Window is a period of whole days, both ends included.
type Window struct {
	// From is the first day of the window.
	From sp.Date `json:"from" validate:"required"`
	// To is the last day of the window; it may equal From.
	To sp.Date `json:"to" validate:"required"`
}

// Days returns the number of days in the window, both ends included, or 0 if the window is not valid.
func (w Window) Days() int {
	if !w.From.IsValid() || !w.To.IsValid() || w.To.Before(w.From) {
		return 0
	}
	return w.From.DaysUntil(w.To) + 1
}

// ServiceUse records one person's use of health and care services over a window before social
// prescribing and a window after it, by episode (the measures of NHS England's Social prescribing
// frequently asked questions and The King's Fund's What is social prescribing?, 2020). The library
// reports the change it measures; it never claims the change is an effect of social prescribing (the
// evidence is mixed: Management in Practice, 2023, reporting a BMJ Open review; SOURCES.md#service-use).
//
// ServiceUse is a plain value, safe for concurrent use once built.
type ServiceUse struct {
	// EpisodeID identifies the episode (the referral id).
	EpisodeID string `json:"episodeId" validate:"required,max=64"`
	// Before is the window before the episode; it must end before After begins.
	Before Window `json:"before" validate:"required"`
	// After is the window after the start of the episode.
	After Window `json:"after" validate:"required"`
	// Items holds one count per service, each service at most once.
	Items []ServiceCount `json:"items" validate:"required,min=1,dive"`
}

// ServiceCount is the number of uses of one service in the before and after windows. Zero is a
// legitimate count, so the counts are pointers and a missing count is nil. A count above 10,000 in one
// window is rejected as a data error.
type ServiceCount struct {
	// Service names the service.
	Service Service `json:"service" validate:"required,enum"`
	// Before is the count in the before window.
	Before *int `json:"before" validate:"required,gte=0,lte=10000"`
	// After is the count in the after window.
	After *int `json:"after" validate:"required,gte=0,lte=10000"`
}

// Validate checks the record: the validate tags, and in Go that each window ends on or after its
// start (rule "date-order"), that the before window ends before the after window begins (rule
// "window-order"), that no service appears twice (rule "unique-service") and that bed days do not
// exceed the days of their window (rule "bed-days"). The error is nil or a [*sp.ValidationError].
func (u ServiceUse) Validate() error {
	c := newCollector("outcomes.ServiceUse", &u)
	for _, w := range []struct {
		path string
		w    Window
	}{{"/before", u.Before}, {"/after", u.After}} {
		if w.w.From.IsValid() && w.w.To.IsValid() && w.w.To.Before(w.w.From) {
			c.Add(w.path+"/to", "date-order", fmt.Errorf("outcomes: service use: window ends before it starts: %w", sp.ErrInvalid))
		}
	}
	if u.Before.To.IsValid() && u.After.From.IsValid() && !u.Before.To.Before(u.After.From) {
		c.Add("/after/from", "window-order", fmt.Errorf("outcomes: service use: the after window must begin after the before window ends: %w", sp.ErrInvalid))
	}
	var seen []Service
	for i, it := range u.Items {
		p := "/items/" + validation.Itoa(i)
		if it.Service.IsValid() && slices.Contains(seen, it.Service) {
			c.Add(p+"/service", "unique-service", fmt.Errorf("outcomes: service use: service listed more than once: %w", sp.ErrInvalid))
		}
		seen = append(seen, it.Service)
		if it.Service == ServiceBedDays {
			if it.Before != nil && u.Before.Days() > 0 && *it.Before > u.Before.Days() {
				c.Add(p+"/before", "bed-days", fmt.Errorf("outcomes: service use: more bed days than days in the window: %w", sp.ErrInvalid))
			}
			if it.After != nil && u.After.Days() > 0 && *it.After > u.After.Days() {
				c.Add(p+"/after", "bed-days", fmt.Errorf("outcomes: service use: more bed days than days in the window: %w", sp.ErrInvalid))
			}
		}
	}
	return c.Err()
}

// ServiceChange is the change in the use of one service between the before and after windows.
type ServiceChange struct {
	// Service names the service.
	Service Service `json:"service"`
	// Before is the count in the before window (for a cohort, the total).
	Before int64 `json:"before"`
	// After is the count in the after window (for a cohort, the total).
	After int64 `json:"after"`
	// Change is After − Before, in raw counts; compare rates when the windows differ in length.
	Change int64 `json:"change"`
	// BeforeDays is the length of the before window in days (for a cohort, the person-days).
	BeforeDays int64 `json:"beforeDays"`
	// AfterDays is the length of the after window in days (for a cohort, the person-days).
	AfterDays int64 `json:"afterDays"`
	// BeforePer30Days is Before normalised to a 30-day window: Before × 30 / BeforeDays.
	BeforePer30Days float64 `json:"beforePer30Days"`
	// AfterPer30Days is After normalised to a 30-day window: After × 30 / AfterDays.
	AfterPer30Days float64 `json:"afterPer30Days"`
	// ChangePer30Days is AfterPer30Days − BeforePer30Days.
	ChangePer30Days float64 `json:"changePer30Days"`
	// PercentChange is the change in the 30-day rate as a per cent of the before rate (with equal
	// windows, the change in counts as a per cent of the before count). It is nil when the before
	// count is zero: there is no per-cent change from zero.
	PercentChange *float64 `json:"percentChange,omitempty"`
}

// Changes returns the change for each service of the record, in the order of Items. It returns an
// error if the record is not valid.
func (u ServiceUse) Changes() ([]ServiceChange, error) {
	if err := u.Validate(); err != nil {
		return nil, err
	}
	out := make([]ServiceChange, len(u.Items))
	bd, ad := int64(u.Before.Days()), int64(u.After.Days())
	for i, it := range u.Items {
		out[i] = serviceChange(it.Service, int64(*it.Before), int64(*it.After), bd, ad)
	}
	return out, nil
}

// serviceChange computes the rates and the per-cent change. The per-cent change is computed from
// integers as (after·beforeDays − before·afterDays)·100 / (before·afterDays) with one rounding.
func serviceChange(s Service, before, after, bd, ad int64) ServiceChange {
	sc := ServiceChange{
		Service: s, Before: before, After: after, Change: after - before, BeforeDays: bd, AfterDays: ad,
		BeforePer30Days: float64(before*30) / float64(bd),
		AfterPer30Days:  float64(after*30) / float64(ad),
	}
	sc.ChangePer30Days = sc.AfterPer30Days - sc.BeforePer30Days
	if before > 0 {
		// Exact rational arithmetic: cohort totals can exceed int64 when multiplied out.
		num := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(after), big.NewInt(bd)), new(big.Int).Mul(big.NewInt(before), big.NewInt(ad)))
		num.Mul(num, big.NewInt(100))
		den := new(big.Int).Mul(big.NewInt(before), big.NewInt(ad))
		p, _ := new(big.Rat).SetFrac(num, den).Float64()
		sc.PercentChange = &p
	}
	return sc
}

// ServiceUseSummary totals service use over a cohort.
type ServiceUseSummary struct {
	// Records is the number of records given.
	Records int `json:"records"`
	// Invalid is the number of records that failed validation; they are excluded.
	Invalid int `json:"invalid"`
	// Duplicate is the number of valid records excluded because another record has the same episode
	// id (all records of such an episode are excluded, whatever their order).
	Duplicate int `json:"duplicate"`
	// Episodes is the number of episodes included.
	Episodes int `json:"episodes"`
	// Services holds the totals per service, in the order of [Services], for each service recorded
	// by at least one included episode. Before and After are total counts, BeforeDays and AfterDays
	// the person-days of the windows of the episodes that recorded the service, and the rates are
	// per 30 person-days.
	Services []ServiceCohortChange `json:"services"`
}

// ServiceCohortChange is a [ServiceChange] over a cohort, with the number of episodes that recorded
// the service.
type ServiceCohortChange struct {
	ServiceChange
	// Episodes is the number of episodes that recorded the service.
	Episodes int `json:"episodes"`
}

// valid reports, without reflection, whether Validate would return nil. A property test holds the
// two to the same verdict.
func (u *ServiceUse) valid() bool {
	if u.EpisodeID == "" || (len(u.EpisodeID) > 64 && utf8.RuneCountInString(u.EpisodeID) > 64) ||
		!u.Before.From.IsValid() || !u.Before.To.IsValid() || !u.After.From.IsValid() || !u.After.To.IsValid() ||
		u.Before.To.Before(u.Before.From) || u.After.To.Before(u.After.From) || !u.Before.To.Before(u.After.From) ||
		len(u.Items) == 0 {
		return false
	}
	var seen [len(services)]bool
	for _, it := range u.Items {
		k := slices.Index(services[:], it.Service)
		if k < 0 || seen[k] || it.Before == nil || it.After == nil ||
			*it.Before < 0 || *it.Before > 10000 || *it.After < 0 || *it.After > 10000 {
			return false
		}
		seen[k] = true
		if it.Service == ServiceBedDays && (*it.Before > u.Before.Days() || *it.After > u.After.Days()) {
			return false
		}
	}
	return true
}

// SummariseServiceUse totals the service use of a cohort per service and computes the change in the
// 30-day rate. Invalid records and records sharing an episode id are counted and excluded. The
// result does not depend on the order of us: all sums are exact integers. It is safe for concurrent
// use.
func SummariseServiceUse(us []ServiceUse) ServiceUseSummary {
	out := ServiceUseSummary{Records: len(us), Services: []ServiceCohortChange{}}
	ok := make([]bool, len(us))
	for i := range us {
		if ok[i] = us[i].valid(); !ok[i] {
			out.Invalid++
		}
	}
	dup := keygroup.Shared(len(us), func(i int) (string, bool) { return us[i].EpisodeID, ok[i] })
	type tot struct {
		before, after, bd, ad int64
		n                     int
	}
	var t [len(services)]tot
	for i := range us {
		if !ok[i] {
			continue
		}
		u := &us[i]
		if dup[i] {
			out.Duplicate++
			continue
		}
		out.Episodes++
		bd, ad := int64(u.Before.Days()), int64(u.After.Days())
		for _, it := range u.Items {
			k := slices.Index(services[:], it.Service)
			t[k].before += int64(*it.Before)
			t[k].after += int64(*it.After)
			t[k].bd += bd
			t[k].ad += ad
			t[k].n++
		}
	}
	for k, s := range services {
		if t[k].n == 0 {
			continue
		}
		out.Services = append(out.Services, ServiceCohortChange{
			ServiceChange: serviceChange(s, t[k].before, t[k].after, t[k].bd, t[k].ad),
			Episodes:      t[k].n,
		})
	}
	return out
}
