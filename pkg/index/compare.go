package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// CollectionKey is the key of a source's bare tag names: a source tagged [asia-press] in the
// pipeline file carries "collection:asia-press".
const CollectionKey = "collection"

// Tag is how a collection tag reads: "key:value" (Article.SourceTags, Query.Tag).
func Tag(key, value string) string { return key + ":" + value }

// SplitTag splits a collection tag into its key and value; ok is false when either is empty.
func SplitTag(tag string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(tag, ":")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	return key, value, ok && key != "" && value != ""
}

// CompareOptions says which collections CompareByTag compares.
type CompareOptions struct {
	// Key is the tag key to compare across ("country", "language", "kind", "collection", or any
	// key the pipeline's sources use), in any case.
	Key string
	// Values are the key's values to compare, in this order; empty means the Limit values with the
	// most matching articles.
	Values []string
	// Limit bounds the series when Values is empty; 0 means DefaultCompareSeries.
	Limit int
}

const (
	DefaultCompareSeries = 10
	MaxCompareSeries     = 20
	// compareTagBuckets is how many tag values the search for the top values counts, over every
	// key: enough for the top values of one key unless the sources carry thousands of tags.
	compareTagBuckets = 1000
	// compareParallel bounds the series searched at once.
	compareParallel = 4
)

// Series is the attention to a query in one collection: its ShareTimeline with the query
// restricted to the sources tagged Tag, and the background restricted alike, so Share is the part
// of that collection's articles that match.
type Series struct {
	Value      string        `json:"key"` // the tag's value: "CN"
	Tag        string        `json:"tag"` // "country:CN", the filter that selects the collection
	Total      int           `json:"total"`
	Background int           `json:"background_total"`
	Share      float64       `json:"share"`
	Buckets    []ShareBucket `json:"buckets"`
}

// ErrNoCompareKey is returned by CompareByTag when no key is given.
var ErrNoCompareKey = errors.New("compare: no tag key to compare by")

// CompareByTag answers "compare across countries": one query per value of the tag key, each the
// query q (q.Interval must be set) restricted to the sources carrying that tag, as a share
// timeline against the same sources' background. Without opts.Values, the values are the key's
// most frequent among the articles matching q (ties by value), so a value whose sources have
// articles but none matching q is not listed. cache, if not nil, serves backgrounds read lately.
func CompareByTag(ctx context.Context, s Searcher, q Query, opts CompareOptions, cache *BackgroundCache) ([]Series, error) {
	key := Norm(opts.Key) // tag keys are lower case (pkg/pipeline)
	if key == "" {
		return nil, ErrNoCompareKey
	}
	values := opts.Values
	if len(values) == 0 {
		var err error
		if values, err = topTagValues(ctx, s, q, key, opts.Limit); err != nil {
			return nil, err
		}
	}
	out := make([]Series, len(values))
	err := eachParallel(len(values), compareParallel, func(i int) error {
		sq := q
		tag := Tag(key, values[i])
		sq.Tag = append(append([]string(nil), q.Tag...), tag)
		buckets, total, background, err := ShareTimeline(ctx, s, sq, cache)
		if err != nil {
			return fmt.Errorf("compare %s: %w", tag, err)
		}
		out[i] = Series{Value: values[i], Tag: tag, Total: total, Background: background, Buckets: buckets}
		if background > 0 {
			out[i].Share = float64(total) / float64(background)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// topTagValues are the values of the tag key most frequent among the articles matching q, at most
// limit (DefaultCompareSeries when 0), most frequent first.
func topTagValues(ctx context.Context, s Searcher, q Query, key string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = DefaultCompareSeries
	}
	q.Size, q.Page, q.FacetSize, q.Facets, q.Interval, q.WithText, q.Lean, q.Sort =
		1, 1, compareTagBuckets, []string{FacetTag}, "", false, true, "relevance"
	res, err := s.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("compare by %s: values: %w", key, err)
	}
	var values []string
	for _, b := range res.Facets[FacetTag] {
		if k, v, ok := SplitTag(b.Key); ok && strings.EqualFold(k, key) && len(values) < limit {
			values = append(values, v)
		}
	}
	return values, nil
}
