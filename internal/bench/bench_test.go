package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// A small site goes through the whole embedded pipeline: every article becomes searchable and
// alerts (the bench rule matches every English article), and the report has its lines.
func TestSizesRunsTheWholePipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("starts NATS, bleve and the full extractor chain")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, progress bytes.Buffer
	limited := false
	opts := Options{Seed: 1, Workers: 2, Batch: 10, DataDir: t.TempDir(), LimitMemory: func() { limited = true }}
	if err := Sizes(ctx, opts, []int{20}, &out, &progress); err != nil {
		t.Fatalf("Sizes: %v\n%s", err, progress.String())
	}
	if !limited {
		t.Error("Run did not call LimitMemory")
	}
	for _, want := range []string{
		"bench: 20 generated articles (flood: every article available at once), 2 extract workers (chains at once: default), index batch 10,",
		"bench: 20 articles in ",
		"bench: fetch→searchable p50=",
		"bench: fetch→alert p50=",
		"BenchmarkPipeline/articles=20 1 ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "(0 alerts)") {
		t.Errorf("no article alerted:\n%s", out.String())
	}
	if !strings.Contains(progress.String(), "bench: site of 20 articles rendered in ") {
		t.Errorf("progress lacks the rendering line: %q", progress.String())
	}
}
