package bleve

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	blv "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

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

func openCurrent(t *testing.T) *Index { return openAt(t, filepath.Join(t.TempDir(), "index")) }

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

// TestNothingUnqueried: an article maps to the fields queries read and nothing else: no composite
// "_all" field and no fields for the geoshapes' GeoJSON members. An index created before the
// mapping was trimmed (a dynamic sub-mapping per field, "_all" on) maps new documents the same
// way once opened.
func TestNothingUnqueried(t *testing.T) {
	untrimmed := newMapping()
	for _, dm := range append(slices.Collect(maps.Values(untrimmed.TypeMapping)), untrimmed.DefaultMapping) {
		delete(dm.Properties, allField)
		for _, sub := range dm.Properties {
			sub.Dynamic = true
		}
	}
	if n := mappedFields(t, untrimmed); !slices.Contains(n, allField) || !slices.Contains(n, fieldLocations+".coordinates") {
		t.Fatalf("the untrimmed mapping maps %v; want _all and locations.coordinates, as bleve's defaults do", n)
	}
	dir := filepath.Join(t.TempDir(), "index")
	old, err := blv.NewUsing(dir, untrimmed, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	for name, x := range map[string]*Index{"new index": openCurrent(t), "older index": openAt(t, dir)} {
		im := x.idx.Mapping().(*mapping.IndexMappingImpl)
		for _, f := range mappedFields(t, im) {
			if f == allField || strings.Contains(f, ".") {
				t.Errorf("%s: an article maps to field %q, which no query reads", name, f)
			}
		}
		if len(x.missing) != 0 {
			t.Errorf("%s misses %v", name, x.missing)
		}
	}
}

// mappedFields lists the fields (composite ones included) im maps a fixture with places and
// mentioned dates to.
func mappedFields(t *testing.T, im *mapping.IndexMappingImpl) []string {
	t.Helper()
	a := indextest.Fixtures()[0]
	d, err := newDoc(a)
	if err != nil {
		t.Fatal(err)
	}
	if d.Locations == nil || d.Mentioned == nil {
		t.Fatalf("fixture %s has no places or mentioned dates", a.ID)
	}
	bd := document.NewDocument(a.ID)
	if err := im.MapDocument(bd, d); err != nil {
		t.Fatal(err)
	}
	var names []string
	bd.VisitFields(func(f bleveindex.Field) { names = append(names, f.Name()) })
	bd.VisitComposite(func(f bleveindex.CompositeField) { names = append(names, f.Name()) })
	return names
}

func openAt(t *testing.T, dir string) *Index {
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = x.Close() })
	return x
}
