package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Hostile sources (issue 9): each must end in bounded time and memory with a clear error, and
// leave the rest of the crawl alone.
func TestHostileSourcesAreBounded(t *testing.T) {
	s := newSite(t)
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	// Slowloris: a byte every 50 ms, forever.
	s.handle("/slowloris", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for {
			select {
			case <-r.Context().Done():
				return
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				_, _ = w.Write([]byte("<"))
				w.(http.Flusher).Flush()
			}
		}
	})
	// Endless: streams as fast as it can, never ends.
	chunk := bytes.Repeat([]byte("<p>endless news</p>"), 512)
	s.handle("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	// Huge: announces 500 MB.
	s.handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(500<<20))
		_, _ = w.Write(chunk)
	})
	// Compression bomb: 1 KiB on the wire, 200 MiB once inflated.
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 200 {
		_, _ = zw.Write(zeros)
	}
	_ = zw.Close()
	s.handle("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb.Bytes())
	})
	s.handle("/bomb.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		_, _ = w.Write(bomb.Bytes())
	})

	cfg := testConfig()
	cfg.MaxBodyBytes = 1 << 20
	cfg.MaxFeedBytes = 1 << 20
	cfg.Timeout = time.Second
	f, err := NewFetcher(cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, tc := range []struct {
		path string
		want error // nil: any error naming the URL
	}{
		{"/slowloris", nil},
		{"/endless", ErrTooLarge},
		{"/huge", ErrTooLarge},
		{"/bomb", ErrTooLarge},
	} {
		start := time.Now()
		_, err := f.Fetch(t.Context(), Request{URL: s.URL + tc.path})
		took := time.Since(start)
		switch {
		case err == nil:
			t.Errorf("%s: fetched without error", tc.path)
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("%s: err = %v, want %v", tc.path, err, tc.want)
		case !strings.Contains(err.Error(), tc.path):
			t.Errorf("%s: error %q does not name the URL", tc.path, err)
		}
		if took > 5*time.Second {
			t.Errorf("%s held the fetch for %v", tc.path, took)
		}
	}
	// The gzip sitemap path has its own decompression limit.
	if _, err := Gunzip(bomb.Bytes(), 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Gunzip(bomb) err = %v, want ErrTooLarge", err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := int64(after.TotalAlloc-before.TotalAlloc) >> 20; grew > 64 {
		t.Errorf("hostile fetches allocated %d MiB; limits are 1 MiB each", grew)
	}

	// In a crawl, the hostile sources fail and a healthy one still delivers.
	s.file("/rss2.xml", "rss2.xml", "application/rss+xml", `"v1"`)
	var col collector
	c := newCrawler(t, cfg, nil, col.sink,
		Source{Name: "hostile", Kind: KindURLs, URLs: []string{s.URL + "/slowloris", s.URL + "/endless", s.URL + "/huge", s.URL + "/bomb"}},
		Source{Name: "bomb-sitemap", Kind: KindSitemap, URL: s.URL + "/bomb.xml.gz"},
		Source{Name: "healthy", Kind: KindFeed, URL: s.URL + "/rss2.xml"})
	_ = c.RunOnce(t.Context())
	if st := statusOf(c, "hostile"); st.Failed != 4 {
		t.Errorf("hostile source status %+v, want 4 failures", st)
	}
	if st := statusOf(c, "bomb-sitemap"); st.LastError == "" {
		t.Errorf("bomb sitemap status %+v, want an error", st)
	}
	if n := len(col.urls()); n != 3 {
		t.Errorf("healthy feed delivered %d pages, want 3", n)
	}
}
