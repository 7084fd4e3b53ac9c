package bench

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/crawl"
)

// feedHostSuffix names the generated hosts: feed<i>.bench.test. Every one of them is the same
// loopback listener (feedTransport dials it), yet the crawler sees N different hosts, each with its
// own politeness queue and robots.txt: the crawler's per-host costs are measured honestly, without
// N listeners or addresses outside 127.0.0.1.
const feedHostSuffix = ".bench.test"

// feedModified is the Last-Modified of every generated feed: they never change, so each poll
// after the first is answered 304 Not Modified.
var feedModified = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// feedSite serves N small feeds, each on its own host name, over the pages of a generated site:
// /feed.xml (FeedItems items, ETag and Last-Modified, 304 to a matching conditional GET),
// /robots.txt and the article pages. It records when each feed was asked for, so the bench can
// tell whether the second round came on schedule.
type feedSite struct {
	items [][]feedItem // per feed
	pages http.Handler // the generated site's article pages

	robots      atomic.Int64
	feedGets    atomic.Int64
	notModified atomic.Int64
	polls       []feedPolls // per feed
}

type feedItem struct {
	path, title, pubDate string
}

// feedPolls are the first two times a feed was requested (unix ns; 0 = not yet).
type feedPolls struct{ first, second atomic.Int64 }

// newFeedSite renders feeds×perFeed articles into dir and cuts their list into feeds.
func newFeedSite(feeds, perFeed int, seed int64, dir string) (*feedSite, error) {
	n := feeds * perFeed
	pages, err := demo.GeneratedOnDisk(n, seed, "http://pages"+feedHostSuffix, dir)
	if err != nil {
		return nil, err
	}
	var all []feedItem
	for _, p := range demo.GeneratedFeedPaths(n) {
		rec := httptest.NewRecorder()
		pages.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://pages"+feedHostSuffix+p, nil))
		f, err := crawl.ParseFeed(rec.Body.Bytes())
		if err != nil {
			return nil, fmt.Errorf("generated feed %s: %w", p, err)
		}
		for _, it := range f.Items {
			u, err := url.Parse(it.Link)
			if err != nil {
				return nil, fmt.Errorf("generated feed %s: item link: %w", p, err)
			}
			fi := feedItem{path: u.Path, title: it.Title}
			if it.Published != nil {
				fi.pubDate = it.Published.Format(time.RFC1123Z)
			}
			all = append(all, fi)
		}
	}
	if len(all) != n {
		return nil, fmt.Errorf("generated site lists %d articles; want %d", len(all), n)
	}
	s := &feedSite{pages: pages, polls: make([]feedPolls, feeds)}
	for i := range feeds {
		s.items = append(s.items, all[i*perFeed:(i+1)*perFeed])
	}
	return s, nil
}

// start starts serving under the profiler label bench=site, which the server's goroutines
// inherit: `go tool pprof -tagfocus=bench=site` (or -tagignore) on a --cpuprofile separates the
// generated site's CPU, which a real crawl would not spend, from the crawler's.
func (s *feedSite) start(srv *httptest.Server) {
	pprof.Do(context.Background(), pprof.Labels("bench", "site"), func(context.Context) { srv.Start() })
}

// feedHost is the host name of feed i (0-based).
func feedHost(i int) string { return "feed" + strconv.Itoa(i+1) + feedHostSuffix }

// sources are the crawler's sources for the site listening at addr, each polled every poll.
func (s *feedSite) sources(addr string, poll time.Duration) []crawl.Source {
	_, port, _ := net.SplitHostPort(addr)
	out := make([]crawl.Source, len(s.items))
	for i := range s.items {
		out[i] = crawl.Source{Name: "feed" + strconv.Itoa(i+1), Kind: crawl.KindFeed,
			URL: "http://" + net.JoinHostPort(feedHost(i), port) + "/feed.xml", Poll: poll}
	}
	return out
}

