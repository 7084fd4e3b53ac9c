package elastic

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/index"
)

// Search runs q: a bool query (the parsed text as multi_match clauses over title, text and quotes
// in their standard and language-analysed forms; filters as term queries on the Norm'ed keyword
// fields; a range on published), terms aggregations for the facets, a date_histogram for the
// timeline, <mark> highlights, from/size paging.
func (x *Index) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	body, err := searchBody(q)
	if err != nil {
		return nil, err
	}
	resp, err := x.search(ctx, "search", body)
	if err != nil {
		return nil, err
	}
	res, err := decodeSearch(resp, q)
	if err != nil || q.FacetSize < 0 {
		return res, err
	}
	if err := index.MergeFacets(ctx, x, q, res, cmp.Or(q.FacetSize, index.DefaultFacetSize)); err != nil {
		return nil, fmt.Errorf("elasticsearch search: %w", err)
	}
	return res, nil
}

// search posts a _search body to the alias and returns the answer; op names the request in
// errors and logs ("search", "significant terms"), followed by the alias.
func (x *Index) search(ctx context.Context, op string, body []byte) ([]byte, error) {
	op += " " + x.alias
	status, resp, err := x.do(ctx, op, func() esapi.Request {
		return esapi.SearchRequest{Index: []string{x.alias}, Body: bytes.NewReader(body)}
	})
	if err != nil {
		return nil, err
	}
	if status/100 != 2 {
		return nil, statusError(op, status, resp)
	}
	return resp, nil
}

// Sizes of a page, clamped as index.Query documents.
func pageOf(q index.Query) (from, size int) {
	size = q.Size
	if size <= 0 {
		size = index.DefaultSize
	}
	size = min(size, q.MaxPage())
	page := max(q.Page, 1)
	return (page - 1) * size, size
}

