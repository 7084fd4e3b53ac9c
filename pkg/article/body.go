package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Body extraction works in three steps, each a function below:
//
//  1. prune removes what is never article text: scripts and styles always; navigation, headers,
//     footers, asides, forms, hidden elements, ARIA landmarks that aren't the main content, and
//     elements whose class/id says share bar, cookie banner, comments, related links, ads, … —
//     unless that element holds most of the page's prose (text outside links) (then the class is a theme
//     artefact such as WordPress's "has-sidebar" on the page wrapper, not a widget).
//  2. flatten turns what is left into text blocks (paragraphs, headings, list items, quotes…)
//     in document order, remembering the element each block sits in and how much of it is links.
//  3. pickContainer scores containers: each block of real prose earns points — 1, plus one per
//     comma or full stop, plus one per 100 characters (at most 3) — for its parent (in full),
//     grandparent (half) and great-grandparent (a sixth). A container's score is then scaled by
//     (1 - its link density) and nudged by class/id hints. The best container wins, together
//     with siblings that score close to it and containers of the same tag and class elsewhere
//     (articles split across sibling <div>s, or into sections around images).
//
// The winner's blocks, minus link lists and one-line boilerplate ("Advertisement"), are the body.

const (
	minProseRunes   = 25 // shorter blocks earn no points: bylines, labels, buttons
	maxTextBytes    = 1 << 20
	linkyBlock      = 0.5 // a block that is more than half link text is navigation, not prose
	siblingFraction = 0.2 // siblings scoring this fraction of the winner are part of the article
)

// neverText elements can't hold article prose and are always dropped.
var neverText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Head: true, atom.Link: true, atom.Meta: true,
	atom.Figcaption: true,
}

// boilerplateTags are page furniture by definition (but see the majority rule in prune).
var boilerplateTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Dialog: true, atom.Menu: true, atom.Label: true,
}

// boilerplateRoles are ARIA roles of page furniture.
var boilerplateRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "dialog": true,
	"alertdialog": true, "menu": true, "menubar": true, "search": true, "toolbar": true, "alert": true,
}

// Class/id hints. negativeHint matches widgets around an article; positiveHint matches the
// containers CMSs put articles in. Substrings are matched in the lower-cased "class id" string;
// short words that occur inside longer ones (nav, ad, tag…) must stand alone.
var (
	negativeHint = regexp.MustCompile(`comment|related|share|sharing|social|cookie|consent|gdpr|` +
		`newsletter|subscri|promo|advert|sponsor|outbrain|taboola|recommend|popular|trending|` +
		`sidebar|widget|breadcrumb|footer|masthead|menu|navbar|popup|modal|banner|byline|author|signature|` +
		`caption|paywall|signup|sign-up|read-?more|more-stories|also-read|skip-link|toolbar|disqus|` +
		`(?:^|[\s_-])(?:nav|ad|ads|adv|header|hidden|hide|tags?|tools|meta|rss|dfp|print|login)(?:[\s_-]|$)`)
	positiveHint = regexp.MustCompile(`article|story|content|body|post|entry|main|text|blog|prose`)
)

// blockTags start a new block of text; everything else is inline and flows into the block around it.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true,
	atom.Caption: true, atom.Html: true,
}

// containerTags hold other blocks; text written directly inside one counts for the container
// itself rather than its parent.
var containerTags = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Body: true,
	atom.Td: true, atom.Center: true,
}

// block is one paragraph-like run of text.
type block struct {
	node      *html.Node // the block element the text sits in
	text      string     // whitespace-normalised
	runes     int
	linkRunes int
}

func (b block) linkDensity() float64 {
	if b.runes == 0 {
		return 0
	}
	return float64(b.linkRunes) / float64(b.runes)
}

// extractBody returns the article text of a parsed page (see the overview above). title is
// used to drop a heading that repeats it. It modifies the tree.
func extractBody(root *html.Node, title string) (text string, paragraphs int) {
	body := findBody(root)
	if body == nil {
		return "", 0
	}
	prune(body)
	blocks := flatten(body)
	chosen := pickContainer(blocks)
	var out []block
	if chosen != nil {
		out = blocksWithin(blocks, chosen)
	}
	out = cleanBlocks(out, title)
	if totalRunes(out) < 2*minProseRunes {
		// Nothing scored convincingly: fall back to every <p> on the page, then to any prose.
		out = cleanBlocks(filterBlocks(blocks, func(b block) bool { return b.node.DataAtom == atom.P }), title)
		if len(out) == 0 {
			out = cleanBlocks(blocks, title)
		}
	}
	return joinBlocks(out), len(out)
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// prune removes boilerplate from the tree under body (step 1).
func prune(body *html.Node) {
	prose := map[*html.Node]int{}
	countProseRunes(body, prose)
	majority := prose[body] / 2
	var doomed []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.CommentNode:
				doomed = append(doomed, c)
				continue
			case html.ElementNode:
			default:
				continue
			}
			if neverText[c.DataAtom] || (isBoilerplate(c) && prose[c] <= majority) {
				doomed = append(doomed, c)
				continue
			}
			walk(c)
		}
	}
	walk(body)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// countProseRunes records for every element how many runes of text it holds outside links
