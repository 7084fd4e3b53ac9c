// Package index defines what newsmon asks of a search index — the Index interface, Query and
// Result — and the derived document fields both backends index (facet keys, region keys, money,
// locations, mentioned dates, the sources' collection tags), so that the embedded bleve backend
// and the Elasticsearch backend answer the same queries the same way. It also holds the research
// views built from ordinary searches, the same over every backend (ShareTimeline, CompareByTag,
// Network, Profile), and the TermScorer interface each backend implements in its own way
// (significant terms).
// Backends live in subpackages; indextest holds the conformance suite both pass.
package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// ErrNotFound is returned by Get when no article has the id.
var ErrNotFound = errors.New("index: article not found")

// Index stores enriched articles and answers searches. Put is idempotent: the article id is the
// document id, so writing the same article twice leaves one document.
type Index interface {
	// Put writes a batch. It returns nil only when every article is durably written; on partial
	// failure it returns a *BulkError naming the failed ids (the others are written).
	Put(ctx context.Context, batch []*article.Article) error
	Get(ctx context.Context, id string) (*article.Article, error)
	Search(ctx context.Context, q Query) (*Result, error)
	Close() error
}

// Query is a search with filters. Filters of different kinds are ANDed; several values of one kind
// are ANDed too (person=A&person=B means both). Empty fields do not filter.
type Query struct {
	Text   string   // full-text query over title and body (and quotes)
	Person []string // entity names of type PERSON (exact, case-insensitive)
	Org    []string // entity names of type ORG
	Place  []string // resolved place names or unresolved PLACE entity names
	// Region matches a place or anything inside it (region=Jiangsu matches Wuxi), by name, by
	// GeoNames id ("1790923" matches that place only), by country code ("CN") or by country and
	// admin1 code ("CN.04"); see RegionKeys.
	Region   []string
	Event    []string  // event names
	Source   []string  // publisher / feed name
	Lang     []string  // ISO 639-1
	Speaker  []string  // quote speakers
	Tag      []string  // the source's collection tag, "key:value" as in Article.SourceTags ("country:CN")
	From, To time.Time // published range, inclusive; zero means open
	// Near matches articles with a resolved place within the circle.
	Near *GeoCircle
	// Currency matches articles with a money figure in this ISO 4217 code; several values are
	// ANDed like the other keyword filters (currency=EUR&currency=USD means both).
	Currency []string
	// MinUSD and MaxUSD bound the article's largest money figure in US dollars (KeysOf's USDMax),
	// inclusive. An article with no figure convertible to USD matches neither.
	MinUSD, MaxUSD *float64
	// EventType matches articles with an event of this type (pkg/extract/event's set: "protest",
	// "visit", …); several values are ANDed.
	EventType []string
	// MentionsFrom and MentionsTo match articles that mention a date (Article.Dates) whose span
	// overlaps [MentionsFrom, MentionsTo], inclusive; zero means open. "2023" overlaps
	// 2023-06-01..2023-06-30, and so does "2023-05/2023-07".
	MentionsFrom, MentionsTo time.Time
	Sort                     string // "relevance" (default when Text is set) or "date" (newest first)
	Page                     int    // 1-based
	Size                     int    // hits per page; 0 means DefaultSize; capped at MaxSize (MaxLeanSize if Lean)
	// FacetSize is the number of buckets per facet; 0 means DefaultFacetSize, <0 means no facets.
	FacetSize int
	// Facets names the facets to count (of FacetNames); empty means all. Each facet costs a pass
	// over the matching articles' values, so views that show a few ask for those.
	Facets []string
	// Interval, when set ("day", "week", "month"), asks for Result.Timeline over published dates.
	Interval string
	// WithText keeps the article body in hits.
	WithText bool
	// Lean hits carry only what the analytics views read (LeanFields): the article's id, url,
	// source, title, published date, language, entities, places and quotes. Decoding whole
	// articles is most of the cost of reading hundreds of them. WithText is ignored.
	Lean bool
}

