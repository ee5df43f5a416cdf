// Package mask holds the one implementation of masked printing for types that carry personal data:
// every fmt verb prints the type's masked form, so that %d, %x or %t cannot reach the fields behind
// the String method.
package mask

import "fmt"

// Format writes the masked form for every verb: goString for %#v, s quoted for %q, s otherwise.
func Format(f fmt.State, verb rune, s, goString string) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = f.Write([]byte(goString))
	case verb == 'q':
		_, _ = fmt.Fprintf(f, "%q", s)
	default:
		_, _ = f.Write([]byte(s))
	}
}
