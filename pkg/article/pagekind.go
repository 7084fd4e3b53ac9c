package article

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page kinds FromPageKind tells apart.
const (
	KindArticle = "article" // one story: a main body of running prose
	KindListing = "listing" // a front, section, tag or archive page: teasers, each linking to a story
)

// PageKind says whether a page holds an article or lists other pages, and why it was judged so.
type PageKind struct {
	Kind string // KindArticle or KindListing
	// Why names the evidence in a few fixed words, so that skip reasons can be counted
	// ("teasers, little text of their own, listing address").
	Why string
	// Measured is what was counted ("12 teasers, 40 characters of own text"), for logs.
	Measured string
}

// Listing reports whether the page lists articles rather than holding one.
func (k PageKind) Listing() bool { return k.Kind == KindListing }

// FromPageKind is FromPage that also says what kind of page p is. Only what the page itself shows
// decides (no per-site rules):
//
//   - its structure, the main signal: a listing is many teasers — a headline linking to another
//     page of the site, perhaps a summary and a date — with little text of its own beside them;
//     an article's prose stands apart from any links to other stories (a related box, a tag
//     list) and its inline links sit inside running sentences;
//   - its metadata: og:type=article, a schema.org Article-type object or an
//     article:published_time speak for an article, and raise the bar for calling it a listing;
//     og:type=website or a CollectionPage/ItemList lower it;
//   - its address, a weak signal only: "/", /section/…, /tag/…, /category/…, /page/2 lower the
//     bar, a date or a long slug in the path raises it.
//
// An error is FromPage's; the kind is then zero, except with ErrNoBody (a listing of bare
// headlines has no body text).
func FromPageKind(p Page) (*Article, PageKind, error) {
	return fromPage(p)
}

// KindOf says what kind of page p is, as FromPageKind does, without extracting the article: for
// a crawler that must decide whether to hand a page on. A page that isn't HTML or can't be
// parsed is no listing.
func KindOf(p Page) PageKind {
	root, base, err := parsePage(p)
	if err != nil {
		return PageKind{Kind: KindArticle, Why: "unreadable: " + err.Error()}
	}
	doc := indexPage(root)
	m := pageMeta{LD: parseLinkedData(doc.ldScripts)}
	m.ArticleType, m.ListingType = declaredType(readMetaTags(doc))
	return pageKind(root, base, m)
}

const (
	minTeasers        = 1   // a page with no link to another story is no listing
	manyTeasers       = 6   // from this many teasers on, the text a front page may hold besides them grows with theirs
	maxTeaserRunes    = 600 // a teaser's text besides its headline: a summary, a date, a byline
	minTeaserRunes    = 15  // a headline link has at least this much text…
	minTeaserWords    = 3   // …and this many words ("More", "Read on" are not headlines)
	ownTextFloor      = 300 // own text (outside teasers) below this is a listing's chrome, not a story
	strongTeasers     = 15  // with article metadata, a listing needs this many teasers…
	strongOwnTextCeil = 150 // …and at most this much own text
)

// pageKind judges a parsed page (before body extraction prunes it); see FromPageKind.
func pageKind(root *html.Node, base *url.URL, m pageMeta) PageKind {
	body := findBody(root)
	if body == nil {
		return PageKind{Kind: KindArticle}
	}
	if base == nil {
		base = &url.URL{} // a saved file: relative links are the site's
	}
	why := "teasers, little text of their own"
	articleMeta := m.ArticleType || m.LD.IsArticle
	teasers, ceiling := minTeasers, ownTextFloor
	switch {
	case articleMeta:
		teasers, ceiling = strongTeasers, strongOwnTextCeil
		why += ", despite article metadata"
	case m.ListingType || m.LD.IsListing:
		ceiling *= 2
		why += ", listing metadata"
	}
	if base.Host != "" {
		switch urlShape(base.Path) {
		case shapeListing:
			ceiling += ownTextFloor / 2
			why += ", listing address"
		case shapeArticle:
			ceiling -= ceiling / 2
			why += ", article address"
		}
	}
	w := teaserWalker{base: base}
	st := w.walk(body)
	nTeasers := st.teasers + st.open // headlines with no text of their own left open at the top are teasers too
	if !articleMeta && nTeasers >= manyTeasers {
		ceiling = max(ceiling, st.teaserRun/4) // a front page's chrome grows with it
	}
	own := st.openRunes
	if nTeasers >= teasers && own >= ceiling {
		// Teasers, and text of the page's own: is that text a cookie banner or a newsletter box?
		// (Looked at only now: matching class names on every element costs more than the rest.)
		w.chrome = true
		if st := w.walk(body); st.hinted*2 < st.openRunes+st.teaserRun { // (a widget's class on most of the text describes a theme, not a widget)
			own -= st.hinted
		}
	}
	measured := fmt.Sprintf("%d teasers, %d characters of own text", nTeasers, own)
	if nTeasers >= teasers && own < ceiling {
		return PageKind{Kind: KindListing, Why: why, Measured: measured}
	}
	return PageKind{Kind: KindArticle, Why: "text of its own", Measured: measured}
}