// and scripts: a rough measure of prose that menus and link lists don't inflate.
func countProseRunes(n *html.Node, acc map[*html.Node]int) int {
	switch {
	case n.Type == html.TextNode:
		return utf8.RuneCountInString(strings.TrimSpace(n.Data))
	case n.Type == html.ElementNode && (neverText[n.DataAtom] || n.DataAtom == atom.A):
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += countProseRunes(c, acc)
	}
	if n.Type == html.ElementNode {
		acc[n] = total
	}
	return total
}

// isBoilerplate reports whether an element looks like page furniture by tag, role, hidden state
// or class/id. The page skeleton (html, body, main) never is.
func isBoilerplate(n *html.Node) bool {
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main {
		return false
	}
	if boilerplateTags[n.DataAtom] {
		return true
	}
	if boilerplateRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	if n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" {
		// An <article> is only furniture when its class says so outright (a comment, a teaser).
		return commentOrTeaser.MatchString(classID(n))
	}
	return negativeHint.MatchString(classID(n))
}

var commentOrTeaser = regexp.MustCompile(`comment|related|teaser|promo|recommend`)

// classID is the lower-cased class and id of an element, the text the hints match.
func classID(n *html.Node) string {
	return strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
}

// flatten turns the tree under n into blocks in document order (step 2). Text directly inside a
// block element becomes one block; <br><br> also separates blocks.
func flatten(n *html.Node) []block {
	f := flattener{}
	f.walk(n, n, false)
	f.flush(n)
	return f.blocks
}

type segment struct {
	text  string
	link  bool
	brk   bool // a <br>
	block *html.Node
}

type flattener struct {
	blocks []block
	buf    []segment
}

func (f *flattener) walk(n, container *html.Node, inLink bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			f.buf = append(f.buf, segment{text: c.Data, link: inLink})
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Br:
			f.buf = append(f.buf, segment{brk: true})
		case blockTags[c.DataAtom]:
			f.flush(container)
			f.walk(c, c, inLink)
			f.flush(c)
		default:
			f.walk(c, container, inLink || c.DataAtom == atom.A)
		}
	}
}

// flush turns the buffered inline text into blocks belonging to container.
func (f *flattener) flush(container *html.Node) {
	if len(f.buf) == 0 {
		return
	}
	var text strings.Builder
	linkRunes, brs := 0, 0
	emit := func() {
		t := normalizeSpace(text.String())
		if t != "" {
			f.blocks = append(f.blocks, block{node: container, text: t,
				runes: utf8.RuneCountInString(t), linkRunes: min(linkRunes, utf8.RuneCountInString(t))})
		}
		text.Reset()
		linkRunes = 0
	}
	for _, s := range f.buf {
		if s.brk {
			brs++
			if brs == 2 {
				emit()
			}
			text.WriteByte(' ')
			continue
		}
		if strings.TrimSpace(s.text) != "" {
			brs = 0
		}
		text.WriteString(s.text)
		if s.link {
			linkRunes += utf8.RuneCountInString(normalizeSpace(s.text))
		}
	}
	emit()
	f.buf = f.buf[:0]
}

// normalizeSpace collapses every run of white space (including NBSP) to one space and trims.
func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
	}), " ")
}

// ancestorShare divides a block's points for its parent, grandparent and great-grandparent:
// the nearer the container, the more the prose is its own.
var ancestorShare = [3]float64{1, 2, 6}

// containerScore accumulates what pickContainer knows about one element.
type containerScore struct {
	points    float64
	runes     int
	linkRunes int
}

