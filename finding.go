package socialprescribing

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity grades a [Finding].
//
//enum:list Severities most serious first
type Severity string

// The severities, from most to least serious.
const (
	// SeverityError means a rule is broken: the record or claim is wrong as it stands.
	SeverityError Severity = "error"
	// SeverityWarning means something needs a person's attention but may be legitimate.
	SeverityWarning Severity = "warning"
	// SeverityInfo is a note for the record that needs no action.
	SeverityInfo Severity = "info"
)

// Compare orders severities most serious first: it returns a negative number when s is more serious
// than t, zero when they are the same, and a positive number when s is less serious. A value outside
// [Severities] is less serious than every severity.
func (s Severity) Compare(t Severity) int { return cmp.Compare(s.rank(), t.rank()) }

// rank orders severities, most serious first.
func (s Severity) rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	case SeverityInfo:
		return 2
	}
	return 3
}

// Finding is one result of a rule check: the shape every checker of the library returns.
//
// Rule is a stable identifier namespaced by the package that owns the rule, such as
// "coding.late-recording"; callers may switch on it. Path is a JSON Pointer into the checked document
// where one applies. Subject identifies the record the finding is about (an episode id, a staff id, a
// claim month), never personal data. Message is for people and never holds personal data. Source cites
// where the rule comes from, where it has one.
type Finding struct {
	Rule     string   `json:"rule" validate:"required"`
	Severity Severity `json:"severity" validate:"required,enum"`
	Subject  string   `json:"subject,omitempty"`
	Path     string   `json:"path,omitempty"`
	Message  string   `json:"message" validate:"required"`
	Source   string   `json:"source,omitempty"`
}

// String returns "severity rule subject path: message".
func (f Finding) String() string {
	s := string(f.Severity) + " " + f.Rule
	if f.Subject != "" {
		s += " " + f.Subject
	}
	if f.Path != "" {
		s += " " + f.Path
	}
	return s + ": " + f.Message
}

// CompareFindings orders findings by severity (errors first), then subject, rule, path, message and
// source. It is the one order every checker of the library returns.
func CompareFindings(a, b Finding) int {
	if c := a.Severity.Compare(b.Severity); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Message, b.Message); c != 0 {
		return c
	}
	return cmp.Compare(a.Source, b.Source)
}

// SortFindings sorts fs in place into the order of [CompareFindings] and returns it.
func SortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, CompareFindings)
	return fs
}

// HasErrors reports whether any finding in fs has [SeverityError].
func HasErrors(fs []Finding) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == SeverityError })
}

// Validate checks that f has a rule, a defined severity and a message. The root package checks by
// hand what the validate tags state, as it sits below the shared validator.
func (f Finding) Validate() error {
	var errs []*FieldError
	if f.Message == "" {
		errs = append(errs, &FieldError{Path: "/message", Rule: "required", Err: fmt.Errorf("missing or empty: %w", ErrRequired)})
	}
	if f.Rule == "" {
		errs = append(errs, &FieldError{Path: "/rule", Rule: "required", Err: fmt.Errorf("missing or empty: %w", ErrRequired)})
	}
	switch {
	case f.Severity == "":
		errs = append(errs, &FieldError{Path: "/severity", Rule: "required", Err: fmt.Errorf("missing or empty: %w", ErrRequired)})
	case !f.Severity.IsValid():
		errs = append(errs, &FieldError{Path: "/severity", Rule: "enum", Err: fmt.Errorf("not one of the defined values: %w", ErrInvalid)})
	}
	if len(errs) == 0 {
		return nil
	}
	return &ValidationError{Type: "socialprescribing.Finding", Errors: errs}
}
