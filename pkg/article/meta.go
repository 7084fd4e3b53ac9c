package article

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata a page states about itself, read before boilerplate is pruned
// (bylines and JSON-LD live in what pruning removes).
type pageMeta struct {
	Title     string
	Authors   []string
	Published *time.Time // from structured metadata: JSON-LD, meta tags, microdata, <time datetime>
	Updated   *time.Time
	// PublishedDay is set when Published came without a time of day ("2023-10-23").
	PublishedDay bool
	Dateline     *textDate  // the date printed next to the headline, if any
	URLDate      *time.Time // the day written in the URL path, the last resort
	Canonical    string     // absolute and canonicalized, or ""
	SiteName     string
	Image        string
	Language     string // ISO 639-1 as declared by the page, or ""
	LD           linkedData
	// ArticleType is set when the page's meta tags call it an article (og:type, article:published_time);
	// ListingType when they call it a web site (og:type=website). Both feed pageKind.
	ArticleType, ListingType bool
}

// metaTags indexes <meta> content by lower-cased name, property, itemprop and http-equiv.
type metaTags map[string][]string

func (m metaTags) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range m[k] {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
	}
	return ""
}

func readMetaTags(p *pageIndex) metaTags {
	m := metaTags{}
	for _, n := range p.metas {
		content := attr(n, "content")
		for _, a := range []string{"name", "property", "itemprop", "http-equiv"} {
			if k := attr(n, a); k != "" {
				k = strings.ToLower(strings.TrimSpace(k))
				m[k] = append(m[k], content)
			}
		}
	}
	return m
}

// readMeta gathers title, authors, dates, canonical URL, site name, image and declared language.
// base is the page's address, for resolving relative links; it may be nil.
func readMeta(root *html.Node, base *url.URL, fetched time.Time) pageMeta {
	doc := indexPage(root)
	tags := readMetaTags(doc)
	m := pageMeta{LD: parseLinkedData(doc.ldScripts)}

	m.SiteName = firstNonEmpty(tags.first("og:site_name", "application-name"), m.LD.Publisher)
	m.Canonical = canonicalOf(doc, base, tags.first("og:url"), m.LD.URL)
	m.Image = resolve(base, firstNonEmpty(tags.first("og:image", "og:image:url", "og:image:secure_url",
		"twitter:image", "twitter:image:src"), m.LD.Image))
	m.Title = titleOf(doc, tags, m.LD, m.SiteName, base)
	head := headlineNode(doc, m.Title, m.SiteName, hostOf(base))
	m.Authors = authorsOf(doc, tags, m.LD, head)
	m.Published, m.PublishedDay = dateOfGrain(fetched,
		m.LD.DatePublished,
		tags.first("article:published_time", "og:article:published_time", "og:published_time",
			"article:published", "published_time", "datepublished", "pubdate", "publishdate",
			"publish-date", "publication_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
			"dcterms.date", "sailthru.date", "parsely-pub-date", "citation_publication_date"),
		itempropDate(doc, "datePublished"),
		timeElementDate(doc))
	m.URLDate = dateOf(fetched, urlPathDate(base))
	m.ArticleType, m.ListingType = declaredType(tags)
	m.Updated = dateOf(fetched,
		m.LD.DateModified,
		tags.first("article:modified_time", "og:article:modified_time", "og:updated_time",
			"article:modified", "datemodified", "last-modified", "dcterms.modified"),
		itempropDate(doc, "dateModified"))
	lang := doc.htmlLang
	m.Language = firstNonEmpty(isoLanguage(lang),
		isoLanguage(tags.first("content-language", "language", "dc.language", "og:locale")),
		isoLanguage(m.LD.Language))
	if m.Published == nil || m.PublishedDay {
		ctx := dateContext{language: firstNonEmpty(m.Language, detectLanguage(m.Title)),
			region: region(firstNonEmpty(lang, tags.first("og:locale", "content-language", "language")))}
		ctx.monthFirst = ctx.language == "en" && ctx.region == "US"
		if td, ok := datelineDate(doc, ctx, head); ok && plausibleDate(td.t, fetched) && nearDay(td.t, m.URLDate) {
			m.Dateline = &td
		}
	}
	return m
}

// declaredType reads what a page's meta tags call it: an article (og:type=article, an
// article:published_time) or a web site (og:type=website).
func declaredType(tags metaTags) (articleType, listingType bool) {
	ogType := strings.ToLower(tags.first("og:type"))
	return ogType == "article" || tags.first("article:published_time") != "", ogType == "website"
}

