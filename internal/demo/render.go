package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// pageData is what every outlet template receives.
type pageData struct {
	Base      string // "http://host:port", from the request
	O         *outletDef
	S         *story   // the article, on article pages
	Canonical string   // absolute canonical URL of the page
	Related   []*story // other stories of the outlet, for related boxes and index pages
	Comments  []comment
	Section   string // on section index pages
	Now       time.Time
}

// comment is reader chatter under Euro Chronicle stories: boilerplate the extractor must drop.
type comment struct {
	Name, When, Text string
	Likes            int
}

var commentPool = []comment{
	{"Henrik_from_Malmo", "2 hours ago", "Interesting piece, but nobody ever asks who pays for this in the end. It is always the taxpayer.", 41},
	{"marie.lefevre", "3 hours ago", "Finally some balanced reporting on this. Thank you for including the regional perspective.", 17},
	{"Observer1974", "5 hours ago", "I have read this three times and I still do not understand what was actually agreed.", 9},
	{"Tomasz K.", "6 hours ago", "Same story every year. Promises in the autumn, excuses in the spring.", 63},
	{"GiuliaR", "8 hours ago", "Would be good to see the full text of the document rather than selected quotes.", 12},
	{"pragmatic_dutchman", "11 hours ago", "The numbers in the fourth paragraph do not add up, in my opinion. Can the editors check?", 5},
	{"Ana Sousa", "yesterday", "Lived there for ten years. The locals have been warning about this for a long time.", 28},
	{"k.weber", "yesterday", "Subscribed just to comment: excellent explainer, keep it up.", 3},
}

func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"in":     func(t time.Time, loc *time.Location, layout string) string { return t.In(loc).Format(layout) },
		"apTime": apStyleTime,
		"esDate": spanishDate,
		"iso":    func(t time.Time) string { return t.Format(time.RFC3339) },
		"byline": byline,
		"join":   strings.Join,
		"upper":  strings.ToUpper,
		"title":  titleCase,
		"add":    func(a, b int) int { return a + b },
		"first": func(n int, xs []*story) []*story {
			if len(xs) > n {
				return xs[:n]
			}
			return xs
		},
		"ldjson": func(d pageData) map[string]any {
			authors := make([]map[string]string, 0, len(d.S.Authors))
			for _, a := range d.S.Authors {
				authors = append(authors, map[string]string{"@type": "Person", "name": a})
			}
			m := map[string]any{
				"@context": "https://schema.org", "@type": "NewsArticle",
				"headline": d.S.Title, "datePublished": d.S.Published.Format(time.RFC3339),
				"author": authors, "articleSection": d.S.Section, "inLanguage": d.S.Language,
				"mainEntityOfPage": d.Canonical,
				"publisher":        map[string]string{"@type": "Organization", "name": d.O.Name},
			}
			if !d.S.Updated.IsZero() {
				m["dateModified"] = d.S.Updated.Format(time.RFC3339)
			}
			return m
		},
	}
}

// apStyleTime formats like "Nov. 18, 2026, 9:30 a.m. ET".
func apStyleTime(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	months := []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
	ampm := "a.m."
	h := t.Hour()
	if h >= 12 {
		ampm = "p.m."
	}
	if h%12 == 0 {
		h = 12
	} else {
		h %= 12
	}
	return fmt.Sprintf("%s %d, %d, %d:%02d %s %s", months[t.Month()-1], t.Day(), t.Year(), h, t.Minute(), ampm, t.Format("MST"))
}

// spanishDate formats like "18 de noviembre de 2026".
func spanishDate(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	months := []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
		"septiembre", "octubre", "noviembre", "diciembre"}
	return fmt.Sprintf("%d de %s de %d", t.Day(), months[t.Month()-1], t.Year())
}

func byline(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	default:
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// renderer holds the parsed templates, one set per outlet plus the shared chrome.
type renderer struct {
	byOutlet map[string]*template.Template
}

func newRenderer() (*renderer, error) {
	r := &renderer{byOutlet: map[string]*template.Template{}}
	for _, o := range outletDefs {
		t, err := template.New(o.Slug).Funcs(templateFuncs()).ParseFS(siteFS, "site/templates/"+o.Slug+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template for %s: %w", o.Slug, err)
		}
		r.byOutlet[o.Slug] = t
	}
	return r, nil
}

func (r *renderer) render(slug, name string, d pageData) ([]byte, error) {
	t, ok := r.byOutlet[slug]
	if !ok {
		return nil, fmt.Errorf("render %s/%s: no templates", slug, name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, d); err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", slug, name, err)
	}
	return buf.Bytes(), nil
}

// renderStory renders an article page and encodes it in the story's charset. It returns the bytes
// and the Content-Type header to send.
func (r *renderer) renderStory(d pageData) ([]byte, string, error) {
	html, err := r.render(d.O.Slug, "article", d)
	if err != nil {
		return nil, "", err
	}
	body, err := encodeCharset(d.S.Charset, html)
	if err != nil {
		return nil, "", fmt.Errorf("encode %s as %s: %w", d.S.Path(), d.S.Charset, err)
	}
	switch d.S.Charset {
	case "gbk":
		return body, "text/html; charset=GBK", nil
	case "iso-8859-1":
		// Declared only inside the page (<meta http-equiv>), as old CMSs do: the crawler must sniff it.
		return body, "text/html", nil
	default:
		return body, "text/html; charset=utf-8", nil
	}
}

// commentsFor picks three comments for a story, the same ones on every request.
func commentsFor(path string) []comment {
	h := fnv.New32a()
	h.Write([]byte(path))
	n := int(h.Sum32())
	out := make([]comment, 0, 3)
	for i := range 3 {
		out = append(out, commentPool[(n+i*3)%len(commentPool)])
	}
	return out
}

// serveBytes answers with body, an ETag and Last-Modified, and 304 on a matching conditional GET.
func serveBytes(w http.ResponseWriter, r *http.Request, body []byte, contentType string, modified time.Time) {
	w.Header().Set("ETag", etagOf(body))
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "max-age=60")
	http.ServeContent(w, r, "", modified, bytes.NewReader(body))
}

// serveXML serves v as an XML document with the XML header, last modified at mod.
func serveXML(w http.ResponseWriter, r *http.Request, v any, ctype string, mod time.Time) {
	body, err := xmlDoc(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	serveBytes(w, r, body, ctype, mod)
}

// serveSite answers what both demo sites answer alike — 405 to anything but GET and HEAD, and
// /robots.txt (last modified at robotsModified) — and hands every other request to the site's
// route with the site's address (scheme and host as the request reached it) and the path.
func serveSite(w http.ResponseWriter, r *http.Request, robotsModified time.Time,
	route func(w http.ResponseWriter, r *http.Request, base, p string)) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := baseURL(r)
	if r.URL.Path == "/robots.txt" {
		serveBytes(w, r, []byte(robotsTxt(base)), "text/plain; charset=utf-8", robotsModified)
		return
	}
	route(w, r, base, r.URL.Path)
}

func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:10]) + `"`
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// trackedLink is the absolute article URL as feeds give it: with campaign parameters that a
// crawler must strip before dedup.
func trackedLink(base, path, source, campaign string) string {
	return base + path + "?utm_source=" + source + "&utm_medium=feed&utm_campaign=" + campaign
}

// xmlDoc marshals v with the XML header.
func xmlDoc(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal xml: %w", err)
	}
	return append([]byte(xml.Header), out...), nil
}
