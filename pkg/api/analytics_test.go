package api

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

// fixtureServer serves the API over a real bleve index holding the conformance fixtures, so the
// analytics views are checked end to end, backend included.
func fixtureServer(t *testing.T) *httptest.Server {
	t.Helper()
	idx, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	indextest.PutAll(t, idx, indextest.Fixtures())
	h, err := New(Config{Searcher: idx})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// getJSON fetches path and decodes the JSON answer into v, returning the status.
func getJSON(t *testing.T, srv *httptest.Server, path string, v any) int {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if v != nil && res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	if res.StatusCode != http.StatusOK {
		t.Logf("GET %s: %d %s", path, res.StatusCode, body)
	}
	return res.StatusCode
}

func TestTimelineShare(t *testing.T) {
	srv := fixtureServer(t)
	var got struct {
		Total           int                 `json:"total"`
		BackgroundTotal int                 `json:"background_total"`
		Share           float64             `json:"share"`
		Buckets         []index.ShareBucket `json:"buckets"`
	}
	if code := getJSON(t, srv, "/api/timeline?region=China&interval=week&normalize=share", &got); code != 200 {
		t.Fatalf("status %d", code)
	}
	sb := func(key string, count, total int) index.ShareBucket {
		return index.ShareBucket{Key: key, Count: count, Total: total, Share: float64(count) / float64(total)}
	}
	want := []index.ShareBucket{sb("2023-09-04", 0, 1), sb("2023-10-16", 1, 1), sb("2023-10-23", 3, 4),
		sb("2023-10-30", 0, 2)}
	if !reflect.DeepEqual(got.Buckets, want) || got.Total != 4 || got.BackgroundTotal != 8 || got.Share != 0.5 {
		t.Errorf("share timeline = %+v; want buckets %v, 4 of 8", got, want)
	}
	// Without normalize the answer is the count series alone.
	var counts struct {
		Buckets []map[string]any `json:"buckets"`
	}
	getJSON(t, srv, "/api/timeline?region=China&interval=week", &counts)
	if len(counts.Buckets) != 2 || counts.Buckets[0]["share"] != nil {
		t.Errorf("count timeline = %v", counts.Buckets)
	}
	if code := getJSON(t, srv, "/api/timeline?normalize=percent", nil); code != http.StatusBadRequest {
		t.Errorf("normalize=percent: status %d; want 400", code)
	}
}
