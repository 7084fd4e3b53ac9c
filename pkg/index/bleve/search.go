package bleve

import (
	"cmp"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/newsmon/newsmon/pkg/index"
)

// maxTimelineBuckets bounds the timeline: about 27 years of days.
const maxTimelineBuckets = 10000

// textFields are searched by Query.Text, with their boosts.
var textFields = []struct {
	name  string
	boost float64
}{{fieldTitle, 2}, {fieldText, 1}, {fieldQuotes, 1}}

// Search answers q: full text, filters, sort, one page of hits, facets, highlights and timeline.
//
// Text follows index.ParseText (words ANDed, "phrases", -exclusions, OR); terms that analyse to
// nothing (stop words, punctuation) are dropped, so a query of only such terms filters nothing.
// An unknown Sort falls back to the default (relevance with Text, else newest first); an unknown
// Interval is an error.
func (x *Index) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	timelineField := ""
	if q.Interval != "" {
		f, ok := timelineFields[q.Interval]
		if !ok {
			return nil, fmt.Errorf("index search: timeline interval %q: want day, week or month", q.Interval)
		}
		timelineField = f
	}
	req, hasText, err := x.request(q)
	if err != nil {
		return nil, fmt.Errorf("index search: %w", err)
	}
	req.Fields = storedFields(q)
	if hasText {
		req.Highlight = blv.NewHighlightWithStyle("html") // <mark>…</mark>, HTML-escaped
		req.Highlight.Fields = []string{fieldTitle, fieldText}
	}
	facetSize := cmp.Or(q.FacetSize, index.DefaultFacetSize)
	fields := map[string]string{} // result name → field counted
	fetch := facetSize            // buckets read: more for people and organisations, whose variants MergeFacets folds
	if q.FacetSize >= 0 {
		for _, name := range q.FacetList() {
			fields[name] = facetFields[name]
			fetch = max(fetch, index.FacetFetch(name, facetSize))
		}
	}
	if timelineField != "" {
		fields[timelineFacet] = timelineField
	}
	// Without text every match scores the same, so relevance order is newest first as well.
	byDate := q.Sort == "date" || !hasText
	matches := req.Query
	counted, err := x.countFacets(ctx, q, req, hasText, byDate, fields, fetch)
	if err != nil {
		return nil, fmt.Errorf("index search %q: %w", q.Text, err)
	}
	x.addFacets(req, fields, counted, fetch)

	res, err := x.search(ctx, q, req)
	if err == nil && counted.total >= 0 && len(res.Hits) < req.Size && req.From+len(res.Hits) < counted.total {
		// The index changed since the matches were counted and the narrowed query fell short:
		// ask again without narrowing.
		req.Query, counted.total = matches, -1
		res, err = x.search(ctx, q, req)
	}
	if err != nil {
		return nil, fmt.Errorf("index search %q: %w", q.Text, err)
	}
	out := &index.Result{Total: int(res.Total), Hits: make([]index.Hit, 0, len(res.Hits))}
	if counted.total >= 0 {
		out.Total = counted.total // the hits' query was narrowed to the newest matches
	}
	for _, h := range res.Hits {
		hit, err := hitOf(h, q.Lean)
		if err != nil {
			return nil, fmt.Errorf("index search: hit %s: %w", h.ID, err)
		}
		out.Hits = append(out.Hits, hit)
	}
	if q.FacetSize >= 0 {
		out.Facets = make(map[string][]index.FacetBucket, len(facetFields))
		for _, name := range q.FacetList() {
			out.Facets[name] = counted.buckets(res, name, fetch)
		}
		if err := index.MergeFacets(ctx, x, q, out, facetSize); err != nil {
			return nil, fmt.Errorf("index search: %w", err)
		}
	}
	if timelineField != "" {
		for _, b := range counted.buckets(res, timelineFacet, 0) {
			out.Timeline = append(out.Timeline, index.TimeBucket{Key: b.Key, Count: b.Count})
		}
		sort.Slice(out.Timeline, func(i, j int) bool { return out.Timeline[i].Key < out.Timeline[j].Key })
	}
	return out, nil
}

// addFacets asks bleve to count the fields (result name → field) that counted has not.
func (x *Index) addFacets(req *blv.SearchRequest, fields map[string]string, counted counted, facetSize int) {
	for name, field := range fields {
		if _, done := counted.facets[name]; done {
			continue
		}
		size := x.facetFetch(facetSize)
		if name == timelineFacet {
			size = maxTimelineBuckets
		}
		req.AddFacet(name, blv.NewFacetRequest(field, size))
	}
}

// buckets are the first n buckets (all when n <= 0) of a facet, as counted before the search or
// by bleve in res.
func (c counted) buckets(res *blv.SearchResult, name string, n int) []index.FacetBucket {
	if counts, ok := c.facets[name]; ok {
		return countedBuckets(counts, n)
	}
	b := termBuckets(res.Facets[name])
	if n > 0 && len(b) > n {
		b = b[:n]
	}
	return b
}

