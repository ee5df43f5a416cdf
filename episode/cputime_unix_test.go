//go:build unix

package episode

import "syscall"

// cpuTime returns the processor time this process has used, in nanoseconds, so that a benchmark
// can report its cost on a machine shared with other work (wall time then measures the machine).
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
