//go:build unix

package money

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: on a shared, loaded machine a benchmark's wall
// time measures the neighbours, its CPU time measures the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
