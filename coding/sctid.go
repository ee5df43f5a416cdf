package coding

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors of the coding package. [ParseSCTID] wraps exactly one of the first three, so callers
// can tell a typing mistake from a bad check digit from an identifier of the wrong kind.
var (
	// ErrMalformed means the string is not 6–18 digits without a leading zero, its partition
	// identifier is not one SNOMED CT defines, or it is a long-form (namespaced) identifier shorter
	// than the 11 digits that hold an item identifier and a seven-digit namespace.
	ErrMalformed = errors.New("coding: malformed SNOMED CT identifier")
	// ErrCheckDigit means the Verhoeff check digit does not match.
	ErrCheckDigit = errors.New("coding: SNOMED CT identifier fails its Verhoeff check digit")
	// ErrNotConcept means the identifier is valid but names a description or relationship, not a
	// concept.
	ErrNotConcept = errors.New("coding: SNOMED CT identifier is not a concept identifier")
	// ErrUnknownCode means a valid identifier is not in the social prescribing code set.
	ErrUnknownCode = errors.New("coding: code not in the social prescribing code set")
)

// SCTID is a SNOMED CT identifier: 6 to 18 digits, no leading zero, the last digit a Verhoeff check
// digit and the two before it the partition identifier (SNOMED CT Technical Implementation Guide).
//
// The zero SCTID is "no identifier" and IsValid reports false for it. SCTID is comparable with ==,
// marshals as its decimal digits (a JSON string, so that 18-digit identifiers survive JavaScript), and
// is safe for concurrent use.
type SCTID struct {
	v uint64
}

// Partition says what kind of component an SCTID identifies and whether it carries a namespace.
//
//enum:list Partitions
type Partition string

// The partitions SNOMED CT defines for identifiers in general use.
const (
	PartitionConcept               Partition = "concept"                // 00
	PartitionDescription           Partition = "description"            // 01
	PartitionRelationship          Partition = "relationship"           // 02
	PartitionConceptExtension      Partition = "concept-extension"      // 10: long form, with namespace
	PartitionDescriptionExtension  Partition = "description-extension"  // 11
	PartitionRelationshipExtension Partition = "relationship-extension" // 12
)

// ParseSCTID parses and checks a SNOMED CT identifier of any kind (concept, description,
// relationship). The error wraps [ErrMalformed] or [ErrCheckDigit]; it never contains the input.
// ParseSCTID does not allocate.
func ParseSCTID(s string) (SCTID, error) {
	if len(s) < 6 || len(s) > 18 || s[0] == '0' {
		return SCTID{}, ErrMalformed
	}
	// One pass from the rightmost digit (position 0, the check digit) leftwards: the value and the
	// Verhoeff checksum together.
	var v, pow uint64 = 0, 1
	var c uint8
	for i := 0; i < len(s); i++ {
		d := s[len(s)-1-i] - '0'
		if d > 9 {
			return SCTID{}, ErrMalformed
		}
		v += uint64(d) * pow
		pow *= 10
		c = verhoeffD[c][verhoeffP[i&7][d]]
	}
	switch s[len(s)-3 : len(s)-1] {
	case "00", "01", "02":
	case "10", "11", "12":
		// The long form holds an item identifier of at least one digit, the seven-digit namespace,
		// the partition and the check digit.
		if len(s) < 11 {
			return SCTID{}, ErrMalformed
		}
	default:
		return SCTID{}, ErrMalformed
	}
	if c != 0 {
		return SCTID{}, ErrCheckDigit
	}
	return SCTID{v: v}, nil
}

// ParseConceptID is like [ParseSCTID] but also requires a concept identifier (partition 00 or 10); the
// error wraps [ErrNotConcept] for a valid description or relationship identifier.
func ParseConceptID(s string) (SCTID, error) {
	id, err := ParseSCTID(s)
	if err != nil {
		return SCTID{}, err
	}
	if !id.IsConcept() {
		return SCTID{}, ErrNotConcept
	}
	return id, nil
}

// MustParseSCTID is like [ParseSCTID] but panics on error. It is meant for tests and constants only.
func MustParseSCTID(s string) SCTID {
	id, err := ParseSCTID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// The Verhoeff tables: the dihedral group D5 multiplication table, the position permutation and the
// inverse table.
var (
	verhoeffD = [10][10]uint8{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
		{4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
		{5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
		{7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]uint8{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
		{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
		{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
		{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
		{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
	verhoeffInv = [10]uint8{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}
)

// VerhoeffCheckDigit returns the Verhoeff check digit ('0'–'9') to append to digits, a string of
// decimal digits. It returns an error wrapping [ErrMalformed] if digits is empty or holds a non-digit.
func VerhoeffCheckDigit(digits string) (byte, error) {
	if digits == "" {
		return 0, ErrMalformed
	}
	var c uint8
	// Positions count from the right, starting at 1 because the check digit will take position 0.
	for i := 0; i < len(digits); i++ {
		d := digits[len(digits)-1-i] - '0'
		if d > 9 {
			return 0, ErrMalformed
		}
		c = verhoeffD[c][verhoeffP[(i+1)%8][d]]
	}
	return '0' + verhoeffInv[c], nil
}

// IsValid reports whether id holds an identifier (the zero SCTID does not).
func (id SCTID) IsValid() bool { return id.v != 0 }

// Equal reports whether id and other are the same identifier.
func (id SCTID) Equal(other SCTID) bool { return id == other }

// String returns the identifier's decimal digits, or "" for the zero SCTID.
func (id SCTID) String() string {
	if id.v == 0 {
		return ""
	}
	return strconv.FormatUint(id.v, 10)
}

// Partition returns the kind of component id identifies, or "" for the zero SCTID.
func (id SCTID) Partition() Partition {
	if id.v == 0 {
		return ""
	}
	switch (id.v / 10) % 100 {
	case 0:
		return PartitionConcept
	case 1:
		return PartitionDescription
	case 2:
		return PartitionRelationship
	case 10:
		return PartitionConceptExtension
	case 11:
		return PartitionDescriptionExtension
	default:
		return PartitionRelationshipExtension
	}
}

// IsConcept reports whether id identifies a concept (partition 00 or 10).
func (id SCTID) IsConcept() bool {
	p := id.Partition()
	return p == PartitionConcept || p == PartitionConceptExtension
}

// Namespace returns the seven-digit namespace identifier of a long-form (extension) identifier, such as
// "1000000" for the UK extension, and false for a short-form identifier or the zero SCTID.
func (id SCTID) Namespace() (string, bool) {
	if id.v == 0 || (id.v/10)%100 < 10 {
		return "", false
	}
	ns := (id.v / 1000) % 10_000_000
	return fmt.Sprintf("%07d", ns), true
}

// MarshalText returns the identifier's digits. It returns an error for the zero SCTID.
func (id SCTID) MarshalText() ([]byte, error) {
	if id.v == 0 {
		return nil, fmt.Errorf("coding: marshal the zero SCTID: %w", ErrMalformed)
	}
	return strconv.AppendUint(nil, id.v, 10), nil
}

// UnmarshalText parses the identifier as [ParseSCTID] does.
func (id *SCTID) UnmarshalText(b []byte) error {
	v, err := ParseSCTID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}
