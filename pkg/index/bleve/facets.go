package bleve

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/newsmon/newsmon/pkg/index"
)

// Terms facets counted before the search (countFacets), from postings lists or doc values.
//
// Bleve counts a terms facet by visiting, for every matching document, every value of the field
// in its doc values and looking each up in a map: a cost of matches × values per document. Over
// many matches that is most of a search (the landing search, no words, counts 11 facets over
// every article: 80 % of its CPU), and bleve's sort by date, which visits every match's date and
// loads its id, is most of the rest. So for searches without words (and any newest first) the
// matches are found first, as a bitmap per segment, and counted apart from bleve:
//   - from postings (countTop): a value's postings list is a bitmap of the documents holding it,
//     so its count among the matches is the cardinality of an intersection, and in a segment
//     where every document matches it is the value's document frequency (cached per segment,
//     termStats). Read most frequent first, the first n of a facet stop after a few dozen values.
//   - else from doc values (countDocValues), in one pass over the matches for all such fields,
//     when countTop would read more postings lists than that pass costs.
//
// Both give bleve's exact counts (TestFacetWaysAgree); nothing is sampled or approximated. With
// the counts known, a page newest first is searched within the days that hold it (narrow).

// Costs of the two ways, in the same unit (measured on the generated 100k-article index): a
// postings list read in countTop (a dictionary lookup, the list's header, an intersection of
// bitmaps; 2–3 µs) against one value of one matching document visited in its doc values
// (0.4–0.6 µs), and the visit of a document's field, even one with no value there.
// Bleve's sort newest first costs sortCost per match (its date visited, its id loaded).
const (
	postingsReadCost = 5
	docValueCost     = 1
	docFieldCost     = 1
	sortCost         = 3
)

// facetWay is how a search counts facets: by the cheaper way per field (always, but in tests,
// which compare the ways).
type facetWay int

const (
	facetsByCost facetWay = iota
	facetsByPostings
	facetsByDocValues // countDocValues
	facetsByBleve     // bleve's facet builders
)

// timelineFacet names the timeline among the fields a search counts.
const timelineFacet = "timeline"

// counted is what a search counted before asking bleve for the hits.
type counted struct {
	facets map[string]map[string]int // result name → value → count
	// total is the number of matches when the hits' query was narrowed to the newest of them
	// (so bleve's total counts only those), else -1.
	total int
}

// countFacets counts the fields (result name → field; facetSize values each, the timeline all)
// among the matches of q (req.Query is its bleve query) before bleve is asked for the hits:
// each field from postings (countTop) unless that would cost more than one pass over the
// matches' doc values, which counts the others (countDocValues). When the hits are newest first
// (byDate), it narrows req.Query to the days holding the hits asked for (see narrow), so bleve
// sorts those only.
//
// It leaves every count to bleve (returns no facets) for a search by relevance with words:
// there finding the matches a second time would cost about what it saves, as the matches of
// words are commonly few.
func (x *Index) countFacets(ctx context.Context, q index.Query, req *blv.SearchRequest, hasText, byDate bool,
	fields map[string]string, facetSize int) (counted, error) {
	out := counted{total: -1}
	if x.facetWay == facetsByBleve || (hasText && !byDate && x.facetWay == facetsByCost) || (len(fields) == 0 && !byDate) {
		return out, nil
	}
	fc, err := x.newFacetCounter(ctx, req.Query, !x.restricts(q))
	if err != nil || fc == nil {
		return out, err
	}
	defer fc.close()
	out.facets = make(map[string]map[string]int, len(fields))
	docValues := map[string]string{}
	for name, field := range fields {
		n, budget := facetSize, -1
		if name == timelineFacet {
			n = 0
		}
		switch x.facetWay {
		case facetsByDocValues:
			docValues[name] = field
			continue
		case facetsByCost:
			if budget, err = fc.docValuesBudget(field); err != nil {
				return out, err
			}
		}
		c, ok, err := fc.countTop(ctx, field, n, budget)
		switch {
		case err != nil:
			return out, err
		case ok:
			out.facets[name] = c
		default:
			docValues[name] = field
		}
	}
	if len(docValues) > 0 {
		if err := fc.countDocValues(ctx, docValues, out.facets); err != nil {
			return out, err
		}
	}
	if byDate {
		budget := -1
		if x.facetWay == facetsByCost {
			// Counting the days costs more than the sort it spares when the matches are few.
			budget = int(float64(fc.matches) * sortCost / postingsReadCost)
		}
		narrowed, err := fc.narrow(ctx, req.Query, req.From+req.Size, budget)
		if err != nil || narrowed == nil {
			return out, err
		}
		req.Query, out.total = narrowed, int(fc.matches)
	}
	return out, nil
}