// region is the upper-case region subtag of a language tag ("pt-BR" → "BR"), or "".
func region(tag string) string {
	parts := strings.FieldsFunc(tag, func(r rune) bool { return r == '-' || r == '_' })
	for _, p := range parts[min(1, len(parts)):] {
		if len(p) == 2 {
			return strings.ToUpper(p)
		}
	}
	return ""
}

// nearDay reports whether t is within a day of the URL's date (time zones can move a
// publication across midnight); with no URL date anything goes. A dateline that disagrees with
// the URL more than that is another story's date.
func nearDay(t time.Time, urlDate *time.Time) bool {
	if urlDate == nil {
		return true
	}
	d := t.Sub(*urlDate)
	return d > -36*time.Hour && d < 48*time.Hour
}

// plausibleDate rejects dates before 1990 and more than two days after the page was fetched.
func plausibleDate(t, fetched time.Time) bool {
	if t.Year() < 1990 {
		return false
	}
	return fetched.IsZero() || !t.After(fetched.Add(48*time.Hour))
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// resolve makes ref absolute against base; it returns "" for what isn't an http(s) URL.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// canonicalOf reads <link rel=canonical>, then the fallbacks given (og:url, JSON-LD url). A
// canonical that points at the site's home page from an article page is a CMS bug and is ignored.
func canonicalOf(doc *pageIndex, base *url.URL, fallbacks ...string) string {
	for _, cand := range append([]string{doc.canonical}, fallbacks...) {
		abs := resolve(base, cand)
		if abs == "" {
			continue
		}
		c, err := Canonicalize(abs)
		if err != nil {
			continue
		}
		if u, err := url.Parse(c); err == nil && u.Path == "/" && u.RawQuery == "" &&
			base != nil && strings.Trim(base.Path, "/") != "" {
			continue
		}
		return c
	}
	return ""
}

// titleOf picks og:title, JSON-LD headline, the first <h1>, then <title>, with a site-name
// prefix or suffix ("Headline | Site", "Site - Headline") removed.
func titleOf(doc *pageIndex, tags metaTags, ld linkedData, site string, base *url.URL) string {
	host := ""
	if base != nil {
		host = strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
	}
	for _, t := range []string{
		tags.first("og:title", "twitter:title"),
		ld.Headline,
		headlineH1(doc, site, host),
		doc.title,
	} {
		if t = stripSiteName(normalizeSpace(t), site, host); t != "" {
			return t
		}
	}
	return ""
}

// logoHint matches the class/id of the page header's logo, which some sites put in an <h1>.
var logoHint = newKeywordMatcher(`logo brand site-title site-name sitename masthead`, "")

// headlineNode finds the element that shows the headline: the first h1–h3 or title-classed
// element whose text is the title, else the first <h1> that isn't the logo. Bylines and
// datelines are looked for right after it.
func headlineNode(doc *pageIndex, title, site, host string) *html.Node {
	var found *html.Node
	if title != "" {
		doc.walkElements(func(n *html.Node) bool {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3:
			case atom.A:
				return true
			default:
				if !titleClass.MatchString(classID(n)) {
					return true
				}
			}
			if t := normalizeSpace(textOf(n, 4*len(title)+64)); t == title || stripSiteName(t, site, host) == title {
				found = n
				return false
			}
			return true
		})
	}
	if found != nil {
		return found
	}
	for _, h1 := range doc.h1s {
		if !isLogo(h1) {
			return h1
		}
	}
	return nil
}

// titleClass matches the class/id of elements that show a headline.
var titleClass = newKeywordMatcher(`title headline`, "")

func hostOf(base *url.URL) string {
	if base == nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
}

// isLogo reports whether an element sits in (or is) the page header's logo.
func isLogo(n *html.Node) bool {
	for a, i := n, 0; a != nil && i < 3; a, i = a.Parent, i+1 {
		if logoHint.MatchString(classID(a)) {
			return true
		}
	}
	return false
}

