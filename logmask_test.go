package socialprescribing_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/plan"
	"github.com/socialprescribing/go-socialprescribing/referral"
	"pgregory.net/rapid"
)

// The personal data of the sample documents: none of it may reach a log line.
var logSecrets = []string{
	"9434765919", "943 476 5919", // the NHS number
	"1948-02-29",                                     // the date of birth
	"allotment", "stopped driving", "Practice nurse", // what matters to the person, a need's description, the referrer's role
}

// sampleReferral is the typical referral fixture, decoded.
func sampleReferral(t *testing.T) referral.Referral {
	t.Helper()
	data, err := os.ReadFile("referral/testdata/valid/referral.typical.json")
	if err != nil {
		t.Fatal(err)
	}
	var r referral.Referral
	if err := sp.DecodeAndValidate(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// record is a caller's own type holding the library's types, one level down and through a pointer.
type record struct {
	Label    string              `json:"label"`
	Referral referral.Referral   `json:"referral"`
	Person   *referral.Person    `json:"person"`
	Needs    []referral.NeedItem `json:"needs"`
	NHS      sp.NHSNumber        `json:"nhsNumber"`
	Plan     plan.Plan           `json:"plan"`
	internal referral.Person
}

// TestMaskedThroughBothHandlers logs slices, maps, pointers and nested structs of the library's
// types through slog's text and JSON handlers, with Masked and through NewMaskingHandler, and
// searches the output for the personal data.
func TestMaskedThroughBothHandlers(t *testing.T) {
	r := sampleReferral(t)
	p := r.Person
	values := []struct {
		name   string
		reason string
		value  any
		want   []string // what the masked form still shows
	}{
		{"slice of referrals", "the JSON handler encoded each as its document", []referral.Referral{r, r}, []string{"ep-2024-0042"}},
		{"map of people", "a map's values are masked, its keys are the caller's", map[string]referral.Person{"first": p}, []string{"first"}},
		{"map keyed by NHS number", "a key of the library's type is printed masked", map[sp.NHSNumber]int{r.Person.NHSNumber: 1}, nil},
		{"slice of NHS numbers", "a slice of a value type", []sp.NHSNumber{r.Person.NHSNumber}, nil},
		{"pointer to a person", "a pointer is followed", &p, nil},
		{"slice of needs", "free text in a need without its own LogValue", r.Needs, []string{"loneliness-isolation"}},
		{"caller's struct", "fields by JSON name, each masked; unexported fields left out",
			record{Label: "batch 7", Referral: r, Person: &p, Needs: r.Needs, NHS: r.Person.NHSNumber, internal: p}, []string{"batch 7", "label"}},
		{"slice of caller's structs", "two levels of containers", []record{{Label: "x", Referral: r}}, []string{"ep-2024-0042"}},
		{"any holding a map", "an interface is followed", map[string]any{"r": r, "n": []any{p}}, nil},
	}
	handlers := []struct {
		name string
		make func(*bytes.Buffer) slog.Handler
	}{
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }},
		{"json", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }},
	}
	for _, h := range handlers {
		for _, v := range values {
			for _, how := range []string{"Masked", "NewMaskingHandler", "WithAttrs", "group"} {
				t.Run(h.name+"/"+v.name+"/"+how, func(t *testing.T) {
					var b bytes.Buffer
					var logger *slog.Logger
					switch how {
					case "Masked":
						logger = slog.New(h.make(&b))
						logger.Info("m", "v", sp.Masked(v.value))
					case "NewMaskingHandler":
						logger = slog.New(sp.NewMaskingHandler(h.make(&b)))
						logger.Info("m", "v", v.value)
					case "WithAttrs":
						logger = slog.New(sp.NewMaskingHandler(h.make(&b))).With("v", v.value)
						logger.Info("m")
					case "group":
						logger = slog.New(sp.NewMaskingHandler(h.make(&b))).WithGroup("g")
						logger.LogAttrs(context.Background(), slog.LevelInfo, "m", slog.Group("inner", slog.Any("v", v.value)))
					}
					out := b.String()
					for _, s := range logSecrets {
						if strings.Contains(out, s) {
							t.Errorf("log line shows %q (%s):\n%s", s, v.reason, out)
						}
					}
					for _, s := range v.want {
						if !strings.Contains(out, s) {
							t.Errorf("log line lacks %q, which is not personal data:\n%s", s, out)
						}
					}
				})
			}
		}
	}
}

