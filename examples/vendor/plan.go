package main

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

//go:embed plan.json
var planJSON []byte

// runAll runs each part of the example in turn and stops at the first error.
func runAll(w io.Writer, parts ...func(io.Writer) error) error {
	for _, part := range parts {
		if err := part(w); err != nil {
			return err
		}
	}
	return nil
}

// planChecks decodes a referral and its personalised plan strictly, validates both, checks the plan
// against the default policy as of 2024-08-05 and prints the findings and the summary a service
// would report.
func planChecks(w io.Writer) error {
	var doc struct {
		Referral referral.Referral `json:"referral"`
		Plan     plan.Plan         `json:"plan"`
	}
	if err := sp.Decode(planJSON, &doc); err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	if err := doc.Referral.Validate(); err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	if err := doc.Plan.Validate(); err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	asOf := sp.MustParseDate("2024-08-05")
	fmt.Fprintf(w, "\nPersonalised plan check of %v as of %s\n", doc.Plan, asOf)
	findings, err := plan.Check(doc.Plan, doc.Referral, asOf, plan.DefaultPolicy())
	if err != nil {
		return fmt.Errorf("vendor example: %w", err)
	}
	for _, f := range findings {
		fmt.Fprintf(w, "  %-7s %-34s %-22s %s\n", f.Severity, f.Rule, f.Path, f.Message)
	}
	fmt.Fprintf(w, "%d findings\n", len(findings))

	s := doc.Plan.Summary()
	fmt.Fprintf(w, "Summary: %d contacts, %d minutes; first contact %d days after referral\n", s.Contacts, s.Minutes, *s.DaysToFirstContact)
	fmt.Fprintf(w, "  connections by category: %s\n", counts(s.ConnectionsByCategory))
	fmt.Fprintf(w, "  connections by mode:     %s\n", counts(s.ConnectionsByMode))
	fmt.Fprintf(w, "  connections by status:   %s\n", counts(s.ConnectionsByStatus))
	fmt.Fprintf(w, "  goals by status:         %s\n", counts(s.GoalsByStatus))
	fmt.Fprintf(w, "  green social prescribing: %d of %d connections (%.0f%%)\n", s.GreenConnections, s.Connections, 100*s.GreenShare)
	return nil
}

// counts formats a breakdown as "key n, key n" in key order.
func counts[K ~string](m map[K]int) string {
	out := ""
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if out != "" {
			out += ", "
		}
		out += fmt.Sprintf("%s %d", k, m[k])
	}
	return out
}
