package crawl

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestSectionPageLinkToListing: a section page links to another section whose address looks like
// an article's (a slug of several words). The crawler fetches it, sees a listing (teasers, no
// text of its own) and does not hand it to the sink; the article it links to is handed on.
func TestSectionPageLinkToListing(t *testing.T) {
	s := newSite(t)
	serve := func(path, body string) {
		s.handle(path, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!doctype html><html><head><title>Example Times</title></head><body>%s</body></html>", body)
		})
	}
	serve("/world/", `<main><h2><a href="/world/asia-pacific-news-today">Asia Pacific news today, all of it</a></h2>
<h2><a href="/world/2023/10/23/wuxi-unveils-new-plan">Wuxi unveils new plan for growth</a></h2></main>`)
	var teasers strings.Builder
	for i := range 8 {
		fmt.Fprintf(&teasers, `<div class="teaser"><h2><a href="/world/asia/story-number-%d">Leaders meet in the region, day %d</a></h2>
<p>Officials say the measure will take effect next year.</p></div>`, i, i)
	}
	serve("/world/asia-pacific-news-today", "<main><h1>Asia Pacific</h1>"+teasers.String()+"</main>")
	var col collector
	c := newCrawler(t, testConfig(), nil, col.sink, Source{Name: "world", Kind: KindPage, URL: s.URL + "/world/"})
	if err := c.RunOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got, want := col.urls(), []string{s.URL + "/world/2023/10/23/wuxi-unveils-new-plan"}; !slices.Equal(got, want) {
		t.Errorf("sink got %q\nwant %q", got, want)
	}
	if n := counterValue(t, c.m.items.WithLabelValues("listing")); n != 1 {
		t.Errorf("items_total{result=listing} = %v, want 1", n)
	}
	if st := statusOf(c, "world"); st.Skipped != 1 || st.Fetched != 1 {
		t.Errorf("status = %+v, want 1 fetched and the listing skipped", st)
	}
}
