package fhir_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/episode"
	"github.com/socialprescribing/go-socialprescribing/fhir"
)

// TestMasked: no fmt verb and no slog handler prints the personal data of an exported Bundle, of any
// resource or element in it, of a Communication or of an Imported.
func TestMasked(t *testing.T) {
	e := decodeFile[episode.Episode](t, filepath.Join("..", "episode", "testdata", "valid", "episode.completed.json"))
	b, err := fhir.ExportEpisode(e, fhir.Options{NHSNumberVerification: "01"})
	if err != nil {
		t.Fatal(err)
	}
	fb := decodeFile[episode.Feedback](t, filepath.Join("..", "episode", "testdata", "valid", "feedback.gp-completed.json"))
	c, err := fhir.ExportFeedback(fb)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := fhir.Import(marshal(t, b))
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{"9434765919", "943 476 5919", "1948", "allotment", "Riverside", "community garden", "Pharmacist"}
	values := []any{b, *b, c, *c, imp}
	for _, en := range b.Entry {
		values = append(values, en, en.Resource)
		switch r := en.Resource.(type) {
		case *fhir.Patient:
			values = append(values, r.Identifier[0], r.Communication[0], *r)
		case *fhir.ServiceRequest:
			values = append(values, r.Extension[len(r.Extension)-1], *r.Requester, *r)
		case *fhir.Goal:
			values = append(values, r.Description, *r)
		case *fhir.CarePlan:
			values = append(values, r.Activity[0], r.Activity[0].Detail, *r)
		}
	}
	values = append(values, c.Payload[0], *c.Payload[1].ContentAttachment)
	for i, v := range values {
		var logged bytes.Buffer
		// The time is left out: its digits could hold a secret's ("13:35:49.650194895").
		noTime := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}
		slog.New(slog.NewJSONHandler(&logged, noTime)).Info("x", "v", v)
		slog.New(slog.NewTextHandler(&logged, noTime)).Info("x", "v", v)
		out := logged.String()
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
			out += fmt.Sprintf(verb, v)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("value %d (%T) prints %q: %s", i, v, s, out)
			}
		}
	}
}
