package referral

import (
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/socialprescribing/go-socialprescribing/internal/mask"
)

// Every type of this package that holds personal data (a person's details, free text they or a
// worker wrote) prints and logs a masked form: String, GoString, Format (every fmt verb) and LogValue.

// Format prints the masked form for every fmt verb.
func (p Person) Format(f fmt.State, verb rune) { mask.Format(f, verb, p.String(), p.GoString()) }

// Format prints the masked form for every fmt verb.
func (r Referral) Format(f fmt.State, verb rune) { mask.Format(f, verb, r.String(), r.GoString()) }

// Format prints the masked form for every fmt verb.
func (s Signposting) Format(f fmt.State, verb rune) { mask.Format(f, verb, s.String(), s.GoString()) }

// String returns the event's kind, instant and role; never its note.
func (e Event) String() string {
	return "referral event " + string(e.Kind) + " at " + e.At.UTC().Format(time.RFC3339) + " by " + string(e.By)
}

// GoString returns a masked form for %#v, without the note.
func (e Event) GoString() string {
	return fmt.Sprintf("referral.Event{Kind: %q, At: %q, By: %q, Reason: %q, ***}",
		string(e.Kind), e.At.UTC().Format(time.RFC3339), string(e.By), string(e.Reason))
}

// Format prints the masked form for every fmt verb.
func (e Event) Format(f fmt.State, verb rune) { mask.Format(f, verb, e.String(), e.GoString()) }

// LogValue implements slog.LogValuer without the note.
func (e Event) LogValue() slog.Value {
	return slog.GroupValue(slog.String("kind", string(e.Kind)), slog.Time("at", e.At),
		slog.String("by", string(e.By)), slog.String("reason", string(e.Reason)), slog.Int("codes", len(e.Codes)))
}

// String returns where and when the concern was passed; never the note.
func (e Escalation) String() string {
	return "safeguarding escalation to " + string(e.To) + " at " + e.At.UTC().Format(time.RFC3339)
}

// GoString returns a masked form for %#v, without the note.
func (e Escalation) GoString() string {
	return fmt.Sprintf("referral.Escalation{At: %q, To: %q, By: %q, ***}", e.At.UTC().Format(time.RFC3339), string(e.To), string(e.By))
}

// Format prints the masked form for every fmt verb.
func (e Escalation) Format(f fmt.State, verb rune) { mask.Format(f, verb, e.String(), e.GoString()) }

// LogValue implements slog.LogValuer without the note.
func (e Escalation) LogValue() slog.Value {
	return slog.GroupValue(slog.Time("at", e.At), slog.String("to", string(e.To)), slog.String("by", string(e.By)))
}

// String returns whether there is a concern and how many escalations; never the notes.
func (s Safeguarding) String() string {
	return "safeguarding (concern " + strconv.FormatBool(s.Concern) + ", " + strconv.Itoa(len(s.Escalations)) + " escalations)"
}

// GoString returns a masked form for %#v.
func (s Safeguarding) GoString() string {
	return fmt.Sprintf("referral.Safeguarding{Concern: %t, Escalations: %d, ***}", s.Concern, len(s.Escalations))
}

// Format prints the masked form for every fmt verb.
func (s Safeguarding) Format(f fmt.State, verb rune) { mask.Format(f, verb, s.String(), s.GoString()) }

// LogValue implements slog.LogValuer without the notes.
func (s Safeguarding) LogValue() slog.Value {
	return slog.GroupValue(slog.Bool("concern", s.Concern), slog.Int("escalations", len(s.Escalations)))
}

// String returns the need; never its description, which is free text.
func (n NeedItem) String() string { return "need " + string(n.Need) }

// GoString returns a masked form for %#v, without the description.
func (n NeedItem) GoString() string {
	return fmt.Sprintf("referral.NeedItem{Need: %q, ***}", string(n.Need))
}

// Format prints the masked form for every fmt verb.
func (n NeedItem) Format(f fmt.State, verb rune) { mask.Format(f, verb, n.String(), n.GoString()) }

// LogValue implements slog.LogValuer without the description.
func (n NeedItem) LogValue() slog.Value { return slog.StringValue(string(n.Need)) }
