package main

import (
	"strings"
	"testing"
)

// TestWholeEpisode checks the whole-episode part of the example: the referral code is due, then
// entered within the week; the GP's message names the providers and the pharmacist's does not; the
// outcomes go to both, as the person agreed; and the report covers both episodes with the framework
// caveat. The figures come from the example's own data: life satisfaction 3 -> 6, UCLA-3 9 -> 5.
func TestWholeEpisode(t *testing.T) {
	var b strings.Builder
	if err := wholeEpisode(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`Whole episode: episode "EP-3001" (completed, plan true, 4 measurements, service use true)`,
		"as of 2024-03-07: 871731000000106 for the accept of 2024-03-06, due by 2024-03-13: due",
		"as of 2024-03-15: 871731000000106 for the accept of 2024-03-06, due by 2024-03-13: entered",
		`feedback "EP-3001" to gp (status, person, needs, support, outcomes) via gp-clinical-system`,
		"support: gardening, referred, ongoing (Riverside Allotment Society)",
		`feedback "EP-3001" to referrer (status, needs, support, outcomes) via nhsmail`,
		"outcome: life-satisfaction 3 -> 6 improved",
		"outcome: ucla3-total 9 -> 5 improved",
		"withheld: person (minimum-necessary)",
		"withheld: support.connections.provider (minimum-necessary)",
		"Common outcomes report: 2 episodes",
		"confidence unconfirmed",
		"gp-consultations        1 episodes, 8 before, 4 after",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The pharmacist's message must not name a provider: everything after its header up to the next
	// part is checked.
	ref := out[strings.Index(out, "to referrer"):strings.Index(out, "Common outcomes report")]
	for _, secret := range []string{"Riverside", "9434765919", "1951-10-12", "wife"} {
		if strings.Contains(ref, secret) {
			t.Errorf("the referrer's message shows %q:\n%s", secret, ref)
		}
	}
	for _, secret := range []string{"9434765919", "1951-10-12", "wife"} {
		if strings.Contains(out, secret) {
			t.Errorf("the example prints %q", secret)
		}
	}
}
