package outcomes

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func win(from, to string) Window { return Window{sp.MustParseDate(from), sp.MustParseDate(to)} }

func f64p(v float64) *float64 { return &v }

func TestServiceUseChanges(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		u      ServiceUse
		want   []ServiceChange
	}{
		{"equal windows", "90 days each: 6 → 3 GP consultations is 2 → 1 per 30 days, −50%",
			ServiceUse{EpisodeID: "e", Before: win("2025-01-01", "2025-03-31"), After: win("2025-04-01", "2025-06-29"),
				Items: []ServiceCount{{ServiceGPConsultations, intp(6), intp(3)}}},
			[]ServiceChange{{Service: ServiceGPConsultations, Before: 6, After: 3, Change: -3, BeforeDays: 90, AfterDays: 90,
				BeforePer30Days: 2, AfterPer30Days: 1, ChangePer30Days: -1, PercentChange: f64p(-50)}}},
		{"different windows", "4 in 60 days is 2 per 30; 4 in 120 days is 1 per 30: same count, rate halves",
			ServiceUse{EpisodeID: "e", Before: win("2025-01-01", "2025-03-01"), After: win("2025-03-02", "2025-06-29"),
				Items: []ServiceCount{{ServiceAEAttendances, intp(4), intp(4)}}},
			[]ServiceChange{{Service: ServiceAEAttendances, Before: 4, After: 4, Change: 0, BeforeDays: 60, AfterDays: 120,
				BeforePer30Days: 2, AfterPer30Days: 1, ChangePer30Days: -1, PercentChange: f64p(-50)}}},
		{"zero baseline", "no per-cent change from zero, not infinity",
			ServiceUse{EpisodeID: "e", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
				Items: []ServiceCount{{ServiceAdmissions, intp(0), intp(2)}, {ServiceBedDays, intp(0), intp(0)}}},
			[]ServiceChange{
				{Service: ServiceAdmissions, Before: 0, After: 2, Change: 2, BeforeDays: 30, AfterDays: 30, AfterPer30Days: 2, ChangePer30Days: 2},
				{Service: ServiceBedDays, BeforeDays: 30, AfterDays: 30}}},
		{"rise", "1 → 3 outpatient appointments over equal windows is +200%",
			ServiceUse{EpisodeID: "e", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
				Items: []ServiceCount{{ServiceOutpatientAppointments, intp(1), intp(3)}}},
			[]ServiceChange{{Service: ServiceOutpatientAppointments, Before: 1, After: 3, Change: 2, BeforeDays: 30, AfterDays: 30,
				BeforePer30Days: 1, AfterPer30Days: 3, ChangePer30Days: 2, PercentChange: f64p(200)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.u.Changes()
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Changes mismatch (-want +got) (%s):\n%s", tt.reason, d)
			}
		})
	}
}

func TestServiceUseValidate(t *testing.T) {
	ok := func() ServiceUse {
		return ServiceUse{EpisodeID: "e", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
			Items: []ServiceCount{{ServiceGPConsultations, intp(0), intp(0)}, {ServiceBedDays, intp(30), intp(0)}}}
	}
	tests := []struct {
		name   string
		reason string
		edit   func(*ServiceUse)
		path   string
		rule   string
	}{
		{"valid", "zero counts are counts; 30 bed days in 30 days", func(*ServiceUse) {}, "", ""},
		{"window reversed", "a window ends on or after its start", func(u *ServiceUse) { u.Before = win("2025-01-30", "2025-01-01") }, "/before/to", "date-order"},
		{"overlap", "after begins after before ends", func(u *ServiceUse) { u.After.From = sp.MustParseDate("2025-01-30") }, "/after/from", "window-order"},
		{"duplicate service", "one count per service", func(u *ServiceUse) { u.Items[1].Service = ServiceGPConsultations }, "/items/1/service", "unique-service"},
		{"bed days", "31 bed days in a 30-day window", func(u *ServiceUse) { u.Items[1].Before = intp(31) }, "/items/1/before", "bed-days"},
		{"missing count", "nil is missing; 0 is a count", func(u *ServiceUse) { u.Items[0].After = nil }, "/items/0/after", "required"},
		{"negative", "counts are ≥ 0", func(u *ServiceUse) { u.Items[0].After = intp(-1) }, "/items/0/after", "gte"},
		{"huge", "counts are ≤ 10,000", func(u *ServiceUse) { u.Items[0].Before = intp(10001) }, "/items/0/before", "lte"},
		{"huge after", "counts are ≤ 10,000", func(u *ServiceUse) { u.Items[0].After = intp(10001) }, "/items/0/after", "lte"},
		{"largest", "10,000 is allowed", func(u *ServiceUse) { u.Items[0].After = intp(10000) }, "", ""},
		{"no items", "at least one service", func(u *ServiceUse) { u.Items = nil }, "/items", "required"},
		{"bad service", "enum", func(u *ServiceUse) { u.Items[0].Service = "dentist" }, "/items/0/service", "enum"},
		{"no window", "windows are required", func(u *ServiceUse) { u.After = Window{} }, "/after", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ok()
			tt.edit(&u)
			err := u.Validate()
			if u.valid() != (err == nil) {
				t.Errorf("valid() = %v disagrees with Validate() = %v", u.valid(), err)
			}
			if tt.rule == "" {
				if err != nil {
					t.Fatalf("Validate() = %v; want nil (%s)", err, tt.reason)
				}
				return
			}
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || !ve.Has(tt.path, tt.rule) {
				t.Fatalf("Validate() = %v; want %q at %q (%s)", err, tt.rule, tt.path, tt.reason)
			}
			if _, err := u.Changes(); err == nil {
				t.Errorf("Changes() of an invalid record error = nil")
			}
		})
	}
}

