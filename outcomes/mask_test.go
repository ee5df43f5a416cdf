package outcomes

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// No fmt verb and no slog handler shows an answer or a count. The answers and counts used are
// distinctive numbers (7 and 9, 4321) that appear nowhere else in the printed forms.
func TestMaskedPrinting(t *testing.T) {
	m := Measurement{EpisodeID: "ref-1", Date: sp.MustParseDate("2025-03-04"), Timepoint: TimepointBaseline,
		Instrument: InstrumentONS4, ONS4: ons4(7, 7, 7, 9)}
	u := ServiceUse{EpisodeID: "ref-1", Before: win("2025-01-01", "2025-01-30"), After: win("2025-02-01", "2025-03-02"),
		Items: []ServiceCount{{ServiceGPConsultations, intp(4321), intp(4321)}}}
	ch, _ := Diff(m, Measurement{EpisodeID: "ref-1", Date: sp.MustParseDate("2025-03-04"), Timepoint: TimepointFollowUp,
		Instrument: InstrumentONS4, ONS4: ons4(9, 9, 9, 7)})
	values := []any{m, &m, *m.ONS4, SWEMWBS{[]int{7, 7, 7, 7, 7, 7, 7}}, WEMWBS{[]int{9, 9}}, UCLA3{7, 9, 7}, u, ch}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%q", "%x"} {
			out := fmt.Sprintf(verb, v)
			if strings.ContainsAny(out, "79") || strings.Contains(out, "4321") {
				t.Errorf("fmt %s of %T shows a score or count: %s", verb, v, out)
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropTime})).Info("x", "v", v)
		if strings.ContainsAny(strings.ReplaceAll(buf.String(), "2025-03-04", ""), "79") {
			t.Errorf("slog of %T shows a score: %s", v, buf.String())
		}
	}
}

func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}
