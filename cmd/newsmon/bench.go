package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// benchOptions are the knobs of one embedded-pipeline run.
type benchOptions struct {
	articles int
	seed     int64
	workers  int
	batch    int
	rate     float64 // article pages released per second by the site; 0 = all at once (a flood)
	cpu      int     // extractor chains run at once (0: the pipeline's default)
	dataDir  string
}

// benchResult is what one run measured.
type benchResult struct {
	articles   int
	rate       float64
	elapsed    time.Duration // first fetch request → last article searchable
	cpu        time.Duration // process user+system CPU time spent in the run
	searchable []time.Duration
	alerted    []time.Duration
	indexedAt  []time.Time // when each article became searchable, in that order
}

// steadyRate is the indexing rate between the 10th and the 90th percentile article: what the
// pipeline sustains, without the ramp-up and the drain at the ends of a run. When the site
// releases articles at a fixed rate, it equals that rate if the pipeline keeps up.
func (r benchResult) steadyRate() float64 {
	n := len(r.indexedAt)
	lo, hi := n/10, n*9/10
	if hi <= lo+1 {
		return 0
	}
	return float64(hi-lo) / r.indexedAt[hi].Sub(r.indexedAt[lo]).Seconds()
}

// cmdBench runs a generated news site through the embedded pipeline (httptest site → crawl →
// NATS → extract → NATS → index + alerts) and reports throughput, latencies and memory.
func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", stderr)
	n := fs.Int("articles", 5000, "articles on the generated site")
	seed := fs.Int64("seed", 1, "generator seed (same seed, same site)")
	workers := fs.Int("workers", 4*runtime.GOMAXPROCS(0), "extract workers")
	extractCPU := fs.Int("extract-cpu", 0, "extractor chains run at once (0: the pipeline's default, GOMAXPROCS-1)")
	batch := fs.Int("batch", 200, "index batch size")
	rate := fs.Float64("rate", 0, "articles/s the generated site releases (a sustained crawl rate); 0 serves them all at once (a flood)")
	sizes := fs.String("sizes", "", "comma-separated article counts, e.g. 1000,5000,20000: one run per size, then the time per article of each (linearity); overrides --articles")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the runs to this file")
	memProfile := fs.String("memprofile", "", "write an allocation profile (at the end) to this file")
	timeout := fs.Duration("timeout", 30*time.Minute, "give up after this long")
	dataDir := fs.String("data", "", "folder for NATS and the index (default: a temporary folder, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	counts := []int{*n}
	if *sizes != "" {
		counts = counts[:0]
		for _, f := range strings.Split(*sizes, ",") {
			v, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || v <= 0 {
				return usageError{fmt.Errorf("--sizes: %q is not a positive count", f)}
			}
			counts = append(counts, v)
		}
	}
	if slices.Min(counts) <= 0 {
		return usageError{errors.New("--articles must be > 0")}
	}
	if *rate < 0 {
		return usageError{errors.New("--rate must be >= 0")}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	var results []benchResult
	for _, c := range counts {
		opts := benchOptions{articles: c, seed: *seed, workers: *workers, batch: *batch, rate: *rate, cpu: *extractCPU, dataDir: *dataDir}
		if *dataDir != "" && len(counts) > 1 {
			opts.dataDir = filepath.Join(*dataDir, strconv.Itoa(c))
		}
		res, err := runBench(ctx, opts, stdout, stderr)
		if err != nil {
			return err
		}
		printBench(stdout, res)
		results = append(results, res)
	}
	if len(results) > 1 {
		base := results[0]
		perBase := base.elapsed.Seconds() / float64(base.articles)
		cpuBase := base.cpu.Seconds() / float64(base.articles)
		for _, r := range results {
			per := r.elapsed.Seconds() / float64(r.articles)
			cpuPer := r.cpu.Seconds() / float64(r.articles)
			fmt.Fprintf(stdout, "bench linearity: %d articles %.2fs wall %.3f ms/article (x%.2f of %d) | %.2fs CPU %.3f CPU-ms/article (x%.2f)\n",
				r.articles, r.elapsed.Seconds(), 1000*per, per/perBase, base.articles, r.cpu.Seconds(), 1000*cpuPer, cpuPer/cpuBase)
		}
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
	}
	return nil
}

func printBench(w io.Writer, r benchResult) {
	fmt.Fprintf(w, "bench: %d articles in %.2fs: %.1f articles/s; steady state (10th–90th percentile article) %.1f articles/s\n",
		r.articles, r.elapsed.Seconds(), float64(r.articles)/r.elapsed.Seconds(), r.steadyRate())
	if r.cpu > 0 {
		// On a shared machine wall time measures the neighbours too; CPU time is what this
		// process spent. GOMAXPROCS cores could sustain about cores/(CPU time per article).
		per := r.cpu.Seconds() / float64(r.articles)
		fmt.Fprintf(w, "bench: CPU %.2fs (%.2f ms/article): %.1f articles per CPU-second, ~%.0f articles/s on %d cores if not shared\n",
			r.cpu.Seconds(), 1000*per, 1/per, float64(runtime.GOMAXPROCS(0))/per, runtime.GOMAXPROCS(0))
	}
	fmt.Fprintf(w, "bench: fetch→searchable p50=%s p99=%s max=%s\n", pct(r.searchable, 50), pct(r.searchable, 99), pct(r.searchable, 100))
	fmt.Fprintf(w, "bench: fetch→alert p50=%s p99=%s (%d alerts)\n", pct(r.alerted, 50), pct(r.alerted, 99), len(r.alerted))
	fmt.Fprintf(w, "bench: peak RSS %s\n", peakRSS())
	// The same figures in Go benchmark format, so that runs can be compared with benchstat.
	name := fmt.Sprintf("BenchmarkPipeline/articles=%d", r.articles)
	if r.rate > 0 {
		name += fmt.Sprintf("/rate=%g", r.rate)
	}
	fmt.Fprintf(w, "%s 1 %d ns/op %.1f articles/s %.1f steady-articles/s %.3f cpu-ms/article %d p50-ms %d p99-ms\n", name, r.elapsed.Nanoseconds(),
		float64(r.articles)/r.elapsed.Seconds(), r.steadyRate(), 1000*r.cpu.Seconds()/float64(r.articles),
		pctDuration(r.searchable, 50).Milliseconds(), pctDuration(r.searchable, 99).Milliseconds())
}

// runBench runs one generated site of opts.articles articles through a fresh embedded pipeline.
func runBench(ctx context.Context, opts benchOptions, stdout, stderr io.Writer) (benchResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	dir := opts.dataDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsmon-bench-")
		if err != nil {
			return benchResult{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	// The site's pages are rendered before the clock starts: the site shares this machine, and
	// only the pipeline's work should count.
	site := httptest.NewUnstartedServer(nil)
	defer site.Close()
	siteDir := filepath.Join(dir, "site")
	if err := os.MkdirAll(siteDir, 0o755); err != nil {
		return benchResult{}, err
	}
	rendering := time.Now()
	handler, err := demo.GeneratedOnDisk(opts.articles, opts.seed, "http://"+site.Listener.Addr().String(), siteDir)
	if err != nil {
		return benchResult{}, err
	}
	fmt.Fprintf(stderr, "bench: site of %d articles rendered in %.1fs\n", opts.articles, time.Since(rendering).Seconds())
	if opts.rate > 0 {
		handler = releaseAtRate(handler, opts.rate)
	}
	site.Config.Handler = handler
	site.Start()

	startup := time.Now()
	limitMemory() // as newsmon run does, so that peak RSS and CPU are those of the service

	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats")})
	if err != nil {
		return benchResult{}, err
	}
	defer srv.Shutdown()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.ClientURL()}, nil)
	if err != nil {
		return benchResult{}, err
	}
	defer b.Close()
	idx, err := blevebackend.Open(filepath.Join(dir, "index"))
	if err != nil {
		return benchResult{}, err
	}
	defer idx.Close()
	metrics := pipeline.NewMetrics(nil)
	chain, _, err := defaultChain()
	if err != nil {
		return benchResult{}, err
	}

	var mu sync.Mutex
	res := benchResult{articles: opts.articles, rate: opts.rate}
	var lastIndexed time.Time
	done := make(chan struct{})
	stages := &pipeline.Stages{Bus: b, Metrics: metrics, ExtractCPU: opts.cpu,
		OnIndexed: func(a *article.Article, at time.Time) {
			mu.Lock()
			defer mu.Unlock()
			res.searchable = append(res.searchable, at.Sub(a.Fetched))
			res.indexedAt = append(res.indexedAt, at)
			lastIndexed = at
			if len(res.searchable) == opts.articles {
				close(done)
			}
		},
		OnAlert: func(a *article.Article, _ alert.Event, at time.Time) {
			mu.Lock()
			res.alerted = append(res.alerted, at.Sub(a.Fetched))
			mu.Unlock()
		},
	}
	var crawled atomic.Int64
	crawler, matcher, err := benchCrawler(ctx, b, opts, site.URL, stages, &crawled)
	if err != nil {
		return benchResult{}, err
	}
	mode := "flood: every article available at once"
	if opts.rate > 0 {
		mode = fmt.Sprintf("site releases %.0f articles/s", opts.rate)
	}
	cpu := "default"
	if opts.cpu > 0 {
		cpu = strconv.Itoa(opts.cpu)
	}
	fmt.Fprintf(stdout, "bench: %d generated articles (%s), %d extract workers (chains at once: %s), index batch %d, GOMAXPROCS %d; start-up %.2fs\n",
		opts.articles, mode, opts.workers, cpu, opts.batch, runtime.GOMAXPROCS(0), time.Since(startup).Seconds())

	g, gctx := errgroup.WithContext(ctx)
	start := time.Now()
	cpuStart := cpuTime()
	g.Go(func() error { return crawler.Run(gctx) })
	g.Go(func() error { return stages.RunExtract(gctx, chain, opts.workers) })
	g.Go(func() error { return stages.RunIndex(gctx, idx, matcher, opts.batch) })
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
			indexed := len(res.searchable)
			mu.Unlock()
			// Where the work waits: messages not yet delivered + delivered and not yet acked.
			ext, _ := b.Pending(ctx, bus.StreamFetched)
			ind, _ := b.Pending(ctx, bus.StreamEnriched)
			fmt.Fprintf(stderr, "bench: %d/%d indexed after %.0fs; crawled %d; waiting for extract %v, for index %v\n",
				indexed, opts.articles, time.Since(start).Seconds(), crawled.Load(), ext[pipeline.DurableExtract], ind[pipeline.DurableIndex])
		case <-gctx.Done():
			waitErr = fmt.Errorf("bench stopped before every article was indexed: %w", context.Cause(gctx))
			break wait
		}
	}
	cpuEnd := cpuTime()
	cancel()
	_ = g.Wait()
	if waitErr != nil {
		return benchResult{}, waitErr
	}
	mu.Lock()
	defer mu.Unlock()
	res.elapsed = lastIndexed.Sub(start)
	if cpuStart >= 0 && cpuEnd >= 0 {
		res.cpu = cpuEnd - cpuStart
	}
	return res, nil
}

