package coding_test

import "strings"

// This file is an independent reference for SNOMED CT identifiers, written from the definitions
// rather than from the package's tables:
//
//   - Verhoeff's check works in the dihedral group D5 of order 10. Number its elements 0–4 for the
//     rotations r^k and 5–9 for the reflections r^k·s (Verhoeff's numbering); as s·r^k = r^(−k)·s,
//     r^j·r^k = r^(j+k), r^j·r^k s = r^(j+k) s, r^j s·r^k = r^(j−k) s and r^j s·r^k s = r^(j−k), all
//     exponents mod 5.
//   - The position permutation p(1) is (1 5 8 9 4 2 7 0)(3 6); the digit in position i (counted from
//     the right, the check digit in position 0) is mapped by p(i) = p(1)^i, which repeats every 8
//     positions.
//   - A string of digits is valid when the product d(...d(d(0, p(0)(a0)), p(1)(a1))..., p(n)(an)) is the
//     identity 0; the check digit for a payload is the inverse of that product taken over the payload
//     shifted one position left.
//   - An SCTID is 6 to 18 digits with no leading zero; the two digits before the check digit are the
//     partition: 00, 01, 02 (short form) or 10, 11, 12 (long form, with a seven-digit namespace before
//     the partition, so at least 1 + 7 + 2 + 1 = 11 digits).

// refD is the D5 product, computed from the group's definition.
func refD(a, b int) int {
	switch {
	case a < 5 && b < 5: // rotation · rotation
		return (a + b) % 5
	case a < 5 && b >= 5: // r^a · r^k s = r^(a+k) s
		return 5 + (a+(b-5))%5
	case a >= 5 && b < 5: // r^j s · r^b = r^(j−b) s
		return 5 + ((a-5)-b+5)%5
	default: // r^j s · r^k s = r^(j−k)
		return ((a - 5) - (b - 5) + 5) % 5
	}
}

// refP1 is the first position permutation, p(1) = (1 5 8 9 4 2 7 0)(3 6), built from its cycles.
func refP1() [10]int {
	var p [10]int
	for _, cycle := range [][]int{{1, 5, 8, 9, 4, 2, 7, 0}, {3, 6}} {
		for i, x := range cycle {
			p[x] = cycle[(i+1)%len(cycle)]
		}
	}
	return p
}

// refP returns p(i) = p(1)^i applied to digit d.
func refP(i, d int) int {
	p1 := refP1()
	for range i % 8 {
		d = p1[d]
	}
	return d
}

// refInv is the D5 inverse, found by search.
func refInv(a int) int {
	for b := range 10 {
		if refD(a, b) == 0 {
			return b
		}
	}
	panic("no inverse")
}

// refVerhoeffValid reports whether a non-empty string of digits passes Verhoeff's check.
func refVerhoeffValid(s string) bool {
	c := 0
	for i := 0; i < len(s); i++ {
		c = refD(c, refP(i, int(s[len(s)-1-i]-'0')))
	}
	return c == 0
}

// refCheckDigit returns the Verhoeff check digit for a non-empty string of digits.
func refCheckDigit(payload string) byte {
	c := 0
	for i := 0; i < len(payload); i++ {
		c = refD(c, refP(i+1, int(payload[len(payload)-1-i]-'0')))
	}
	return byte('0' + refInv(c))
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// refForm reports whether s has the form of an SCTID, the check digit aside: 6–18 digits, no leading
// zero, a defined partition, and room for the namespace in the long form.
func refForm(s string) bool {
	if len(s) < 6 || len(s) > 18 || !allDigits(s) || s[0] == '0' {
		return false
	}
	part := s[len(s)-3 : len(s)-1]
	switch part {
	case "00", "01", "02":
		return true
	case "10", "11", "12":
		return len(s) >= 11
	}
	return false
}

// refValidSCTID reports whether s is a valid SCTID by the reference.
func refValidSCTID(s string) bool { return refForm(s) && refVerhoeffValid(s) }

// refPartition names the partition of a valid SCTID as the package does.
func refPartition(s string) string {
	return map[string]string{
		"00": "concept", "01": "description", "02": "relationship",
		"10": "concept-extension", "11": "description-extension", "12": "relationship-extension",
	}[s[len(s)-3:len(s)-1]]
}

// refNamespace returns the namespace of a long-form SCTID and "" for a short-form one.
func refNamespace(s string) string {
	if !strings.HasPrefix(s[len(s)-3:], "1") {
		return ""
	}
	return s[len(s)-10 : len(s)-3]
}

// withCheck appends the reference check digit to a payload.
func withCheck(payload string) string { return payload + string(refCheckDigit(payload)) }
