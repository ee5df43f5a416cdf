package workforce

import (
	"errors"
	"slices"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func genID() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		switch rapid.IntRange(0, 4).Draw(t, "kind") {
		case 0:
			return ""
		case 1:
			return strings.Repeat("é", rapid.IntRange(30, 70).Draw(t, "n")) // 2 bytes a character
		case 2:
			return strings.Repeat("x", rapid.IntRange(60, 70).Draw(t, "n"))
		}
		return "id"
	})
}

func genMaybeDate() *rapid.Generator[sp.Date] {
	return rapid.Custom(func(t *rapid.T) sp.Date {
		if rapid.IntRange(0, 5).Draw(t, "zero") == 0 {
			return sp.Date{}
		}
		return sp.MustParseDate("1890-01-01").AddDays(rapid.IntRange(0, 400_000).Draw(t, "day"))
	})
}

func genMaybeMoney() *rapid.Generator[Money] {
	return rapid.Custom(func(t *rapid.T) Money {
		if rapid.IntRange(0, 5).Draw(t, "zero") == 0 {
			return Money{}
		}
		return MoneyFromPence(rapid.Int64Range(-10, 2_000_000_000).Draw(t, "pence"))
	})
}

// TestValidateForAuditAgrees checks that the audit's fast validation reports exactly what Validate
// reports, on inputs that are often invalid.
func TestValidateForAuditAgrees(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		var in Input
		for range rapid.IntRange(0, 3).Draw(t, "staff") {
			s := StaffMember{ID: genID().Draw(t, "id"), PCN: genID().Draw(t, "pcn"),
				Role:       rapid.SampledFrom([]sp.Role{sp.RoleLinkWorker, "", "nurse"}).Draw(t, "role"),
				Employment: rapid.SampledFrom([]Employment{EmploymentDirect, ""}).Draw(t, "employment"),
				Start:      genMaybeDate().Draw(t, "start"), End: genMaybeDate().Draw(t, "end")}
			for range rapid.IntRange(0, 2).Draw(t, "periods") {
				s.WTE = append(s.WTE, WTEPeriod{From: genMaybeDate().Draw(t, "from"), WTE: WTE{rapid.Int64Range(0, 12000).Draw(t, "wte")}})
			}
			if rapid.Bool().Draw(t, "cover") {
				s.Cover = &Cover{AbsentWTE: WTE{rapid.Int64Range(0, 12000).Draw(t, "absent")}, AbsentStaff: genID().Draw(t, "absentStaff")}
			}
			in.Staff = append(in.Staff, s)
		}
		for range rapid.IntRange(0, 4).Draw(t, "claims") {
			in.Claims = append(in.Claims, Claim{PCN: genID().Draw(t, "pcn"), Staff: genID().Draw(t, "staff"),
				Month: genMaybeDate().Draw(t, "month"), Salary: genMaybeMoney().Draw(t, "salary"),
				EmployerNationalInsurance: genMaybeMoney().Draw(t, "ni"), EmployerPension: genMaybeMoney().Draw(t, "pension"),
				SubcontractContribution: genMaybeMoney().Draw(t, "sub")})
		}
		summary := func(err error) []string {
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				return nil
			}
			var out []string
			for _, fe := range ve.Errors {
				out = append(out, fe.Path+" "+fe.Rule+" "+fe.Err.Error())
			}
			return out
		}
		if diff := cmp.Diff(summary(in.Validate()), summary(in.validateForAudit())); diff != "" {
			t.Fatalf("validateForAudit disagrees with Validate (-Validate +fast):\n%s", diff)
		}
	})
}

// TestSortFindingsAgrees checks the engine's bucketed sort against a plain sort by CompareFindings.
func TestSortFindingsAgrees(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		gen := rapid.Custom(func(t *rapid.T) Finding {
			return Finding{Rule: rapid.SampledFrom([]string{"a", "b"}).Draw(t, "rule"),
				Severity: rapid.SampledFrom(sp.Severities()).Draw(t, "severity"),
				PCN:      rapid.SampledFrom([]string{"", "x", "y"}).Draw(t, "pcn"),
				Staff:    rapid.SampledFrom([]string{"", "s"}).Draw(t, "staff"),
				Claim:    ClaimRef{int32(rapid.IntRange(0, 3).Draw(t, "claim"))},
				Message:  rapid.SampledFrom([]string{"m", "n"}).Draw(t, "message")}
		})
		fs := rapid.SliceOf(gen).Draw(t, "findings")
		want := append([]Finding{}, fs...)
		slices.SortStableFunc(want, CompareFindings)
		got := sortFindings(fs)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("sortFindings differs (-want +got):\n%s", diff)
		}
	})
}
