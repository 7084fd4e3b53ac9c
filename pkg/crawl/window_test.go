package crawl

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestHostWindowsBoundWaitersPerHost(t *testing.T) {
	var w hostWindows
	ctx := context.Background()
	var releases []func()
	for range 3 {
		release, err := w.acquire(ctx, "a.example", 3)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
	// Another host has slots of its own.
	if release, err := w.acquire(ctx, "b.example", 3); err != nil {
		t.Fatal(err)
	} else {
		release()
	}
	// The fourth waiter on a full host waits until a slot comes back.
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := w.acquire(short, "a.example", 3); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("acquire on a full host = %v; want to wait until the context ends", err)
	}
	got := make(chan error, 1)
	go func() {
		release, err := w.acquire(ctx, "a.example", 3)
		if err == nil {
			release()
		}
		got <- err
	}()
	releases[0]()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a released slot was not handed to the waiter")
	}
}
