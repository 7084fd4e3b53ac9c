package testutil

import (
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"
)

func TestPollReturnsOnceTheConditionHolds(t *testing.T) {
	t.Parallel()
	calls := 0
	err := Poll(time.Minute, func() error {
		if calls++; calls < 3 {
			return fmt.Errorf("call %d", calls)
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("Poll = %v after %d calls; want nil after 3", err, calls)
	}
}

func TestPollGivesUpWithTheLastError(t *testing.T) {
	t.Parallel()
	start := time.Now()
	err := Poll(30*time.Millisecond, func() error { return errors.New("not yet") })
	if err == nil || err.Error() != "not yet" {
		t.Errorf("Poll = %v; want the condition's error", err)
	}
	if waited := time.Since(start); waited < 30*time.Millisecond {
		t.Errorf("Poll gave up after %s, before its timeout", waited)
	}
}

// fatalT records a Fatalf instead of ending the test that runs it.
type fatalT struct {
	testing.TB
	msg string
}

func (f *fatalT) Helper() {}

func (f *fatalT) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestEventuallyFailsAfterTheTimeout(t *testing.T) {
	t.Parallel()
	f := &fatalT{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Eventually(f, 10*time.Millisecond, func() error { return errors.New("queue not empty") })
	}()
	<-done
	if f.msg != "after 10ms: queue not empty" {
		t.Errorf("Eventually failed with %q; want the timeout and the condition's error", f.msg)
	}
}
