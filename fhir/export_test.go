package fhir_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

// fixtureFiles returns the valid fixtures of a package whose names start with prefix.
func fixtureFiles(t tester, pkg, prefix string) []string {
	t.Helper()
	fs, err := filepath.Glob(filepath.Join("..", pkg, "testdata", "valid", prefix+".*.json"))
	if err != nil || len(fs) == 0 {
		t.Fatalf("no %s fixtures in %s: %v", prefix, pkg, err)
	}
	return fs
}

func decodeFile[T any](t tester, path string) T {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := sp.Decode(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func marshal(t tester, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportFixtures exports every valid referral and episode fixture and checks every resource
// against the R4 schema and the UK Core and Gravity rules.
func TestExportFixtures(t *testing.T) {
	for _, status := range []string{"", "01", "07"} {
		opt := fhir.Options{NHSNumberVerification: status}
		for _, f := range fixtureFiles(t, "referral", "referral") {
			b, err := fhir.ExportReferral(decodeFile[referral.Referral](t, f), opt)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, p := range checkBundle(t, marshal(t, b)) {
				t.Errorf("%s: %s", filepath.Base(f), p)
			}
		}
		for _, f := range fixtureFiles(t, "episode", "episode") {
			b, err := fhir.ExportEpisode(decodeFile[episode.Episode](t, f), opt)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, p := range checkBundle(t, marshal(t, b)) {
				t.Errorf("%s: %s", filepath.Base(f), p)
			}
		}
	}
}

func TestExportFeedbackFixtures(t *testing.T) {
	validate := r4SchemaIfPresent(t)
	if validate == nil {
		validate = func([]byte) error { return nil }
	}
	for _, f := range fixtureFiles(t, "episode", "feedback") {
		fb := decodeFile[episode.Feedback](t, f)
		c, err := fhir.ExportFeedback(fb)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		data := marshal(t, c)
		if err := validate(data); err != nil {
			t.Errorf("%s: R4 schema: %v", filepath.Base(f), err)
		}
		// R4 Communication.recipient: the GP practice or the referrer, an Organization named by its
		// role only.
		want := map[episode.Recipient]string{episode.RecipientGP: "The person's general practice", episode.RecipientReferrer: "The referring organisation"}[fb.Recipient]
		if len(c.Recipient) != 1 || c.Recipient[0] != (fhir.Reference{Type: "Organization", Display: want}) {
			t.Errorf("%s: recipient %+v, want an Organization displayed %q", filepath.Base(f), c.Recipient, want)
		}
		if fb.Person == nil && (strings.Contains(string(data), "nhs-number") || c.Subject != nil || len(c.Contained) > 0) {
			t.Errorf("%s: a message without demographics names the person", filepath.Base(f))
		}
		// The attachment is the message NewFeedback built, nothing more; the withheld extensions list
		// exactly what it withheld, with the reasons.
		var back episode.Feedback
		if err := sp.Decode(c.Payload[1].ContentAttachment.Data, &back); err != nil {
			t.Fatalf("%s: attachment: %v", f, err)
		}
		if !bytes.Equal(marshal(t, back), marshal(t, fb)) {
			t.Errorf("%s: the attachment is not the message", filepath.Base(f))
		}
		var withheld []episode.Withheld
		for _, x := range c.Extension {
			if x.URL == fhir.ExtFeedbackWithheld {
				withheld = append(withheld, episode.Withheld{Field: episode.WithheldField(*x.Extension[0].ValueCode), Reason: episode.WithheldReason(*x.Extension[1].ValueCode)})
			}
		}
		if !bytes.Equal(marshal(t, withheld), marshal(t, fb.Withheld)) && len(fb.Withheld) > 0 {
			t.Errorf("%s: withheld %v, want %v", filepath.Base(f), withheld, fb.Withheld)
		}
	}
}
