package api

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// fakeSearcher serves a fixed set of articles, pages them, records every query, and filters only
// by Speaker (exact, normalised) so the quotes fallback can be exercised.
type fakeSearcher struct {
	mu       sync.Mutex
	articles []*article.Article
	queries  []index.Query
	err      error
	panics   bool
	facets   map[string][]index.FacetBucket
	timeline []index.TimeBucket
}

func (f *fakeSearcher) Search(_ context.Context, q index.Query) (*index.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	if f.panics {
		panic("boom")
	}
	if f.err != nil {
		return nil, f.err
	}
	var matched []*article.Article
	for _, a := range f.articles {
		if len(q.Speaker) > 0 && !containsAll(index.NormAll(index.KeysOf(a).Speakers), index.NormAll(q.Speaker)) {
			continue
		}
		matched = append(matched, a)
	}
	size := q.Size
	if size == 0 {
		size = index.DefaultSize
	}
	page := max(q.Page, 1)
	res := &index.Result{Total: len(matched), Facets: f.facets, Timeline: f.timeline}
	for i := (page - 1) * size; i < len(matched) && i < page*size; i++ {
		res.Hits = append(res.Hits, index.Hit{Article: matched[i], Score: 1.5,
			Highlight: map[string][]string{"title": {"<mark>" + matched[i].Title + "</mark>"}}})
	}
	return res, nil
}

func (f *fakeSearcher) Get(_ context.Context, id string) (*article.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, fmt.Errorf("get %s: %w", id, index.ErrNotFound)
}

func (f *fakeSearcher) lastQuery() index.Query {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.queries[len(f.queries)-1]
}

func (f *fakeSearcher) queryCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.queries)
}

func sampleArticle(id string) *article.Article {
	pub := time.Date(2023, 10, 23, 8, 0, 0, 0, time.UTC)
	xi, person := "Xi Jinping", "PERSON"
	return &article.Article{
		ID: id, URL: "https://example.com/" + id, Source: "example.com", Language: "en",
		Title: "Wuxi story " + id, Published: &pub,
		Text: "President Xi Jinping said \"we will invest\" in Wuxi.",
		Entities: []article.Entity{{Type: "PERSON", Name: "Xi Jinping", Count: 1,
			Mentions: []article.Mention{{Text: "Xi Jinping", Start: 10, End: 20}}}},
		Places: []article.Place{{Name: "Wuxi", Feature: "city", CountryCode: "CN", Country: "China", Admin1: "Jiangsu"}},
		Quotes: []article.Quote{
			{Text: "we will invest", Start: 27, End: 41, Direct: true, Speaker: &xi, SpeakerType: &person},
			{Text: "nothing to add", Direct: true},
		},
	}
}

type fixture struct {
	srv   *httptest.Server
	fake  *fakeSearcher
	hub   *alert.Hub
	rules *alert.Store
	ready error
}

