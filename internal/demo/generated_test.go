package demo

import (
	"bytes"
	"encoding/xml"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestGeneratedFeedsServeEveryArticle(t *testing.T) {
	const n = 5000
	srv := httptest.NewServer(Generated(n, 42))
	defer srv.Close()
	seen := map[string]bool{}
	pages := 0
	for next := "/feeds/1.xml"; next != ""; pages++ {
		resp, body := get(t, srv, next)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: status %d", next, resp.StatusCode)
		}
		var f anyFeed
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatalf("parse %s: %v", next, err)
		}
		if len(f.Items) > GeneratedPageSize {
			t.Errorf("%s has %d items; want <= %d", next, len(f.Items), GeneratedPageSize)
		}
		for _, it := range f.Items {
			u, _ := url.Parse(it.Link)
			seen[u.Path] = true
		}
		next = ""
		for _, l := range f.ChannelLinks {
			if l.Rel == "next" {
				next = strings.TrimPrefix(l.Href, srv.URL)
			}
		}
	}
	if len(seen) != n {
		t.Errorf("feeds link %d distinct articles; want %d", len(seen), n)
	}
	if want := len(GeneratedFeedPaths(n)); pages != want {
		t.Errorf("followed %d feed pages; want %d", pages, want)
	}
	i := 0
	for p := range seen {
		if i++; i > 25 {
			break
		}
		resp, body := get(t, srv, p)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: status %d", p, resp.StatusCode)
			continue
		}
		doc := decodedDoc(t, resp, body)
		if doc.Find("h1").Length() == 0 || len(doc.Find("body").Text()) < 1500 {
			t.Errorf("%s: page lacks a headline or body text", p)
		}
	}
}

func TestGeneratedIsDeterministic(t *testing.T) {
	a, b, c := Generated(50, 7), Generated(50, 7), Generated(50, 8)
	for _, p := range []string{"/feeds/1.xml", "/sitemaps/1.xml"} {
		ra, rb, rc := httptest.NewRecorder(), httptest.NewRecorder(), httptest.NewRecorder()
		a.ServeHTTP(ra, httptest.NewRequest("GET", p, nil))
		b.ServeHTTP(rb, httptest.NewRequest("GET", p, nil))
		c.ServeHTTP(rc, httptest.NewRequest("GET", p, nil))
		if ra.Code != 200 || !bytes.Equal(ra.Body.Bytes(), rb.Body.Bytes()) {
			t.Errorf("%s: same seed gave different bodies (status %d)", p, ra.Code)
		}
		if bytes.Equal(ra.Body.Bytes(), rc.Body.Bytes()) {
			t.Errorf("%s: different seeds gave the same body", p)
		}
	}
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, httptest.NewRequest("GET", "/daily-ledger/2026/11/01/not-an-article-49999.html", nil))
	if rec.Code != 404 {
		t.Errorf("unknown generated path: status %d; want 404", rec.Code)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"São Paulo lands plant deal": "sao-paulo-lands-plant-deal",
		"  Hello, World!  ":          "hello-world",
		"Medellín 2026":              "medellin-2026",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q; want %q", in, got, want)
		}
	}
}

func BenchmarkGeneratedArticlePage(b *testing.B) {
	h := Generated(1000, 1)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/feeds/1.xml", nil))
	var f anyFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
		b.Fatal(err)
	}
	u, _ := url.Parse(f.Items[0].Link)
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", u.Path, nil))
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func TestGeneratedOnDiskServesTheSamePages(t *testing.T) {
	const n = 30
	live := httptest.NewServer(Generated(n, 5))
	defer live.Close()
	disk := httptest.NewUnstartedServer(nil)
	defer disk.Close()
	h, err := GeneratedOnDisk(n, 5, "http://"+disk.Listener.Addr().String(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	disk.Config.Handler = h
	disk.Start()
	for _, st := range Generated(n, 5).(*genHandler).stories(0, n) {
		r1, b1 := get(t, live, st.Path())
		r2, b2 := get(t, disk, st.Path())
		if r2.StatusCode != 200 || r1.Header.Get("Content-Type") != r2.Header.Get("Content-Type") || r1.Header.Get("ETag") == "" {
			t.Fatalf("%s: on disk status %d type %q, live type %q", st.Path(), r2.StatusCode, r2.Header.Get("Content-Type"), r1.Header.Get("Content-Type"))
		}
		// The pages differ only in the site's address.
		if got := bytes.ReplaceAll(b2, []byte(disk.URL), []byte(live.URL)); !bytes.Equal(got, b1) {
			t.Fatalf("%s: the page on disk differs from the live one", st.Path())
		}
	}
}