// searchBody builds the _search request body for q.
func searchBody(q index.Query) ([]byte, error) {
	if q.Interval != "" {
		if _, err := index.BucketKey(time.Time{}, q.Interval); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	if q.Near != nil {
		if err := q.Near.Validate(); err != nil {
			return nil, fmt.Errorf("search: near: %w", err)
		}
	}
	from, size := pageOf(q)
	boolQ, must := boolQuery(q)
	body := map[string]any{
		"query":            map[string]any{"bool": boolQ},
		"from":             from,
		"size":             size,
		"track_total_hits": true,
		"_source":          sourceFilter(q),
	}
	body["sort"] = sortOrder(q, must)
	if len(must) > 0 {
		fields := map[string]any{}
		for _, f := range []string{"title", "ml.*.title"} {
			fields[f] = map[string]any{"number_of_fragments": 0}
		}
		for _, f := range []string{"text", "ml.*.text"} {
			fields[f] = map[string]any{"fragment_size": 160, "number_of_fragments": 3}
		}
		body["highlight"] = map[string]any{
			"pre_tags": []string{"<mark>"}, "post_tags": []string{"</mark>"},
			"encoder": "html", "require_field_match": true, "fields": fields,
			// Only what the user asked for is marked, not the exclusions or the filters.
			"highlight_query": map[string]any{"bool": map[string]any{"must": must}},
		}
	}
	aggs := map[string]any{}
	if q.FacetSize >= 0 {
		n := q.FacetSize
		if n == 0 {
			n = index.DefaultFacetSize
		}
		for _, name := range q.FacetList() {
			aggs["facet_"+name] = map[string]any{"terms": map[string]any{
				"field": facetFields[name], "size": index.FacetFetch(name, n), "shard_size": max(index.FacetFetch(name, n)*2+10, 100),
				"order": []any{map[string]any{"_count": "desc"}, map[string]any{"_key": "asc"}},
			}}
		}
	}
	if q.Interval != "" {
		aggs["timeline"] = map[string]any{"date_histogram": map[string]any{
			"field": fieldPublished, "calendar_interval": q.Interval, "time_zone": "UTC",
			"min_doc_count": 1, // like bleve: days without articles are not reported
			"format":        "yyyy-MM-dd",
		}}
	}
	if len(aggs) > 0 {
		body["aggs"] = aggs
	}
	return json.Marshal(body)
}

// sortOrder is Search's order for q: newest first (undated last) when the text does not restrict
// or q.Sort is "date", else by relevance and then newest first; ties by article id, so that the
// order is total and a search_after cursor names one hit.
func sortOrder(q index.Query, must []any) []any {
	byDate := []any{
		map[string]any{fieldPublished: map[string]any{"order": "desc", "missing": "_last"}},
		map[string]any{fieldID: "asc"},
	}
	if len(must) == 0 || q.Sort == "date" {
		return byDate
	}
	return append([]any{map[string]any{"_score": "desc"}}, byDate...)
}

// boolQuery is the bool query of q's text and filters; must holds the text clauses (none when
// the text does not restrict, and then hits are sorted by date).
func boolQuery(q index.Query) (boolQ map[string]any, must []any) {
	must, mustNot := textClauses(index.ParseText(q.Text))
	filter := filterClauses(q)
	boolQ = map[string]any{}
	if len(must) > 0 {
		boolQ["must"] = must
	}
	if len(mustNot) > 0 {
		boolQ["must_not"] = mustNot
	}
	if len(filter) > 0 {
		boolQ["filter"] = filter
	}
	return boolQ, must
}

// sourceFilter keeps the derived fields (and the text unless asked for) out of hits, and with
// Lean everything but index.LeanFields.
func sourceFilter(q index.Query) map[string]any {
	if q.Lean {
		return map[string]any{"includes": index.LeanFields, "excludes": derivedFields}
	}
	return map[string]any{"excludes": sourceExcludes(q.WithText)}
}

func sourceExcludes(withText bool) []string {
	if withText {
		return derivedFields
	}
	return append([]string{"text"}, derivedFields...)
}

// textClauses turns the parsed text into must (one clause per group, any alternative of a group
// matching) and must_not clauses. A term with no letter or digit analyses to nothing and is
// dropped, as the bleve backend drops it, so stray punctuation never empties a result.
func textClauses(tq index.TextQuery) (must, mustNot []any) {
	for _, group := range tq.Must {
		var alts []any
		for _, t := range group {
			if c := termClause(t); c != nil {
				alts = append(alts, c)
			}
		}
		switch len(alts) {
		case 0:
		case 1:
			must = append(must, alts[0])
		default:
			must = append(must, map[string]any{"bool": map[string]any{"should": alts, "minimum_should_match": 1}})
		}
	}
	for _, t := range tq.Not {
		if c := termClause(t); c != nil {
			mustNot = append(mustNot, c)
		}
	}
	return must, mustNot
}

func termClause(t index.TextTerm) any {
	if !strings.ContainsFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return nil
	}
	mm := map[string]any{"query": t.Text, "fields": textFields}
	if t.Phrase {
		mm["type"] = "phrase"
	} else {
		mm["type"] = "best_fields"
		mm["operator"] = "and"
		mm["tie_breaker"] = 0.3
	}
	return map[string]any{"multi_match": mm}
}

