//go:build !unix

package eval

import "time"

// ProcessCPU is not measured on this platform; callers fall back to wall time.
func ProcessCPU() time.Duration { return 0 }
