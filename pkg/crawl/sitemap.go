package crawl

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Sitemap is a parsed sitemaps.org urlset (with Google News extensions) or sitemap index.
type Sitemap struct {
	Index    bool // a sitemapindex: Sitemaps is filled, URLs is empty
	URLs     []SitemapURL
	Sitemaps []SitemapRef
}

// SitemapURL is one <url> of a urlset.
type SitemapURL struct {
	Loc           string
	LastMod       *time.Time
	NewsTitle     string
	NewsPublished *time.Time
	NewsLanguage  string
	NewsName      string // news:publication/news:name
}

// SitemapRef is one <sitemap> of a sitemap index.
type SitemapRef struct {
	Loc     string
	LastMod *time.Time
	rawMod  string
}

const maxSitemapEntries = 50000 // the protocol's own limit per file

// ParseSitemap parses a urlset or sitemapindex. Like ParseFeed it tolerates sloppy XML, returns the
// entries read before a syntax error together with that error, and never panics. Gzipped input must
// be decompressed first (Gunzip).
func ParseSitemap(data []byte) (*Sitemap, error) {
	d := newXMLDecoder(data)
	root, err := rootElement(d)
	if err != nil {
		return nil, fmt.Errorf("parse sitemap: %w", err)
	}
	sm := &Sitemap{}
	switch strings.ToLower(root.Name.Local) {
	case "urlset":
	case "sitemapindex":
		sm.Index = true
	default:
		return nil, fmt.Errorf("parse sitemap: root element <%s> is not urlset or sitemapindex", root.Name.Local)
	}
	partialSitemap := func(err error) (*Sitemap, error) {
		if len(sm.URLs)+len(sm.Sitemaps) > 0 {
			return sm, err
		}
		return nil, err
	}
	for len(sm.URLs)+len(sm.Sitemaps) < maxSitemapEntries {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return partialSitemap(fmt.Errorf("parse sitemap: %w", err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch name := strings.ToLower(se.Name.Local); {
		case name == "url" && !sm.Index:
			var ru rawSitemapURL
			if err := d.DecodeElement(&ru, &se); err != nil {
				return partialSitemap(fmt.Errorf("parse sitemap url %d: %w", len(sm.URLs)+1, err))
			}
			if loc := strings.TrimSpace(ru.Loc); loc != "" {
				u := SitemapURL{Loc: loc, LastMod: firstDate(ru.LastMod), NewsTitle: cleanText(ru.News.Title),
					NewsPublished: firstDate(ru.News.PublicationDate), NewsLanguage: strings.TrimSpace(ru.News.Publication.Language),
					NewsName: cleanText(ru.News.Publication.Name)}
				sm.URLs = append(sm.URLs, u)
			}
		case name == "sitemap" && sm.Index:
			var rs struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
			}
			if err := d.DecodeElement(&rs, &se); err != nil {
				return partialSitemap(fmt.Errorf("parse sitemap index entry %d: %w", len(sm.Sitemaps)+1, err))
			}
			if loc := strings.TrimSpace(rs.Loc); loc != "" {
				sm.Sitemaps = append(sm.Sitemaps, SitemapRef{Loc: loc, LastMod: firstDate(rs.LastMod), rawMod: strings.TrimSpace(rs.LastMod)})
			}
		}
	}
	return sm, nil
}

type rawSitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		Publication struct {
			Name     string `xml:"name"`
			Language string `xml:"language"`
		} `xml:"publication"`
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
	} `xml:"news"`
}

// Gunzip decompresses data if it starts with the gzip magic number, reading at most limit bytes of
// output: a gzip bomb ends in ErrTooLarge, not in an exhausted heap. Other data is returned as is.
func Gunzip(data []byte, limit int64) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("gunzip: output over %d bytes: %w", limit, ErrTooLarge)
	}
	return out, nil
}
