package pipeline_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// TestForwardAlertsReplaysHistoryOnce: a process that starts forwarding (the API after a restart)
// first gets the last alerts the stream kept, oldest first, then the new ones; an event published
// again under its id (a redelivered worker) is forwarded once.
func TestForwardAlertsReplaysHistoryOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil)}
	for i := range 5 {
		if err := stages.PublishAlert(ctx, alert.Event{ID: fmt.Sprintf("r%d.s%d", i%2, i), RuleID: fmt.Sprintf("r%d", i%2)}); err != nil {
			t.Fatal(err)
		}
	}

	var mu sync.Mutex
	var got []string
	if err := stages.ForwardAlerts(ctx, 3, func(ev alert.Event) {
		mu.Lock()
		got = append(got, ev.ID)
		mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	// A redelivered worker publishes r1.s3 again; then a new alert comes.
	for _, ev := range []alert.Event{{ID: "r1.s3", RuleID: "r1"}, {ID: "r0.s5", RuleID: "r0"}} {
		if err := stages.PublishAlert(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"r0.s2", "r1.s3", "r0.s4", "r0.s5"}
	err = testutil.Poll(10*time.Second, func() error {
		mu.Lock()
		defer mu.Unlock()
		if len(got) < len(want) {
			return fmt.Errorf("forwarded %v; want %v", got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Anything forwarded twice would have arrived with the last one.
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(got, want) {
		t.Errorf("forwarded %v; want %v", got, want)
	}
}
