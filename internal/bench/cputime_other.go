//go:build !unix

package bench

import "time"

// cpuTime returns -1: this system has no getrusage (bench then reports no CPU time).
func cpuTime() time.Duration { return -1 }
