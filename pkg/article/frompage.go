package article

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Errors FromPage wraps (with the page URL); callers dead-letter such pages.
var (
	ErrNotHTML = errors.New("article: page is not HTML")
	ErrNoBody  = errors.New("article: no extractable body")
)

const (
	// maxHTMLBytes caps how much of a page is decoded and parsed; article text beyond the first
	// few megabytes of markup is vanishingly rare, and the parser's cost is not.
	maxHTMLBytes = 4 << 20
	// maxDepth is how deep flattenDeepNesting lets elements nest, below the HTML parser's limit
	// of 512 open elements.
	maxDepth = 256
)

// FromPage turns a fetched page into an Article: body text (boilerplate removed), title,
// authors, dates, canonical URL and id, source, site name, image and language. What the page
// doesn't say is taken from p.Hints. It returns an error wrapping ErrNotHTML or ErrNoBody
// when there is no article text to be had.
func FromPage(p Page) (*Article, error) {
	a, _, err := fromPage(p)
	return a, err
}

// fromPage is FromPage and FromPageKind.
func fromPage(p Page) (*Article, PageKind, error) {
	pageURL := firstNonEmpty(p.FinalURL, p.URL)
	fail := func(err error) (*Article, PageKind, error) {
		return nil, PageKind{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	root, base, err := parsePage(p)
	if err != nil {
		return fail(err)
	}

	m := readMeta(root, base, p.Fetched)
	kind := pageKind(root, base, m) // before extractBody prunes the tree
	text, paragraphs := extractBody(root, m.Title)
	text = chooseText(text, paragraphs, m.LD.ArticleBody)
	if strings.TrimSpace(text) == "" {
		_, _, err := fail(ErrNoBody)
		return nil, kind, err
	}

	a := &Article{
		URL:          pageURL,
		CanonicalURL: m.Canonical,
		Feed:         p.Feed,
		Fetched:      p.Fetched,
		Title:        firstNonEmpty(m.Title, p.Hints.Title),
		Authors:      m.Authors,
		Published:    m.Published,
		Updated:      m.Updated,
		SiteName:     m.SiteName,
		Image:        m.Image,
		Text:         text,
	}
	if a.CanonicalURL == "" && pageURL != "" {
		a.CanonicalURL, _ = Canonicalize(pageURL)
	}
	if a.CanonicalURL != "" {
		a.ID = IDFor(a.CanonicalURL)
	} else {
		a.ID = IDFor("text:" + text) // no address at all (e.g. a saved file): identify by content
	}
	a.Source = firstNonEmpty(p.Source, sourceHost(pageURL), sourceHost(a.CanonicalURL))
	a.SourceTags = p.SourceTags
	if len(a.Authors) == 0 {
		a.Authors = dedupeNames(p.Hints.Authors)
	}
	a.Published = publishedOf(m, p.Hints.Published)
	// A page's own declaration wins, then the feed's, then what the text looks like.
	a.Language = pageLanguage(firstNonEmpty(m.Language, isoLanguage(p.Hints.Language)), a.Title+"\n"+text)
	a.Normalize()
	return a, kind, nil
}

// parsePage decodes and parses a page; base is its absolute address, or nil.
func parsePage(p Page) (root *html.Node, base *url.URL, err error) {
	if !looksLikeHTML(p.ContentType, p.Body) {
		return nil, nil, ErrNotHTML
	}
	raw := p.Body
	if len(raw) > maxHTMLBytes {
		raw = raw[:maxHTMLBytes]
	}
	src, _, err := DecodeHTML(raw, p.ContentType)
	if err != nil {
		return nil, nil, err
	}
	if root, err = parseHTML(stripRawText(src)); err != nil {
		return nil, nil, err
	}
	if u, err := url.Parse(firstNonEmpty(p.FinalURL, p.URL)); err == nil && u.IsAbs() {
		base = u
	}
	return root, base, nil
}

// publishedOf decides the publication date: the page's structured metadata, then the feed's
// date, then the date printed next to the headline, then the day in the URL path. A day-only
// date gives way to a time-stamped one from a later source that falls on the same day.
func publishedOf(m pageMeta, hint *time.Time) *time.Time {
	var h *time.Time
	if hint != nil {
		t := hint.UTC()
		h = &t
	}
	var dateline *time.Time
	if m.Dateline != nil {
		t := m.Dateline.t
		dateline = &t
		if m.Dateline.grain == grainDay {
			h = firstTime(h, dateline) // a feed date is at least as precise as a day
			dateline = nil
		}
	}
	if m.Published != nil {
		if m.PublishedDay {
			for _, t := range []*time.Time{h, dateline} {
				if t != nil && nearDay(*t, m.Published) {
					return t
				}
			}
		}
		return m.Published
	}
	if t := firstTime(h, dateline); t != nil {
		return t
	}
	if m.Dateline != nil {
		t := m.Dateline.t
		return &t
	}
	return m.URLDate
}

func firstTime(ts ...*time.Time) *time.Time {
	for _, t := range ts {
		if t != nil {
			return t
		}
	}
	return nil
}

// looksLikeHTML rejects empty bodies and media types that are clearly something else (images,
// PDFs, JSON…). With no Content-Type the bytes are sniffed; anything textual is given a chance.
func looksLikeHTML(contentType string, body []byte) bool {
	if len(bytes.TrimSpace(body)) == 0 {
		return false
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case mt == "text/html", mt == "application/xhtml+xml", strings.HasSuffix(mt, "+xml"),
			mt == "text/xml", mt == "application/xml", mt == "text/plain":
			return true
		case mt == "application/octet-stream", mt == "binary/octet-stream":
			// Misconfigured servers send HTML like this; sniff below.
		default:
			return false
		}
	}
	sniffed := http.DetectContentType(body)
	return strings.HasPrefix(sniffed, "text/")
}

// stripRawText empties <script> and <style> elements (JSON-LD scripts excepted) before the page
// is parsed. Their content is never article text, and on news pages it is often half the bytes,
// which the parser would otherwise tokenise and copy into the tree. Comments are skipped over
// so that a commented-out tag can't start a cut.
func stripRawText(src string) string {
	var sb strings.Builder
	last, i := 0, 0
	for i < len(src) {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		j += i
		rest := src[j:]
		if strings.HasPrefix(rest, "<!--") {
			k := strings.Index(rest[4:], "-->")
			if k < 0 {
				break
			}
			i = j + 4 + k + 3
			continue
		}
		tag := ""
		switch {
		case hasPrefixFold(rest, "<script") && tagNameEnds(rest, 7):
			tag = "</script"
		case hasPrefixFold(rest, "<style") && tagNameEnds(rest, 6):
			tag = "</style"
		default:
			i = j + 1
			continue
		}
		gt := strings.IndexByte(rest, '>')
		if gt < 0 {
			break
		}
		bodyStart := j + gt + 1
		if tag == "</script" && containsFold(src[j:bodyStart], "ld+json") {
			i = bodyStart // metadata: keep
			continue
		}
		end := indexFold(src[bodyStart:], tag)
		if end < 0 {
			break
		}
		end += bodyStart
		if end > bodyStart {
			if sb.Len() == 0 {
				sb.Grow(len(src))
			}
			sb.WriteString(src[last:bodyStart])
			last = end
		}
		i = end + len(tag)
	}
	if last == 0 {
		return src
	}
	sb.WriteString(src[last:])
	return sb.String()
}

// tagNameEnds reports whether the tag name that fills s[:n] ends there.
func tagNameEnds(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	switch s[n] {
	case ' ', '>', '/', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// containsFold reports whether the short string s contains sub (lower case) ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}

// indexFold is strings.Index ignoring ASCII case; sub must start with a byte that has no case.
func indexFold(s, sub string) int {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], sub[0])
		if j < 0 {
			return -1
		}
		i += j
		if hasPrefixFold(s[i:], sub) {
			return i
		}
		i++
	}
}