// hitOf is the hit of a match: its article, score and highlights.
func hitOf(h *search.DocumentMatch, lean bool) (index.Hit, error) {
	a, err := hitArticle(h, lean)
	if err != nil {
		return index.Hit{}, err
	}
	hit := index.Hit{Article: a, Score: h.Score}
	for _, f := range []string{fieldTitle, fieldText} {
		// bleve returns the start of a field that has no match; only matches are highlights.
		var frags []string
		for _, fr := range h.Fragments[f] {
			if strings.Contains(fr, "<mark>") {
				frags = append(frags, fr)
			}
		}
		if len(frags) > 0 {
			if hit.Highlight == nil {
				hit.Highlight = map[string][]string{}
			}
			hit.Highlight[f] = frags
		}
	}
	return hit, nil
}

// request is the search request for q's text, filters, sort and page, without fields, highlights
// or facets. hasText reports whether the text restricts the matches (and so ranks them).
func (x *Index) request(q index.Query) (req *blv.SearchRequest, hasText bool, err error) {
	textQ, hasText := x.textQuery(index.ParseText(q.Text))
	if err := x.checkFields(q); err != nil {
		return nil, false, err
	}
	filters, err := filterQueries(q)
	if err != nil {
		return nil, false, err
	}
	var root query.Query
	if hasText {
		bq := blv.NewBooleanQuery()
		bq.AddMust(textQ)
		if len(filters) > 0 {
			bq.AddFilter(blv.NewConjunctionQuery(filters...))
		}
		root = bq
	} else {
		fq := &filterOnly{parts: filters}
		if textQ != nil { // exclusions only
			fq = fq.and(textQ)
		}
		root = fq
	}
	size := q.Size
	switch {
	case size <= 0:
		size = index.DefaultSize
	case size > q.MaxPage():
		size = q.MaxPage()
	}
	page := max(q.Page, 1)
	req = blv.NewSearchRequestOptions(root, size, (page-1)*size, false)
	newest := &search.SortField{Field: fieldPublished, Desc: true, Type: search.SortFieldAsDate,
		Missing: search.SortFieldMissingLast}
	if q.Sort == "date" || (q.Sort != "relevance" && !hasText) {
		req.SortByCustom(search.SortOrder{newest, &search.SortDocID{}})
	} else {
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, newest, &search.SortDocID{}})
	}
	return req, hasText, nil
}

// facetFetch is how many buckets of a facet to ask each index for when n are shown. Over months,
// the alias merges each month's top buckets, so a value just below the top in every month would
// be missed though it leads overall; asking each for many more (as Elasticsearch asks each shard
// for shard_size) makes that rare. Counting costs the same: every value is counted either way.
func (x *Index) facetFetch(n int) int {
	if x.parts == nil {
		return n
	}
	return 10*n + 100
}

// termBuckets converts a terms facet, keeping bleve's order: count descending, then key.
func termBuckets(fr *search.FacetResult) []index.FacetBucket {
	out := []index.FacetBucket{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, index.FacetBucket{Key: t.Term, Count: t.Count})
	}
	return out
}

// filterQueries turns the keyword filters and the date range into term and range queries, all of
// which must match. They go into the boolean filter clause, so they do not change scores.
func filterQueries(q index.Query) ([]query.Query, error) {
	var out []query.Query
	terms := func(field string, vals []string) {
		for _, v := range vals {
			if n := index.Norm(v); n != "" {
				tq := blv.NewTermQuery(n)
				tq.SetField(field)
				out = append(out, tq)
			}
		}
	}
	terms(fieldPersons, q.Person)
	terms(fieldOrgs, q.Org)
	terms(fieldPlaces, q.Place)
	terms(fieldRegions, q.Region)
	terms(fieldEvents, q.Event)
	terms(fieldSource, q.Source)
	terms(fieldLang, q.Lang)
	terms(fieldSpeakers, q.Speaker)
	terms(fieldCurrencies, q.Currency)
	terms(fieldEventTypes, q.EventType)
	terms(fieldTags, q.Tag)
	if c := q.Near; c != nil {
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("near: %w", err)
		}
		gq, err := blv.NewGeoShapeCircleQuery([]float64{c.Lon, c.Lat},
			strconv.FormatFloat(c.Km, 'f', -1, 64)+"km", "intersects")
		if err != nil {
			return nil, fmt.Errorf("near: %w", err)
		}
		gq.SetField(fieldLocations)
		out = append(out, gq)
	}
	if q.MinUSD != nil || q.MaxUSD != nil {
		inclusive := true
		nq := blv.NewNumericRangeInclusiveQuery(q.MinUSD, q.MaxUSD, &inclusive, &inclusive)
		nq.SetField(fieldUSDMax)
		out = append(out, nq)
	}
	if !q.MentionsFrom.IsZero() || !q.MentionsTo.IsZero() {
		sq, err := spanQuery(q.MentionsFrom, q.MentionsTo)
		if err != nil {
			return nil, fmt.Errorf("mentioned dates: %w", err)
		}
		out = append(out, sq)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		inclusive := true
		dq := blv.NewDateRangeInclusiveQuery(clampTime(q.From), clampTime(q.To), &inclusive, &inclusive)
		dq.SetField(fieldPublished)
		out = append(out, dq)
	}
	return out, nil
}

