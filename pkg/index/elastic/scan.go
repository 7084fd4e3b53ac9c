package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

var _ index.Scanner = (*Index)(nil)

// scanKeepAlive is how long Elasticsearch keeps the walk's point in time between two pages: each
// page renews it, so it only has to outlast the time fn takes over one page.
const scanKeepAlive = "5m"

// Scan implements index.Scanner with a point in time and search_after: the walk sees the index as
// it was when it began (articles written meanwhile are not passed, none is passed twice), and
// each page asks for the hits that sort after the previous page's last one, in Search's order,
// which ends in the article id. The point in time is closed when the walk ends.
func (x *Index) Scan(ctx context.Context, q index.Query, fn func(*article.Article) error) (err error) {
	pit, err := x.openPIT(ctx)
	if err != nil {
		return err
	}
	defer func() {
		// Closing is best effort (the point in time expires anyway), and must not depend on a
		// context the caller may have cancelled.
		if cerr := x.closePIT(context.WithoutCancel(ctx), pit); cerr != nil {
			x.log.Warn("elasticsearch point in time not closed", "error", cerr)
		}
	}()
	boolQ, must := boolQuery(q)
	body := map[string]any{
		"query":            map[string]any{"bool": boolQ},
		"size":             q.ScanPage(),
		"sort":             sortOrder(q, must),
		"_source":          sourceFilter(q),
		"track_total_hits": false,
	}
	for {
		body["pit"] = map[string]any{"id": pit, "keep_alive": scanKeepAlive}
		req, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("elasticsearch scan: %w", err)
		}
		resp, err := x.searchPIT(ctx, req)
		if err != nil {
			return err
		}
		var page scanResponse
		if err := json.Unmarshal(resp, &page); err != nil {
			return fmt.Errorf("elasticsearch scan: decode answer: %w", err)
		}
		if page.PitID != "" {
			pit = page.PitID // the id may change from page to page
		}
		decode := func(h scanHit) (*article.Article, error) {
			a, err := sourceArticle(h.Source, q)
			if err != nil {
				return nil, fmt.Errorf("elasticsearch: decode hit %s: %w", h.ID, err)
			}
			return a, nil
		}
		if done, err := index.ScanHits(ctx, page.Hits.Hits, decode, fn); done {
			return err
		}
		if len(page.Hits.Hits) < q.ScanPage() {
			return nil
		}
		body["search_after"] = page.Hits.Hits[len(page.Hits.Hits)-1].Sort
	}
}

type scanResponse struct {
	PitID string `json:"pit_id"`
	Hits  struct {
		Hits []scanHit `json:"hits"`
	} `json:"hits"`
}

type scanHit struct {
	ID     string            `json:"_id"`
	Source json.RawMessage   `json:"_source"`
	Sort   []json.RawMessage `json:"sort"` // passed back as they came: a long stays exact
}

// sourceArticle decodes a hit's source, shaped as q asks (WithText, Lean).
func sourceArticle(src json.RawMessage, q index.Query) (*article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(src, &a); err != nil {
		return nil, err
	}
	if !q.WithText || q.Lean {
		a.Text = ""
	}
	if q.Lean {
		a.Normalize() // the members left out decode as null
	}
	return &a, nil
}

// openPIT opens a point in time over the alias's indices.
func (x *Index) openPIT(ctx context.Context) (string, error) {
	op := "open point in time " + x.alias
	status, resp, err := x.do(ctx, op, func() esapi.Request {
		return esapi.OpenPointInTimeRequest{Index: []string{x.alias}, KeepAlive: scanKeepAlive}
	})
	if err != nil {
		return "", err
	}
	if status/100 != 2 {
		return "", statusError(op, status, resp)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(resp, &out); err != nil || out.ID == "" {
		return "", fmt.Errorf("elasticsearch %s: no id in answer %.200s", op, resp)
	}
	return out.ID, nil
}

// searchPIT runs a _search over a point in time (the request names no index: the point in time
// does).
func (x *Index) searchPIT(ctx context.Context, body []byte) ([]byte, error) {
	op := "scan " + x.alias
	status, resp, err := x.do(ctx, op, func() esapi.Request {
		return esapi.SearchRequest{Body: bytes.NewReader(body)}
	})
	if err != nil {
		return nil, err
	}
	if status/100 != 2 {
		return nil, statusError(op, status, resp)
	}
	return resp, nil
}

func (x *Index) closePIT(ctx context.Context, pit string) error {
	body, err := json.Marshal(map[string]string{"id": pit})
	if err != nil {
		return err
	}
	op := "close point in time " + x.alias
	status, resp, err := x.do(ctx, op, func() esapi.Request {
		return esapi.ClosePointInTimeRequest{Body: strings.NewReader(string(body))}
	})
	if err != nil {
		return err
	}
	if status/100 != 2 && status != 404 {
		return statusError(op, status, resp)
	}
	return nil
}
