//go:build race

package testutil

// Race reports whether the race detector is on; it slows code five to twenty times, so tests
// that bound wall-clock time widen their bound with SlowFactor.
const Race = true
