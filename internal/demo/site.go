package demo

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed site
var siteFS embed.FS

// outletDef is an Outlet plus what its layout needs: template, home time zone and charset defaults.
type outletDef struct {
	Outlet
	Tagline  string
	Zone     *time.Location
	Sections []string
}

var (
	zoneET  = time.FixedZone("ET", -5*3600)
	zoneHKT = time.FixedZone("HKT", 8*3600)
	zoneCET = time.FixedZone("CET", 1*3600)
	zoneEAT = time.FixedZone("EAT", 3*3600)
	zoneBRT = time.FixedZone("BRT", -3*3600)
)

var outletDefs = []outletDef{
	{Outlet: Outlet{Name: "The Daily Ledger", Slug: "daily-ledger", FeedPath: "/daily-ledger/rss.xml", Language: "en"},
		Tagline: "Independent reporting since 1889", Zone: zoneET,
		Sections: []string{"world", "business", "politics", "science", "sports"}},
	{Outlet: Outlet{Name: "Asia Pacific Wire", Slug: "asia-pacific-wire", FeedPath: "/asia-pacific-wire/rss.xml", Language: "en"},
		Tagline: "Hong Kong | Shanghai | Singapore | Tokyo", Zone: zoneHKT,
		Sections: []string{"china", "business", "asia", "sport", "tech"}},
	{Outlet: Outlet{Name: "Euro Chronicle", Slug: "euro-chronicle", FeedPath: "/euro-chronicle/rss.xml", Language: "en"},
		Tagline: "News from Brussels and beyond", Zone: zoneCET,
		Sections: []string{"politics", "economy", "environment", "sport", "science"}},
	{Outlet: Outlet{Name: "Africa Today", Slug: "africa-today", FeedPath: "/africa-today/rss.xml", Language: "en"},
		Tagline: "Nairobi · Lagos · Johannesburg · Dakar", Zone: zoneEAT,
		Sections: []string{"politics", "business", "climate", "sport", "health"}},
	{Outlet: Outlet{Name: "Latam Post", Slug: "latam-post", FeedPath: "/latam-post/rss.xml", Language: "en"},
		Tagline: "The Americas, in English and en español", Zone: zoneBRT,
		Sections: []string{"politics", "business", "environment", "sport", "science"}},
}

func outletBySlug(slug string) *outletDef {
	for i := range outletDefs {
		if outletDefs[i].Slug == slug {
			return &outletDefs[i]
		}
	}
	return nil
}

// block is one paragraph or subheading of an article body.
type block struct {
	Heading bool
	Text    string
}

// story is one article as the templates render it.
type story struct {
	outlet    *outletDef
	Slug      string
	Title     string
	Dek       string
	Section   string
	Caption   string
	Language  string
	Charset   string // "utf-8", "gbk" or "iso-8859-1": how the page is encoded on the wire
	Authors   []string
	Published time.Time
	Updated   time.Time
	Places    []string
	Tags      []string
	Body      []block
}

// Path is the canonical path of the story's page.
func (s *story) Path() string {
	return "/" + s.outlet.Slug + "/" + s.Published.Format("2006/01/02") + "/" + s.Slug + ".html"
}

// Outlet is the publication the story belongs to.
func (s *story) Outlet() *outletDef { return s.outlet }

// Summary is the dek, or the first paragraph when there is none; feeds use it as the description.
func (s *story) Summary() string {
	if s.Dek != "" {
		return s.Dek
	}
	for _, b := range s.Body {
		if !b.Heading {
			return b.Text
		}
	}
	return ""
}

// Paragraphs is the body text without headings.
func (s *story) Paragraphs() []string {
	var out []string
	for _, b := range s.Body {
		if !b.Heading {
			out = append(out, b.Text)
		}
	}
	return out
}

// WordCount counts whitespace-separated words of the body (Chinese text counts runes/2, roughly).
func (s *story) WordCount() int {
	n := 0
	for _, b := range s.Body {
		if s.Language == "zh" {
			n += len([]rune(b.Text)) / 2
			continue
		}
		n += len(strings.Fields(b.Text))
	}
	return n
}