func TestSummariseServiceUse(t *testing.T) {
	us := []ServiceUse{
		{EpisodeID: "a", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
			Items: []ServiceCount{{ServiceGPConsultations, intp(4), intp(2)}}},
		{EpisodeID: "b", Before: win("2025-01-01", "2025-03-01"), After: win("2025-03-02", "2025-04-30"),
			Items: []ServiceCount{{ServiceGPConsultations, intp(2), intp(1)}, {ServiceAEAttendances, intp(0), intp(1)}}},
		{EpisodeID: "c", Items: []ServiceCount{{ServiceGPConsultations, intp(99), intp(0)}}}, // invalid: no windows
		{EpisodeID: "d", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
			Items: []ServiceCount{{ServiceGPConsultations, intp(9), intp(9)}}},
		{EpisodeID: "d", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
			Items: []ServiceCount{{ServiceGPConsultations, intp(8), intp(8)}}},
	}
	got := SummariseServiceUse(us)
	// GP: a and b: before 4 + 2 = 6 over 30 + 60 = 90 person-days (2 per 30), after 2 + 1 = 3 over
	// 30 + 60 = 90 (1 per 30): −50%. A&E: b only, 0 → 1 over 60 days each: no per-cent change.
	want := ServiceUseSummary{Records: 5, Invalid: 1, Duplicate: 2, Episodes: 2, Services: []ServiceCohortChange{
		{ServiceChange{Service: ServiceGPConsultations, Before: 6, After: 3, Change: -3, BeforeDays: 90, AfterDays: 90,
			BeforePer30Days: 2, AfterPer30Days: 1, ChangePer30Days: -1, PercentChange: f64p(-50)}, 2},
		{ServiceChange{Service: ServiceAEAttendances, Before: 0, After: 1, Change: 1, BeforeDays: 60, AfterDays: 60,
			AfterPer30Days: 0.5, ChangePer30Days: 0.5}, 1},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("SummariseServiceUse mismatch (-want +got):\n%s", d)
	}
}

// A zero baseline never yields a per-cent change, and a positive one always does, finite; per-30-day
// rates scale counts by 30/days.
func TestServiceChangeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		before := int64(rapid.IntRange(0, 10000).Draw(t, "before"))
		after := int64(rapid.IntRange(0, 10000).Draw(t, "after"))
		bd := int64(rapid.IntRange(1, 3650).Draw(t, "bd"))
		ad := int64(rapid.IntRange(1, 3650).Draw(t, "ad"))
		c := serviceChange(ServiceGPConsultations, before, after, bd, ad)
		if (c.PercentChange == nil) != (before == 0) {
			t.Fatalf("before %d: per-cent change %v", before, c.PercentChange)
		}
		if c.PercentChange != nil && (*c.PercentChange < -100 || *c.PercentChange != *c.PercentChange) {
			t.Fatalf("per-cent change %v below −100%% or NaN", *c.PercentChange)
		}
		if bd == ad && c.PercentChange != nil {
			want := float64((after-before)*100) / float64(before)
			if d := *c.PercentChange - want; d > 1e-9 || d < -1e-9 {
				t.Fatalf("equal windows: per-cent %v; want %v", *c.PercentChange, want)
			}
		}
		if c.Change != after-before {
			t.Fatalf("change %d; want %d", c.Change, after-before)
		}
	})
}

// The reflection-free check SummariseServiceUse uses must agree with Validate on every record.
func TestServiceUseValidAgreesWithValidate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		u := genAnyServiceUse.Draw(t, "u")
		err := u.Validate()
		if got := u.valid(); got != (err == nil) {
			t.Fatalf("valid() = %v but Validate() = %v", got, err)
		}
	})
}
