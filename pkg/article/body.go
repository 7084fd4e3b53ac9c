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
//     artefact such as WordPress's "has-sidebar" on the page wrapper, not a widget). Links and
//     the inline parts of a paragraph keep their words whatever their class (only captions,
//     hidden text and hover cards inside a paragraph go), and an embedded post (a tweet quoted in
//     the story) stays even in a "social" wrapper.
//  2. flatten turns what is left into text blocks (paragraphs, headings, list items, quotes…)
//     in document order, remembering the element each block sits in and how much of it is links.
//  3. pickContainer scores containers: each block of real prose earns points — 1, plus one per
//     comma or full stop, plus one per 100 characters (at most 3) — for its parent (in full),
//     grandparent (half) and great-grandparent (a sixth). A container's score is then scaled by
//     (1 - its link density) and nudged by class/id hints. The best container wins, together
//     with siblings whose own prose scores close to it (a class hint alone doesn't make a
//     "story-info" dateline bar part of the "story-body") and elements of the same class
//     elsewhere (articles split across sibling <div>s, into sections around images, or opened
//     by a paragraph that carries the container's class).
//
// The winner's blocks, minus link lists (but not link-rich prose), one-line boilerplate
// ("Advertisement", "Photo: …", "Updated at 1:23 p.m.") and a leading <h1>, are the body. Cells
// of a data table are read one row per line.

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
	negativeHint = newKeywordMatcher(`comment related share sharing social cookie consent gdpr `+
		`newsletter subscri promo advert sponsor outbrain taboola recommend popular trending `+
		`sidebar widget breadcrumb footer masthead menu navbar popup modal banner byline author signature `+
		`caption paywall signup sign-up readmore read-more more-stories also-read skip-link toolbar disqus `+
		`donat membership support-us`,
		`nav ad ads adv header hidden hide tag tags tools meta rss dfp print login`)
	positiveHint = newKeywordMatcher(`article story content body post entry main text blog prose`, "")
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
	out = dropLeadingHeadline(out)
	return joinBlocks(out), len(out)
}

// dropLeadingHeadline removes an <h1> among the first blocks: it is the article's headline
// (perhaps worded differently from og:title), which belongs in Title, not Text.
func dropLeadingHeadline(blocks []block) []block {
	for i := 0; i < len(blocks) && i < 3; i++ {
		if blocks[i].node.DataAtom == atom.H1 {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
	}
	return blocks
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
	var walk func(n *html.Node, inParagraph, inP bool)
	walk = func(n *html.Node, inParagraph, inP bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.CommentNode:
				doomed = append(doomed, c)
				continue
			case html.ElementNode:
			default:
				continue
			}
			if neverText[c.DataAtom] || (inParagraph && isHoverCard(c)) {
				doomed = append(doomed, c)
				continue
			}
			switch {
			case c.DataAtom == atom.A:
				// A link's class describes the link, not a widget around it
				// ("auto-tag_doobie-brothers" on a band's name); link lists go later, by density.
			case inP && !blockTags[c.DataAtom]:
				// Inside a paragraph only a picture's caption, screen-reader text and the like
				// go; other class hints describe widgets, not words.
				if isHidden(c) || inlineJunkHint.MatchString(classID(c)) {
					doomed = append(doomed, c)
					continue
				}
			case isBoilerplate(c) && prose[c] <= majority && !holdsEmbeddedPost(c):
				// (An embedded post, a tweet quoted in the story, sits in a "social" wrapper
				// that is no share bar.)
				doomed = append(doomed, c)
				continue
			}
			walk(c, inParagraph || c.DataAtom == atom.P || c.DataAtom == atom.Li, inP || c.DataAtom == atom.P)
		}
	}
	walk(body, false, false)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
}

// inlineJunkHint matches the classes of inline elements inside a paragraph that aren't its
// words: an image with its caption and credit, screen-reader labels, ads.
var inlineJunkHint = newKeywordMatcher(`caption credit sr-only visually-hidden screen-reader image photo figure media advert`,
	`ad ads hidden hide`)

// hoverHint matches class/id values of pop-ups that CMSs tuck inside paragraphs: a person's
// card after their linked name, a tooltip.
var hoverHint = newKeywordMatcher(`rollover hovercard hover-card tooltip popover profile-card author-card person-card`, "")

