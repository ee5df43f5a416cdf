package workforce

// Employment says how a PCN engages a member of staff.
//
//enum:list Employments
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
