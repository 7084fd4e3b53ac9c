package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
)

// Issue #20: the status view said "0 failed · all healthy" with one dead letter. /api/status's
// failures now count the dead-letter stream and, where alerts are delivered, the dead-lettered deliveries.
func TestFailureReportCountsDeadLettersAndFailedDeliveries(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(t.TempDir(), "nats")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.ClientURL()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if f := failureReport(ctx, b, nil); f.DeadLetters != 0 || f.Deliveries != nil || len(f.Errors) > 0 {
		t.Fatalf("fresh bus: %+v", f)
	}
	if _, err := b.Publish(ctx, bus.SubjectDeadPrefix+"extract", "a1.dead.extract", []byte(`{}`), map[string]string{"Newsmon-Dead-Reason": "test"}); err != nil {
		t.Fatal(err)
	}
	// Failed deliveries are the Deliverer's dead-lettered events (pkg/alert's delivery tests count
	// them); a process that delivers nothing reports none.
	f := failureReport(ctx, b, nil)
	if f.DeadLetters != 1 || f.Deliveries != nil || len(f.Errors) > 0 {
		t.Errorf("after one dead letter: %+v", f)
	}
}