// parseHTML parses a document. The parser refuses pages nested deeper than 512 elements; such
// pages (generated or hostile) are flattened and parsed again rather than rejected.
func parseHTML(src string) (*html.Node, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err == nil {
		return root, nil
	}
	root, err2 := html.Parse(strings.NewReader(flattenDeepNesting(src)))
	if err2 != nil {
		return nil, fmt.Errorf("parse html: %w", errors.Join(err, err2))
	}
	return root, nil
}

// flattenDeepNesting re-serialises a page, dropping start and end tags that would nest deeper
// than maxDepth. Text is kept; only structure below that depth is lost.
func flattenDeepNesting(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var out strings.Builder
	out.Grow(len(src))
	depth := 0
	var dropped []int // depths at which we dropped a start tag, to drop its end tag too
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if isVoid(atom.Lookup(name)) {
				out.Write(z.Raw())
				continue
			}
			depth++
			if depth > maxDepth {
				dropped = append(dropped, depth)
				continue
			}
			out.Write(z.Raw())
		case html.EndTagToken:
			if depth == 0 {
				out.Write(z.Raw())
				continue
			}
			if n := len(dropped); n > 0 && dropped[n-1] == depth {
				dropped = dropped[:n-1]
				depth--
				continue
			}
			depth--
			out.Write(z.Raw())
		default:
			out.Write(z.Raw())
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.Param:
		return true
	}
	return false
}

// chooseText decides between the text found in the page's markup and the JSON-LD articleBody.
// articleBody wins when it is this page's article (most of its words appear in the markup
// text), is not a teaser (at least 80% as long), and doesn't trade paragraph breaks for
// nothing (a one-line blob loses to the same text split into paragraphs).
func chooseText(dom string, paragraphs int, ldBody string) string {
	ld := articleBodyText(ldBody)
	if ld == "" {
		return dom
	}
	if strings.TrimSpace(dom) == "" {
		return ld
	}
	domRunes, ldRunes := utf8.RuneCountInString(dom), utf8.RuneCountInString(ld)
	if wordOverlap(ld, dom) < 0.6 || ldRunes*5 < domRunes*4 {
		return dom
	}
	if !strings.Contains(ld, "\n\n") && paragraphs >= 3 && domRunes*5 >= ldRunes*4 {
		return dom
	}
	return ld
}

// articleBodyText normalises a JSON-LD articleBody: HTML is flattened like a page, plain text
// keeps its line breaks as paragraph breaks.
func articleBodyText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") {
		if nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}); err == nil {
			wrap := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			for _, n := range nodes {
				wrap.AppendChild(n)
			}
			return joinBlocks(cleanBlocks(flatten(wrap), ""))
		}
	}
	var paras []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if line = normalizeSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

// wordOverlap is the share of a's distinct words (runs of letters and digits; in CJK text,
// whole clauses) that also occur in b.
func wordOverlap(a, b string) float64 {
	inB := map[string]bool{}
	for _, w := range words(b) {
		inB[w] = true
	}
	seen := map[string]bool{}
	found := 0
	for _, w := range words(a) {
		if seen[w] {
			continue
		}
		seen[w] = true
		if inB[w] {
			found++
		}
	}
	if len(seen) == 0 {
		return 0
	}
	return float64(found) / float64(len(seen))
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// sourceHost is a URL's host without "www.", the default Source of an article.
func sourceHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
