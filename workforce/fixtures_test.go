package workforce_test

import (
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/fixturetest"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestFixtures runs every sample document through strict decoding and Validate.
func TestFixtures(t *testing.T) {
	fixturetest.Run(t, map[string]fixturetest.Decoder{
		"claim":           fixturetest.Of[workforce.Claim](),
		"staff-member":    fixturetest.Of[workforce.StaffMember](),
		"pcn":             fixturetest.Of[workforce.PCN](),
		"rule-table":      fixturetest.Of[workforce.RuleTable](),
		"audit-input":     fixturetest.Of[workforce.Input](),
		"audit-report":    fixturetest.Of[workforce.Report](),
		"caseload":        fixturetest.Of[workforce.Caseload](),
		"caseload-policy": fixturetest.Of[workforce.CaseloadPolicy](),
	}, fixturetest.Accepted)
}
