package socialprescribing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sentinel error categories. Every error of the library wraps one of them (or a package's own
// sentinel), so callers branch with errors.Is rather than on message text.
var (
	// ErrInvalid means a value is present but breaks a rule (a check digit, a range, an enum).
	ErrInvalid = errors.New("invalid")
	// ErrRequired means a required value is missing.
	ErrRequired = errors.New("required")
	// ErrSyntax means input is not in the expected form (malformed JSON, a date not in YYYY-MM-DD).
	ErrSyntax = errors.New("syntax")
	// ErrUnknownField means a JSON document has a key that the type does not define, or a key written
	// in the wrong case.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateField means a JSON object has the same key twice.
	ErrDuplicateField = errors.New("duplicate field")
)

// FieldError reports one rule that one field breaks.
//
// Path is a JSON Pointer (RFC 6901) over the document's JSON names, such as "/person/nhsNumber" or
// "/needs/0"; it is "" for the document as a whole. Rule names the rule: a validate tag ("required",
// "min"), a value type's rule ("nhsnumber", "date") or a decoder rule ("unknown-field",
// "duplicate-field", "type", "syntax"). Err is the cause and wraps a sentinel category. A FieldError
// never holds the offending value.
type FieldError struct {
	Path string
	Rule string
	Err  error
}

// Error returns "path: rule: cause", the path "/" for the document as a whole. The cause's
// category (the text of the sentinel it wraps, such as ": invalid") is left out: the rule says it.
func (e *FieldError) Error() string {
	var b strings.Builder
	p := e.Path
	if p == "" {
		p = "/"
	}
	b.WriteString(p)
	b.WriteString(": ")
	b.WriteString(e.Rule)
	if e.Err != nil {
		if msg := causeText(e.Err, e.Rule); msg != "" {
			b.WriteString(": ")
			b.WriteString(msg)
		}
	}
	return b.String()
}

// packageNames are the prefixes the library's error messages start with.
var packageNames = [...]string{"socialprescribing", "coding", "referral", "plan", "outcomes", "workforce", "episode", "fhir", "schema"}

// sentinels are the categories whose text FieldError.Error leaves out.
var sentinels = [...]error{ErrInvalid, ErrRequired, ErrSyntax, ErrUnknownField, ErrDuplicateField}

// causeText returns err's message without a trailing ": <category>" of a sentinel it wraps, and
// without the rule's name where the message repeats it after its package ("socialprescribing: date:
// no such day" under rule "date").
func causeText(err error, rule string) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 && rule != "" && !strings.Contains(msg[:i], " ") {
		if rest, ok := strings.CutPrefix(msg[i+2:], rule+": "); ok {
			msg = msg[:i+2] + rest
		}
	}
	// A FieldError stands inside a ValidationError that names the document's type, so the cause's own
	// package prefix ("socialprescribing: ", "referral: ") would only make messages of one document
	// read differently depending on which layer found the problem.
	if i := strings.Index(msg, ": "); i > 0 && slices.Contains(packageNames[:], msg[:i]) {
		msg = msg[i+2:]
	}
	for _, s := range sentinels {
		t := s.Error()
		if !strings.HasSuffix(msg, t) || !errors.Is(err, s) {
			continue
		}
		if msg == t {
			return ""
		}
		if m, ok := strings.CutSuffix(msg, ": "+t); ok {
			return m
		}
	}
	return msg
}

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }

// maxErrors is the most FieldErrors a ValidationError lists before its last entry, which counts the
// rest.
const maxErrors = 100

// RuleTooManyErrors is the Rule of the last FieldError of a [ValidationError] that found more than 100
// problems: it says how many more there are, which are not listed.
const RuleTooManyErrors = "too-many-errors"

// capErrors returns errs, with an entry counting more if more is not 0.
func capErrors(errs []*FieldError, more int) []*FieldError {
	if more == 0 {
		return errs
	}
	return append(errs, &FieldError{Rule: RuleTooManyErrors, Err: fmt.Errorf("socialprescribing: and %d more problems, not listed: %w", more, ErrInvalid)})
}

// ValidationError is the aggregate of every rule a document breaks, in a deterministic order (by path,
// then rule). It lists at most 100 FieldErrors; a document with more problems gets a 101st whose
// Rule is [RuleTooManyErrors] and whose message counts the rest.
type ValidationError struct {
	// Type names the document type that was checked, such as "referral.Referral".
	Type string
	// Errors holds one FieldError per broken rule; it is never empty.
	Errors []*FieldError
}

// Error lists the broken rules on one line, prefixed with the document type.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Type)
	b.WriteString(": ")
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(fe.Error())
	}
	return b.String()
}

// Unwrap returns the FieldErrors, so that errors.Is and errors.As look through them.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Errors))
	for i, fe := range e.Errors {
		out[i] = fe
	}
	return out
}

// Has reports whether some FieldError has the given path and rule. An empty path or rule matches any.
func (e *ValidationError) Has(path, rule string) bool {
	for _, fe := range e.Errors {
		if (path == "" || fe.Path == path) && (rule == "" || fe.Rule == rule) {
			return true
		}
	}
	return false
}

// JoinPointer appends reference tokens to a JSON Pointer, escaping "~" and "/" as RFC 6901 requires.
func JoinPointer(base string, tokens ...string) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = strings.ReplaceAll(t, "~", "~0")
			t = strings.ReplaceAll(t, "/", "~1")
		}
		b.WriteString(t)
	}
	return b.String()
}
