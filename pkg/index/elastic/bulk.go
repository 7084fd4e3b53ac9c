package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// ItemError is why one article of a bulk request was not written.
type ItemError struct {
	Status int
	Type   string // e.g. mapper_parsing_exception
	Reason string
}

func (e *ItemError) Error() string {
	return fmt.Sprintf("elasticsearch bulk item: status %d: %s: %s", e.Status, e.Type, e.Reason)
}

type bulkResponse struct {
	Errors bool                  `json:"errors"`
	Items  []map[string]bulkItem `json:"items"` // one {"index": {...}} per action, in order
}

type bulkItem struct {
	ID     string   `json:"_id"`
	Status int      `json:"status"`
	Error  *esError `json:"error"`
}

// Put writes the batch with one _bulk request ("index" actions, _id = article id, so rewriting
// is idempotent). Items rejected with 429/5xx are retried alone, with backoff, up to MaxRetries
// times; items still failing, and items rejected for good (4xx: mapping errors), are returned in
// an *index.BulkError, the rest being written. A whole request that keeps failing returns an
// error: nothing or part of the batch may be written, and writing it again is safe.
//
// When an id occurs twice in a batch only its last version is sent, as it would win anyway; this
// keeps a retried older version from overwriting a newer one.
func (x *Index) Put(ctx context.Context, batch []*article.Article) error {
	failed := map[string]error{}
	body, sent := encodeBulk(x.target, x.unexpired(dedupe(batch, failed)), failed)
	err := x.bulk(ctx, body, sent, failed)
	if err == nil {
		x.wrotePeriods(ctx, sent)
	}
	return err
}

// bulk sends body, whose actions are for sent (in order), and retries the items rejected with
// 429/5xx. failed collects the articles not written; it is returned as a *index.BulkError.
func (x *Index) bulk(ctx context.Context, body []byte, sent []*article.Article, failed map[string]error) error {
	op := "bulk " + x.alias
	for attempt := 0; len(sent) > 0; attempt++ {
		status, resp, err := x.do(ctx, op, func() esapi.Request {
			req := esapi.BulkRequest{Body: bytes.NewReader(body)}
			if x.refresh {
				req.Refresh = "wait_for"
			}
			return req
		})
		if err != nil {
			return err
		}
		if status/100 != 2 {
			return statusError(op, status, resp)
		}
		var br bulkResponse
		if err := json.Unmarshal(resp, &br); err != nil {
			return fmt.Errorf("elasticsearch %s: decode answer: %w", op, err)
		}
		if len(br.Items) != len(sent) {
			return fmt.Errorf("elasticsearch %s: %d items in the answer for %d sent", op, len(br.Items), len(sent))
		}
		var retry []*article.Article
		for i, a := range sent {
			var it bulkItem
			for _, v := range br.Items[i] { // the one key is the action name
				it = v
			}
			if it.Status/100 == 2 {
				delete(failed, a.ID)
				continue
			}
			ie := &ItemError{Status: it.Status}
			if it.Error != nil {
				ie.Type, ie.Reason = it.Error.Type, it.Error.Reason
				if it.Error.CausedBy != nil {
					ie.Reason += " (caused by " + it.Error.CausedBy.String() + ")"
				}
			}
			failed[a.ID] = ie
			if retryable(it.Status) {
				retry = append(retry, a)
			} else {
				x.log.Warn("index bulk item rejected", "article_id", a.ID, "status", it.Status, "error", ie.Type, "reason", ie.Reason)
			}
		}
		if len(retry) == 0 || attempt >= x.maxRetries {
			break
		}
		x.log.Warn("index bulk items retried", "count", len(retry), "of", len(sent), "attempt", attempt+1)
		if err := x.sleep(ctx, attempt+1); err != nil {
			return fmt.Errorf("elasticsearch %s: %d items not written: %w", op, len(retry), err)
		}
		body, sent = encodeBulk(x.target, retry, failed)
	}
	if len(failed) > 0 {
		return &index.BulkError{Failed: failed}
	}
	return nil
}

// dedupe keeps the last article of each id, in batch order; articles without an id go to failed.
func dedupe(batch []*article.Article, failed map[string]error) []*article.Article {
	last := make(map[string]int, len(batch))
	for i, a := range batch {
		if a == nil || a.ID == "" {
			continue
		}
		last[a.ID] = i
	}
	out := make([]*article.Article, 0, len(last))
	for i, a := range batch {
		switch {
		case a == nil:
		case a.ID == "":
			failed["(no id: "+a.URL+")"] = errors.New("article has no id")
		case last[a.ID] == i:
			out = append(out, a)
		}
	}
	return out
}

// encodeBulk renders the NDJSON body: an index action naming the target index (the alias, or
// the article's period) and _id, then the document. Articles that cannot be encoded go to failed; sent lists the ones in the body.
//
// The body is written in place (one encoder, one buffer sized after the first article) rather
// than marshalled piece by piece and copied: growing the buffer was two thirds of the bytes a
// batch allocated.
func encodeBulk(target func(*article.Article) string, arts []*article.Article, failed map[string]error) (body []byte, sent []*article.Article) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes like json.Marshal; ends each value with '\n'
	for i, a := range arts {
		quotedIndex, _ := json.Marshal(target(a))
		mark := buf.Len()
		id, _ := json.Marshal(a.ID)
		// {"index":{"_id":…,"_index":…}}: json.Marshal of the map, keys sorted.
		buf.WriteString(`{"index":{"_id":`)
		buf.Write(id)
		buf.WriteString(`,"_index":`)
		buf.Write(quotedIndex)
		buf.WriteString("}}\n")
		if err := enc.Encode(newDoc(a)); err != nil {
			buf.Truncate(mark)
			failed[a.ID] = fmt.Errorf("encode article: %w", err)
			continue
		}
		sent = append(sent, a)
		if i == 0 && len(arts) > 1 {
			buf.Grow(buf.Len() * (len(arts) - 1) * 5 / 4)
		}
	}
	return buf.Bytes(), sent
}
