package render_test

import (
	"io"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/auditgen"
	"github.com/socialprescribing/go-socialprescribing/render"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// BenchmarkAuditHTML75000 writes the page of the 75,000-line audit (1,250 PCNs) to io.Discard.
func BenchmarkAuditHTML75000(b *testing.B) {
	rep := workforce.Audit(auditgen.Input(1250), workforce.DefaultRules())
	b.ReportAllocs()
	for b.Loop() {
		if err := render.AuditHTML(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}