// LeanFields are the article's JSON members that lean hits (Query.Lean) carry.
var LeanFields = []string{"id", "url", "source", "title", "published", "language", "entities", "places", "quotes"}

const (
	DefaultSize = 20
	MaxSize     = 500
	// MaxLeanSize caps the page of a Lean query: analytics read samples of thousands of lean
	// articles, and one deep page costs the index much less than several pages (each page
	// collects and sorts every hit before it again).
	MaxLeanSize      = 2000
	DefaultFacetSize = 10
)

// MaxPage is the largest page size of q: MaxSize, or MaxLeanSize for a Lean query.
func (q Query) MaxPage() int {
	if q.Lean {
		return MaxLeanSize
	}
	return MaxSize
}

// FacetList is the facets q asks for: q.Facets, or every facet when it names none. Unknown names
// are left out.
func (q Query) FacetList() []string {
	if len(q.Facets) == 0 {
		return FacetNames
	}
	var out []string
	for _, name := range FacetNames {
		for _, f := range q.Facets {
			if f == name {
				out = append(out, name)
				break
			}
		}
	}
	return out
}

// Facet names, as in docs/contracts.md §3, then currency (ISO codes of the money figures), event_type and
// tag.
var FacetNames = []string{"person", "org", "place", "region", "country", "source", "event", "lang",
	"currency", "event_type", FacetTag}

// FacetTag is the facet of the sources' collection tags: "key:value" values (Article.SourceTags).
const FacetTag = "tag"

// GeoCircle is a circle on the earth: a centre in degrees (WGS 84) and a radius in kilometres.
type GeoCircle struct {
	Lat, Lon float64
	Km       float64
}

// Validate reports a centre off the globe or a radius that is not positive.
func (c GeoCircle) Validate() error {
	switch {
	case math.IsNaN(c.Lat) || c.Lat < -90 || c.Lat > 90:
		return fmt.Errorf("latitude %v: want -90 to 90", c.Lat)
	case math.IsNaN(c.Lon) || c.Lon < -180 || c.Lon > 180:
		return fmt.Errorf("longitude %v: want -180 to 180", c.Lon)
	case math.IsNaN(c.Km) || c.Km <= 0 || c.Km > MaxNearKm:
		return fmt.Errorf("radius %v km: want more than 0 and at most %v", c.Km, MaxNearKm)
	}
	return nil
}

// MaxNearKm bounds GeoCircle.Km: half the earth's circumference covers every point.
const MaxNearKm = 20040

// Result is one page of hits, the total, facets and (if asked) the timeline.
type Result struct {
	Total    int                      `json:"total"`
	Hits     []Hit                    `json:"hits"`
	Facets   map[string][]FacetBucket `json:"facets"`
	Timeline []TimeBucket             `json:"timeline,omitempty"`
}

// Hit is one matching article with highlighted fragments ("title", "text" → fragments with <mark>).
type Hit struct {
	*article.Article
	Score     float64             `json:"score"`
	Highlight map[string][]string `json:"highlight,omitempty"`
}

// FacetBucket is one facet value with its document count.
type FacetBucket struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
	// Variants, on a person or organisation merged from several names (MergeFacets), are those
	// names with their own counts, each a value the person or org filter takes; Count is their
	// sum. A pointer keeps buckets comparable.
	Variants *[]FacetBucket `json:"variants,omitempty"`
}

// TimeBucket counts matching articles whose published date falls in the bucket starting at Key
// (a date "2006-01-02").
type TimeBucket struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// BulkError reports the articles of a Put that were not written, with why.
type BulkError struct {
	Failed map[string]error // article id → cause
}

func (e *BulkError) Error() string {
	for id, err := range e.Failed {
		return fmt.Sprintf("index: %d of batch not written, e.g. %s: %v", len(e.Failed), id, err)
	}
	return "index: bulk failed"
}
