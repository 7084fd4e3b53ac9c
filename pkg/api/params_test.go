package api

import (
	"context"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/index"
)

// FuzzParseQuery checks that no query string panics the parser and that what it accepts stays
// within the bounds the index is promised.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{"", "q=x&page=2&size=500", "from=2023-10-01&to=2023-10-01", "to=2023-02-30",
		"page=99999999999999999999", "size=-0", "person=%00&region=%ff", "sort=date&text=YES", "facets=-1",
		"near=1,2,3&region=123&currency=eur&min_usd=1&max_usd=2&mentions_from=2023&mentions_to=2023-Q4"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseQuery(v)
		if err != nil {
			return
		}
		if q.Page < 1 || q.Size < 0 || q.Size > index.MaxSize || q.Page*q.Size > maxDepth {
			t.Errorf("parseQuery(%q) accepted page %d size %d", raw, q.Page, q.Size)
		}
		if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
			t.Errorf("parseQuery(%q) accepted from after to", raw)
		}
		if q.Near != nil && q.Near.Validate() != nil {
			t.Errorf("parseQuery(%q) accepted near %+v", raw, *q.Near)
		}
		if q.MinUSD != nil && q.MaxUSD != nil && *q.MinUSD > *q.MaxUSD {
			t.Errorf("parseQuery(%q) accepted min_usd above max_usd", raw)
		}
	})
}

func TestParseQueryNewFilters(t *testing.T) {
	t.Parallel()
	f := func(v float64) *float64 { return &v }
	day := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		raw  string
		want index.Query // only the fields under test; the rest must be zero
	}{
		{"near=31.57,120.29,50", index.Query{Near: &index.GeoCircle{Lat: 31.57, Lon: 120.29, Km: 50}}},
		{"near=+-1.5 , 36.8 ,0.5", index.Query{Near: &index.GeoCircle{Lat: -1.5, Lon: 36.8, Km: 0.5}}},
		{"region=Jiangsu&region=1790923&region=0001814991&region=CN.04",
			index.Query{Region: []string{"Jiangsu", "1790923", "1814991", "CN.04"}}},
		{"region=-5", index.Query{Region: []string{"-5"}}}, // not an id: a name that matches nothing
		{"currency=eur&currency=USD", index.Query{Currency: []string{"EUR", "USD"}}},
		{"min_usd=1e9", index.Query{MinUSD: f(1e9)}},
		{"min_usd=0&max_usd=2500000.5", index.Query{MinUSD: f(0), MaxUSD: f(2500000.5)}},
		{"min_usd=5&max_usd=5", index.Query{MinUSD: f(5), MaxUSD: f(5)}},
		{"event_type=protest&event_type=+visit+", index.Query{EventType: []string{"protest", "visit"}}},
		{"mentions_from=2023-10-23&mentions_to=2023-10-23", index.Query{MentionsFrom: day("2023-10-23T00:00:00Z"),
			MentionsTo: day("2023-10-24T00:00:00Z").Add(-time.Nanosecond)}},
		{"mentions_from=2024&mentions_to=2024-Q3", index.Query{MentionsFrom: day("2024-01-01T00:00:00Z"),
			MentionsTo: day("2024-10-01T00:00:00Z").Add(-time.Nanosecond)}},
		{"mentions_to=2023-10", index.Query{MentionsTo: day("2023-11-01T00:00:00Z").Add(-time.Nanosecond)}},
		{"mentions_from=2023-10-23T10:00:00%2B08:00", index.Query{MentionsFrom: day("2023-10-23T10:00:00+08:00")}},
		{"tag=country:CN&tag=kind:wire&collection=asia-press", index.Query{Tag: []string{"country:CN", "kind:wire", "collection:asia-press"}}},
		{"tag=owner:a:b", index.Query{Tag: []string{"owner:a:b"}}},
	} {
		v, err := url.ParseQuery(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseQuery(v)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tc.raw, err)
			continue
		}
		// Defaults of the parameters not under test.
		tc.want.Page, tc.want.Size, tc.want.FacetSize = 1, index.DefaultSize, index.DefaultFacetSize
		if !got.MentionsFrom.Equal(tc.want.MentionsFrom) || !got.MentionsTo.Equal(tc.want.MentionsTo) {
			t.Errorf("parseQuery(%q): mentions %v..%v; want %v..%v", tc.raw, got.MentionsFrom, got.MentionsTo,
				tc.want.MentionsFrom, tc.want.MentionsTo)
		}
		got.MentionsFrom, got.MentionsTo, tc.want.MentionsFrom, tc.want.MentionsTo = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseQuery(%q) =\n %+v\nwant\n %+v", tc.raw, got, tc.want)
		}
	}
}

func TestParseQueryNewFiltersInvalid(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ raw, want string }{
		{"near=31.57,120.29", "want lat,lon,km"},
		{"near=31.57,120.29,50,1", "want lat,lon,km"},
		{"near=a,b,c", "want lat,lon,km"},
		{"near=91,0,10", "latitude"},
		{"near=0,180.5,10", "longitude"},
		{"near=0,0,0", "radius"},
		{"near=0,0,-1", "radius"},
		{"near=0,0,NaN", "radius"},
		{"near=0,0,1e9", "radius"},
		{"region=0", "GeoNames id"},
		{"region=99999999999999999999", "GeoNames id"},
		{"currency=US", "ISO 4217"},
		{"currency=US$", "ISO 4217"},
		{"currency=dollars", "ISO 4217"},
		{"min_usd=-1", "min_usd"},
		{"min_usd=lots", "min_usd"},
		{"max_usd=Inf", "max_usd"},
		{"min_usd=10&max_usd=5", "more than max_usd"},
		{"mentions_from=yesterday", "mentions_from"},
		{"mentions_to=2023-13", "mentions_to"},
		{"mentions_from=2023-10-01/2023-10-05", "mentions_from"},
		{"mentions_from=2024&mentions_to=2023", "after mentions_to"},
		{"tag=CN", "want key:value"},
		{"tag=country:", "want key:value"},
		{"tag=:CN", "want key:value"},
	} {
		v, err := url.ParseQuery(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseQuery(v); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseQuery(%q) error = %v; want one mentioning %q", tc.raw, err, tc.want)
		}
	}
}

