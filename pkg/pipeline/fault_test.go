package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// outageIndex fails every Put while down is set, like a full disk or an unreachable cluster.
type outageIndex struct {
	index.Index
	down     atomic.Bool
	attempts atomic.Int64
}

func (o *outageIndex) Put(ctx context.Context, batch []*article.Article) error {
	o.attempts.Add(1)
	if o.down.Load() {
		return errors.New("write index segment: no space left on device")
	}
	return o.Index.Put(ctx, batch)
}

// TestFaultIndexBackendDown: while the index fails, the indexer backs off and JetStream holds the
// backlog (nothing acknowledged, nothing dead-lettered); when it returns, everything is indexed.
func TestFaultIndexBackendDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	blv, err := blevebackend.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer blv.Close()
	idx := &outageIndex{Index: blv}
	idx.down.Store(true)

	const n = 50
	for i := range n {
		a := &article.Article{ID: fmt.Sprintf("a%02d", i), URL: fmt.Sprintf("https://example.com/%d", i),
			Title: fmt.Sprintf("Story %d", i), Text: "Flooding in Nairobi displaced families.", Language: "en", Fetched: time.Now()}
		a.Normalize()
		data, _ := json.Marshal(a)
		if _, err := b.Publish(ctx, bus.SubjectEnriched, a.ID+".enriched", data, nil); err != nil {
			t.Fatal(err)
		}
	}
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil), MaxDeliver: 2, Backoff: 20 * time.Millisecond, AckWait: time.Second}
	done := make(chan error, 1)
	go func() { done <- stages.RunIndex(ctx, idx, nil, 10) }()

	// Far more attempts than MaxDeliver allows for ordinary failures: an outage must not count.
	testutil.Eventually(t, 20*time.Second, func() error {
		if a := idx.attempts.Load(); a < 8 {
			return fmt.Errorf("%d index attempts during the outage", a)
		}
		return nil
	})
	pending, err := b.Pending(ctx, bus.StreamEnriched)
	if err != nil {
		t.Fatal(err)
	}
	if p := pending[pipeline.DurableIndex]; p[0]+p[1] != n {
		t.Errorf("during the outage JetStream holds %d waiting + %d in flight, want all %d", p[0], p[1], n)
	}
	if dead, _ := b.StreamMessages(ctx, bus.StreamDead); dead != 0 {
		t.Fatalf("%d articles dead-lettered during a backend outage", dead)
	}

	idx.down.Store(false)
	testutil.Eventually(t, 30*time.Second, func() error {
		if c, err := blv.Count(ctx); err != nil || c != n {
			return fmt.Errorf("indexed %d of %d (%v)", c, n, err)
		}
		return nil
	})
	testutil.Eventually(t, 10*time.Second, func() error {
		p, err := b.Pending(ctx, bus.StreamEnriched)
		if err != nil {
			return err
		}
		if q := p[pipeline.DurableIndex]; q[0]+q[1] != 0 {
			return fmt.Errorf("still %d waiting, %d unacknowledged", q[0], q[1])
		}
		return nil
	})
	if dead, _ := b.StreamMessages(ctx, bus.StreamDead); dead != 0 {
		t.Errorf("%d dead letters after recovery, want 0", dead)
	}
	t.Logf("FAULT %-34s accepted=%d indexed=%d dead_lettered=0 duplicates=0 (index attempts during outage ≥ 8)", "index backend down (disk full)", n, n)
	cancel()
	<-done
}
