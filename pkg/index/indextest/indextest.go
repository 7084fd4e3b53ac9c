// Package indextest is the conformance suite every index.Index backend passes (the embedded bleve
// index, Elasticsearch): the same fixtures, the same queries, the same expected answers, so the
// backends stay interchangeable behind pkg/api and pkg/alert. It owns the fixtures and the
// expectations; it never reaches into a backend's internals.
//
// Conventions the suite pins down, which every backend must follow:
//   - Writes become visible to Search and Get after Put returns, possibly after a short delay
//     (Elasticsearch refreshes); the suite polls with WaitFor, up to PollTimeout.
//   - Facets count display values over the whole matching set (not just the page), sorted by
//     count descending, then key ascending (byte order), truncated to FacetSize.
//   - Timeline buckets are keyed by index.BucketKey (UTC day, Monday of the ISO week, first of the
//     month), sorted ascending; buckets with no article are omitted, never reported as 0.
//   - Without Text, and with Sort "date", hits are newest first; with Text, by relevance.
//   - Highlights are HTML fragments with the matches wrapped in <mark>…</mark>, under "title" and
//     "text".
package indextest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// PollTimeout bounds how long WaitFor waits for writes to become visible.
const PollTimeout = 15 * time.Second

// Run runs the conformance suite. open must return a new, empty index and arrange (t.Cleanup) for
// it to be closed and removed; it is called once for the shared read-only fixture index and once
// more for each subtest that writes.
func Run(t *testing.T, open func(t *testing.T) index.Index) {
	ctx := t.Context()
	idx := open(t)
	PutAll(t, idx, Fixtures())

	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, idx) })
	t.Run("GetUnknown", func(t *testing.T) {
		_, err := idx.Get(ctx, article.IDFor("https://example.com/never-indexed"))
		if !errors.Is(err, index.ErrNotFound) {
			t.Errorf("Get(unknown) error = %v; want index.ErrNotFound", err)
		}
	})
	t.Run("IdempotentIDs", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("FullText", func(t *testing.T) { testFullText(t, idx) })
	t.Run("UserSyntax", func(t *testing.T) { testUserSyntax(t, idx) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, idx) })
	t.Run("Tags", func(t *testing.T) { testTags(t, idx) })
	t.Run("RegionCodes", func(t *testing.T) { testRegionCodes(t, idx) })
	t.Run("Near", func(t *testing.T) { testNear(t, idx) })
	t.Run("Money", func(t *testing.T) { testMoney(t, idx) })
	t.Run("EventTypes", func(t *testing.T) { testEventTypes(t, idx) })
	t.Run("MentionedDates", func(t *testing.T) { testMentionedDates(t, idx) })
	t.Run("Facets", func(t *testing.T) { testFacets(t, idx) })
	t.Run("SortDate", func(t *testing.T) { testSortDate(t, idx) })
	t.Run("Paging", func(t *testing.T) { testPaging(t, idx) })
	t.Run("Highlights", func(t *testing.T) { testHighlights(t, idx) })
	t.Run("Timeline", func(t *testing.T) { testTimeline(t, idx) })
	t.Run("WithText", func(t *testing.T) { testWithText(t, idx) })
	t.Run("ShareTimeline", func(t *testing.T) { testShareTimeline(t, idx) })
	t.Run("CompareByTag", func(t *testing.T) { testCompare(t, idx) })
	t.Run("Lean", func(t *testing.T) { testLean(t, idx) })
	t.Run("Profile", func(t *testing.T) { testProfile(t, idx) })
	t.Run("Network", func(t *testing.T) { testNetwork(t, idx) })
	t.Run("SignificantTerms", func(t *testing.T) { testSignificantTerms(t, open(t)) })
	t.Run("ConcurrentPutSearch", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("Scan", func(t *testing.T) { testScan(t, open(t)) })
	t.Run("EntityMerge", func(t *testing.T) { testEntityMerge(t, open(t)) })
}

// PutAll writes the articles in one batch and waits until a search sees all of them.
func PutAll(t testing.TB, idx index.Index, arts []*article.Article) {
	t.Helper()
	before := mustSearch(t, idx, index.Query{Size: 1, FacetSize: -1}).Total
	if err := idx.Put(t.Context(), arts); err != nil {
		t.Fatalf("Put(%d articles): %v", len(arts), err)
	}
	WaitFor(t, idx, index.Query{}, before+len(arts))
}

