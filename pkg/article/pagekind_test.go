package article_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// Hand-written pages, each a kind of page a crawl or an archive meets. The prose is made up.
const (
	chrome = `<header><a href="/">Example Times</a><nav><a href="/world/">World</a> <a href="/business/">Business</a>
<a href="/sport/">Sport</a></nav></header>`
	footer = `<footer><a href="/about/">About us</a> <a href="/privacy/">Privacy policy</a> © Example Times</footer>`
	prose  = `The council voted on Tuesday to close the old bridge for repairs, a decision that residents on both banks ` +
		`had asked for since the spring floods. Engineers said the work would take at least four months, and that ` +
		`ferries would run every twenty minutes in the meantime.`
	summary = `Officials say the measure, debated for months, will take effect next year after a final vote.`
)

// page wraps a body in a document with optional extra <head> markup.
func page(head, body string) string {
	return `<!doctype html><html lang="en"><head><title>Example Times</title>` + head + `</head><body>` +
		chrome + body + footer + `</body></html>`
}

// repeat joins n copies of format, each given its number.
func repeat(n int, format string) string {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		sb.WriteString(strings.ReplaceAll(format, "%d", fmt.Sprint(i)))
	}
	return sb.String()
}

const articleMeta = `<meta property="og:type" content="article">` +
	`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge to close"}</script>`

func TestPageKind(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, url, html string
		want            string
	}{
		{"article with many related links at the bottom", "https://example.com/2026/03/04/bridge-to-close-for-repairs",
			page("", `<main><h1>Bridge to close for repairs</h1>`+repeat(5, `<p>`+prose+`</p>`)+
				`<div class="more"><h3>More stories</h3><ul>`+repeat(12, `<li><a href="/2026/03/0%d/another-story-about-the-city">Another story about the city number %d</a></li>`)+`</ul></div></main>`),
			article.KindArticle},
		{"article whose paragraphs link other stories inline", "https://example.com/city/bridge-to-close",
			page("", `<main><h1>Bridge to close</h1>`+repeat(8, `<p>Residents <a href="/city/flood-story-%d">complained about the spring floods</a> for years. `+prose+`</p>`)+`</main>`),
			article.KindArticle},
		{"live blog", "https://example.com/live/election-night",
			page(articleMeta, `<main><h1>Election night: live</h1>`+repeat(10, `<div class="entry"><time>21:%d0</time><h3>Update %d: polls close in the east</h3><p>`+summary+` Turnout was higher than at the last election. <a href="/politics/turnout-explained-in-detail">Turnout explained in detail</a></p></div>`)+`</main>`),
			article.KindArticle},
		{"photo story with short captions and metadata", "https://example.com/gallery/floods-in-pictures",
			page(articleMeta, `<main><h1>The floods in pictures</h1><p>Water rose overnight.</p>`+
				repeat(10, `<figure><img src="/img/%d.jpg"><figcaption>Photo %d: a street under water.</figcaption></figure>`)+
				`<div class="related">`+repeat(6, `<h4><a href="/2026/03/0%d/flood-story">Flood story number %d of the week</a></h4>`)+`</div></main>`),
			article.KindArticle},
		{"photo story with captions as paragraphs", "https://example.com/gallery/floods-in-pictures",
			page("", `<main><h1>The floods in pictures</h1>`+
				repeat(10, `<div class="slide"><img src="/img/%d.jpg"><p>A firefighter carries a child through the water in the old town, photo %d.</p></div>`)+
				`<ul>`+repeat(4, `<li><a href="/2026/03/0%d/flood-story">Flood story number %d of the week</a></li>`)+`</ul></main>`),
			article.KindArticle},
		{"section front", "https://example.com/world/",
			page(`<meta property="og:type" content="website">`, `<main><h1>World</h1>`+
				repeat(8, `<div class="teaser"><h2><a href="/world/story-%d">Leaders meet to discuss the treaty, day %d</a></h2><p>`+summary+`</p><time>2 hours ago</time></div>`)+`</main>`),
			article.KindListing},
		{"section front with one story", "https://example.com/science/",
			page("", `<main><h1>Science</h1><div class="card"><a href="/science/comet-seen">A comet is seen over the hills</a><p>`+summary+`</p><span>04/03/2026</span></div></main>`),
			article.KindListing},
		{"tag page", "https://example.com/tag/elections/",
			page("", `<h1>Elections</h1><ul class="list">`+
				repeat(12, `<li><a href="/politics/2026/03/election-story-%d">Candidates make their final pitch, part %d</a> <span>March %d</span></li>`)+`</ul>`),
			article.KindListing},
		{"paginated archive page", "https://example.com/news/page/2/",
			page("", `<div id="content">`+
				repeat(10, `<article class="post"><h2 class="entry-title"><a href="/news/a-long-post-title-%d/">A long post title, number %d</a></h2><div class="entry-summary"><p>`+summary+` `+summary+`</p></div></article>`)+
				`<div class="nav-links"><a href="/news/page/1/">Newer posts</a> <a href="/news/page/3/">Older posts</a></div></div>`),
			article.KindListing},
		{"front page that calls itself an article", "https://example.com/",
			page(articleMeta, `<main>`+repeat(20, `<div><h3><a href="/news/story-%d">Headline of the day, story %d</a></h3><span>1 hour ago</span></div>`)+`</main>`),
			article.KindListing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := article.Page{URL: tc.url, ContentType: "text/html", Body: []byte(tc.html)}
			_, kind, err := article.FromPageKind(p)
			if err != nil && !errors.Is(err, article.ErrNoBody) { // a list of bare headlines has no body text
				t.Fatal(err)
			}
			if kind.Kind != tc.want {
				t.Errorf("kind %q (%s: %s), want %q", kind.Kind, kind.Why, kind.Measured, tc.want)
			}
			if alone := article.KindOf(p); alone != kind {
				t.Errorf("KindOf = %+v, FromPageKind's kind %+v", alone, kind)
			}
		})
	}
}

// TestPageKindOnDevPages runs the judgement over the article benchmark's dev pages (set
// NEWSMON_ARTICLE_PAGES to the folder with ground-truth.json and html/; skipped without it):
// every one is an article, so every "listing" verdict is a false one.
func TestPageKindOnDevPages(t *testing.T) {
	dir := os.Getenv("NEWSMON_ARTICLE_PAGES")
	truth, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if dir == "" || err != nil {
		t.Skip("NEWSMON_ARTICLE_PAGES does not hold the article benchmark's pages")
	}
	var entries map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(truth, &entries); err != nil {
		t.Fatal(err)
	}
	listings := 0
	for id, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		kind := article.KindOf(article.Page{URL: e.URL, ContentType: "text/html; charset=utf-8", Body: body})
		if kind.Listing() {
			listings++
			t.Errorf("%s (%s): judged a listing (%s: %s)", id, e.URL, kind.Why, kind.Measured)
		}
	}
	t.Logf("%d article pages, %d judged listings", len(entries), listings)
}