func newFixture(t *testing.T, n int) *fixture {
	t.Helper()
	f := &fixture{fake: &fakeSearcher{}, hub: alert.NewHub(16), rules: alert.NewStore(alert.NewMemoryKV())}
	for i := 0; i < n; i++ {
		f.fake.articles = append(f.fake.articles, sampleArticle(fmt.Sprintf("a%03d", i)))
	}
	var mu sync.Mutex
	h, err := New(Config{
		Searcher: f.fake, Rules: f.rules, Hub: f.hub, Registry: prometheus.NewRegistry(),
		Places: placesFunc(func(prefix string, n int) []PlaceSuggestion {
			return []PlaceSuggestion{{Name: "Jiangsu", Feature: "admin1", Country: "China", ID: 1806260}}
		}),
		Ready: func() error {
			mu.Lock()
			defer mu.Unlock()
			return f.ready
		},
		Status: func() any { return map[string]int{"fetched": 3} },
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(h)
	t.Cleanup(f.srv.Close)
	return f
}

type placesFunc func(string, int) []PlaceSuggestion

func (p placesFunc) Complete(prefix string, n int) []PlaceSuggestion { return p(prefix, n) }

func (f *fixture) do(t *testing.T, method, path, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

func TestSearchParamsToQuery(t *testing.T) {
	f := newFixture(t, 1)
	tests := []struct {
		path string
		want index.Query
	}{
		// The index always reads the body: hits without text=1 carry its lead instead.
		{"/api/search", index.Query{Page: 1, Size: 20, FacetSize: 10, WithText: true}},
		{"/api/search?q=+chips+&person=Xi+Jinping&person=Li&org=SK&place=Wuxi&region=Jiangsu&event=E&source=s&lang=en&sort=date&page=2&size=5&text=1",
			index.Query{Text: "chips", Person: []string{"Xi Jinping", "Li"}, Org: []string{"SK"}, Place: []string{"Wuxi"},
				Region: []string{"Jiangsu"}, Event: []string{"E"}, Source: []string{"s"}, Lang: []string{"en"},
				Sort: "date", Page: 2, Size: 5, FacetSize: 10, WithText: true}},
		{"/api/search?from=2023-10-01&to=2023-10-23",
			index.Query{From: time.Date(2023, 10, 1, 0, 0, 0, 0, time.UTC),
				To: time.Date(2023, 10, 23, 23, 59, 59, 999999999, time.UTC), Page: 1, Size: 20, FacetSize: 10, WithText: true}},
		{"/api/search?from=2023-10-01T10:00:00Z&to=2023-10-02T00:00:00%2B02:00&person=&region=+",
			index.Query{From: time.Date(2023, 10, 1, 10, 0, 0, 0, time.UTC),
				To: time.Date(2023, 10, 2, 0, 0, 0, 0, time.FixedZone("", 7200)), Page: 1, Size: 20, FacetSize: 10, WithText: true}},
	}
	for _, tt := range tests {
		code, _, body := f.do(t, "GET", tt.path, "")
		if code != 200 {
			t.Fatalf("GET %s = %d %s", tt.path, code, body)
		}
		got := f.fake.lastQuery()
		if !got.To.Equal(tt.want.To) || !got.From.Equal(tt.want.From) {
			t.Errorf("GET %s: from/to = %v/%v; want %v/%v", tt.path, got.From, got.To, tt.want.From, tt.want.To)
		}
		got.From, got.To, tt.want.From, tt.want.To = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("GET %s:\n got  %+v\n want %+v", tt.path, got, tt.want)
		}
	}
}

func TestBadParameters(t *testing.T) {
	f := newFixture(t, 1)
	for _, path := range []string{
		"/api/search?from=yesterday", "/api/search?to=2023-13-01", "/api/search?from=2023-10-02&to=2023-10-01",
		"/api/search?sort=popular", "/api/search?page=0", "/api/search?page=x", "/api/search?size=-1",
		"/api/search?size=100000", "/api/search?page=1000&size=500", "/api/search?text=maybe",
		"/api/search?q=" + strings.Repeat("x", 2000),
		"/api/timeline?interval=hour", "/api/export?format=xml", "/api/alerts/events?recent=-1",
		"/api/quotes?from=nope", "/api/places?prefix=a&n=0",
	} {
		code, h, body := f.do(t, "GET", path, "")
		var e map[string]string
		if code != 400 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") ||
			json.Unmarshal(body, &e) != nil || e["error"] == "" {
			t.Errorf("GET %s = %d %q %s; want 400 with JSON error", path, code, h.Get("Content-Type"), body)
		}
	}
}

func TestSearchResponseShape(t *testing.T) {
	f := newFixture(t, 2)
	f.fake.facets = map[string][]index.FacetBucket{"person": {{Key: "Xi Jinping", Count: 2}}, "country": {{Key: "China", Count: 2}}}
	code, h, body := f.do(t, "GET", "/api/search?q=wuxi", "")
	if code != 200 || h.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("search = %d %s", code, h.Get("Content-Type"))
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total", "hits", "facets"} {
		if _, ok := got[k]; !ok {
			t.Errorf("response lacks %q: %s", k, body)
		}
	}
	var hits []map[string]any
	_ = json.Unmarshal(got["hits"], &hits)
	if len(hits) != 2 {
		t.Fatalf("hits = %d; want 2", len(hits))
	}
	for _, k := range []string{"id", "url", "canonical_url", "source", "title", "published", "language",
		"entities", "places", "events", "money", "dates", "quotes", "highlight", "authors"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("hit lacks %q", k)
		}
	}
	if _, ok := hits[0]["text"]; ok {
		t.Errorf("hit has text without text=1")
	}
	if hl := hits[0]["highlight"].(map[string]any); hl["title"] == nil {
		t.Errorf("highlight = %v", hl)
	}
	var facets map[string][]index.FacetBucket
	_ = json.Unmarshal(got["facets"], &facets)
	for _, k := range contractFacets {
		if facets[k] == nil {
			t.Errorf("facet %q missing or null", k)
		}
	}
	if !reflect.DeepEqual(facets["person"], []index.FacetBucket{{Key: "Xi Jinping", Count: 2}}) || facets["country"] == nil {
		t.Errorf("facets = %v", facets)
	}

	_, _, body = f.do(t, "GET", "/api/search?text=1", "")
	var withText struct{ Hits []map[string]any }
	_ = json.Unmarshal(body, &withText)
	if withText.Hits[0]["text"] != sampleArticle("x").Text {
		t.Errorf("text=1 hit text = %v", withText.Hits[0]["text"])
	}
	if f.fake.articles[0].Text == "" {
		t.Error("the searcher's article was mutated")
	}
}

