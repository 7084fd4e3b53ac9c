package archive

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/article"
)

// wgetHost is the address testdata/gen_wget_warc.go had wget crawl the demo site under.
const wgetHost = "demo.newsmon.test"

// liveID is the id a live crawl gives the demo article at path: the crawler fetches the link its
// feed gives (with campaign parameters) and article.FromPage makes the article of the page.
func liveID(t *testing.T, path string) (id, canonical string) {
	t.Helper()
	u := "http://" + wgetHost + path + "?utm_source=rss&utm_medium=feed&utm_campaign=live"
	rec := httptest.NewRecorder()
	demo.Handler().ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	a, err := article.FromPage(article.Page{URL: u, FinalURL: u, ContentType: rec.Header().Get("Content-Type"),
		Body: body, Fetched: time.Now()})
	if err != nil {
		t.Fatalf("live crawl of %s: %v", u, err)
	}
	return a.ID, a.CanonicalURL
}

// TestWARCWrittenByWget reads GNU Wget's WARC of a recursive crawl of the demo site
// (testdata/gen_wget_warc.go): every demo article comes out with the id a live crawl gives it,
// judged an article, and every front and section page is judged a listing;
// robots.txt, feeds, 404s and wget's own log are skipped with their reasons; request, warcinfo
// and metadata records are passed over.
func TestWARCWrittenByWget(t *testing.T) {
	t.Parallel()
	r, err := Open("testdata/wget-demo.warc.gz", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	items, skips, bad, end := readAll(t, r)
	if end != nil || len(bad) != 0 {
		t.Fatalf("end %v, bad records %v", end, bad)
	}
	got := map[string]string{} // id → canonical URL
	listings := 0              // HTML pages that are no demo article: front and section pages
	for _, it := range items {
		a, kind, err := it.ArticleKind(time.Now())
		if err != nil {
			t.Errorf("%s: %v", it.URL, err)
			continue
		}
		switch {
		case strings.HasSuffix(it.URL, ".html") && !kind.Listing():
			got[a.ID] = a.CanonicalURL
		case strings.HasSuffix(it.URL, "/") && kind.Listing():
			listings++
		default:
			t.Errorf("%s (%s) read as %s (%s: %s)", it.URL, it.ContentType, kind.Kind, kind.Why, kind.Measured)
		}
	}
	for _, e := range demo.Articles() {
		id, canonical := liveID(t, e.Path)
		if got[id] != canonical {
			t.Errorf("%s: live crawl id %s (%s) not among the WARC's articles", e.Path, id, canonical)
		}
		delete(got, id)
	}
	if len(got) != 0 {
		t.Errorf("articles the demo site does not list: %v", got)
	}
	// The crawl fetched the home page, 5 outlet front pages and 25 section pages: HTML the reader
	// hands on, each judged a listing (which the importer skips), every article an article.
	if listings != 31 {
		t.Errorf("%d front and section pages judged listings, want 31", listings)
	}
	reasons := map[string]int{}
	for _, s := range skips {
		reasons[s]++
	}
	want := map[string]int{
		"not html: application/rss+xml":  5, // the outlets' feeds, linked from the home page
		"not html: application/atom+xml": 1,
		"not html: text/plain":           1,  // robots.txt
		"http status 404":                38, // footer links the demo does not serve, stylesheets
		"not an http(s) address":         2,  // wget's arguments and log, resource records at metadata://
	}
	if fmt.Sprint(reasons) != fmt.Sprint(want) {
		t.Errorf("skipped %v\nwant    %v", reasons, want)
	}
	// 127 responses and 2 resources are numbered; 127 requests, the warcinfo and the metadata
	// record are not.
	if n := len(items) + len(skips); n != 129 {
		t.Errorf("%d numbered records, want 129", n)
	}
}
