package validation

import (
	"regexp"
	"testing"

	"pgregory.net/rapid"
)

// TestNoControl checks the "nocontrol" rule against a table, and against the pattern the schema
// publishes for it (the same expression, compiled by Go's regexp).
func TestNoControl(t *testing.T) {
	t.Parallel()
	schemaPattern := regexp.MustCompile(`^[^\x00-\x1F\x7F-\x9F` + "\u2028\u2029" + `]*$`)
	cases := []struct {
		name, s string
		want    bool
	}{
		{"plain ID", "R-002", true},
		{"empty", "", true},
		{"accented and non-breaking space", "Zoë\u00a01", true},
		{"formula-looking text is not a control character", `=HYPERLINK("x")`, true},
		{"escape", "a\x1bb", false},
		{"newline", "a\nb", false},
		{"carriage return", "a\rb", false},
		{"tab", "a\tb", false},
		{"NUL", "a\x00b", false},
		{"DEL", "a\x7fb", false},
		{"C1 next line", "a\u0085b", false},
		{"C1 CSI", "a\u009bb", false},
		{"line separator", "a\u2028b", false},
		{"paragraph separator", "a\u2029b", false},
	}
	for _, c := range cases {
		if got := NoControl(c.s); got != c.want {
			t.Errorf("%s: NoControl(%q) = %v, want %v", c.name, c.s, got, c.want)
		}
		if got := schemaPattern.MatchString(c.s); got != c.want {
			t.Errorf("%s: the schema pattern matches %q = %v, want %v", c.name, c.s, got, c.want)
		}
	}
	if NoControl("a\xffb") {
		t.Errorf("NoControl accepts invalid UTF-8")
	}
}

// TestNoControlMatchesSchemaPattern draws strings of any runes, control characters and separators
// often among them, and holds NoControl to the schema's pattern.
func TestNoControlMatchesSchemaPattern(t *testing.T) {
	t.Parallel()
	pattern := regexp.MustCompile(`^[^\x00-\x1F\x7F-\x9F` + "\u2028\u2029" + `]*$`)
	rapid.Check(t, func(t *rapid.T) {
		r := rapid.SliceOf(rapid.OneOf(rapid.Rune(), rapid.RuneFrom([]rune{0, 9, 10, 13, 0x1b, 0x7f, 0x85, 0x9f, 0xa0, 0x2028, 0x2029, 0x202e}))).Draw(t, "runes")
		s := string(r)
		if got, want := NoControl(s), pattern.MatchString(s); got != want {
			t.Fatalf("NoControl(%q) = %v, the schema pattern says %v", s, got, want)
		}
	})
}
