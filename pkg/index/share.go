package index

import (
	"context"
	"fmt"
	"sort"
)

// Searcher is the part of Index that the analytics views (share timelines, networks, entity
// profiles) are built on: they are compositions of ordinary searches, so every backend answers
// them the same way.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Result, error)
}

// Background is the population a query's attention is a share of: every article in the same
// sources and languages and published in the same period, whatever it says. The query's text and
// its entity, place, event, money, speaker and mentioned-date filters are dropped; Source, Lang
// and From/To stay. Paging, facets and the timeline interval are kept as they are.
func (q Query) Background() Query {
	return Query{
		Source: q.Source, Lang: q.Lang, From: q.From, To: q.To,
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
func ShareTimeline(ctx context.Context, s Searcher, q Query) (buckets []ShareBucket, total, background int, err error) {
	if q.Interval == "" {
		return nil, 0, 0, fmt.Errorf("share timeline: no interval")
	}
	// Only counts are read: ranking by score spares the backend a sort by date of every match.
	q.Size, q.Page, q.FacetSize, q.WithText, q.Sort = 1, 1, -1, false, "relevance"
	fg, err := s.Search(ctx, q)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("share timeline: query: %w", err)
	}
	bg, err := s.Search(ctx, q.Background())
	if err != nil {
		return nil, 0, 0, fmt.Errorf("share timeline: background: %w", err)
	}
	return MergeShares(fg.Timeline, bg.Timeline), fg.Total, bg.Total, nil
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
