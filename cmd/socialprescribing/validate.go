package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	sp "github.com/socialprescribing/go-socialprescribing"
	"github.com/socialprescribing/go-socialprescribing/schema"
)

// validate checks each file as a document of the named type and prints one line per file, then one
// line per broken rule (path, rule and cause; never a value from the document). The file "-" is
// standard input.
//
// Files are read and checked in parallel by a bounded pool of workers, and reported in the order
// given, through one buffered writer. A file that cannot be read is reported on stderr and the rest
// are still checked; the status is then 2, else 1 when a document is invalid, else 0.
func validate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 2 {
		fmt.Fprint(stderr, "usage: socialprescribing validate NAME FILE...   (FILE - is standard input)\nNAME is one of:\n  "+strings.Join(schema.Names(), "\n  ")+"\n")
		return 2
	}
	name, files := args[0], args[1:]
	if _, err := schema.Get(name); err != nil {
		fmt.Fprintf(stderr, "socialprescribing validate: no document type %q; one of:\n  %s\n", name, strings.Join(schema.Names(), "\n  "))
		return 2
	}
	if os.Getenv("GOGC") == "" {
		// Checking a document allocates a few kilobytes that die with it, and the live heap stays
		// small (a window of reports and one buffer a worker): collect a quarter as often.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	readStdin := stdinOnce(stdin)
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	status := 0
	newWorker := func() func(string) result {
		c := &checker{name: name, stdin: readStdin, buf: make([]byte, 0, 16<<10)}
		return c.check
	}
	checkAll(files, newWorker, func(r result) {
		if r.readErr != nil {
			// stderr is not buffered: what went before it on stdout is flushed first, so that the
			// two streams interleave in the order of the files on a terminal.
			_ = out.Flush()
			fmt.Fprintln(stderr, "socialprescribing validate:", r.readErr)
			status = 2
			return
		}
		_, _ = out.Write(r.out)
		if !r.valid && status == 0 {
			status = 1
		}
	})
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "socialprescribing validate:", err)
		return 2
	}
	return status
}

// result is the report of one file.
type result struct {
	out     []byte // the lines for stdout
	valid   bool
	readErr error // the file could not be read
}

// checker reads and validates files, one at a time, with a buffer of its own.
type checker struct {
	name  string
	stdin func() ([]byte, error)
	buf   []byte
}

// check reads and validates one file. The document's bytes are done with when it returns, so the
// buffer is reused for the next file.
func (c *checker) check(file string) result {
	var data []byte
	var err error
	if file == "-" {
		data, err = c.stdin()
	} else {
		c.buf, err = readFileInto(file, c.buf)
		data = c.buf
	}
	if err != nil {
		return result{readErr: err}
	}
	name := c.name
	err = schema.ValidateDocument(name, data)
	if err == nil {
		return result{out: []byte(file + ": valid " + name + "\n"), valid: true}
	}
	var b strings.Builder
	var ve *sp.ValidationError
	if !errors.As(err, &ve) {
		b.WriteString(file + ": invalid: " + err.Error() + "\n")
		return result{out: []byte(b.String())}
	}
	b.WriteString(file + ": invalid " + name + " (" + strconv.Itoa(len(ve.Errors)) + ")\n")
	for _, fe := range ve.Errors {
		b.WriteString("  " + fe.Error() + "\n")
	}
	return result{out: []byte(b.String())}
}

// stdinOnce returns what reads standard input: once, however often "-" is named.
func stdinOnce(stdin io.Reader) func() ([]byte, error) {
	return sync.OnceValues(func() ([]byte, error) {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return b, nil
	})
}

// checkAll runs work over every file on a bounded pool of goroutines, each with the function
// newWorker returns for it, and hands each result to emit,
// in the order of files, from the calling goroutine. At most a fixed window of files is in flight
// or waiting to be emitted, so memory does not grow with the number of files when one is slow.
func checkAll(files []string, newWorker func() func(string) result, emit func(result)) {
	workers := min(runtime.GOMAXPROCS(0)*2, len(files))
	window := workers * 8
	if workers <= 1 {
		work := newWorker()
		for _, f := range files {
			emit(work(f))
		}
		return
	}
	// slots[i%window] carries the result of file i; a slot is reused only after it was emitted,
	// which the dispatcher learns from free.
	slots := make([]chan result, window)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	free := make(chan struct{}, window)
	for range window {
		free <- struct{}{}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		work := newWorker()
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i%window] <- work(files[i])
			}
		}()
	}
	go func() {
		for i := range files {
			<-free
			jobs <- i
		}
		close(jobs)
	}()
	for i := range files {
		emit(<-slots[i%window])
		free <- struct{}{}
	}
	wg.Wait()
}