// TestUnmaskedJSONHandlerLeaks shows what Masked is for: without it, slog's JSON handler encodes a
// slice of referrals as JSON, NHS number included. If this starts to fail, slog has changed and the
// helper's documentation should say so.
func TestUnmaskedJSONHandlerLeaks(t *testing.T) {
	r := sampleReferral(t)
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", []referral.Referral{r})
	if !strings.Contains(b.String(), "9434765919") {
		t.Fatalf("the JSON handler no longer encodes a slice of referrals as JSON:\n%s", b.String())
	}
}

// TestMaskedShapes checks the structure Masked gives plain values, through the JSON handler.
func TestMaskedShapes(t *testing.T) {
	type inner struct {
		N int `json:"n"`
	}
	type embedded struct {
		E string `json:"e"`
	}
	type outer struct {
		embedded
		A    []inner        `json:"a"`
		M    map[string]int `json:"m"`
		Skip string         `json:"-"`
		Nil  *inner         `json:"nil"`
		None []int          `json:"none"`
		Raw  []byte         `json:"raw"`
	}
	tests := []struct {
		name   string
		reason string
		value  any
		want   string
	}{
		{"struct", "fields by JSON name; an embedded struct's promoted; json:\"-\" left out; nil is null; empty is []; bytes are counted",
			outer{embedded: embedded{"x"}, A: []inner{{1}, {2}}, M: map[string]int{"b": 2, "a": 1}, Skip: "s", Raw: []byte("secret")},
			`"v":{"e":"x","a":{"0":{"n":1},"1":{"n":2}},"m":{"a":1,"b":2},"nil":null,"none":[],"raw":"6 bytes"}`},
		{"nil", "nothing to log", nil, `"v":null`},
		{"date", "a value type prints its String", sp.MustParseDate("2024-05-13"), `"v":"2024-05-13"`},
		{"number", "a basic value as it is", 42, `"v":42`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", sp.Masked(tt.value))
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("got %s\nwant it to contain %s (%s)", b.String(), tt.want, tt.reason)
			}
		})
	}
}

// TestMaskedCycle: a value that refers to itself is cut off, not walked forever.
func TestMaskedCycle(t *testing.T) {
	type node struct {
		Next *node `json:"next"`
	}
	n := &node{}
	n.Next = n
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", sp.Masked(n))
	if !strings.Contains(b.String(), "…") {
		t.Errorf("a cyclic value was not cut off: %s", b.String())
	}
}

// TestMaskedAnyNesting: however the library's types are wrapped — slices, maps, pointers, structs,
// interfaces, in any order — Masked through the JSON handler shows none of their personal data.
func TestMaskedAnyNesting(t *testing.T) {
	r := sampleReferral(t)
	bases := []any{r, r.Person, r.Person.NHSNumber, r.Needs, &r}
	type box struct {
		V any `json:"v"`
	}
	rapid.Check(t, func(rt *rapid.T) {
		v := rapid.SampledFrom(bases).Draw(rt, "base")
		for range rapid.IntRange(0, 5).Draw(rt, "layers") {
			switch rapid.IntRange(0, 4).Draw(rt, "wrap") {
			case 0:
				v = []any{v}
			case 1:
				v = map[string]any{"k": v}
			case 2:
				w := v
				v = &w
			case 3:
				v = box{v}
			case 4:
				v = [1]any{v}
			}
		}
		var b bytes.Buffer
		slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", sp.Masked(v))
		for _, s := range logSecrets {
			if strings.Contains(b.String(), s) {
				rt.Fatalf("log line shows %q:\n%s", s, b.String())
			}
		}
	})
}