// site is the parsed hand-written part of the demo: immutable once loaded.
type site struct {
	stories []*story // sorted by outlet order, then newest first
	byPath  map[string]*story
}

var loadSite = sync.OnceValues(func() (*site, error) { return parseSite(siteFS) })

func mustSite() *site {
	s, err := loadSite()
	if err != nil {
		panic(fmt.Sprintf("demo: embedded site is broken: %v", err))
	}
	return s
}

func parseSite(fsys fs.FS) (*site, error) {
	s := &site{byPath: map[string]*story{}}
	for i := range outletDefs {
		o := &outletDefs[i]
		dir := "site/articles/" + o.Slug
		files, err := fs.Glob(fsys, dir+"/*.md")
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", dir, err)
		}
		var list []*story
		for _, f := range files {
			data, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", f, err)
			}
			st, err := parseStory(o, strings.TrimSuffix(path.Base(f), ".md"), string(data))
			if err != nil {
				return nil, fmt.Errorf("parse %s: %w", f, err)
			}
			if other, dup := s.byPath[st.Path()]; dup {
				return nil, fmt.Errorf("parse %s: path %s already used by %q", f, st.Path(), other.Title)
			}
			s.byPath[st.Path()] = st
			list = append(list, st)
		}
		sort.SliceStable(list, func(i, j int) bool { return list[i].Published.After(list[j].Published) })
		s.stories = append(s.stories, list...)
	}
	return s, nil
}

// parseStory reads one article file: a front matter of "key: value" lines between "---" lines,
// then paragraphs separated by blank lines; a paragraph starting with "## " is a subheading.
func parseStory(o *outletDef, slug, src string) (*story, error) {
	st := &story{outlet: o, Slug: slug, Language: o.Language, Charset: "utf-8"}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return nil, fmt.Errorf("no front matter")
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return nil, fmt.Errorf("front matter not closed")
	}
	sc := bufio.NewScanner(strings.NewReader(head))
	line := 1
	for sc.Scan() {
		line++
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			return nil, fmt.Errorf("line %d: want key: value", line)
		}
		v = strings.TrimSpace(v)
		var err error
		switch strings.TrimSpace(k) {
		case "title":
			st.Title = v
		case "dek":
			st.Dek = v
		case "section":
			st.Section = v
		case "caption":
			st.Caption = v
		case "lang":
			st.Language = v
		case "charset":
			st.Charset = v
		case "authors":
			st.Authors = splitList(v, ";")
		case "places":
			st.Places = splitList(v, ",")
		case "tags":
			st.Tags = splitList(v, ",")
		case "date":
			st.Published, err = time.Parse(time.RFC3339, v)
		case "updated":
			st.Updated, err = time.Parse(time.RFC3339, v)
		default:
			return nil, fmt.Errorf("line %d: unknown key %q", line, k)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %s: %w", line, k, err)
		}
	}
	for _, p := range strings.Split(body, "\n\n") {
		if st.Language == "zh" { // Chinese lines are joined without a space
			lines := strings.Split(strings.TrimSpace(p), "\n")
			for i := range lines {
				lines[i] = strings.TrimSpace(lines[i])
			}
			p = strings.Join(lines, "")
		} else {
			p = strings.Join(strings.Fields(p), " ")
		}
		if p == "" {
			continue
		}
		if h, ok := strings.CutPrefix(p, "## "); ok {
			st.Body = append(st.Body, block{Heading: true, Text: h})
			continue
		}
		st.Body = append(st.Body, block{Text: p})
	}
	switch {
	case st.Title == "":
		return nil, fmt.Errorf("no title")
	case st.Published.IsZero():
		return nil, fmt.Errorf("no date")
	case st.Section == "":
		return nil, fmt.Errorf("no section")
	case len(st.Body) == 0:
		return nil, fmt.Errorf("no body")
	}
	return st, nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
