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
			"required: agreedOn when agreed; a reason for a dropped goal and for a declined or stopped connection; reasonNote for reason other; a connection's referred date in mode referred, and its started and ended dates as its status needs",
			"agreed: agreedOn only when agreed",
			"date-order: created not before referred; agreedOn and closed not before created; a goal's target and progress notes not before it was set; a connection's referred, started and ended dates not before the dates they follow",
			"reason: a reason only where the status takes one; a reasonNote only with a reason",
			"mode: status referred only in mode referred, status suggested only in mode signposted; a referred date only in mode referred",
			"status: no started date for suggested, referred or declined; no ended date for suggested, referred or ongoing",
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
		enumType(plan.Reasons, "Why a goal was dropped or a connection declined or stopped."),
		enumType(plan.Categories, "The kind of community offer; walking-group, gardening and nature-activity are green social prescribing."),
	}
}