// filterClauses are the keyword and date filters: one term query per value (values of one kind
// are ANDed), on the Norm'ed fields so filters are case-insensitive.
func filterClauses(q index.Query) []any {
	var out []any
	terms := func(field string, vals []string) {
		for _, v := range vals {
			if n := index.Norm(v); n != "" {
				out = append(out, map[string]any{"term": map[string]any{field: n}})
			}
		}
	}
	terms("keys.persons_norm", q.Person)
	terms("keys.orgs_norm", q.Org)
	terms("keys.places_norm", q.Place)
	terms("keys.regions_norm", q.Region)
	terms("keys.events_norm", q.Event)
	terms("keys.source_norm", q.Source)
	terms("keys.lang_norm", q.Lang)
	terms("keys.speakers_norm", q.Speaker)
	terms("keys.currencies_norm", q.Currency)
	terms("keys.event_types_norm", q.EventType)
	terms("keys.tags_norm", q.Tag)
	if c := q.Near; c != nil {
		out = append(out, map[string]any{"geo_distance": map[string]any{
			"distance":       strconv.FormatFloat(c.Km, 'f', -1, 64) + "km",
			"keys.locations": map[string]any{"lat": c.Lat, "lon": c.Lon},
		}})
	}
	if q.MinUSD != nil || q.MaxUSD != nil {
		r := map[string]any{}
		if q.MinUSD != nil {
			r["gte"] = *q.MinUSD
		}
		if q.MaxUSD != nil {
			r["lte"] = *q.MaxUSD
		}
		out = append(out, map[string]any{"range": map[string]any{"keys.usd_max": r}})
	}
	if !q.MentionsFrom.IsZero() || !q.MentionsTo.IsZero() {
		// A mentioned span [gte, lt) overlaps [from, to] when the two intersect.
		r := map[string]any{"relation": "intersects"}
		if !q.MentionsFrom.IsZero() {
			r["gte"] = clampTime(q.MentionsFrom).UTC().Format(time.RFC3339Nano)
		}
		if !q.MentionsTo.IsZero() {
			r["lte"] = clampTime(q.MentionsTo).UTC().Format(time.RFC3339Nano)
		}
		out = append(out, map[string]any{"range": map[string]any{"keys.mentioned": r}})
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		r := map[string]any{}
		if !q.From.IsZero() {
			r["gte"] = clampTime(q.From).UTC().Format(time.RFC3339Nano)
		}
		if !q.To.IsZero() {
			r["lte"] = clampTime(q.To).UTC().Format(time.RFC3339Nano)
		}
		out = append(out, map[string]any{"range": map[string]any{fieldPublished: r}})
	}
	return out
}

type searchResponse struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			ID        string              `json:"_id"`
			Score     *float64            `json:"_score"`
			Source    json.RawMessage     `json:"_source"`
			Highlight map[string][]string `json:"highlight"`
		} `json:"hits"`
	} `json:"hits"`
	Aggregations map[string]struct {
		Buckets []struct {
			Key         any    `json:"key"`
			KeyAsString string `json:"key_as_string"`
			DocCount    int    `json:"doc_count"`
		} `json:"buckets"`
	} `json:"aggregations"`
}

func decodeSearch(body []byte, q index.Query) (*index.Result, error) {
	var sr searchResponse
	if err := json.Unmarshal(body, &sr); err != nil {
		return nil, fmt.Errorf("elasticsearch search: decode answer: %w", err)
	}
	out := &index.Result{Total: sr.Hits.Total.Value, Hits: make([]index.Hit, 0, len(sr.Hits.Hits))}
	for _, h := range sr.Hits.Hits {
		a, err := sourceArticle(h.Source, q)
		if err != nil {
			return nil, fmt.Errorf("elasticsearch search: decode hit %s: %w", h.ID, err)
		}
		hit := index.Hit{Article: a, Highlight: mergeHighlights(h.Highlight)}
		if h.Score != nil {
			hit.Score = *h.Score
		}
		out.Hits = append(out.Hits, hit)
	}
	if q.FacetSize >= 0 {
		out.Facets = map[string][]index.FacetBucket{}
		for _, name := range q.FacetList() {
			b := []index.FacetBucket{}
			for _, k := range sr.Aggregations["facet_"+name].Buckets {
				b = append(b, index.FacetBucket{Key: fmt.Sprint(k.Key), Count: k.DocCount})
			}
			out.Facets[name] = b
		}
	}
	if q.Interval != "" {
		for _, k := range sr.Aggregations["timeline"].Buckets {
			if k.DocCount > 0 {
				out.Timeline = append(out.Timeline, index.TimeBucket{Key: k.KeyAsString, Count: k.DocCount})
			}
		}
	}
	return out, nil
}

// mergeHighlights folds the language-analysed fields' fragments (ml.<lang>.title) into "title"
// and "text": the stemmed field marks "exports" for "export", the standard one the exact words, so
// the stemmed fragments are preferred when there are any.
func mergeHighlights(hl map[string][]string) map[string][]string {
	if len(hl) == 0 {
		return nil
	}
	out := map[string][]string{}
	for field, frags := range hl {
		name := field
		if strings.HasPrefix(field, "ml.") {
			name = field[strings.LastIndexByte(field, '.')+1:]
		}
		if name != "title" && name != "text" {
			continue
		}
		if strings.HasPrefix(field, "ml.") || out[name] == nil {
			out[name] = frags
		}
	}
	return out
}
