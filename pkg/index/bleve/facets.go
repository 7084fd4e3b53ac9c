package bleve

import (
	"context"
	"fmt"
	"sort"
	"time"

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
// every article: 80 % of its CPU). But a value's postings list is a bitmap of the documents
// holding it, so its count among the matches is the cardinality of the bitmap's intersection
// with the matches' bitmap: a cost of distinct values, whatever the matches. Both give the same
// exact counts; which is cheaper depends on the query, so facetCounter estimates both per field
// and counts with postings only the fields where they win, leaving the others to bleve.

// Costs of the two ways, in the same unit (measured on the generated 100k-article index, where
// the first is about 1.4 µs and the second 0.27 µs): one distinct value of one segment (a
// dictionary step, a postings lookup, an intersection) against one value of one matching
// document in bleve's facet builder (doc-value decoding and a map lookup); and a field of a
// document visited, even one with no value there, costs docFieldCost values.
const (
	postingsTermCost = 5
	docValueCost     = 1
	docFieldCost     = 0.25
)

// valueSample is how many matching documents are read to estimate a field's values per document.
const valueSample = 32

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

// counted is what a search counted from postings before asking bleve for the hits.
type counted struct {
	facets map[string]map[string]int // result name → value → count
	// total is the number of matches when the hits' query was narrowed to the newest of them
	// (so bleve's total counts only those), else -1.
	total int
}

// countFacets counts the fields (result name → field) among the matches of q (req.Query is its
// bleve query) before bleve is asked for the hits: each field from postings or from doc values,
// whichever costs less (see byPostings). When the hits are newest first (byDate), it narrows
// req.Query to the days holding the hits asked for (see narrow), so bleve then sorts those only.
//
// It leaves every count to bleve (returns no facets) for a search by relevance with words:
// there finding the matches a second time would cost about what it saves, as the matches of
// words are commonly few.
func (x *Index) countFacets(ctx context.Context, q index.Query, req *blv.SearchRequest, hasText, byDate bool, fields map[string]string) (counted, error) {
	out := counted{total: -1}
	if x.facetWay == facetsByBleve || (hasText && !byDate && x.facetWay == facetsByCost) || (len(fields) == 0 && !byDate) {
		return out, nil
	}
	fc, err := x.newFacetCounter(ctx, req.Query, !x.restricts(q))
	if err != nil || fc == nil {
		return out, err
	}
	defer fc.close()
	var postings map[string]string
	switch x.facetWay {
	case facetsByPostings:
		postings = fields
	case facetsByDocValues:
	default:
		if postings, err = fc.byPostings(fields); err != nil {
			return out, err
		}
	}
	out.facets = make(map[string]map[string]int, len(fields))
	docValues := map[string]string{}
	for name, field := range fields {
		if _, ok := postings[name]; !ok {
			docValues[name] = field
			continue
		}
		if out.facets[name], err = fc.count(ctx, field); err != nil {
			return out, err
		}
	}
	if len(docValues) > 0 {
		if err := fc.countDocValues(ctx, docValues, out.facets); err != nil {
			return out, err
		}
	}
	if byDate {
		narrowed, err := fc.narrow(ctx, req.Query, req.From+req.Size)
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
func (fc *facetCounter) narrow(ctx context.Context, qry query.Query, n int) (query.Query, error) {
	if fc.matches < 4*uint64(n) {
		return nil, nil // little to gain
	}
	days, err := fc.count(ctx, fieldDay)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(days))
	for k := range days {
		keys = append(keys, k)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(keys))) // day keys sort as their dates do
	seen := 0
	for _, k := range keys {
		if seen += days[k]; seen < n {
			continue
		}
		day, err := time.Parse(time.DateOnly, k)
		if err != nil {
			return nil, fmt.Errorf("facets: day key %q: %w", k, err)
		}
		inclusive := true
		dq := blv.NewDateRangeInclusiveQuery(clampTime(day), time.Time{}, &inclusive, nil)
		dq.SetField(fieldPublished)
		if fq, ok := qry.(*filterOnly); ok {
			return fq.and(dq), nil // a conjunction: walks the narrowed matches only
		}
		bq := blv.NewBooleanQuery()
		bq.AddMust(qry)
		bq.AddFilter(dq)
		return bq, nil
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
	fc := &facetCounter{}
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

// byPostings picks, of the fields (result name → field), those that cost less to count from
// postings than by bleve's doc-value visit of every match, by the costs above and each field's
// distinct values per segment. Where that alone does not settle it, the field's values per
// document are estimated from a sample of the matches.
func (fc *facetCounter) byPostings(fields map[string]string) (map[string]string, error) {
	out := map[string]string{}
	if fc.matches == 0 {
		return fields, nil // no match to visit, and no postings read either
	}
	postingsCost := map[string]float64{}
	var unsettled []string
	for name, field := range fields {
		var terms uint64
		for _, m := range fc.members {
			for i, s := range m.segs {
				if m.bits[i].IsEmpty() {
					continue
				}
				d, err := s.Segment().Dictionary(field)
				if err != nil {
					return nil, fmt.Errorf("facets: %s dictionary: %w", field, err)
				}
				terms += uint64(d.Cardinality())
			}
		}
		cost := float64(terms * postingsTermCost)
		switch {
		case cost <= fc.docValuesCost(0):
			out[name] = field
		case cost < fc.docValuesCost(maxValuesPerDoc):
			postingsCost[field] = cost
			unsettled = append(unsettled, field)
		}
	}
	if len(unsettled) == 0 {
		return out, nil
	}
	perDoc, err := fc.valuesPerDoc(unsettled)
	if err != nil {
		return nil, err
	}
	for name, field := range fields {
		if c, ok := postingsCost[field]; ok && c < fc.docValuesCost(perDoc[field]) {
			out[name] = field
		}
	}
	return out, nil
}

// maxValuesPerDoc bounds the values per document byPostings reckons with (a field with more,
// and postings would be cheaper still).
const maxValuesPerDoc = 50

// docValuesCost is what bleve's visit of every match costs for a field with perDoc values per
// document.
func (fc *facetCounter) docValuesCost(perDoc float64) float64 {
	return float64(fc.matches) * (perDoc + docFieldCost) * docValueCost
}

// valuesPerDoc estimates each field's values per matching document from up to valueSample
// matches spread over the first member with any.
func (fc *facetCounter) valuesPerDoc(fields []string) (map[string]float64, error) {
	perDoc := map[string]float64{}
	for _, m := range fc.members {
		var all roaring.Bitmap
		for i, b := range m.bits {
			if !b.IsEmpty() { // as global numbers, one bitmap spans the segments
				all.Or(roaring.AddOffset64(b, int64(m.offsets[i])))
			}
		}
		n := all.GetCardinality()
		if n == 0 {
			continue
		}
		dvr, err := m.snap.DocValueReader(fields)
		if err != nil {
			return nil, fmt.Errorf("facets: doc values: %w", err)
		}
		values := map[string]int{}
		visit := func(field string, _ []byte) { values[field]++ }
		step, docs := max(n/valueSample, 1), 0
		id := bleveindex.NewIndexInternalID(nil, 0)
		for k := uint64(0); k < n && docs < valueSample; k += step {
			doc, err := all.Select(uint32(k))
			if err != nil {
				return nil, fmt.Errorf("facets: sample: %w", err)
			}
			id.SetValue(uint64(doc))
			if err := dvr.VisitDocValues(id, visit); err != nil {
				return nil, fmt.Errorf("facets: doc values: %w", err)
			}
			docs++
		}
		for _, f := range fields {
			perDoc[f] = float64(values[f]) / float64(docs)
		}
		break
	}
	return perDoc, nil
}

// count counts each value of field among the matches, exactly, from its postings lists. Values
// with no match are left out.
func (fc *facetCounter) count(ctx context.Context, field string) (map[string]int, error) {
	counts := map[string]int{}
	var pl segment.PostingsList
	var it segment.PostingsIterator
	for _, m := range fc.members {
		for i, s := range m.segs {
			matches := m.bits[i]
			if matches.IsEmpty() {
				continue
			}
			d, err := s.Segment().Dictionary(field)
			if err != nil {
				return nil, fmt.Errorf("facets: %s dictionary: %w", field, err)
			}
			whole := m.whole(i)
			terms := termsOf(d, whole)
			for n := 0; ; n++ {
				if n%1024 == 0 {
					if err := ctx.Err(); err != nil {
						return nil, fmt.Errorf("facets: %w", err)
					}
				}
				e, err := terms.Next()
				if err != nil {
					return nil, fmt.Errorf("facets: %s terms: %w", field, err)
				}
				if e == nil {
					break
				}
				if whole { // every document matches: the dictionary's count is the answer
					counts[e.Term] += int(e.Count)
					continue
				}
				if pl, err = d.PostingsList([]byte(e.Term), nil, pl); err != nil {
					return nil, fmt.Errorf("facets: %s postings of %q: %w", field, e.Term, err)
				}
				it = pl.Iterator(false, false, false, it)
				c, err := matchCount(it, matches)
				if err != nil {
					return nil, fmt.Errorf("facets: %s postings of %q: %w", field, e.Term, err)
				}
				if c > 0 {
					counts[e.Term] += int(c)
				}
			}
		}
	}
	return counts, nil
}

// whole reports whether every document of segment i matches and none is deleted, so that a
// term's count in the segment's dictionary is its count among the matches.
func (mm *memberMatches) whole(i int) bool {
	del := mm.segs[i].Deleted()
	return (del == nil || del.IsEmpty()) && mm.bits[i].GetCardinality() == mm.segs[i].Segment().Count()
}

// termsOf iterates the dictionary's terms with their counts, or without (where the segment can
// skip reading each term's postings for it) when count reads the postings it needs itself.
func termsOf(d segment.TermDictionary, withCounts bool) segment.DictionaryIterator {
	type omitCounter interface {
		AutomatonIteratorOmitCount(a segment.Automaton, start, end []byte) segment.DictionaryIterator
	}
	if oc, ok := d.(omitCounter); ok && !withCounts {
		return oc.AutomatonIteratorOmitCount(nil, nil, nil)
	}
	return d.AutomatonIterator(nil, nil, nil)
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
