package bus_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/bus"
)

// TestAlertStreamRemembersIDsForADay: the alert stream keeps event ids for deduplication far
// longer than the article streams, so that an alert published again by a worker resuming it
// hours later is still dropped as a duplicate.
func TestAlertStreamRemembersIDsForADay(t *testing.T) {
	_, url := connect(t)
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for stream, want := range map[string]time.Duration{bus.StreamAlerts: bus.AlertDuplicateWindow, bus.StreamEnriched: 5 * time.Minute} {
		s, err := js.Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.CachedInfo().Config.Duplicates; got != want {
			t.Errorf("%s duplicate window %s; want %s", stream, got, want)
		}
	}
}
