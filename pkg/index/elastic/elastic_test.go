package elastic

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// exchange is one request the fake cluster expects, in order, and its recorded answer.
type exchange struct {
	method, path string
	query        string                                  // expected raw query, "" for none
	lines        []string                                // expected NDJSON action lines (bulk), every other line is a document
	check        func(t *testing.T, body []byte)         // more checks on the request body
	status       int                                     // answer status
	answer       string                                  // testdata file, or "" for an empty body
	hook         func(w http.ResponseWriter) (stop bool) // runs before answering; stop skips the answer
}

// fakeES is an httptest server that asserts the exact requests sent and answers with recorded
// Elasticsearch 8 bodies from testdata/.
type fakeES struct {
	t   *testing.T
	srv *httptest.Server

	mu   sync.Mutex
	want []exchange
	n    int
}

func newFakeES(t *testing.T, want ...exchange) *fakeES {
	f := &fakeES{t: t, want: want}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(func() {
		f.srv.Close()
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.n != len(f.want) {
			t.Errorf("fake ES got %d requests; want %d", f.n, len(f.want))
		}
	})
	return f
}

func (f *fakeES) serve(w http.ResponseWriter, r *http.Request) {
	t := f.t
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	if f.n >= len(f.want) {
		f.mu.Unlock()
		t.Errorf("unexpected request %s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery)
		http.Error(w, `{"error":"unexpected"}`, http.StatusInternalServerError)
		return
	}
	ex := f.want[f.n]
	f.n++
	f.mu.Unlock()

	if r.Method != ex.method || r.URL.Path != ex.path || r.URL.RawQuery != ex.query {
		t.Errorf("request = %s %s?%s; want %s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery, ex.method, ex.path, ex.query)
	}
	if ex.lines != nil {
		lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
		if !strings.HasSuffix(string(body), "\n") {
			t.Errorf("bulk body does not end with a newline")
		}
		var actions []string
		for i, l := range lines {
			if i%2 == 0 {
				actions = append(actions, l)
			} else if !json.Valid([]byte(l)) {
				t.Errorf("bulk document line %d is not JSON: %s", i, l)
			}
		}
		if !slices.Equal(actions, ex.lines) {
			t.Errorf("bulk actions =\n%s\nwant\n%s", strings.Join(actions, "\n"), strings.Join(ex.lines, "\n"))
		}
	}
	if ex.check != nil {
		ex.check(t, body)
	}
	if ex.hook != nil && ex.hook(w) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Elastic-Product", "Elasticsearch")
	w.WriteHeader(ex.status)
	if ex.answer != "" {
		b, err := os.ReadFile(filepath.Join("testdata", ex.answer))
		if err != nil {
			t.Errorf("answer: %v", err)
		}
		_, _ = w.Write(b)
	}
}

// testIndex is an Index on the fake cluster, without the template/alias setup of New, retrying
// without waiting.
func testIndex(t *testing.T, f *fakeES, cfg Config) *Index {
	t.Helper()
	cfg.URLs = []string{f.srv.URL}
	x, err := newIndex(cfg, slog.New(slog.NewTextHandler(testWriter{t}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	x.backoff = func(int) time.Duration { return 0 }
	return x
}

func testArticle(id, title string) *article.Article {
	pub := time.Date(2023, 10, 23, 1, 30, 0, 0, time.UTC)
	speaker, kind, zero := "Li Wei", "PERSON", 0
	a := &article.Article{
		ID: id, URL: "https://example.com/" + id, CanonicalURL: "https://example.com/" + id,
		Source: "Reuters.com", Title: title, Published: &pub, Fetched: pub, Language: "en",
		Text: "Li Wei said the battery park in Wuxi opened.",
		Entities: []article.Entity{{Type: article.TypePerson, Name: "Li Wei", Count: 1,
			Mentions: []article.Mention{{Text: "Li Wei", Start: 0, End: 6}}}},
		Places: []article.Place{{Name: "Wuxi", Feature: "city", CountryCode: "CN", Country: "China",
			Admin1: "Jiangsu", Lat: 31.56887, Lon: 120.28857}},
		Quotes: []article.Quote{{Text: "the battery park opened", Speaker: &speaker, SpeakerType: &kind}},
		Money: []article.Money{{Text: "2 billion yuan", Amount: 2e9, Currency: "CNY"},
			{Text: "$280 million", Amount: 280e6, Currency: "USD", EquivalentOf: &zero}},
		Dates:  []article.Date{{Text: "Monday", Value: "2023-10-23", Grain: "day"}, {Text: "soon", Value: "someday"}},
		Events: []article.Event{{Type: "statement", Mentions: []article.Mention{{Text: "said", Start: 7, End: 11}}}},
	}
	a.Normalize()
	return a
}

func action(id string) string {
	return `{"index":{"_id":"` + id + `","_index":"newsmon-articles"}}`
}

func TestNewCreatesTemplateIndexAndAlias(t *testing.T) {
	checkTemplate := func(t *testing.T, body []byte) {
		var tmpl struct {
			IndexPatterns []string `json:"index_patterns"`
			Template      struct {
				Settings map[string]any `json:"settings"`
				Mappings struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"mappings"`
			} `json:"template"`
		}
		if err := json.Unmarshal(body, &tmpl); err != nil {
			t.Fatalf("template body: %v", err)
		}
		if want := fmt.Sprintf(`"_meta":{"managed_by":"newsmon","version":%d}`, templateVersion); !strings.Contains(string(body), want) {
			t.Errorf("template lacks %s", want)
		}
		if !slices.Equal(tmpl.IndexPatterns, []string{"newsmon-articles-*"}) {
			t.Errorf("index_patterns = %v", tmpl.IndexPatterns)
		}
		if got := tmpl.Template.Settings["number_of_shards"]; got != float64(1) {
			t.Errorf("number_of_shards = %v; want 1", got)
		}
		props := tmpl.Template.Mappings.Properties
		for field, want := range map[string]string{
			"places":    `"location":{"type":"geo_point"}`,
			"quotes":    `"type":"nested"`,
			"entities":  `"include_in_root":true`,
			"published": `"type":"date"`,
			"title":     `"keyword":{"ignore_above":512,"type":"keyword"}`,
			"keys":      `"regions_norm":{"type":"keyword"}`,
			"_keys_geo": `"locations":{"type":"geo_point"}`,
			"_keys_usd": `"usd_max":{"type":"double"}`,
			"_keys_men": `"mentioned":{"format":"strict_date_optional_time||epoch_millis","type":"date_range"}`,
			"_keys_cur": `"currencies_norm":{"type":"keyword"}`,
			"_keys_evt": `"event_types_norm":{"type":"keyword"}`,
			"ml":        `"analyzer":"french"`,
		} {
			if strings.HasPrefix(field, "_keys") {
				field = "keys"
			}
			if !strings.Contains(string(props[field]), want) {
				t.Errorf("mapping of %s = %s; want it to contain %s", field, props[field], want)
			}
		}
	}
	for _, tc := range []struct {
		name  string
		alias int // status of HEAD /_alias
		want  []exchange
	}{
		{"fresh cluster", http.StatusNotFound, []exchange{
			{method: "PUT", path: "/newsmon-articles-000001", status: 200, answer: "create_index_ack.json",
				check: func(t *testing.T, body []byte) {
					if want := `{"aliases":{"newsmon-articles":{"is_write_index":true}}}`; string(body) != want {
						t.Errorf("create index body = %s; want %s", body, want)
					}
				}},
		}},
		// An existing index gets the template's new fields (dynamic mapping is off).
		{"alias exists", http.StatusOK, []exchange{
			{method: "PUT", path: "/newsmon-articles/_mapping", status: 200, answer: "put_mapping_ack.json",
				check: func(t *testing.T, body []byte) {
					for _, want := range []string{`"dynamic":false`, `"locations":{"type":"geo_point"}`} {
						if !strings.Contains(string(body), want) {
							t.Errorf("put mapping body lacks %s:\n%s", want, body)
						}
					}
				}},
		}},
		{"mapping upgrade refused", http.StatusOK, []exchange{
			{method: "PUT", path: "/newsmon-articles/_mapping", status: 400, answer: "put_mapping_conflict.json"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeES(t, append([]exchange{
				{method: "PUT", path: "/_index_template/newsmon-articles-template", status: 200, answer: "template_ack.json", check: checkTemplate},
				{method: "HEAD", path: "/_alias/newsmon-articles", status: tc.alias},
			}, tc.want...)...)
			if _, err := New(t.Context(), Config{URLs: []string{f.srv.URL}}, nil); err != nil {
				t.Fatalf("New: %v", err)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string // substring of the error, "" for none
	}{
		{Config{URLs: []string{"http://127.0.0.1:9200"}}, ""},
		{Config{}, "no Elasticsearch URL"},
		{Config{URLs: []string{"127.0.0.1:9200"}}, "bad Elasticsearch URL"},
		{Config{URLs: []string{"http://h:9200"}, Index: "News*"}, "bad index alias"},
		{Config{URLs: []string{"http://h:9200"}, Shards: -1}, "shards and replicas"},
	} {
		err := tc.cfg.Validate()
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Validate(%+v) = %v; want %q", tc.cfg, err, tc.want)
		}
	}
}

func TestPutBulkAllOK(t *testing.T) {
	f := newFakeES(t, exchange{method: "POST", path: "/_bulk", query: "refresh=wait_for",
		lines: []string{action("a1"), action("a2")}, status: 200, answer: "bulk_ok.json",
		check: func(t *testing.T, body []byte) {
			if strings.Contains(string(body), `"title":"old"`) {
				t.Errorf("the overwritten version of a2 was sent:\n%s", body)
			}
			doc := strings.Split(string(body), "\n")[1]
			for _, want := range []string{`"id":"a1"`, `"title":"first"`, `"persons_norm":["li wei"]`,
				`"regions_norm":["wuxi","jiangsu","china","cn"]`, `"source_norm":"reuters.com"`,
				`"location":{"lat":31.56887,"lon":120.28857}`, `"ml":{"en":{"title":"first"`, `"speakers_norm":["li wei"]`,
				`"locations":[{"lat":31.56887,"lon":120.28857}]`, `"usd_max":280000000`,
				`"currencies":["CNY","USD"],"currencies_norm":["cny","usd"]`,
				`"event_types":["statement"],"event_types_norm":["statement"]`,
				`"mentioned":[{"gte":"2023-10-23T00:00:00Z","lt":"2023-10-24T00:00:00Z"}]`} {
				if !strings.Contains(doc, want) {
					t.Errorf("document lacks %s:\n%s", want, doc)
				}
			}
		}})
	x := testIndex(t, f, Config{Refresh: true})
	// a2 twice: only its last version is sent, once, where it last occurs.
	old := testArticle("a2", "old")
	if err := x.Put(t.Context(), []*article.Article{old, testArticle("a1", "first"), testArticle("a2", "second")}); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func TestPutRetriesOnlyRejectedItems(t *testing.T) {
	f := newFakeES(t,
		exchange{method: "POST", path: "/_bulk", lines: []string{action("a1"), action("a2"), action("a3")},
			status: 200, answer: "bulk_partial.json"},
		// Only the 429 item comes back; the 400 one is permanent.
		exchange{method: "POST", path: "/_bulk", lines: []string{action("a2")}, status: 200, answer: "bulk_retry_ok.json"},
	)
	x := testIndex(t, f, Config{})
	var waits []int
	x.backoff = func(attempt int) time.Duration { waits = append(waits, attempt); return 0 }
	err := x.Put(t.Context(), []*article.Article{testArticle("a1", "one"), testArticle("a2", "two"), testArticle("a3", "three")})
	var be *index.BulkError
	if !errors.As(err, &be) {
		t.Fatalf("Put = %v; want *index.BulkError", err)
	}
	if len(be.Failed) != 1 {
		t.Fatalf("failed = %v; want only a3", be.Failed)
	}
	var ie *ItemError
	if !errors.As(be.Failed["a3"], &ie) {
		t.Fatalf("a3: %v; want *ItemError", be.Failed["a3"])
	}
	if ie.Status != 400 || ie.Type != "mapper_parsing_exception" || !strings.Contains(ie.Reason, "illegal latitude") {
		t.Errorf("a3 error = %+v; want 400 mapper_parsing_exception with the cause", ie)
	}
	if !slices.Equal(waits, []int{1}) {
		t.Errorf("backoff attempts = %v; want [1]", waits)
	}
}

func TestPutItemRetriesAreBounded(t *testing.T) {
	partial := exchange{method: "POST", path: "/_bulk", status: 200, answer: "bulk_partial.json",
		lines: []string{action("a1"), action("a2"), action("a3")}}
	// With no retries allowed, the 429 item is reported with its cause instead of being resent.
	f := newFakeES(t, partial)
	x := testIndex(t, f, Config{MaxRetries: -1})
	err := x.Put(t.Context(), []*article.Article{testArticle("a1", "one"), testArticle("a2", "two"), testArticle("a3", "three")})
	var be *index.BulkError
	if !errors.As(err, &be) || len(be.Failed) != 2 {
		t.Fatalf("Put = %v; want a BulkError for a2 and a3", err)
	}
	var ie *ItemError
	if !errors.As(be.Failed["a2"], &ie) || ie.Status != 429 || ie.Type != "es_rejected_execution_exception" {
		t.Errorf("a2 = %v; want the 429 es_rejected_execution_exception", be.Failed["a2"])
	}
}

func TestPutWholeRequestRejected(t *testing.T) {
	rejected := exchange{method: "POST", path: "/_bulk", status: 429, answer: "bulk_rejected_429.json",
		lines: []string{action("a1"), action("a2")}}
	ok := rejected
	ok.status, ok.answer = 200, "bulk_ok.json"
	arts := []*article.Article{testArticle("a1", "one"), testArticle("a2", "two")}

	t.Run("retried", func(t *testing.T) {
		x := testIndex(t, newFakeES(t, rejected, rejected, ok), Config{})
		if err := x.Put(t.Context(), arts); err != nil {
			t.Errorf("Put = %v; want success on the third try", err)
		}
	})
	t.Run("gives up", func(t *testing.T) {
		x := testIndex(t, newFakeES(t, rejected, rejected, rejected), Config{MaxRetries: 2})
		err := x.Put(t.Context(), arts)
		var se *StatusError
		if !errors.As(err, &se) || se.Status != 429 || se.Type != "es_rejected_execution_exception" {
			t.Errorf("Put = %v; want a 429 StatusError", err)
		}
	})
}

func TestPutBackoffStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	f := newFakeES(t, exchange{method: "POST", path: "/_bulk", status: 429, answer: "bulk_rejected_429.json",
		lines: []string{action("a1")}, hook: func(http.ResponseWriter) bool { cancel(); return false }})
	x := testIndex(t, f, Config{})
	x.backoff = func(int) time.Duration { return time.Hour }
	done := make(chan error, 1)
	go func() { done <- x.Put(ctx, []*article.Article{testArticle("a1", "one")}) }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Put = %v; want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Put still waiting 10s after its context was cancelled")
	}
}

func TestGet(t *testing.T) {
	f := newFakeES(t,
		exchange{method: "GET", path: "/newsmon-articles/_doc/a1", query: "_source_excludes=keys%2Cml%2Cplaces.location",
			status: 200, answer: "get_found.json"},
		exchange{method: "GET", path: "/newsmon-articles/_doc/zz", query: "_source_excludes=keys%2Cml%2Cplaces.location",
			status: 404, answer: "get_not_found.json"},
		exchange{method: "GET", path: "/newsmon-articles/_doc/zz", query: "_source_excludes=keys%2Cml%2Cplaces.location",
			status: 404, answer: "get_index_missing.json"},
	)
	x := testIndex(t, f, Config{})
	a, err := x.Get(t.Context(), "a1")
	if err != nil {
		t.Fatalf("Get(a1): %v", err)
	}
	if a.ID != "a1" || a.Title != "Battery park opens in Wuxi" || len(a.Places) != 1 || a.Places[0].Admin1 != "Jiangsu" ||
		a.Published.Format(time.RFC3339) != "2023-10-23T09:30:00+08:00" {
		t.Errorf("Get(a1) = %+v", a)
	}
	if _, err := x.Get(t.Context(), "zz"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Get(zz) = %v; want ErrNotFound", err)
	}
	_, err = x.Get(t.Context(), "zz")
	var se *StatusError
	if errors.Is(err, index.ErrNotFound) || !errors.As(err, &se) || se.Type != "index_not_found_exception" {
		t.Errorf("Get on a missing index = %v; want index_not_found_exception, not ErrNotFound", err)
	}
}

func TestSearch(t *testing.T) {
	var req map[string]any
	f := newFakeES(t, exchange{method: "POST", path: "/newsmon-articles/_search", status: 200, answer: "search_hits.json",
		check: func(t *testing.T, body []byte) {
			if err := json.Unmarshal(body, &req); err != nil {
				t.Fatalf("search body: %v", err)
			}
		}})
	x := testIndex(t, f, Config{})
	q := index.Query{Text: `battery -"electric SUV" OR`, Region: []string{" Jiangsu "}, Person: []string{"Li Wei", ""},
		From: time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC), Interval: "week", Page: 2, Size: 5}
	res, err := x.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search: %v", err)
	}

	// The request.
	b, _ := json.Marshal(req)
	for _, want := range []string{
		`"from":5`, `"size":5`, `"track_total_hits":true`,
		`"filter":[{"term":{"keys.persons_norm":"li wei"}},{"term":{"keys.regions_norm":"jiangsu"}},{"range":{"published":{"gte":"2023-10-01T00:00:00Z"}}}]`,
		`"must":[{"multi_match":{"fields":["title^3","text","quotes.text","ml.*.title^3","ml.*.text","ml.*.quotes"],"operator":"and","query":"battery","tie_breaker":0.3,"type":"best_fields"}}]`,
		`"must_not":[{"multi_match":{"fields":["title^3","text","quotes.text","ml.*.title^3","ml.*.text","ml.*.quotes"],"query":"electric SUV","type":"phrase"}}]`,
		`"facet_person":{"terms":{"field":"keys.persons","order":[{"_count":"desc"},{"_key":"asc"}],"shard_size":100,"size":30}}`, // FacetFetch: room for the variants MergeFacets folds
		`"timeline":{"date_histogram":{"calendar_interval":"week","field":"published","format":"yyyy-MM-dd","min_doc_count":1,"time_zone":"UTC"}}`,
		`"pre_tags":["\u003cmark\u003e"]`, `"encoder":"html"`,
		`"sort":[{"_score":"desc"},{"published":{"missing":"_last","order":"desc"}},{"id":"asc"}]`,
		`"_source":{"excludes":["text","keys","ml","places.location"]}`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("search request lacks %s:\n%s", want, b)
		}
	}

	// The answer.
	if res.Total != 2 || len(res.Hits) != 2 || res.Hits[0].ID != "a2" || res.Hits[1].ID != "a1" {
		t.Fatalf("result = total %d, hits %v", res.Total, res.Hits)
	}
	if got := res.Hits[0].Highlight; !slices.Equal(got["title"], []string{"Lithium <mark>battery</mark> prices fall"}) ||
		!slices.Equal(got["text"], []string{"Demand for electric-car <mark>batteries</mark> slowed"}) || len(got) != 2 {
		t.Errorf("highlight = %v; want title, and text from ml.en.text", got)
	}
	if res.Hits[0].Score != 0.5730107 || res.Hits[0].Text != "" || res.Hits[0].Entities[0].Name != "Kent Masters" {
		t.Errorf("hit 0 = %+v", res.Hits[0])
	}
	if got, want := res.Facets["person"], []index.FacetBucket{{Key: "Li Wei", Count: 2}, {Key: "Kent Masters", Count: 1}}; !slices.Equal(got, want) {
		t.Errorf("person facet = %v; want %v", got, want)
	}
	if got, want := res.Facets["currency"], []index.FacetBucket{{Key: "USD", Count: 2}, {Key: "CNY", Count: 1}}; !slices.Equal(got, want) {
		t.Errorf("currency facet = %v; want %v", got, want)
	}
	if got, want := res.Facets["event_type"], []index.FacetBucket{{Key: "statement", Count: 1}}; !slices.Equal(got, want) {
		t.Errorf("event_type facet = %v; want %v", got, want)
	}
	if got := res.Facets["org"]; got == nil || len(got) != 0 {
		t.Errorf("org facet = %#v; want empty, not nil", got)
	}
	if got, want := res.Timeline, []index.TimeBucket{{Key: "2023-10-16", Count: 1}, {Key: "2023-10-23", Count: 1}}; !slices.Equal(got, want) {
		t.Errorf("timeline = %v; want %v", got, want)
	}
}

func TestSearchRequestShapes(t *testing.T) {
	oneBillion := 1e9
	for _, tc := range []struct {
		name       string
		q          index.Query
		want, lack []string
	}{
		{"no text: by date, no highlight", index.Query{FacetSize: -1},
			[]string{`"sort":[{"published":{"missing":"_last","order":"desc"}},{"id":"asc"}]`, `"size":20`, `"from":0`},
			[]string{`"highlight"`, `"aggs"`, `"must"`}},
		{"sort date with text", index.Query{Text: "battery", Sort: "date", WithText: true},
			[]string{`"sort":[{"published"`, `"_source":{"excludes":["keys","ml","places.location"]}`},
			[]string{`"_score"`}},
		{"size capped", index.Query{Size: 10000, FacetSize: 3},
			[]string{`"size":500`, `"size":3`}, nil},
		{"punctuation dropped", index.Query{Text: `&& battery \ *`},
			[]string{`"query":"battery"`}, []string{`"query":"\u0026\u0026"`, `"query":"*"`}},
		{"or group", index.Query{Text: "Volkswagen OR Macron"},
			[]string{`"should":[{"multi_match"`, `"minimum_should_match":1`}, nil},
		{"near", index.Query{Near: &index.GeoCircle{Lat: 31.5, Lon: 120.25, Km: 12.5}},
			[]string{`{"geo_distance":{"distance":"12.5km","keys.locations":{"lat":31.5,"lon":120.25}}}`}, nil},
		{"usd range", index.Query{MinUSD: &oneBillion, MaxUSD: &oneBillion},
			[]string{`{"range":{"keys.usd_max":{"gte":1000000000,"lte":1000000000}}}`}, nil},
		{"usd min", index.Query{MinUSD: &oneBillion},
			[]string{`{"range":{"keys.usd_max":{"gte":1000000000}}}`}, []string{`"lte"`}},
		{"currency and event type", index.Query{Currency: []string{" EUR"}, EventType: []string{"Protest"}},
			[]string{`{"term":{"keys.currencies_norm":"eur"}},{"term":{"keys.event_types_norm":"protest"}}`}, nil},
		{"mentioned dates", index.Query{MentionsFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
			MentionsTo: time.Date(2024, 12, 31, 23, 59, 59, 0, time.FixedZone("", 3600))},
			[]string{`{"range":{"keys.mentioned":{"gte":"2024-01-01T00:00:00Z","lte":"2024-12-31T22:59:59Z","relation":"intersects"}}}`}, nil},
		{"mentioned from", index.Query{MentionsFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]string{`{"range":{"keys.mentioned":{"gte":"2024-01-01T00:00:00Z","relation":"intersects"}}}`}, nil},
		{"new facets", index.Query{},
			[]string{`"facet_currency":{"terms":{"field":"keys.currencies"`, `"facet_event_type":{"terms":{"field":"keys.event_types"`}, nil},
	} {
		body, err := searchBody(tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: body lacks %s:\n%s", tc.name, w, body)
			}
		}
		for _, l := range tc.lack {
			if strings.Contains(string(body), l) {
				t.Errorf("%s: body has %s:\n%s", tc.name, l, body)
			}
		}
	}
	if _, err := searchBody(index.Query{Interval: "fortnight"}); err == nil {
		t.Error("interval fortnight: no error")
	}
	for _, c := range []index.GeoCircle{{Lat: 91, Km: 1}, {Lon: -181, Km: 1}, {Km: 0}, {Km: -3}, {Km: index.MaxNearKm + 1}} {
		if _, err := searchBody(index.Query{Near: &c}); err == nil {
			t.Errorf("near %+v: no error", c)
		}
	}
}

func TestSearchErrorIsNotRetried(t *testing.T) {
	f := newFakeES(t, exchange{method: "POST", path: "/newsmon-articles/_search", status: 404, answer: "get_index_missing.json"})
	x := testIndex(t, f, Config{})
	_, err := x.Search(t.Context(), index.Query{})
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 404 || se.Type != "index_not_found_exception" {
		t.Errorf("Search = %v; want the 404 StatusError", err)
	}
}

func TestJitteredBackoff(t *testing.T) {
	for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 3: 400 * time.Millisecond, 20: 5 * time.Second} {
		for range 20 {
			if got := jitteredBackoff(attempt); got < want/2 || got > want {
				t.Errorf("jitteredBackoff(%d) = %v; want in [%v, %v]", attempt, got, want/2, want)
			}
		}
	}
}
