package schema

import (
	"reflect"
	"slices"
	"strings"

	"github.com/socialprescribing/go-socialprescribing/episode"
)

func episodeDocuments() []document {
	return []document{{
		Name:        "episode.episode",
		Type:        reflect.TypeFor[episode.Episode](),
		Title:       "Episode",
		Description: "One person's whole episode of social prescribing: the referral, the personalised plan, the outcome measurements and the service-use record, which must belong together.",
		GoOnly: slices.Concat([]string{
			"episode-id: the plan, every measurement and the service-use record carry the referral's id",
			"referred-date: the plan's referred date is the day the referral was received",
			"lifecycle: a plan and measurements only once the referral was accepted, none dated before; no plan contact, and no baseline, after the referral ended; a closed plan only for a referral in a terminal state; the service-use before window ends by, and the after window starts on or after, the day the referral was received",
		}, nestedGoOnly(slices.Concat(referralDocuments(), planDocuments(), outcomesDocuments()),
			"referral.referral", "plan.plan", "outcomes.measurement", "outcomes.service-use")),
	}, {
		Name:        "episode.report",
		Type:        reflect.TypeFor[episode.Report](),
		Title:       "Common-outcomes report",
		Description: "The common-outcomes report over many episodes: impact on the person (wellbeing and loneliness change), on the health and care system (service use) and on community groups (connections to community offers), with the episodes excluded and, when small numbers are hidden, the threshold and the JSON Pointers of every value left out. Counts and statistics only: no episode is named.",
	}, {
		Name:        "episode.feedback",
		Type:        reflect.TypeFor[episode.Feedback](),
		Title:       "Closed-loop feedback",
		Description: "The message back to the GP or the referrer about one episode, in the PRSB groups (person demographics, needs and concerns, support offered, outcomes), with what was withheld and why.",
		GoOnly: []string{
			goOnlyNHSNumber,
			"withheld: no field listed as withheld is present, and none is listed twice",
			"minimum-necessary: a message to the referrer holds no demographics, goals or connection details",
		},
	}}
}

// nestedGoOnly lists once each Go-only rule of the documents an episode holds, naming the documents
// that state it.
func nestedGoOnly(docs []document, names ...string) []string {
	var order []string
	where := map[string][]string{}
	for _, d := range docs {
		if !slices.Contains(names, d.Name) {
			continue
		}
		for _, g := range d.GoOnly {
			rule, _, _ := strings.Cut(g, ":")
			if _, ok := where[rule]; !ok {
				order = append(order, rule)
			}
			if !slices.Contains(where[rule], d.Name) {
				where[rule] = append(where[rule], d.Name)
			}
		}
	}
	out := make([]string, len(order))
	for i, rule := range order {
		out[i] = rule + ": as stated by " + strings.Join(where[rule], ", ")
	}
	return out
}

func episodeValueTypes() []valueType {
	return []valueType{
		enumType(episode.Recipients, "Who a closed-loop message is for: the GP or the referrer."),
		enumType(episode.WithheldFields, "A group or field of a closed-loop message that can be withheld, by its dotted JSON path."),
		enumType(episode.WithheldReasons, "Why a field of a closed-loop message was withheld."),
		enumType(episode.CodeStates, "Where a SNOMED CT code an episode makes due stands."),
	}
}
