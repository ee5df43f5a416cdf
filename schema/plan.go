package schema

import (
	"reflect"

	"github.com/socialprescribing/go-socialprescribing/plan"
)

func planDocuments() []document {
	return []document{{
		Name:        "plan.plan",
		Type:        reflect.TypeFor[plan.Plan](),
		Title:       "Personalised plan",
		Description: "The co-produced personalised plan of one episode: what matters to the person, the needs it addresses, whether and when it was agreed, review dates, goals, contacts and connections to community offers.",
		GoOnly: []string{
			"date-order: created not before referred; agreedOn and closed not before created; a goal's target and progress notes not before it was set; a connection's referred, started and ended dates not before the dates they follow",
			"agreed: agreedOn when, and only when, agreed",
			"reason: a reason when, and only when, the status takes one (a dropped goal; a declined or stopped connection)",
			"reason-note: a reasonNote for reason other, and only with a reason",
			"mode: status referred only in mode referred, status suggested only in mode signposted; a referred date when, and only when, the mode is referred",
			"status: a connection's started date for attended, ongoing and stopped, none for suggested, referred and declined; its ended date for declined and stopped, none for suggested, referred and ongoing",
		},
	}, {
		Name:        "plan.policy",
		Type:        reflect.TypeFor[plan.Policy](),
		Title:       "Plan policy",
		Description: "The typical figures the plan rules compare a plan with: the initial assessment's minutes and the number of contacts, with their source and confidence.",
		GoOnly: []string{
			"range: each range's min not above its max",
		},
	}}
}

func planValueTypes() []valueType {
	return []valueType{
		enumType(plan.GoalStatuses, "Where a goal stands."),
		enumType(plan.ContactModes, "How a contact with the person took place."),
		enumType(plan.ContactKinds, "What a contact was for."),
		enumType(plan.ConnectionModes, "How the person was connected to a community offer: signposted (information given) or referred (actively connected)."),
		enumType(plan.ConnectionStatuses, "Where a connection to a community offer stands."),
		enumType(plan.StopReasons, "Why a goal was dropped or a connection declined or stopped."),
		enumType(plan.Categories, "The kind of community offer; walking-group, gardening and nature-activity are green social prescribing."),
	}
}
