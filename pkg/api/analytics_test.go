package api

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
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

func TestTerms(t *testing.T) {
	idx, err := bleve.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })
	indextest.PutAll(t, idx, indextest.TopicCorpus())
	h, err := New(Config{Searcher: idx, RegionCode: func(int) (string, bool) { return "", false }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	var got struct {
		Terms []struct {
			Term       string  `json:"term"`
			Score      float64 `json:"score"`
			Count      int     `json:"count"`
			Background int     `json:"background"`
		} `json:"terms"`
		Total           int `json:"total"`
		Sampled         int `json:"sampled"`
		BackgroundTotal int `json:"background_total"`
	}
	if code := getJSON(t, srv, "/api/terms?source="+indextest.TopicSource+"&size=3&page=9", &got); code != 200 {
		t.Fatalf("status %d", code)
	}
	if len(got.Terms) != 3 || got.Total != indextest.TopicArticles || got.Sampled != indextest.TopicArticles ||
		got.BackgroundTotal != indextest.TopicArticles+indextest.TopicBackground {
		t.Fatalf("terms = %+v", got)
	}
	for _, term := range got.Terms {
		if n := indextest.TopicWords[term.Term]; n == 0 || term.Count != n || term.Score <= 0 || term.Background < n {
			t.Errorf("term %+v: want a topic word with its count", term)
		}
	}
	for _, path := range []string{"/api/terms?size=0", "/api/terms?size=101", "/api/terms?sample=5000", "/api/terms?from=yesterday"} {
		if code := getJSON(t, srv, path, nil); code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", path, code)
		}
	}
	// A searcher that cannot score terms says so.
	f := newFixture(t, 1)
	if code, _, body := f.do(t, "GET", "/api/terms?q=x", ""); code != http.StatusNotImplemented {
		t.Errorf("terms on a plain searcher: %d %s; want 501", code, body)
	}
}

func TestNetwork(t *testing.T) {
	srv := fixtureServer(t)
	var g struct {
		index.Graph
		Note string `json:"note"`
	}
	if code := getJSON(t, srv, "/api/network?region=China&nodes=4&types=person&types=org", &g); code != 200 {
		t.Fatalf("status %d", code)
	}
	if g.Kind != "mentions" || len(g.Nodes) != 4 || !g.NodesTruncated || g.Entities != 9 || g.Total != 4 ||
		g.Sampled != 4 || !strings.Contains(g.Note, "4 most frequent of 9 entities") {
		t.Errorf("network = %+v", g)
	}
	for _, n := range g.Nodes {
		if n.ID == "" || n.Name == "" || n.Type == "" || n.Count != 1 {
			t.Errorf("node %+v", n)
		}
	}
	if code := getJSON(t, srv, "/api/network?kind=quotes&types=person,place&region=Jiangsu", &g); code != 200 {
		t.Fatalf("status %d", code)
	}
	want := []index.Edge{{Source: "person:li wei", Target: "place:wuxi", Weight: 1},
		{Source: "person:ralf brandstätter", Target: "place:china", Weight: 1}}
	if !g.Directed || !reflect.DeepEqual(g.Edges, want) {
		t.Errorf("quotes edges = %+v; want %+v", g.Edges, want)
	}

	// GEXF and GraphML parse back to the same graph.
	body := getBody(t, srv, "/api/network?kind=quotes&types=person,place&region=Jiangsu&format=gexf", "application/gexf+xml")
	var gexf gexfDoc
	if err := xml.Unmarshal(body, &gexf); err != nil {
		t.Fatalf("gexf: %v\n%s", err, body)
	}
	if gexf.Graph.EdgeType != "directed" || len(gexf.Graph.Nodes) != len(g.Nodes) || len(gexf.Graph.Edges) != 2 ||
		gexf.Graph.Edges[0].Source != "person:li wei" || gexf.Graph.Edges[0].Weight != 1 ||
		!strings.Contains(string(body), `label="Ralf Brandstätter"`) || !strings.Contains(string(body), `xmlns="http://gexf.net/1.3"`) {
		t.Errorf("gexf = %s", body)
	}
	body = getBody(t, srv, "/api/network?region=China&format=graphml", "application/graphml+xml")
	var gml graphMLDoc
	if err := xml.Unmarshal(body, &gml); err != nil || len(gml.Graph.Nodes) != 9 || len(gml.Graph.Edges) != 6 ||
		gml.Graph.EdgeType != "undirected" {
		t.Errorf("graphml (%v) = %s", err, body)
	}
	body = getBody(t, srv, "/api/network?region=China&format=csv", "text/csv; charset=utf-8")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) != 7 || rows[0][0] != "Source" || rows[0][3] != "Type" || rows[1][2] != "1" ||
		rows[1][3] != "Undirected" || rows[1][4] != "Albemarle" {
		t.Errorf("csv (%v) = %q", err, rows)
	}

	for _, path := range []string{"/api/network?kind=friends", "/api/network?types=event", "/api/network?nodes=0",
		"/api/network?sample=100000", "/api/network?format=dot", "/api/network?to=never"} {
		if code := getJSON(t, srv, path, nil); code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", path, code)
		}
	}
}

