package episode

import (
	"errors"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// TestEnums checks each enum's strict text form: every listed value round-trips, anything else (an
// unknown value, the wrong case, the empty string) is refused on the way in and on the way out, with
// an error that starts with the package name.
func TestEnums(t *testing.T) {
	tests := []struct {
		name, reason string
		values       []string
		valid        func(string) bool
		marshal      func(string) ([]byte, error)
		unmarshal    func([]byte) (string, error)
	}{
		{"CodeState", "five states of a code due", strs(CodeStates()),
			func(s string) bool { return CodeState(s).IsValid() },
			func(s string) ([]byte, error) { return CodeState(s).MarshalText() },
			func(b []byte) (string, error) { var v CodeState; err := v.UnmarshalText(b); return string(v), err }},
		{"Recipient", "gp and referrer", strs(Recipients()),
			func(s string) bool { return Recipient(s).IsValid() },
			func(s string) ([]byte, error) { return Recipient(s).MarshalText() },
			func(b []byte) (string, error) { var v Recipient; err := v.UnmarshalText(b); return string(v), err }},
		{"WithheldReason", "three reasons", strs(WithheldReasons()),
			func(s string) bool { return WithheldReason(s).IsValid() },
			func(s string) ([]byte, error) { return WithheldReason(s).MarshalText() },
			func(b []byte) (string, error) { var v WithheldReason; err := v.UnmarshalText(b); return string(v), err }},
	}
	wantCounts := map[string]int{"CodeState": 5, "Recipient": 2, "WithheldReason": 3}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.values) != wantCounts[tt.name] {
				t.Errorf("%s: got %d values, want %d", tt.reason, len(tt.values), wantCounts[tt.name])
			}
			for _, v := range tt.values {
				b, err := tt.marshal(v)
				if err != nil || string(b) != v || !tt.valid(v) {
					t.Errorf("%q: marshal %q, %v", v, b, err)
				}
				if got, err := tt.unmarshal([]byte(v)); err != nil || got != v {
					t.Errorf("%q: unmarshal %q, %v", v, got, err)
				}
			}
			for _, bad := range []string{"", "unknown", strings.ToUpper(tt.values[0])} {
				if tt.valid(bad) {
					t.Errorf("%q is valid", bad)
				}
				if _, err := tt.marshal(bad); err == nil {
					t.Errorf("%q marshals", bad)
				}
				_, err := tt.unmarshal([]byte(bad))
				if !errors.Is(err, sp.ErrInvalid) || !strings.HasPrefix(err.Error(), "episode: ") {
					t.Errorf("%q: unmarshal error %v, want one wrapping ErrInvalid starting with the package name", bad, err)
				}
			}
		})
	}
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
