package demo

import (
	"encoding/xml"
	"time"
)

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	DCNS    string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string        `xml:"title"`
	Link          string        `xml:"link"`
	Description   string        `xml:"description"`
	Language      string        `xml:"language,omitempty"`
	LastBuildDate string        `xml:"lastBuildDate,omitempty"`
	Generator     string        `xml:"generator,omitempty"`
	TTL           int           `xml:"ttl,omitempty"`
	AtomLinks     []rssAtomLink `xml:"atom:link"`
	Items         []rssItem     `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// rssFeed builds an RSS 2.0 document; links carry utm parameters, GUIDs are the clean URLs.
func rssFeed(base, self, title, link, desc, lang string, stories []*story, extra ...rssAtomLink) rssDoc {
	ch := rssChannel{
		Title: title, Link: link, Description: desc, Language: lang, Generator: "newsmon demo site", TTL: 15,
		AtomLinks: append([]rssAtomLink{{Href: base + self, Rel: "self", Type: "application/rss+xml"}}, extra...),
	}
	var newest time.Time
	for _, s := range stories {
		if s.Published.After(newest) {
			newest = s.Published
		}
		ch.Items = append(ch.Items, rssItem{
			Title:       s.Title,
			Link:        trackedLink(base, s.Path(), "rss", s.outlet.Slug),
			GUID:        rssGUID{IsPermaLink: "false", Value: base + s.Path()},
			PubDate:     s.Published.Format(time.RFC1123Z),
			Creators:    s.Authors,
			Categories:  []string{s.Section},
			Description: s.Summary(),
		})
	}
	if !newest.IsZero() {
		ch.LastBuildDate = newest.Format(time.RFC1123Z)
	}
	return rssDoc{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom", DCNS: "http://purl.org/dc/elements/1.1/", Channel: ch}
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string       `xml:"title"`
	ID        string       `xml:"id"`
	Published string       `xml:"published"`
	Updated   string       `xml:"updated"`
	Links     []atomLink   `xml:"link"`
	Authors   []atomPerson `xml:"author"`
	Summary   string       `xml:"summary"`
}

func atomFor(base, self string, o *outletDef, stories []*story) atomFeed {
	f := atomFeed{Lang: o.Language, Title: o.Name, ID: base + "/" + o.Slug + "/",
		Links: []atomLink{{Href: base + self, Rel: "self", Type: "application/atom+xml"}, {Href: base + "/" + o.Slug + "/", Rel: "alternate", Type: "text/html"}}}
	var newest time.Time
	for _, s := range stories {
		updated := s.Published
		if !s.Updated.IsZero() {
			updated = s.Updated
		}
		if updated.After(newest) {
			newest = updated
		}
		e := atomEntry{Title: s.Title, ID: "tag:euro-chronicle.example," + s.Published.Format("2006-01-02") + ":" + s.Slug,
			Published: s.Published.Format(time.RFC3339), Updated: updated.Format(time.RFC3339),
			Links:   []atomLink{{Href: trackedLink(base, s.Path(), "atom", o.Slug), Rel: "alternate", Type: "text/html"}},
			Summary: s.Summary()}
		for _, a := range s.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: a})
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = newest.Format(time.RFC3339)
	return f
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	NewsNS  string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string       `xml:"loc"`
	LastMod    string       `xml:"lastmod,omitempty"`
	ChangeFreq string       `xml:"changefreq,omitempty"`
	News       *sitemapNews `xml:"news:news,omitempty"`
}

type sitemapNews struct {
	Publication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	} `xml:"news:publication"`
	PublicationDate string `xml:"news:publication_date"`
	Title           string `xml:"news:title"`
}

// urlSetFor lists stories; googleNews adds the news:news block of a Google News sitemap.
func urlSetFor(base string, stories []*story, googleNews bool) urlSet {
	var u urlSet
	if googleNews {
		u.NewsNS = "http://www.google.com/schemas/sitemap-news/0.9"
	}
	for _, s := range stories {
		e := sitemapURL{Loc: base + s.Path(), LastMod: s.Published.Format(time.RFC3339), ChangeFreq: "never"}
		if googleNews {
			n := &sitemapNews{PublicationDate: s.Published.Format(time.RFC3339), Title: s.Title}
			n.Publication.Name = s.outlet.Name
			n.Publication.Language = s.Language
			e.News = n
		}
		u.URLs = append(u.URLs, e)
	}
	return u
}
