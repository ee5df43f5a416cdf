package socialprescribing_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	sp "github.com/socialprescribing/go-socialprescribing"
)

// The parsers' error messages name the category of the problem and nothing of the input, so every
// error is one of a few fixed messages, taken here from inputs with no personal data.
var (
	dateMessages = messagesOf(func(s string) error { _, err := sp.ParseDate(s); return err }, "x", "2024-02-30")
	nhsMessages  = messagesOf(func(s string) error { _, err := sp.ParseNHSNumber(s); return err }, "x", "0000000001", "1000000010")
)

func messagesOf(parse func(string) error, inputs ...string) []string {
	var out []string
	for _, in := range inputs {
		out = append(out, parse(in).Error())
	}
	return out
}

func constantMessage(err error, msgs []string) bool { return slices.Contains(msgs, err.Error()) }

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "1900-02-29", "0001-01-01", "9999-12-31", "2024-2-01", "+2024-02-01", " 2024-02-01", "2024-02-30", "", "0000-00-00", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := sp.ParseDate(s)
		if err != nil {
			if !errors.Is(err, sp.ErrSyntax) && !errors.Is(err, sp.ErrInvalid) {
				t.Fatalf("ParseDate(%q) error %v wraps neither ErrSyntax nor ErrInvalid", s, err)
			}
			if !constantMessage(err, dateMessages) {
				t.Fatalf("ParseDate(%q) error %q is not one of the fixed messages: it may quote the input", s, err)
			}
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %v with an error", s, d)
			}
			return
		}
		if got := d.String(); got != s {
			t.Fatalf("ParseDate(%q).String() = %q, want the input back", s, got)
		}
		if !d.IsValid() || d.Day() > d.DaysInMonth() || d.Year() < 1 || d.Year() > 9999 {
			t.Fatalf("ParseDate(%q) = %v, not a real date", s, d)
		}
		if got := d.AddDays(0); got != d {
			t.Fatalf("AddDays(0) = %v, want %v", got, d)
		}
	})
}

func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{"9434765919", "6541003238", "943 476 5919", "1000000060", "1000000010", "9434765918", "9434 765 919", "", "943476591X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := sp.ParseNHSNumber(s)
		d := onlyDigits(s)
		if err != nil {
			if !errors.Is(err, sp.ErrSyntax) && !errors.Is(err, sp.ErrInvalid) {
				t.Fatalf("ParseNHSNumber(%q) error %v wraps neither ErrSyntax nor ErrInvalid", s, err)
			}
			if !constantMessage(err, nhsMessages) {
				t.Fatalf("ParseNHSNumber(%q) error %q is not one of the fixed messages: it may quote the input", s, err)
			}
			if n.IsValid() {
				t.Fatalf("ParseNHSNumber(%q) returned a number with an error", s)
			}
			return
		}
		if d != n.Digits() || (s != d && s != spaced(d)) {
			t.Fatalf("ParseNHSNumber(%q) accepted a form other than 10 digits or 3-3-4, digits %q", s, n.Digits())
		}
		if c := modulus11(d[:9]); c < 0 || int(d[9]-'0') != c {
			t.Fatalf("ParseNHSNumber(%q) accepted a number that fails Modulus 11 (check %d)", s, c)
		}
		if leaks(n.String()+n.GoString(), d) {
			t.Fatalf("printed forms show the number")
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{}`,
		`{"name":"x","age":-3,"small":-128,"count":65535,"ratio":1.5e3,"ratio32":0.25,"score":0,"active":true,"born":"2024-02-29","nhsNumber":"9434765919","severity":"info","at":"2024-02-01T10:00:00Z","tags":["a",""],"a":[{"b":1},{"b":2,"c":"z"}],"meta":{"k":1},"sub":{"b":0},"pair":[1,2],"dates":{"d":"2000-02-29"}}`,
		`{"Name":"x","name":"y","name":null}`,
		`{"a":[{"b":1,"b":2,"x":[{}]}]}`,
		`{"ratio32":1e39,"age":1e2,"count":-1}`,
		`{"born":"2024-02-30","nhsNumber":"943 476 5919","severity":"Error"}`,
		`{"name":"x"} {}`,
		`{"tags":["a",]}`,
		`[`,
		``,
		`{"name":"a\"b\\c\u00e9\ud83d\ude00\ud800\udc00\ud800x","tags":[],"meta":{},"raw":"aGVsbG8=","counts":{"error":1}}`,
		"{\"name\":\"\\u00ff\xff\",\"dates\":{\"\xff\":\"2024-02-29\"},\"raw\":[1,2]}",
		`{"at":"2024-02-01T10:00:00\u005a","ratio":1e-400,"age":-0,"score":7}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v testDoc
		err := sp.Decode(data, &v)
		if err != nil {
			var ve *sp.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) == 0 {
				t.Fatalf("Decode error %v is not a non-empty *ValidationError", err)
			}
			if diff := cmp.Diff(testDoc{}, v, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("v changed on error (-want +got):\n%s", diff)
			}
			return
		}
		var ref testDoc
		if err := json.Unmarshal(data, &ref); err != nil {
			t.Fatalf("Decode accepted %q, which encoding/json rejects: %v", data, err)
		}
		// Decode fills the value itself; it must be exactly encoding/json's (nil and empty differ).
		if diff := cmp.Diff(ref, v); diff != "" {
			t.Fatalf("Decode(%q) differs from encoding/json (-json +Decode):\n%s", data, diff)
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("re-encoding a decoded document: %v", err)
		}
		var w testDoc
		if err := sp.Decode(again, &w); err != nil {
			t.Fatalf("Decode(%s) of a re-encoded document: %v", again, err)
		}
		if diff := cmp.Diff(v, w, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("decode → encode → decode changed the value (-first +second):\n%s", diff)
		}
	})
}