// countDocValues counts the fields (result name → field) among the matches as bleve's facet
// builder does, from each match's doc values, but in one pass for all of them and without the
// sorting bleve does alongside, and adds each field's counts to into under its result name.
func (fc *facetCounter) countDocValues(ctx context.Context, fields map[string]string, into map[string]map[string]int) error {
	names := make([]string, 0, len(fields))
	counts := map[string]map[string]*int{} // field → value → count
	for _, field := range fields {
		names = append(names, field)
		counts[field] = map[string]*int{}
	}
	visit := func(field string, term []byte) {
		c := counts[field]
		if p, ok := c[string(term)]; ok { // the lookup does not copy term
			*p++
			return
		}
		n := 1
		c[string(term)] = &n
	}
	id := bleveindex.NewIndexInternalID(nil, 0)
	for _, m := range fc.members {
		dvr, err := m.snap.DocValueReader(names)
		if err != nil {
			return fmt.Errorf("facets: doc values: %w", err)
		}
		for i, b := range m.bits {
			it := b.Iterator()
			for n := 0; it.HasNext(); n++ {
				if n%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return fmt.Errorf("facets: %w", err)
					}
				}
				id.SetValue(m.offsets[i] + uint64(it.Next()))
				if err := dvr.VisitDocValues(id, visit); err != nil {
					return fmt.Errorf("facets: doc values: %w", err)
				}
			}
		}
	}
	for name, field := range fields {
		out := make(map[string]int, len(counts[field]))
		for v, n := range counts[field] {
			out[v] = *n
		}
		into[name] = out
	}
	return nil
}

// narrow returns the query restricted to the articles published on or after the day of the
// n-th newest match, or nil when that would not leave out much or there are fewer than n dated
// matches (undated ones sort last, so they would be among the first n).
//
// Why: bleve sorts by visiting the date (and loading the id, the last tie-break) of every
// match, which over many matches costs more than the rest of the search; the first n of a walk
// newest first all lie on or after that day, so the narrowed query gives the same hits in the
// same order, and bleve then sorts only them and the rest of that day.
//
// It gives up (nil) rather than read more than budget postings lists to count the days (no
// bound when budget < 0).
func (fc *facetCounter) narrow(ctx context.Context, qry query.Query, n, budget int) (query.Query, error) {
	if fc.matches < 4*uint64(n) {
		return nil, nil // little to gain
	}
	w, err := fc.dayWindows(ctx, budget)
	if err != nil {
		return nil, err
	}
	if narrowed, ok := w.within(qry, n); ok {
		return narrowed, nil
	}
	return nil, nil
}

// restricts reports whether q's text or filters narrow the matches (else every article matches).
func (x *Index) restricts(q index.Query) bool {
	tq, _ := x.textQuery(index.ParseText(q.Text))
	filters, err := filterQueries(q)
	return tq != nil || len(filters) > 0 || err != nil
}

// facetCounter holds the matches of one query in every member index's current snapshot, as a
// bitmap per segment, and counts facet values among them from the postings lists.
type facetCounter struct {
	stats   *termStats
	members []memberMatches
	matches uint64 // over every member
}

// memberMatches are the matches in one member index (a month, or the single index).
type memberMatches struct {
	snap    *scorch.IndexSnapshot
	segs    []*scorch.SegmentSnapshot
	offsets []uint64          // global document number of each segment's first document
	bits    []*roaring.Bitmap // matching local document numbers of each segment
}

