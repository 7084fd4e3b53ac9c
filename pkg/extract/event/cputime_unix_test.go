//go:build unix

package event

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user+system) this process has used: on a shared machine it measures
// the stage's cost where wall time measures the neighbours too.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
