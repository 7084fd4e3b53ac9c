package demo

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// siteEpoch is the Last-Modified of pages that have no date of their own.
var siteEpoch = time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)

// Handler serves the whole hand-written demo site. Absolute URLs in pages and feeds are built from
// the request's Host, so the handler works behind httptest, Start or any other listener.
func Handler() http.Handler {
	s := mustSite()
	r, err := newRenderer()
	if err != nil {
		panic(fmt.Sprintf("demo: embedded templates are broken: %v", err))
	}
	return &siteHandler{site: s, r: r}
}

type siteHandler struct {
	site *site
	r    *renderer
}

func (h *siteHandler) stories(o *outletDef) []*story {
	var out []*story
	for _, s := range h.site.stories {
		if s.outlet == o {
			out = append(out, s)
		}
	}
	return out
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	serveSite(w, r, siteEpoch, h.route)
}

// route answers a GET or HEAD of the path p of the bundled site, whose address is base.
func (h *siteHandler) route(w http.ResponseWriter, r *http.Request, base, p string) {
	switch {
	case p == "/":
		h.serveHome(w, r, base)
		return
	case p == "/sitemap.xml":
		idx := sitemapIndex{}
		for _, o := range outletDefs {
			idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: base + "/" + o.Slug + "/sitemap.xml", LastMod: siteEpoch.Format(time.RFC3339)})
		}
		serveXML(w, r, idx, "application/xml; charset=utf-8", siteEpoch)
		return
	case p == poisonFeedPath:
		poison := &story{outlet: &outletDef{Outlet: Outlet{Slug: "poison"}}, Title: "Breaking: page under maintenance",
			Section: "test", Published: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Dek: "This item's page has no article text."}
		doc := rssFeed(base, poisonFeedPath, "Poison Test Feed", base+"/poison/", "A feed whose only page cannot be extracted.", "en", nil)
		doc.Channel.Items = []rssItem{{Title: poison.Title, Link: trackedLink(base, poisonPath, "rss", "poison"),
			GUID: rssGUID{IsPermaLink: "false", Value: base + poisonPath}, PubDate: poison.Published.Format(time.RFC1123Z),
			Description: poison.Dek}}
		serveXML(w, r, doc, "application/rss+xml; charset=utf-8", poison.Published)
		return
	case p == poisonPath:
		serveBytes(w, r, []byte(poisonHTML), "text/html; charset=utf-8", siteEpoch)
		return
	case p == atomFeedPath:
		o := outletBySlug("euro-chronicle")
		st := h.stories(o)
		serveXML(w, r, atomFor(base, atomFeedPath, o, st), "application/atom+xml; charset=utf-8", newestOf(st))
		return
	case strings.HasPrefix(p, "/private/") || strings.HasPrefix(p, "/admin/"):
		// Disallowed by robots.txt; a polite crawler never gets here.
		serveBytes(w, r, []byte(privateHTML), "text/html; charset=utf-8", siteEpoch)
		return
	}
	if st, ok := h.site.byPath[p]; ok {
		h.serveStory(w, r, base, st)
		return
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	o := outletBySlug(parts[0])
	if o == nil {
		http.NotFound(w, r)
		return
	}
	st := h.stories(o)
	switch {
	case len(parts) == 1 && strings.HasSuffix(p, "/"):
		h.serveIndex(w, r, base, o, "", st)
	case len(parts) == 1:
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
	case len(parts) == 2 && parts[1] == "rss.xml":
		doc := rssFeed(base, o.FeedPath, o.Name, base+"/"+o.Slug+"/", o.Tagline, o.Language, st)
		serveXML(w, r, doc, "application/rss+xml; charset=utf-8", newestOf(st))
	case len(parts) == 2 && parts[1] == "sitemap.xml":
		serveXML(w, r, urlSetFor(base, st, o.Slug == "daily-ledger"), "application/xml; charset=utf-8", newestOf(st))
	case len(parts) == 3 && parts[1] == "section" && strings.HasSuffix(p, "/"):
		var in []*story
		for _, s := range st {
			if s.Section == parts[2] {
				in = append(in, s)
			}
		}
		if len(in) == 0 {
			http.NotFound(w, r)
			return
		}
		h.serveIndex(w, r, base, o, parts[2], in)
	default:
		http.NotFound(w, r)
	}
}