// newFacetCounter finds the matches of qry (matchAll: it restricts nothing) in every member. It
// returns nil when a member is not a scorch index, whose postings it cannot read; the caller then
// lets bleve count.
func (x *Index) newFacetCounter(ctx context.Context, qry query.Query, matchAll bool) (*facetCounter, error) {
	fc := &facetCounter{stats: x.stats}
	for _, m := range x.members() {
		mm, ok, err := memberMatchesOf(ctx, m, qry, matchAll)
		if err != nil || !ok {
			fc.close()
			return nil, err
		}
		fc.members = append(fc.members, mm)
		for _, b := range mm.bits {
			fc.matches += b.GetCardinality()
		}
	}
	live := map[segment.Segment]bool{}
	for _, m := range fc.members {
		for _, s := range m.segs {
			live[s.Segment()] = true
		}
	}
	fc.stats.forget(live)
	return fc, nil
}

func memberMatchesOf(ctx context.Context, m blv.Index, qry query.Query, matchAll bool) (memberMatches, bool, error) {
	adv, err := m.Advanced()
	if err != nil {
		return memberMatches{}, false, fmt.Errorf("facets: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return memberMatches{}, false, fmt.Errorf("facets: open reader: %w", err)
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		_ = r.Close()
		return memberMatches{}, false, nil
	}
	mm := memberMatches{snap: snap, segs: snap.Segments()}
	var next uint64
	for _, s := range mm.segs {
		// As scorch numbers documents: each segment's count, deleted documents included.
		mm.offsets = append(mm.offsets, next)
		next += s.Segment().Count()
		if matchAll {
			mm.bits = append(mm.bits, s.DocNumbersLive())
		} else {
			mm.bits = append(mm.bits, roaring.New())
		}
	}
	if !matchAll {
		if err := mm.collect(ctx, m, qry); err != nil {
			_ = snap.Close()
			return memberMatches{}, false, err
		}
	}
	return mm, true, nil
}

// collect runs the query over the snapshot, unscored, and sets each match's bit.
func (mm *memberMatches) collect(ctx context.Context, m blv.Index, qry query.Query) error {
	s, err := qry.Searcher(ctx, mm.snap, m.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return fmt.Errorf("facets: searcher: %w", err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0),
		IndexReader: mm.snap}
	seg := 0
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("facets: %w", err)
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return fmt.Errorf("facets: matches: %w", err)
		}
		if dm == nil {
			return nil
		}
		doc := dm.IndexInternalID.Value()
		for seg+1 < len(mm.offsets) && mm.offsets[seg+1] <= doc {
			seg++ // matches come in document order
		}
		if doc < mm.offsets[seg] { // not in order after all: find the segment afresh
			seg = sort.Search(len(mm.offsets), func(i int) bool { return mm.offsets[i] > doc }) - 1
		}
		mm.bits[seg].Add(uint32(doc - mm.offsets[seg]))
		sctx.DocumentMatchPool.Put(dm)
	}
}

func (fc *facetCounter) close() {
	for _, m := range fc.members {
		_ = m.snap.Close()
	}
}

// whole reports whether every document of segment i matches and none is deleted, so that a
// value's document frequency in the segment is its count among the matches.
func (mm *memberMatches) whole(i int) bool {
	del := mm.segs[i].Deleted()
	return (del == nil || del.IsEmpty()) && mm.bits[i].GetCardinality() == mm.segs[i].Segment().Count()
}

// partialSeg is a segment of which only some documents match.
type partialSeg struct {
	dict segment.TermDictionary // the field's
	bits *roaring.Bitmap
}