// isHoverCard reports whether an element inside a paragraph is a pop-up card rather than text:
// its class says so, or it holds a picture and several links (a name's card with its latest
// stories). Its text would otherwise run into the sentence and make it look like a link list.
func isHoverCard(n *html.Node) bool {
	if n.DataAtom == atom.A {
		return false
	}
	if !hoverLike(n) {
		return false
	}
	// Only the innermost such element goes: the wrapper around "<a>Name</a><span>card</span>"
	// looks like a card too, but its first link is part of the sentence.
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.A && hoverLike(c) {
			return false
		}
	}
	return true
}

func hoverLike(n *html.Node) bool {
	return hoverHint.MatchString(classID(n)) || cardLike(n)
}

// cardLike reports whether n holds a picture and at least two links.
func cardLike(n *html.Node) bool {
	// A card is small: looking at a few hundred nodes is enough, and keeps a paragraph of
	// thousands of nested spans from costing quadratic time.
	images, links, budget := 0, 0, 300
	var count func(*html.Node)
	count = func(n *html.Node) {
		for c := n.FirstChild; c != nil && (images == 0 || links < 2) && budget > 0; c = c.NextSibling {
			budget--
			switch c.DataAtom {
			case atom.Img:
				images++
			case atom.A:
				links++
			}
			count(c)
		}
	}
	count(n)
	return images > 0 && links >= 2
}

// embedHint matches the classes of embedded social-media posts (a tweet, an Instagram post).
var embedHint = newKeywordMatcher(`twitter-tweet instagram-media tiktok-embed fb-post bluesky-embed mastodon-embed`, "")

// inEmbeddedPost reports whether n is inside an embedded post, whose lines are often just a
// link ("we’re. on. it. https://t.co/…") and are still what the post says.
func inEmbeddedPost(n *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if a.DataAtom == atom.Blockquote && embedHint.MatchString(classID(a)) {
			return true
		}
	}
	return false
}

// holdsEmbeddedPost reports whether n is or wraps a blockquote with an embedded post.
func holdsEmbeddedPost(n *html.Node) bool {
	if n.DataAtom == atom.Blockquote && embedHint.MatchString(classID(n)) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsEmbeddedPost(c) {
			return true
		}
	}
	return false
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

var commentOrTeaser = newKeywordMatcher(`comment related teaser promo recommend`, "")

// classID is the lower-cased class and id of an element, the text the hints match.
func classID(n *html.Node) string {
	class, id := attr(n, "class"), attr(n, "id")
	switch {
	case class == "" && id == "":
		return ""
	case id == "":
		return strings.ToLower(class)
	case class == "":
		return strings.ToLower(id)
	}
	return strings.ToLower(class + " " + id)
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
		case (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && !hasBlockChild(c):
			// A data table's row reads as one line ("6 Ryan Blaney 2339 1 1"); cells of a
			// layout table that hold paragraphs stay blocks of their own.
			f.walk(c, container, inLink)
			f.buf = append(f.buf, segment{text: " "})
		case blockTags[c.DataAtom]:
			f.flush(container)
			f.walk(c, c, inLink)
			f.flush(c)
		default:
			f.walk(c, container, inLink || c.DataAtom == atom.A)
		}
	}
}

