// Command gen writes the JSON Schemas of every registered document type to schema/v1, deleting
// stale files. It is run by `go generate ./schema/...` from the schema directory.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/socialprescribing/go-socialprescribing/schema"
)

func main() {
	files, err := schema.Generate("..")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dir := "v1"
	old, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range old {
		if _, keep := files[filepath.Base(f)]; !keep && strings.HasSuffix(f, ".json") {
			if err := os.Remove(f); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
