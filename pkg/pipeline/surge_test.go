package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// TestSurgeAlertThroughIndexStage runs the index stage on the real embedded JetStream and a bleve
// index with a surge rule: a week of one flood story a day, then a burst. The burst fires exactly
// one surge alert, on the stream and the forwarded feed; a restarted index worker (new matcher,
// same KV buckets and index) does not fire it again while the surge goes on.
func TestSurgeAlertThroughIndexStage(t *testing.T) {
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
	rulesKV, err := b.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		t.Fatal(err)
	}
	firedKV, err := b.ExpiringKV(ctx, bus.BucketAlertFired)
	if err != nil {
		t.Fatal(err)
	}
	rules := alert.NewStore(rulesKV)
	rule, err := rules.Put(ctx, alert.Rule{Name: "flood surge", Text: "flooding", Kind: alert.KindSurge, Factor: 3,
		Baseline: "7d", Window: "24h", MinArticles: 5, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var forwarded, counted []alert.Event
	indexed := 0
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil), MaxDeliver: 5, Backoff: 10 * time.Millisecond,
		AckWait: 5 * time.Second,
		OnIndexed: func(*article.Article, time.Time) {
			mu.Lock()
			indexed++
			mu.Unlock()
		},
		OnAlert: func(_ *article.Article, ev alert.Event, _ time.Time) {
			mu.Lock()
			counted = append(counted, ev)
			mu.Unlock()
		}}
	if err := stages.ForwardAlerts(ctx, 0, func(ev alert.Event) {
		mu.Lock()
		forwarded = append(forwarded, ev)
		mu.Unlock()
	}); err != nil {
		t.Fatal(err)
	}
	// worker runs an index worker with a matcher of its own until stop is called.
	worker := func() (stop func()) {
		wctx, wcancel := context.WithCancel(ctx)
		matcher := alert.NewMatcher(alert.NewStore(rulesKV), firedKV, nil, alert.WithStoryBands(alert.NewMemoryKV()))
		done := make(chan error, 1)
		go func() { done <- stages.RunIndex(wctx, blv, matcher, 4) }()
		return func() {
			wcancel()
			if err := <-done; err != nil && wctx.Err() == nil {
				t.Errorf("RunIndex: %v", err)
			}
		}
	}
	now := time.Now().UTC()
	n := 0
	publish := func(published time.Time) {
		t.Helper()
		n++
		a := &article.Article{ID: fmt.Sprintf("flood%02d", n), URL: fmt.Sprintf("https://example.com/flood/%d", n),
			Title: fmt.Sprintf("Flooding report %d", n), Text: "Flooding in the river district again.",
			Language: "en", Fetched: now, Published: &published}
		a.Normalize()
		data, _ := json.Marshal(a)
		if _, err := b.Publish(ctx, bus.SubjectEnriched, a.ID+".enriched", data, nil); err != nil {
			t.Fatal(err)
		}
	}
	// settled waits until every published article is indexed and acknowledged, then reports the
	// alerts stored on the bus.
	settled := func() uint64 {
		t.Helper()
		var stored uint64
		err := testutil.Poll(20*time.Second, func() error {
			p, err := b.Pending(ctx, bus.StreamEnriched)
			if err != nil {
				return err
			}
			if stored, err = b.StreamMessages(ctx, bus.StreamAlerts); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			if q := p[pipeline.DurableIndex]; q[0]+q[1] != 0 || indexed < n || len(forwarded) < int(stored) {
				return fmt.Errorf("%d articles unacknowledged, %d of %d indexed, %d of %d alerts forwarded",
					q[0]+q[1], indexed, n, len(forwarded), stored)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return stored
	}

	stop := worker()
	// A normal week: one story a day, then four in the last hours (≥ 3 × the normal 1 a day,
	// but fewer than min_articles 5): no alert.
	for d := 7; d >= 1; d-- {
		publish(now.Add(-time.Duration(d)*24*time.Hour - time.Hour))
	}
	for i := range 4 {
		publish(now.Add(-time.Duration(4-i) * time.Minute))
	}
	if stored := settled(); stored != 0 {
		t.Fatalf("%d alerts before the surge reached min_articles; want 0", stored)
	}
	// The surge: six more. Exactly one alert.
	for range 6 {
		publish(now)
	}
	if stored := settled(); stored != 1 {
		t.Fatalf("%d alerts stored for one surge; want 1", stored)
	}
	mu.Lock()
	ev := forwarded[0]
	if s := ev.Surge; ev.Kind != alert.KindSurge || ev.RuleID != rule.ID || s == nil || s.Recent < 5 || s.BaselineCount != 7 ||
		s.BaselineRate != 1 || s.Factor != 3 || len(s.Stories) != s.Recent || len(counted) != 1 || counted[0].ID != ev.ID {
		t.Errorf("forwarded %+v (surge %+v), counted %d; want one surge event of %s with 7 baseline articles", ev, ev.Surge, len(counted), rule.ID)
	}
	mu.Unlock()

	// A restart while the surge goes on: more stories, no second alert.
	stop()
	stop = worker()
	defer stop()
	for range 3 {
		publish(now)
	}
	if stored := settled(); stored != 1 {
		t.Errorf("%d alerts stored after a restart in the surge; want still 1", stored)
	}
}
