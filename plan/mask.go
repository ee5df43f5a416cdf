package plan

import (
	"fmt"

	"github.com/socialprescribing/go-socialprescribing/internal/mask"
)

// Format prints the masked form for every fmt verb.
func (p Plan) Format(f fmt.State, verb rune) { mask.Format(f, verb, p.String(), p.GoString()) }

// Format prints the masked form for every fmt verb.
func (g Goal) Format(f fmt.State, verb rune) { mask.Format(f, verb, g.String(), g.GoString()) }

// Format prints the masked form for every fmt verb.
func (n ProgressNote) Format(f fmt.State, verb rune) { mask.Format(f, verb, n.String(), n.GoString()) }

// Format prints the masked form for every fmt verb.
func (c Connection) Format(f fmt.State, verb rune) { mask.Format(f, verb, c.String(), c.GoString()) }
