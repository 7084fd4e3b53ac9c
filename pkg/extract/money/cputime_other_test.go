//go:build !unix

package money

import "time"

func cpuTime() time.Duration { return 0 }
