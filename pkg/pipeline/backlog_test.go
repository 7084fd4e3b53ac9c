package pipeline

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

func TestBacklogGate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		backlogs []uint64 // successive readings; the last one repeats
		exists   bool
		err      error
		waits    bool // whether wait must see a reading at or under max before returning
	}{
		{"under the limit", []uint64{10}, true, nil, false},
		{"over, then drained", []uint64{500, 300, 50}, true, nil, true},
		{"no extract or index stage yet", []uint64{1 << 20}, false, nil, false},
		{"backlog unreadable", []uint64{1 << 20}, true, errors.New("nats down"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var reads atomic.Int32
			g := &backlogGate{max: 100, log: slog.New(slog.DiscardHandler),
				pending: func(context.Context) (uint64, bool, error) {
					i := min(int(reads.Add(1))-1, len(tc.backlogs)-1)
					return tc.backlogs[i], tc.exists, tc.err
				}}
			start := time.Now()
			if err := g.wait(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := int(reads.Load()); tc.waits && got != len(tc.backlogs) {
				t.Errorf("returned after %d readings; want %d (the first at or under the limit)", got, len(tc.backlogs))
			}
			if !tc.waits && time.Since(start) > backlogCheckEvery {
				t.Errorf("waited %v; want no wait", time.Since(start))
			}
		})
	}
}

func TestBacklogGateStopsWithContext(t *testing.T) {
	g := &backlogGate{max: 1, log: slog.New(slog.DiscardHandler),
		pending: func(context.Context) (uint64, bool, error) { return 1000, true, nil }}
	ctx, cancel := context.WithTimeout(context.Background(), 3*backlogCheckEvery)
	defer cancel()
	if err := g.wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait = %v; want the context's error", err)
	}
	var nilGate *backlogGate // MaxBacklog < 0: no gate
	if err := nilGate.wait(context.Background()); err != nil {
		t.Fatalf("nil gate: %v", err)
	}
}
