package socialprescribing_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	sp "github.com/socialprescribing/go-socialprescribing"
	"pgregory.net/rapid"
)

func TestFieldError(t *testing.T) {
	cause := fmt.Errorf("referral: received date missing: %w", sp.ErrRequired)
	tests := []struct {
		name     string
		reason   string
		err      *sp.FieldError
		wantText string
		wantIs   []error
		wantNot  []error
	}{
		{
			name: "with cause", reason: "path, rule and cause, in that order",
			err:      &sp.FieldError{Path: "/received", Rule: "required", Err: cause},
			wantText: "/received: required: received date missing",
			wantIs:   []error{sp.ErrRequired, cause}, wantNot: []error{sp.ErrInvalid, sp.ErrSyntax},
		},
		{
			name: "root path", reason: "the empty pointer is the whole document and prints as /; a bare category is not repeated",
			err:      &sp.FieldError{Path: "", Rule: "syntax", Err: sp.ErrSyntax},
			wantText: "/: syntax",
			wantIs:   []error{sp.ErrSyntax}, wantNot: []error{sp.ErrInvalid},
		},
		{
			name: "no cause", reason: "a nil cause prints path and rule only and unwraps to nil",
			err:      &sp.FieldError{Path: "/a/0", Rule: "min"},
			wantText: "/a/0: min",
			wantNot:  []error{sp.ErrInvalid, sp.ErrRequired},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.wantText {
				t.Errorf("Error() = %q, want %q (%s)", got, tt.wantText, tt.reason)
			}
			if got := tt.err.Unwrap(); got != tt.err.Err {
				t.Errorf("Unwrap() = %v, want %v", got, tt.err.Err)
			}
			for _, s := range tt.wantIs {
				if !errors.Is(tt.err, s) {
					t.Errorf("errors.Is(%v, %v) = false, want true", tt.err, s)
				}
			}
			for _, s := range tt.wantNot {
				if errors.Is(tt.err, s) {
					t.Errorf("errors.Is(%v, %v) = true, want false", tt.err, s)
				}
			}
		})
	}
}

func TestValidationError(t *testing.T) {
	req := &sp.FieldError{Path: "/person/nhsNumber", Rule: "required", Err: fmt.Errorf("value is required: %w", sp.ErrRequired)}
	bad := &sp.FieldError{Path: "/needs/0", Rule: "enum", Err: fmt.Errorf("not one of the defined values: %w", sp.ErrInvalid)}
	ve := &sp.ValidationError{Type: "referral.Referral", Errors: []*sp.FieldError{req, bad}}
	var err error = fmt.Errorf("referral: decode: %w", ve)

	if got, want := ve.Error(), "referral.Referral: /person/nhsNumber: required: value is required; /needs/0: enum: not one of the defined values"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if diff := cmp.Diff([]error{req, bad}, ve.Unwrap(), cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("Unwrap() mismatch (-want +got):\n%s", diff)
	}
	for _, s := range []error{sp.ErrRequired, sp.ErrInvalid} {
		if !errors.Is(err, s) {
			t.Errorf("errors.Is(err, %v) = false, want true: a ValidationError wraps all its FieldErrors", s)
		}
	}
	for _, s := range []error{sp.ErrSyntax, sp.ErrUnknownField, sp.ErrDuplicateField} {
		if errors.Is(err, s) {
			t.Errorf("errors.Is(err, %v) = true, want false", s)
		}
	}
	var gotVE *sp.ValidationError
	if !errors.As(err, &gotVE) || gotVE != ve {
		t.Errorf("errors.As(*ValidationError) = %v, want the aggregate", gotVE)
	}
	var gotFE *sp.FieldError
	if !errors.As(err, &gotFE) || gotFE != req {
		t.Errorf("errors.As(*FieldError) = %v, want the first FieldError %v", gotFE, req)
	}

	has := []struct {
		name   string
		reason string
		path   string
		rule   string
		want   bool
	}{
		{"exact", "path and rule of the first error", "/person/nhsNumber", "required", true},
		{"any rule", "an empty rule matches any", "/needs/0", "", true},
		{"any path", "an empty path matches any", "", "enum", true},
		{"both empty", "matches any error", "", "", true},
		{"wrong rule", "rule must match at the path", "/needs/0", "required", false},
		{"prefix only", "paths match exactly, not by prefix", "/person", "", false},
	}
	for _, tt := range has {
		t.Run(tt.name, func(t *testing.T) {
			if got := ve.Has(tt.path, tt.rule); got != tt.want {
				t.Errorf("Has(%q, %q) = %v, want %v (%s)", tt.path, tt.rule, got, tt.want, tt.reason)
			}
		})
	}
}

func TestJoinPointer(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		base   string
		tokens []string
		want   string
	}{
		{"no tokens", "the base unchanged", "/a", nil, "/a"},
		{"root", "the whole document is the empty pointer", "", nil, ""},
		{"one", "a plain token", "", []string{"person"}, "/person"},
		{"nested", "tokens in order", "", []string{"a", "0", "b"}, "/a/0/b"},
		{"onto base", "appends to an existing pointer", "/a", []string{"0"}, "/a/0"},
		{"slash", "RFC 6901: / is written ~1", "", []string{"a/b"}, "/a~1b"},
		{"tilde", "RFC 6901: ~ is written ~0", "", []string{"m~n"}, "/m~0n"},
		{"tilde one", "RFC 6901 §4: ~ is escaped first, so the token ~1 becomes ~01", "", []string{"~1"}, "/~01"},
		{"slash zero", "the token /0 becomes ~10", "", []string{"/0"}, "/~10"},
		{"both", "mixed escapes", "", []string{"~/"}, "/~0~1"},
		{"empty token", "an empty key is a valid token", "", []string{""}, "/"},
		{"rfc example", "RFC 6901 §5 example key a/b", "", []string{"a/b"}, "/a~1b"},
		{"rfc example 2", "RFC 6901 §5 example key m~n", "", []string{"m~n"}, "/m~0n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sp.JoinPointer(tt.base, tt.tokens...); got != tt.want {
				t.Errorf("JoinPointer(%q, %q) = %q, want %q (%s)", tt.base, tt.tokens, got, tt.want, tt.reason)
			}
		})
	}
}

// splitPointer is an independent RFC 6901 §4 parser: split on "/", then replace ~1 by / and then ~0
// by ~.
func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		s = strings.ReplaceAll(s, "~1", "/")
		parts[i] = strings.ReplaceAll(s, "~0", "~")
	}
	return parts
}

func TestJoinPointerRoundTrip(t *testing.T) {
	tok := rapid.StringOf(rapid.SampledFrom([]rune{'a', '0', '~', '/', '1', 'é'}))
	rapid.Check(t, func(t *rapid.T) {
		tokens := rapid.SliceOf(tok).Draw(t, "tokens")
		p := sp.JoinPointer("", tokens...)
		if diff := cmp.Diff(tokens, splitPointer(p), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("JoinPointer(%q) = %q, which parses back differently (-want +got):\n%s", tokens, p, diff)
		}
		split := rapid.IntRange(0, len(tokens)).Draw(t, "split")
		if got := sp.JoinPointer(sp.JoinPointer("", tokens[:split]...), tokens[split:]...); got != p {
			t.Fatalf("joining in two steps = %q, want %q", got, p)
		}
	})
}
