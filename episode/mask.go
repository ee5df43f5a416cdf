package episode

import (
	"fmt"

	"github.com/socialprescribing/go-socialprescribing/internal/mask"
)

// Format prints the masked form for every fmt verb.
func (e Episode) Format(f fmt.State, verb rune) { mask.Format(f, verb, e.String(), e.GoString()) }

// Format prints the masked form for every fmt verb.
func (d Demographics) Format(f fmt.State, verb rune) { mask.Format(f, verb, d.String(), d.GoString()) }

// Format prints the masked form for every fmt verb.
func (fb Feedback) Format(f fmt.State, verb rune) { mask.Format(f, verb, fb.String(), fb.GoString()) }
