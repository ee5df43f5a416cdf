package referral

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// ReferOnRoute says whether a signposted person was also referred on to a link worker.
//
//enum:list ReferOnRoutes
type ReferOnRoute string

// The refer-on routes.
const (
	// ReferOnRouteNotOffered: signposting was enough; no referral was offered.
	ReferOnRouteNotOffered ReferOnRoute = "not-offered"
	// ReferOnRouteDeclined: a referral to a link worker was offered and the person said no.
	ReferOnRouteDeclined ReferOnRoute = "offered-declined"
	// ReferOnRouteReferred: the person was referred on to a link worker; EpisodeID names the referral (its episode id).
	ReferOnRouteReferred ReferOnRoute = "referred"
)

// Signpost is one community group or service the person was pointed to. ServiceID may hold the
// service's id in an Open Referral UK directory (SOURCES.md#open-referral).
type Signpost struct {
	Name      string `json:"name" validate:"required,max=200"`
	ServiceID string `json:"serviceId,omitempty" validate:"max=100"`
}

// ReferOn records the route from signposting to a link worker. With Route "referred", EpisodeID
// (the episode id of the [Referral]) and Date are required; with the other routes they must be left
// out.
type ReferOn struct {
	Route     ReferOnRoute `json:"route" validate:"required,enum"`
	EpisodeID string       `json:"referralId,omitempty" validate:"max=64"`
	Date      sp.Date      `json:"date,omitzero"`
}

// Signposting is a light-touch signpost by a care navigator or other staff ("active signposting"),
// recorded apart from any referral: NHS England treats it as a separate, lighter route, and the
// library keeps "signposted" apart from "referred" (NHS England, Social prescribing frequently asked
// questions; SOURCES.md#signposting). A care navigator may refer on to
// a link worker: see [Signposting.ReferToLinkWorker].
//
// NHSNumber is optional (signposting often happens at a front desk). A Signposting holds personal
// data: String, GoString and LogValue print only its id. It is a value type, safe for concurrent use
// when no one mutates it.
type Signposting struct {
	ID           string       `json:"id" validate:"required,max=64"`
	Date         sp.Date      `json:"date" validate:"required"`
	By           sp.Role      `json:"by" validate:"required,enum"`
	Organisation string       `json:"organisation" validate:"required,max=200"`
	NHSNumber    sp.NHSNumber `json:"nhsNumber,omitzero"`
	Needs        []NeedItem   `json:"needs" validate:"required,min=1,max=15,dive"`
	SignpostedTo []Signpost   `json:"signpostedTo" validate:"required,min=1,max=20,dive"`
	ReferOn      ReferOn      `json:"referOn" validate:"required"`
}

// String returns "signposting <id>", with no personal data.
func (s Signposting) String() string { return "signposting " + strconv.Quote(s.ID) }

// GoString returns a masked form for %#v holding only the id.
func (s Signposting) GoString() string {
	return fmt.Sprintf("referral.Signposting{ID: %q, ***}", s.ID)
}

// LogValue implements slog.LogValuer with the id and refer-on route only.
func (s Signposting) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", s.ID), slog.String("referOn", string(s.ReferOn.Route)))
}

// Validate checks s against its validate tags and the cross-field rules: a need "other" has a
// description ("other-description"), no need appears twice ("duplicate-need"), a referral on names
// its referral id and date ("refer-on") and is not dated before the signposting ("date-order"), and
// the other routes carry neither ("refer-on").
func (s Signposting) Validate() error {
	c := validation.Struct("referral.Signposting", &s)
	checkNeeds(c, "/needs", s.Needs)
	switch s.ReferOn.Route {
	case ReferOnRouteReferred:
		if s.ReferOn.EpisodeID == "" {
			c.Add("/referOn/referralId", "refer-on", fmt.Errorf("referral: a referral on needs the referral id: %w", sp.ErrRequired))
		}
		if !s.ReferOn.Date.IsValid() {
			c.Add("/referOn/date", "refer-on", fmt.Errorf("referral: a referral on needs its date: %w", sp.ErrRequired))
		} else if s.Date.IsValid() && s.ReferOn.Date.Before(s.Date) {
			c.Add("/referOn/date", "date-order", fmt.Errorf("referral: referred on before the signposting: %w", sp.ErrInvalid))
		}
	case ReferOnRouteNotOffered, ReferOnRouteDeclined:
		if s.ReferOn.EpisodeID != "" || s.ReferOn.Date.IsValid() {
			c.Add("/referOn", "refer-on", fmt.Errorf("referral: referral id and date only for route referred: %w", sp.ErrInvalid))
		}
	}
	return c.Err()
}

// ReferToLinkWorker refers the signposted person on to a link worker. It returns the new
// [Referral] (state received, the signposting's needs copied, the referrer as given: usually the general practice
// where the care navigator works) and the signposting with its refer-on route set to "referred", both validated; on
// error it returns the zero values and a *socialprescribing.ValidationError.
func (s Signposting) ReferToLinkWorker(id string, received sp.Date, p Person, ref Referrer, u Urgency, c Consent) (Referral, Signposting, error) {
	if !p.NHSNumber.IsValid() {
		p.NHSNumber = s.NHSNumber
	}
	r, err := New(id, received, p, ref, s.Needs, u, c)
	if err != nil {
		return Referral{}, Signposting{}, err
	}
	out := s
	out.Needs = slices.Clone(s.Needs)
	out.SignpostedTo = slices.Clone(s.SignpostedTo)
	out.ReferOn = ReferOn{Route: ReferOnRouteReferred, EpisodeID: id, Date: received}
	if err := out.Validate(); err != nil {
		return Referral{}, Signposting{}, err
	}
	return r, out, nil
}
