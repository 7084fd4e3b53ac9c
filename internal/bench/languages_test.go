package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/article"
)

// The site a --languages run crawls writes its articles in every language asked for, and each page
// is read by article.FromPage as the language it was written in (the slug of a page not in English
// ends in "-<lang>-<i>").
func TestSiteInLanguagesIsDetected(t *testing.T) {
	t.Parallel()
	site := httptest.NewUnstartedServer(nil)
	defer site.Close()
	opts := Options{Articles: 90, Seed: 1, Languages: demo.GeneratedLanguages}
	if err := startSite(site, opts, t.TempDir(), io.Discard); err != nil {
		t.Fatal(err)
	}
	feed := fetch(t, site.URL+"/feeds/1.xml")
	links := regexp.MustCompile(`<link>([^<]+\.html)[^<]*</link>`).FindAllStringSubmatch(string(feed), -1)
	if len(links) != opts.Articles {
		t.Fatalf("feed lists %d articles; want %d", len(links), opts.Articles)
	}
	written := regexp.MustCompile(`-(es|fr|de|pt|zh)-\d+\.html$`)
	detected := map[string]int{}
	for _, l := range links {
		u := l[1]
		want := "en"
		if m := written.FindStringSubmatch(u); m != nil {
			want = m[1]
		}
		a, err := article.FromPage(article.Page{URL: u, Body: fetch(t, u), ContentType: "text/html; charset=utf-8", Fetched: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if a.Language != want {
			t.Errorf("%s: language %q; want %q", u, a.Language, want)
		}
		detected[a.Language]++
	}
	for _, l := range opts.Languages {
		if detected[l] == 0 {
			t.Errorf("no article in %s among %v", l, detected)
		}
	}
}

func fetch(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", u, resp.StatusCode, err)
	}
	return body
}