// getBody fetches path, checks the status is 200 and the content type, and returns the body.
func getBody(t *testing.T, srv *httptest.Server, path, contentType string) []byte {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != contentType {
		t.Fatalf("GET %s: %d %s %s", path, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	return body
}

func TestEntity(t *testing.T) {
	srv := fixtureServer(t)
	var p index.EntityProfile
	if code := getJSON(t, srv, "/api/entities/"+url.PathEscape("person:Emmanuel Macron")+"?interval=month", &p); code != 200 {
		t.Fatalf("status %d", code)
	}
	if p.ID != "person:emmanuel macron" || p.Name != "Emmanuel Macron" || p.Total != 1 || len(p.Quotes) != 1 ||
		len(p.Timeline) != 1 || p.Timeline[0].Key != "2023-10-01" || len(p.Related["org"]) != 1 {
		t.Errorf("profile = %+v", p)
	}
	// Filters narrow it; the region filter goes through the region-code widening like a search.
	if code := getJSON(t, srv, "/api/entities/place:china?lang=de", &p); code != 200 || p.Total != 1 {
		t.Errorf("China in German: %d %+v", code, p)
	}
	for path, want := range map[string]int{
		"/api/entities/person:nobody":          http.StatusNotFound,
		"/api/entities/macron":                 http.StatusBadRequest,
		"/api/entities/person:x?interval=year": http.StatusBadRequest,
		"/api/entities/person:x?sample=0":      http.StatusBadRequest,
		"/api/entities/person:x?to=soon":       http.StatusBadRequest,
	} {
		if code := getJSON(t, srv, path, nil); code != want {
			t.Errorf("GET %s: status %d; want %d", path, code, want)
		}
	}
	// A slash in a name stays in the one path segment.
	res, err := http.Get(srv.URL + "/api/entities/" + url.PathEscape("org:AC/DC"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound || !strings.Contains(strings.ToLower(string(body)), "org:ac/dc") {
		t.Errorf("org:AC/DC: %d %s; want 404 naming the entity", res.StatusCode, body)
	}
}

func TestFacetsWithShare(t *testing.T) {
	srv := fixtureServer(t)
	var got struct {
		Total  int                     `json:"total"`
		Facets map[string][]facetShare `json:"facets"`
	}
	if code := getJSON(t, srv, "/api/facets?region=China&facet=place,source&facet=lang&size=2", &got); code != 200 {
		t.Fatalf("status %d", code)
	}
	want := map[string][]facetShare{
		"place":  {{ID: "place:china", Key: "China", Count: 2, Share: 0.5}, {ID: "place:atacama", Key: "Atacama", Count: 1, Share: 0.25}},
		"source": {{Key: "ft.com", Count: 1, Share: 0.25}, {Key: "handelsblatt.com", Count: 1, Share: 0.25}},
		"lang":   {{Key: "en", Count: 3, Share: 0.75}, {Key: "de", Count: 1, Share: 0.25}},
	}
	if got.Total != 4 || !reflect.DeepEqual(got.Facets, want) {
		t.Errorf("facets = %d %+v; want 4 %+v", got.Total, got.Facets, want)
	}
	if code := getJSON(t, srv, "/api/facets?q=zeppelin", &got); code != 200 || got.Total != 0 || len(got.Facets) != len(index.FacetNames) {
		t.Errorf("no match: %d %+v", code, got)
	}
	for _, path := range []string{"/api/facets?facet=colour", "/api/facets?size=0"} {
		if code := getJSON(t, srv, path, nil); code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", path, code)
		}
	}
}

// TestCSVDownloads checks that every number behind the analytics views downloads as CSV.
func TestCSVDownloads(t *testing.T) {
	srv := fixtureServer(t)
	for _, tc := range []struct {
		path string
		want [][]string
	}{
		{"/api/timeline?region=China&interval=week&format=csv", [][]string{{"week", "count"}, {"2023-10-16", "1"}, {"2023-10-23", "3"}}},
		{"/api/timeline?region=China&interval=month&normalize=share&format=csv", [][]string{{"month", "count", "total", "share"},
			{"2023-09-01", "0", "1", "0"}, {"2023-10-01", "4", "7", "0.571429"}}},
		{"/api/facets?region=Jiangsu&facet=org&format=csv", [][]string{{"facet", "key", "count", "share", "entity_id"},
			{"org", "Taihu Energy Group", "1", "0.5", "org:taihu energy group"}, {"org", "Volkswagen", "1", "0.5", "org:volkswagen"}}},
	} {
		body := getBody(t, srv, tc.path, "text/csv; charset=utf-8")
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || !reflect.DeepEqual(rows, tc.want) {
			t.Errorf("GET %s = %q, %v; want %q", tc.path, rows, err, tc.want)
		}
	}
	body := getBody(t, srv, "/api/terms?q=battery&format=csv", "text/csv; charset=utf-8")
	if rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll(); err != nil || len(rows) == 0 ||
		!reflect.DeepEqual(rows[0], []string{"term", "score", "count", "background"}) {
		t.Errorf("terms csv = %q, %v", rows, err)
	}
	for _, path := range []string{"/api/timeline?format=xml", "/api/terms?format=xml", "/api/facets?format=xml"} {
		if code := getJSON(t, srv, path, nil); code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", path, code)
		}
	}
}
