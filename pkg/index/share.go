package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
)

// Searcher is the part of Index that the analytics views (share timelines, networks, entity
// profiles) are built on: they are compositions of ordinary searches, so every backend answers
// them the same way.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Result, error)
}

// Background is the population a query's attention is a share of: every article in the same
// sources and languages and published in the same period, whatever it says. The query's text and
// its entity, place, event, money, speaker and mentioned-date filters are dropped; Source, Tag
// (the sources' collections), Lang and From/To stay. Paging, facets and the timeline interval are kept as they are.
func (q Query) Background() Query {
	return Query{
		Source: q.Source, Tag: q.Tag, Lang: q.Lang, From: q.From, To: q.To,
		Sort: q.Sort, Page: q.Page, Size: q.Size, FacetSize: q.FacetSize, Interval: q.Interval,
		WithText: q.WithText,
	}
}

// ShareBucket is a timeline bucket with the size of the background in the same period: Count
// articles match the query, Total articles are in its Background, Share = Count/Total.
type ShareBucket struct {
	Key   string  `json:"key"`
	Count int     `json:"count"`
	Total int     `json:"total"`
	Share float64 `json:"share"`
}

// ShareTimeline is the timeline of q (q.Interval must be set) as a share of its Background: one
// bucket per period in which the background has articles, ascending, including periods in which
// q matches nothing (count and share 0), so the series reads as attention over time. total and
// background are the numbers of articles matching q and its background.
//
// The two searches run concurrently. cache, if not nil, serves the background when it was read
// lately (see BackgroundCache): queries compared side by side share one background.
func ShareTimeline(ctx context.Context, s Searcher, q Query, cache *BackgroundCache) (buckets []ShareBucket, total, background int, err error) {
	if q.Interval == "" {
		return nil, 0, 0, fmt.Errorf("share timeline: no interval")
	}
	// Only counts are read: ranking by score spares the backend a sort by date of every match.
	q.Size, q.Page, q.FacetSize, q.WithText, q.Sort = 1, 1, -1, false, "relevance"
	var (
		bg    *Result
		bgErr error
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		bg, bgErr = cache.search(ctx, s, q.Background())
	}()
	fg, err := s.Search(ctx, q)
	<-done
	if err != nil {
		return nil, 0, 0, fmt.Errorf("share timeline: query: %w", err)
	}
	if bgErr != nil {
		return nil, 0, 0, fmt.Errorf("share timeline: background: %w", bgErr)
	}
	return MergeShares(fg.Timeline, bg.Timeline), fg.Total, bg.Total, nil
}

// BackgroundCache keeps background timelines (a total and a timeline per source, collection,
// language, period and interval) for a short time. A background is the same for every query over the same
// sources and period, and it is the costlier search of a share timeline (every article in them);
// a comparison of six queries reads it once. Within the TTL a background may lag new articles:
// shares are then slightly high (MergeShares keeps them at most 1). Safe for concurrent use; a
// nil *BackgroundCache caches nothing.
type BackgroundCache struct {
	ttl time.Duration
	now func() time.Time

	mu      sync.Mutex
	entries map[string]cachedBackground
}

type cachedBackground struct {
	res  *Result
	when time.Time
}

// maxCachedBackgrounds bounds the cache; past it, expired entries go, then all.
const maxCachedBackgrounds = 256

// NewBackgroundCache returns a cache whose entries live for ttl.
func NewBackgroundCache(ttl time.Duration) *BackgroundCache {
	return &BackgroundCache{ttl: ttl, now: time.Now, entries: map[string]cachedBackground{}}
}

func (c *BackgroundCache) search(ctx context.Context, s Searcher, bg Query) (*Result, error) {
	if c == nil {
		return s.Search(ctx, bg)
	}
	key := backgroundKey(bg)
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && c.now().Sub(e.when) < c.ttl {
		return e.res, nil
	}
	res, err := s.Search(ctx, bg)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if len(c.entries) >= maxCachedBackgrounds {
		for k, e := range c.entries {
			if now.Sub(e.when) >= c.ttl {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= maxCachedBackgrounds {
			clear(c.entries)
		}
	}
	c.entries[key] = cachedBackground{res: &Result{Total: res.Total, Timeline: res.Timeline}, when: now}
	return res, nil
}

// backgroundKey identifies a background query: what Background keeps that changes the answer.
func backgroundKey(q Query) string {
	norm := func(vals []string) []string {
		out := NormAll(vals)
		slices.Sort(out)
		return out
	}
	return fmt.Sprintf("%q|%q|%q|%s|%s|%s", norm(q.Source), norm(q.Tag), norm(q.Lang), q.From.UTC().Format(time.RFC3339Nano),
		q.To.UTC().Format(time.RFC3339Nano), q.Interval)
}

// MergeShares joins a query's timeline with its background's into ShareBuckets, ascending by key.
// A query bucket missing from the background (which cannot happen when the background is the
// query's own Background, read at the same moment) counts as its own total, so shares never
// exceed 1.
func MergeShares(fg, bg []TimeBucket) []ShareBucket {
	byKey := make(map[string]*ShareBucket, len(bg))
	out := make([]ShareBucket, 0, len(bg))
	for _, b := range bg {
		out = append(out, ShareBucket{Key: b.Key, Total: b.Count})
	}
	for i := range out {
		byKey[out[i].Key] = &out[i]
	}
	var extra []ShareBucket
	for _, b := range fg {
		if sb := byKey[b.Key]; sb != nil {
			sb.Count = b.Count
			sb.Total = max(sb.Total, b.Count)
			continue
		}
		extra = append(extra, ShareBucket{Key: b.Key, Count: b.Count, Total: b.Count})
	}
	out = append(out, extra...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	for i := range out {
		if out[i].Total > 0 {
			out[i].Share = float64(out[i].Count) / float64(out[i].Total)
		}
	}
	return out
}