// teaserWalker counts teasers and prose in one pass over the tree.
type teaserWalker struct {
	base   *url.URL
	chrome bool // also measure the text in elements whose class or id says page chrome (subtree.hinted)
}

// chromeHint matches the class or id of text-bearing page chrome that sits outside the
// navigation, header and footer elements.
var chromeHint = newKeywordMatcher(`cookie consent gdpr newsletter subscri advert sponsor paywall popup modal banner`, `ad ads`)

// subtree is what teaserWalker.walk learns about an element and everything under it. Runes
// count text outside links.
type subtree struct {
	hinted    int // runes not inside a closed teaser but inside page chrome by class or id (cookie banner, newsletter box)
	teasers   int // closed teasers
	teaserRun int // runes inside closed teasers
	open      int // headline links not yet inside a closed teaser
	openRunes int // runes not inside a closed teaser
	linkRunes int // runes of the open headline links' own text
	// Headline links and runes not yet inside a block element: the block decides whether the
	// links are words of a sentence.
	inlineLinks, inlineRunes int
}

// singles are the children of an element that hold one open headline link each: the items of a
// list of headlines, teasers if the element holds several.
type singles struct {
	links, teasers, runes, hinted int
}

func (g *singles) add(k subtree) {
	if k.open != 1 {
		return
	}
	g.links++
	if k.openRunes <= maxTeaserRunes {
		g.teasers++
		g.runes += k.openRunes
		g.hinted += k.hinted
	}
}

// walk measures n. A teaser is a headline link to another page with what goes with it (a summary,
// a date): the smallest block around the link that holds text besides it, or, when a block holds
// several links and nothing else (a list of headlines), each child holding one of them. A teaser
// holding more text than maxTeaserRunes is no teaser but a story with a link.
func (w *teaserWalker) walk(n *html.Node) subtree {
	var st subtree
	var kids singles
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			r := runesTrimmed(c.Data)
			st.openRunes += r
			st.inlineRunes += r
		case c.Type != html.ElementNode || neverText[c.DataAtom]:
		case c.DataAtom != atom.Body && isBoilerplateTagOrRole(c):
		case c.DataAtom == atom.A:
			if r, ok := w.teaserLink(c); ok {
				st.open++
				st.linkRunes += r
				st.inlineLinks++
			}
		default:
			k := w.walk(c)
			if w.chrome && chromeHint.MatchString(classID(c)) {
				k.hinted = k.openRunes
			}
			kids.add(k)
			st.add(k)
		}
	}
	if !blockTags[n.DataAtom] && n.DataAtom != atom.Body {
		return st
	}
	// Links among more words of their own block than they have are part of a sentence.
	if st.inlineLinks > 0 && st.inlineRunes > st.linkRunes && st.inlineRunes >= minTeaserRunes {
		st.open -= st.inlineLinks
	}
	st.inlineLinks, st.inlineRunes = 0, 0
	switch {
	case st.open == 1 && st.openRunes > 0:
		st.close(st.openRunes, st.hinted)
	case st.open > 1: // each headline alone in its item: the item is the teaser
		st.open -= kids.links
		st.teasers += kids.teasers
		st.teaserRun += kids.runes
		st.openRunes -= kids.runes
		st.hinted -= kids.hinted
	}
	return st
}

