package validation_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
)

func TestPointer(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		ns     string
		want   string
	}{
		{"type only", "the document itself is the empty pointer", "Referral", ""},
		{"field", "the type name is dropped", "Referral.received", "/received"},
		{"nested", "struct in struct", "Referral.person.nhsNumber", "/person/nhsNumber"},
		{"slice item", "[0] becomes a token", "Referral.needs[0]", "/needs/0"},
		{"slice item field", "a field of a slice item", "Plan.goals[3].title", "/goals/3/title"},
		{"nested slices", "two indexes in a row", "Grid.rows[1][2]", "/rows/1/2"},
		{"deep", "slices and structs mixed", "Episode.plan.goals[0].steps[12].due", "/plan/goals/0/steps/12/due"},
		{"map key", "a map key is a token", "Doc.meta[weekly]", "/meta/weekly"},
		{"map key field", "a field under a map value", "Doc.offers[gym].name", "/offers/gym/name"},
		{"map key slash", "RFC 6901 escapes / as ~1", "Doc.meta[a/b]", "/meta/a~1b"},
		{"map key tilde", "RFC 6901 escapes ~ as ~0", "Doc.meta[a~b]", "/meta/a~0b"},
		{"map key with dot", "a dot inside brackets is part of the key", "Doc.meta[v1.2]", "/meta/v1.2"},
		{"map key with dot then field", "a dotted key followed by a field", "Doc.offers[a.b].name", "/offers/a.b/name"},
		{"map key with space", "keys are taken as written", "Doc.meta[two words]", "/meta/two words"},
		{"empty map key", "an empty key is a valid token", "Doc.meta[]", "/meta/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := validation.Pointer(tt.ns); got != tt.want {
				t.Errorf("Pointer(%q) = %q, want %q (%s)", tt.ns, got, tt.want, tt.reason)
			}
		})
	}
}

type item struct {
	Title string `json:"title" validate:"required"`
}

// Base is embedded: encoding/json promotes its fields, so its errors have no /Base segment.
type Base struct {
	ID string `json:"id" validate:"required"`
}

type Named struct {
	Label string `json:"label" validate:"required"`
}

type sample struct {
	Base
	*Named `json:"named"`
	Name   string          `json:"name" validate:"required"`
	Items  []item          `json:"items" validate:"required,min=1,dive"`
	Meta   map[string]item `json:"meta" validate:"dive"`
	Count  int             `json:"count" validate:"gte=0,lte=10"`
	Plain  string          `validate:"max=3"`
}

func TestStructPaths(t *testing.T) {
	s := sample{
		Items: []item{{Title: "a"}, {}},
		Meta:  map[string]item{"v1.2": {}},
		Count: 11,
		Plain: "long",
		Named: &Named{Label: ""},
	}
	err := validation.Struct("validation_test.sample", &s).Err()
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Struct error = %v, want a *ValidationError", err)
	}
	type ruleAt struct{ Path, Rule string }
	var got []ruleAt
	for _, fe := range ve.Errors {
		got = append(got, ruleAt{fe.Path, fe.Rule})
		if errors.Is(fe, sp.ErrRequired) != (fe.Rule == "required") {
			t.Errorf("%v: ErrRequired should be wrapped exactly by required", fe)
		}
	}
	want := []ruleAt{
		{"/Plain", "max"},
		{"/count", "lte"},
		{"/id", "required"},
		{"/items/1/title", "required"},
		{"/meta/v1.2/title", "required"},
		{"/name", "required"},
		{"/named/label", "required"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths and rules (-want +got):\n%s", diff)
	}
	if ve.Type != "validation_test.sample" {
		t.Errorf("Type = %q", ve.Type)
	}
	if err := validation.Struct("x", &sample{Base: Base{ID: "i"}, Name: "n", Items: []item{{Title: "t"}}}).Err(); err != nil {
		t.Errorf("valid sample: %v", err)
	}
}
