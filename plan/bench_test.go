package plan_test

import (
	"encoding/json"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// benchPlan is a typical plan for the benchmark: 12 contacts, 5 goals, 8 connections, 4 review dates, as
// of 2024-09-30 (so every review date has passed), with a few findings to report.
func benchPlan(b *testing.B) (plan.Plan, referral.Referral) {
	p := typical(b)
	p.ReviewDates = []sp.Date{d("2024-06-17"), d("2024-07-29"), d("2024-08-26"), d("2024-09-23")}
	kinds := []plan.ContactKind{plan.ContactKindFollowUp, plan.ContactKindReview, plan.ContactKindFollowUp}
	for k := range 7 {
		p.Contacts = append(p.Contacts, plan.Contact{Date: d("2024-07-08").AddDays(10 * k), Mode: plan.ContactModePhone, Minutes: 20, Kind: kinds[k%3]})
	}
	goal := p.Goals[0]
	for len(p.Goals) < 5 {
		goal.Needs = []referral.Need{p.Needs[len(p.Goals)%len(p.Needs)]}
		p.Goals = append(p.Goals, goal)
	}
	for k := 0; len(p.Connections) < 8; k++ {
		c := p.Connections[k%3]
		c.Category = plan.Categories()[k]
		p.Connections = append(p.Connections, c)
	}
	if len(p.Contacts) != 12 || len(p.Goals) != 5 || len(p.Connections) != 8 {
		b.Fatalf("bench plan has %d contacts, %d goals, %d connections", len(p.Contacts), len(p.Goals), len(p.Connections))
	}
	if err := p.Validate(); err != nil {
		b.Fatal(err)
	}
	return p, accepted(b)
}

// BenchmarkCheck is the checker on the 12-contact, 5-goal, 8-connection plan.
func BenchmarkCheck(b *testing.B) {
	p, r := benchPlan(b)
	asOf, pol := d("2024-09-30"), plan.DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Check(p, r, asOf, pol); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate is Validate on the same plan.
func BenchmarkValidate(b *testing.B) {
	p, _ := benchPlan(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode is the strict decode of the same plan's JSON.
func BenchmarkDecode(b *testing.B) {
	p, _ := benchPlan(b)
	data, err := json.Marshal(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var q plan.Plan
		if err := sp.Decode(data, &q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummary is Summary on the same plan.
func BenchmarkSummary(b *testing.B) {
	p, _ := benchPlan(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Summary()
	}
}
