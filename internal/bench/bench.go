// Package bench measures the whole embedded pipeline end to end: a generated news site
// (internal/demo) served by httptest is crawled, published to an embedded NATS, extracted by the
// full chain, indexed in bleve and matched against an alert rule, all in this process. It owns the
// `newsmon bench` harness and the format of its report lines, which BENCHMARKS.md and the
// contracts rely on; it changes nothing outside the data folder it is given (or a temporary one).
package bench

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// Options are the knobs of one embedded-pipeline run.
type Options struct {
	Articles int
	// Languages, when set, writes each generated article in one of them, drawn evenly
	// (demo.GeneratedLanguages lists those it can write), and the report counts the language
	// each indexed article was given.
	Languages  []string
	Seed       int64   // generator seed: same seed, same site
	Workers    int     // extract workers
	Batch      int     // index batch size
	Rate       float64 // article pages released per second by the site; 0 = all at once (a flood)
	ExtractCPU int     // extractor chains run at once (0: the pipeline's default)
	DataDir    string  // folder for NATS, the index and the site; "" = a temporary one, removed after
	// LimitMemory, if set, is called before the pipeline starts: the service's own memory limit,
	// so that peak RSS and CPU are those newsmon run would have.
	LimitMemory func()

	// Feeds, when > 0, replaces the one generated site by Feeds small feeds of FeedItems articles
	// each, every feed on its own host (feed<i>.bench.test), crawled with the default politeness
	// and robots.txt rules and polled every Poll: the crawler's cost per source is measured, and
	// with Poll > 0 the run also waits for every feed's second poll and reports its lateness.
	// Articles is then Feeds×FeedItems.
	Feeds     int
	FeedItems int
	Poll      time.Duration
	// PollWindow, with Feeds, keeps the crawler polling this long after the run (every feed then
	// answers 304) and reports the CPU per poll in that window; the run's figures exclude it.
	PollWindow time.Duration

	// OpenIndex, if set, opens the index the run writes to (an Elasticsearch cluster, say) instead
	// of a fresh bleve index under the run's folder; the run closes it at the end.
	OpenIndex func(ctx context.Context) (index.Index, error)

	// AtIndexed, if set, is called (on its own goroutine, so indexing goes on) when the number of
	// indexed articles first reaches each of Checkpoints: heap profiles taken along one run show
	// what grows with the corpus, which profiles of two runs of different sizes blur.
	Checkpoints []int
	AtIndexed   func(indexed int)
}

// Run runs one generated site of opts.Articles articles through a fresh embedded pipeline and
// returns what it measured. It prints the run's set-up line on stdout, progress on stderr.
func Run(ctx context.Context, opts Options, stdout, stderr io.Writer) (Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	dir := opts.DataDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newsmon-bench-")
		if err != nil {
			return Result{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	site := httptest.NewUnstartedServer(nil)
	defer site.Close()
	if opts.Feeds > 0 {
		opts.Articles = opts.Feeds * opts.FeedItems
	}
	feeds, err := startAnySite(site, opts, filepath.Join(dir, "site"), stderr)
	if err != nil {
		return Result{}, err
	}

	startup := time.Now()
	if opts.LimitMemory != nil {
		opts.LimitMemory()
	}
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats")})
	if err != nil {
		return Result{}, err
	}
	defer srv.Shutdown()
	// As newsmon run with its embedded server: this process owns the per-article keys.
	b, err := bus.Connect(ctx, bus.Config{URL: srv.ClientURL(), StateDir: filepath.Join(dir, "state")}, nil)
	if err != nil {
		return Result{}, err
	}
	defer b.Close()
	idx, err := openIndex(ctx, opts, dir)
	if err != nil {
		return Result{}, err
	}
	defer idx.Close()
	metrics := pipeline.NewMetrics(nil)
	chain, _, err := extractors.Default()
	if err != nil {
		return Result{}, err
	}
	rec := newRecorder(opts)
	stages := &pipeline.Stages{Bus: b, Metrics: metrics, ExtractCPU: opts.ExtractCPU, OnIndexed: rec.indexed, OnAlert: rec.alerted}
	crawler, matcher, err := newCrawler(ctx, b, crawlerSetup(opts, site, feeds), stages, &rec.crawled)
	if err != nil {
		return Result{}, err
	}
	printSetup(stdout, opts, time.Since(startup))

	g, gctx := errgroup.WithContext(ctx)
	start := time.Now()
	cpuStart := cpuTime()
	stopWatch := watchMemory()
	g.Go(func() error { return crawler.Run(gctx) })
	g.Go(func() error { return stages.RunExtract(gctx, chain, opts.Workers) })
	g.Go(func() error { return stages.RunIndex(gctx, idx, matcher, opts.Batch) })
	waitErr := rec.wait(ctx, gctx, b, start, stderr)
	if waitErr == nil {
		waitErr = feeds.waitSecondRound(gctx, opts.Poll, stderr)
	}
	cpuEnd := cpuTime()
	memory := stopWatch()
	var polling PollingAlone
	if waitErr == nil {
		polling, waitErr = feeds.measurePolling(gctx, opts.PollWindow)
	}
	cancel()
	_ = g.Wait()
	if waitErr != nil {
		return Result{}, waitErr
	}
	res := rec.result(start, cpuStart, cpuEnd)
	res.Feeds = feeds.report(opts.Poll, res.CPU, polling)
	res.Memory = memory
	return res, nil
}

// openIndex opens opts.OpenIndex's index, else a bleve index in dir.
func openIndex(ctx context.Context, opts Options, dir string) (index.Index, error) {
	if opts.OpenIndex != nil {
		return opts.OpenIndex(ctx)
	}
	return blevebackend.Open(filepath.Join(dir, "index"))
}

// Sizes runs one site per article count (feed count, when opts.Feeds is set), each in its own folder under opts.DataDir when that is
// set, and prints each run's report as it ends; for more than one count it then prints how the
// time per article grows with the count (linearity).
func Sizes(ctx context.Context, opts Options, counts []int, stdout, stderr io.Writer) error {
	var results []Result
	for _, c := range counts {
		o := opts
		if opts.Feeds > 0 { // counts are feed counts
			o.Feeds = c
		} else {
			o.Articles = c
		}
		if opts.DataDir != "" && len(counts) > 1 {
			o.DataDir = filepath.Join(opts.DataDir, strconv.Itoa(c))
		}
		res, err := Run(ctx, o, stdout, stderr)
		if err != nil {
			return err
		}
		res.Print(stdout)
		results = append(results, res)
	}
	if len(results) > 1 {
		printLinearity(stdout, results)
	}
	return nil
}
