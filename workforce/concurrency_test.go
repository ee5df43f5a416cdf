package workforce_test

import (
	"bytes"
	"encoding/json"
	"sync"
	"testing"

	"github.com/socialprescribing/go-socialprescribing/workforce"
)

// TestAuditConcurrentAndPure runs audits of one shared input and ruleset at once (run with -race)
// and checks that none changes the input or differs from the others.
func TestAuditConcurrentAndPure(t *testing.T) {
	t.Parallel()
	in := benchInputN(10)
	in.Claims = append(in.Claims, in.Claims[5]) // a duplicate
	before, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	rules := workforce.DefaultRules()
	want, _ := workforce.Audit(in, rules).JSON()
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = workforce.Audit(in, rules).JSON()
		}()
	}
	wg.Wait()
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("audit %d differs from the first", i)
		}
	}
	after, _ := json.Marshal(in)
	if !bytes.Equal(before, after) {
		t.Errorf("Audit changed its input")
	}
}
