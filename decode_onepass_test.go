package socialprescribing

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// checkedDoc is a document whose Validate reports every zero field (rule "zero"), so that a test can
// see which values Validate was shown and which it was kept quiet about.
type checkedDoc struct {
	Name  string        `json:"name,omitempty"`
	Born  Date          `json:"born,omitzero"`
	NHS   NHSNumber     `json:"nhsNumber,omitzero"`
	Sev   Severity      `json:"severity,omitempty"`
	Items []checkedItem `json:"items,omitempty" validate:"max=3"`
}

type checkedItem struct {
	N int      `json:"n,omitempty"`
	S Severity `json:"s,omitempty"`
}

func (d checkedDoc) Validate() error {
	var errs []*FieldError
	zero := func(path string, v any) {
		if reflect.ValueOf(v).IsZero() {
			errs = append(errs, &FieldError{Path: path, Rule: "zero", Err: fmt.Errorf("test: zero: %w", ErrRequired)})
		}
	}
	zero("/name", d.Name)
	zero("/born", d.Born)
	zero("/nhsNumber", d.NHS)
	zero("/severity", d.Sev)
	zero("/items", d.Items)
	for i, it := range d.Items {
		zero("/items/"+strconv.Itoa(i)+"/n", it.N)
		zero("/items/"+strconv.Itoa(i)+"/s", it.S)
	}
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Type: "test", Errors: errs}
}

// member is one key of a generated document: its JSON text ("" to leave it out) and what it must
// cause at its path ("" for nothing).
type member struct {
	key, text, rule string
}

// genMember draws a good, missing or bad value for a key. good is a valid value; bad maps a bad
// value's text to the decoder rule it breaks.
func genMember(t *rapid.T, key, good string, bad map[string]string) member {
	switch rapid.IntRange(0, 2).Draw(t, key) {
	case 0:
		return member{key, good, ""}
	case 1:
		return member{key, "", "zero"}
	}
	texts := slices.Sorted(func(yield func(string) bool) {
		for k := range bad {
			if !yield(k) {
				return
			}
		}
	})
	text := rapid.SampledFrom(texts).Draw(t, key+"-bad")
	return member{key, text, bad[text]}
}

func object(ms []member) string {
	var parts []string
	for _, m := range ms {
		if m.text != "" {
			parts = append(parts, strconv.Quote(m.key)+":"+m.text)
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

var (
	badSeverity = map[string]string{`"Error"`: "enum", `"warn"`: "enum", `1`: "type", `null`: "null"}
	badInt      = map[string]string{`1.5`: "type", `"1"`: "type", `null`: "null", `1e400`: "type"}
)

// TestDecodeAndValidateReportsEachProblemOnce: in a document whose every value is good, missing or
// bad, DecodeAndValidate reports exactly the decoder's rule for each bad value, Validate's for each
// missing one, and nothing else: Validate never speaks of a value the decoder refused, nor of the
// items of an array cut at its limit.
func TestDecodeAndValidateReportsEachProblemOnce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		top := []member{
			genMember(t, "name", `"Sam"`, map[string]string{`1`: "type", `null`: "null", `{}`: "type", "\"\xff\"": "type"}),
			genMember(t, "born", `"2000-02-29"`, map[string]string{`"2001-02-29"`: "date", `"2000-2-1"`: "date", `true`: "type"}),
			genMember(t, "nhsNumber", `"9434765919"`, map[string]string{`"9434765918"`: "nhsnumber", `"943476591"`: "nhsnumber", `[]`: "type"}),
			genMember(t, "severity", `"info"`, badSeverity),
		}
		want := map[string]string{} // path → rule
		for _, m := range top {
			if m.rule != "" {
				want["/"+m.key] = m.rule
			}
		}
		n := rapid.IntRange(0, 5).Draw(t, "items")
		var items []string
		for i := range n {
			it := []member{genMember(t, "n", `7`, badInt), genMember(t, "s", `"warning"`, badSeverity)}
			items = append(items, object(it))
			for _, m := range it {
				if m.rule != "" && (m.rule != "zero" || n <= 3) {
					want["/items/"+strconv.Itoa(i)+"/"+m.key] = m.rule
				}
			}
		}
		switch {
		case n > 3:
			want["/items"] = "max"
		case n == 0:
			want["/items"] = "zero"
		}
		if n > 0 {
			top = append(top, member{"items", "[" + strings.Join(items, ",") + "]", ""})
		}
		doc := object(top)

		var v checkedDoc
		err := DecodeAndValidate([]byte(doc), &v)
		got := map[string]string{}
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("error %v is not a *ValidationError", err)
		}
		if ve != nil {
			for _, fe := range ve.Errors {
				if r, dup := got[fe.Path]; dup {
					t.Fatalf("%s: two errors at %s: %s and %s", doc, fe.Path, r, fe.Rule)
				}
				got[fe.Path] = fe.Rule
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("DecodeAndValidate(%s) (-want +got):\n%s", doc, diff)
		}
		if (len(want) > 0) != reflect.ValueOf(v).IsZero() {
			t.Fatalf("DecodeAndValidate(%s) set v although the document is invalid, or did not set it: %v", doc, err)
		}
	})
}