// benchCrawler builds the crawler over the generated site's feeds and the alert matcher with one
// rule every English article matches (so every article also measures the alert path).
func benchCrawler(ctx context.Context, b *bus.Bus, opts benchOptions, siteURL string, stages *pipeline.Stages, crawled *atomic.Int64) (*crawl.Crawler, pipeline.Matcher, error) {
	cfg := crawl.DefaultConfig()
	crawlKV, err := b.KV(ctx, bus.BucketCrawl, cfg.DedupWindow) // as newsmon run opens it
	if err != nil {
		return nil, nil, err
	}
	rulesKV, err := b.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		return nil, nil, err
	}
	firedKV, err := b.ExpiringKV(ctx, bus.BucketAlertFired) // as newsmon run opens it
	if err != nil {
		return nil, nil, err
	}
	rules := alert.NewStore(rulesKV)
	if _, err := rules.Put(ctx, alert.Rule{ID: "bench-all-english", Name: "bench", Lang: []string{"en"}, Enabled: true}); err != nil {
		return nil, nil, err
	}
	bandsKV, err := b.MemoryKV(ctx, bus.BucketStoryBands, 0)
	if err != nil {
		return nil, nil, err
	}
	matcher := alert.NewMatcher(rules, firedKV, nil, alert.WithStoryBands(bandsKV), alert.WithRetention(cfg.DedupWindow))
	cfg.PerHostInterval = 0
	cfg.PerHostConcurrency = 16
	cfg.Concurrency = 16
	var sources []crawl.Source
	for i, p := range demo.GeneratedFeedPaths(opts.articles) {
		sources = append(sources, crawl.Source{Name: "bench-" + strconv.Itoa(i+1), Kind: crawl.KindFeed, URL: siteURL + p})
	}
	sink := stages.CrawlSink(crawlKV)
	counted := func(ctx context.Context, p article.Page) error {
		err := sink(ctx, p)
		if err == nil {
			crawled.Add(1)
		}
		return err
	}
	crawler, err := crawl.New(cfg, sources, crawlKV, counted, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	return crawler, matcher, nil
}

