package demo

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var jiangsuPlaces = []string{"江苏", "无锡", "Jiangsu", "Wuxi", "Suzhou", "Nanjing", "Changzhou", "Nantong", "Kunshan",
	"Yangzhou", "Xuzhou", "Zhenjiang", "Yancheng", "Lianyungang", "Taizhou", "Huai'an", "Suqian", "Xinwu"}

func get(t *testing.T, srv *httptest.Server, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return resp, body
}

func TestArticlesInventory(t *testing.T) {
	arts := Articles()
	if len(arts) < 45 {
		t.Errorf("len(Articles()) = %d; want >= 45", len(arts))
	}
	jiangsu, langs, perOutlet := 0, map[string]int{}, map[string]int{}
	from := time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.Path] {
			t.Errorf("duplicate path %s", a.Path)
		}
		seen[a.Path] = true
		langs[a.Language]++
		perOutlet[a.Outlet]++
		if a.Published.Before(from) || a.Published.After(to) {
			t.Errorf("%s published %v; want within %v..%v", a.Path, a.Published, from, to)
		}
		if len(a.Places) == 0 {
			t.Errorf("%s: no places", a.Path)
		}
		if slices.ContainsFunc(a.Places, func(p string) bool { return slices.Contains(jiangsuPlaces, p) }) {
			jiangsu++
		}
	}
	if jiangsu < 8 {
		t.Errorf("articles about Jiangsu = %d; want >= 8", jiangsu)
	}
	for lang, want := range map[string]int{"en": 40, "es": 2, "zh": 1, "fr": 1} {
		if langs[lang] < want {
			t.Errorf("articles in %q = %d; want >= %d", lang, langs[lang], want)
		}
	}
	for _, o := range Outlets() {
		if perOutlet[o.Name] < 7 {
			t.Errorf("outlet %s has %d articles; want >= 7", o.Name, perOutlet[o.Name])
		}
	}
}

func TestArticleLengths(t *testing.T) {
	for _, st := range mustSite().stories {
		n := st.WordCount()
		if n < 250 || n > 700 {
			t.Errorf("%s: %d words; want 250..700", st.Path(), n)
		}
	}
}

func TestStoryTextNamesItsPlacesAndFitsItsCharset(t *testing.T) {
	for _, st := range mustSite().stories {
		text := st.Title + " " + st.Dek + " " + strings.Join(st.Paragraphs(), " ")
		for _, p := range st.Places {
			if !strings.Contains(text, p) {
				t.Errorf("%s: place %q is not named in the text", st.Path(), p)
			}
		}
		// The page chrome may fall back to character references; the story itself must not.
		if _, err := encodeStrict(st.Charset, text); err != nil {
			t.Errorf("%s: text does not fit %s: %v", st.Path(), st.Charset, err)
		}
	}
}

func encodeStrict(cs, s string) ([]byte, error) {
	switch cs {
	case "gbk":
		return simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	case "iso-8859-1":
		return charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
	}
	return []byte(s), nil
}

// decodedDoc parses a page as a crawler would: charset from the header or the page itself.
func decodedDoc(t *testing.T, resp *http.Response, body []byte) *goquery.Document {
	t.Helper()
	r, err := charset.NewReader(bytes.NewReader(body), resp.Header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("charset reader: %v", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		t.Fatalf("goquery: %v", err)
	}
	return doc
}

func TestArticlePagesServe(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	byPath := mustSite().byPath
	for _, a := range Articles() {
		resp, body := get(t, srv, a.Path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d; want 200", a.Path, resp.StatusCode)
			continue
		}
		doc := decodedDoc(t, resp, body)
		if got, _ := doc.Find(`link[rel="canonical"]`).Attr("href"); got != srv.URL+a.Path {
			t.Errorf("%s: canonical %q; want %q", a.Path, got, srv.URL+a.Path)
		}
		if got := doc.Find("h1").First().Text(); !strings.Contains(got, a.Title) {
			t.Errorf("%s: h1 %q; want it to contain %q", a.Path, got, a.Title)
		}
		page := doc.Find("body").Text()
		for _, p := range byPath[a.Path].Paragraphs() {
			if !strings.Contains(page, p) {
				t.Errorf("%s: paragraph missing from page: %.60q", a.Path, p)
			}
		}
	}
}

func TestIndexPagesServe(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, o := range outletDefs {
		paths := []string{"/" + o.Slug + "/"}
		for _, s := range o.Sections {
			paths = append(paths, "/"+o.Slug+"/section/"+s+"/")
		}
		for _, p := range paths {
			resp, body := get(t, srv, p)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: status %d; want 200", p, resp.StatusCode)
				continue
			}
			doc := decodedDoc(t, resp, body)
			if doc.Find("a").Length() < 5 {
				t.Errorf("%s: too few links", p)
			}
		}
	}
	if resp, _ := get(t, srv, "/nowhere/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere/: status %d; want 404", resp.StatusCode)
	}
}

