package browsertest_test

import (
	"bytes"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/internal/browsertest"
)

// The helper must see what it is for: console errors, exceptions, visible text only, requests to
// elsewhere, and a screenshot of the page's width.
func TestBrowser(t *testing.T) {
	b := browsertest.Start(t)
	b.SetViewport(360, 640, true)
	b.LoadHTML([]byte(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">
<title>t</title></head><body><p id="p">Seen <span style="display:none">hidden</span>text</p>
<img src="http://192.0.2.1/x.png" alt="">
<script>console.error("broken", 42); undefinedFunction();</script></body></html>`))

	if got, want := b.Text("#p"), "Seen text"; got != want {
		t.Errorf("Text(#p) = %q, want %q (hidden text left out)", got, want)
	}
	if got := b.Count("p"); got != 1 {
		t.Errorf("Count(p) = %d, want 1", got)
	}
	errs := strings.Join(b.Errors(), "\n")
	for _, want := range []string{"broken 42", "undefinedFunction"} {
		if !strings.Contains(errs, want) {
			t.Errorf("Errors() = %q, want one with %q", errs, want)
		}
	}
	if ext := b.ExternalRequests(); !slices.Contains(ext, "http://192.0.2.1/x.png") {
		t.Errorf("ExternalRequests() = %q, want the image's URL", ext)
	}
	img, err := png.Decode(bytes.NewReader(b.Screenshot()))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 360 {
		t.Errorf("screenshot is %d px wide, want the viewport's 360", w)
	}
}

// A clean page logs nothing.
func TestBrowserNoErrors(t *testing.T) {
	b := browsertest.Start(t)
	b.LoadHTML([]byte(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>Hello</h1></body></html>`))
	if got := b.Text("h1"); got != "Hello" {
		t.Errorf("Text(h1) = %q, want Hello", got)
	}
	if errs := b.Errors(); len(errs) != 0 {
		t.Errorf("Errors() = %q, want none", errs)
	}
	if ext := b.ExternalRequests(); len(ext) != 0 {
		t.Errorf("ExternalRequests() = %q, want none", ext)
	}
}
