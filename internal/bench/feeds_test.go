package bench

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/crawl"
)

// The feed site serves each feed on its own host name through one listener: robots.txt, a feed of
// its own articles that answers 304 to its ETag, the article pages; other hosts are refused.
func TestFeedSite(t *testing.T) {
	site, err := newFeedSite(3, 2, 1, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	client := &http.Client{Transport: site.transport(addr)}
	srcs := site.sources(addr, time.Minute)
	if len(srcs) != 3 || !strings.HasPrefix(srcs[1].URL, "http://feed2.bench.test:") || srcs[1].Poll != time.Minute {
		t.Fatalf("sources = %+v", srcs)
	}
	get := func(url, etag string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	res, body := get(srcs[1].URL, "")
	f, err := crawl.ParseFeed(body)
	if err != nil || len(f.Items) != 2 {
		t.Fatalf("feed 2: %v, %d items:\n%s", err, len(f.Items), body)
	}
	for _, it := range f.Items {
		if !strings.HasPrefix(it.Link, "http://feed2.bench.test:") {
			t.Errorf("feed 2 links %s: want its own host", it.Link)
		}
		if r, page := get(it.Link, ""); r.StatusCode != http.StatusOK || !bytes.Contains(page, []byte("<html")) {
			t.Errorf("article %s: %d", it.Link, r.StatusCode)
		}
	}
	if again, _ := get(srcs[1].URL, res.Header.Get("ETag")); again.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET: %d; want 304", again.StatusCode)
	}
	if r, _ := get(strings.Replace(srcs[0].URL, "/feed.xml", "/robots.txt", 1), ""); r.StatusCode != http.StatusOK {
		t.Errorf("robots.txt: %d", r.StatusCode)
	}
	if _, err := client.Get("http://example.com/"); err == nil {
		t.Error("the bench transport dialled a host outside the bench")
	}
	rep := site.report(time.Minute, 0, PollingAlone{})
	if rep.Robots != 1 || rep.FeedRequests != 2 || rep.NotModified != 1 || rep.SecondRound != 1 || len(rep.Late) != 1 || rep.Late[0] > -59*time.Second || rep.Articles != 6 {
		t.Errorf("report = %+v; want 1 robots, 2 feed requests (1 not modified), feed 2 polled twice at once (lateness ≈ -1m)", rep)
	}
}

// The feeds report splits the run's CPU between polls and articles: feed requests per article
// always, and with a polling window the CPU per poll and what is left per article. The window's
// requests are not the run's.
func TestFeedsReportPolling(t *testing.T) {
	t.Parallel()
	site, err := newFeedSite(2, 2, 1, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	site.feedGets.Store(10) // 6 in the run, then 4 in the window
	site.notModified.Store(8)
	for _, tc := range []struct {
		name    string
		polling PollingAlone
		runCPU  time.Duration
		want    []string
		not     []string
	}{
		{name: "no window", runCPU: time.Second,
			want: []string{"feed requests 10 (8 answered 304", "feed requests per article 2.50"}, not: []string{"polling alone"}},
		{name: "window", runCPU: 100 * time.Millisecond, polling: PollingAlone{Window: time.Minute, Requests: 4, CPU: 8 * time.Millisecond},
			want: []string{"feed requests 6 (4 answered 304", "feed requests per article 1.50",
				"polling alone for 1m0s after the run: 4 feed requests (0.1/s), CPU 0.01s: 2.000 CPU-ms per poll",
				"the run's 6 feed requests at that cost: 0.01s of its 0.10s CPU; the rest 22.00 CPU-ms/article"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			site.report(time.Minute, tc.runCPU, tc.polling).print(&out)
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tc.not {
				if strings.Contains(out.String(), w) {
					t.Errorf("report has %q:\n%s", w, out.String())
				}
			}
		})
	}
}

func TestRatesOverTime(t *testing.T) {
	t.Parallel()
	t0 := time.Unix(0, 0)
	r := Result{Start: t0, IndexedAt: []time.Time{t0.Add(time.Second), t0.Add(2 * time.Second), t0.Add(25 * time.Second)}}
	if got, want := r.ratesOverTime(10*time.Second), "0.2 0.0 0.1"; got != want {
		t.Errorf("ratesOverTime = %q; want %q", got, want)
	}
}
