package bleve

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/indextest"
)

// TestOlderIndex: an index created before the money, event type, location and mentioned-date
// fields existed still opens and answers the older filters; filtering on a new field is an
// error that says what to do, not an empty result.
func TestOlderIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	old := newMapping()
	newFields := []string{fieldLocations, fieldUSDMax, fieldCurrencies, fieldEventTypes, fieldMentioned,
		facetFields["currency"], facetFields["event_type"]}
	docs := []*mapping.DocumentMapping{old.DefaultMapping}
	for _, dm := range old.TypeMapping {
		docs = append(docs, dm)
	}
	for _, dm := range docs {
		for _, f := range newFields {
			delete(dm.Properties, f)
		}
	}
	idx, err := blv.NewUsing(dir, old, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir)
	if err != nil {
		t.Fatalf("Open an older index: %v", err)
	}
	t.Cleanup(func() { _ = x.Close() })
	if err := x.Put(t.Context(), []*article.Article{indextest.Fixtures()[0]}); err != nil {
		t.Fatal(err)
	}
	if res, err := x.Search(t.Context(), index.Query{Region: []string{"Jiangsu"}}); err != nil || res.Total != 1 {
		t.Errorf("region search on an older index = %v, %v; want 1 hit", res, err)
	}
	usd := 1.0
	for _, q := range []index.Query{
		{Near: &index.GeoCircle{Lat: 1, Lon: 2, Km: 3}}, {MinUSD: &usd}, {Currency: []string{"CNY"}},
		{EventType: []string{"visit"}}, {MentionsTo: time.Now()},
	} {
		if _, err := x.Search(t.Context(), q); err == nil || !strings.Contains(err.Error(), "re-index") {
			t.Errorf("Search(%+v) on an older index: %v; want an error saying to re-index", q, err)
		}
	}
	if x := openCurrent(t); len(x.missing) != 0 {
		t.Errorf("a new index misses %v", x.missing)
	}
}

func openCurrent(t *testing.T) *Index {
	x, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = x.Close() })
	return x
}

func TestStoredLanguage(t *testing.T) {
	for _, tc := range []struct{ js, want string }{
		{`{"id":"1","title":"a \"language\":\"xx\" trap","language":"fr","text":""}`, "fr"},
		{`{"id":"1","language":""}`, ""},
		{`{"id":"1"}`, ""},
		{`{"language":"en-GB"}`, "en-GB"},
	} {
		if got := storedLanguage(tc.js); got != tc.want {
			t.Errorf("storedLanguage(%s) = %q; want %q", tc.js, got, tc.want)
		}
	}
	for lang, want := range map[string]string{"en": "en", "EN-gb": "en", "fr_FR": "fr", "xx": "standard", "": "standard"} {
		if want != "standard" {
			want = languageAnalyzers[want]
		}
		if got := analyzerFor(lang); got != want {
			t.Errorf("analyzerFor(%q) = %q; want %q", lang, got, want)
		}
	}
}