type anyFeed struct {
	XMLName xml.Name
	Items   []struct {
		Link string `xml:"link"`
	} `xml:"channel>item"`
	Entries []struct {
		Links []struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
	Title        string `xml:"channel>title"`
	ChannelLinks []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"channel>link"`
}

func (f anyFeed) links() []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Link)
	}
	for _, e := range f.Entries {
		for _, l := range e.Links {
			out = append(out, l.Href)
		}
	}
	return out
}

func TestFeedsCoverEveryArticle(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	found := map[string]bool{}
	for _, fp := range FeedPaths() {
		resp, body := get(t, srv, fp)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", fp, resp.StatusCode)
		}
		var f anyFeed
		if err := xml.Unmarshal(body, &f); err != nil {
			t.Fatalf("parse %s: %v", fp, err)
		}
		if fp == PoisonFeedPath() && f.Title != "Poison Test Feed" {
			t.Errorf("poison feed title %q", f.Title)
		}
		if fp == atomFeedPath && f.XMLName.Local != "feed" {
			t.Errorf("%s root %q; want Atom feed", fp, f.XMLName.Local)
		}
		for _, l := range f.links() {
			u, err := url.Parse(l)
			if err != nil {
				t.Fatalf("%s: bad link %q", fp, l)
			}
			if u.Query().Get("utm_source") == "" {
				t.Errorf("%s: link %q lacks utm_source", fp, l)
			}
			found[u.Path] = true
		}
	}
	for _, a := range Articles() {
		if !found[a.Path] {
			t.Errorf("article %s is in no feed", a.Path)
		}
	}
	if !found[PoisonPath()] {
		t.Errorf("poison page %s is in no feed", PoisonPath())
	}
	if want := len(Articles()) + 1; len(found) != want {
		t.Errorf("feeds link %d distinct paths; want %d", len(found), want)
	}
}

func TestGBKPage(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	var path string
	for _, a := range Articles() {
		if a.Language == "zh" {
			path = a.Path
		}
	}
	resp, body := get(t, srv, path)
	if ct := resp.Header.Get("Content-Type"); !strings.Contains(strings.ToLower(ct), "gbk") {
		t.Errorf("Content-Type %q; want charset GBK", ct)
	}
	if utf8.Valid(body) {
		t.Errorf("GBK page is valid UTF-8; want real GBK bytes")
	}
	if !bytes.Contains(body, []byte(`<meta charset="gbk">`)) {
		t.Errorf("GBK page lacks <meta charset=\"gbk\">")
	}
	dec, err := simplifiedchinese.GBK.NewDecoder().Bytes(body)
	if err != nil {
		t.Fatalf("decode GBK: %v", err)
	}
	for _, want := range []string{"无锡", "江苏", "崔荣国"} {
		if !strings.Contains(string(dec), want) {
			t.Errorf("decoded GBK page lacks %q", want)
		}
	}
}

func TestLatin1Page(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	var path string
	for _, a := range Articles() {
		if a.Language == "fr" {
			path = a.Path
		}
	}
	resp, body := get(t, srv, path)
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "charset") {
		t.Errorf("Content-Type %q; want no charset (declared in the page only)", ct)
	}
	if utf8.Valid(body) {
		t.Errorf("Latin-1 page is valid UTF-8; want real ISO-8859-1 bytes")
	}
	if !bytes.Contains(body, []byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`)) {
		t.Errorf("Latin-1 page lacks its meta http-equiv declaration")
	}
	dec, err := charmap.ISO8859_1.NewDecoder().Bytes(body)
	if err != nil {
		t.Fatalf("decode Latin-1: %v", err)
	}
	if !strings.Contains(string(dec), "Lyon") || !strings.Contains(string(dec), "é") {
		t.Errorf("decoded Latin-1 page lacks expected text")
	}
}

