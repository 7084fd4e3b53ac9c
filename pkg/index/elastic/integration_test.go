package elastic

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

// liveURL returns NEWSMON_TEST_ES_URL or skips the test: the live tests need a real engine
// (scripts/es-node up starts one).
func liveURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("NEWSMON_TEST_ES_URL")
	if u == "" {
		t.Skip("NEWSMON_TEST_ES_URL not set: skipping live Elasticsearch tests")
	}
	return u
}

// openLive opens an index on a fresh, uniquely named alias and removes its indices and template
// when the test ends.
func openLive(t *testing.T, url string) *Index { return openLiveWith(t, Config{URLs: []string{url}}) }

// openLiveWith is openLive with cfg's layout (Period, Retain); the alias is made up and writes
// wait for refresh.
func openLiveWith(t *testing.T, cfg Config) *Index {
	t.Helper()
	var b [4]byte
	_, _ = rand.Read(b[:])
	alias := "nmtest-" + hex.EncodeToString(b[:])
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cfg.Index, cfg.Refresh = alias, true
	x, err := New(t.Context(), cfg, log)
	if err != nil {
		t.Fatalf("New(%s): %v", alias, err)
	}
	t.Cleanup(func() { dropLive(t, x) })
	return x
}

// dropLive deletes every index named <alias>-* and the template (by name: wildcard deletes are
// refused by default).
func dropLive(t *testing.T, x *Index) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	status, body, err := x.do(ctx, "list indices", func() esapi.Request {
		return esapi.IndicesGetRequest{Index: []string{x.alias + "-*"}, FilterPath: []string{"*.settings.index.provided_name"}}
	})
	if err != nil || status/100 != 2 {
		t.Errorf("cleanup: list %s-*: %v %d %s", x.alias, err, status, body)
		return
	}
	var m map[string]json.RawMessage
	_ = json.Unmarshal(body, &m)
	for name := range m {
		if status, body, err := x.do(ctx, "delete "+name, func() esapi.Request {
			return esapi.IndicesDeleteRequest{Index: []string{name}}
		}); err != nil || status/100 != 2 {
			t.Errorf("cleanup: delete %s: %v %d %s", name, err, status, body)
		}
	}
	if status, body, err := x.do(ctx, "delete template", func() esapi.Request {
		return esapi.IndicesDeleteIndexTemplateRequest{Name: x.alias + "-template"}
	}); err != nil || status/100 != 2 {
		t.Errorf("cleanup: delete template: %v %d %s", err, status, body)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func TestIntegrationConformance(t *testing.T) {
	url := liveURL(t)
	x := openLive(t, url)
	name, version, err := x.Engine(t.Context())
	if err != nil {
		t.Fatalf("Engine: %v", err)
	}
	t.Logf("running against %s %s at %s", name, version, url)
	indextest.Run(t, func(t *testing.T) index.Index { return openLive(t, url) })
}

func TestIntegrationTemplateAndAlias(t *testing.T) {
	url := liveURL(t)
	x := openLive(t, url)
	ctx := t.Context()

	// New again on the same alias: nothing to create, no error.
	if _, err := New(ctx, Config{URLs: []string{url}, Index: x.alias, Refresh: true}, nil); err != nil {
		t.Fatalf("second New: %v", err)
	}
	got, err := x.aliasIndices(ctx)
	if want := []string{x.alias + "-000001"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("alias points at %v, %v; want %v", got, err, want)
	}
	// The template's mappings reached the index.
	status, body, err := x.do(ctx, "get mapping", func() esapi.Request {
		return esapi.IndicesGetMappingRequest{Index: []string{x.alias}}
	})
	if err != nil || status != http.StatusOK {
		t.Fatalf("get mapping: %v %d %s", err, status, body)
	}
	for _, want := range []string{`"location":{"type":"geo_point"}`, `"quotes":{"type":"nested","include_in_root":true`,
		`"persons_norm":{"type":"keyword"}`, `"analyzer":"english"`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("mapping lacks %s:\n%s", want, body)
		}
	}

	a := indextest.Fixtures()[0]
	if err := x.Put(ctx, []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	// Alias switch: a new index, filled, then the alias moved; reads and writes follow it.
	next := x.alias + "-000002"
	if err := x.SwitchAlias(ctx, next); err != nil {
		t.Fatalf("SwitchAlias: %v", err)
	}
	if got, err := x.aliasIndices(ctx); err != nil || !slices.Equal(got, []string{next}) {
		t.Fatalf("after switch alias points at %v, %v; want [%s]", got, err, next)
	}
	if _, err := x.Get(ctx, a.ID); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Get on the new, empty index: %v; want ErrNotFound", err)
	}
	b := indextest.Fixtures()[1]
	if err := x.Put(ctx, []*article.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	res, err := x.Search(ctx, index.Query{FacetSize: -1})
	if err != nil || res.Total != 2 {
		t.Fatalf("Search after switch: %v total %v; want 2", err, res)
	}
	// The new index has the template's mappings too (a nested quote query works).
	if _, err := x.Search(ctx, index.Query{Text: "gadgets", Region: []string{"China"}}); err != nil {
		t.Errorf("search on the switched index: %v", err)
	}
}

func TestIntegrationPartialBulkFailure(t *testing.T) {
	url := liveURL(t)
	x := openLive(t, url)
	ctx := t.Context()
	good := indextest.Fixtures()[0]
	bad := indextest.Fixtures()[1]
	// A published date the date mapping cannot parse is a permanent (400) item failure.
	err := x.putRaw(ctx, good, `{"id":"`+bad.ID+`","published":"not a date"}`, bad.ID)
	var be *index.BulkError
	if !errors.As(err, &be) {
		t.Fatalf("Put with a bad document: %v; want *index.BulkError", err)
	}
	if len(be.Failed) != 1 || be.Failed[bad.ID] == nil {
		t.Fatalf("BulkError.Failed = %v; want only %s", be.Failed, bad.ID)
	}
	var ie *ItemError
	if !errors.As(be.Failed[bad.ID], &ie) || ie.Status != 400 || ie.Type == "" {
		t.Errorf("failure = %#v; want a 400 item error with its type", be.Failed[bad.ID])
	}
	t.Logf("rejected as expected: %v", be.Failed[bad.ID])
	if _, err := x.Get(ctx, good.ID); err != nil {
		t.Errorf("the good article of the batch: %v", err)
	}
}

// putRaw sends a bulk with a real article and one hand-written document, to provoke a mapping error.
func (x *Index) putRaw(ctx context.Context, a *article.Article, rawDoc, rawID string) error {
	body, sent := encodeBulk(x.target, []*article.Article{a}, map[string]error{})
	body = append(body, fmt.Sprintf(`{"index":{"_index":%q,"_id":%q}}`+"\n%s\n", x.alias, rawID, rawDoc)...)
	sent = append(sent, &article.Article{ID: rawID})
	return x.bulk(ctx, body, sent, map[string]error{})
}

// TestIntegrationMappingUpgrade: an index created before the template gained a field (here, with
// no mapping at all but the id) gets the new fields when New runs again, so Near, the money and
// the mentioned-dates filters work on documents written afterwards.
func TestIntegrationMappingUpgrade(t *testing.T) {
	url := liveURL(t)
	var b [4]byte
	_, _ = rand.Read(b[:])
	alias := "nmtest-" + hex.EncodeToString(b[:])
	old, err := newIndex(Config{URLs: []string{url}, Index: alias, Refresh: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dropLive(t, old) })
	ctx := t.Context()
	body := `{"aliases":{"` + alias + `":{"is_write_index":true}},"mappings":{"dynamic":false,"properties":{"id":{"type":"keyword"}}}}`
	status, answer, err := old.do(ctx, "create old index", func() esapi.Request {
		return esapi.IndicesCreateRequest{Index: alias + "-000001", Body: strings.NewReader(body)}
	})
	if err != nil || status != http.StatusOK {
		t.Fatalf("create old index: %v %d %s", err, status, answer)
	}
	x, err := New(ctx, Config{URLs: []string{url}, Index: alias, Refresh: true}, nil)
	if err != nil {
		t.Fatalf("New on an old index: %v", err)
	}
	if err := x.Put(ctx, indextest.Fixtures()); err != nil {
		t.Fatal(err)
	}
	minUSD := 1e9
	for _, q := range []index.Query{
		{Near: &index.GeoCircle{Lat: 31.56887, Lon: 120.28857, Km: 10}},
		{MinUSD: &minUSD, Region: []string{"CN.04"}},
		{MentionsFrom: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), EventType: []string{"statement"}},
	} {
		res, err := x.Search(ctx, q)
		if err != nil || res.Total != 1 {
			t.Errorf("Search(%+v) after the upgrade = %v, %v; want the Wuxi article", q, res, err)
		}
	}
}
