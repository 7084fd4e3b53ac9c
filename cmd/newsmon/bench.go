package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/geo"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// cmdBench runs a generated news site through the embedded pipeline (httptest site → crawl →
// NATS → extract → NATS → index + alerts) and reports throughput, latencies and memory.
func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", stderr)
	n := fs.Int("articles", 5000, "articles on the generated site")
	seed := fs.Int64("seed", 1, "generator seed (same seed, same site)")
	workers := fs.Int("workers", 4*runtime.GOMAXPROCS(0), "extract workers")
	batch := fs.Int("batch", 200, "index batch size")
	timeout := fs.Duration("timeout", 30*time.Minute, "give up after this long")
	dataDir := fs.String("data", "", "folder for NATS and the index (default: a temporary folder, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n <= 0 {
		return usageError{errors.New("--articles must be > 0")}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()

	startup := time.Now()
	dir := *dataDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsmon-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	site := httptest.NewServer(demo.Generated(*n, *seed))
	defer site.Close()

	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats")})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.ClientURL()}, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	idx, err := blevebackend.Open(filepath.Join(dir, "index"))
	if err != nil {
		return err
	}
	defer idx.Close()
	gaz, err := geo.Default()
	if err != nil {
		return err
	}
	metrics := pipeline.NewMetrics(nil)
	chain, err := buildChain(extractorNames, gaz, nil)
	if err != nil {
		return err
	}
	crawlKV, err := b.KV(ctx, bus.BucketCrawl, 0)
	if err != nil {
		return err
	}
	rulesKV, err := b.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		return err
	}
	firedKV, err := b.KV(ctx, bus.BucketAlertFired, 0)
	if err != nil {
		return err
	}
	rules := alert.NewStore(rulesKV)
	// One rule every English article matches, so every article also measures the alert path.
	if _, err := rules.Put(ctx, alert.Rule{ID: "bench-all-english", Name: "bench", Lang: []string{"en"}, Enabled: true}); err != nil {
		return err
	}
	matcher := alert.NewMatcher(rules, firedKV, nil)

	var mu sync.Mutex
	var searchable, alerted []time.Duration
	var lastIndexed time.Time
	done := make(chan struct{})
	stages := &pipeline.Stages{Bus: b, Metrics: metrics,
		OnIndexed: func(a *article.Article, at time.Time) {
			mu.Lock()
			defer mu.Unlock()
			searchable = append(searchable, at.Sub(a.Fetched))
			lastIndexed = at
			if len(searchable) == *n {
				close(done)
			}
		},
		OnAlert: func(a *article.Article, _ alert.Event, at time.Time) {
			mu.Lock()
			alerted = append(alerted, at.Sub(a.Fetched))
			mu.Unlock()
		},
	}
	cfg := crawl.DefaultConfig()
	cfg.PerHostInterval = 0
	cfg.PerHostConcurrency = 16
	cfg.Concurrency = 16
	var sources []crawl.Source
	for i, p := range demo.GeneratedFeedPaths(*n) {
		sources = append(sources, crawl.Source{Name: "bench-" + strconv.Itoa(i+1), Kind: crawl.KindFeed, URL: site.URL + p})
	}
	crawler, err := crawl.New(cfg, sources, crawlKV, stages.CrawlSink(crawlKV), nil, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bench: %d generated articles, %d extract workers, index batch %d, GOMAXPROCS %d; start-up %.2fs\n",
		*n, *workers, *batch, runtime.GOMAXPROCS(0), time.Since(startup).Seconds())

	g, gctx := errgroup.WithContext(ctx)
	start := time.Now()
	g.Go(func() error { return crawler.Run(gctx) })
	g.Go(func() error { return stages.RunExtract(gctx, chain, *workers) })
	g.Go(func() error { return stages.RunIndex(gctx, idx, matcher, *batch) })
	progress := time.NewTicker(5 * time.Second)
	defer progress.Stop()
	var waitErr error
wait:
	for {
		select {
		case <-done:
			break wait
		case <-progress.C:
			mu.Lock()
			fmt.Fprintf(stderr, "bench: %d/%d indexed after %.0fs\n", len(searchable), *n, time.Since(start).Seconds())
			mu.Unlock()
		case <-gctx.Done():
			waitErr = fmt.Errorf("bench stopped before every article was indexed: %w", context.Cause(gctx))
			break wait
		}
	}
	cancel()
	_ = g.Wait()
	if waitErr != nil {
		return waitErr
	}
	mu.Lock()
	defer mu.Unlock()
	elapsed := lastIndexed.Sub(start)
	fmt.Fprintf(stdout, "bench: %d articles in %.2fs: %.1f articles/s\n", len(searchable), elapsed.Seconds(), float64(len(searchable))/elapsed.Seconds())
	fmt.Fprintf(stdout, "bench: fetch→searchable p50=%s p99=%s max=%s\n", pct(searchable, 50), pct(searchable, 99), pct(searchable, 100))
	fmt.Fprintf(stdout, "bench: fetch→alert p50=%s p99=%s (%d alerts)\n", pct(alerted, 50), pct(alerted, 99), len(alerted))
	fmt.Fprintf(stdout, "bench: peak RSS %s\n", peakRSS())
	return nil
}

// pct returns the p-th percentile (nearest rank) of ds, rounded for printing.
func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "n/a"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	i = min(max(i-1, 0), len(s)-1)
	return s[i].Round(time.Millisecond).String()
}

// peakRSS reads the process's high-water resident set size from /proc (Linux).
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				if kb, err := strconv.Atoi(f[1]); err == nil {
					return fmt.Sprintf("%.0f MB", float64(kb)/1024)
				}
			}
		}
	}
	return "unknown"
}