// countTop counts the values of field among the matches from their postings: exactly, for every
// value that can be among the n most frequent (every value when n <= 0); values that cannot, and
// values with no match, are left out. It gives up (ok false) rather than read more than budget
// postings lists (no bound when budget < 0).
//
// In a segment where every document matches, a value's count is its document frequency, which
// segTerms caches. Elsewhere the document frequencies bound the counts, so the values are read
// most frequent first, and once a value's bound is below the n-th count found, no later value
// can enter the first n: with the long tail of names, the first n of a facet read a few dozen
// postings lists, not one per name.
func (fc *facetCounter) countTop(ctx context.Context, field string, n, budget int) (counts map[string]int, ok bool, err error) {
	exact, bound, partials, err := fc.frequencies(field)
	if err != nil {
		return nil, false, err
	}
	counts = map[string]int{}
	top := &minCounts{n: n}
	for v, c := range exact {
		if _, ok := bound[v]; !ok && c > 0 {
			counts[v] = c
			top.add(c)
		}
	}
	cands := make([]string, 0, len(bound))
	for v, b := range bound {
		bound[v] = b + exact[v]
		cands = append(cands, v)
	}
	slices.SortFunc(cands, func(a, b string) int {
		return cmp.Or(cmp.Compare(bound[b], bound[a]), cmp.Compare(a, b))
	})
	var pl segment.PostingsList
	var it segment.PostingsIterator
	reads := 0
	for k, v := range cands {
		if top.full() && bound[v] < top.min() {
			break // a tie with the n-th could still win on the value, so only strictly below
		}
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, fmt.Errorf("facets: %w", err)
			}
		}
		c := exact[v]
		for _, p := range partials {
			if budget >= 0 && reads >= budget {
				return nil, false, nil
			}
			reads++
			if pl, err = p.dict.PostingsList([]byte(v), nil, pl); err != nil {
				return nil, false, fmt.Errorf("facets: %s postings of %q: %w", field, v, err)
			}
			it = pl.Iterator(false, false, false, it)
			m, err := matchCount(it, p.bits)
			if err != nil {
				return nil, false, fmt.Errorf("facets: %s postings of %q: %w", field, v, err)
			}
			c += int(m)
		}
		if c > 0 {
			counts[v] = c
			top.add(c)
		}
	}
	return counts, true, nil
}

// frequencies sums the field's document frequencies over the segments with matches: exact, of
// the segments where every document matches, and bound, of the others (partials), where they
// bound the counts.
func (fc *facetCounter) frequencies(field string) (exact, bound map[string]int, partials []partialSeg, err error) {
	exact, bound = map[string]int{}, map[string]int{}
	for _, m := range fc.members {
		for i, s := range m.segs {
			if m.bits[i].IsEmpty() {
				continue
			}
			st, err := fc.stats.get(s.Segment(), field)
			if err != nil {
				return nil, nil, nil, err
			}
			if m.whole(i) {
				st.addTo(exact)
				continue
			}
			d, err := s.Segment().Dictionary(field)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("facets: %s dictionary: %w", field, err)
			}
			partials = append(partials, partialSeg{dict: d, bits: m.bits[i]})
			st.addTo(bound)
		}
	}
	return exact, bound, partials, nil
}

// minCounts keeps the n largest counts added (all when n <= 0) in a min-heap.
type minCounts struct {
	n int
	h []int
}

func (t *minCounts) full() bool { return t.n > 0 && len(t.h) == t.n }
func (t *minCounts) min() int   { return t.h[0] }

func (t *minCounts) add(c int) {
	if t.n <= 0 {
		return
	}
	if len(t.h) < t.n {
		t.h = append(t.h, c)
		for i := len(t.h) - 1; i > 0 && t.h[(i-1)/2] > t.h[i]; i = (i - 1) / 2 {
			t.h[i], t.h[(i-1)/2] = t.h[(i-1)/2], t.h[i]
		}
		return
	}
	if c <= t.h[0] {
		return
	}
	t.h[0] = c
	for i := 0; ; {
		l, small := 2*i+1, i
		if l < len(t.h) && t.h[l] < t.h[small] {
			small = l
		}
		if r := l + 1; r < len(t.h) && t.h[r] < t.h[small] {
			small = r
		}
		if small == i {
			return
		}
		t.h[i], t.h[small] = t.h[small], t.h[i]
		i = small
	}
}