func TestSearchError(t *testing.T) {
	f := newFixture(t, 1)
	f.fake.err = errors.New("index down")
	if code, _, body := f.do(t, "GET", "/api/search", ""); code != 500 || !strings.Contains(string(body), "index down") {
		t.Errorf("search with failing index = %d %s", code, body)
	}
}

func TestPanicIsA500(t *testing.T) {
	f := newFixture(t, 1)
	f.fake.panics = true
	if code, _, body := f.do(t, "GET", "/api/search", ""); code != 500 || !strings.Contains(string(body), `"error"`) {
		t.Errorf("search with panicking index = %d %s", code, body)
	}
	f.fake.panics = false
	if code, _, _ := f.do(t, "GET", "/api/search", ""); code != 200 {
		t.Errorf("server did not survive the panic: %d", code)
	}
}

func TestArticle(t *testing.T) {
	f := newFixture(t, 2)
	code, _, body := f.do(t, "GET", "/api/articles/a001", "")
	var a article.Article
	if code != 200 || json.Unmarshal(body, &a) != nil || a.ID != "a001" || a.Text == "" {
		t.Errorf("article = %d %s", code, body)
	}
	code, h, body := f.do(t, "GET", "/api/articles/nope", "")
	if code != 404 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") || !strings.Contains(string(body), `"error"`) {
		t.Errorf("missing article = %d %s", code, body)
	}
	if code, _, body := f.do(t, "GET", "/api/nothing", ""); code != 404 || !strings.Contains(string(body), `"error"`) {
		t.Errorf("unknown endpoint = %d %s", code, body)
	}
}

func TestQuotes(t *testing.T) {
	f := newFixture(t, 2)
	type resp struct {
		Total  int
		Quotes []map[string]any
	}
	for _, tt := range []struct {
		path    string
		want    int
		speaker []string // the Speaker filter of the first query
	}{
		{"/api/quotes?speaker=Xi+Jinping", 2, []string{"Xi Jinping"}},
		{"/api/quotes?speaker=xi", 2, []string{"xi"}}, // falls back to full text, matches the surname
		{"/api/quotes?speaker=Xi&q=invest", 2, []string{"Xi"}},
		{"/api/quotes?speaker=Xi&q=banana", 0, []string{"Xi"}},
		{"/api/quotes?q=invest+-banana", 2, nil},
		{"/api/quotes?q=banana+OR+add", 2, nil},
		{"/api/quotes", 4, nil},
		{"/api/quotes?speaker=Li+Qiang", 0, []string{"Li Qiang"}},
	} {
		before := f.fake.queryCount()
		code, _, body := f.do(t, "GET", tt.path, "")
		var got resp
		if code != 200 || json.Unmarshal(body, &got) != nil || got.Total != tt.want || len(got.Quotes) != tt.want {
			t.Errorf("GET %s = %d %s; want %d quotes", tt.path, code, body, tt.want)
			continue
		}
		f.fake.mu.Lock()
		first := f.fake.queries[before]
		f.fake.mu.Unlock()
		if !reflect.DeepEqual(first.Speaker, tt.speaker) {
			t.Errorf("GET %s: speaker filter %q; want %q", tt.path, first.Speaker, tt.speaker)
		}
		if tt.want > 0 {
			q := got.Quotes[0]
			for _, k := range []string{"text", "start", "end", "direct", "speaker", "article_id", "url", "title", "published"} {
				if _, ok := q[k]; !ok {
					t.Errorf("GET %s: quote lacks %q: %v", tt.path, k, q)
				}
			}
		}
	}
}

