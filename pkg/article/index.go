package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageIndex holds the elements metadata extraction looks at, gathered in one walk of the
// parsed page (a CSS selector per question would walk the whole tree each time).
type pageIndex struct {
	root      *html.Node
	htmlLang  string
	title     string       // text of the first <title>
	canonical string       // href of the first <link rel=canonical>
	metas     []*html.Node // <meta content=…>
	ldScripts []string     // bodies of JSON-LD scripts
	body      *html.Node
	h1s       []*html.Node
	times     []*html.Node
	relAuthor []*html.Node            // <a rel~=author>
	itemprops map[string][]*html.Node // by lower-cased itemprop token, <meta> elements excluded
}

func indexPage(root *html.Node) *pageIndex {
	p := &pageIndex{root: root, itemprops: map[string][]*html.Node{}}
	titleSeen := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Html:
				p.htmlLang = attr(c, "lang")
			case atom.Body:
				if p.body == nil {
					p.body = c
				}
			case atom.Title:
				if !titleSeen {
					titleSeen = true
					p.title = textOf(c, 2000)
				}
				continue
			case atom.Meta:
				if hasAttr(c, "content") {
					p.metas = append(p.metas, c)
				}
				continue
			case atom.Link:
				if p.canonical == "" && hasToken(attr(c, "rel"), "canonical") {
					p.canonical = attr(c, "href")
				}
				continue
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(c, "type")), "ld+json") {
					p.ldScripts = append(p.ldScripts, textOf(c, maxHTMLBytes))
				}
				continue
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				continue
			case atom.H1:
				p.h1s = append(p.h1s, c)
			case atom.Time:
				p.times = append(p.times, c)
			case atom.A:
				if hasToken(attr(c, "rel"), "author") {
					p.relAuthor = append(p.relAuthor, c)
				}
			}
			if ip := attr(c, "itemprop"); ip != "" {
				for _, tok := range strings.Fields(strings.ToLower(ip)) {
					p.itemprops[tok] = append(p.itemprops[tok], c)
				}
			}
			walk(c)
		}
	}
	walk(root)
	return p
}

// hasToken reports whether the space-separated list holds tok, ignoring case (rel="canonical").
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// walkElements calls visit for the elements under <body> in document order (scripts, styles
// and other never-text elements skipped) until it returns false.
func (p *pageIndex) walkElements(visit func(*html.Node) bool) {
	if p.body == nil {
		return
	}
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || neverText[c.DataAtom] {
				continue
			}
			if !visit(c) || !walk(c) {
				return false
			}
		}
		return true
	}
	walk(p.body)
}
