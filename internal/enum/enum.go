// Package enum holds the shared mechanics of the library's typed-string enums: strict text
// unmarshalling against a fixed value list, with errors that never echo the input.
package enum

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Contains reports whether v is one of values.
func Contains[T ~string](values []T, v T) bool { return slices.Contains(values, v) }

// Marshal returns v as text if it is one of values, else an error naming the type (what, such as
// "referral: source") and wrapping socialprescribing.ErrInvalid.
func Marshal[T ~string](what string, values []T, v T) ([]byte, error) {
	if !slices.Contains(values, v) {
		return nil, fmt.Errorf("%s: not one of the defined values: %w", what, sp.ErrInvalid)
	}
	return []byte(v), nil
}

// Unmarshal parses b as one of values, exactly (no case folding, no trimming).
func Unmarshal[T ~string](what string, values []T, b []byte) (T, error) {
	for _, v := range values {
		if string(v) == string(b) {
			return v, nil
		}
	}
	return "", fmt.Errorf("%s: not one of %s (case matters): %w", what, list(values), sp.ErrInvalid)
}

// list quotes the values, comma-separated: the library's own words, never the input.
func list[T ~string](values []T) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(string(v)))
	}
	return b.String()
}
