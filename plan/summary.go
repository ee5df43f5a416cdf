package plan

import sp "github.com/socialprescribing/go-socialprescribing"

// Summary is a plan reduced to counts for reporting. It holds no personal data. Every map is non-nil
// and its values add up to the matching total: the contacts by kind and by mode to Contacts, the
// connections by category, by mode and by status to Connections, the goals by status to Goals.
type Summary struct {
	EpisodeID string `json:"episodeId"`
	// Contacts is the number of contacts and Minutes their total length.
	Contacts       int                 `json:"contacts"`
	Minutes        int                 `json:"minutes"`
	ContactsByKind map[ContactKind]int `json:"contactsByKind"`
	ContactsByMode map[ContactMode]int `json:"contactsByMode"`
	// Connections is the number of connections to community offers.
	Connections           int                      `json:"connections"`
	ConnectionsByCategory map[Category]int         `json:"connectionsByCategory"`
	ConnectionsByMode     map[ConnectionMode]int   `json:"connectionsByMode"`
	ConnectionsByStatus   map[ConnectionStatus]int `json:"connectionsByStatus"`
	// GreenConnections is the number of connections whose category is green social prescribing
	// ([Category.IsGreen]); GreenShare is GreenConnections / Connections, 0 when there are none.
	GreenConnections int     `json:"greenConnections"`
	GreenShare       float64 `json:"greenShare"`
	// Goals is the number of goals.
	Goals         int                `json:"goals"`
	GoalsByStatus map[GoalStatus]int `json:"goalsByStatus"`
	// FirstContact is the earliest contact's date, the zero Date when there is none; DaysToFirstContact
	// is the number of days from the referral (the plan's Referred date) to it, nil when either is
	// missing.
	FirstContact       sp.Date `json:"firstContact,omitzero"`
	DaysToFirstContact *int    `json:"daysToFirstContact,omitempty"`
}

// Summary returns p's counts for reporting: contacts and minutes, connections by category, mode and
// status, goals by status, the green social prescribing share, and the days from referral to first
// contact. It counts every item as it stands, valid or not.
func (p Plan) Summary() Summary {
	s := Summary{
		EpisodeID:             p.EpisodeID,
		Contacts:              len(p.Contacts),
		ContactsByKind:        map[ContactKind]int{},
		ContactsByMode:        map[ContactMode]int{},
		Connections:           len(p.Connections),
		ConnectionsByCategory: map[Category]int{},
		ConnectionsByMode:     map[ConnectionMode]int{},
		ConnectionsByStatus:   map[ConnectionStatus]int{},
		Goals:                 len(p.Goals),
		GoalsByStatus:         map[GoalStatus]int{},
	}
	for _, c := range p.Contacts {
		s.Minutes += c.Minutes
		s.ContactsByKind[c.Kind]++
		s.ContactsByMode[c.Mode]++
		if c.Date.IsValid() && (!s.FirstContact.IsValid() || c.Date.Before(s.FirstContact)) {
			s.FirstContact = c.Date
		}
	}
	for _, c := range p.Connections {
		s.ConnectionsByCategory[c.Category]++
		s.ConnectionsByMode[c.Mode]++
		s.ConnectionsByStatus[c.Status]++
		if c.Category.IsGreen() {
			s.GreenConnections++
		}
	}
	if s.Connections > 0 {
		s.GreenShare = float64(s.GreenConnections) / float64(s.Connections)
	}
	for _, g := range p.Goals {
		s.GoalsByStatus[g.Status]++
	}
	if s.FirstContact.IsValid() && p.Referred.IsValid() {
		d := p.Referred.DaysUntil(s.FirstContact)
		s.DaysToFirstContact = &d
	}
	return s
}
