package elastic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// benchBatch is an index batch of n articles with ~4 KB of text and the enrichment of testArticle.
func benchBatch(n int) []*article.Article {
	text := strings.Repeat("Li Wei said the battery park in Wuxi opened on Monday with 2 billion yuan. ", 55)
	out := make([]*article.Article, n)
	for i := range out {
		a := testArticle(fmt.Sprintf("%032x", i), fmt.Sprintf("Battery park %d opens in Wuxi", i))
		a.Text = text
		out[i] = a
	}
	return out
}

// BenchmarkEncodeBulk measures building the NDJSON body of one _bulk request of 200 articles
// (the index stage's default batch); ns/op is per batch, MB/s is body bytes.
func BenchmarkEncodeBulk(b *testing.B) {
	batch := benchBatch(200)
	body, _ := encodeBulk(toAlias("newsmon-articles"), batch, map[string]error{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		failed := map[string]error{}
		if body, sent := encodeBulk(toAlias("newsmon-articles"), batch, failed); len(sent) != len(batch) || len(body) == 0 {
			b.Fatalf("encoded %d of %d articles", len(sent), len(batch))
		}
	}
}

// TestEncodeBulkActionLines pins the action line byte for byte (as json.Marshal of
// {"index":{"_index":…,"_id":…}} renders it), ids needing escapes included.
func TestEncodeBulkActionLines(t *testing.T) {
	tests := []struct{ alias, id string }{
		{"newsmon-articles", "0123abcd"},
		{"news<&>", "id \"quoted\" \\ \u2028 <b>"},
	}
	for _, tc := range tests {
		a := testArticle(tc.id, "t")
		body, sent := encodeBulk(toAlias(tc.alias), []*article.Article{a}, map[string]error{})
		if len(sent) != 1 {
			t.Fatalf("sent %d articles, want 1", len(sent))
		}
		want, _ := json.Marshal(map[string]any{"index": map[string]string{"_index": tc.alias, "_id": tc.id}})
		got, _, _ := bytes.Cut(body, []byte("\n"))
		if !bytes.Equal(got, want) {
			t.Errorf("action line %s, want %s", got, want)
		}
		doc, _ := json.Marshal(newDoc(a))
		if wantBody := string(want) + "\n" + string(doc) + "\n"; string(body) != wantBody {
			t.Errorf("body\n%s\nwant\n%s", body, wantBody)
		}
	}
}

// toAlias targets every article at one index or alias.
func toAlias(name string) func(*article.Article) string {
	return func(*article.Article) string { return name }
}
