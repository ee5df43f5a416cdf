//go:build !unix

package main

import "os"

// readFileInto reads the named file; buf is not used.
func readFileInto(name string, buf []byte) ([]byte, error) { return os.ReadFile(name) }
