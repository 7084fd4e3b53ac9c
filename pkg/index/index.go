// Package index defines what newsmon asks of a search index — the Index interface, Query and
// Result — and the derived document fields both backends index (facet keys, region keys), so that
// the embedded bleve backend and the Elasticsearch backend answer the same queries the same way.
// Backends live in subpackages; indextest holds the conformance suite both pass.
package index

import (
	"context"
	"errors"
	"fmt"
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
	Text     string    // full-text query over title and body (and quotes)
	Person   []string  // entity names of type PERSON (exact, case-insensitive)
	Org      []string  // entity names of type ORG
	Place    []string  // resolved place names or unresolved PLACE entity names
	Region   []string  // a place or anything inside it (region=Jiangsu matches Wuxi); see RegionKeys
	Event    []string  // event names
	Source   []string  // publisher / feed name
	Lang     []string  // ISO 639-1
	Speaker  []string  // quote speakers
	From, To time.Time // published range, inclusive; zero means open
	Sort     string    // "relevance" (default when Text is set) or "date" (newest first)
	Page     int       // 1-based
	Size     int       // hits per page; 0 means DefaultSize; capped at MaxSize
	// FacetSize is the number of buckets per facet; 0 means DefaultFacetSize, <0 means no facets.
	FacetSize int
	// Interval, when set ("day", "week", "month"), asks for Result.Timeline over published dates.
	Interval string
	// WithText keeps the article body in hits.
	WithText bool
}

const (
	DefaultSize      = 20
	MaxSize          = 500
	DefaultFacetSize = 10
)

// Facet names, as in CONTRACTS §3.
var FacetNames = []string{"person", "org", "place", "region", "country", "source", "event", "lang"}

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