func TestTimeline(t *testing.T) {
	f := newFixture(t, 1)
	f.fake.timeline = []index.TimeBucket{{Key: "2023-10-23", Count: 4}}
	code, _, body := f.do(t, "GET", "/api/timeline?region=Jiangsu&interval=week&page=3", "")
	var got struct {
		Buckets []index.TimeBucket
	}
	if code != 200 || json.Unmarshal(body, &got) != nil || !reflect.DeepEqual(got.Buckets, f.fake.timeline) {
		t.Errorf("timeline = %d %s", code, body)
	}
	q := f.fake.lastQuery()
	if q.Interval != "week" || q.FacetSize != -1 || !reflect.DeepEqual(q.Region, []string{"Jiangsu"}) {
		t.Errorf("timeline query = %+v", q)
	}
	f.fake.timeline = nil
	if _, _, body := f.do(t, "GET", "/api/timeline", ""); !strings.Contains(string(body), `"buckets":[]`) {
		t.Errorf("empty timeline = %s", body)
	}
}

func TestExportStreamsPageByPage(t *testing.T) {
	f := newFixture(t, 450)
	before := f.fake.queryCount()
	code, h, body := f.do(t, "GET", "/api/export?format=jsonl&region=Jiangsu", "")
	if code != 200 || h.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("export = %d %s", code, h.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(lines) != 450 {
		t.Errorf("jsonl lines = %d; want 450", len(lines))
	}
	var a article.Article
	if err := json.Unmarshal([]byte(lines[449]), &a); err != nil || a.ID != "a449" || a.Text == "" {
		t.Errorf("last line = %v %+v", err, a)
	}
	if pages := f.fake.queryCount() - before; pages != 3 {
		t.Errorf("export made %d searches; want 3 pages of %d", pages, exportPageSize)
	}
	if q := f.fake.lastQuery(); q.Page != 3 || q.Size != exportPageSize || !reflect.DeepEqual(q.Region, []string{"Jiangsu"}) {
		t.Errorf("last export query = %+v", q)
	}

	code, h, body = f.do(t, "GET", "/api/export?format=csv&limit=3", "")
	if code != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("csv export = %d %s", code, h.Get("Content-Type"))
	}
	rows := strings.Split(strings.TrimSpace(string(body)), "\n")
	if len(rows) != 4 || !strings.HasPrefix(rows[0], "id,published,source") || !strings.Contains(rows[1], "Xi Jinping") {
		t.Errorf("csv = %q", rows)
	}
}