func (h *siteHandler) serveStory(w http.ResponseWriter, r *http.Request, base string, st *story) {
	var related []*story
	for _, s := range h.stories(st.outlet) {
		if s != st && len(related) < 4 {
			related = append(related, s)
		}
	}
	d := pageData{Base: base, O: st.outlet, S: st, Canonical: base + st.Path(), Related: related,
		Comments: commentsFor(st.Path()), Now: siteEpoch}
	body, ctype, err := h.r.renderStory(d)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	mod := st.Published
	if !st.Updated.IsZero() {
		mod = st.Updated
	}
	serveBytes(w, r, body, ctype, mod)
}

func (h *siteHandler) serveIndex(w http.ResponseWriter, r *http.Request, base string, o *outletDef, section string, st []*story) {
	canonical := base + "/" + o.Slug + "/"
	if section != "" {
		canonical += "section/" + section + "/"
	}
	body, err := h.r.render(o.Slug, "index", pageData{Base: base, O: o, Canonical: canonical, Related: st, Section: section, Now: siteEpoch})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	serveBytes(w, r, body, "text/html; charset=utf-8", newestOf(st))
}

func (h *siteHandler) serveHome(w http.ResponseWriter, r *http.Request, base string) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsmon demo newsstand</title>\n")
	for _, o := range outletDefs {
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"%s\" href=\"%s%s\">\n", o.Name, base, o.FeedPath)
	}
	b.WriteString("</head><body><h1>Demo newsstand</h1><p>Five fictional outlets for the newsmon demo. All stories are invented.</p><ul>\n")
	for _, o := range outletDefs {
		fmt.Fprintf(&b, "<li><a href=\"/%s/\">%s</a> — <a href=\"%s\">RSS</a></li>\n", o.Slug, o.Name, o.FeedPath)
	}
	b.WriteString("</ul></body></html>\n")
	serveBytes(w, r, []byte(b.String()), "text/html; charset=utf-8", siteEpoch)
}

func newestOf(st []*story) time.Time {
	var t time.Time
	for _, s := range st {
		if s.Published.After(t) {
			t = s.Published
		}
		if s.Updated.After(t) {
			t = s.Updated
		}
	}
	if t.IsZero() {
		return siteEpoch
	}
	return t
}

func robotsTxt(base string) string {
	return "# newsmon demo site\n" +
		"User-agent: *\n" +
		"Disallow: /admin/\n" +
		"Disallow: /private/\n" +
		"Allow: /\n" +
		"\n" +
		"User-agent: BadBot\n" +
		"Disallow: /\n" +
		"\n" +
		"Sitemap: " + base + "/sitemap.xml\n"
}

// encodeCharset converts UTF-8 HTML to the page's wire charset. Runes the charset lacks (a "€" in a
// related-story headline) become numeric character references, as legacy CMSs emit them; the tests
// check separately that each story's own text encodes without any.
func encodeCharset(charset string, utf8HTML []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch charset {
	case "", "utf-8":
		return utf8HTML, nil
	case "gbk":
		enc = simplifiedchinese.GBK
	case "iso-8859-1":
		enc = charmap.ISO8859_1
	default:
		return nil, fmt.Errorf("unknown charset %q", charset)
	}
	out, err := encoding.HTMLEscapeUnsupported(enc.NewEncoder()).Bytes(utf8HTML)
	if err != nil {
		return nil, fmt.Errorf("encode to %s: %w", charset, err)
	}
	return out, nil
}

// poisonHTML has a title and a script but no text in its body: article extraction cannot succeed.
const poisonHTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title></title></head>
<body><script>window.__STATE__={"redirect":null,"articleBody":null};document.body.setAttribute("data-x","1");</script></body>
</html>
`

const privateHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Internal drafts — do not crawl</title></head>
<body><h1>Drafts</h1><p>This area is disallowed by robots.txt. A crawler that indexes this text ignored robots.txt.</p></body></html>
`
