package coding_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/coding"
)

func FuzzParseSCTID(f *testing.F) {
	for _, s := range []string{
		"871731000000106", "871711000000103", "718466001", "138875005", "900000000000207008",
		"2148514019", "144487025", "108642591000036118", "100005", "871731000000107", "0718466001",
		"71846603", "100108", "", "x", "９９９９９９", "9999999999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := coding.ParseSCTID(s)
		if valid := refValidSCTID(s); valid != (err == nil) {
			t.Fatalf("ParseSCTID(%q) error = %v, reference says valid = %v", s, err, valid)
		}
		if err != nil {
			if !errors.Is(err, coding.ErrMalformed) && !errors.Is(err, coding.ErrCheckDigit) {
				t.Fatalf("ParseSCTID(%q) error = %v, want ErrMalformed or ErrCheckDigit", s, err)
			}
			if id.IsValid() {
				t.Fatalf("ParseSCTID(%q) returned %v with its error", s, id)
			}
			return
		}
		if id.String() != s {
			t.Fatalf("String() = %q, want %q", id.String(), s)
		}
		if got, want := string(id.Partition()), refPartition(s); got != want {
			t.Fatalf("Partition() = %q, want %q", got, want)
		}
		if ns, _ := id.Namespace(); ns != refNamespace(s) {
			t.Fatalf("Namespace() = %q, want %q", ns, refNamespace(s))
		}
		if c, err := coding.VerhoeffCheckDigit(s[:len(s)-1]); err != nil || c != s[len(s)-1] {
			t.Fatalf("VerhoeffCheckDigit(%q) = %q, %v, want %q", s[:len(s)-1], c, err, s[len(s)-1])
		}
	})
}

func FuzzActivityRecord(f *testing.F) {
	for _, s := range []string{
		`{"episodeId":"EP-1","event":"referral-accepted","workerRole":"social-prescribing-link-worker","contactDate":"2024-05-01","codedOn":"2024-05-03","codes":["871731000000106"]}`,
		`{"episodeId":"EP-2","event":"ongoing-contact","workerRole":"care-coordinator","contactDate":"2024-02-29"}`,
		`{"episodeId":"EP-3","event":"referral-declined","workerRole":"social-prescribing-link-worker","contactDate":"9999-12-30","codedOn":"9999-12-31","codes":["871711000000103","718466001"]}`,
		`{"episodeId":"EP-4","event":"administrative-task","workerRole":"health-and-wellbeing-coach","contactDate":"2024-01-01","codes":[]}`,
		`{"episodeId":"","event":"referral-accepted","workerRole":"social-prescribing-link-worker","contactDate":"0001-01-01","codedOn":"0001-01-01","codes":["871731000000107"]}`,
		`{"episodeId":"EP-1","event":"referral-accepted","workerRole":"social-prescribing-link-worker","contactDate":"2024-05-01","codes":["871731000000106"]}`,
		`{"episodeId":"EP-1"}`, `{}`, `[]`, `null`, `{"episodeId":1}`,
	} {
		f.Add([]byte(s))
	}
	asOf := sp.MustParseDate("2024-06-30")
	f.Fuzz(func(t *testing.T, data []byte) {
		var r coding.ActivityRecord
		if err := sp.Decode(data, &r); err != nil {
			var ve *sp.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Decode error %v is not a *ValidationError", err)
			}
			return
		}
		verr := r.Validate()
		// Checking never panics, valid or not.
		fs := coding.CheckRecording([]coding.ActivityRecord{r, r}, asOf)
		if (verr != nil) != (len(fs) > 0 && fs[0].Rule == coding.RuleInvalidRecord) {
			t.Fatalf("Validate() = %v but CheckRecording gave %v", verr, fs)
		}
		out, err := json.Marshal(r)
		if verr != nil {
			return // an invalid record (a zero contact date, say) need not marshal
		}
		if err != nil {
			t.Fatalf("json.Marshal of a valid record: %v", err)
		}
		var back coding.ActivityRecord
		if err := sp.Decode(out, &back); err != nil {
			t.Fatalf("Decode of the re-encoded record %s: %v", out, err)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("re-decoded record does not validate: %v", err)
		}
		if diff := cmp.Diff(r, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-decoded +re-decoded):\n%s", diff)
		}
	})
}
