package socialprescribing_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// The ARRS role names are those the reimbursement scheme's rule tables use; the others are the
// roles a referral's history and the coding rules need. One JSON value per role.
func TestRoles(t *testing.T) {
	arrs := []string{"social-prescribing-link-worker", "health-and-wellbeing-coach", "care-coordinator"}
	others := []string{"care-navigator", "clinician", "practice-staff", "administrator", "referrer"}
	var got []string
	for _, r := range sp.Roles() {
		got = append(got, string(r))
	}
	if want := append(slices.Clone(arrs), others...); !slices.Equal(got, want) {
		t.Fatalf("Roles() = %q, want %q", got, want)
	}
	got = got[:0]
	for _, r := range sp.ARRSRoles() {
		got = append(got, string(r))
	}
	if !slices.Equal(got, arrs) {
		t.Fatalf("ARRSRoles() = %q, want %q", got, arrs)
	}
	tests := []struct {
		name, reason string
		value        string
		valid, arrs  bool
	}{
		{"link worker", "the SPLW is an ARRS role", "social-prescribing-link-worker", true, true},
		{"coach", "the health and wellbeing coach is an ARRS role", "health-and-wellbeing-coach", true, true},
		{"care coordinator", "an ARRS role", "care-coordinator", true, true},
		{"clinician", "a role of the history, not reimbursed", "clinician", true, false},
		{"referrer", "a role of the history, not reimbursed", "referrer", true, false},
		{"old value", "the earlier short link-worker value is gone", "link-worker", false, false},
		{"wrong case", "values are exact", "Care-Coordinator", false, false},
		{"empty", "the zero Role is not a role", "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := sp.Role(tc.value)
			if r.IsValid() != tc.valid || r.IsARRS() != tc.arrs {
				t.Errorf("%q: IsValid %v IsARRS %v, want %v %v; reason: %s", tc.value, r.IsValid(), r.IsARRS(), tc.valid, tc.arrs, tc.reason)
			}
			var u sp.Role = sp.RoleReferrer
			err := u.UnmarshalText([]byte(tc.value))
			if tc.valid {
				if err != nil || u != r {
					t.Errorf("UnmarshalText(%q) = %q, %v; reason: %s", tc.value, u, err, tc.reason)
				}
				if b, err := r.MarshalText(); err != nil || string(b) != tc.value {
					t.Errorf("MarshalText(%q) = %q, %v", tc.value, b, err)
				}
				return
			}
			if !errors.Is(err, sp.ErrInvalid) || u != sp.RoleReferrer {
				t.Errorf("UnmarshalText(%q) = %q, %v; want ErrInvalid and the value unchanged; reason: %s", tc.value, u, err, tc.reason)
			}
			if msg, _, _ := strings.Cut(err.Error(), "("); tc.value != "" && strings.Contains(msg, tc.value) {
				t.Errorf("error %q echoes the input", err)
			}
			if want := "(" + strings.Join(append(slices.Clone(arrs), others...), ", ") + ")"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not list the values allowed %s", err, want)
			}
			if !strings.HasPrefix(err.Error(), "socialprescribing: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
			if _, err := r.MarshalText(); !errors.Is(err, sp.ErrInvalid) {
				t.Errorf("MarshalText(%q) = %v, want ErrInvalid", tc.value, err)
			}
		})
	}
}
