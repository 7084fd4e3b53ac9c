package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// panicFirst panics on the first article it sees, then tags articles, counting the chains
// running at once.
type panicFirst struct {
	calls, running, peak atomic.Int64
}

func (p *panicFirst) Name() string { return "panic-first" }

func (p *panicFirst) Extract(_ context.Context, a *article.Article) error {
	now := p.running.Add(1)
	defer p.running.Add(-1)
	for old := p.peak.Load(); now > old && !p.peak.CompareAndSwap(old, now); old = p.peak.Load() {
	}
	if p.calls.Add(1) == 1 {
		panic("extractor bug")
	}
	time.Sleep(2 * time.Millisecond) // long enough for workers to overlap if the limit failed
	a.Language = "xx"
	return nil
}

// TestExtractChainLimitSurvivesPanics: the chain runs at most ExtractCPU at once, and a
// panicking extractor does not keep its slot (which would stall the stage).
func TestExtractChainLimitSurvivesPanics(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const n = 20
	for i := range n {
		a := &article.Article{ID: fmt.Sprintf("a%02d", i), URL: fmt.Sprintf("https://example.com/%d", i),
			Title: "t", Text: "Some text.", Fetched: time.Now()}
		data, _ := json.Marshal(a)
		if _, err := b.Publish(ctx, bus.SubjectFetched, a.ID+".fetched", data, nil); err != nil {
			t.Fatal(err)
		}
	}
	ex := &panicFirst{}
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil), MaxDeliver: 3,
		Backoff: 10 * time.Millisecond, AckWait: 2 * time.Second, ExtractCPU: 1}
	done := make(chan error, 1)
	go func() { done <- stages.RunExtract(ctx, extract.NewChain(nil, ex), 4) }()
	testutil.Eventually(t, 20*time.Second, func() error {
		got, err := b.StreamMessages(ctx, bus.StreamEnriched)
		if err != nil || got != n {
			return fmt.Errorf("%d of %d articles enriched (%v)", got, n, err)
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Errorf("RunExtract returned %v, want nil after ctx ends", err)
	}
	if got := ex.peak.Load(); got != 1 {
		t.Errorf("peak chains at once %d, want 1 (ExtractCPU)", got)
	}
	if dead, _ := b.StreamMessages(context.Background(), bus.StreamDead); dead != 0 {
		t.Errorf("%d dead letters, want 0 (the panic is retried)", dead)
	}
}
