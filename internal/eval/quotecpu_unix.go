//go:build unix

package eval

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time this process has used so far (user + system). Throughput measured
// with it stays meaningful on a machine shared with other work, where wall time does not.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