// transport dials addr for every *.bench.test host, and refuses anything else: the bench never
// leaves this machine.
func (s *feedSite) transport(addr string) http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	var d net.Dialer
	t.DialContext = func(ctx context.Context, network, hostport string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(hostport)
		if err != nil || !strings.HasSuffix(host, feedHostSuffix) {
			return nil, fmt.Errorf("bench: %s is not a generated host", hostport)
		}
		return d.DialContext(ctx, network, addr)
	}
	t.Proxy = nil
	return t
}

func (s *feedSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	num, ok := strings.CutPrefix(strings.TrimSuffix(host, feedHostSuffix), "feed")
	i, err := strconv.Atoi(num)
	if !ok || err != nil || i < 1 || i > len(s.items) {
		http.NotFound(w, r)
		return
	}
	switch r.URL.Path {
	case "/robots.txt":
		s.robots.Add(1)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
	case "/feed.xml":
		s.serveFeed(w, r, i-1)
	default:
		s.pages.ServeHTTP(w, r)
	}
}

func (s *feedSite) serveFeed(w http.ResponseWriter, r *http.Request, i int) {
	now := time.Now().UnixNano()
	if !s.polls[i].first.CompareAndSwap(0, now) {
		s.polls[i].second.CompareAndSwap(0, now)
	}
	s.feedGets.Add(1)
	etag := `"feed-` + strconv.Itoa(i+1) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", feedModified.Format(http.TimeFormat))
	if r.Header.Get("If-None-Match") == etag {
		s.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	base := "http://" + r.Host
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<rss version="2.0"><channel><title>Feed %d</title><link>%s/</link><language>en</language>`, i+1, base)
	for _, it := range s.items[i] {
		b.WriteString("<item><title>")
		xml.EscapeText(&b, []byte(it.title))
		fmt.Fprintf(&b, "</title><link>%s%s</link><pubDate>%s</pubDate></item>", base, it.path, it.pubDate)
	}
	b.WriteString("</channel></rss>\n")
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	io.WriteString(w, b.String())
}

// secondRounds reports how many feeds were polled twice, and, for those, how late the second poll
// came: the time between the first two requests minus the poll interval.
func (s *feedSite) secondRounds(poll time.Duration) (done int, late []time.Duration) {
	for i := range s.polls {
		first, second := s.polls[i].first.Load(), s.polls[i].second.Load()
		if second == 0 {
			continue
		}
		done++
		late = append(late, time.Duration(second-first)-poll)
	}
	return done, late
}

// FeedsReport is what a feeds run measured about the crawl itself.
type FeedsReport struct {
	Feeds        int
	Articles     int
	Poll         time.Duration   // 0: each feed polled once
	Robots       int64           // robots.txt requests
	FeedRequests int64           // feed requests, conditional ones included
	NotModified  int64           // feed requests answered 304
	SecondRound  int             // feeds polled at least twice
	Late         []time.Duration // per feed polled twice: gap between its first two polls − Poll
	RunCPU       time.Duration   // the run's CPU time (Result.CPU); 0 when unknown
	Polling      PollingAlone    // measured after the run with Options.PollWindow; zero without
}

// PollingAlone is the crawl measured after the run, when every article is indexed and every feed
// unchanged: each poll is a conditional GET answered 304, so the CPU is that of polling (the
// crawler's and the generated site's, and the idle process's), without articles.
type PollingAlone struct {
	Window   time.Duration
	Requests int64         // feed requests in the window
	CPU      time.Duration // the process's CPU time in the window
}

// report is the feed site's count of what the crawler asked for in the run (before any polling
// window); nil for no feed site.
func (s *feedSite) report(poll, runCPU time.Duration, polling PollingAlone) *FeedsReport {
	if s == nil {
		return nil
	}
	done, late := s.secondRounds(poll)
	articles := 0
	for _, items := range s.items {
		articles += len(items)
	}
	return &FeedsReport{Feeds: len(s.items), Articles: articles, Poll: poll, Robots: s.robots.Load(),
		FeedRequests: s.feedGets.Load() - polling.Requests, NotModified: s.notModified.Load() - polling.Requests,
		SecondRound: done, Late: late, RunCPU: max(runCPU, 0), Polling: polling}
}

// measurePolling lets the crawler go on polling for window after the run, and returns the feed
// requests and the CPU time of that window. Without a feed site or a window it returns at once.
func (s *feedSite) measurePolling(ctx context.Context, window time.Duration) (PollingAlone, error) {
	if s == nil || window <= 0 {
		return PollingAlone{}, nil
	}
	cpu0, req0 := cpuTime(), s.feedGets.Load()
	t := time.NewTimer(window)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return PollingAlone{}, fmt.Errorf("bench stopped while measuring polling alone: %w", context.Cause(ctx))
	case <-t.C:
	}
	return PollingAlone{Window: window, Requests: s.feedGets.Load() - req0, CPU: cpuTime() - cpu0}, nil
}

// waitSecondRound returns once every feed has been polled twice, or with an error when ctx ends
// first or the last feed is more than two intervals late; every 5 s it prints how many are done.
// Without a feed site or a poll interval there is no second round: it returns at once.
func (s *feedSite) waitSecondRound(ctx context.Context, poll time.Duration, stderr io.Writer) error {
	if s == nil || poll <= 0 {
		return nil
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	start, lastPrint := time.Now(), time.Now()
	for {
		done, _ := s.secondRounds(poll)
		if done == len(s.polls) {
			return nil
		}
		if time.Since(lastPrint) >= 5*time.Second {
			lastPrint = time.Now()
			fmt.Fprintf(stderr, "bench: %d/%d feeds polled a second time\n", done, len(s.polls))
		}
		if time.Since(start) > 2*poll+time.Minute {
			return fmt.Errorf("bench: only %d of %d feeds were polled a second time", done, len(s.polls))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("bench stopped waiting for the second round: %w", context.Cause(ctx))
		case <-tick.C:
		}
	}
}

// print writes the crawl's figures: requests, and how close to schedule the second round came.
func (f *FeedsReport) print(w io.Writer) {
	fmt.Fprintf(w, "bench: feeds: %d feeds on %d hosts; robots.txt requests %d; feed requests %d (%d answered 304 Not Modified)\n",
		f.Feeds, f.Feeds, f.Robots, f.FeedRequests, f.NotModified)
	if f.Poll <= 0 {
		return
	}
	onTime := 0
	for _, l := range f.Late {
		if l <= f.Poll/10 {
			onTime++
		}
	}
	fmt.Fprintf(w, "bench: second round (poll every %s): %d/%d feeds polled twice, %d within interval+10%%; lateness p50=%s p99=%s max=%s\n",
		f.Poll, f.SecondRound, f.Feeds, onTime, pct(f.Late, 50), pct(f.Late, 99), pct(f.Late, 100))
	f.printPolling(w)
}

// printPolling splits the run's CPU between polls and articles: the feed requests per article
// (a longer run polls each feed more often, so CPU per article alone mixes the two), and with a
// polling window the CPU per poll, and what is left per article once the run's polls are charged
// at that cost (robots.txt and first, unconditional, polls cost more than the 304s measured).
func (f *FeedsReport) printPolling(w io.Writer) {
	if f.Articles == 0 {
		return
	}
	fmt.Fprintf(w, "bench: feed requests per article %.2f\n", float64(f.FeedRequests)/float64(f.Articles))
	p := f.Polling
	if p.Window <= 0 || p.Requests == 0 || p.CPU < 0 {
		return
	}
	perPoll := p.CPU / time.Duration(p.Requests)
	fmt.Fprintf(w, "bench: polling alone for %s after the run: %d feed requests (%.1f/s), CPU %.2fs: %.3f CPU-ms per poll\n",
		p.Window, p.Requests, float64(p.Requests)/p.Window.Seconds(), p.CPU.Seconds(), 1000*perPoll.Seconds())
	if f.RunCPU > 0 {
		polls := perPoll * time.Duration(f.FeedRequests)
		fmt.Fprintf(w, "bench: the run's %d feed requests at that cost: %.2fs of its %.2fs CPU; the rest %.2f CPU-ms/article\n",
			f.FeedRequests, polls.Seconds(), f.RunCPU.Seconds(), 1000*(f.RunCPU-polls).Seconds()/float64(f.Articles))
	}
}
