package bleve

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"
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
// stored articles are loaded for the page only. Newest first, each page searches only the days
// that hold it (dayWindows), so the passes together visit each match about once, not once per
// page. The next page is searched while fn takes the articles of this one, so a walk keeps two
// pages in memory and two cores busy.
//
// Each page searches the index as it is then: an article written during the walk is passed if
// it sorts after the cursor, and, with Text, scores may shift as the index grows.
func (x *Index) Scan(ctx context.Context, q index.Query, fn func(*article.Article) error) error {
	w, err := x.newWalk(ctx, q)
	if err != nil {
		return fmt.Errorf("index scan: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	var prefetch sync.WaitGroup
	defer prefetch.Wait() // after cancel: no search outlives the walk
	defer cancel()
	fetch := func(req blv.SearchRequest) <-chan scanPage {
		ch := make(chan scanPage, 1)
		prefetch.Add(1)
		go func() {
			defer prefetch.Done()
			res, err := x.search(ctx, q, &req)
			ch <- scanPage{res, err}
		}()
		return ch
	}
	decode := func(h *search.DocumentMatch) (*article.Article, error) {
		a, err := hitArticle(h, q.Lean)
		if err != nil {
			return nil, fmt.Errorf("hit %s: %w", h.ID, err)
		}
		return a, nil
	}
	pending := fetch(*w.req)
	for {
		p := <-pending
		if p.err != nil {
			return fmt.Errorf("index scan %q: %w", q.Text, p.err)
		}
		more, err := w.advance(p.res.Hits)
		if err != nil {
			return fmt.Errorf("index scan %q: %w", q.Text, err)
		}
		if more {
			pending = fetch(*w.req)
		}
		if done, err := index.ScanHits(ctx, p.res.Hits, decode, fn); done {
			return err
		}
		if !more {
			return nil
		}
	}
}

// scanPage is one page of a walk, or why it failed.
type scanPage struct {
	res *blv.SearchResult
	err error
}

// walk is where a Scan is: the request for its next page, and how that request is narrowed.
type walk struct {
	req      *blv.SearchRequest
	matches  query.Query // q's query, unnarrowed
	byDate   bool
	days     *dayWindows // nil unless byDate
	passed   int         // hits of the pages so far
	narrowed bool        // req.Query leaves out what is newer than the cursor, and the undated
	windowed bool        // and what is older than the page's last day
}

func (x *Index) newWalk(ctx context.Context, q index.Query) (*walk, error) {
	req, _, err := x.request(q)
	if err != nil {
		return nil, err
	}
	req.From, req.Size = 0, q.ScanPage()
	req.Fields = storedFields(q)
	req.Sort = cursorSort(req.Sort)
	w := &walk{req: req, matches: req.Query, byDate: !req.Sort.RequiresScore()}
	if w.byDate {
		req.Score = blv.ScoreNone // ordered by date: computing relevance would be wasted
		if w.days, err = x.dayWindows(ctx, q, w.matches); err != nil {
			return nil, err
		}
		req.Query, w.windowed = w.days.within(w.matches, req.Size)
	}
	return w, nil
}

// advance sets the request for the page after hits, the page just read; more is false when
// that was the last.
func (w *walk) advance(hits search.DocumentMatchCollection) (more bool, err error) {
	req := w.req
	w.passed += len(hits)
	if len(hits) > 0 {
		next := cursor(req.Sort, hits[len(hits)-1])
		if slices.Equal(next, req.SearchAfter) {
			// A cursor that does not move would read the same page forever.
			return false, fmt.Errorf("search_after cursor %q did not advance", next)
		}
		req.SearchAfter = next
	}
	switch {
	case len(hits) == req.Size && w.byDate:
		req.Query, w.narrowed = notAfter(w.matches, req.SearchAfter[0])
		req.Query, w.windowed = w.days.within(req.Query, w.passed+req.Size)
	case w.windowed:
		// The index changed since the days were counted, and the window held fewer: walk on
		// without it.
		req.Query, w.narrowed, w.windowed = w.matches, false, false
		if len(req.SearchAfter) > 0 {
			req.Query, w.narrowed = notAfter(w.matches, req.SearchAfter[0])
		}
	case len(hits) == req.Size:
	case w.narrowed:
		// The dated matches are walked; the undated ones, which the narrowing leaves out, come last.
		req.Query, w.narrowed = w.matches, false
	default:
		return false, nil
	}
	return true, nil
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

// dayWindows are the days of a walk's matches, newest first, with the matches published on or
// after each: where a page of the walk newest first starts and ends. Without them each page's
// query (notAfter) holds every match not yet walked, and bleve visits the date of each to sort
// them, so a walk of N matches in pages of P visits about N²/2P dates; within a window that
// holds the page and little more, it visits about N.
type dayWindows struct {
	days    []time.Time // newest first
	through []int       // matches published on or after days[i]
}

// dayWindows counts the days of matches (q's query) in the index as it is now; nil when the
// index cannot count them before the walk.
func (x *Index) dayWindows(ctx context.Context, q index.Query, matches query.Query) (*dayWindows, error) {
	fc, err := x.newFacetCounter(ctx, matches, !x.restricts(q))
	if err != nil || fc == nil {
		return nil, err
	}
	defer fc.close()
	return fc.dayWindows(ctx, -1)
}

// dayWindows counts the days of the matches, or returns nil when that would read more than
// budget postings lists (no bound when budget < 0).
func (fc *facetCounter) dayWindows(ctx context.Context, budget int) (*dayWindows, error) {
	counts, ok, err := fc.countTop(ctx, fieldDay, 0, budget)
	if err != nil || !ok {
		return nil, err
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		if k != "" { // undated
			keys = append(keys, k)
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(keys))) // day keys sort as their dates do
	w := &dayWindows{}
	total := 0
	for _, k := range keys {
		day, err := time.Parse(time.DateOnly, k)
		if err != nil {
			return nil, fmt.Errorf("day key %q: %w", k, err)
		}
		total += counts[k]
		w.days, w.through = append(w.days, day), append(w.through, total)
	}
	return w, nil
}

// within narrows the query to the articles published on or after the day by which n matches
// are published, newest first; it reports false, leaving the query as it is, when fewer than n
// are dated. The narrowed query scores as the query does.
func (w *dayWindows) within(qry query.Query, n int) (query.Query, bool) {
	if w == nil {
		return qry, false
	}
	i := sort.SearchInts(w.through, n)
	if i == len(w.through) {
		return qry, false
	}
	inclusive := true
	dq := blv.NewDateRangeInclusiveQuery(clampTime(w.days[i]), time.Time{}, &inclusive, nil)
	dq.SetField(fieldPublished)
	if fq, ok := qry.(*filterOnly); ok {
		return fq.and(dq), true // a conjunction: walks the narrowed matches only
	}
	bq := blv.NewBooleanQuery()
	bq.AddMust(qry)
	bq.AddFilter(dq)
	return bq, true
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
