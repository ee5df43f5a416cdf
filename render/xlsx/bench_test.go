package xlsx_test

import (
	"io"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/auditgen"
	"github.com/socialprescribing/go-socialprescribing/render/xlsx"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// BenchmarkAuditWorkbook75000 writes the workbook of the same audit to io.Discard.
func BenchmarkAuditWorkbook75000(b *testing.B) {
	rep := workforce.Audit(auditgen.Input(1250), workforce.DefaultRules())
	b.ReportAllocs()
	for b.Loop() {
		if err := xlsx.AuditWorkbook(io.Discard, rep); err != nil {
			b.Fatal(err)
		}
	}
}
