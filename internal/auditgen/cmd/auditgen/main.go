// Command auditgen writes a large, valid ARRS audit input document for the audit command's
// benchmarks, one PCN, member of staff or claim a line:
//
//	go run ./internal/auditgen/cmd/auditgen -claims 150000 > claims-150k.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/socialprescribing/go-socialprescribing/internal/auditgen"
)

func main() {
	claims := flag.Int("claims", 150_000, "number of claims (a multiple of 60)")
	flag.Parse()
	if *claims <= 0 || *claims%60 != 0 {
		fmt.Fprintln(os.Stderr, "auditgen: -claims must be a positive multiple of 60")
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := auditgen.Write(w, auditgen.Input(*claims/60)); err != nil {
		fmt.Fprintln(os.Stderr, "auditgen:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "auditgen:", err)
		os.Exit(1)
	}
}
