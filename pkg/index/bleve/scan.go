package bleve

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

var _ index.Scanner = (*Index)(nil)

// Scan implements index.Scanner with bleve's search_after: each page asks for the q.ScanPage()
// hits that sort after the previous page's last one, in Search's order, which ends in the
// document id, so the cursor names one hit and no hit is passed twice. A page is one pass over the
// matches that keeps only the page's hits (an offset page keeps every hit before it as well), and
// stored articles are loaded for the page only.
//
// Each page searches the index as it is then: an article written during the walk is passed if
// it sorts after the cursor, and, with Text, scores may shift as the index grows.
func (x *Index) Scan(ctx context.Context, q index.Query, fn func(*article.Article) error) error {
	req, _, err := x.request(q)
	if err != nil {
		return fmt.Errorf("index scan: %w", err)
	}
	req.From, req.Size = 0, q.ScanPage()
	req.Fields = storedFields(q)
	req.Sort = cursorSort(req.Sort)
	byDate := !req.Sort.RequiresScore()
	if byDate {
		req.Score = blv.ScoreNone // ordered by date: computing relevance would be wasted
	}
	matches, narrowed := req.Query, false
	for {
		res, err := x.search(ctx, q, req)
		if err != nil {
			return fmt.Errorf("index scan %q: %w", q.Text, err)
		}
		decode := func(h *search.DocumentMatch) (*article.Article, error) {
			a, err := hitArticle(h, q.Lean)
			if err != nil {
				return nil, fmt.Errorf("hit %s: %w", h.ID, err)
			}
			return a, nil
		}
		if done, err := index.ScanHits(ctx, res.Hits, decode, fn); done {
			return err
		}
		if len(res.Hits) > 0 {
			next := cursor(req.Sort, res.Hits[len(res.Hits)-1])
			if slices.Equal(next, req.SearchAfter) {
				// A cursor that does not move would read the same page forever.
				return fmt.Errorf("index scan %q: search_after cursor %q did not advance", q.Text, next)
			}
			req.SearchAfter = next
		}
		switch {
		case len(res.Hits) == req.Size && byDate:
			req.Query, narrowed = notAfter(matches, req.SearchAfter[0])
		case len(res.Hits) == req.Size:
		case narrowed:
			// The dated matches are walked; the undated ones, which the narrowing leaves out, come last.
			req.Query, narrowed = matches, false
		default:
			return nil
		}
	}
}

// notAfter narrows a walk newest first to the articles published at or before the cursor's
// date, so that a page's pass visits only the matches not yet walked, not every match again.
// Undated articles (the cursor holds bleve's marker for them, not a date) are not narrowed.
func notAfter(matches query.Query, cursorDate string) (query.Query, bool) {
	ns, err := numeric.PrefixCoded(cursorDate).Int64()
	if err != nil || cursorDate == search.LowTerm {
		return matches, false
	}
	inclusive := true
	dq := blv.NewDateRangeInclusiveQuery(time.Time{}, clampTime(time.Unix(0, ns).UTC()), nil, &inclusive)
	dq.SetField(fieldPublished)
	return blv.NewConjunctionQuery(matches, dq), true
}

// cursorSort is the sort order with date fields compared as their indexed terms (bleve's "auto"
// type). The order is the same (a date's term is its prefix-coded time, which sorts as the time
// does), but search_after then takes a hit's sort values as they are, the marker bleve gives a
// hit without the field included; as dates it would take only RFC 3339 times, which an undated
// article has none of.
func cursorSort(order search.SortOrder) search.SortOrder {
	out := make(search.SortOrder, len(order))
	for i, s := range order {
		if f, ok := s.(*search.SortField); ok && f.Type == search.SortFieldAsDate {
			c := *f
			c.Type = search.SortFieldAuto
			s = &c
		}
		out[i] = s
	}
	return out
}

// cursor is the search_after value of a hit: its sort values, with the score (which bleve reports
// as "_score" there) written out exactly.
func cursor(order search.SortOrder, h *search.DocumentMatch) []string {
	out := make([]string, len(h.Sort))
	for i, v := range h.Sort {
		if _, ok := order[i].(*search.SortScore); ok {
			v = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
		out[i] = v
	}
	return out
}

// storedFields are the stored fields a hit of q needs: the article's JSON, and its body if asked.
func storedFields(q index.Query) []string {
	if q.WithText && !q.Lean {
		return []string{fieldJSON, fieldText}
	}
	return []string{fieldJSON}
}

// hitArticle decodes the article stored with a hit: whole (with the body if it was loaded), or
// only index.LeanFields.
func hitArticle(h *search.DocumentMatch, lean bool) (*article.Article, error) {
	js, _ := h.Fields[fieldJSON].(string)
	if lean {
		return decodeLean([]byte(js))
	}
	text, _ := h.Fields[fieldText].(string)
	return decodeArticle([]byte(js), text)
}