// WaitFor polls Search(q) until its total is want, failing the test after PollTimeout. Backends
// whose writes are visible at once (bleve) return on the first try.
func WaitFor(t testing.TB, idx index.Index, q index.Query, want int) {
	t.Helper()
	q.Size, q.FacetSize = 1, -1
	deadline := time.Now().Add(PollTimeout)
	wait := 10 * time.Millisecond
	for {
		res, err := idx.Search(t.Context(), q)
		if err == nil && res.Total == want {
			return
		}
		if time.Now().After(deadline) {
			got := "error " + fmt.Sprint(err)
			if err == nil {
				got = fmt.Sprint(res.Total)
			}
			t.Fatalf("WaitFor %+v: total = %s after %v; want %d", q, got, PollTimeout, want)
		}
		select {
		case <-t.Context().Done():
			t.Fatalf("WaitFor: %v", t.Context().Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 500*time.Millisecond)
	}
}

func mustSearch(t testing.TB, idx index.Index, q index.Query) *index.Result {
	t.Helper()
	res, err := idx.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// names maps hit ids back to fixture names, for readable failures.
func names(hits []index.Hit) []string {
	byID := map[string]string{}
	for name := range fixtureURLs {
		byID[fixtureID(name)] = name
	}
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		n, ok := byID[h.ID]
		if !ok {
			n = h.ID
		}
		out = append(out, n)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}

func testRoundTrip(t *testing.T, idx index.Index) {
	for _, want := range Fixtures() {
		got, err := idx.Get(t.Context(), want.ID)
		if err != nil {
			t.Errorf("Get(%s): %v", want.ID, err)
			continue
		}
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("Get(%s) =\n%s\nwant\n%s", want.ID, g, w)
		}
	}
	// Hits carry the same enriched article.
	res := mustSearch(t, idx, index.Query{Size: index.MaxSize, WithText: true, FacetSize: -1})
	fixtures := map[string]*article.Article{}
	for _, a := range Fixtures() {
		fixtures[a.ID] = a
	}
	for _, h := range res.Hits {
		if g, w := mustJSON(t, h.Article), mustJSON(t, fixtures[h.ID]); g != w {
			t.Errorf("hit %s =\n%s\nwant\n%s", h.ID, g, w)
		}
	}
}

func testIdempotent(t *testing.T, idx index.Index) {
	arts := Fixtures()
	PutAll(t, idx, arts)
	if err := idx.Put(t.Context(), Fixtures()); err != nil {
		t.Fatalf("second Put: %v", err)
	}
	// Same id twice in one batch, the second one changed: one document, the last version.
	changed := Fixtures()[0]
	changed.Title = "Taihu Energy holds groundbreaking at Wuxi battery park"
	if err := idx.Put(t.Context(), []*article.Article{Fixtures()[0], changed}); err != nil {
		t.Fatalf("Put with a duplicate id: %v", err)
	}
	WaitFor(t, idx, index.Query{Text: "groundbreaking"}, 1)
	if got := mustSearch(t, idx, index.Query{Size: 1, FacetSize: -1}).Total; got != len(arts) {
		t.Errorf("total after writing the fixtures twice = %d; want %d", got, len(arts))
	}
	got, err := idx.Get(t.Context(), changed.ID)
	if err != nil || got.Title != changed.Title {
		t.Errorf("Get after overwrite = %v, %v; want title %q", got, err, changed.Title)
	}
}

// search runs q (all hits, no facets unless asked) and returns the fixture names of the hits.
func searchNames(t *testing.T, idx index.Index, q index.Query) []string {
	t.Helper()
	if q.Size == 0 {
		q.Size = index.MaxSize
	}
	if q.FacetSize == 0 {
		q.FacetSize = -1
	}
	res := mustSearch(t, idx, q)
	got := names(res.Hits)
	if res.Total != len(got) && q.Page <= 1 && len(got) < q.Size {
		t.Errorf("Search(%+v): total %d but %d hits on the only page", q, res.Total, len(got))
	}
	return got
}

func testFullText(t *testing.T, idx index.Index) {
	for _, tc := range []struct {
		q     string
		want  []string // every match, any order
		first string   // the best match, if the test cares
	}{
		{q: "battery", want: []string{"lithium", "wuxi"}, first: "wuxi"}, // title beats body
		{q: "lithium", want: []string{"lithium"}},
		{q: "BATTERY", want: []string{"lithium", "wuxi"}},
		{q: "export", want: []string{"tea"}}, // English stemming: exports
		{q: "reactors", want: []string{"paris"}},
		{q: "unveils", want: []string{"shanghai"}}, // title only
		{q: "gadgets", want: []string{"shanghai"}}, // in a quote
		{q: "Li Wei", want: []string{"wuxi"}},
		{q: "nuclear power", want: []string{"paris"}},
		{q: "battery prices", want: []string{"lithium"}}, // every word must match
		{q: `"climate summit"`, want: []string{"nairobi"}},
		{q: `"summit climate"`, want: nil},
		{q: "battery -lithium", want: []string{"wuxi"}},
		{q: `-"electric SUV" electric`, want: []string{"lithium"}},
		{q: "Volkswagen OR Macron", want: []string{"nanjing", "paris"}},
		{q: "Volkswagen | Macron", want: []string{"nanjing", "paris"}},
		{q: "vallée", want: []string{"lyon"}},  // French
		{q: "Werk", want: []string{"nanjing"}}, // German
		{q: "Kericho", want: []string{"tea"}},
		{q: "zeppelin", want: nil},
	} {
		got := searchNames(t, idx, index.Query{Text: tc.q})
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("Search(%q) = %v; want %v", tc.q, got, tc.want)
			continue
		}
		if tc.first != "" && got[0] != tc.first {
			t.Errorf("Search(%q) best hit = %s; want %s (hits %v)", tc.q, got[0], tc.first, got)
		}
	}
}

