package bus_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

// streamHolds waits until stream holds want messages.
func streamHolds(t *testing.T, b *bus.Bus, stream string, want uint64) {
	t.Helper()
	testutil.Eventually(t, 20*time.Second, func() error {
		n, err := b.StreamMessages(context.Background(), stream)
		if err != nil || n != want {
			return fmt.Errorf("%s holds %d messages (%v), want %d", stream, n, err, want)
		}
		return nil
	})
}

// publishN publishes prefix00, prefix01, … as messages and ids on the fetched subject.
func publishN(t *testing.T, b *bus.Bus, prefix string, n int) {
	t.Helper()
	for i := range n {
		id := fmt.Sprintf("%s%02d", prefix, i)
		if _, err := b.Publish(context.Background(), bus.SubjectFetched, id, []byte(id), nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestQueueStreamsKeepOnlyWhatIsNotHandled: a consume loop removes the messages its stage has
// acknowledged, up to the first one still in flight (here held while its dependency is down), and
// nothing after it, acknowledged or not; once that one is handled the stream is empty.
func TestQueueStreamsKeepOnlyWhatIsNotHandled(t *testing.T) {
	for _, mode := range consumeModes {
		t.Run(mode.name, func(t *testing.T) {
			b, _ := connect(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			publishN(t, b, "m", 20)
			var down atomic.Bool
			down.Store(true)
			done := make(chan error, 1)
			go func() {
				done <- mode.consume(ctx, b, fastConsumer("queue"), func(_ context.Context, d bus.Delivery) error {
					if string(d.Data) == "m07" && down.Load() {
						return bus.Unavailable(errors.New("index down"))
					}
					return nil
				})
			}()
			streamHolds(t, b, bus.StreamFetched, 13) // m07 (held) to m19 stay
			down.Store(false)
			streamHolds(t, b, bus.StreamFetched, 0)
			publishN(t, b, "late", 3) // handled as the loop stops
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			// Whatever the loop acknowledged before stopping is removed when it stops.
			n, err := b.StreamMessages(context.Background(), bus.StreamFetched)
			if err != nil {
				t.Fatal(err)
			}
			pending, err := b.Pending(context.Background(), bus.StreamFetched)
			if err != nil {
				t.Fatal(err)
			}
			if p := pending["queue"]; n != p[0]+p[1] {
				t.Errorf("stopped: stream holds %d messages, %d waiting + %d unacknowledged; want only those", n, p[0], p[1])
			}
		})
	}
}

// TestRemoveHandledKeepsWhatAConsumerStillNeeds: without consumers (the stage has not started
// yet) nothing is removed, and a message stays until every consumer of the stream has handled it.
func TestRemoveHandledKeepsWhatAConsumerStillNeeds(t *testing.T) {
	b, _ := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	publishN(t, b, "m", 5)
	if err := b.RemoveHandled(ctx, bus.StreamFetched); err != nil {
		t.Fatal(err)
	}
	streamHolds(t, b, bus.StreamFetched, 5)
	if err := b.EnsureConsumer(ctx, fastConsumer("slow")); err != nil {
		t.Fatal(err)
	}
	var handled atomic.Int64
	go func() {
		_ = b.Consume(ctx, fastConsumer("fast"), func(context.Context, bus.Delivery) error {
			handled.Add(1)
			return nil
		})
	}()
	testutil.Eventually(t, 10*time.Second, func() error {
		p, err := b.Pending(ctx, bus.StreamFetched)
		if err != nil || p["fast"] != [2]uint64{0, 0} || handled.Load() != 5 {
			return fmt.Errorf("fast consumer: %v handled %d (%v)", p["fast"], handled.Load(), err)
		}
		return nil
	})
	if err := b.RemoveHandled(ctx, bus.StreamFetched); err != nil {
		t.Fatal(err)
	}
	streamHolds(t, b, bus.StreamFetched, 5) // "slow" has handled none of them
}

// TestStreamsOfAnOlderVersionAreUpdatedInPlace: streams and buckets made by a version that kept
// every article for 7 days and compressed nothing are updated where they are, with no message
// lost: records become compressed, and the first consume loop on a queue stream removes what
// the old workers had handled and keeps what they had not.
func TestStreamsOfAnOlderVersionAreUpdatedInPlace(t *testing.T) {
	_, url := connect(t) // a server; this connection made the current streams: start over
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, name := range []string{bus.StreamFetched, bus.StreamAlerts} {
		if err := js.DeleteStream(ctx, name); err != nil {
			t.Fatal(err)
		}
	}
	old := []jetstream.StreamConfig{
		{Name: bus.StreamFetched, Subjects: []string{bus.SubjectFetched}, MaxAge: 7 * 24 * time.Hour},
		{Name: bus.StreamAlerts, Subjects: []string{bus.SubjectAlertPrefix + ">"}, MaxAge: 30 * 24 * time.Hour, Duplicates: 24 * time.Hour},
	}
	for _, sc := range old {
		sc.Storage, sc.Retention = jetstream.FileStorage, jetstream.LimitsPolicy
		if _, err := js.CreateStream(ctx, sc); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: bus.BucketCrawl, Storage: jetstream.FileStorage}); err != nil {
		t.Fatal(err)
	}
	// The old extract workers handled the first 6 of 10 articles.
	for i := range 10 {
		if _, err := js.Publish(ctx, bus.SubjectFetched, []byte(fmt.Sprintf("m%02d", i)), jetstream.WithMsgID(fmt.Sprintf("m%02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	oldCons, err := js.CreateOrUpdateConsumer(ctx, bus.StreamFetched, jetstream.ConsumerConfig{Durable: "extract",
		AckPolicy: jetstream.AckExplicitPolicy, FilterSubject: bus.SubjectFetched})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := oldCons.Fetch(6)
	if err != nil {
		t.Fatal(err)
	}
	for m := range batch.Messages() {
		if err := m.DoubleAck(ctx); err != nil {
			t.Fatal(err)
		}
	}

	b, err := bus.Connect(ctx, bus.Config{URL: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.KV(ctx, bus.BucketCrawl, 0); err != nil {
		t.Fatal(err)
	}
	for stream, want := range map[string]jetstream.StoreCompression{bus.StreamAlerts: jetstream.S2Compression,
		"KV_" + bus.BucketCrawl: jetstream.S2Compression, bus.StreamFetched: jetstream.NoCompression} {
		s, err := js.Stream(ctx, stream)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.CachedInfo().Config.Compression; got != want {
			t.Errorf("%s compression %v, want %v", stream, got, want)
		}
	}
	streamHolds(t, b, bus.StreamFetched, 10) // connecting removes nothing

	// The new worker takes over the durable; its handler is held (index down) at first.
	var down atomic.Bool
	down.Store(true)
	go func() {
		_ = b.Consume(ctx, fastConsumer("extract"), func(context.Context, bus.Delivery) error {
			if down.Load() {
				return bus.Unavailable(errors.New("down"))
			}
			return nil
		})
	}()
	streamHolds(t, b, bus.StreamFetched, 4)
	down.Store(false)
	streamHolds(t, b, bus.StreamFetched, 0)
}
