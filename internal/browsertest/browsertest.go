// Package browsertest opens HTML pages in a real browser for tests: Debian's Chromium, headless,
// driven over the DevTools protocol by github.com/chromedp/chromedp. A test loads a page, reads the
// text a person sees, measures the page, takes a screenshot and checks that the browser logged no
// error and fetched nothing from elsewhere.
//
// Only tests import this package, so no build of the library or the command compiles chromedp.
//
// When /usr/bin/chromium is missing the test is skipped with a message saying how to install it,
// unless the environment variable CI is "true": continuous integration installs Chromium, so there a
// missing browser fails the test.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ExecPath is where Debian's chromium package installs the browser.
const ExecPath = "/usr/bin/chromium"

// Timeout bounds each call to the browser.
const Timeout = 30 * time.Second

// Browser is one headless Chromium with one tab. It is for one test: its methods fail that test on
// an error, and it closes when the test ends. It is not safe for concurrent use.
type Browser struct {
	t   testing.TB
	ctx context.Context
	dir string

	mu       sync.Mutex
	errs     []string // console errors, exceptions and error log entries
	requests []string // URLs the page requested
}

// Available reports whether the browser is installed at [ExecPath].
func Available() bool {
	fi, err := os.Stat(ExecPath)
	return err == nil && !fi.IsDir()
}

// Start starts the browser for t. Without a browser it skips t, or fails it when CI is "true".
func Start(t testing.TB) *Browser {
	t.Helper()
	if !Available() {
		msg := "browser test: " + ExecPath + " not found (Debian: apt-get install chromium)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + "; CI=true, so the browser test must run")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ExecPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	b := &Browser{t: t, ctx: ctx, dir: dir}
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now (the first use of the context starts it, with no timeout: a timeout on
	// the first use would stop the browser with it), so that a failure to start is reported here.
	if err := chromedp.Listen(ctx, b.listen); err != nil {
		t.Fatalf("browser: start %s: %v", ExecPath, err)
	}
	b.run("open a blank page", chromedp.Navigate("about:blank"))
	return b
}

// listen records what the page logs and requests.
func (b *Browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			}
			b.errs = append(b.errs, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ex := ev.ExceptionDetails.Exception; ex != nil && ex.Description != "" {
			msg += " " + ex.Description
		}
		b.errs = append(b.errs, "exception: "+msg)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			b.errs = append(b.errs, "log ("+string(ev.Entry.Source)+"): "+ev.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	}
}

// run runs the actions with [Timeout] and fails the test on an error.
func (b *Browser) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("browser: %s: %v", what, err)
	}
}

// SetViewport sets the size of the page's viewport in CSS pixels, as a phone (mobile true: the
// viewport meta element applies) or a desktop window.
func (b *Browser) SetViewport(width, height int, mobile bool) {
	b.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	b.run("set viewport", chromedp.EmulateViewport(int64(width), int64(height), opts...))
}

// LoadFile opens the HTML file at path and waits until it has loaded.
func (b *Browser) LoadFile(path string) {
	b.t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		b.t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	b.run("load "+path, chromedp.Navigate(u.String()), chromedp.WaitReady(chromedp.CSS("body")))
}

// LoadHTML writes html to a file of the test's temporary directory and opens it.
func (b *Browser) LoadHTML(html []byte) {
	b.t.Helper()
	f, err := os.CreateTemp(b.dir, "page-*.html")
	if err != nil {
		b.t.Fatal(err)
	}
	if _, err := f.Write(html); err != nil {
		b.t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.t.Fatal(err)
	}
	b.LoadFile(f.Name())
}

// Text returns the text a person sees in the first element matching the CSS selector (its
// innerText: hidden elements are left out, as rendered). It fails the test when nothing matches.
func (b *Browser) Text(selector string) string {
	b.t.Helper()
	var r struct {
		Found bool   `json:"found"`
		Text  string `json:"text"`
	}
	b.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e === null ? {found: false, text: ""} : {found: true, text: e.innerText}; })()`, selector), &r)
	if !r.Found {
		b.t.Fatalf("browser: no element matches %q", selector)
	}
	return r.Text
}

// Count returns the number of elements matching the CSS selector.
func (b *Browser) Count(selector string) int {
	b.t.Helper()
	var n int
	b.Eval(fmt.Sprintf(`document.querySelectorAll(%q).length`, selector), &n)
	return n
}

// Eval evaluates the JavaScript expression in the page and decodes its value into out (a pointer),
// failing the test on an error or a null value.
func (b *Browser) Eval(expr string, out any) {
	b.t.Helper()
	raw, err := value(b, chromedp.Evaluate[json.RawMessage](expr))
	if err != nil {
		b.t.Fatalf("browser: evaluate: %v", err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		b.t.Fatalf("browser: evaluate: decode %s: %v", raw, err)
	}
}

// value runs an action that returns a value, with [Timeout].
func value[T any](b *Browser, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// Screenshot returns a PNG of the whole page at the current viewport's width.
func (b *Browser) Screenshot() []byte {
	b.t.Helper()
	png, err := value(b, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	return png
}

// ViewportScreenshot returns a PNG of what the viewport shows.
func (b *Browser) ViewportScreenshot() []byte {
	b.t.Helper()
	png, err := value(b, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	return png
}

// Errors returns what the page logged as an error so far: console errors, uncaught exceptions and
// the browser's error log entries (a blocked resource, a Content-Security-Policy violation).
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

// Requests returns the URLs the page requested so far, the page's own included.
func (b *Browser) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// ExternalRequests returns the URLs requested so far other than file: and data: URLs and
// about:blank, that is everything a page would fetch from elsewhere.
func (b *Browser) ExternalRequests() []string {
	var out []string
	for _, u := range b.Requests() {
		if strings.HasPrefix(u, "file:") || strings.HasPrefix(u, "data:") || u == "about:blank" {
			continue
		}
		out = append(out, u)
	}
	return out
}
