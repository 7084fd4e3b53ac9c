package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/article"
)

// site is a test news site: fixtures from testdata (with {{base}} replaced by the server URL),
// article pages for any path under the article prefixes, and a log of every request.
type site struct {
	*httptest.Server
	t      *testing.T
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	reqs   []seenRequest
}

type seenRequest struct {
	path   string
	at     time.Time
	header http.Header
}

func newSite(t *testing.T) *site {
	s := &site{t: t, routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, seenRequest{path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
		h := s.routes[r.URL.Path]
		s.mu.Unlock()
		switch {
		case h != nil:
			h(w, r)
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case strings.HasSuffix(r.URL.Path, ".pdf"):
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4 not a page"))
		case strings.Count(r.URL.Path, "/") >= 2: // any deeper path is an article
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><p>Body of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// file serves testdata/name at path with a content type and an optional ETag honoured by If-None-Match.
func (s *site) file(path, name, ctype, etag string) {
	body := fixture(s.t, name, s.URL)
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		if etag != "" {
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	})
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

func (s *site) hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.reqs {
		if r.path == path {
			n++
		}
	}
	return n
}

func (s *site) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// collector is a Sink that records pages.
type collector struct {
	mu    sync.Mutex
	pages []article.Page
	fail  func(p article.Page) error
}

func (c *collector) sink(_ context.Context, p article.Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		if err := c.fail(p); err != nil {
			return err
		}
	}
	c.pages = append(c.pages, p)
	return nil
}

func (c *collector) urls() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, p := range c.pages {
		out = append(out, p.URL)
	}
	slices.Sort(out)
	return out
}

func testConfig() Config {
	cfg := DefaultConfig()
	cfg.PerHostInterval = 0
	cfg.PerHostConcurrency = 4
	cfg.Concurrency = 8
	cfg.Timeout = 5 * time.Second
	return cfg
}

func newCrawler(t *testing.T, cfg Config, store Store, sink Sink, sources ...Source) *Crawler {
	t.Helper()
	if store == nil {
		store = NewMemoryStore()
	}
	c, err := New(cfg, sources, store, sink, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func statusOf(c *Crawler, name string) SourceStatus {
	for _, st := range c.Status() {
		if st.Name == name {
			return st
		}
	}
	return SourceStatus{}
}

func counterValue(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	testutil.Eventually(t, d, func() error {
		if !cond() {
			return fmt.Errorf("waiting for %s", what)
		}
		return nil
	})
}

func TestCrawlFeeds(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", "")
	s.file("/atom.xml", "atom.xml", "application/atom+xml", "")
	s.file("/rdf.xml", "rdf.xml", "application/rdf+xml", "")
	var col collector
	reg := prometheus.NewRegistry()
	c, err := New(testConfig(), []Source{
		{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"},
		{Name: "atom", Kind: KindFeed, URL: s.URL + "/atom.xml"},
		{Name: "rdf", Kind: KindFeed, URL: s.URL + "/rdf.xml", Language: "xx"},
	}, NewMemoryStore(), col.sink, nil, reg)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := []string{
		s.URL + "/business/markets-rally-after-decision-4567",
		s.URL + "/france/paris-hosts-climate-summit",
		s.URL + "/politik/bundestag-beschliesst-haushalt-2023",
		s.URL + "/wirtschaft/relative-link-entry-here",
		s.URL + "/world/2023/10/23/wuxi-unveils-plan?utm_source=rss&utm_medium=feed",
		s.URL + "/world/guid-only-story-8910",
	}
	if got := col.urls(); !slices.Equal(got, want) {
		t.Fatalf("sink got\n%q\nwant\n%q", got, want)
	}
	for _, p := range col.pages {
		if p.URL != s.URL+"/france/paris-hosts-climate-summit" {
			continue
		}
		if p.Source != "rdf" || p.Feed != s.URL+"/rdf.xml" || p.Hints.Title != "Paris hosts climate summit" ||
			!slices.Equal(p.Hints.Authors, []string{"Marie Curie"}) || p.Hints.Language != "fr" || p.Hints.Published == nil ||
			!strings.Contains(string(p.Body), "Body of /france/") || !strings.HasPrefix(p.ContentType, "text/html") || p.Fetched.IsZero() {
			t.Errorf("rdf page = %+v", p)
		}
	}
	st := statusOf(c, "rss")
	if st.ItemsSeen != 3 || st.Fetched != 3 || st.LastError != "" || st.LastPoll.IsZero() || st.InFlight != 0 {
		t.Errorf("rss status = %+v", st)
	}
	if n := counterValue(t, c.m.fetches.WithLabelValues("feed", "ok")); n != 3 {
		t.Errorf("feed fetches ok = %v, want 3", n)
	}
	// A second crawler in the same process shares the registered collectors instead of failing.
	if _, err := New(testConfig(), nil, NewMemoryStore(), col.sink, nil, reg); err != nil {
		t.Errorf("second New on one registry: %v", err)
	}
	mfs, err := reg.Gather()
	var names []string
	for _, mf := range mfs {
		names = append(names, mf.GetName())
	}
	for _, want := range []string{"newsmon_crawl_fetches_total", "newsmon_crawl_fetch_duration_seconds", "newsmon_crawl_fetch_bytes_total", "newsmon_crawl_items_total"} {
		if err != nil || !slices.Contains(names, want) {
			t.Errorf("registry has %q (%v), want %s", names, err, want)
		}
	}
}

func TestCrawlSitemapIndexGzip(t *testing.T) {
	s := newSite(t)
	s.file("/sitemap_index.xml", "sitemap_index.xml", "application/xml", `"idx1"`)
	s.file("/sitemaps/news.xml", "sitemap_news.xml", "application/xml", `"news1"`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(fixture(t, "sitemap_2023-09.xml", s.URL))
	zw.Close()
	s.handle("/sitemaps/2023-09.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz.Bytes())
	})
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "sm", Kind: KindSitemap, URL: s.URL + "/sitemap_index.xml"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := []string{
		s.URL + "/news/2023/09/29/archive-story-two",
		s.URL + "/news/2023/09/30/archive-story-one",
		s.URL + "/news/2023/10/24/storm-hits-coast",
		s.URL + "/news/2023/10/25/summit-ends-with-deal",
	}
	if got := col.urls(); !slices.Equal(got, want) {
		t.Fatalf("sink got %q\nwant %q", got, want)
	}
	for _, p := range col.pages {
		if strings.HasSuffix(p.URL, "summit-ends-with-deal") && (p.Hints.Title != "Summit ends with deal" || p.Hints.Language != "en" || p.Feed != s.URL+"/sitemaps/news.xml") {
			t.Errorf("news sitemap page hints = %+v, feed %q", p.Hints, p.Feed)
		}
	}
	// Second poll: the index answers 304 and the news sitemap changed without its <lastmod> in the
	// index changing. The newest child is still asked; the archive child is not fetched again.
	news := bytes.Replace(fixture(t, "sitemap_news.xml", s.URL), []byte("</urlset>"),
		[]byte("<url><loc>"+s.URL+"/news/2023/10/26/late-breaking-story</loc></url></urlset>"), 1)
	s.handle("/sitemaps/news.xml", func(w http.ResponseWriter, r *http.Request) { w.Write(news) })
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := col.urls(); len(got) != 5 || !slices.Contains(got, s.URL+"/news/2023/10/26/late-breaking-story") {
		t.Errorf("after the news sitemap changed, sink got %q", got)
	}
	if n := s.hits("/sitemaps/2023-09.xml.gz"); n != 1 {
		t.Errorf("unchanged archive sitemap fetched %d times, want 1", n)
	}
	var idx []seenRequest
	for _, r := range s.requests() {
		if r.path == "/sitemap_index.xml" {
			idx = append(idx, r)
		}
	}
	if len(idx) != 2 || idx[1].header.Get("If-None-Match") != `"idx1"` {
		t.Errorf("index requests %+v, want a conditional second one", idx)
	}
}

func TestConditionalGet(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", `"v1"`)
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(col.urls()); n != 3 {
		t.Fatalf("first poll sank %d pages, want 3", n)
	}
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	var feedReqs []seenRequest
	for _, r := range s.requests() {
		if r.path == "/rss2.xml" {
			feedReqs = append(feedReqs, r)
		}
	}
	if len(feedReqs) != 2 || feedReqs[1].header.Get("If-None-Match") != `"v1"` {
		t.Fatalf("feed requests = %+v, want a second one with If-None-Match", feedReqs)
	}
	if n := len(col.urls()); n != 3 {
		t.Errorf("after 304, sink has %d pages, want still 3", n)
	}
	if n := counterValue(t, c.m.fetches.WithLabelValues("feed", "not_modified")); n != 1 {
		t.Errorf("not_modified fetches = %v, want 1", n)
	}
}

func TestRobotsDisallow(t *testing.T) {
	s := newSite(t)
	s.file("/robots.txt", "robots.txt", "text/plain", "")
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "list", Kind: KindURLs, URLs: []string{
		s.URL + "/private/secret-story", s.URL + "/private/press-release", s.URL + "/public/open-story",
	}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := []string{s.URL + "/private/press-release", s.URL + "/public/open-story"}
	if got := col.urls(); !slices.Equal(got, want) {
		t.Errorf("sink got %q, want %q", got, want)
	}
	if n := s.hits("/private/secret-story"); n != 0 {
		t.Errorf("disallowed page requested %d times", n)
	}
	if n := s.hits("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}
	if st := statusOf(c, "list"); st.Skipped != 1 || st.Fetched != 2 {
		t.Errorf("status = %+v, want 1 skipped, 2 fetched", st)
	}
}

func TestRobotsUnavailableDisallows(t *testing.T) {
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "list", Kind: KindURLs, URLs: []string{s.URL + "/a/story-one-here"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(col.urls()) != 0 || s.hits("/a/story-one-here") != 0 {
		t.Errorf("fetched despite robots.txt 503: %q", col.urls())
	}
}

func TestPoliteness(t *testing.T) {
	slow, fast := newSite(t), newSite(t)
	const interval = 60 * time.Millisecond
	cfg := testConfig()
	cfg.PerHostInterval = interval
	cfg.PerHostConcurrency = 2
	cfg.RespectRobots = false
	var slowURLs []string
	for i := range 5 {
		slowURLs = append(slowURLs, fmt.Sprintf("%s/slow/story-%d", slow.URL, i))
	}
	var col collector
	c := newCrawler(t, cfg, nil, col.sink,
		Source{Name: "slow", Kind: KindURLs, URLs: slowURLs},
		Source{Name: "fast", Kind: KindURLs, URLs: []string{fast.URL + "/fast/story-a", fast.URL + "/fast/story-b"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(col.urls()); n != 7 {
		t.Fatalf("sank %d pages, want 7", n)
	}
	reqs := slow.requests()
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].at.Sub(reqs[i-1].at); gap < interval {
			t.Errorf("requests %d and %d to one host %v apart, want >= %v", i-1, i, gap, interval)
		}
	}
	// The other host was not held up behind the slow one's interval.
	fastReqs := fast.requests()
	if fastReqs[len(fastReqs)-1].at.After(reqs[2].at) {
		t.Errorf("second host finished at %v, after the first host's third request at %v", fastReqs[len(fastReqs)-1].at, reqs[2].at)
	}
}

func TestCrawlDelayRaisesInterval(t *testing.T) {
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nCrawl-delay: 0.08\n"))
	})
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "l", Kind: KindURLs, URLs: []string{
		s.URL + "/a/story-one", s.URL + "/a/story-two", s.URL + "/a/story-three"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	reqs := s.requests()
	if len(reqs) != 4 {
		t.Fatalf("got %d requests, want robots + 3", len(reqs))
	}
	for i := 2; i < len(reqs); i++ {
		if gap := reqs[i].at.Sub(reqs[i-1].at); gap < 80*time.Millisecond {
			t.Errorf("gap %v between pages, want >= Crawl-delay 80ms", gap)
		}
	}
}

func TestDedupAcrossCrawlers(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", "")
	s.file("/atom.xml", "atom.xml", "application/atom+xml", "")
	store := NewMemoryStore()
	var col collector
	sources := []Source{
		{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"},
		{Name: "atom", Kind: KindFeed, URL: s.URL + "/atom.xml"},
	}
	a := newCrawler(t, testConfig(), store, col.sink, sources...)
	b := newCrawler(t, testConfig(), store, col.sink, sources...)
	var wg sync.WaitGroup
	for _, c := range []*Crawler{a, b} {
		wg.Go(func() {
			if err := c.RunOnce(t.Context()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(col.urls()); n != 5 {
		t.Errorf("sink got %d pages, want 5: %q", n, col.urls())
	}
	for _, r := range s.requests() {
		if r.path != "/rss2.xml" && r.path != "/atom.xml" && r.path != "/robots.txt" && s.hits(r.path) != 1 {
			t.Errorf("%s fetched %d times, want once", r.path, s.hits(r.path))
		}
	}
}

func TestCanonicalDedup(t *testing.T) {
	s := newSite(t)
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss><channel>
<item><link>%[1]s/world/same-story-here?utm_source=twitter&amp;utm_medium=social</link></item>
<item><link>%[1]s/world/same-story-here#comments</link></item>
<item><link>%[1]s/world/../world/same-story-here?fbclid=abc</link></item>
</channel></rss>`, s.URL)
	})
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink,
		Source{Name: "f", Kind: KindFeed, URL: s.URL + "/feed.xml"},
		Source{Name: "l", Kind: KindURLs, URLs: []string{strings.Replace(s.URL, "127.0.0.1", "127.0.0.1.", 1) + "/world/same-story-here"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(col.urls()); n != 1 {
		t.Errorf("sink got %q, want one page", col.urls())
	}
	if n := s.hits("/world/same-story-here?utm_source=twitter&utm_medium=social") + s.hits("/world/same-story-here") + s.hits("/world/same-story-here?fbclid=abc"); n != 1 {
		t.Errorf("story fetched %d times, want once", n)
	}
}

func TestDedupWindow(t *testing.T) {
	s := newSite(t)
	for _, tt := range []struct {
		window time.Duration
		want   int
	}{{0, 1}, {time.Nanosecond, 2}} {
		var col collector
		cfg := testConfig()
		cfg.DedupWindow = tt.window
		c := newCrawler(t, cfg, nil, col.sink, Source{Name: "l", Kind: KindURLs, URLs: []string{s.URL + "/a/story-window"}})
		for range 2 {
			if err := c.RunOnce(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		if got := len(col.urls()); got != tt.want {
			t.Errorf("window %v: fetched %d times in 2 polls, want %d", tt.window, got, tt.want)
		}
	}
}

func TestFetcherLimits(t *testing.T) {
	s := newSite(t)
	s.handle("/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	s.handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop1", http.StatusFound) })
	for i := range 10 {
		s.handle(fmt.Sprintf("/hop%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, fmt.Sprintf("/hop%d", i+1), http.StatusMovedPermanently)
		})
	}
	s.handle("/hop10", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("landed")) })
	big := bytes.Repeat([]byte("x"), 10<<10)
	s.handle("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	s.handle("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 10 {
			w.Write(big[:1<<10])
			w.(http.Flusher).Flush()
		}
	})
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	s.handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	s.handle("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	s.handle("/ok", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != "testbot/1" {
			http.Error(w, "bad UA", http.StatusBadRequest)
			return
		}
		w.Write([]byte("fine"))
	})

	cfg := testConfig()
	cfg.UserAgent = "testbot/1"
	cfg.MaxBodyBytes = 4 << 10
	cfg.MaxRedirects = 5
	cfg.Timeout = 300 * time.Millisecond
	f, err := NewFetcher(cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	if _, err := f.Fetch(ctx, Request{URL: s.URL + "/loop1"}); !errors.Is(err, ErrRedirectLoop) {
		t.Errorf("loop: err = %v, want ErrRedirectLoop", err)
	} else if !strings.Contains(err.Error(), "/loop1") {
		t.Errorf("loop error %q does not name the URL", err)
	}
	if _, err := f.Fetch(ctx, Request{URL: s.URL + "/hop0"}); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("hops: err = %v, want ErrTooManyRedirects", err)
	}
	if resp, err := f.Fetch(ctx, Request{URL: s.URL + "/hop5"}); err != nil || resp.FinalURL != s.URL+"/hop10" {
		t.Errorf("5 hops: %v, %v; want followed", resp, err)
	}
	for _, p := range []string{"/big", "/big-chunked"} {
		if _, err := f.Fetch(ctx, Request{URL: s.URL + p}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", p, err)
		}
	}
	if resp, err := f.Fetch(ctx, Request{URL: s.URL + "/big", Truncate: true}); err != nil || len(resp.Body) != 4<<10 {
		t.Errorf("truncate: %v, %v", resp, err)
	}
	start := time.Now()
	_, err = f.Fetch(ctx, Request{URL: s.URL + "/slow"})
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Errorf("slow: err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("slow server held the fetch %v", d)
	}
	var se *StatusError
	if _, err := f.Fetch(ctx, Request{URL: s.URL + "/gone"}); !errors.As(err, &se) || se.Code != 410 || se.URL != s.URL+"/gone" {
		t.Errorf("gone: err = %v, want StatusError 410", err)
	}
	if resp, err := f.Fetch(ctx, Request{URL: s.URL + "/ok"}); err != nil || string(resp.Body) != "fine" {
		t.Errorf("ok: %v, %v", resp, err)
	}
	if _, err := f.Fetch(ctx, Request{URL: "file:///etc/passwd"}); err == nil {
		t.Error("file URL fetched")
	}
}

func TestOversizedFeedAndPages(t *testing.T) {
	s := newSite(t)
	big := strings.Repeat("<!-- padding -->", 1000)
	s.handle("/huge.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "<rss><channel>%s</channel></rss>", big) })
	s.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<rss><channel><item><link>%s/big/huge-article-page</link></item></channel></rss>", s.URL)
	})
	s.handle("/big/huge-article-page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>" + big + "</body></html>"))
	})
	cfg := testConfig()
	cfg.MaxBodyBytes, cfg.MaxFeedBytes = 4<<10, 4<<10
	var col collector
	c := newCrawler(t, cfg, nil, col.sink,
		Source{Name: "huge", Kind: KindFeed, URL: s.URL + "/huge.xml"},
		Source{Name: "feed", Kind: KindFeed, URL: s.URL + "/feed.xml"})
	err := c.RunOnce(t.Context())
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("RunOnce err = %v, want ErrTooLarge", err)
	}
	if st := statusOf(c, "huge"); !strings.Contains(st.LastError, "too large") {
		t.Errorf("huge feed status = %+v", st)
	}
	if st := statusOf(c, "feed"); st.Failed != 1 || !strings.Contains(st.LastArticleError, "too large") || len(col.urls()) != 0 {
		t.Errorf("oversized page status = %+v, sink %q", st, col.urls())
	}
}

func TestBrokenFeedOthersStillCrawl(t *testing.T) {
	s := newSite(t)
	s.handle("/html-not-feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<!DOCTYPE html><html><body>Oops</body></html>"))
	})
	s.file("/broken.xml", "broken.xml", "application/rss+xml", "")
	s.file("/rdf.xml", "rdf.xml", "application/rdf+xml", "")
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink,
		Source{Name: "html", Kind: KindFeed, URL: s.URL + "/html-not-feed.xml"},
		Source{Name: "broken", Kind: KindFeed, URL: s.URL + "/broken.xml"},
		Source{Name: "missing", Kind: KindFeed, URL: s.URL + "/missing.xml"},
		Source{Name: "good", Kind: KindFeed, URL: s.URL + "/rdf.xml"})
	err := c.RunOnce(t.Context())
	if err == nil {
		t.Fatal("RunOnce reported no error for broken sources")
	}
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 {
		t.Errorf("RunOnce err = %v, want it to carry the 404", err)
	}
	for name, want := range map[string]string{"html": "not rss", "broken": "syntax error", "missing": "status 404", "good": ""} {
		if got := statusOf(c, name).LastError; (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%s LastError = %q, want %q", name, got, want)
		}
	}
	want := []string{s.URL + "/broken/first-item-survives", s.URL + "/france/paris-hosts-climate-summit"}
	if got := col.urls(); !slices.Equal(got, want) {
		t.Errorf("sink got %q, want %q", got, want)
	}
}

func TestSinkErrorRetried(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", `"v1"`)
	failing := s.URL + "/business/markets-rally-after-decision-4567"
	col := collector{fail: func(p article.Page) error {
		if p.URL == failing {
			return errors.New("bus unavailable")
		}
		return nil
	}}
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if st := statusOf(c, "rss"); st.Fetched != 2 || st.Failed != 1 || !strings.Contains(st.LastArticleError, "bus unavailable") {
		t.Fatalf("status after failing sink = %+v", st)
	}
	col.mu.Lock()
	col.fail = nil
	col.mu.Unlock()
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := s.hits("/business/markets-rally-after-decision-4567"); n != 2 {
		t.Errorf("failed article fetched %d times, want 2 (retried)", n)
	}
	if got := col.urls(); len(got) != 3 || !slices.Contains(got, failing) {
		t.Errorf("sink got %q, want all 3", got)
	}
	if n := s.hits("/world/guid-only-story-8910"); n != 1 {
		t.Errorf("delivered article fetched %d times, want once", n)
	}
	// Everything is delivered now: the validators are saved and the third poll is a 304.
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if reqs := s.requests(); reqs[len(reqs)-1].header.Get("If-None-Match") != `"v1"` {
		t.Errorf("third poll was not conditional")
	}
}

func TestNonHTMLSkipped(t *testing.T) {
	s := newSite(t)
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "l", Kind: KindURLs, URLs: []string{
		s.URL + "/files/annual-report.pdf", s.URL + "/a/real-story-here"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := col.urls(); !slices.Equal(got, []string{s.URL + "/a/real-story-here"}) {
		t.Errorf("sink got %q", got)
	}
	if st := statusOf(c, "l"); st.Skipped != 1 {
		t.Errorf("status = %+v, want the PDF skipped", st)
	}
}

func TestSectionPage(t *testing.T) {
	s := newSite(t)
	s.file("/world/", "section.html", "text/html; charset=utf-8", `"p1"`)
	s.file("/section-feed.xml", "section-feed.xml", "application/rss+xml", "")
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "world", Kind: KindPage, URL: s.URL + "/world/"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := []string{
		s.URL + "/world/2023/10/23/wuxi-unveils-new-plan",
		s.URL + "/world/only-in-the-section-feed",
		s.URL + "/world/world/markets-rally-after-decision-4567",
	}
	if got := col.urls(); !slices.Equal(got, want) {
		t.Errorf("sink got %q\nwant %q", got, want)
	}
	// Unchanged page (304): the advertised feed is still polled.
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := s.hits("/section-feed.xml"); n != 2 {
		t.Errorf("section feed polled %d times, want 2", n)
	}
}

func TestRunPollsUntilCancelled(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", `"v1"`)
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml", Poll: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	waitFor(t, 5*time.Second, "three polls", func() bool { return s.hits("/rss2.xml") >= 3 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if n := len(col.urls()); n != 3 {
		t.Errorf("sink got %d pages over several polls, want 3", n)
	}
}

func TestRunCancelWhileQueued(t *testing.T) {
	s := newSite(t)
	cfg := testConfig()
	cfg.PerHostInterval = time.Hour // everything after the first request waits
	cfg.RespectRobots = false
	var urls []string
	for i := range 5 {
		urls = append(urls, fmt.Sprintf("%s/q/story-%d", s.URL, i))
	}
	store := NewMemoryStore()
	var col collector
	c := newCrawler(t, cfg, store, col.sink, Source{Name: "l", Kind: KindURLs, URLs: urls})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	waitFor(t, 5*time.Second, "a queue", func() bool { return c.QueueDepth() == 4 && len(col.urls()) == 1 })
	if st := statusOf(c, "l"); st.Queued != 4 {
		t.Errorf("status queued = %d, want 4", st.Queued)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if c.QueueDepth() != 0 {
		t.Errorf("queue depth %d after cancel", c.QueueDepth())
	}
}

// A worker killed mid-fetch leaves a pending claim. Within the lease others leave the article
// alone but keep polling the feed unconditionally; once the lease expires the article is fetched.
func TestPendingClaimOfDeadWorkerExpires(t *testing.T) {
	s := newSite(t)
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", `"v1"`)
	store := NewMemoryStore()
	// Find the feed's article URLs with a throwaway crawl, then leave a dead worker's claims.
	var probe collector
	if err := newCrawler(t, testConfig(), NewMemoryStore(), probe.sink, Source{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"}).RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, u := range probe.urls() {
		canon, _ := article.Canonicalize(u)
		if err := store.Put(t.Context(), URLKey(canon), mustJSON(urlClaim{URL: canon, At: time.Now().UTC()})); err != nil {
			t.Fatal(err)
		}
	}
	cfg := testConfig()
	cfg.ClaimLease = 300 * time.Millisecond
	var col collector
	c := newCrawler(t, cfg, store, col.sink, Source{Name: "rss", Kind: KindFeed, URL: s.URL + "/rss2.xml"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(col.urls()); n != 0 {
		t.Fatalf("fetched %d articles still claimed by a live lease, want 0", n)
	}
	waitFor(t, 5*time.Second, "lease expiry", func() bool {
		if err := c.RunOnce(t.Context()); err != nil {
			t.Fatal(err)
		}
		return len(col.urls()) == len(probe.urls())
	})
	for _, r := range s.requests() {
		if r.path == "/rss2.xml" && r.header.Get("If-None-Match") != "" {
			t.Fatal("feed polled conditionally while claims were pending: a 304 would hide the articles")
		}
	}
}

// The source's collection tags travel with each page it yields and become the article's.
func TestPagesCarrySourceTags(t *testing.T) {
	s := newSite(t)
	var col collector
	tags := []string{"country:KE", "kind:newspaper", "collection:africa"}
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "tagged", Kind: KindURLs, Tags: tags,
		URLs: []string{s.URL + "/a/story-one-here", s.URL + "/a/story-two-here"}})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(col.pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(col.pages))
	}
	for _, p := range col.pages {
		if !slices.Equal(p.SourceTags, tags) {
			t.Errorf("page %s: SourceTags = %q; want %q", p.URL, p.SourceTags, tags)
		}
		a, err := article.FromPage(p)
		if err != nil {
			t.Fatalf("FromPage(%s): %v", p.URL, err)
		}
		if !slices.Equal(a.SourceTags, tags) {
			t.Errorf("article %s: SourceTags = %q; want %q", a.URL, a.SourceTags, tags)
		}
	}
}
