package schema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// TestFormatAsAnnotation runs the invalid date and date-time fixtures through the schemas compiled
// as draft 2020-12 has it by default, with format an annotation only: the patterns must still reject
// them. A fixture with a date of no such day (30 February) is left out: the calendar is the
// format's to check, and Go's.
func TestFormatAsAnnotation(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, n := range Names() {
		b, _ := Get(n)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(BaseID+n+".json", doc); err != nil {
			t.Fatal(err)
		}
	}
	dayLike := regexp.MustCompile(`"([0-9]{4}-[0-9]{2}-[0-9]{2})`)
	checked := 0
	for _, f := range fixtures(t) {
		if f.valid || f.goOnly || f.rule != "date" && f.rule != "date-time" {
			continue
		}
		data, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		noSuchDay := false
		for _, m := range dayLike.FindAllSubmatch(data, -1) {
			noSuchDay = noSuchDay || !dayExists(string(m[1]))
		}
		if noSuchDay {
			continue // the calendar is the format's to check
		}
		t.Run(filepath.Base(f.path), func(t *testing.T) {
			s, err := c.Compile(BaseID + f.doc.Name + ".json")
			if err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if s.Validate(inst) == nil {
				t.Errorf("the schema without format assertion accepts %s", f.path)
			}
		})
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d date and date-time fixtures checked", checked)
	}
}

// genTimeLike draws strings near the form of an RFC 3339 date-time: each part may be out of range,
// short, or replaced by what people write instead.
func genTimeLike(t *rapid.T) string {
	num := func(label string, lo, hi, width int) string {
		n := rapid.IntRange(lo, hi).Draw(t, label)
		if rapid.IntRange(0, 9).Draw(t, label+"-short") == 0 {
			return fmt.Sprint(n)
		}
		return fmt.Sprintf("%0*d", width, n)
	}
	s := num("year", 0, 9999, 4) + "-" + num("month", 0, 13, 2) + "-" + num("day", 0, 32, 2)
	s += rapid.SampledFrom([]string{"T", "T", "T", "t", " "}).Draw(t, "sep")
	s += num("hour", 0, 25, 2) + ":" + num("minute", 0, 61, 2) + ":" + num("second", 0, 61, 2)
	s += rapid.SampledFrom([]string{"", "", ".5", ".123456789", ",5", "."}).Draw(t, "fraction")
	switch rapid.IntRange(0, 3).Draw(t, "zone") {
	case 0:
		s += rapid.SampledFrom([]string{"Z", "z", ""}).Draw(t, "z")
	default:
		s += rapid.SampledFrom([]string{"+", "-"}).Draw(t, "sign") + num("offset-hour", 0, 25, 2) +
			rapid.SampledFrom([]string{":", ":", ""}).Draw(t, "colon") + num("offset-minute", 0, 61, 2)
	}
	return s
}

// TestDateTimeGoAgreesWithPattern: the strict decoder accepts a time.Time exactly when the schema's
// pattern matches it and the day exists (which the format checks), so that what Go accepts the schema
// accepts and the other way round.
func TestDateTimeGoAgreesWithPattern(t *testing.T) {
	pattern := regexp.MustCompile(dateTimePattern)
	rapid.Check(t, func(t *rapid.T) {
		s := genTimeLike(t)
		var v struct {
			At time.Time `json:"at"`
		}
		goOK := sp.Decode([]byte(`{"at":"`+s+`"}`), &v) == nil
		dayOK := pattern.MatchString(s) && dayExists(s[:10])
		if goOK != dayOK {
			t.Fatalf("%q: Go accepts %v, the pattern with a real day %v", s, goOK, dayOK)
		}
	})
}

// TestDateGoAgreesWithPattern: a date Go accepts matches the pattern; one the pattern matches, with a
// real day in the years Go supports (1–9999), Go accepts.
func TestDateGoAgreesWithPattern(t *testing.T) {
	pattern := regexp.MustCompile(datePattern)
	rapid.Check(t, func(t *rapid.T) {
		s := genTimeLike(t)
		s = s[:rapid.IntRange(8, min(12, len(s))).Draw(t, "cut")]
		_, err := sp.ParseDate(s)
		goOK := err == nil
		want := pattern.MatchString(s) && dayExists(s) && s[:4] != "0000"
		if goOK != want {
			t.Fatalf("%q: Go accepts %v, the pattern with a real day %v", s, goOK, want)
		}
	})
}

// dayExists reports whether YYYY-MM-DD names a day of the proleptic Gregorian calendar, by the
// standard library's calendar.
func dayExists(s string) bool {
	d, err := time.Parse("2006-01-02", s)
	return err == nil && d.Format("2006-01-02") == s
}