func testUserSyntax(t *testing.T, idx index.Index) {
	for _, q := range []string{`"unterminated phrase`, `title:wuxi`, `(battery`, `battery)`, `*`, `?`, `-`,
		`OR`, `battery OR`, `OR battery`, `a:b:c`, `battery^2`, `"`, `""`, `\`, `/regex/`, `[1 TO 2]`, `~`,
		`+battery`, `!battery`, `{}`, `battery AND park`, `the`, `&&`, `||`, `<mark>`, `-battery`} {
		if _, err := idx.Search(t.Context(), index.Query{Text: q}); err != nil {
			t.Errorf("Search(%q): %v; user syntax must never fail a search", q, err)
		}
	}
	if got := searchNames(t, idx, index.Query{Text: "+battery"}); len(got) != 2 {
		t.Errorf("Search(+battery) = %v; want the 2 battery articles", got)
	}
	if got := searchNames(t, idx, index.Query{Text: "-battery"}); len(got) != len(Fixtures())-2 {
		t.Errorf("Search(-battery) = %v; want every article but the 2 battery ones", got)
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func testFilters(t *testing.T, idx index.Index) {
	china := []string{"lithium", "nanjing", "shanghai", "wuxi"}
	en := []string{"lithium", "nairobi", "paris", "shanghai", "tea", "wuxi"}
	for _, tc := range []struct {
		name string
		q    index.Query
		want []string
	}{
		{"person", index.Query{Person: []string{"Li Wei"}}, []string{"wuxi"}},
		{"person case", index.Query{Person: []string{"EMMANUEL MACRON"}}, []string{"paris"}},
		{"person partial name", index.Query{Person: []string{"Macron"}}, nil}, // exact names only
		{"org", index.Query{Org: []string{"saic motor"}}, []string{"shanghai"}},
		{"place", index.Query{Place: []string{"Lyon"}}, []string{"lyon", "paris"}},
		{"place unresolved", index.Query{Place: []string{"kericho"}}, []string{"tea"}},
		{"place is not region", index.Query{Place: []string{"Jiangsu"}}, nil},
		{"region admin1", index.Query{Region: []string{"Jiangsu"}}, []string{"nanjing", "wuxi"}},
		{"region case", index.Query{Region: []string{" jiangsu "}}, []string{"nanjing", "wuxi"}},
		{"region country", index.Query{Region: []string{"China"}}, china},
		{"region country code", index.Query{Region: []string{"cn"}}, china},
		{"region accents", index.Query{Region: []string{"auvergne-rhône-alpes"}}, []string{"lyon", "paris"}},
		{"region city", index.Query{Region: []string{"Wuxi"}}, []string{"wuxi"}},
		{"region kenya", index.Query{Region: []string{"Kenya"}}, []string{"nairobi", "tea"}},
		{"region county", index.Query{Region: []string{"Nairobi County"}}, []string{"nairobi"}},
		{"event", index.Query{Event: []string{"africa climate summit"}}, []string{"nairobi"}},
		{"event entity", index.Query{Event: []string{"Shanghai Auto Show"}}, []string{"shanghai"}},
		{"source", index.Query{Source: []string{"reuters.com"}}, []string{"tea", "wuxi"}},
		{"source case", index.Query{Source: []string{"Reuters.com"}}, []string{"tea", "wuxi"}},
		{"lang", index.Query{Lang: []string{"de"}}, []string{"nanjing"}},
		{"lang case", index.Query{Lang: []string{"EN"}}, en},
		{"speaker", index.Query{Speaker: []string{"Kent Masters"}}, []string{"lithium"}},
		{"speaker org", index.Query{Speaker: []string{"kenya tea development agency"}}, []string{"tea"}},
		{"from to", index.Query{From: mustTime("2023-10-23T00:00:00Z"), To: mustTime("2023-10-26T23:59:59Z")},
			[]string{"nanjing", "shanghai", "tea", "wuxi"}},
		{"from", index.Query{From: mustTime("2023-10-30T00:00:00Z")}, []string{"lyon", "paris"}},
		{"to", index.Query{To: mustTime("2023-09-30T00:00:00Z")}, []string{"nairobi"}},
		{"inclusive", index.Query{From: mustTime("2023-10-23T01:30:00Z"), To: mustTime("2023-10-23T09:30:00+08:00")},
			[]string{"wuxi"}},
		{"and kinds", index.Query{Region: []string{"China"}, Lang: []string{"en"}}, []string{"lithium", "shanghai", "wuxi"}},
		{"and person region", index.Query{Region: []string{"China"}, Person: []string{"li wei"}}, []string{"wuxi"}},
		{"and disjoint", index.Query{Region: []string{"France"}, Source: []string{"reuters.com"}}, nil},
		{"and same kind", index.Query{Place: []string{"Lyon", "Paris"}}, []string{"paris"}},
		{"and date", index.Query{Region: []string{"China"}, To: mustTime("2023-10-24T00:00:00Z")},
			[]string{"lithium", "wuxi"}},
		{"and text", index.Query{Text: "battery", Region: []string{"Jiangsu"}}, []string{"wuxi"}},
		{"and text speaker", index.Query{Text: "market", Speaker: []string{"Kent Masters"}}, []string{"lithium"}},
		{"empty values ignored", index.Query{Person: []string{}, Org: nil}, []string{"lithium", "lyon", "nairobi",
			"nanjing", "paris", "shanghai", "tea", "wuxi"}},
	} {
		got := searchNames(t, idx, tc.q)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s: Search(%+v) = %v; want %v", tc.name, tc.q, sorted(got), tc.want)
		}
	}
}

// testTags checks the filter on the sources' collection tags (Query.Tag): "key:value" exactly,
// case-insensitive, several values ANDed.
func testTags(t *testing.T, idx index.Index) {
	checkFilterCases(t, idx, []filterCase{
		{"tag", index.Query{Tag: []string{"country:GB"}}, []string{"lithium", "tea", "wuxi"}},
		{"tag case", index.Query{Tag: []string{" Kind:NEWSPAPER "}}, []string{"lithium", "lyon", "nanjing", "shanghai"}},
		{"tag collection", index.Query{Tag: []string{"collection:europe"}}, []string{"lyon", "nanjing", "paris"}},
		{"tags and", index.Query{Tag: []string{"collection:europe", "kind:newspaper"}}, []string{"lyon", "nanjing"}},
		{"tag key alone", index.Query{Tag: []string{"country"}}, nil},
		{"tag value alone", index.Query{Tag: []string{"GB"}}, nil},
		{"tag and region", index.Query{Tag: []string{"country:GB"}, Region: []string{"China"}}, []string{"lithium", "wuxi"}},
	})
}

// filterCase is one search and the fixtures it must find, in any order.
type filterCase struct {
	name string
	q    index.Query
	want []string
}

func checkFilterCases(t *testing.T, idx index.Index, cases []filterCase) {
	t.Helper()
	for _, tc := range cases {
		got := searchNames(t, idx, tc.q)
		if !slices.Equal(sorted(got), sorted(tc.want)) {
			t.Errorf("%s: Search(%+v) = %v; want %v", tc.name, tc.q, sorted(got), sorted(tc.want))
		}
	}
}

// testRegionCodes: a region value may be a GeoNames id (the place itself), a country code, or a
// country code and an admin1 code joined by a dot, as pkg/geo's Gazetteer.RegionCode gives them.
func testRegionCodes(t *testing.T, idx index.Index) {
	china := []string{"lithium", "nanjing", "shanghai", "wuxi"}
	checkFilterCases(t, idx, []filterCase{
		{"city id", index.Query{Region: []string{"1790923"}}, []string{"wuxi"}},
		{"country id is the country place", index.Query{Region: []string{"1814991"}}, []string{"nanjing", "shanghai"}},
		{"unknown id", index.Query{Region: []string{"1"}}, nil},
		{"country code", index.Query{Region: []string{"CN"}}, china},
		{"admin1 code", index.Query{Region: []string{"CN.04"}}, []string{"nanjing", "wuxi"}},
		{"admin1 code case", index.Query{Region: []string{" cn.04"}}, []string{"nanjing", "wuxi"}},
		{"admin1 code other", index.Query{Region: []string{"CN.23"}}, []string{"shanghai"}},
		{"admin1 code france", index.Query{Region: []string{"FR.84"}}, []string{"lyon", "paris"}},
		{"admin1 code kenya", index.Query{Region: []string{"KE.30"}}, []string{"nairobi"}},
		{"admin1 code of a country", index.Query{Region: []string{"KE.00"}}, nil},
		{"admin1 number alone", index.Query{Region: []string{"04"}}, nil},
		{"id and name", index.Query{Region: []string{"1799962", "Jiangsu"}}, []string{"nanjing"}},
	})
}

// testNear: places within a radius of a point (great-circle distance). Distances from Wuxi:
// Shanghai 117 km, Nanjing 153 km; Paris to Lyon 392 km.
func testNear(t *testing.T, idx index.Index) {
	wuxi := func(km float64) *index.GeoCircle { return &index.GeoCircle{Lat: 31.56887, Lon: 120.28857, Km: km} }
	paris := func(km float64) *index.GeoCircle { return &index.GeoCircle{Lat: 48.85341, Lon: 2.3488, Km: km} }
	checkFilterCases(t, idx, []filterCase{
		{"wuxi 10", index.Query{Near: wuxi(10)}, []string{"wuxi"}},
		{"wuxi 130", index.Query{Near: wuxi(130)}, []string{"shanghai", "wuxi"}},
		{"wuxi 200", index.Query{Near: wuxi(200)}, []string{"nanjing", "shanghai", "wuxi"}},
		{"paris 10", index.Query{Near: paris(10)}, []string{"paris"}},
		{"paris 380", index.Query{Near: paris(380)}, []string{"paris"}},
		{"paris 400", index.Query{Near: paris(400)}, []string{"lyon", "paris"}},
		{"lyon 5", index.Query{Near: &index.GeoCircle{Lat: 45.75, Lon: 4.85, Km: 5}}, []string{"lyon", "paris"}},
		{"atlantic", index.Query{Near: &index.GeoCircle{Lat: 0, Lon: -30, Km: 500}}, nil},
		{"and lang", index.Query{Near: wuxi(200), Lang: []string{"de"}}, []string{"nanjing"}},
		{"and region", index.Query{Near: paris(400), Region: []string{"Île-de-France"}}, []string{"paris"}},
	})
}

// testMoney: currencies as ISO codes, and the largest figure in USD where the text states it or a
// USD restatement implies the rate (the fixtures' EUR and KES figures have none).
func testMoney(t *testing.T, idx index.Index) {
	f := func(v float64) *float64 { return &v }
	checkFilterCases(t, idx, []filterCase{
		{"currency", index.Query{Currency: []string{"EUR"}}, []string{"lyon", "nanjing", "paris"}},
		{"currency case", index.Query{Currency: []string{"usd"}}, []string{"nairobi", "wuxi"}},
		{"currencies and", index.Query{Currency: []string{"CNY", "USD"}}, []string{"wuxi"}},
		{"currency none", index.Query{Currency: []string{"JPY"}}, nil},
		{"min 1bn", index.Query{MinUSD: f(1e9)}, []string{"nairobi", "wuxi"}},
		{"min 0: only convertible", index.Query{MinUSD: f(0)}, []string{"nairobi", "wuxi"}},
		{"min 30bn", index.Query{MinUSD: f(30e9)}, []string{"wuxi"}},
		{"min inclusive", index.Query{MinUSD: f(23e9)}, []string{"nairobi", "wuxi"}},
		{"max 30bn", index.Query{MaxUSD: f(30e9)}, []string{"nairobi"}},
		{"max inclusive", index.Query{MaxUSD: f(23e9)}, []string{"nairobi"}},
		{"between", index.Query{MinUSD: f(20e9), MaxUSD: f(25e9)}, []string{"nairobi"}},
		{"max tiny", index.Query{MaxUSD: f(1)}, nil},
		{"and region", index.Query{MinUSD: f(1e9), Region: []string{"China"}}, []string{"wuxi"}},
	})
}

func testEventTypes(t *testing.T, idx index.Index) {
	checkFilterCases(t, idx, []filterCase{
		{"meeting", index.Query{EventType: []string{"meeting"}}, []string{"lyon", "nairobi"}},
		{"case", index.Query{EventType: []string{"STATEMENT"}}, []string{"paris", "wuxi"}},
		{"mention", index.Query{EventType: []string{"economic"}}, []string{"tea"}},
		{"and", index.Query{EventType: []string{"meeting", "statement"}}, nil},
		{"none", index.Query{EventType: []string{"protest"}}, nil},
		{"and lang", index.Query{EventType: []string{"meeting"}, Lang: []string{"fr"}}, []string{"lyon"}},
	})
	res := mustSearch(t, idx, index.Query{EventType: []string{"statement"}, FacetSize: 10})
	if got, want := res.Facets["event_type"], []index.FacetBucket{fb("statement", 2)}; !slices.Equal(got, want) {
		t.Errorf("event_type facet of statement articles = %v; want %v", got, want)
	}
}

// testMentionedDates: an article matches when a date it mentions (Article.Dates: a day, a week by
// its Monday, a month, a year, …) overlaps the range, whatever its publication date.
func testMentionedDates(t *testing.T, idx index.Index) {
	day := func(s string) time.Time { return mustTime(s + "T00:00:00Z") }
	endOf := func(s string) time.Time { return day(s).Add(24*time.Hour - time.Nanosecond) }
	cases := []filterCase{
		{"year 2025", index.Query{MentionsFrom: day("2025-01-01"), MentionsTo: endOf("2025-12-31")},
			[]string{"nanjing", "wuxi"}},
		// wuxi mentions 2023-10-23 and 2025, neither of which overlaps 2024.
		{"year 2024", index.Query{MentionsFrom: day("2024-01-01"), MentionsTo: endOf("2024-12-31")},
			[]string{"lithium", "shanghai"}},
		{"open end", index.Query{MentionsFrom: day("2024-06-01")}, []string{"lithium", "nanjing", "shanghai", "wuxi"}},
		{"open start", index.Query{MentionsTo: endOf("2023-09-30")}, []string{"nairobi", "tea"}},
		{"inside a month", index.Query{MentionsFrom: day("2023-09-15"), MentionsTo: endOf("2023-09-15")},
			[]string{"tea"}},
		{"inside a week", index.Query{MentionsFrom: day("2023-10-20"), MentionsTo: endOf("2023-10-20")},
			[]string{"lithium"}},
		{"week end", index.Query{MentionsFrom: day("2023-11-05"), MentionsTo: endOf("2023-11-05")},
			[]string{"paris"}},
		{"gap", index.Query{MentionsFrom: day("2023-10-27"), MentionsTo: endOf("2023-10-28")}, nil},
		{"last instant of a day", index.Query{MentionsFrom: mustTime("2023-10-29T23:59:59Z"),
			MentionsTo: mustTime("2023-10-29T23:59:59Z")}, []string{"shanghai"}},
		{"end is exclusive", index.Query{MentionsFrom: day("2023-10-30"), MentionsTo: day("2023-10-30")},
			[]string{"lyon", "paris"}},
		{"and published", index.Query{MentionsFrom: day("2025-01-01"), To: mustTime("2023-10-24T00:00:00Z")},
			[]string{"wuxi"}},
	}
	// The expectations agree with the rule as index.DateSpan.Overlaps states it.
	for _, tc := range cases {
		var want []string
		for name := range fixtureURLs {
			a := fixturesNamed(name)[0]
			if !tc.q.To.IsZero() && a.Published.After(tc.q.To) {
				continue
			}
			if slices.ContainsFunc(index.KeysOf(a).Mentioned, func(d index.DateSpan) bool {
				return d.Overlaps(tc.q.MentionsFrom, tc.q.MentionsTo)
			}) {
				want = append(want, name)
			}
		}
		if !slices.Equal(sorted(want), sorted(tc.want)) {
			t.Fatalf("suite bug: %s wants %v but DateSpan.Overlaps gives %v", tc.name, sorted(tc.want), sorted(want))
		}
	}
	checkFilterCases(t, idx, cases)
}

// wantFacets computes the facets of arts the way the suite's contract says they must come out.
func wantFacets(arts []*article.Article, size int) map[string][]index.FacetBucket {
	counts := map[string]map[string]int{}
	for _, name := range index.FacetNames {
		counts[name] = map[string]int{}
	}
	for _, a := range arts {
		k := index.KeysOf(a)
		for name, vals := range map[string][]string{
			"person": k.Persons, "org": k.Orgs, "place": k.Places, "region": k.Region, "country": k.Country,
			"source": {a.Source}, "event": k.Events, "lang": {a.Language},
			"currency": k.Currencies, "event_type": k.EventTypes, index.FacetTag: k.Tags,
		} {
			for _, v := range vals {
				counts[name][v]++
			}
		}
	}
	out := map[string][]index.FacetBucket{}
	for name, c := range counts {
		b := []index.FacetBucket{}
		for k, n := range c {
			b = append(b, index.FacetBucket{Key: k, Count: n})
		}
		sort.Slice(b, func(i, j int) bool {
			if b[i].Count != b[j].Count {
				return b[i].Count > b[j].Count
			}
			return b[i].Key < b[j].Key
		})
		if len(b) > size {
			b = b[:size]
		}
		out[name] = b
	}
	return out
}

func fixturesNamed(names ...string) []*article.Article {
	var out []*article.Article
	for _, a := range Fixtures() {
		for _, n := range names {
			if a.ID == fixtureID(n) {
				out = append(out, a)
			}
		}
	}
	return out
}

func testFacets(t *testing.T, idx index.Index) {
	// Spelled out once, so a change to the fixtures or KeysOf shows here.
	res := mustSearch(t, idx, index.Query{Size: 1})
	for name, want := range map[string][]index.FacetBucket{
		"country": {fb("China", 4), fb("France", 2), fb("Kenya", 2)},
		"lang":    {fb("en", 6), fb("de", 1), fb("fr", 1)},
		"region": {fb("Auvergne-Rhône-Alpes", 2), fb("Jiangsu", 2), fb("Guangdong", 1), fb("Mombasa County", 1),
			fb("Nairobi County", 1), fb("Shanghai", 1), fb("Île-de-France", 1)},
		"currency":   {fb("EUR", 3), fb("USD", 2), fb("CNY", 1), fb("KES", 1)},
		"event_type": {fb("meeting", 2), fb("statement", 2), fb("economic", 1)},
		"tag": {fb("kind:newspaper", 4), fb("collection:europe", 3), fb("country:GB", 3), fb("country:FR", 2),
			fb("kind:wire", 2), fb("collection:asia-press", 1), fb("country:DE", 1), fb("country:HK", 1), fb("kind:broadcast", 1),
			fb("language:de", 1)},
	} {
		if got := res.Facets[name]; !slices.Equal(got, want) {
			t.Errorf("facet %s = %v; want %v", name, got, want)
		}
	}
	if res.Total != len(Fixtures()) || len(res.Hits) != 1 {
		t.Errorf("Search(size 1) total %d, %d hits; want %d, 1 (facets count the whole set)",
			res.Total, len(res.Hits), len(Fixtures()))
	}

	for _, tc := range []struct {
		name string
		q    index.Query
		arts []*article.Article
		size int
	}{
		{"all", index.Query{FacetSize: 100}, Fixtures(), 100},
		{"default size", index.Query{}, Fixtures(), index.DefaultFacetSize},
		{"top 2", index.Query{FacetSize: 2}, Fixtures(), 2},
		{"region China", index.Query{Region: []string{"china"}, FacetSize: 100},
			fixturesNamed("wuxi", "shanghai", "nanjing", "lithium"), 100},
		{"text", index.Query{Text: "battery", FacetSize: 100}, fixturesNamed("wuxi", "lithium"), 100},
		{"no match", index.Query{Text: "zeppelin", FacetSize: 100}, nil, 100},
	} {
		tc.q.Size = 1
		res := mustSearch(t, idx, tc.q)
		want := wantFacets(tc.arts, tc.size)
		for _, name := range index.FacetNames {
			got := res.Facets[name]
			if got == nil {
				got = []index.FacetBucket{}
			}
			if !slices.Equal(got, want[name]) {
				t.Errorf("%s: facet %s = %v; want %v", tc.name, name, got, want[name])
			}
		}
	}
	if res := mustSearch(t, idx, index.Query{FacetSize: -1}); len(res.Facets) != 0 {
		t.Errorf("FacetSize -1: facets = %v; want none", res.Facets)
	}
	// Only the facets asked for, counted as when all are.
	res = mustSearch(t, idx, index.Query{Size: 1, FacetSize: 100, Facets: []string{"source", "person", "colour"}})
	want := wantFacets(Fixtures(), 100)
	if len(res.Facets) != 2 || !slices.Equal(res.Facets["source"], want["source"]) || !slices.Equal(res.Facets["person"], want["person"]) {
		t.Errorf("facets source and person: %v; want only %v and %v", res.Facets, want["source"], want["person"])
	}
}

// byDate is the fixtures, newest first.
var byDate = []string{"paris", "lyon", "nanjing", "shanghai", "tea", "wuxi", "lithium", "nairobi"}

func testSortDate(t *testing.T, idx index.Index) {
	for _, tc := range []struct {
		q    index.Query
		want []string
	}{
		{index.Query{}, byDate},
		{index.Query{Sort: "date"}, byDate},
		{index.Query{Sort: "date", Region: []string{"China"}}, []string{"nanjing", "shanghai", "wuxi", "lithium"}},
		// By relevance lithium (three mentions) would come first.
		{index.Query{Sort: "date", Text: "lithium OR battery"}, []string{"wuxi", "lithium"}},
	} {
		if got := searchNames(t, idx, tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%+v) order = %v; want newest first %v", tc.q, got, tc.want)
		}
	}
}

func testPaging(t *testing.T, idx index.Index) {
	var all []string
	for page := 1; page <= 4; page++ {
		q := index.Query{Sort: "date", Page: page, Size: 3, FacetSize: -1}
		res := mustSearch(t, idx, q)
		if res.Total != len(byDate) {
			t.Errorf("page %d: total = %d; want %d", page, res.Total, len(byDate))
		}
		wantLen := min(3, max(0, len(byDate)-(page-1)*3))
		if len(res.Hits) != wantLen {
			t.Errorf("page %d: %d hits; want %d", page, len(res.Hits), wantLen)
		}
		all = append(all, names(res.Hits)...)
	}
	if !slices.Equal(all, byDate) {
		t.Errorf("pages 1-4 of size 3 = %v; want %v", all, byDate)
	}
	// Page 0 means page 1; Size 0 means DefaultSize.
	if got := searchNames(t, idx, index.Query{Sort: "date", Page: 0, Size: 2}); !slices.Equal(got, byDate[:2]) {
		t.Errorf("page 0 = %v; want %v", got, byDate[:2])
	}
	if res := mustSearch(t, idx, index.Query{Size: 0}); len(res.Hits) != len(byDate) {
		t.Errorf("size 0: %d hits; want all %d (DefaultSize)", len(res.Hits), len(byDate))
	}
}

func testHighlights(t *testing.T, idx index.Index) {
	res := mustSearch(t, idx, index.Query{Text: "battery", FacetSize: -1})
	got := map[string]map[string][]string{}
	for i, n := range names(res.Hits) {
		got[n] = res.Hits[i].Highlight
	}
	for _, tc := range []struct{ hit, field string }{{"wuxi", "title"}, {"wuxi", "text"}, {"lithium", "text"}} {
		frags := got[tc.hit][tc.field]
		if !slices.ContainsFunc(frags, func(f string) bool {
			return strings.Contains(strings.ToLower(f), "<mark>battery</mark>")
		}) {
			t.Errorf("highlight %s.%s = %q; want a fragment with <mark>battery</mark>", tc.hit, tc.field, frags)
		}
	}
	if frags := got["lithium"]["title"]; len(frags) != 0 {
		t.Errorf("highlight lithium.title = %q; want none (no match in the title)", frags)
	}
	res = mustSearch(t, idx, index.Query{FacetSize: -1})
	for _, h := range res.Hits {
		if len(h.Highlight) != 0 {
			t.Errorf("hit %s without a text query has highlights %v", h.ID, h.Highlight)
		}
	}
}

func testTimeline(t *testing.T, idx index.Index) {
	for _, tc := range []struct {
		name string
		q    index.Query
		want []index.TimeBucket
	}{
		{"day", index.Query{Interval: "day"}, []index.TimeBucket{tb("2023-09-04", 1), tb("2023-10-16", 1),
			tb("2023-10-23", 1), tb("2023-10-24", 1), tb("2023-10-25", 1), tb("2023-10-26", 1), tb("2023-10-30", 1),
			tb("2023-10-31", 1)}},
		{"week", index.Query{Interval: "week"}, []index.TimeBucket{tb("2023-09-04", 1), tb("2023-10-16", 1),
			tb("2023-10-23", 4), tb("2023-10-30", 2)}},
		{"month", index.Query{Interval: "month"}, []index.TimeBucket{tb("2023-09-01", 1), tb("2023-10-01", 7)}},
		{"week filtered", index.Query{Interval: "week", Region: []string{"China"}},
			[]index.TimeBucket{tb("2023-10-16", 1), tb("2023-10-23", 3)}},
		{"day range", index.Query{Interval: "day", From: mustTime("2023-10-24T00:00:00Z"),
			To: mustTime("2023-10-26T00:00:00Z")}, []index.TimeBucket{tb("2023-10-24", 1), tb("2023-10-25", 1)}},
		{"text", index.Query{Interval: "week", Text: "battery"}, []index.TimeBucket{tb("2023-10-16", 1), tb("2023-10-23", 1)}},
		{"empty", index.Query{Interval: "day", Text: "zeppelin"}, nil},
	} {
		tc.q.Size, tc.q.FacetSize = 1, -1
		res := mustSearch(t, idx, tc.q)
		if !slices.Equal(res.Timeline, tc.want) {
			t.Errorf("%s: timeline = %v; want %v", tc.name, res.Timeline, tc.want)
		}
	}
	if res := mustSearch(t, idx, index.Query{}); res.Timeline != nil {
		t.Errorf("no interval: timeline = %v; want none", res.Timeline)
	}
	if _, err := idx.Search(t.Context(), index.Query{Interval: "fortnight"}); err == nil {
		t.Errorf("interval fortnight: no error; want one")
	}
}

func testWithText(t *testing.T, idx index.Index) {
	fixtures := map[string]*article.Article{}
	for _, a := range Fixtures() {
		fixtures[a.ID] = a
	}
	for _, withText := range []bool{false, true} {
		for _, q := range []index.Query{{WithText: withText}, {Text: "battery", WithText: withText}} {
			res := mustSearch(t, idx, q)
			if len(res.Hits) == 0 {
				t.Fatalf("Search(%+v): no hits", q)
			}
			for _, h := range res.Hits {
				want := *fixtures[h.ID]
				if !withText {
					want.Text = ""
				}
				if g, w := mustJSON(t, h.Article), mustJSON(t, &want); g != w {
					t.Errorf("WithText=%v: hit %s =\n%s\nwant\n%s", withText, h.ID, g, w)
				}
			}
		}
	}
}

// copyFixture returns fixture n modulo 8 under a new URL (and so a new id), with a marker word in
// the title.
func copyFixture(n int) *article.Article {
	a := Fixtures()[n%len(Fixtures())]
	a.URL = fmt.Sprintf("https://example.com/copy/%d", n)
	a.CanonicalURL, a.ID = a.URL, article.IDFor(a.URL)
	a.Title += " copycat"
	return a
}

func testConcurrent(t *testing.T, idx index.Index) {
	const writers, batches, perBatch = 4, 3, 5
	ctx, cancel := context.WithCancel(t.Context())
	var wg, readers sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				var batch []*article.Article
				for i := range perBatch {
					n := (w*batches+b)*perBatch + i
					batch = append(batch, copyFixture(n))
				}
				if err := idx.Put(ctx, batch); err != nil {
					t.Errorf("writer %d: Put: %v", w, err)
					return
				}
			}
		})
	}
	for r := range 2 {
		readers.Go(func() {
			for i := 0; i < 50 && ctx.Err() == nil; i++ { // bounded: the CPU is shared
				q := index.Query{Text: "copycat", Region: []string{"china"}, Interval: "week"}
				if r == 1 {
					q = index.Query{Sort: "date", Size: 5}
				}
				if _, err := idx.Search(ctx, q); err != nil && ctx.Err() == nil {
					t.Errorf("reader %d: Search: %v", r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	cancel()
	readers.Wait()
	total, inChina := writers*batches*perBatch, 0
	for n := range total {
		if slices.Contains(index.KeysOf(copyFixture(n)).Country, "China") {
			inChina++
		}
	}
	WaitFor(t, idx, index.Query{}, total)
	WaitFor(t, idx, index.Query{Text: "copycat"}, total)
	WaitFor(t, idx, index.Query{Region: []string{"China"}}, inChina)
}

func fb(key string, count int) index.FacetBucket { return index.FacetBucket{Key: key, Count: count} }

func tb(key string, count int) index.TimeBucket { return index.TimeBucket{Key: key, Count: count} }
