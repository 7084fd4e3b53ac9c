// Package testutil holds what the tests of several packages share: waiting for a condition until
// a deadline, so that no test sleeps a fixed time and hopes. It is imported only by _test files.
package testutil

import (
	"testing"
	"time"
)

// maxPollInterval caps the wait between two polls; the first polls come sooner, so a condition
// that holds at once costs about a millisecond, one that takes a while no more than a few polls a
// tenth of a second.
const maxPollInterval = 25 * time.Millisecond

// Eventually calls cond until it returns nil, and fails t with cond's last error if timeout passes
// first. The timeout is a bound for a slow machine, not a wait: the call returns as soon as cond holds.
func Eventually(t testing.TB, timeout time.Duration, cond func() error) {
	t.Helper()
	if err := Poll(timeout, cond); err != nil {
		t.Fatalf("after %s: %v", timeout, err)
	}
}

// Poll calls cond until it returns nil or timeout passes, and returns cond's last error (nil if it
// held). For callers that must not end the test from where they run, such as a goroutine.
func Poll(timeout time.Duration, cond func() error) error {
	deadline := time.Now().Add(timeout)
	interval := time.Millisecond
	for {
		err := cond()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(interval) // the poll interval, bounded by the deadline
		interval = min(2*interval, maxPollInterval)
	}
}

// SlowFactor is how much longer than normal code takes in this test binary: 10 under the race
// detector, else 1. A test that bounds wall-clock time (to catch quadratic work) multiplies its
// bound by it.
func SlowFactor() int {
	if Race {
		return 10
	}
	return 1
}