// headlineH1 is the text of the first <h1> that is a headline, not the site's logo or name.
func headlineH1(doc *pageIndex, site, host string) string {
	for _, h1 := range doc.h1s {
		if isLogo(h1) {
			continue
		}
		if t := normalizeSpace(textOf(h1, 2000)); t != "" && !isSiteName(t, site, host) {
			return t
		}
	}
	return ""
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", "｜", " ｜ "}

// stripSiteName removes a site name the CMS glued to a headline. A part is taken for the site
// name when it matches og:site_name or the host ("bbc" in "BBC News"), or — after " | ", which
// headlines rarely contain — when it is at most four words.
func stripSiteName(title, site, host string) string {
	// Chinese CMSs write "标题_频道_网站": the headline comes first.
	if i := strings.Index(title, "_"); i > 0 && hasHan(title) && utf8.RuneCountInString(title[:i]) >= 4 {
		title = strings.TrimSpace(title[:i])
	}
	for range 2 { // "Headline - Section | Site": strip up to two parts
		stripped := false
		for _, sep := range titleSeparators {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			head, tail := title[:i], title[i+len(sep):]
			if isSiteName(tail, site, host) || ((sep == " | " || sep == "｜") && len(strings.Fields(tail)) <= 4) {
				title, stripped = strings.TrimSpace(head), true
				break
			}
			j := strings.Index(title, sep)
			if head, tail := title[:j], title[j+len(sep):]; isSiteName(head, site, host) {
				title, stripped = strings.TrimSpace(tail), true
				break
			}
		}
		if !stripped {
			break
		}
	}
	return title
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isSiteName(part, site, host string) bool {
	p := squash(part)
	if p == "" {
		return false
	}
	if s := squash(site); s != "" && (p == s || strings.HasPrefix(p, s) || strings.HasPrefix(s, p)) {
		return true
	}
	if host == "" {
		return false
	}
	label := squash(strings.Split(host, ".")[0])
	return label != "" && (p == squash(host) || strings.HasPrefix(p, label) && len(label) >= 2 &&
		len(strings.Fields(part)) <= 3)
}

// squash lower-cases and keeps only letters and digits, so "The-Times.co.uk" ~ "thetimescouk".
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// authorsOf takes the first source that names someone: JSON-LD author, author meta tags,
// itemprop=author, rel=author links, then byline elements.
func authorsOf(doc *pageIndex, tags metaTags, ld linkedData, head *html.Node) []string {
	if names := dedupeNames(ld.Authors); len(names) > 0 {
		return names
	}
	for _, key := range []string{"author", "article:author", "byl", "dc.creator", "parsely-author",
		"sailthru.author", "citation_author"} {
		var names []string
		for _, v := range tags[key] {
			if !strings.Contains(v, "://") && !strings.HasPrefix(v, "/") {
				names = append(names, splitByline(v)...)
			}
		}
		if names = dedupeNames(names); len(names) > 0 {
			return names
		}
	}
	var names []string
	for _, n := range doc.itemprops["author"] { // <meta itemprop=author> was read with the meta tags
		s := goquery.NewDocumentFromNode(n).Selection
		t := s.Find(`[itemprop~="name"]`).First()
		if v, ok := t.Attr("content"); ok {
			names = append(names, splitByline(v)...)
		} else if t.Length() > 0 {
			names = append(names, splitByline(t.Text())...)
		} else if v, ok := s.Attr("content"); ok {
			names = append(names, splitByline(v)...)
		} else {
			names = append(names, bylineText(n)...)
		}
	}
	if names = dedupeNames(names); len(names) > 0 {
		return names
	}
	for _, n := range doc.relAuthor {
		names = append(names, splitByline(textOf(n, 400))...)
	}
	if names = dedupeNames(names); len(names) > 0 {
		return names
	}
	doc.walkElements(func(n *html.Node) bool {
		if bylineClass.MatchString(classID(n)) && !inSidebar(n) {
			names = dedupeNames(bylineText(n))
		}
		return len(names) == 0
	})
	if len(names) > 0 {
		return names
	}
	if names = headlineByline(head); len(names) > 0 {
		return names
	}
	// Wire copy credits its reporters at the end: "Reporting by A and B; Editing by C".
	doc.walkElements(func(n *html.Node) bool {
		if n.DataAtom != atom.P && n.DataAtom != atom.Div {
			return true
		}
		t := normalizeSpace(textOf(n, 300))
		if len(t) < 300 && strings.HasPrefix(strings.ToLower(t), "reporting by ") {
			names = dedupeNames(splitByline(t))
		}
		return len(names) == 0
	})
	return names
}

// bylineClass matches class/id values of elements that hold a byline, in the languages we read.
var bylineClass = newKeywordMatcher(`byline author autor auteur signature firma verfasser penulis reporter writer credit`, "")

// bylineText reads names out of a byline element: its first line of visible text, without
// dates, hidden hover cards or bios. Long elements are author bios, not bylines.
func bylineText(n *html.Node) []string {
	lines := strings.Split(visibleText(n, 400), "\n")
	var t string
	for i, l := range lines {
		if t = normalizeSpace(l); t == "" {
			continue
		}
		if bylinePrefix.ReplaceAllString(t, "") == "" && i+1 < len(lines) {
			t += " " + normalizeSpace(strings.Join(lines[i+1:], " ")) // "By" on a line of its own
		}
		break
	}
	if t == "" || utf8.RuneCountInString(t) > 120 {
		return nil
	}
	return splitByline(t)
}

// looksLikeName reports whether every word of a name starts with a capital (or a letter of a
// script without case), allowing the particles of names like "Ana de la Cruz".
func looksLikeName(name string) bool {
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameParticles[w] {
			return false
		}
	}
	return true
}

var nameParticles = map[string]bool{"de": true, "da": true, "di": true, "del": true, "della": true,
	"der": true, "van": true, "von": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
	"bin": true, "binti": true, "al": true, "el": true, "y": true, "ten": true, "ter": true}

// bylineMarker finds where a byline starts inside a short line of text ("Posted on March 5 by
// Rebecca Stone", "Автор: Иван Петров").
var bylineMarker = regexp.MustCompile(`(?i)(?:^|[\s|·•,(])(?:(?:written by|words by|reporting by|story by|escrito por|by|por|par|von|door|oleh|penulis\s*:|reporter\s*:|автор\s*:|текст\s*:)\s+|(?:记者|記者|作者)\s*[:：]?\s*)`)

// headlineByline reads a byline from the short lines right after the headline, for pages
// that mark it up with no class at all.
func headlineByline(head *html.Node) []string {
	if head == nil {
		return nil
	}
	for _, line := range linesAfter(head, 4) {
		if utf8.RuneCountInString(line) > 150 {
			break // the story has begun
		}
		if loc := bylineMarker.FindStringIndex(line); loc != nil {
			names := dedupeNames(splitByline(line[loc[1]:]))
			if len(names) > 0 && !slices.ContainsFunc(names, func(n string) bool { return !looksLikeName(n) }) {
				return names
			}
		}
	}
	return nil
}

// linesAfter returns up to max blocks of visible text that follow n in document order.
func linesAfter(n *html.Node, max int) []string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if t := normalizeSpace(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	steps := 0
	for c := nextInDocument(n, true); c != nil && len(lines) < max && steps < 2000; steps++ {
		switch {
		case c.Type == html.TextNode:
			if !inRawText(c) {
				cur.WriteString(c.Data)
			}
		case c.Type == html.ElementNode && (neverText[c.DataAtom] || isHidden(c)):
			c = nextInDocument(c, true)
			continue
		case c.Type == html.ElementNode && (blockTags[c.DataAtom] || c.DataAtom == atom.Br):
			flush()
		case c.Type == html.ElementNode:
			cur.WriteByte(' ') // "<span>Jane Doe</span><span>Updated…</span>" are two things
		}
		c = nextInDocument(c, false)
	}
	flush()
	if len(lines) > max {
		lines = lines[:max]
	}
	return lines
}

var (
	// bylinePrefix is "By" and its cousins in the languages we detect.
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:written by|words by|reporting by|story by|escrito por|by|par|von|por|di|door|oleh|от|автор|текст|penulis|reporter)(?:\s*[:：]\s*|\s+)|(?:作者|記者|记者)\s*[:：]?\s*)`)
	// bylineCut ends a byline at what typically follows it: a separator, a date, a role line,
	// the desk editor of wire copy.
	bylineCut = regexp.MustCompile(`(?i)\s*(\||•|·|\s—\s|\s–\s|\bupdated\b|\bpublished\b|\bposted\b|\bpublicado\b|\bpublié\b|` +
		`;\s*(?:additional reporting|editing|edited|writing|compiled|graphics|photos?) by\b|[／∕/]\s*\p{Han}{1,8}(?:報導|报道|電|电)|\bon\s+(?:\p{L}+day,?\s+)?\d|` +
		`\s(?:\d{1,2}\.?\s+)?` + monthPattern + `\.?\s+\d|\s\d{1,4}[/.\-]\d|\s(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\d).*$`)
	// nameSplit separates several names: commas, semicolons, "and" in the languages we detect.
	nameSplit = regexp.MustCompile(`\s*(?:,|;|/|\s&\s|\s(?:and|und|et|y|e|и)\s)\s*`)
	// placeTail is "in Beijing", "for The Times" after a name.
	placeTail = regexp.MustCompile(`\s+(?:in|at|from|for|en|à|aus)\s+\p{Lu}.*$`)
)

// roleWords are words that describe a job or a desk, not a person; a byline part made only of
// them ("Staff", "Senior Reporter", "Agencies") is dropped, and trailing ones are trimmed.
var roleWords = map[string]bool{
	"staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true,
	"correspondent": true, "correspondents": true, "editor": true, "editors": true,
	"contributor": true, "contributors": true, "columnist": true, "agencies": true, "agency": true,
	"desk": true, "team": true, "newsroom": true, "senior": true, "chief": true, "political": true,
	"business": true, "foreign": true, "special": true, "bureau": true, "news": true,
	"international": true, "associate": true, "deputy": true, "producer": true, "photographer": true,
	"wire": true, "wires": true, "services": true, "service": true, "online": true, "digital": true,
	"web": true, "admin": true, "administrator": true, "guest": true, "author": true, "editorial": true,
	"reports": true, "report": true,
}

// deskWords name a group of journalists; "<Section> Desk" is no one's name.
var deskWords = map[string]bool{"desk": true, "team": true, "newsroom": true, "bureau": true}

// splitByline turns "By Jane Doe and John Roe, Staff Writers" into ["Jane Doe", "John Roe"].
func splitByline(s string) []string {
	s = normalizeSpace(s)
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return nil // a profile link, not a name
	}
	s = bylineCut.ReplaceAllString(s, "")
	s = bylinePrefix.ReplaceAllString(s, "")
	s = honorific.ReplaceAllString(s, "$1")           // "Dr. Leila Nasser" is Leila Nasser
	s = nameSentenceEnd.ReplaceAllString(s, "$1, $2") // "Finian Cunningham. Sputnik" (but not "Sarah E. Needleman")
	var names []string
	for _, part := range nameSplit.Split(s, -1) {
		part = strings.Trim(bylinePrefix.ReplaceAllString(strings.TrimSpace(part), ""), " .:-–—|")
		if len(strings.Fields(part)) > 2 {
			part = placeTail.ReplaceAllString(part, "")
		}
		words := strings.Fields(part)
		desk := false
		for len(words) > 0 && roleWords[strings.ToLower(strings.Trim(words[len(words)-1], ".:"))] {
			desk = desk || deskWords[strings.ToLower(strings.Trim(words[len(words)-1], ".:"))]
			words = words[:len(words)-1]
		}
		if desk && len(words) < 2 {
			continue // "Sports Desk", "Web Team": a desk, not a person ("Reuters Staff" keeps Reuters)
		}
		part = strings.Trim(strings.Join(words, " "), " .:-–—")
		if isPersonLike(part) {
			names = append(names, fixCapitals(part))
		}
	}
	// "By JOHN SMITH, The Associated Press": with a person named, the organisation (or a
	// credential: "Ilana Muhlstein, MS, RDN") is no author, nor is a lone word beside a full name.
	var people []string
	fullName := false
	for _, n := range names {
		if !isOrganisation(n) {
			people = append(people, n)
			fullName = fullName || len(strings.Fields(n)) > 1
		}
	}
	if fullName {
		people = slices.DeleteFunc(people, func(n string) bool { return len(strings.Fields(n)) == 1 && !hasHan(n) })
	}
	if len(people) > 0 {
		return people
	}
	return names
}

// orgWords end the names of news organisations rather than people.
var orgWords = map[string]bool{"press": true, "news": true, "times": true, "post": true, "journal": true,
	"herald": true, "tribune": true, "agency": true, "media": true, "network": true, "wire": true,
	"group": true, "service": true, "reuters": true, "bloomberg": true, "afp": true, "ap": true,
	"xinhua": true, "inc": true, "ltd": true, "dpa": true, "efe": true, "ansa": true, "bbc": true, "cnn": true,
	"insider": true, "magazine": true, "daily": true, "today": true, "online": true, "staff": true}

// honorific is a title written before a name.
var honorific = regexp.MustCompile(`(?i)(^|[\s,;])(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.\s+`)

// nameSentenceEnd is a full stop after a word (not an initial) followed by another name.
var nameSentenceEnd = regexp.MustCompile(`(\p{L}{2,})\.\s+(\p{Lu})`)

func isOrganisation(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return false
	}
	if words[0] == "the" || orgWords[words[0]] || orgWords[strings.Trim(words[len(words)-1], ".")] {
		return true
	}
	if len(words) == 1 && (strings.Contains(name, ".") || isAcronym(name)) {
		return true // "Cleveland.com", "CBS", "MS"
	}
	return false
}

// isAcronym reports whether s is a short all-capitals word: an agency, a network, a degree.
func isAcronym(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= 5 && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsUpper(r) })
}

// fixCapitals turns an all-capitals name ("JOHN O'NEILL") into "John O'Neill".
func fixCapitals(name string) string {
	if strings.ContainsFunc(name, unicode.IsLower) || utf8.RuneCountInString(name) < 4 {
		return name
	}
	var sb strings.Builder
	upper := true
	for _, r := range name {
		if upper {
			sb.WriteRune(unicode.ToUpper(r))
		} else {
			sb.WriteRune(unicode.ToLower(r))
		}
		upper = !unicode.IsLetter(r)
	}
	return sb.String()
}

// isPersonLike rejects parts that can't be a name: empty, too long, with digits, e-mail or URL.
func isPersonLike(s string) bool {
	if s == "" || len(strings.Fields(s)) > 5 || utf8.RuneCountInString(s) > 60 {
		return false
	}
	if strings.ContainsAny(s, "@<>{}=") || strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return false
	}
	return !strings.ContainsFunc(s, unicode.IsDigit) && strings.ContainsFunc(s, unicode.IsLetter)
}

func dedupeNames(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// itempropDate reads a microdata date from a non-meta element (content, datetime or text).
func itempropDate(doc *pageIndex, prop string) string {
	nodes := doc.itemprops[strings.ToLower(prop)]
	if len(nodes) == 0 {
		return ""
	}
	n := nodes[0]
	if hasAttr(n, "datetime") {
		return attr(n, "datetime")
	}
	if hasAttr(n, "content") {
		return attr(n, "content")
	}
	return normalizeSpace(textOf(n, 200))
}

// timeElementDate reads <time pubdate>, then a <time datetime> inside the article, then the
// first <time datetime> on the page.
// <time> elements in sidebars, related-story lists and comments are skipped: their dates belong
// to other stories.
func timeElementDate(doc *pageIndex) string {
	var inArticle, first string
	for _, n := range doc.times {
		v := strings.TrimSpace(attr(n, "datetime"))
		if v == "" || inSidebar(n) || updatedLabel.MatchString(classID(n)+" ") {
			continue
		}
		if hasAttr(n, "pubdate") {
			return v
		}
		if inArticle == "" && hasAncestor(n, atom.Article) {
			inArticle = v
		}
		if first == "" {
			first = v
		}
	}
	return firstNonEmpty(inArticle, first)
}

func hasAncestor(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

var (
	urlDateSlashed = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_.])`)
	urlDateCompact = regexp.MustCompile(`/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$|[-_.])`)
)

