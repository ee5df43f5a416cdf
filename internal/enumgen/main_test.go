package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one word", "Role", "role"},
		{"two words", "AccessNeed", "access need"},
		{"initialism inside", "ONS4Item", "ons4 item"},
		{"initialism at the end", "StatusNHS", "status nhs"},
	}
	for _, tc := range tests {
		if got := words(tc.in); got != tc.want {
			t.Errorf("%s: words(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// The committed enums_gen.go of every package is what the generator makes now.
func TestGeneratedFilesUpToDate(t *testing.T) {
	for _, dir := range []string{"../..", "../../coding", "../../referral", "../../plan", "../../outcomes", "../../workforce", "../../episode"} {
		want, err := generate(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		got, err := os.ReadFile(filepath.Join(dir, output))
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s/%s is stale: run go generate ./...", dir, output)
		}
	}
}

func TestRefusesMalformedEnums(t *testing.T) {
	tests := []struct {
		name, reason, src, want string
	}{
		{"prefix", "a constant must be named after its type", "type Colour string\n\nconst Red Colour = \"red\"\n", "must be named Colour followed by its value"},
		{"duplicate", "two constants cannot share a value", "type Colour string\n\nconst (\n\tColourRed Colour = \"red\"\n\tColourScarlet Colour = \"red\"\n)\n", "repeats the value"},
		{"not a string", "only string types are enums", "type Colour int\n\nconst ColourRed Colour = 1\n", "not a string type"},
		{"no constants", "an enum needs values", "type Colour string\n", "has no constants"},
		{"space in a value", "values are single tokens", "type Colour string\n\nconst ColourRed Colour = \"dark red\"\n", "without spaces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := "package p\n\n// Colour is a colour.\n//\n//enum:list Colours\n" + tc.src
			if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := generate(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q; reason: %s", err, tc.want, tc.reason)
			}
		})
	}
}

func TestGeneratesInDeclarationOrder(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\n// Colour is a colour.\n//\n//enum:list Colours warm first\ntype Colour string\n\nconst (\n\tColourRed Colour = \"red\"\n\tColourBlue Colour = \"blue\"\n)\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"var colours = [...]Colour{ColourRed, ColourBlue}",
		"// Colours returns every Colour, warm first.",
		`"p: colour: not one of the defined values (red, blue): %w", sp.ErrInvalid`,
		"case \"blue\":\n\t\t*c = ColourBlue",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("generated code lacks %q:\n%s", want, out)
		}
	}
}