func TestAlertsCRUD(t *testing.T) {
	f := newFixture(t, 2)
	code, h, body := f.do(t, "POST", "/api/alerts", `{"name":"Jiangsu","region":["Jiangsu"]}`)
	var r alert.Rule
	if code != 201 || json.Unmarshal(body, &r) != nil || r.ID == "" || !r.Enabled || h.Get("Location") != "/api/alerts/"+r.ID {
		t.Fatalf("create = %d %s", code, body)
	}
	for _, bad := range []string{`{}`, `{"name":"x"}`, `not json`, `{"region":["x"],"colour":"red"}`, `{"region":["x"]} {}`,
		`{"text":"` + strings.Repeat("x", maxBody) + `"}`} {
		if code, _, body := f.do(t, "POST", "/api/alerts", bad); code != 400 || !strings.Contains(string(body), `"error"`) {
			t.Errorf("create %.40q = %d %s; want 400", bad, code, body)
		}
	}
	if code, _, _ := f.do(t, "POST", "/api/alerts", `{"id":"`+r.ID+`","text":"x"}`); code != 409 {
		t.Errorf("create with existing id = %d; want 409", code)
	}
	code, _, body = f.do(t, "GET", "/api/alerts", "")
	var list struct {
		Total  int
		Alerts []alert.Rule
	}
	if code != 200 || json.Unmarshal(body, &list) != nil || len(list.Alerts) != 1 || list.Alerts[0].ID != r.ID {
		t.Errorf("list = %d %s", code, body)
	}
	code, _, body = f.do(t, "PUT", "/api/alerts/"+r.ID, `{"name":"Jiangsu off","region":["Jiangsu"],"enabled":false}`)
	var upd alert.Rule
	if code != 200 || json.Unmarshal(body, &upd) != nil || upd.Enabled || upd.Name != "Jiangsu off" || !upd.Created.Equal(r.Created) {
		t.Errorf("put = %d %s", code, body)
	}
	if code, _, body := f.do(t, "GET", "/api/alerts/"+r.ID, ""); code != 200 || !strings.Contains(string(body), "Jiangsu off") {
		t.Errorf("get = %d %s", code, body)
	}
	if code, _, _ := f.do(t, "PUT", "/api/alerts/other", `{"id":"x","text":"a"}`); code != 400 {
		t.Errorf("put with mismatching id = %d; want 400", code)
	}
	if code, _, _ := f.do(t, "PUT", "/api/alerts/mine", `{"text":"a"}`); code != 201 {
		t.Errorf("put new = %d; want 201", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/alerts/"+r.ID, ""); code != 200 {
		t.Errorf("delete = %d", code)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/alerts?id=mine", ""); code != 200 {
		t.Errorf("delete ?id= = %d", code)
	}
	if code, _, body := f.do(t, "GET", "/api/alerts/"+r.ID, ""); code != 404 || !strings.Contains(string(body), `"error"`) {
		t.Errorf("get deleted = %d %s", code, body)
	}
	if code, _, _ := f.do(t, "DELETE", "/api/alerts/"+r.ID, ""); code != 404 {
		t.Errorf("delete again = %d; want 404", code)
	}
}

func TestAlertTest(t *testing.T) {
	f := newFixture(t, 2)
	code, _, body := f.do(t, "POST", "/api/alerts/test", `{"region":["Jiangsu"],"text":"invest"}`)
	var got struct {
		Total int
		Hits  []map[string]any
	}
	if code != 200 || json.Unmarshal(body, &got) != nil || got.Total != 2 || len(got.Hits) != 2 {
		t.Fatalf("test = %d %s", code, body)
	}
	if got.Hits[0]["matches"] != true || fmt.Sprint(got.Hits[0]["reasons"]) != `[region Jiangsu via Wuxi text "invest"]` {
		t.Errorf("hit = %v", got.Hits[0])
	}
	if _, ok := got.Hits[0]["text"]; ok {
		t.Error("test hits carry the body")
	}
	q := f.fake.lastQuery()
	if q.Text != "invest" || !reflect.DeepEqual(q.Region, []string{"Jiangsu"}) {
		t.Errorf("test query = %+v", q)
	}
}

func TestAlertEventsSSE(t *testing.T) {
	f := newFixture(t, 0)
	old := alert.Event{ID: "r1.a0", RuleID: "r1", RuleName: "old", ArticleID: "a0"}
	f.hub.Publish(old)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", f.srv.URL+"/api/alerts/events?recent=5", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	events := make(chan alert.Event)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && name == "alert":
				var ev alert.Event
				if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev) == nil {
					events <- ev
				}
			}
		}
		close(events)
	}()
	recv := func() alert.Event {
		select {
		case ev := <-events:
			return ev
		case <-time.After(5 * time.Second):
			t.Fatal("no SSE event")
			return alert.Event{}
		}
	}
	if ev := recv(); ev.ID != old.ID {
		t.Errorf("first event %q; want the recent %q", ev.ID, old.ID)
	}
	// Publish until the subscription is live (the handler subscribes before writing headers, so
	// it already is; polling keeps the test independent of that detail).
	live := alert.Event{ID: "r1.a1", RuleID: "r1", RuleName: "jiangsu", ArticleID: "a1", Reasons: []string{"region Jiangsu via Wuxi"}}
	f.hub.Publish(live)
	if ev := recv(); !reflect.DeepEqual(ev, live) {
		t.Errorf("live event %+v; want %+v", ev, live)
	}
	cancel()
	testutil.Eventually(t, 5*time.Second, func() error {
		if n := f.hub.Subscribers(); n != 0 {
			return fmt.Errorf("SSE handler still subscribed after the client left (%d subscribers)", n)
		}
		return nil
	})
}

