package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/crawl"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// startSite renders the generated site into dir and starts serving it. The pages are rendered
// before the clock starts: the site shares this machine, and only the pipeline's work should count.
func startSite(site *httptest.Server, opts Options, dir string, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rendering := time.Now()
	handler, err := demo.GeneratedMixedOnDisk(opts.Articles, opts.Seed, opts.Languages, "http://"+site.Listener.Addr().String(), dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "bench: site of %d articles rendered in %.1fs\n", opts.Articles, time.Since(rendering).Seconds())
	if opts.Rate > 0 {
		handler = releaseAtRate(handler, opts.Rate)
	}
	site.Config.Handler = handler
	site.Start()
	return nil
}

// crawlSetup is what the bench's crawler polls and how: its sources and its changes to the
// default config.
type crawlSetup struct {
	sources []crawl.Source
	tune    func(*crawl.Config)
}

// crawlerSetup is the crawl of one run: the generated site's paged feeds, fetched as fast as the
// site answers; or, with opts.Feeds, the feed site's hosts under the default politeness.
func crawlerSetup(opts Options, site *httptest.Server, feeds *feedSite) crawlSetup {
	if feeds != nil {
		addr := site.Listener.Addr().String()
		return crawlSetup{sources: feeds.sources(addr, opts.Poll), tune: func(cfg *crawl.Config) {
			cfg.Transport = feeds.transport(addr)
		}}
	}
	var sources []crawl.Source
	for i, p := range demo.GeneratedFeedPaths(opts.Articles) {
		sources = append(sources, crawl.Source{Name: "bench-" + strconv.Itoa(i+1), Kind: crawl.KindFeed, URL: site.URL + p})
	}
	return crawlSetup{sources: sources, tune: func(cfg *crawl.Config) {
		cfg.PerHostInterval = 0
		cfg.PerHostConcurrency = 16
		cfg.Concurrency = 16
	}}
}

// startAnySite starts the run's site: the feed site (returned) when opts.Feeds is set, else the
// one generated site.
func startAnySite(site *httptest.Server, opts Options, dir string, stderr io.Writer) (*feedSite, error) {
	if opts.Feeds > 0 {
		return startFeedSite(site, opts, dir, stderr)
	}
	return nil, startSite(site, opts, dir, stderr)
}

// startFeedSite renders the feed site's pages into dir and starts serving it (see feedSite).
func startFeedSite(site *httptest.Server, opts Options, dir string, stderr io.Writer) (*feedSite, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rendering := time.Now()
	feeds, err := newFeedSite(opts.Feeds, opts.FeedItems, opts.Seed, dir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "bench: %d feeds of %d articles on %d hosts rendered in %.1fs\n",
		opts.Feeds, opts.FeedItems, opts.Feeds, time.Since(rendering).Seconds())
	site.Config.Handler = feeds
	feeds.start(site)
	return feeds, nil
}

// newCrawler builds the crawler over setup's sources and the alert matcher with one rule every
// English article matches (so every article also measures the alert path).
func newCrawler(ctx context.Context, b *bus.Bus, setup crawlSetup, stages *pipeline.Stages, crawled *atomic.Int64) (*crawl.Crawler, pipeline.Matcher, error) {
	cfg := crawl.DefaultConfig()
	crawlKV, err := b.CrawlKV(ctx, cfg.DedupWindow) // as newsmon run opens it
	if err != nil {
		return nil, nil, err
	}
	rulesKV, err := b.KV(ctx, bus.BucketAlertRules, 0)
	if err != nil {
		return nil, nil, err
	}
	firedKV, err := b.AlertFiredKV(ctx, cfg.DedupWindow) // as newsmon run opens it
	if err != nil {
		return nil, nil, err
	}
	rules := alert.NewStore(rulesKV)
	if _, err := rules.Put(ctx, alert.Rule{ID: "bench-all-english", Name: "bench", Lang: []string{"en"}, Enabled: true}); err != nil {
		return nil, nil, err
	}
	bandsKV, err := b.BoundedMemoryKV(ctx, bus.BucketStoryBands, bus.StoryBandsBytes)
	if err != nil {
		return nil, nil, err
	}
	matcher := alert.NewMatcher(rules, firedKV, nil, alert.WithStoryBands(bandsKV), alert.WithRetention(cfg.DedupWindow))
	setup.tune(&cfg)
	sink := stages.CrawlSink(crawlKV)
	counted := func(ctx context.Context, p article.Page) error {
		err := sink(ctx, p)
		if err == nil {
			crawled.Add(1)
		}
		return err
	}
	crawler, err := crawl.New(cfg, setup.sources, crawlKV, counted, nil, nil)
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
