package crawl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Feed is a parsed RSS 2.0, RSS 1.0 (RDF) or Atom feed, reduced to what the crawler needs.
type Feed struct {
	Format   string // "rss", "rdf" or "atom"
	Title    string
	Language string
	Items    []FeedItem
}

// FeedItem is one entry: the article link and what the feed says about it.
type FeedItem struct {
	Link      string // as written in the feed; may be relative to the feed URL
	Title     string
	Authors   []string
	Published *time.Time
	Updated   *time.Time
	Language  string
}

const maxFeedItems = 10000

// ParseFeed parses a feed, detecting its format from the root element. It tolerates what real feeds
// get wrong (HTML entities, unclosed tags, a non-UTF-8 charset in the XML prolog, a BOM); on a
// syntax error after some items it returns those items together with the error. It never panics.
func ParseFeed(data []byte) (*Feed, error) {
	d := newXMLDecoder(data)
	root, err := rootElement(d)
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f := &Feed{}
	switch strings.ToLower(root.Name.Local) {
	case "rss":
		f.Format = "rss"
	case "rdf":
		f.Format = "rdf"
	case "feed":
		f.Format = "atom"
		f.Language = xmlLang(root)
	default:
		return nil, fmt.Errorf("parse feed: root element <%s> is not rss, rdf:RDF or feed", root.Name.Local)
	}
	// Walk the tree: items/entries are decoded whole; title and language are read from the channel
	// (RSS, RDF) or the feed element (Atom).
	var stack []string
	for len(f.Items) < maxFeedItems {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return partial(f, fmt.Errorf("parse %s feed: %w", f.Format, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			inHead := (f.Format == "atom" && len(stack) == 0) || (f.Format != "atom" && parent == "channel" && len(stack) == 1)
			switch {
			case name == "item" || name == "entry":
				var ri rawItem
				if err := d.DecodeElement(&ri, &t); err != nil {
					return partial(f, fmt.Errorf("parse %s feed item %d: %w", f.Format, len(f.Items)+1, err))
				}
				if it, ok := ri.item(); ok {
					f.Items = append(f.Items, it)
				}
			case inHead && name == "title":
				var rt rawText
				if err := d.DecodeElement(&rt, &t); err != nil {
					return partial(f, fmt.Errorf("parse %s feed title: %w", f.Format, err))
				}
				f.Title = rt.text()
			case inHead && name == "language":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return partial(f, fmt.Errorf("parse %s feed language: %w", f.Format, err))
				}
				f.Language = strings.TrimSpace(s)
			default:
				stack = append(stack, name)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return f, nil
}

func partial(f *Feed, err error) (*Feed, error) {
	if len(f.Items) > 0 {
		return f, err
	}
	return nil, err
}

// newXMLDecoder is a forgiving decoder: HTML entities and auto-closed HTML tags are accepted and any
// charset the prolog names is converted to UTF-8.
func newXMLDecoder(data []byte) *xml.Decoder {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = feedAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// feedAutoClose are HTML void elements that may appear unescaped in sloppy feeds. HTML's <link> is
// not one of them here: in RSS it holds the item's address.
var feedAutoClose = []string{"br", "hr", "img", "input", "col", "area", "basefont", "param", "wbr", "embed", "source", "track"}

// rootElement skips the prolog, comments and doctype up to the first element.
func rootElement(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return xml.StartElement{}, errors.New("no root element")
		}
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"

func xmlLang(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "lang" && (a.Name.Space == xmlNS || a.Name.Space == "xml") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// rawItem holds the fields of an RSS item, an RDF item and an Atom entry alike; encoding/xml matches
// local names, so dc:creator lands in Creator and atom:link in Links.
type rawItem struct {
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	About     string      `xml:"about,attr"` // rdf:about
	Title     rawText     `xml:"title"`
	Links     []rawLink   `xml:"link"`
	GUID      rawGUID     `xml:"guid"`
	ID        string      `xml:"id"`
	PubDate   string      `xml:"pubDate"`
	Published string      `xml:"published"`
	Issued    string      `xml:"issued"`
	Updated   string      `xml:"updated"`
	Modified  string      `xml:"modified"`
	Dates     []string    `xml:"date"` // dc:date
	Authors   []rawAuthor `xml:"author"`
	Creators  []string    `xml:"creator"`
	Language  string      `xml:"language"`
}

type rawText struct {
	Type  string `xml:"type,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

type rawLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type rawGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Text        string `xml:",chardata"`
}

type rawAuthor struct {
	Name string `xml:"name"`
	Text string `xml:",chardata"`
}

func (t rawText) text() string {
	s := t.Text
	if strings.TrimSpace(s) == "" && strings.Contains(t.Inner, "<") { // Atom type="xhtml"
		s = t.Inner
	}
	return cleanText(s)
}

// cleanText turns feed text (maybe escaped HTML) into one plain line.
func cleanText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(s))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.TextToken {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		}
		s = b.String()
	}
	return strings.Join(strings.Fields(s), " ")
}

func (ri rawItem) item() (FeedItem, bool) {
	it := FeedItem{
		Link:     ri.link(),
		Title:    ri.Title.text(),
		Language: firstNonEmpty(strings.TrimSpace(ri.Language), strings.TrimSpace(ri.Lang)),
	}
	if it.Link == "" {
		return it, false
	}
	for _, a := range ri.Authors {
		if name := authorName(a); name != "" {
			it.Authors = appendUnique(it.Authors, name)
		}
	}
	for _, c := range ri.Creators {
		if name := cleanAuthor(c); name != "" {
			it.Authors = appendUnique(it.Authors, name)
		}
	}
	it.Published = firstDate(append([]string{ri.PubDate, ri.Published, ri.Issued}, ri.Dates...)...)
	it.Updated = firstDate(ri.Updated, ri.Modified)
	if it.Published == nil {
		it.Published = it.Updated
	}
	return it, true
}

// link picks the article address: RSS <link> text, else the Atom alternate link, else a permalink
// guid, rdf:about or an http Atom id.
func (ri rawItem) link() string {
	for _, l := range ri.Links {
		if s := strings.TrimSpace(l.Text); s != "" && l.Href == "" {
			return s
		}
	}
	for _, l := range ri.Links {
		rel := strings.ToLower(strings.TrimSpace(l.Rel))
		typ := strings.ToLower(l.Type)
		if (rel == "" || rel == "alternate") && (typ == "" || strings.Contains(typ, "html")) && l.Href != "" {
			return strings.TrimSpace(l.Href)
		}
	}
	for _, l := range ri.Links {
		if rel := strings.ToLower(strings.TrimSpace(l.Rel)); (rel == "" || rel == "alternate") && l.Href != "" {
			return strings.TrimSpace(l.Href)
		}
	}
	if g := strings.TrimSpace(ri.GUID.Text); g != "" && !strings.EqualFold(ri.GUID.IsPermaLink, "false") && isHTTP(g) {
		return g
	}
	if isHTTP(ri.About) {
		return strings.TrimSpace(ri.About)
	}
	if isHTTP(ri.ID) {
		return strings.TrimSpace(ri.ID)
	}
	return ""
}

func isHTTP(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// authorName reads an Atom <author><name> or an RSS "email (Name)" / "Name" author.
func authorName(a rawAuthor) string {
	if n := cleanAuthor(a.Name); n != "" {
		return n
	}
	s := strings.TrimSpace(a.Text)
	if i, j := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')'); i >= 0 && j > i {
		return cleanAuthor(s[i+1 : j])
	}
	if strings.Contains(s, "@") && !strings.Contains(s, " ") { // a bare e-mail address names nobody
		return ""
	}
	return cleanAuthor(s)
}

func cleanAuthor(s string) string {
	s = cleanText(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

func appendUnique(xs []string, s string) []string {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return xs
		}
	}
	return append(xs, s)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func firstDate(ss ...string) *time.Time {
	for _, s := range ss {
		if t, ok := ParseDate(s); ok {
			return &t
		}
	}
	return nil
}

var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339Nano, time.RFC3339,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 MST", "Mon, 02 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST", "02 Jan 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700", "Monday, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700", time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"2006-01-02T15:04:05-0700", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02",
}

// zoneOffsets replaces the zone abbreviations feeds use, which time.Parse cannot resolve.
var zoneOffsets = strings.NewReplacer(
	" GMT", " +0000", " UTC", " +0000", " UT", " +0000", " Z", " +0000",
	" EST", " -0500", " EDT", " -0400", " CST", " -0600", " CDT", " -0500",
	" MST", " -0700", " MDT", " -0600", " PST", " -0800", " PDT", " -0700",
	" CET", " +0100", " CEST", " +0200", " BST", " +0100", " IST", " +0530", " JST", " +0900",
)

// ParseDate reads the date formats found in feeds and sitemaps (RFC 822/1123 with or without the
// weekday, RFC 3339/W3C-DTF, plain dates) and returns it in UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	if strings.HasSuffix(s, "Z") && !strings.Contains(s, "T") { // "... 12:00:00 Z"
		s = strings.TrimSuffix(s, "Z") + "+0000"
	}
	s = zoneOffsets.Replace(s + " ")
	s = strings.TrimSpace(s)
	// Weekday names are often wrong or non-English ("Tues,"): drop them.
	if i := strings.IndexByte(s, ','); i > 0 && i <= 10 && !strings.ContainsAny(s[:i], "0123456789") {
		s = strings.TrimSpace(s[i+1:])
	}
	for _, layout := range dateLayouts {
		if strings.HasPrefix(layout, "Mon,") || strings.HasPrefix(layout, "Monday,") {
			_, layout, _ = strings.Cut(layout, " ")
		}
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
