package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func fixture(t testing.TB, name, base string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(b, []byte("{{base}}"), []byte(base))
}

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	t = t.UTC()
	return &t
}

func TestParseFeed(t *testing.T) {
	const base = "https://example.com"
	tests := []struct {
		file      string
		format    string
		title     string
		language  string
		items     []FeedItem
		wantError bool
	}{
		{file: "rss2.xml", format: "rss", title: "Example World News", language: "en-gb", items: []FeedItem{
			{Link: base + "/world/2023/10/23/wuxi-unveils-plan?utm_source=rss&utm_medium=feed", Title: "China’s Wuxi unveils 250 billion yuan plan",
				Authors: []string{"Jane Doe"}, Published: ts("2023-10-23T08:30:00Z")},
			{Link: base + "/business/markets-rally-after-decision-4567", Title: "Markets rally after central bank decision",
				Authors: []string{"John Smith"}, Published: ts("2023-10-24T12:05:00Z")},
			{Link: base + "/world/guid-only-story-8910", Title: "Guid only item", Published: ts("2023-10-25T14:00:00Z")},
		}},
		{file: "atom.xml", format: "atom", title: "Beispiel Nachrichten", language: "de", items: []FeedItem{
			{Link: base + "/politik/bundestag-beschliesst-haushalt-2023", Title: "Bundestag beschließt Haushalt",
				Authors: []string{"Max Mustermann", "Erika Musterfrau"}, Published: ts("2023-10-24T08:00:00Z"), Updated: ts("2023-10-24T10:00:00Z")},
			{Link: "/wirtschaft/relative-link-entry-here", Title: "Relative link entry", Language: "en",
				Published: ts("2023-10-25T07:15:00Z"), Updated: ts("2023-10-25T07:15:00Z")},
		}},
		{file: "rdf.xml", format: "rdf", title: "Example RDF Site", language: "fr", items: []FeedItem{
			{Link: base + "/france/paris-hosts-climate-summit", Title: "Paris hosts climate summit",
				Authors: []string{"Marie Curie"}, Published: ts("2023-10-20T08:00:00Z")},
		}},
		{file: "rss_latin1.xml", format: "rss", title: "Café News", items: []FeedItem{
			{Link: base + "/latin1/deja-vu-in-munchen", Title: "Déjà vu in München", Published: ts("2023-10-26T10:00:00Z")},
		}},
		{file: "broken.xml", format: "rss", wantError: true, title: "Broken", items: []FeedItem{
			{Link: base + "/broken/first-item-survives", Title: "First item survives"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := ParseFeed(fixture(t, tt.file, base))
			if (err != nil) != tt.wantError {
				t.Fatalf("ParseFeed err = %v, want error %v", err, tt.wantError)
			}
			if f == nil {
				t.Fatal("ParseFeed returned no feed")
			}
			if f.Format != tt.format || f.Title != tt.title || f.Language != tt.language {
				t.Errorf("feed = %q %q %q, want %q %q %q", f.Format, f.Title, f.Language, tt.format, tt.title, tt.language)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("got %d items %+v, want %d", len(f.Items), f.Items, len(tt.items))
			}
			for i, got := range f.Items {
				want := tt.items[i]
				if got.Link != want.Link || got.Title != want.Title || got.Language != want.Language ||
					!slices.Equal(got.Authors, want.Authors) || !sameTime(got.Published, want.Published) || !sameTime(got.Updated, want.Updated) {
					t.Errorf("item %d = %+v (published %v)\nwant %+v (published %v)", i, got, got.Published, want, want.Published)
				}
			}
		})
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestParseFeedRejects(t *testing.T) {
	for name, in := range map[string]string{
		"html":       "<!DOCTYPE html><html><body>not a feed</body></html>",
		"empty":      "",
		"whitespace": "   \n",
		"garbage":    "\x00\x01\x02 not xml at all",
		"sitemap":    `<urlset><url><loc>https://e.com/a</loc></url></urlset>`,
	} {
		if f, err := ParseFeed([]byte(in)); err == nil {
			t.Errorf("%s: ParseFeed = %+v, want error", name, f)
		}
	}
}

func TestParseSitemap(t *testing.T) {
	const base = "https://example.com"
	sm, err := ParseSitemap(fixture(t, "sitemap_news.xml", base))
	if err != nil {
		t.Fatal(err)
	}
	if sm.Index || len(sm.URLs) != 2 {
		t.Fatalf("got %+v, want a urlset of 2", sm)
	}
	u := sm.URLs[0]
	if u.Loc != base+"/news/2023/10/25/summit-ends-with-deal" || u.NewsTitle != "Summit ends with deal" || u.NewsLanguage != "en" ||
		u.NewsName != "Example Times" || !sameTime(u.NewsPublished, ts("2023-10-25T09:30:00Z")) {
		t.Errorf("news url = %+v", u)
	}
	if got := sm.URLs[1]; !sameTime(got.LastMod, ts("2023-10-24T00:00:00Z")) || got.NewsTitle != "" {
		t.Errorf("plain url = %+v", got)
	}
	idx, err := ParseSitemap(fixture(t, "sitemap_index.xml", base))
	if err != nil {
		t.Fatal(err)
	}
	if !idx.Index || len(idx.Sitemaps) != 2 || idx.Sitemaps[1].Loc != base+"/sitemaps/2023-09.xml.gz" {
		t.Errorf("index = %+v", idx)
	}
	if _, err := ParseSitemap([]byte("<rss></rss>")); err == nil {
		t.Error("ParseSitemap(rss) succeeded, want error")
	}
}

func TestGunzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(bytes.Repeat([]byte("A"), 1<<20)) // 1 MiB of one byte compresses to about 1 KiB
	zw.Close()
	if buf.Len() > 8<<10 {
		t.Fatalf("bomb is %d bytes compressed", buf.Len())
	}
	if _, err := Gunzip(buf.Bytes(), 64<<10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Gunzip(bomb) err = %v, want ErrTooLarge", err)
	}
	out, err := Gunzip(buf.Bytes(), 2<<20)
	if err != nil || len(out) != 1<<20 {
		t.Errorf("Gunzip = %d bytes, %v; want 1 MiB", len(out), err)
	}
	if out, err := Gunzip([]byte("<urlset/>"), 10); err != nil || string(out) != "<urlset/>" {
		t.Errorf("Gunzip(plain) = %q, %v", out, err)
	}
	if _, err := Gunzip([]byte{0x1f, 0x8b, 0, 0}, 10); err == nil {
		t.Error("Gunzip(corrupt) succeeded")
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"Mon, 23 Oct 2023 08:30:00 GMT":   "2023-10-23T08:30:00Z",
		"Mon, 23 Oct 2023 08:30:00 +0200": "2023-10-23T06:30:00Z",
		"Tues, 24 Oct 2023 08:30:00 EDT":  "2023-10-24T12:30:00Z",
		"24 Oct 2023 08:30:00 -0000":      "2023-10-24T08:30:00Z",
		"Tue, 24 Oct 2023 08:30 +0000":    "2023-10-24T08:30:00Z",
		"2023-10-24T08:30:00.123+05:30":   "2023-10-24T03:00:00.123Z",
		"2023-10-24T08:30:00":             "2023-10-24T08:30:00Z",
		"2023-10-24":                      "2023-10-24T00:00:00Z",
		" 2023-10-24 08:30:00 ":           "2023-10-24T08:30:00Z",
	} {
		got, ok := ParseDate(in)
		w, _ := time.Parse(time.RFC3339Nano, want)
		if !ok || !got.Equal(w) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "yesterday", "32 Foo 2023", "0001-01-01"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", in, got)
		}
	}
}

func TestParseRobots(t *testing.T) {
	const file = `
User-agent: *
Disallow: /private/
Allow: /private/press-release$
Disallow: /*.pdf$
Disallow: /search
Allow: /search/about
Crawl-delay: 2.5

User-agent: NewsMon
User-agent: otherbot
Disallow: /no-newsmon/
Allow: /

user-agent: badbot  # comment
disallow: /
`
	tests := []struct {
		ua   string
		path string
		want bool
	}{
		{"somebot/1.0", "/", true},
		{"somebot/1.0", "/private/x", false},
		{"somebot/1.0", "/private/press-release", true},
		{"somebot/1.0", "/private/press-release-2", false},
		{"somebot/1.0", "/files/a.pdf", false},
		{"somebot/1.0", "/files/a.pdf?x=1", true},
		{"somebot/1.0", "/search?q=x", false},
		{"somebot/1.0", "/search/about", true},
		{"somebot/1.0", "/robots.txt", true},
		{"newsmon/1.0 (+https://x)", "/private/x", true},
		{"newsmon/1.0 (+https://x)", "/no-newsmon/a", false},
		{"BadBot", "/anything", false},
	}
	for _, tt := range tests {
		r := ParseRobots([]byte(file), tt.ua)
		if got := r.Allowed(tt.path); got != tt.want {
			t.Errorf("ParseRobots(ua %q).Allowed(%q) = %v, want %v", tt.ua, tt.path, got, tt.want)
		}
	}
	if d := ParseRobots([]byte(file), "somebot").CrawlDelay(); d != 2500*time.Millisecond {
		t.Errorf("CrawlDelay = %v, want 2.5s", d)
	}
	if d := ParseRobots([]byte(file), "newsmon").CrawlDelay(); d != 0 {
		t.Errorf("newsmon CrawlDelay = %v, want 0", d)
	}
	if !ParseRobots(nil, "x").Allowed("/a") || !ParseRobots([]byte("Disallow: /\n"), "x").Allowed("/a") {
		t.Error("empty robots or rules outside a group must allow")
	}
	if ParseRobots([]byte("User-agent: *\r\nDisallow: /\r\n"), "x").Allowed("/a") {
		t.Error("CRLF robots not parsed")
	}
}

func TestRobotsMatch(t *testing.T) {
	for _, tt := range []struct {
		pat, path string
		want      bool
	}{
		{"/", "/anything", true},
		{"/fish", "/fish.html", true},
		{"/fish", "/Fish", false},
		{"/fish*", "/fishheads/yummy.html", true},
		{"/fish/", "/fish", false},
		{"/*.php", "/folder/filename.php?parameters", true},
		{"/*.php$", "/filename.php?parameters", false},
		{"/*.php$", "/filename.php", true},
		{"/fish*.php", "/fishheads/catfish.php?parameters", true},
		{"/fish*.php", "/Fish.PHP", false},
		{"/a*b*c$", "/axxbyyc", true},
		{"/a*b*c$", "/axxbyycd", false},
		{"*", "/x", true},
		{"$", "", true},
	} {
		if got := robotsMatch(tt.pat, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
	}
}

func TestDiscoverLinks(t *testing.T) {
	const base = "https://example.com/world/"
	got := DiscoverLinks(fixture(t, "section.html", "https://example.com"), "text/html; charset=utf-8", base)
	var urls []string
	for _, l := range got.Articles {
		urls = append(urls, l.URL)
	}
	want := []string{
		"https://example.com/world/2023/10/23/wuxi-unveils-new-plan",
		"https://example.com/world/world/markets-rally-after-decision-4567",
		"https://example.com/world/2023/10/23/wuxi-unveils-new-plan?utm_campaign=home",
	}
	if !slices.Equal(urls, want) {
		t.Errorf("articles = %q\nwant %q", urls, want)
	}
	if got.Articles[0].Text != "Wuxi unveils new plan for growth" {
		t.Errorf("anchor text = %q", got.Articles[0].Text)
	}
	if !slices.Equal(got.Feeds, []string{"https://example.com/section-feed.xml"}) {
		t.Errorf("feeds = %q", got.Feeds)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("DefaultConfig invalid: %v", err)
	}
	err := Config{MaxRedirects: -1}.Validate()
	if err == nil {
		t.Fatal("zero config validated")
	}
	for _, want := range []string{"user_agent", "timeout", "max_body_bytes", "max_feed_bytes", "max_redirects", "per_host_concurrency", "concurrency"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error %q lacks %q", err, want)
		}
	}
	_, err = New(DefaultConfig(), []Source{{Kind: "ftp"}, {Kind: KindFeed, URL: "not a url"}, {Kind: KindURLs}}, NewMemoryStore(), nil, nil, nil)
	if err == nil {
		t.Fatal("New accepted bad sources")
	}
	for _, want := range []string{"sink is nil", "sources[0]", "unknown kind", "sources[1]", "sources[2]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("New error %q lacks %q", err, want)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rdf.xml", "rss_latin1.xml", "broken.xml"} {
		f.Add(fixture(f, name, "https://e.com"))
	}
	f.Add([]byte(`<feed><entry><link href="x"/><title type="xhtml"><div>a</div></title></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := ParseFeed(data)
		if err == nil && feed == nil {
			t.Fatal("nil feed without error")
		}
		_, _ = ParseSitemap(data)
	})
}

func FuzzParseRobots(f *testing.F) {
	f.Add(fixture(f, "robots.txt", ""), "/private/a")
	f.Add([]byte("User-agent: *\nDisallow: /*a*a*a*a*a*a*b$\n"), "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	f.Add([]byte("user-agent:newsmon\nallow:\ncrawl-delay: 1e9\n"), "/")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data, "newsmon/1.0")
		_ = r.Allowed(path)
		_ = r.CrawlDelay()
	})
}
