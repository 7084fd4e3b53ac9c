package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// PeriodMonth is Config.Period for one concrete index per calendar month (UTC) of the articles'
// published dates: <alias>-2026.11. Writes touch the month's index only, so merges and refreshes
// stay the size of a month whatever the total, old months are written no more, and retention
// deletes whole indices instead of documents (the time-based indices Elasticsearch users build
// with rollover and ILM, without needing ILM).
const PeriodMonth = "month"

// periodFormat names a month's index: sortable as text, and not a rollover counter (-000001), so
// an index of the single-index layout is never taken for a period.
const periodFormat = "2006.01"

// periodic reports whether the layout is one index per period.
func (x *Index) periodic() bool { return x.period != "" }

// periodIndex is the concrete index of the period holding t.
func (x *Index) periodIndex(t time.Time) string { return x.alias + "-" + t.UTC().Format(periodFormat) }

// articleTime is the time that files an article into a period (index.FilingTime).
func (x *Index) articleTime(a *article.Article) time.Time { return index.FilingTime(a, x.now()) }

// horizon is the start of the oldest period retention keeps (zero when everything is kept):
// with Retain n, the current month and the n-1 before it.
func (x *Index) horizon() time.Time { return index.RetainedFrom(x.now(), x.retain) }

// target is the index an article is written to: the alias's write index in the single-index
// layout, the article's period index in the periodic one.
func (x *Index) target(a *article.Article) string {
	if !x.periodic() {
		return x.alias
	}
	return x.periodIndex(x.articleTime(a))
}

// unexpired drops the articles published before the retention horizon: their period's index is
// deleted (or would be at once), so writing them would only create it again.
func (x *Index) unexpired(arts []*article.Article) []*article.Article {
	h := x.horizon()
	if h.IsZero() {
		return arts
	}
	kept := arts[:0:0]
	for _, a := range arts {
		if x.articleTime(a).Before(h) {
			continue
		}
		kept = append(kept, a)
	}
	if n := len(arts) - len(kept); n > 0 {
		x.log.Debug("articles older than the retention not indexed", "count", n, "before", h.Format(time.DateOnly))
	}
	return kept
}

// wrotePeriods notes the period indices a bulk wrote to and, when one is new to this process,
// applies the retention: a new month is when an old one falls out.
func (x *Index) wrotePeriods(ctx context.Context, sent []*article.Article) {
	if !x.periodic() {
		return
	}
	fresh := false
	x.mu.Lock()
	for _, a := range sent {
		if name := x.target(a); !x.written[name] {
			x.written[name] = true
			fresh = true
		}
	}
	x.mu.Unlock()
	if fresh && x.retain > 0 {
		if _, err := x.Expire(ctx); err != nil {
			x.log.Warn("elasticsearch retention failed", "alias", x.alias, "error", err)
		}
	}
}

// ensurePeriodic sets up the periodic layout: the template names the alias, so every period
// index Put creates (bulk creates missing indices) joins the search alias at birth; the current
// period's index is created so that the alias exists before the first write. An alias of the
// single-index layout keeps its indices: they stay searchable and are never expired.
func (x *Index) ensurePeriodic(ctx context.Context) error {
	tmpl := templateBody(x.alias+"-*", x.shards, x.replicas)
	tmpl["template"].(map[string]any)["aliases"] = map[string]any{x.alias: map[string]any{}}
	if err := x.putTemplate(ctx, tmpl); err != nil {
		return err
	}
	existed, err := x.aliasExists(ctx)
	if err != nil {
		return err
	}
	if existed {
		x.upgradeMappings(ctx)
	}
	name := x.periodIndex(x.now())
	status, body, err := x.do(ctx, "create index "+name, func() esapi.Request {
		return esapi.IndicesCreateRequest{Index: name}
	})
	if err != nil {
		return err
	}
	if status/100 != 2 {
		if se := statusError("create index "+name, status, body); se.Type != "resource_already_exists_exception" {
			return se
		}
	}
	if x.retain > 0 {
		if _, err := x.Expire(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Expire deletes the period indices behind the alias older than the retention (Config.Retain
// periods, the current one included) and returns their names. Indices of the single-index layout
// (<alias>-000001) are not periods and are kept. It does nothing without a retention.
func (x *Index) Expire(ctx context.Context) ([]string, error) {
	h := x.horizon()
	if !x.periodic() || h.IsZero() {
		return nil, nil
	}
	names, err := x.aliasIndices(ctx)
	if err != nil {
		return nil, err
	}
	var old []string
	for _, name := range names {
		t, err := time.Parse(periodFormat, strings.TrimPrefix(name, x.alias+"-"))
		if err == nil && strings.HasPrefix(name, x.alias+"-") && t.Before(h) {
			old = append(old, name)
		}
	}
	if len(old) == 0 {
		return nil, nil
	}
	slices.Sort(old)
	op := "delete expired indices " + strings.Join(old, ",")
	status, body, err := x.do(ctx, op, func() esapi.Request { return esapi.IndicesDeleteRequest{Index: old} })
	if err != nil {
		return nil, err
	}
	if status/100 != 2 && status != http.StatusNotFound { // another process deleted them first
		return nil, statusError(op, status, body)
	}
	x.log.Info("elasticsearch indices expired", "alias", x.alias, "indices", old, "retain_months", x.retain)
	return old, nil
}

// getBySearch finds an article by id over every index of the alias: a document GET needs one
// index, and an alias over several periods resolves a GET to none of them.
func (x *Index) getBySearch(ctx context.Context, id string) (*article.Article, error) {
	req, _ := json.Marshal(map[string]any{
		"query": map[string]any{"ids": map[string]any{"values": []string{id}}}, "size": 1,
		"_source": map[string]any{"excludes": derivedFields},
	})
	resp, err := x.search(ctx, "get "+id, req)
	if err != nil {
		return nil, err
	}
	var res struct {
		Hits struct {
			Hits []struct {
				Source json.RawMessage `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(resp, &res); err != nil {
		return nil, fmt.Errorf("elasticsearch get %s: decode: %w", id, err)
	}
	if len(res.Hits.Hits) == 0 {
		return nil, index.ErrNotFound
	}
	var a article.Article
	if err := json.Unmarshal(res.Hits.Hits[0].Source, &a); err != nil {
		return nil, fmt.Errorf("elasticsearch get %s: decode article: %w", id, err)
	}
	return &a, nil
}

// putTemplate creates or replaces the alias's index template.
func (x *Index) putTemplate(ctx context.Context, tmpl map[string]any) error {
	b, err := json.Marshal(tmpl)
	if err != nil {
		return fmt.Errorf("encode index template: %w", err)
	}
	name := x.alias + "-template"
	status, body, err := x.do(ctx, "put index template "+name, func() esapi.Request {
		return esapi.IndicesPutIndexTemplateRequest{Name: name, Body: bytes.NewReader(b)}
	})
	if err != nil {
		return err
	}
	if status/100 != 2 {
		return statusError("put index template "+name, status, body)
	}
	return nil
}