// urlPathDate finds a date written in the URL path, as in /2023/10/23/slug.
func urlPathDate(base *url.URL) string {
	if base == nil {
		return ""
	}
	for _, re := range []*regexp.Regexp{urlDateSlashed, urlDateCompact} {
		if m := re.FindStringSubmatch(base.Path); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			if t.Year() == y && int(t.Month()) == mo && t.Day() == d {
				return t.Format("2006-01-02")
			}
		}
	}
	return ""
}

// dateOf returns the first candidate that parses as a plausible date: not before 1990 and not
// more than two days after the page was fetched.
func dateOf(fetched time.Time, candidates ...string) *time.Time {
	t, _ := dateOfGrain(fetched, candidates...)
	return t
}

// dateOfGrain is dateOf, also saying whether the date came without a time of day.
func dateOfGrain(fetched time.Time, candidates ...string) (*time.Time, bool) {
	for _, c := range candidates {
		t, ok := parseDate(c)
		if !ok || !plausibleDate(t, fetched) {
			continue
		}
		dayOnly := !strings.Contains(c, ":") && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0
		return &t, dayOnly
	}
	return nil, false
}

// dateLayouts are the date formats seen in article metadata, most common first.
var dateLayouts = []string{
	time.RFC3339Nano, time.RFC3339,
	"2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02",
	"20060102", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST", time.RFC850, time.ANSIC,
	"January 2, 2006 3:04 PM", "January 2, 2006 15:04", "January 2, 2006", "Jan 2, 2006",
	"Jan. 2, 2006", "2 January 2006", "2 Jan 2006", "02.01.2006", "02/01/2006 15:04",
}

// parseDate reads a date in any of dateLayouts, or Unix seconds/milliseconds, as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) != 8 {
		if len(s) >= 13 {
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}