// TestDecodeErrorsAreBoundedAndDistinct: whatever the document, the decoder's errors are sorted by
// path and rule, no path and rule comes twice, there are at most 101, and no message repeats a part
// of itself or ends with its category.
func TestDecodeErrorsAreBoundedAndDistinct(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ty := rapid.SampledFrom(diffTargets).Draw(t, "type")
		doc := mangle(t, ws(t)+genFor(t, ty, 3)+ws(t))
		if rapid.Bool().Draw(t, "many") {
			// Many unknown keys, to pass the cap.
			n := rapid.IntRange(90, 400).Draw(t, "unknown")
			var b strings.Builder
			b.WriteString(`{`)
			for i := range n {
				fmt.Fprintf(&b, `"zz%d":%d,`, i%(n-rapid.IntRange(0, 5).Draw(t, "repeat")), i)
			}
			b.WriteString(`"name":1}`)
			doc = b.String()
		}
		err := Decode([]byte(doc), reflect.New(ty).Interface())
		if err == nil {
			return
		}
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("error %v is not a *ValidationError", err)
		}
		checkErrorList(t, ve)
	})
}

// checkErrorList holds a ValidationError to the promises of its shape.
func checkErrorList(t interface{ Fatalf(string, ...any) }, ve *ValidationError) {
	errs := ve.Errors
	if len(errs) > maxErrors+1 {
		t.Fatalf("%d errors, more than %d", len(errs), maxErrors+1)
	}
	if last := errs[len(errs)-1]; last.Rule == RuleTooManyErrors {
		if len(errs) != maxErrors+1 {
			t.Fatalf("a %s entry after %d errors, want after %d", RuleTooManyErrors, len(errs)-1, maxErrors)
		}
		errs = errs[:len(errs)-1]
	}
	for i, fe := range errs {
		if fe.Rule == RuleTooManyErrors {
			t.Fatalf("%s entry not last", RuleTooManyErrors)
		}
		if i > 0 {
			prev := errs[i-1]
			if prev.Path > fe.Path || prev.Path == fe.Path && prev.Rule >= fe.Rule {
				t.Fatalf("errors not sorted, or repeated: %v then %v", prev, fe)
			}
		}
		checkMessage(t, fe)
	}
}

// checkMessage fails if a FieldError's text repeats one of its parts or ends with its category.
func checkMessage(t interface{ Fatalf(string, ...any) }, fe *FieldError) {
	text := fe.Error()
	parts := strings.Split(text, ": ")
	seen := map[string]bool{}
	for _, p := range parts {
		if seen[p] {
			t.Fatalf("message %q repeats %q", text, p)
		}
		seen[p] = true
	}
	for _, s := range sentinels {
		if strings.HasSuffix(text, ": "+s.Error()) {
			t.Fatalf("message %q ends with its category", text)
		}
	}
}

// TestTooManyErrors counts what the cap leaves out.
func TestTooManyErrors(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		unknown  int
		wantLen  int
		wantMore string
	}{
		{"under the cap", "99 problems are all listed", 99, 99, ""},
		{"at the cap", "100 problems are all listed", 100, 100, ""},
		{"one over", "the 101st is counted, not listed", 101, 101, "and 1 more problems"},
		{"a million", "a million unknown keys make 101 entries", 1_000_000, 101, "and 999900 more problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`{`)
			for i := range tt.unknown {
				if i > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, `"k%d":1`, i)
			}
			b.WriteString(`}`)
			var d testDocument
			err := Decode([]byte(b.String()), &d)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v is not a *ValidationError", err)
			}
			if len(ve.Errors) != tt.wantLen {
				t.Fatalf("%d errors, want %d (%s)", len(ve.Errors), tt.wantLen, tt.reason)
			}
			last := ve.Errors[len(ve.Errors)-1]
			if tt.wantMore == "" {
				if last.Rule == RuleTooManyErrors {
					t.Fatalf("a %s entry under the cap", RuleTooManyErrors)
				}
				return
			}
			if last.Rule != RuleTooManyErrors || !strings.Contains(last.Error(), tt.wantMore) {
				t.Fatalf("last entry %v, want rule %s saying %q (%s)", last, RuleTooManyErrors, tt.wantMore, tt.reason)
			}
		})
	}
}

type testDocument struct {
	Name string `json:"name"`
}