// recordingSearcher keeps the last query it was asked.
type recordingSearcher struct {
	Searcher
	last index.Query
}

func (r *recordingSearcher) Search(_ context.Context, q index.Query) (*index.Result, error) {
	r.last = q
	return &index.Result{}, nil
}

func TestRegionCodeSearcher(t *testing.T) {
	t.Parallel()
	codes := map[int]string{1814991: "CN", 1806260: "CN.04"}
	code := func(id int) (string, bool) { c, ok := codes[id]; return c, ok }
	named := func(name string) (string, bool) { return "CN.04", name == "江苏" }
	for _, tc := range []struct{ in, want []string }{
		{[]string{"1814991"}, []string{"CN"}},
		{[]string{"Jiangsu", "1806260", "1790923"}, []string{"Jiangsu", "CN.04", "1790923"}}, // a city stays an id
		{[]string{"江苏", "无锡"}, []string{"CN.04", "无锡"}},                                      // another script's region name becomes its code
		{[]string{"CN"}, []string{"CN"}},
		{nil, nil},
	} {
		rec := &recordingSearcher{}
		in := slices.Clone(tc.in)
		if _, err := (regionCodeSearcher{Searcher: rec, code: code, named: named}).Search(t.Context(), index.Query{Region: in}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rec.last.Region, tc.want) {
			t.Errorf("regions %v searched as %v; want %v", tc.in, rec.last.Region, tc.want)
		}
		if !slices.Equal(in, tc.in) {
			t.Errorf("regions %v: the caller's slice changed to %v", tc.in, in)
		}
	}
}

// TestRegionCodeWiring: Config.RegionCode reaches every search through New; bad new parameters
// are 400s.
func TestRegionCodeWiring(t *testing.T) {
	rec := &recordingSearcher{}
	h, err := New(Config{Searcher: rec, RegionCode: func(id int) (string, bool) { return "CN", id == 1814991 }})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{
		"/api/search?region=1814991&near=31.5,120.3,20&currency=cny&min_usd=1e9&event_type=visit": 200,
		"/api/search?near=31.5,120.3":     400,
		"/api/search?max_usd=-3":          400,
		"/api/search?mentions_to=someday": 400,
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != want {
			t.Errorf("GET %s = %d %s; want %d", path, w.Code, w.Body, want)
		}
	}
	want := index.Query{Region: []string{"CN"}, Near: &index.GeoCircle{Lat: 31.5, Lon: 120.3, Km: 20},
		Currency: []string{"CNY"}, EventType: []string{"visit"}}
	if got := rec.last; !slices.Equal(got.Region, want.Region) || !reflect.DeepEqual(got.Near, want.Near) ||
		!slices.Equal(got.Currency, want.Currency) || !slices.Equal(got.EventType, want.EventType) ||
		got.MinUSD == nil || *got.MinUSD != 1e9 {
		t.Errorf("searched %+v; want %+v with MinUSD 1e9", got, want)
	}
}

func TestFacetParam(t *testing.T) {
	q, err := parseQuery(url.Values{"facet": {"person,org", " source "}})
	if err != nil || !reflect.DeepEqual(q.Facets, []string{"person", "org", "source"}) {
		t.Errorf("facet=person,org&facet=source: %v, %v", q.Facets, err)
	}
	if _, err := parseQuery(url.Values{"facet": {"person,colour"}}); err == nil {
		t.Errorf("facet=colour: no error")
	}
}

// TestParamsFirstProblem pins the 400 messages the handlers gave when each checked its parameters
// by hand, and that the first bad parameter in reading order is the one reported.
func TestParamsFirstProblem(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		query string
		read  func(p *params)
		want  string // "" for no problem
	}{
		{"format=xml", func(p *params) { p.choice("format", "json", "json", "gexf", "graphml", "csv") },
			`format "xml": want json, gexf, graphml or csv`},
		{"interval=year", func(p *params) { p.choice("interval", "day", "day", "week", "month") },
			`interval "year": want day, week or month`},
		{"format=json", func(p *params) { p.choice("format", "jsonl", "csv", "jsonl") },
			`format "json": want csv or jsonl`},
		{"format=tsv", func(p *params) { p.csv() }, `format "tsv": want json or csv`},
		{"size=0&format=tsv", func(p *params) { p.int("size", 10, 1, 100); p.csv() },
			`size "0": want an integer from 1 to 100`},
		{"format=tsv&from=soon", func(p *params) { p.filters(); p.csv() }, `from "soon": want RFC 3339 or YYYY-MM-DD`},
		{"size=500&page=9&format=csv", func(p *params) { p.int("size", 10, 1, 1000); p.csv(); p.filters() }, ""},
	} {
		v, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		p := params{v: v}
		c.read(&p)
		got := ""
		if p.err != nil {
			got = p.err.Error()
		}
		if got != c.want {
			t.Errorf("%s: problem %v; want %q", c.query, p.err, c.want)
		}
	}
}