// releaseAtRate makes the site publish its articles at perSecond: each article page request waits
// for its slot, as if the story had not been written yet. Feeds and robots.txt are served at once,
// so the crawler knows every URL and fetches as fast as the site lets it: the pipeline sees a
// sustained arrival rate instead of a flood, and fetch→searchable latency is measured at that rate.
func releaseAtRate(h http.Handler, perSecond float64) http.Handler {
	interval := time.Duration(float64(time.Second) / perSecond)
	var mu sync.Mutex
	var next time.Time
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/" || p == "/robots.txt" || strings.HasPrefix(p, "/feeds/") || strings.HasPrefix(p, "/sitemap") {
			h.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		now := time.Now()
		if next.Before(now) {
			next = now
		}
		slot := next
		next = next.Add(interval)
		mu.Unlock()
		t := time.NewTimer(time.Until(slot))
		defer t.Stop()
		select {
		case <-r.Context().Done():
			return
		case <-t.C:
		}
		h.ServeHTTP(w, r)
	})
}

// pct returns the p-th percentile (nearest rank) of ds, rounded for printing.
func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "n/a"
	}
	return pctDuration(ds, p).Round(time.Millisecond).String()
}

// pctDuration returns the p-th percentile (nearest rank) of ds, 0 if empty.
func pctDuration(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	i = min(max(i-1, 0), len(s)-1)
	return s[i]
}

// peakRSS reads the process's high-water resident set size from /proc (Linux).
func peakRSS() string {
	kb := procStatusKB("VmHWM", "RssAnon", "RssFile")
	if kb[0] < 0 {
		return "unknown"
	}
	out := fmt.Sprintf("%.0f MB", float64(kb[0])/1024)
	if kb[1] >= 0 && kb[2] >= 0 {
		// File-backed pages are mostly the index's memory-mapped segments: page cache that the
		// kernel reclaims under pressure, unlike the anonymous (heap) part.
		out += fmt.Sprintf(" (now %.0f MB anonymous, %.0f MB file-backed)", float64(kb[1])/1024, float64(kb[2])/1024)
	}
	return out
}

// procStatusKB reads the named kB fields of /proc/self/status; -1 for each one it cannot read.
func procStatusKB(names ...string) []int {
	out := make([]int, len(names))
	for i := range out {
		out[i] = -1
	}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for i, name := range names {
			if f[0] == name+":" {
				if kb, err := strconv.Atoi(f[1]); err == nil {
					out[i] = kb
				}
			}
		}
	}
	return out
}
