package pipeline_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/bus/bustest"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// TestArticleSink: an imported article goes on the fetched stream as a crawled one would; the
// same article again, and the same text under another address, are told apart as duplicates.
func TestArticleSink(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: bustest.JetStream(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	store, err := b.KV(ctx, bus.BucketCrawl, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	stages := &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(nil)}
	sink := stages.ArticleSink(store)
	a := article.FromText("Officials in Lyon said the bridge would reopen.", "https://example.com/lyon", time.Now())
	other := article.FromText("Officials in Lyon said the bridge would reopen.", "https://mirror.example.net/lyon", time.Now())
	for i, c := range []struct {
		a    *article.Article
		want pipeline.Outcome
	}{{a, pipeline.Published}, {a, pipeline.DuplicateMessage}, {other, pipeline.DuplicateContent}} {
		got, err := sink(ctx, c.a)
		if err != nil || got != c.want {
			t.Errorf("step %d: outcome %v, %v; want %v", i, got, err, c.want)
		}
	}
	if n, err := b.StreamMessages(ctx, bus.StreamFetched); err != nil || n != 1 {
		t.Errorf("fetched stream holds %d messages (%v), want 1", n, err)
	}
}