func TestHeartbeat(t *testing.T) {
	s := &server{cfg: Config{Hub: alert.NewHub(1)}, heartbeat: 10 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	rec := &syncRecorder{ResponseRecorder: httptest.NewRecorder()}
	done := make(chan struct{})
	go func() {
		s.alertEvents(rec, httptest.NewRequest("GET", "/api/alerts/events", nil).WithContext(ctx))
		close(done)
	}()
	testutil.Eventually(t, 5*time.Second, func() error {
		if !strings.Contains(rec.body(), ": heartbeat") {
			return errors.New("no heartbeat")
		}
		return nil
	})
	cancel()
	<-done
}

type syncRecorder struct {
	mu sync.Mutex
	*httptest.ResponseRecorder
}

func (r *syncRecorder) Write(b []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ResponseRecorder.Write(b)
}

func (r *syncRecorder) body() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ResponseRecorder.Body.String()
}

func TestOperationalEndpoints(t *testing.T) {
	f := newFixture(t, 1)
	if code, h, body := f.do(t, "GET", "/healthz", ""); code != 200 || string(body) != "ok" || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Errorf("healthz = %d %q", code, body)
	}
	f.ready = errors.New("index opening")
	if code, _, body := f.do(t, "GET", "/readyz", ""); code != 503 || !strings.Contains(string(body), "index opening") {
		t.Errorf("readyz before ready = %d %s", code, body)
	}
	f.ready = nil
	if code, _, _ := f.do(t, "GET", "/readyz", ""); code != 200 {
		t.Errorf("readyz when ready = %d", code)
	}
	if code, _, body := f.do(t, "GET", "/api/status", ""); code != 200 || string(body) != "{\"fetched\":3}\n" {
		t.Errorf("status = %d %s", code, body)
	}
	if code, _, body := f.do(t, "GET", "/api/places?prefix=Jia", ""); code != 200 || !strings.Contains(string(body), `"name":"Jiangsu"`) {
		t.Errorf("places = %d %s", code, body)
	}
	f.do(t, "GET", "/api/articles/nope", "")
	code, h, body := f.do(t, "GET", "/metrics", "")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Fatalf("metrics = %d %s", code, h.Get("Content-Type"))
	}
	for _, want := range []string{
		`newsmon_http_requests_total{code="404",route="GET /api/articles/{id}"} 1`,
		`newsmon_http_requests_total{code="503",route="GET /readyz"} 1`,
		`newsmon_http_request_duration_seconds_bucket{route="GET /healthz",le="+Inf"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestWebPage(t *testing.T) {
	f := newFixture(t, 0)
	code, h, body := f.do(t, "GET", "/", "")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(string(body), "newsmon") {
		t.Errorf("/ = %d %s", code, h.Get("Content-Type"))
	}
	for path, ctype := range map[string]string{"/static/app.js": "text/javascript", "/static/app.css": "text/css"} {
		if code, h, _ := f.do(t, "GET", path, ""); code != 200 || !strings.HasPrefix(h.Get("Content-Type"), ctype) {
			t.Errorf("%s = %d %s", path, code, h.Get("Content-Type"))
		}
	}
}

func TestNewNeedsSearcher(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without Searcher succeeded")
	}
	reg := prometheus.NewRegistry()
	for i := 0; i < 2; i++ { // two handlers on one registry share the metrics
		if _, err := New(Config{Searcher: &fakeSearcher{}, Registry: reg}); err != nil {
			t.Fatal(err)
		}
	}
}

// The index satisfies what the API asks of it.
var _ Searcher = index.Index(nil)

func TestStatusCarriesFailures(t *testing.T) {
	h, err := New(Config{Searcher: &fakeSearcher{},
		Status: func() any { return map[string]any{"sources": []map[string]any{{"name": "wire", "failed": 0}}} },
		Failures: func(context.Context) Failures {
			return Failures{DeadLetters: 1, Deliveries: &DeliveryFailures{Failed: 2}}
		}})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/status", nil))
	var st struct {
		Sources  []map[string]any `json:"sources"`
		Failures *struct {
			DeadLetters int `json:"dead_letters"`
			Deliveries  *struct {
				Failed int `json:"failed"`
			} `json:"deliveries"`
		} `json:"failures"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil || len(st.Sources) != 1 || st.Failures == nil ||
		st.Failures.DeadLetters != 1 || st.Failures.Deliveries == nil || st.Failures.Deliveries.Failed != 2 {
		t.Errorf("status = %s", rec.Body)
	}
}
