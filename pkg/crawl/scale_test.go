package crawl

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/pkg/article"
)

// manyHosts is an in-memory site of n hosts, h1.test … hn.test, each with robots.txt and a feed
// (/feed.xml, ETag, 304 to a matching If-None-Match) of `items` article links. Every request takes
// `cost` (of the synctest bubble's clock) and is logged with its time. It is a RoundTripper, so a
// crawler reaches it without sockets and the whole crawl runs on synctest's fake clock.
type manyHosts struct {
	items int
	cost  time.Duration

	mu     sync.Mutex
	robots map[string][]time.Time // per host
	feeds  map[string][]time.Time
}

func newManyHosts(items int, cost time.Duration) *manyHosts {
	return &manyHosts{items: items, cost: cost, robots: map[string][]time.Time{}, feeds: map[string][]time.Time{}}
}

func (m *manyHosts) sources(n int, poll time.Duration) []Source {
	out := make([]Source, n)
	for i := range out {
		out[i] = Source{Name: "s" + strconv.Itoa(i+1), Kind: KindFeed, URL: "http://h" + strconv.Itoa(i+1) + ".test/feed.xml", Poll: poll}
	}
	return out
}

func (m *manyHosts) RoundTrip(req *http.Request) (*http.Response, error) {
	select {
	case <-time.After(m.cost):
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	rec := httptest.NewRecorder()
	host := req.URL.Hostname()
	switch req.URL.Path {
	case "/robots.txt":
		m.log(m.robots, host)
		rec.WriteString("User-agent: *\nDisallow: /private/\n")
	case "/feed.xml":
		m.log(m.feeds, host)
		rec.Header().Set("ETag", `"v1"`)
		if req.Header.Get("If-None-Match") == `"v1"` {
			rec.WriteHeader(http.StatusNotModified)
			break
		}
		rec.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>t</title>`)
		for j := range m.items {
			fmt.Fprintf(&b, "<item><title>Story %d</title><link>http://%s/a/%d.html</link></item>", j, host, j)
		}
		b.WriteString("</channel></rss>")
		rec.WriteString(b.String())
	default:
		rec.Header().Set("Content-Type", "text/html; charset=utf-8")
		rec.WriteString("<html><body><article><p>Body.</p></article></body></html>")
	}
	res := rec.Result()
	res.Request = req
	return res, nil
}

func (m *manyHosts) log(into map[string][]time.Time, host string) {
	m.mu.Lock()
	into[host] = append(into[host], time.Now())
	m.mu.Unlock()
}

func (m *manyHosts) times(of map[string][]time.Time) map[string][]time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string][]time.Time, len(of))
	for h, ts := range of {
		out[h] = append([]time.Time(nil), ts...)
	}
	return out
}

func scaleConfig(site *manyHosts) Config {
	cfg := DefaultConfig()
	cfg.Transport = site
	return cfg
}

// With many sources every feed's second poll starts one interval after its first did, however long
// the first took: before, the interval ran from the end of a poll, so a poll slowed by politeness
// (robots.txt, then the feed, then its articles, a second apart on one host) pushed every later
// poll back by its own length. A slow sink (the pipeline's backlog gate holding the crawl back)
// delays articles, not polls: before, it held the fetch slots the feeds needed, and the next poll
// waited for the last one's articles to be handed over.
func TestManySourcesPolledOnSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n, poll = 500, time.Minute
		site := newManyHosts(10, 20*time.Millisecond) // a first poll of ~11 s: 12 requests, 1 s apart
		// 5,000 articles handed over 10 s each through the article queue's slots: longer than the interval.
		slowSink := func(ctx context.Context, p article.Page) error {
			time.Sleep(10 * time.Second)
			return nil
		}
		c := newCrawler(t, scaleConfig(site), nil, slowSink, site.sources(n, poll)...)
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- c.Run(ctx) }()
		time.Sleep(4*poll + poll/2) // the hand-over is done, and no poll is under way
		synctest.Wait()
		status := c.Status()
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("Run: %v", err)
		}
		feeds := site.times(site.feeds)
		if len(feeds) != n {
			t.Fatalf("%d feeds polled; want %d", len(feeds), n)
		}
		for host, ts := range feeds {
			if len(ts) < 2 {
				t.Errorf("%s: polled %d times in %s; want at least 2", host, len(ts), 4*poll+poll/2)
				continue
			}
			if gap := ts[1].Sub(ts[0]); gap > poll+poll/10 {
				t.Errorf("%s: second poll %s after the first; want at most the interval + 10%% (%s)", host, gap, poll+poll/10)
			}
		}
		for _, st := range status {
			if st.Fetched != 10 || st.LastError != "" {
				t.Errorf("%s: fetched %d, last error %q; want 10 and none", st.Name, st.Fetched, st.LastError)
			}
		}
	})
}

// Goroutines stay bounded by the crawler's slots, not by its sources, when thousands of polls fall
// due together and the sink holds the articles back (issue #25): due polls wait in the poll heap
// and listed articles in the article queue, as data. Before, each due poll was a goroutine parked
// in its host's queue, then in wait for a sink slot until its articles were handed over: ~20,000
// goroutines at 20,000 feeds, whose stacks the collector scanned at every cycle.
func TestGoroutinesBoundedWithManySources(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n = 3000
		site := newManyHosts(1, 10*time.Millisecond)
		slowSink := func(ctx context.Context, p article.Page) error {
			time.Sleep(time.Second)
			return nil
		}
		cfg := scaleConfig(site)
		cfg.Concurrency = 2 // 64 listings, 64 article slots
		c := newCrawler(t, cfg, nil, slowSink, site.sources(n, 0)...)
		base := runtime.NumGoroutine()
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- c.Run(ctx) }()
		peak := 0
		for range 300 { // 300 s of the bubble's clock: 9,000 requests of 10 ms on 2 workers take 45 s
			time.Sleep(time.Second)
			synctest.Wait()
			peak = max(peak, runtime.NumGoroutine()-base)
		}
		status := c.Status()
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("Run: %v", err)
		}
		if limit := 64 + 64 + 100; peak > limit {
			t.Errorf("peak %d goroutines over the test's own for %d sources; want at most %d (slots, not sources)", peak, n, limit)
		}
		for _, st := range status {
			if st.Fetched != 1 || st.LastError != "" {
				t.Fatalf("%s: fetched %d, last error %q; want 1 and none", st.Name, st.Fetched, st.LastError)
			}
		}
	})
}

// robots.txt is read when a host is first needed, once per host however many of its URLs are
// fetched, and again only after it expires, each host on its own schedule (within the last tenth
// of robotsTTL). A host's feed is fetched right after its robots.txt, not after every other host's.
func TestRobotsFetchedOncePerHostPerExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const n = 200
		site := newManyHosts(3, 100*time.Millisecond)
		cfg := scaleConfig(site)
		cfg.Concurrency = 4 // 200 robots.txt would take 5 s of the 4 workers
		c := newCrawler(t, cfg, nil, (&collector{}).sink, site.sources(n, 0)...)
		runOnce := func() {
			t.Helper()
			if err := c.RunOnce(t.Context()); err != nil {
				t.Fatalf("RunOnce: %v", err)
			}
		}
		runOnce()
		robots, feeds := site.times(site.robots), site.times(site.feeds)
		for host, ts := range robots {
			if len(ts) != 1 {
				t.Errorf("%s: robots.txt read %d times in one round; want 1", host, len(ts))
			}
			// The feed waits one politeness interval after robots.txt, then its turn comes first.
			if wait := feeds[host][0].Sub(ts[0]); wait > cfg.PerHostInterval+500*time.Millisecond {
				t.Errorf("%s: feed fetched %s after robots.txt; want within the host interval + 0.5 s", host, wait)
			}
		}
		if len(robots) != n {
			t.Fatalf("robots.txt read on %d hosts; want %d", len(robots), n)
		}

		time.Sleep(robotsTTL * 8 / 10) // not expired anywhere yet
		runOnce()
		for host, ts := range site.times(site.robots) {
			if len(ts) != 1 {
				t.Errorf("%s: robots.txt read %d times before it expired; want 1", host, len(ts))
			}
		}
		time.Sleep(robotsTTL * 3 / 10) // expired everywhere
		runOnce()
		expiries := map[time.Duration]bool{}
		for host, ts := range site.times(site.robots) {
			if len(ts) != 2 {
				t.Errorf("%s: robots.txt read %d times after it expired; want 2", host, len(ts))
			}
		}
		c.robots.mu.Lock()
		for _, e := range c.robots.m {
			expiries[e.expires.Sub(time.Now()).Round(time.Second)] = true
		}
		c.robots.mu.Unlock()
		if len(expiries) < n/4 {
			t.Errorf("%d hosts' robots.txt expire at only %d distinct times; want them spread", n, len(expiries))
		}
	})
}

// Crawling many hosts makes a fixed number of series: no label takes a host or a source.
func TestMetricSeriesBoundedWithManyHosts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		reg := prometheus.NewRegistry()
		site := newManyHosts(2, 10*time.Millisecond)
		c, err := New(scaleConfig(site), site.sources(300, 0), NewMemoryStore(), (&collector{}).sink, nil, reg)
		if err != nil {
			t.Fatal(err)
		}
		// Gather while the crawl runs too: a per-host gauge only shows while hosts are queued.
		var maxSeries int
		var labels map[string]bool
		gather := func() {
			fams, err := reg.Gather()
			if err != nil {
				t.Error(err)
				return
			}
			series := 0
			labels = map[string]bool{}
			for _, f := range fams {
				series += len(f.GetMetric())
				for _, m := range f.GetMetric() {
					for _, l := range m.GetLabel() {
						labels[f.GetName()+"{"+l.GetName()+"}"] = true
					}
				}
			}
			maxSeries = max(maxSeries, series)
		}
		done := make(chan error)
		go func() { done <- c.RunOnce(t.Context()) }()
		for range 20 {
			time.Sleep(100 * time.Millisecond)
			gather()
		}
		if err := <-done; err != nil {
			t.Fatalf("RunOnce: %v", err)
		}
		gather()
		if maxSeries > 30 {
			t.Errorf("%d series while crawling 300 hosts; want at most 30", maxSeries)
		}
		for l := range labels {
			if !strings.HasSuffix(l, "{kind}") && !strings.HasSuffix(l, "{result}") {
				t.Errorf("label %s: want only kind and result labels", l)
			}
		}
	})
}

// StatusPage pages the sources in one state and adds up all of them.
func TestStatusPage(t *testing.T) {
	site := newManyHosts(1, 0)
	c := newCrawler(t, scaleConfig(site), nil, (&collector{}).sink, site.sources(10, 0)...)
	for i, ss := range c.sources {
		switch {
		case i < 3: // never polled
		case i < 5:
			ss.st.Polls, ss.st.LastError, ss.st.Failed = 1, "feed unreachable", 2
		default:
			ss.st.Polls, ss.st.Fetched = 1, 4
		}
	}
	tests := []struct {
		state         string
		offset, limit int
		wantNames     []string
		wantMatching  int
	}{
		{"", 0, 4, []string{"s1", "s2", "s3", "s4"}, 10},
		{"", 8, 4, []string{"s9", "s10"}, 10},
		{StateError, 0, 10, []string{"s4", "s5"}, 2},
		{StateOK, 2, 2, []string{"s8", "s9"}, 5},
		{StateNeverPolled, 5, 2, nil, 3},
	}
	for _, tt := range tests {
		page, matching, sum := c.StatusPage(tt.state, tt.offset, tt.limit)
		var names []string
		for _, st := range page {
			names = append(names, st.Name)
		}
		if !slices.Equal(names, tt.wantNames) || matching != tt.wantMatching {
			t.Errorf("StatusPage(%q, %d, %d) = %v, %d; want %v, %d", tt.state, tt.offset, tt.limit, names, matching, tt.wantNames, tt.wantMatching)
		}
		want := map[string]int{StateNeverPolled: 3, StateError: 2, StateOK: 5}
		if !maps.Equal(sum.ByState, want) || sum.Sources != 10 || sum.Fetched != 20 || sum.Failed != 4 || sum.Polls != 7 {
			t.Errorf("summary = %+v; want by state %v, 10 sources, 20 fetched, 4 failed, 7 polls", sum, want)
		}
	}
}

// BenchmarkPollNotModified is the crawler's own cost of a poll answered 304 (robots.txt cached,
// no sockets, no politeness wait) with 1,000 and 20,000 sources on as many hosts: the cost per
// poll should not grow with the number of sources.
//
//	go test -run - -bench PollNotModified -benchtime 5x ./pkg/crawl/
func BenchmarkPollNotModified(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		b.Run("sources="+strconv.Itoa(n), func(b *testing.B) {
			site := newManyHosts(0, 0)
			cfg := scaleConfig(site)
			cfg.PerHostInterval = 0
			c, err := New(cfg, site.sources(n, time.Minute), NewMemoryStore(), func(context.Context, article.Page) error { return nil }, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := c.RunOnce(b.Context()); err != nil { // robots.txt and the validators
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := c.RunOnce(b.Context()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/poll")
		})
	}
}
