package referral_test

import (
	"encoding/json"
	"os"
	"testing"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/internal/benchcmp"
	"github.com/socialprescribing/go-socialprescribing/internal/validation"
	"github.com/socialprescribing/go-socialprescribing/referral"
)

func loadTypical(b *testing.B) []byte {
	data, err := os.ReadFile("testdata/valid/referral.typical.json")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkDecode is the strict decode of the typical referral (about 700 bytes of JSON).
func BenchmarkDecode(b *testing.B) {
	data := loadTypical(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var r referral.Referral
		if err := sp.Decode(data, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate is Validate on the same referral, decoded once; the target is at most a
// quarter of BenchmarkDecode.
func BenchmarkValidate(b *testing.B) {
	data := loadTypical(b)
	var r referral.Referral
	if err := sp.Decode(data, &r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateVsDecode times Validate against the strict decode of the same referral, call by
// call in one run (target: Validate at most a quarter of decode, the "validate/decode" metric).
func BenchmarkValidateVsDecode(b *testing.B) {
	data := loadTypical(b)
	var r referral.Referral
	if err := sp.Decode(data, &r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	benchcmp.Interleaved(b,
		"validate", func() {
			if err := r.Validate(); err != nil {
				b.Fatal(err)
			}
		},
		"decode", func() {
			var d referral.Referral
			if err := sp.Decode(data, &d); err != nil {
				b.Fatal(err)
			}
		})
}

// BenchmarkUnmarshal is plain encoding/json on the same document, for scale.
func BenchmarkUnmarshal(b *testing.B) {
	data := loadTypical(b)
	b.ReportAllocs()
	for b.Loop() {
		var r referral.Referral
		if err := json.Unmarshal(data, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply is one lifecycle transition (a deep copy plus an append).
func BenchmarkApply(b *testing.B) {
	r := sample()
	e := ev(referral.EventKindAccept, at(14, 9))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Apply(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateTagsOnly runs only the validator's tags over the same referral, to split
// Validate's cost between validator/v10 and the package's own cross-field checks.
func BenchmarkValidateTagsOnly(b *testing.B) {
	data := loadTypical(b)
	var r referral.Referral
	if err := sp.Decode(data, &r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := validation.Struct("referral.Referral", &r).Err(); err != nil {
			b.Fatal(err)
		}
	}
}