// docValuesBudget is how many postings lists countTop may read for field before counting it
// from doc values would have been cheaper: the matches of the segments not wholly matching,
// each costing its values per document (the segment's average) and the visit itself.
func (fc *facetCounter) docValuesBudget(field string) (int, error) {
	var cost float64
	for _, m := range fc.members {
		for i, s := range m.segs {
			if m.bits[i].IsEmpty() || m.whole(i) {
				continue
			}
			st, err := fc.stats.get(s.Segment(), field)
			if err != nil {
				return 0, err
			}
			perDoc := float64(st.total) / float64(max(s.Segment().Count(), 1))
			cost += float64(m.bits[i].GetCardinality()) * (perDoc + docFieldCost) * docValueCost
		}
	}
	return int(cost / postingsReadCost), nil
}

// matchCount is how many documents of the postings are matches: an intersection of bitmaps when
// the segment exposes its postings' bitmap (zap does), else a walk of the postings.
func matchCount(it segment.PostingsIterator, matches *roaring.Bitmap) (uint64, error) {
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if doc, ok := o.DocNum1Hit(); ok {
			if matches.Contains(uint32(doc)) {
				return 1, nil
			}
			return 0, nil
		}
		if bm := o.ActualBitmap(); bm != nil {
			return bm.AndCardinality(matches), nil
		}
		return 0, nil // an empty postings list
	}
	var c uint64
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return c, err
		}
		if matches.Contains(uint32(p.Number())) {
			c++
		}
	}
}

// countedBuckets orders counted values as bleve orders a terms facet (count descending, then
// value) and keeps the first n (every one when n <= 0).
func countedBuckets(counts map[string]int, n int) []index.FacetBucket {
	out := make([]index.FacetBucket, 0, len(counts))
	for k, c := range counts {
		out = append(out, index.FacetBucket{Key: k, Count: c})
	}
	slices.SortFunc(out, func(a, b index.FacetBucket) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// segTerms are one field's values in one segment with their document frequencies (deleted
// documents included), and their sum: the field's values in the segment.
type segTerms struct {
	terms []string
	df    []uint32
	total uint64
}

// addTo adds the document frequencies to counts.
func (st *segTerms) addTo(counts map[string]int) {
	for i, t := range st.terms {
		counts[t] += int(st.df[i])
	}
}

// termStats caches segTerms per segment and field, as reading a dictionary is most of what a
// facet costs over many matches. A segment never changes once written (deletions are kept
// beside it), so an entry holds as long as its segment lives; forget drops the entries of
// segments merged away. Memory: one string and count per value and segment of the facet
// fields (a few MB at 100k articles). Safe for concurrent use.
type termStats struct {
	mu   sync.Mutex
	segs map[segment.Segment]map[string]*segTerms // segment → field → its values
}

func (ts *termStats) get(seg segment.Segment, field string) (*segTerms, error) {
	ts.mu.Lock()
	st := ts.segs[seg][field]
	ts.mu.Unlock()
	if st != nil {
		return st, nil
	}
	d, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("facets: %s dictionary: %w", field, err)
	}
	st = &segTerms{}
	it := d.AutomatonIterator(nil, nil, nil)
	for {
		e, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("facets: %s terms: %w", field, err)
		}
		if e == nil {
			break
		}
		st.terms = append(st.terms, e.Term)
		st.df = append(st.df, uint32(e.Count))
		st.total += e.Count
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.segs == nil {
		ts.segs = map[segment.Segment]map[string]*segTerms{}
	}
	if ts.segs[seg] == nil {
		ts.segs[seg] = map[string]*segTerms{}
	}
	ts.segs[seg][field] = st
	return st, nil
}

// forget drops the entries of segments not in live (the segments of the current snapshots).
// A search still reading an older snapshot may put one back; the next forget drops it again.
func (ts *termStats) forget(live map[segment.Segment]bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for seg := range ts.segs {
		if !live[seg] {
			delete(ts.segs, seg)
		}
	}
}
