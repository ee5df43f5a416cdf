package workforce

import (
	"slices"

	"github.com/socialprescribing/go-socialprescribing/internal/enum"
)

// Employment says how a PCN engages a member of staff.
type Employment string

// The kinds of employment.
const (
	// EmploymentDirect means the PCN (or one of its practices) employs the person.
	EmploymentDirect Employment = "direct"
	// EmploymentSubcontracted means another organisation (such as a VCSE provider) employs the
	// person and supplies them to the PCN; a flat contribution to that organisation's costs may
	// be claimed inside the role's maximum.
	EmploymentSubcontracted Employment = "subcontracted"
)

var employments = [...]Employment{EmploymentDirect, EmploymentSubcontracted}

// Employments returns every Employment. The slice is new on each call.
func Employments() []Employment { return slices.Clone(employments[:]) }

// IsValid reports whether e is one of [Employments].
func (e Employment) IsValid() bool { return slices.Contains(employments[:], e) }

// MarshalText returns e, or an error for a value outside [Employments].
func (e Employment) MarshalText() ([]byte, error) {
	return enum.Marshal("workforce: employment", employments[:], e)
}

// UnmarshalText accepts exactly one of [Employments].
func (e *Employment) UnmarshalText(b []byte) error {
	v, err := enum.Unmarshal("workforce: employment", employments[:], b)
	if err != nil {
		return err
	}
	*e = v
	return nil
}