// spanQuery matches the articles mentioning a date span that overlaps [from, to] (a zero bound is
// open): a span starting on day s and ending (exclusive) on day e overlaps when s <= day(to) and
// e >= day(from)+1, a rectangle in the plane of spanPoint. The edges sit half a day off the grid
// of day numbers, so no point lies on them.
func spanQuery(from, to time.Time) (query.Query, error) {
	const open = 89.0 // beyond every span point, and short of the pole
	minLon, maxLon, minLat, maxLat := -open, open, -open, open
	if !to.IsZero() {
		maxLon = (float64(clampDays(dayNumber(to))) + 0.5) / spanDaysPerDegree
	}
	if !from.IsZero() {
		minLat = (float64(clampDays(dayNumber(from)+1)) - 0.5) / spanDaysPerDegree
	}
	q, err := blv.NewGeoShapeQuery([][][][]float64{{{{minLon, maxLat}, {maxLon, minLat}}}}, "envelope", "intersects")
	if err != nil {
		return nil, err
	}
	q.SetField(fieldMentioned)
	return q, nil
}

// textQuery translates a parsed user query. Each term must match in some text field under some
// analyser; a term that analyses to nothing (a stop word, bare punctuation) is dropped rather than
// matching nothing. It reports false when no term is left, i.e. the query does not restrict.
func (x *Index) textQuery(tq index.TextQuery) (query.Query, bool) {
	var groups []query.Query
	for _, group := range tq.Must {
		var alts []query.Query
		for _, t := range group {
			if q := x.termQuery(t); q != nil {
				alts = append(alts, q)
			}
		}
		if len(alts) > 0 {
			groups = append(groups, blv.NewDisjunctionQuery(alts...))
		}
	}
	var nots []query.Query
	for _, t := range tq.Not {
		if q := x.termQuery(t); q != nil {
			nots = append(nots, q)
		}
	}
	if len(groups) == 0 && len(nots) == 0 {
		return nil, false
	}
	bq := blv.NewBooleanQuery()
	if len(groups) > 0 {
		bq.AddMust(groups...)
	} else {
		bq.AddMust(blv.NewMatchAllQuery())
	}
	bq.AddMustNot(nots...)
	return bq, len(groups) > 0
}

// termQuery is one word or phrase over every text field, or nil if no analyser keeps anything of
// it. The term is analysed by every analyser a document may have been indexed with (a French
// article holds French stems); analysers that produce the same tokens are queried once.
func (x *Index) termQuery(t index.TextTerm) query.Query {
	var alts []query.Query
	seen := map[string]bool{}
	for _, an := range x.analyzers {
		a := x.mapping.AnalyzerNamed(an)
		if a == nil {
			continue
		}
		var sig strings.Builder
		for _, tok := range a.Analyze([]byte(t.Text)) {
			fmt.Fprintf(&sig, "%d:%s ", tok.Position, tok.Term)
		}
		if sig.Len() == 0 || seen[sig.String()] {
			continue
		}
		seen[sig.String()] = true
		for _, f := range textFields {
			if t.Phrase {
				q := blv.NewMatchPhraseQuery(t.Text)
				q.SetField(f.name)
				q.Analyzer = an
				q.SetBoost(f.boost)
				alts = append(alts, q)
				continue
			}
			q := blv.NewMatchQuery(t.Text)
			q.SetField(f.name)
			q.Analyzer = an
			q.SetBoost(f.boost)
			q.SetOperator(query.MatchQueryOperatorAnd) // "Wuxi-based" needs both parts
			alts = append(alts, q)
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return blv.NewDisjunctionQuery(alts...)
}

// Bleve stores datetimes as int64 nanoseconds and accepts range bounds only within
// query.Min/MaxRFC3339CompatibleTime; a bound outside (to=9999-12-31) is clamped rather than
// rejected. The zero time stays zero: it means "open".
var (
	minTime = query.MinRFC3339CompatibleTime
	maxTime = query.MaxRFC3339CompatibleTime
)

func clampTime(t time.Time) time.Time {
	switch {
	case t.IsZero():
		return t
	case t.Before(minTime):
		return minTime
	case t.After(maxTime):
		return maxTime
	}
	return t
}
