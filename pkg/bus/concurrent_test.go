package bus_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

func TestConsumeConcurrentRunsWorkersAtOnceAndAcksEachMessageOnce(t *testing.T) {
	b, _ := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const total, workers = 60, 4
	for i := range total {
		if _, err := b.Publish(ctx, bus.SubjectFetched, fmt.Sprintf("m%d", i), []byte("x"), nil); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	seen := map[string]int{}
	var running, peak atomic.Int64
	done := make(chan error, 1)
	go func() {
		done <- b.ConsumeConcurrent(ctx, fastConsumer("concurrent"), workers, func(_ context.Context, d bus.Delivery) error {
			now := running.Add(1)
			defer running.Add(-1)
			for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
			}
			time.Sleep(5 * time.Millisecond) // long enough for the workers to overlap
			mu.Lock()
			seen[d.MsgID]++
			mu.Unlock()
			return nil
		})
	}()
	testutil.Eventually(t, 10*time.Second, func() error {
		pending, err := b.Pending(ctx, bus.StreamFetched)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		if got := pending["concurrent"]; len(seen) != total || got != [2]uint64{0, 0} {
			return fmt.Errorf("handled %d of %d, pending/unacked %v", len(seen), total, got)
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("ConsumeConcurrent returned %v, want nil after ctx ends", err)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("message %s handled %d times, want 1", id, n)
		}
	}
	if got := peak.Load(); got < 2 || got > workers {
		t.Errorf("peak concurrency %d, want 2..%d", got, workers)
	}
}

// benchArticle is about the size of an average fetched article on the bus (~4 KB of text + JSON).
var benchArticle = func() []byte {
	b := make([]byte, 5<<10)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return b
}()

// BenchmarkPublish measures one durable, deduplicated publish of an article-sized message
// (embedded JetStream, file storage) — the per-article cost of each hand-over between stages.
func BenchmarkPublish(b *testing.B) {
	bb, _ := connect(b)
	ctx := context.Background()
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	i := 0
	cpu0 := cpuTime()
	for b.Loop() {
		i++
		if _, err := bb.Publish(ctx, bus.SubjectFetched, fmt.Sprintf("bench-%d", i), benchArticle, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkConsume measures fetching, handling (no work) and acknowledging one article-sized
// message: one at a time per fetch (how the extract stage consumed before), in batches, and with
// 8 workers sharing fetches (ConsumeConcurrent, how the extract stage consumes now).
func BenchmarkConsume(b *testing.B) {
	cases := []struct {
		name    string
		batch   int
		consume func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error
	}{
		{"Consume/batch=1", 1, func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error {
			return b.Consume(ctx, cfg, h)
		}},
		{"Consume/batch=10", 10, func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error {
			return b.Consume(ctx, cfg, h)
		}},
		{"ConsumeConcurrent/workers=8", 0, func(ctx context.Context, b *bus.Bus, cfg bus.ConsumerConfig, h bus.Handler) error {
			return b.ConsumeConcurrent(ctx, cfg, 8, h)
		}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			bb, _ := connect(b)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := b.N
			for i := range n {
				if _, err := bb.Publish(ctx, bus.SubjectFetched, fmt.Sprintf("bench-%d", i), benchArticle, nil); err != nil {
					b.Fatal(err)
				}
			}
			cfg := fastConsumer("bench")
			cfg.Batch = tc.batch
			var handled atomic.Int64
			all := make(chan struct{})
			b.SetBytes(int64(len(benchArticle)))
			b.ResetTimer()
			cpu0 := cpuTime()
			go func() {
				_ = tc.consume(ctx, bb, cfg, func(context.Context, bus.Delivery) error {
					if handled.Add(1) == int64(n) {
						close(all)
					}
					return nil
				})
			}()
			<-all
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(n), "cpu-ns/op")
			cancel()
		})
	}
}

// cpuTime returns the user+system CPU time the process has used (Linux; 0 elsewhere): on a
// shared machine, CPU per message is what the bus costs, whatever the neighbours do to wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