// pickContainer scores containers and returns the winner and the siblings that belong with it
// (step 3), or nil when no block is prose.
func pickContainer(blocks []block) []*html.Node {
	scores := map[*html.Node]*containerScore{}
	var order []*html.Node // candidates in document order, so ties break deterministically
	get := func(n *html.Node) *containerScore {
		s, ok := scores[n]
		if !ok {
			s = &containerScore{}
			scores[n] = s
			order = append(order, n)
		}
		return s
	}
	for _, b := range blocks {
		// Text and link lengths count for every ancestor; they give link density.
		for a := b.node; a != nil; a = a.Parent {
			s := get(a)
			s.runes += b.runes
			s.linkRunes += b.linkRunes
		}
		if b.runes < minProseRunes || b.linkDensity() > linkyBlock {
			continue
		}
		points := 1 + float64(punctuation(b.text)) + min(float64(b.runes)/100, 3)
		first := b.node.Parent
		if containerTags[b.node.DataAtom] {
			first = b.node
		}
		for level, a := 0, first; level < 3 && a != nil; level, a = level+1, a.Parent {
			get(a).points += points / ancestorShare[level]
		}
	}
	final := func(n *html.Node) float64 {
		s := scores[n]
		if s == nil || s.points == 0 {
			return 0
		}
		density := 0.0
		if s.runes > 0 {
			density = float64(s.linkRunes) / float64(s.runes)
		}
		return s.points*(1-density) + hintScore(n)
	}
	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		if n.Type != html.ElementNode {
			continue
		}
		if sc := final(n); sc > bestScore {
			best, bestScore = n, sc
		}
	}
	if best == nil {
		return nil
	}
	chosen := []*html.Node{best}
	threshold := max(10, bestScore*siblingFraction)
	belongs := func(n *html.Node) bool {
		s := scores[n]
		if n == best || n.Type != html.ElementNode || s == nil {
			return false
		}
		density := float64(s.linkRunes) / float64(max(s.runes, 1))
		return final(n) >= threshold || (n.DataAtom == atom.P && s.runes >= 80 && density < 0.25)
	}
	if best.Parent != nil {
		for sib := best.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
			if belongs(sib) {
				chosen = append(chosen, sib)
			}
		}
	}
	// CMSs that break an article around images or embeds repeat the container: same tag, same class.
	if class := attr(best, "class"); class != "" {
		for _, n := range order {
			if n.DataAtom == best.DataAtom && attr(n, "class") == class && belongs(n) && !slices.Contains(chosen, n) {
				chosen = append(chosen, n)
			}
		}
	}
	return chosen
}

// hintScore is what an element's tag and class/id say about it.
func hintScore(n *html.Node) float64 {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return 0 // their classes describe the whole page (WordPress "single-post"), not a container
	}
	score := 0.0
	if attr(n, "itemprop") == "articleBody" {
		score += 50
	}
	switch n.DataAtom {
	case atom.Article, atom.Main:
		score += 10
	case atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Td, atom.Th:
		score -= 5
	}
	ci := classID(n)
	if positiveHint.MatchString(ci) {
		score += 25
	}
	if negativeHint.MatchString(ci) {
		score -= 25
	}
	return score
}

// punctuation counts commas and sentence ends, a sign of prose rather than labels and links.
func punctuation(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ',', '.', '!', '?', ';', '，', '。', '、', '！', '？', '；', '،', '؟':
			n++
		}
	}
	return n
}

// blocksWithin keeps the blocks inside any of the chosen containers, in document order.
func blocksWithin(blocks []block, chosen []*html.Node) []block {
	in := map[*html.Node]bool{}
	for _, n := range chosen {
		in[n] = true
	}
	return filterBlocks(blocks, func(b block) bool {
		for a := b.node; a != nil; a = a.Parent {
			if in[a] {
				return true
			}
		}
		return false
	})
}

func filterBlocks(blocks []block, keep func(block) bool) []block {
	var out []block
	for _, b := range blocks {
		if keep(b) {
			out = append(out, b)
		}
	}
	return out
}

// boilerplateLine matches one-line blocks that sit inside article containers but aren't text.
var boilerplateLine = regexp.MustCompile(`(?i)^(advertisement|advertising|advert|ad|sponsored( content)?|` +
	`(story )?continues below( advertisement)?|continue reading( below)?|read more:?|comments?|` +
	`share( this)?( article| story)?:?|related( articles| stories)?:?|click here.*|` +
	`this slideshow requires javascript\.?|tell us what you think.*|` +
	`.{0,80}\b(sign up|subscribe) (for|to) .{0,60}newsletters?.{0,40}|广告|anzeige|publicité|publicidad|pubblicità)$`)

// cleanBlocks drops link lists, one-line boilerplate, text-free separators and a heading that
// repeats the title.
func cleanBlocks(blocks []block, title string) []block {
	return filterBlocks(blocks, func(b block) bool {
		if b.linkDensity() > linkyBlock || boilerplateLine.MatchString(b.text) {
			return false
		}
		if !strings.ContainsFunc(b.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return false
		}
		if b.node.DataAtom == atom.H1 && title != "" && strings.EqualFold(b.text, title) {
			return false
		}
		return true
	})
}

func totalRunes(blocks []block) int {
	n := 0
	for _, b := range blocks {
		n += b.runes
	}
	return n
}

// joinBlocks joins blocks with blank lines, dropping immediate repeats and stopping at
// maxTextBytes on a block boundary.
func joinBlocks(blocks []block) string {
	var sb strings.Builder
	prev := ""
	for _, b := range blocks {
		if b.text == prev {
			continue
		}
		if sb.Len()+len(b.text) > maxTextBytes {
			break
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.text)
		prev = b.text
	}
	return sb.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
