package crawl

import (
	"bytes"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// PageLink is a link found on a section page that looks like an article.
type PageLink struct {
	URL  string // absolute
	Text string // anchor text, whitespace-collapsed
}

// PageLinks lists what a section page offers: links that look like articles on the same site, and the
// feeds it advertises with <link rel="alternate" type="application/rss+xml|atom+xml">.
type PageLinks struct {
	Articles []PageLink
	Feeds    []string
}

const maxPageLinks = 2000

// DiscoverLinks reads an HTML section page at pageURL and returns its article links and feeds.
// Relative links resolve against <base href> or pageURL.
func DiscoverLinks(body []byte, contentType string, pageURL string) PageLinks {
	base, err := url.Parse(pageURL)
	if err != nil {
		return PageLinks{}
	}
	var r io.Reader = bytes.NewReader(body)
	if cr, err := charset.NewReader(r, contentType); err == nil {
		r = cr
	}
	var (
		out     PageLinks
		seen    = map[string]bool{}
		inA     bool
		href    string
		text    strings.Builder
		baseSet bool
	)
	flush := func() {
		if !inA {
			return
		}
		inA = false
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil || !looksLikeArticle(base, u) {
			return
		}
		u.Fragment = ""
		s := u.String()
		if seen[s] || len(out.Articles) >= maxPageLinks {
			return
		}
		seen[s] = true
		out.Articles = append(out.Articles, PageLink{URL: s, Text: strings.Join(strings.Fields(text.String()), " ")})
	}
	z := html.NewTokenizer(r)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if inA && text.Len() < 500 {
				text.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch atom.Lookup(name) {
			case atom.Base:
				if b, err := base.Parse(attrs["href"]); err == nil && !baseSet && attrs["href"] != "" {
					base, baseSet = b, true
				}
			case atom.Link:
				rel := strings.ToLower(attrs["rel"])
				typ := strings.ToLower(attrs["type"])
				if strings.Contains(rel, "alternate") && (strings.Contains(typ, "rss") || strings.Contains(typ, "atom")) {
					if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
						out.Feeds = appendUnique(out.Feeds, u.String())
					}
				}
			case atom.A:
				flush()
				if h, ok := attrs["href"]; ok {
					inA, href = true, h
					text.Reset()
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.A {
				flush()
			}
		}
	}
}

var (
	nonArticleExt = map[string]bool{
		".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
		".pdf": true, ".zip": true, ".gz": true, ".mp3": true, ".mp4": true, ".mov": true, ".avi": true,
		".css": true, ".js": true, ".json": true, ".xml": true, ".rss": true, ".atom": true, ".txt": true,
		".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".epub": true,
	}
	nonArticleSegment = map[string]bool{
		"tag": true, "tags": true, "category": true, "categories": true, "author": true, "authors": true,
		"topic": true, "topics": true, "search": true, "login": true, "signin": true, "sign-in": true,
		"register": true, "subscribe": true, "subscription": true, "account": true, "about": true,
		"about-us": true, "contact": true, "contact-us": true, "privacy": true, "privacy-policy": true,
		"terms": true, "cookies": true, "newsletter": true, "newsletters": true, "feed": true, "rss": true,
		"page": true, "archive": true, "archives": true, "cdn-cgi": true, "wp-admin": true, "wp-login.php": true,
		"careers": true, "jobs": true, "advertise": true, "shop": true, "help": true, "faq": true,
	}
	longNumber = regexp.MustCompile(`\d{4,}`)
)

// looksLikeArticle guesses from the URL alone whether a link on a section page is an article: same
// site, not a tag/author/utility page or a file, and a slug of several words, a long number (an id or
// a year) or an .html ending.
func looksLikeArticle(page, u *url.URL) bool {
	if u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	if !sameSite(page.Hostname(), u.Hostname()) {
		return false
	}
	p := strings.TrimSuffix(u.Path, "/")
	if p == "" || p == strings.TrimSuffix(page.Path, "/") {
		return false
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, s := range segs {
		if nonArticleSegment[strings.ToLower(s)] {
			return false
		}
	}
	last := strings.ToLower(segs[len(segs)-1])
	ext := path.Ext(last)
	if nonArticleExt[ext] {
		return false
	}
	switch {
	case strings.Count(strings.TrimSuffix(last, ext), "-") >= 2, strings.Count(last, "_") >= 2:
		return true
	case longNumber.MatchString(p):
		return true
	case (ext == ".html" || ext == ".htm" || ext == ".shtml") && len(segs) >= 2:
		return true
	}
	return false
}

// sameSite compares hosts ignoring "www." and allowing subdomains of each other (news.example.com
// and example.com); without a public-suffix list that is the safe approximation.
func sameSite(a, b string) bool {
	a = strings.TrimPrefix(strings.ToLower(a), "www.")
	b = strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}
