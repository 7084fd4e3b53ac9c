package bleve

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// filterOnly is the query of a search without words: the articles matching every part, each
// scoring 1, as bleve scores its match-all query.
//
// Why not bleve's boolean query with the parts as its filter clause: that walks its must clause
// (match-all: every article in the index) and tests each document against the filter, so a
// filter that keeps 1 % of 100k articles still costs a step per article. A conjunction walks
// the rarest part and skips the others ahead to it; scoring the parts would rank by them, so
// they are searched unscored and every match gets match-all's score.
type filterOnly struct {
	parts []query.Query // ANDed; none matches everything
}

func (q *filterOnly) Searcher(ctx context.Context, i bleveindex.IndexReader, m mapping.IndexMapping,
	options search.SearcherOptions) (search.Searcher, error) {
	var inner query.Query
	switch len(q.parts) {
	case 0:
		inner = query.NewMatchAllQuery()
	case 1:
		inner = q.parts[0]
	default:
		inner = query.NewConjunctionQuery(q.parts)
	}
	unscored := options
	unscored.Score, unscored.Explain = "none", false
	s, err := inner.Searcher(ctx, i, m, unscored)
	if err != nil {
		return nil, err
	}
	return &constScorer{Searcher: s, score: options.Score != "none"}, nil
}

// and is q with one more part.
func (q *filterOnly) and(part query.Query) *filterOnly {
	return &filterOnly{parts: append(append([]query.Query(nil), q.parts...), part)}
}

// constScorer gives every match of its searcher the score 1 (none when scoring is off).
type constScorer struct {
	search.Searcher
	score bool
}

func (s *constScorer) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.scored(s.Searcher.Next(ctx))
}

func (s *constScorer) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	return s.scored(s.Searcher.Advance(ctx, id))
}

func (s *constScorer) scored(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm != nil && s.score {
		dm.Score = 1
	}
	return dm, err
}