// hasBlockChild reports whether any element under n starts a block of its own.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || hasBlockChild(c)) {
			return true
		}
	}
	return false
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
	// Most text is already clean: one pass to check, before building anything.
	clean, prevSpace := true, true
	for _, r := range s {
		sp := isSpaceRune(r)
		if sp && (prevSpace || r != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	pending := false
	for _, r := range s {
		if isSpaceRune(r) {
			pending = sb.Len() > 0
			continue
		}
		if pending {
			sb.WriteByte(' ')
			pending = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
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
		// A sibling must hold prose of its own: a class hint alone ("story-info" beside
		// "story-body") doesn't make a dateline bar part of the article.
		// A class hint can at most double what the prose earns.
		content := s.points * (1 - density)
		return content+min(hintScore(n), content) >= threshold || (n.DataAtom == atom.P && s.runes >= 80 && density < 0.25)
	}
	if best.Parent != nil {
		for sib := best.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
			if belongs(sib) {
				chosen = append(chosen, sib)
			}
		}
	}
	// CMSs that break an article around images or embeds repeat the container's class (on the
	// same tag, or on a paragraph that opens the story).
	if class := attr(best, "class"); class != "" {
		for _, n := range order {
			if (n.DataAtom == best.DataAtom || n.DataAtom == atom.P) && attr(n, "class") == class && belongs(n) && !slices.Contains(chosen, n) {
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
	`share( this)?( article| story)?:?|related( articles| stories)?:?|click here.*|(see |read )?(more|also):|` +
	`you (may|might) also (like|enjoy).{0,20}|` +
	`this slideshow requires javascript\.?|tell us what you think.*|` +
	`广告|広告|광고|anzeige|werbung|publicité|publicidad|pubblicità|iklan|реклама|advertentie|reklame|annonce|` +
	`don'?t miss:?|related news|more news|latest news|most read|trending now|` +
	`\d+( ?[-–] ?\d+)? of \d+|topics?:?|tags:?|` +
	`(additional reporting|editing|edited|compiled) by .{0,100}|` +
	`\[\w+( [^\]]*)?\].{0,100}\[/\w+\]|` +
	`\d+ min(ute)?s? read|(reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\s*:.{0,20}|` +
	`(filed under|posted in|categor(y|ies)|tags|tagged( with)?)\s*:.{0,120}|` +
	`(getty images|ap photo|reuters|afp|epa|shutterstock|istock(photo)?|alamy)(/.{0,40})?|` +
	`(photo|image|picture|foto|video)( credit)?: .{0,100})$`)

// boilerplateSentences are one-line calls to action that open with anything: "Sign up for our
// newsletters", "Follow Newsbeat on Instagram", "Jane Doe may be reached at …". Each comes with
// a keyword that must be present before the (slower) pattern is tried.
var boilerplateSentences = []struct {
	keyword string
	re      *regexp.Regexp
}{
	{"newsletter", regexp.MustCompile(`(?i)^.{0,80}\b(sign up|subscribe) (for|to) .{0,60}newsletters?.{0,40}$`)},
	{" on ", regexp.MustCompile(`(?i)^(follow|like|join) .{0,60}\bon (instagram|facebook|twitter|youtube|linkedin|tiktok)\b.{0,80}$`)},
	{"coverage", regexp.MustCompile(`(?i)^follow .{0,60}\bcoverage\b.{0,120}$`)},
	{"enjoyed this", regexp.MustCompile(`(?i)^if you (enjoyed|liked) (this|our) (article|story|piece).{0,400}$`)},
	{"modera", regexp.MustCompile(`(?i)^.{0,60}(comments?|comentários|comentarios|commentaires|kommentare).{0,200}modera.{0,100}$`)},
	{" be ", regexp.MustCompile(`(?i)^(have a (news )?tip\?)?.{0,80}\b(can|may) be (reached|contacted) at .{0,150}$`)},
	// A publisher's appeal to its readers placed between paragraphs ("X is free to read. If you
	// value our reporting, please consider becoming a member."): it addresses the reader ("our",
	// "your") and asks for money or membership, which reported speech about members never does.
	{"our", regexp.MustCompile(`(?i)^.{0,200}\b(if you (value|enjoy|like|appreciate|rely on) (our|this|the)|` +
		`please (consider )?(support|donat|subscrib|becom)\w*|support (us|our (journalism|reporting|work|newsroom))|` +
		`become a (paying )?(member|subscriber|supporter|patron)|(is|are|remains?) free (for everyone )?to read|` +
		`(donate|give|contribute) (now|today)|make a (donation|contribution)|unlimited (digital )?access)\b.{0,250}$`)},
}

// isBoilerplateLine reports whether a short block is one-line boilerplate.
func isBoilerplateLine(text string, runes int) bool {
	if runes <= 200 && boilerplateLine.MatchString(text) {
		return true
	}
	lower := strings.ToLower(text)
	for _, s := range boilerplateSentences {
		if strings.Contains(lower, s.keyword) && s.re.MatchString(text) {
			return true
		}
	}
	return false
}

// cleanBlocks drops link lists, one-line boilerplate, text-free separators and a heading that
// repeats the title.
func cleanBlocks(blocks []block, title string) []block {
	return filterBlocks(blocks, func(b block) bool {
		// boilerplateLine only matches short lines; longer blocks skip the costly regexp.
		if (b.linkDensity() > linkyBlock && !linkedProse(b) && !inEmbeddedPost(b.node)) || (b.runes <= 500 && isBoilerplateLine(b.text, b.runes)) {
			return false
		}
		// A block with no word character (as the benchmark tokenises: letters, digits, "_") is a
		// separator; "___" between wire-story sections is text.
		if !strings.ContainsFunc(b.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' }) {
			return false
		}
		// A short line with a copyright sign is a picture credit or a notice.
		if b.runes <= 150 && strings.ContainsRune(b.text, '©') {
			return false
		}
		if b.node.DataAtom == atom.H1 && title != "" && strings.EqualFold(b.text, title) {
			return false
		}
		return !isDateLine(b.text, b.runes)
	})
}

// linkedProse reports whether a link-heavy block inside the article is still prose: a list
// item that links its first sentence and goes on to explain ("<a>Google has bought X.</a> The
// startup was…"). Navigation is short link text with little else.
func linkedProse(b block) bool {
	if b.linkDensity() > 0.8 {
		return false
	}
	plain := b.runes - b.linkRunes
	if plain >= 50 && punctuation(b.text) >= 2 {
		return true
	}
	// A short paragraph whose names are linked: "<a>James Van Der Beek</a> has been eliminated
	// from “<a>Dancing with the Stars</a>.”" — words between the links and a full stop.
	return b.node.DataAtom == atom.P && plain >= 15 && endsSentence(b.text)
}

// endsSentence reports whether text ends like a sentence, closing quotes and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？':
		return true
	}
	return false
}

// stampLabel starts a line that stamps the article rather than tells it ("Updated at 1:23 p.m.").
var stampLabel = regexp.MustCompile(`(?i)^(?:last )?(?:updated|published|posted|modified|publicado|publié|mis à jour|aktualisiert|veröffentlicht|actualizado|atualizado|aggiornato|pubblicato|diperbarui|обновлено|опубликовано)\b`)

var clockDigits = regexp.MustCompile(`\d{1,2}[:.h]\d\d`)

// dateWords are the words a printed date is made of besides numbers: weekdays, connectives,
// a.m./p.m. (month names and zones are looked up separately).
var dateWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true, "at": true, "on": true,
	"am": true, "pm": true, "a": true, "p": true, "m": true, "de": true, "às": true, "à": true, "a las": true,
	"um": true, "uhr": true, "le": true, "el": true, "del": true, "h": true, "feira": true, "segunda": true,
	"terça": true, "quarta": true, "quinta": true, "sexta": true, "sábado": true, "domingo": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true, "viernes": true, "lundi": true,
	"mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
	"samstag": true, "sonntag": true, "senin": true, "selasa": true, "rabu": true, "kamis": true,
	"jumat": true, "sabtu": true, "minggu": true, "pukul": true, "wib": true, "updated": true, "published": true}

// isDateLine reports whether a short block is only a time stamp: "Updated at 1:23 p.m.",
// "sexta-feira, 22 de outubro de 2010 às 20:13". Such lines label the article; they aren't its text.
func isDateLine(text string, runes int) bool {
	if runes > 80 {
		return false
	}
	if !strings.ContainsFunc(text, unicode.IsDigit) {
		return false
	}
	if stampLabel.MatchString(text) {
		// "Updated at 1:23 p.m.", "Published 18 Nov 2019" — but not "Published in 1998, the book…".
		if clockDigits.MatchString(text) {
			return true
		}
		_, ok := parseDateText(text, dateContext{})
		return ok
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, zone := zoneAbbrevs[w]; zone || usZones[w] != 0 {
			continue
		}
		if w = strings.ToLower(w); !dateWords[w] && monthNames[w] == 0 {
			return false
		}
	}
	_, ok := parseDateText(text, dateContext{})
	return ok
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
