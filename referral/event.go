package referral

import (
	"fmt"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

// Validate checks one event on its own, as a document a case-management system receives before
// applying it: its fields, the reason its kind takes ("reason"), codes entered only with the date they
// were entered ("coded-on-missing") and not before the event happened ("date-order"). Whether the
// event is allowed from a referral's state, and in time order, is for [Referral.Apply].
func (e Event) Validate() error {
	c := validation.Struct("referral.Event", &e)
	if e.Kind.IsValid() {
		if err := checkReason(e, sp.ErrInvalid); err != nil {
			c.Add("/reason", "reason", err)
		}
	}
	switch {
	case len(e.Codes) > 0 && !e.CodedOn.IsValid():
		c.Add("/codedOn", "coded-on-missing", fmt.Errorf("referral: codes need the date they were entered: %w", sp.ErrRequired))
	case e.CodedOn.IsValid() && !e.At.IsZero() && e.CodedOn.Before(sp.DateOf(e.At)):
		c.Add("/codedOn", "date-order", fmt.Errorf("referral: codes entered before the event happened: %w", sp.ErrInvalid))
	}
	return c.Err()
}
