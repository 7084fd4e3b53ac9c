package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/bench"
	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/index"
)

// cmdBench runs a generated news site through the embedded pipeline (httptest site → crawl →
// NATS → extract → NATS → index + alerts) and reports throughput, latencies and memory.
func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", stderr)
	n := fs.Int("articles", 5000, "articles on the generated site")
	languages := fs.String("languages", "", "comma-separated languages the generated articles are written in, drawn evenly, e.g. en,es,fr,de,pt,zh; the report then counts the language each indexed article was detected in (default: English only)")
	seed := fs.Int64("seed", 1, "generator seed (same seed, same site)")
	workers := fs.Int("workers", 4*runtime.GOMAXPROCS(0), "extract workers")
	extractCPU := fs.Int("extract-cpu", 0, "extractor chains run at once (0: the pipeline's default, GOMAXPROCS-1)")
	batch := fs.Int("batch", 200, "index batch size")
	rate := fs.Float64("rate", 0, "articles/s the generated site releases (a sustained crawl rate); 0 serves them all at once (a flood)")
	sizes := fs.String("sizes", "", "comma-separated article counts, e.g. 1000,5000,20000: one run per size, then the time per article of each (linearity); overrides --articles")
	feeds := fs.String("feeds", "", "comma-separated feed counts, e.g. 1000,5000,20000: one run per count over that many small feeds, each on its own host (feed<i>.bench.test, all dialled on one loopback listener), with the default politeness and robots.txt; overrides --articles and --sizes")
	feedItems := fs.Int("feed-items", 5, "articles per feed with --feeds")
	poll := fs.Duration("poll", 60*time.Second, "with --feeds: poll interval; the run also waits for every feed's second poll and reports its lateness (0: poll once)")
	pollWindow := fs.Duration("poll-window", 0, "with --feeds: after the run, keep polling this long (every feed then answers 304) and report the CPU per poll, and the run's CPU per article once its polls are charged at that cost; the run's own figures exclude the window (0: no window)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the runs to this file")
	memProfile := fs.String("memprofile", "", "write an allocation profile (at the end) to this file")
	heapAt := fs.String("heap-at", "", "comma-separated article counts, e.g. 20000,80000: with --memprofile, also write the live heap (after a collection) to <memprofile>.<count> when the run has indexed that many articles")
	timeout := fs.Duration("timeout", 30*time.Minute, "give up after this long")
	dataDir := fs.String("data", "", "folder for NATS and the index (default: a temporary folder, removed after)")
	esURL := fs.String("es-url", "", "index into this Elasticsearch cluster (URLs comma-separated) instead of a bleve index: each run writes a fresh alias <es-index>-<unix time>-<run>, left in place")
	esIndex := fs.String("es-index", "newsmon-bench", "with --es-url: the prefix of each run's alias")
	if err := fs.Parse(args); err != nil {
		return err
	}
	counts, err := benchCounts(*n, *sizes)
	if *feeds != "" {
		counts, err = benchCounts(1, *feeds)
	}
	if err != nil {
		return err
	}
	if *feedItems < 1 || *poll < 0 || *pollWindow < 0 {
		return usageError{errors.New("--feed-items must be >= 1, --poll and --poll-window >= 0")}
	}
	langs, err := benchLanguages(*languages)
	if err != nil {
		return err
	}
	if *rate < 0 {
		return usageError{errors.New("--rate must be >= 0")}
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()

	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	opts := bench.Options{Languages: langs, Seed: *seed, Workers: *workers, Batch: *batch, Rate: *rate, ExtractCPU: *extractCPU,
		DataDir: *dataDir, LimitMemory: limitMemory, FeedItems: *feedItems, Poll: *poll, PollWindow: *pollWindow}
	if *feeds != "" {
		opts.Feeds = counts[0] // Sizes sets each run's count
	}
	if *heapAt != "" {
		if *memProfile == "" {
			return usageError{errors.New("--heap-at needs --memprofile")}
		}
		if opts.Checkpoints, err = benchCounts(1, *heapAt); err != nil {
			return err
		}
		opts.AtIndexed = heapProfileAt(*memProfile, stderr)
	}
	if *esURL != "" {
		opts.OpenIndex = benchElastic(*esURL, *esIndex, stderr)
	}
	if err := bench.Sizes(ctx, opts, counts, stdout, stderr); err != nil {
		return err
	}
	if *memProfile != "" {
		if err := writeAllocProfile(*memProfile); err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
	}
	return nil
}

// benchElastic opens, for each run, a fresh alias in the Elasticsearch cluster at urls, as
// `newsmon run --es-url` would (template, first index, write alias).
func benchElastic(urls, prefix string, stderr io.Writer) func(context.Context) (index.Index, error) {
	run := 0
	return func(ctx context.Context) (index.Index, error) {
		run++
		o := &options{esURL: urls, esIndex: fmt.Sprintf("%s-%d-%d", prefix, time.Now().Unix(), run)}
		fmt.Fprintf(stderr, "bench: indexing into Elasticsearch alias %s\n", o.esIndex)
		return openElastic(ctx, o, slog.New(slog.DiscardHandler))
	}
}

// benchCounts is the article count of each run: --sizes when given, else --articles.
func benchCounts(articles int, sizes string) ([]int, error) {
	counts := []int{articles}
	if sizes != "" {
		counts = counts[:0]
		for _, f := range strings.Split(sizes, ",") {
			v, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || v <= 0 {
				return nil, usageError{fmt.Errorf("--sizes: %q is not a positive count", f)}
			}
			counts = append(counts, v)
		}
	}
	if slices.Min(counts) <= 0 {
		return nil, usageError{errors.New("--articles must be > 0")}
	}
	return counts, nil
}

// benchLanguages parses --languages: nil when empty (the English site).
func benchLanguages(flag string) ([]string, error) {
	if strings.TrimSpace(flag) == "" {
		return nil, nil
	}
	var langs []string
	for _, l := range strings.Split(flag, ",") {
		langs = append(langs, strings.ToLower(strings.TrimSpace(l)))
	}
	if err := demo.CheckGeneratedLanguages(langs); err != nil {
		return nil, usageError{fmt.Errorf("--languages: %w", err)}
	}
	return langs, nil
}

// startCPUProfile profiles the process's CPU into path until stop is called; with an empty path
// it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeAllocProfile writes the allocations made so far to path.
// heapProfileAt writes the live heap, after a collection, to <path>.<indexed>.
func heapProfileAt(path string, stderr io.Writer) func(indexed int) {
	return func(indexed int) {
		runtime.GC()
		name := fmt.Sprintf("%s.%d", path, indexed)
		if err := writeProfile(name, "heap"); err != nil {
			fmt.Fprintf(stderr, "bench: heap profile at %d: %v\n", indexed, err)
			return
		}
		fmt.Fprintf(stderr, "bench: live heap at %d articles written to %s\n", indexed, name)
	}
}

func writeAllocProfile(path string) error { return writeProfile(path, "allocs") }

// writeProfile writes the named runtime profile to path.
func writeProfile(path, profile string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.Lookup(profile).WriteTo(f, 0); err != nil {
		return err
	}
	return f.Close()
}
