package elastic

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/newsmon/newsmon/pkg/index"
)

var _ index.TermScorer = (*Index)(nil)

// SignificantTerms implements index.TermScorer with a significant_text aggregation (JLH, the
// default heuristic) on the body text, under a sampler that reads the best-ranked opts.Sample
// matching articles per shard. The background is the whole index (significant_text's default).
// Without text every match scores the same, so the query then ranks by recency (a
// distance_feature on published) and the sample is the newest articles, as in the bleve backend.
func (x *Index) SignificantTerms(ctx context.Context, q index.Query, opts index.TermsOptions) (*index.TermsResult, error) {
	body, err := termsBody(q, opts.Normalized())
	if err != nil {
		return nil, err
	}
	resp, err := x.search(ctx, "significant terms", body)
	if err != nil {
		return nil, err
	}
	return decodeTerms(resp)
}

func termsBody(q index.Query, opts index.TermsOptions) ([]byte, error) {
	if q.Near != nil {
		if err := q.Near.Validate(); err != nil {
			return nil, fmt.Errorf("significant terms: near: %w", err)
		}
	}
	boolQ, must := boolQuery(q)
	if len(must) == 0 || q.Sort == "date" {
		boolQ["should"] = []any{map[string]any{"distance_feature": map[string]any{
			"field": fieldPublished, "origin": "now", "pivot": "7d"}}}
		boolQ["minimum_should_match"] = 0 // articles without a date still match
	}
	return json.Marshal(map[string]any{
		"size":             0,
		"track_total_hits": true,
		"query":            map[string]any{"bool": boolQ},
		"aggs": map[string]any{"sample": map[string]any{
			"sampler": map[string]any{"shard_size": opts.Sample},
			"aggs": map[string]any{"terms": map[string]any{"significant_text": map[string]any{
				"field":               "text",
				"size":                opts.Size,
				"min_doc_count":       index.MinTermDocs,
				"shard_min_doc_count": index.MinTermDocs,
				"exclude":             index.TermsExcludeRegexp,
				"jlh":                 map[string]any{},
			}}},
		}},
	})
}

func decodeTerms(body []byte) (*index.TermsResult, error) {
	var sr struct {
		Hits struct {
			Total struct {
				Value int `json:"value"`
			} `json:"total"`
		} `json:"hits"`
		Aggregations struct {
			Sample struct {
				DocCount int `json:"doc_count"`
				Terms    struct {
					BgCount int `json:"bg_count"`
					Buckets []struct {
						Key      string  `json:"key"`
						DocCount int     `json:"doc_count"`
						BgCount  int     `json:"bg_count"`
						Score    float64 `json:"score"`
					} `json:"buckets"`
				} `json:"terms"`
			} `json:"sample"`
		} `json:"aggregations"`
	}
	if err := json.Unmarshal(body, &sr); err != nil {
		return nil, fmt.Errorf("elasticsearch significant terms: decode answer: %w", err)
	}
	out := &index.TermsResult{Total: sr.Hits.Total.Value, Sampled: sr.Aggregations.Sample.DocCount,
		BackgroundTotal: sr.Aggregations.Sample.Terms.BgCount, Terms: []index.SignificantTerm{}}
	for _, b := range sr.Aggregations.Sample.Terms.Buckets {
		if !index.TermWorthy(b.Key) {
			continue
		}
		out.Terms = append(out.Terms, index.SignificantTerm{Term: b.Key, Score: b.Score, Count: b.DocCount,
			Background: b.BgCount})
	}
	return out, nil
}