func TestConditionalGet(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, p := range append(FeedPaths(), "/sitemap.xml", Articles()[0].Path) {
		resp, _ := get(t, srv, p)
		etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if etag == "" || lm == "" {
			t.Errorf("%s: ETag %q, Last-Modified %q; want both", p, etag, lm)
			continue
		}
		if resp, _ := get(t, srv, p, "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match: status %d; want 304", p, resp.StatusCode)
		}
		if resp, _ := get(t, srv, p, "If-Modified-Since", lm); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-Modified-Since: status %d; want 304", p, resp.StatusCode)
		}
		if resp, _ := get(t, srv, p, "If-None-Match", `"stale"`); resp.StatusCode != http.StatusOK {
			t.Errorf("%s with stale ETag: status %d; want 200", p, resp.StatusCode)
		}
	}
}

func TestRobots(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	resp, body := get(t, srv, "/robots.txt")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"User-agent: *", "Disallow: /admin/", "Disallow: /private/", "Sitemap: " + srv.URL + "/sitemap.xml"} {
		if !strings.Contains(string(body), want+"\n") {
			t.Errorf("robots.txt lacks line %q:\n%s", want, body)
		}
	}
}

func TestSitemaps(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	_, body := get(t, srv, "/sitemap.xml")
	var idx sitemapIndex
	if err := xml.Unmarshal(body, &idx); err != nil {
		t.Fatalf("parse sitemap index: %v", err)
	}
	if len(idx.Sitemaps) != len(outletDefs) {
		t.Fatalf("sitemap index lists %d sitemaps; want %d", len(idx.Sitemaps), len(outletDefs))
	}
	total, news := 0, 0
	for _, sm := range idx.Sitemaps {
		_, body := get(t, srv, strings.TrimPrefix(sm.Loc, srv.URL))
		var set struct {
			URLs []struct {
				Loc   string `xml:"loc"`
				Title string `xml:"http://www.google.com/schemas/sitemap-news/0.9 news>title"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(body, &set); err != nil {
			t.Fatalf("parse %s: %v", sm.Loc, err)
		}
		total += len(set.URLs)
		for _, u := range set.URLs {
			if u.Title != "" {
				news++
			}
		}
	}
	if total != len(Articles()) {
		t.Errorf("sitemaps list %d URLs; want %d", total, len(Articles()))
	}
	if news == 0 {
		t.Errorf("no Google News entries in any sitemap")
	}
}

func TestPoisonPageHasNoText(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	resp, body := get(t, srv, PoisonPath())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	doc := decodedDoc(t, resp, body)
	doc.Find("script").Remove()
	if got := strings.TrimSpace(doc.Find("body").Text()); got != "" {
		t.Errorf("poison body text %q; want none", got)
	}
}

func TestStartServesAndCloses(t *testing.T) {
	s, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(s.URL() + "/robots.txt")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestOutletsAndFeedPaths(t *testing.T) {
	if got := len(Outlets()); got != 5 {
		t.Errorf("len(Outlets()) = %d; want 5", got)
	}
	fps := FeedPaths()
	if !slices.Contains(fps, atomFeedPath) || fps[len(fps)-1] != PoisonFeedPath() {
		t.Errorf("FeedPaths() = %v; want the Atom feed and the poison feed last", fps)
	}
}

func FuzzParseStory(f *testing.F) {
	f.Add("---\ntitle: T\ndate: 2026-11-01T10:00:00Z\nsection: world\n---\nBody.\n")
	f.Add("---\ntitle: T\n---\n")
	f.Add("no front matter")
	data, err := siteFS.ReadFile("site/articles/daily-ledger/farm-bill-senate-vote.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	o := &outletDefs[0]
	f.Fuzz(func(t *testing.T, src string) {
		st, err := parseStory(o, "fuzz", src)
		if err == nil && (st.Title == "" || len(st.Body) == 0 || st.Published.IsZero()) {
			t.Errorf("parseStory accepted an incomplete story: %+v", st)
		}
	})
}
