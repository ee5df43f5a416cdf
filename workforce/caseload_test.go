package workforce_test

import (
	"errors"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/workforce"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func worker(start, w string) workforce.StaffMember {
	return workforce.StaffMember{ID: "S1", PCN: "P1", Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
		Start: day(start), WTE: []workforce.WTEPeriod{{From: day(start), WTE: wte(w)}}}
}

func TestCaseloadCheck(t *testing.T) {
	t.Parallel()
	policy := workforce.DefaultCaseloadPolicy()
	withLimit := policy
	withLimit.OpenLimitPerWTE = 40
	cases := []struct {
		name, reason string
		policy       workforce.CaseloadPolicy
		c            workforce.Caseload
		want         []string
	}{
		{"within the typical range", "1 WTE for 2022/23 (365 days): typical 200–250; 230 accepted is within it",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "1"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 230}}}, nil},
		{"above the typical range", "0.5 WTE for 365 days: 250 × 0.5 = 125; 126 accepted is above",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "0.5"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 126}}}, []string{"warning " + workforce.CodeCaseloadAboveTypical}},
		{"exactly the top of the range", "0.5 WTE for 365 days: 125 accepted equals 250 × 0.5, not above",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "0.5"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 125}}}, nil},
		{"below the typical range", "1 WTE for 365 days: 199 accepted is below 200",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "1"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 199}}}, []string{"info " + workforce.CodeCaseloadBelowTypical}},
		{"pro-rated by days in post", "in post from 1 October 2022 (182 days of 2022/23) at 1 WTE: 250 × 182 ÷ 365 = 124.66; 125 is above",
			policy, workforce.Caseload{Worker: worker("2022-10-01", "1"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-11-01"), Count: 125}}}, []string{"warning " + workforce.CodeCaseloadAboveTypical}},
		{"acceptances outside the period are ignored", "only the 100 inside 2022/23 count, below 200",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "1"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-03-31"), Count: 500}, {Date: day("2022-05-01"), Count: 100}}},
			[]string{"info " + workforce.CodeCaseloadBelowTypical}},
		{"open caseload over the limit", "a limit of 40 per WTE at 0.5 WTE is 20; 21 open is over, 20 is not",
			withLimit, workforce.Caseload{Worker: worker("2020-01-01", "0.5"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 110}},
				Open:        []workforce.OpenCaseload{{Date: day("2022-06-30"), Open: 21}, {Date: day("2022-07-31"), Open: 20}}},
			[]string{"warning " + workforce.CodeOpenCaseloadOverLimit}},
		{"no open limit by default", "no official open-caseload limit exists, so none is checked",
			policy, workforce.Caseload{Worker: worker("2020-01-01", "0.5"), From: day("2022-04-01"), To: day("2023-03-31"),
				Acceptances: []workforce.Acceptance{{Date: day("2022-06-01"), Count: 110}},
				Open:        []workforce.OpenCaseload{{Date: day("2022-06-30"), Open: 400}}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			fs, err := c.policy.Check(c.c)
			if err != nil {
				t.Fatalf("Check: %v; reason: %s", err, c.reason)
			}
			if diff := cmp.Diff(c.want, rulesOf(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nreason: %s", diff, c.reason)
			}
		})
	}
	if _, err := policy.Check(workforce.Caseload{Worker: worker("2020-01-01", "1"), From: day("2023-04-01"), To: day("2023-03-31")}); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("period ending before it starts: got %v, want ErrInvalid", err)
	}
}

// TestCaseloadAboveTypicalProperty: the above-typical finding appears exactly when accepted × 365 >
// annual maximum × Σ WTE over the days in post, for full-period workers at a constant WTE.
func TestCaseloadAboveTypicalProperty(t *testing.T) {
	t.Parallel()
	policy := workforce.DefaultCaseloadPolicy()
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.IntRange(1, 10000).Draw(t, "wte")
		days := rapid.IntRange(1, 730).Draw(t, "days")
		accepted := rapid.IntRange(1, 1000).Draw(t, "accepted")
		s := worker("2020-01-01", "1")
		s.WTE[0].WTE, _ = workforce.WTEFromTenThousandths(w)
		from := day("2021-01-01")
		fs, err := policy.Check(workforce.Caseload{Worker: s, From: from, To: from.AddDays(days - 1),
			Acceptances: []workforce.Acceptance{{Date: from, Count: accepted}}})
		if err != nil {
			t.Fatal(err)
		}
		above := int64(accepted)*365*10000 > int64(policy.AnnualMaxPerWTE)*int64(w)*int64(days)
		got := len(fs) > 0 && fs[0].Rule == workforce.CodeCaseloadAboveTypical
		if got != above {
			t.Fatalf("accepted %d, wte %d/10000, %d days: above-typical finding %v, want %v", accepted, w, days, got, above)
		}
	})
}

func TestSupervisionCheck(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, reason string
		interval     int
		last, asOf   string
		want         []string
	}{
		{"within the interval", "28 days since the last supervision, interval 28", 28, "2024-02-01", "2024-02-29", nil},
		{"overdue", "29 days since, interval 28", 28, "2024-02-01", "2024-03-01", []string{"warning " + workforce.CodeSupervisionOverdue}},
		{"none recorded", "no last supervision date", 28, "", "2024-03-01", []string{"warning " + workforce.CodeSupervisionNoneRecorded}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var last sp.Date
			if c.last != "" {
				last = day(c.last)
			}
			fs, err := workforce.SupervisionPolicy{IntervalDays: c.interval}.Check("S1", last, day(c.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, rulesOf(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nreason: %s", diff, c.reason)
			}
		})
	}
	if _, err := (workforce.SupervisionPolicy{}).Check("S1", day("2024-01-01"), day("2024-03-01")); !errors.Is(err, sp.ErrInvalid) {
		t.Errorf("zero interval: got %v, want ErrInvalid (no default interval exists)", err)
	}
}
