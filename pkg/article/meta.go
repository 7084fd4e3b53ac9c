package article

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// pageMeta is the metadata a page states about itself, read before boilerplate is pruned
// (bylines and JSON-LD live in what pruning removes).
type pageMeta struct {
	Title     string
	Authors   []string
	Published *time.Time
	Updated   *time.Time
	Canonical string // absolute and canonicalized, or ""
	SiteName  string
	Image     string
	Language  string // ISO 639-1 as declared by the page, or ""
	LD        linkedData
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

func readMetaTags(doc *goquery.Document) metaTags {
	m := metaTags{}
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		content, _ := s.Attr("content")
		for _, a := range []string{"name", "property", "itemprop", "http-equiv"} {
			if k, ok := s.Attr(a); ok && k != "" {
				k = strings.ToLower(strings.TrimSpace(k))
				m[k] = append(m[k], content)
			}
		}
	})
	return m
}

// readMeta gathers title, authors, dates, canonical URL, site name, image and declared language.
// base is the page's address, for resolving relative links; it may be nil.
func readMeta(doc *goquery.Document, base *url.URL, fetched time.Time) pageMeta {
	tags := readMetaTags(doc)
	var scripts []string
	doc.Find(`script[type]`).Each(func(_ int, s *goquery.Selection) {
		if t, _ := s.Attr("type"); strings.Contains(strings.ToLower(t), "ld+json") {
			scripts = append(scripts, s.Text())
		}
	})
	m := pageMeta{LD: parseLinkedData(scripts)}

	m.SiteName = firstNonEmpty(tags.first("og:site_name", "application-name"), m.LD.Publisher)
	m.Canonical = canonicalOf(doc, base, tags.first("og:url"), m.LD.URL)
	m.Image = resolve(base, firstNonEmpty(tags.first("og:image", "og:image:url", "og:image:secure_url",
		"twitter:image", "twitter:image:src"), m.LD.Image))
	m.Title = titleOf(doc, tags, m.LD, m.SiteName, base)
	m.Authors = authorsOf(doc, tags, m.LD)
	m.Published = dateOf(fetched,
		m.LD.DatePublished,
		tags.first("article:published_time", "og:article:published_time", "og:published_time",
			"article:published", "published_time", "datepublished", "pubdate", "publishdate",
			"publish-date", "publication_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
			"dcterms.date", "sailthru.date", "parsely-pub-date", "citation_publication_date"),
		itempropDate(doc, "datePublished"),
		timeElementDate(doc),
		urlPathDate(base))
	m.Updated = dateOf(fetched,
		m.LD.DateModified,
		tags.first("article:modified_time", "og:article:modified_time", "og:updated_time",
			"article:modified", "datemodified", "last-modified", "dcterms.modified"),
		itempropDate(doc, "dateModified"))
	lang, _ := doc.Find("html").First().Attr("lang")
	m.Language = firstNonEmpty(isoLanguage(lang),
		isoLanguage(tags.first("content-language", "language", "dc.language", "og:locale")),
		isoLanguage(m.LD.Language))
	return m
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
func canonicalOf(doc *goquery.Document, base *url.URL, fallbacks ...string) string {
	href, _ := doc.Find(`link[rel~="canonical"], link[rel~="Canonical"]`).First().Attr("href")
	for _, cand := range append([]string{href}, fallbacks...) {
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
func titleOf(doc *goquery.Document, tags metaTags, ld linkedData, site string, base *url.URL) string {
	host := ""
	if base != nil {
		host = strings.TrimPrefix(strings.ToLower(base.Hostname()), "www.")
	}
	for _, t := range []string{
		tags.first("og:title", "twitter:title"),
		ld.Headline,
		doc.Find("h1").First().Text(),
		doc.Find("title").First().Text(),
	} {
		if t = stripSiteName(normalizeSpace(t), site, host); t != "" {
			return t
		}
	}
	return ""
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "}

// stripSiteName removes a site name the CMS glued to a headline. A part is taken for the site
// name when it matches og:site_name or the host ("bbc" in "BBC News"), or — after " | ", which
// headlines rarely contain — when it is at most four words.
func stripSiteName(title, site, host string) string {
	for range 2 { // "Headline - Section | Site": strip up to two parts
		stripped := false
		for _, sep := range titleSeparators {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			head, tail := title[:i], title[i+len(sep):]
			if isSiteName(tail, site, host) || (sep == " | " && len(strings.Fields(tail)) <= 4) {
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
func authorsOf(doc *goquery.Document, tags metaTags, ld linkedData) []string {
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
	doc.Find(`[itemprop~="author"]`).Each(func(_ int, s *goquery.Selection) {
		if s.Is("meta") {
			return // already read with the meta tags
		}
		t := s.Find(`[itemprop~="name"]`).First()
		if v, ok := t.Attr("content"); ok {
			names = append(names, splitByline(v)...)
		} else if t.Length() > 0 {
			names = append(names, splitByline(t.Text())...)
		} else if v, ok := s.Attr("content"); ok {
			names = append(names, splitByline(v)...)
		} else {
			names = append(names, bylineText(s)...)
		}
	})
	if names = dedupeNames(names); len(names) > 0 {
		return names
	}
	doc.Find(`a[rel~="author"]`).Each(func(_ int, s *goquery.Selection) {
		names = append(names, splitByline(s.Text())...)
	})
	if names = dedupeNames(names); len(names) > 0 {
		return names
	}
	for _, sel := range []string{`[class*="byline"]`, `[id*="byline"]`, `[class*="author"]`, `[class*="signature"]`} {
		doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			names = dedupeNames(bylineText(s))
			return len(names) == 0
		})
		if len(names) > 0 {
			return names
		}
	}
	return nil
}

// bylineText reads names out of a byline element. Long elements are author bios, not bylines.
func bylineText(s *goquery.Selection) []string {
	t := normalizeSpace(s.Text())
	if t == "" || utf8.RuneCountInString(t) > 120 {
		return nil
	}
	return splitByline(t)
}

var (
	// bylinePrefix is "By" and its cousins in the languages we detect.
	bylinePrefix = regexp.MustCompile(`(?i)^(written by|words by|reporting by|story by|by|par|von|por|di|door|от|作者|記者)\s*[:：]?\s+`)
	// bylineCut ends a byline at what typically follows it: a separator, a date, a role line.
	bylineCut = regexp.MustCompile(`(?i)\s*(\||•|·|\s—\s|\s–\s|\bupdated\b|\bpublished\b|\bposted\b).*$`)
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
}

// splitByline turns "By Jane Doe and John Roe, Staff Writers" into ["Jane Doe", "John Roe"].
func splitByline(s string) []string {
	s = normalizeSpace(s)
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		return nil // a profile link, not a name
	}
	s = bylineCut.ReplaceAllString(s, "")
	s = bylinePrefix.ReplaceAllString(s, "")
	var names []string
	for _, part := range nameSplit.Split(s, -1) {
		part = strings.TrimSpace(bylinePrefix.ReplaceAllString(strings.TrimSpace(part), ""))
		if len(strings.Fields(part)) > 2 {
			part = placeTail.ReplaceAllString(part, "")
		}
		words := strings.Fields(part)
		for len(words) > 0 && roleWords[strings.ToLower(strings.Trim(words[len(words)-1], ".:"))] {
			words = words[:len(words)-1]
		}
		part = strings.Trim(strings.Join(words, " "), " .:-–—")
		if isPersonLike(part) {
			names = append(names, part)
		}
	}
	return names
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
func itempropDate(doc *goquery.Document, prop string) string {
	s := doc.Find(`[itemprop~="` + prop + `"]`).Not("meta").First()
	if s.Length() == 0 {
		return ""
	}
	if v, ok := s.Attr("datetime"); ok {
		return v
	}
	if v, ok := s.Attr("content"); ok {
		return v
	}
	return normalizeSpace(s.Text())
}

// timeElementDate reads <time pubdate>, then a <time datetime> inside the article, then the
// first <time datetime> on the page.
func timeElementDate(doc *goquery.Document) string {
	for _, sel := range []string{"time[pubdate][datetime]", "article time[datetime]", "time[datetime]"} {
		if v, ok := doc.Find(sel).First().Attr("datetime"); ok && strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
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
	for _, c := range candidates {
		t, ok := parseDate(c)
		if !ok || t.Year() < 1990 {
			continue
		}
		if !fetched.IsZero() && t.After(fetched.Add(48*time.Hour)) {
			continue
		}
		return &t
	}
	return nil
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
