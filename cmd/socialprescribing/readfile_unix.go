//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// readFileInto reads the named file into buf, growing it as needed, and returns the bytes read.
// Unlike os.ReadFile it makes no attempt to register the file with the runtime's poller (five
// system calls a file that a regular file always refuses) and does not stat it: open, read to
// the end, close. The caller owns buf and may reuse it once done with the result.
func readFileInto(name string, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return buf, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return buf, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}
