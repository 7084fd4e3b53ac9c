package api

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestGeoCountsArticlesPerPlace(t *testing.T) {
	f := newFixture(t, 0)
	wuxi := article.Place{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China",
		Admin1: "Jiangsu", Lat: 31.57, Lon: 120.29, Mentions: []article.Mention{{Text: "Wuxi"}, {Text: "Wuxi"}}}
	kenya := article.Place{Name: "Kenya", GeonameID: 192950, Feature: "country", CountryCode: "KE", Country: "Kenya",
		Lat: 1, Lon: 38, Mentions: []article.Mention{{Text: "Kenya"}}}
	nowhere := article.Place{Name: "Atlantis", Feature: "other"} // no coordinates: not drawn
	for i := range 250 {                                         // more than one index page
		a := sampleArticle(fmt.Sprintf("g%03d", i))
		a.Places = []article.Place{wuxi}
		if i%5 == 0 {
			a.Places = append(a.Places, kenya, nowhere)
		}
		f.fake.articles = append(f.fake.articles, a)
	}
	code, _, body := f.do(t, "GET", "/api/geo?region=Jiangsu", "")
	if code != 200 {
		t.Fatalf("GET /api/geo = %d %s", code, body)
	}
	var got struct {
		Total, Scanned int
		Places         []geoPlace
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 250 || got.Scanned != 250 {
		t.Errorf("total, scanned = %d, %d; want 250, 250", got.Total, got.Scanned)
	}
	want := []geoPlace{
		{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China", Admin1: "Jiangsu",
			Lat: 31.57, Lon: 120.29, Articles: 250, Mentions: 500},
		{Name: "Kenya", GeonameID: 192950, Feature: "country", CountryCode: "KE", Country: "Kenya", Lat: 1, Lon: 38,
			Articles: 50, Mentions: 50},
	}
	if fmt.Sprint(got.Places) != fmt.Sprint(want) {
		t.Errorf("places:\n got  %+v\n want %+v", got.Places, want)
	}
	if q := f.fake.lastQuery(); len(q.Region) != 1 || q.Region[0] != "Jiangsu" || q.FacetSize != -1 {
		t.Errorf("the map's query = %+v; want the search filters, no facets", q)
	}

	code, _, body = f.do(t, "GET", "/api/geo?limit=10&n=1", "")
	if code != 200 {
		t.Fatalf("GET /api/geo?limit=10 = %d %s", code, body)
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Scanned != 10 || len(got.Places) != 1 || got.Places[0].Articles != 10 {
		t.Errorf("limit=10&n=1: scanned %d, places %+v; want 10 scanned, Wuxi in 10", got.Scanned, got.Places)
	}
	for _, bad := range []string{"/api/geo?limit=0", "/api/geo?n=x", "/api/geo?from=yesterday"} {
		if code, _, body := f.do(t, "GET", bad, ""); code != 400 {
			t.Errorf("GET %s = %d %s; want 400", bad, code, body)
		}
	}
}

func TestSearchHitsCarryTheLead(t *testing.T) {
	f := newFixture(t, 1)
	code, _, body := f.do(t, "GET", "/api/search", "")
	if code != 200 {
		t.Fatalf("GET /api/search = %d %s", code, body)
	}
	var got struct {
		Hits []map[string]any
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Hits) != 1 {
		t.Fatalf("hits = %d; want 1", len(got.Hits))
	}
	if _, ok := got.Hits[0]["text"]; ok {
		t.Error("hit carries the body without text=1")
	}
	if lead, want := got.Hits[0]["lead"], sampleArticle("x").Text; lead != want {
		t.Errorf("lead = %q; want %q", lead, want)
	}
}

func TestLead(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  Short\n\nbody. ", "Short body."},
		{long, strings.TrimSpace(strings.Repeat("word ", 48)) + "…"},
		{strings.Repeat("é", 300), strings.Repeat("é", 240) + "…"},
	} {
		got := lead(tt.in)
		if got != tt.want {
			t.Errorf("lead(%.20q…) = %q; want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > leadRunes+1 {
			t.Errorf("lead(%.20q…) has %d code points; want ≤ %d", tt.in, n, leadRunes+1)
		}
	}
}