func (s *subtree) add(k subtree) {
	s.teasers, s.teaserRun, s.hinted = s.teasers+k.teasers, s.teaserRun+k.teaserRun, s.hinted+k.hinted
	s.open, s.openRunes, s.linkRunes = s.open+k.open, s.openRunes+k.openRunes, s.linkRunes+k.linkRunes
	s.inlineLinks, s.inlineRunes = s.inlineLinks+k.inlineLinks, s.inlineRunes+k.inlineRunes
}

// close makes one open headline link and runes of text (hinted of them in widgets) a teaser,
// unless the text is too long for one.
func (s *subtree) close(runes, hinted int) {
	s.open--
	if runes > maxTeaserRunes {
		return // a story that links elsewhere: its text stays the page's own
	}
	s.teasers++
	s.teaserRun += runes
	s.openRunes -= runes
	s.hinted -= hinted
}

// teaserLink reports whether a is a headline link to another page of the same site, and the
// runes of its text.
func (w *teaserWalker) teaserLink(a *html.Node) (int, bool) {
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || href[0] == '#' {
		return 0, false
	}
	r, words := linkText(a)
	if r < minTeaserRunes || words < minTeaserWords {
		return r, false
	}
	var p string
	if href[0] == '/' && !strings.HasPrefix(href, "//") {
		// The common case, a path on this site, without url.Parse's allocations.
		p = href
		if k := strings.IndexAny(p, "?#"); k >= 0 {
			p = p[:k]
		}
	} else {
		u, err := w.base.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameHost(u.Hostname(), w.base.Hostname()) {
			return r, false
		}
		p = u.Path
	}
	p = strings.TrimSuffix(p, "/")
	if p == "" || p == strings.TrimSuffix(w.base.Path, "/") {
		return r, false // the home page, or this page itself
	}
	return r, true
}

// linkText counts the runes (runs of white space counting one) and words of the text under n.
func linkText(n *html.Node) (runes, words int) {
	nonSpace := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && nonSpace < 400; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				inWord := false
				for _, r := range c.Data {
					if isSpaceRune(r) {
						inWord = false
						continue
					}
					nonSpace++
					if !inWord {
						words++
						inWord = true
					}
				}
			case c.Type == html.ElementNode && !neverText[c.DataAtom]:
				walk(c)
			}
		}
	}
	walk(n)
	return nonSpace + max(words-1, 0), words
}

func sameHost(a, b string) bool {
	a = strings.TrimPrefix(strings.ToLower(a), "www.")
	b = strings.TrimPrefix(strings.ToLower(b), "www.")
	return a == b || strings.HasSuffix(a, "."+b) || strings.HasSuffix(b, "."+a)
}

// isBoilerplateTagOrRole reports page furniture by tag or ARIA role alone: navigation, header,
// footer, asides. Class names are not trusted here: a front page's teasers are often "promo".
func isBoilerplateTagOrRole(n *html.Node) bool {
	return boilerplateTags[n.DataAtom] || boilerplateRoles[strings.ToLower(attr(n, "role"))]
}

func runesTrimmed(s string) int {
	return utf8.RuneCountInString(strings.TrimSpace(s))
}

// Shapes of a page's address (a weak signal).
const (
	shapeUnknown = iota
	shapeListing
	shapeArticle
)

var (
	listingSegment = map[string]bool{
		"section": true, "sections": true, "tag": true, "tags": true, "category": true, "categories": true,
		"topic": true, "topics": true, "page": true, "archive": true, "archives": true, "author": true,
		"authors": true, "search": true, "latest": true, "index": true, "index.html": true, "index.php": true,
	}
	pathDate   = regexp.MustCompile(`/(19|20)\d\d/[01]?\d/`)
	pathNumber = regexp.MustCompile(`\d{5,}`)
)

// urlShape guesses from a page's address whether it is a listing (the site root, a section, tag or
// numbered page) or an article (a date, a long number or a slug of several words in the path).
func urlShape(path string) int {
	p := strings.ToLower(strings.Trim(path, "/"))
	if p == "" {
		return shapeListing
	}
	if pathDate.MatchString("/"+p+"/") || pathNumber.MatchString(p) {
		return shapeArticle
	}
	segs := strings.Split(p, "/")
	last := segs[len(segs)-1]
	if strings.Count(last, "-")+strings.Count(last, "_") >= 3 {
		return shapeArticle
	}
	for _, s := range segs {
		if listingSegment[s] {
			return shapeListing
		}
	}
	return shapeUnknown
}
