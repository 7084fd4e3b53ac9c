package api

import (
	"encoding/csv"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/index"
)

// "Compare across countries": one series per country of the sources, each bucket's share the
// count over the total of that country's sources in the period.
func TestCompareByCountry(t *testing.T) {
	srv := fixtureServer(t)
	var got struct {
		By       string         `json:"by"`
		Interval string         `json:"interval"`
		Series   []index.Series `json:"series"`
	}
	if code := getJSON(t, srv, "/api/compare?region=China&by=country&interval=month", &got); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	var keys []string
	for _, s := range got.Series {
		keys = append(keys, s.Tag)
		for _, b := range s.Buckets {
			if b.Total == 0 || b.Share != float64(b.Count)/float64(b.Total) {
				t.Errorf("%s bucket %s: share %v; want count/total = %d/%d", s.Tag, b.Key, b.Share, b.Count, b.Total)
			}
		}
	}
	if want := []string{"country:GB", "country:DE", "country:HK"}; !reflect.DeepEqual(keys, want) || got.By != "country" || got.Interval != "month" {
		t.Fatalf("compare = %+v; want series %q by country, month", got, want)
	}
	if gb := got.Series[0]; gb.Value != "GB" || gb.Total != 2 || gb.Background != 3 ||
		!reflect.DeepEqual(gb.Buckets, []index.ShareBucket{{Key: "2023-10-01", Count: 2, Total: 3, Share: 2.0 / 3}}) {
		t.Errorf("GB series = %+v; want 2 of 3 in 2023-10", gb)
	}

	// Values named, in their order; the collection filter narrows the query and the background.
	got.Series = nil
	getJSON(t, srv, "/api/compare?by=Kind&values=broadcast,+newspaper&collection=europe&interval=month", &got)
	if len(got.Series) != 2 || got.Series[0].Tag != "kind:broadcast" || got.Series[0].Total != 1 ||
		got.Series[1].Tag != "kind:newspaper" || got.Series[1].Total != 2 || got.Series[1].Background != 2 {
		t.Errorf("kinds in collection europe = %+v", got.Series)
	}

	res, err := http.Get(srv.URL + "/api/compare?by=country&values=FR&q=nuclear&format=csv&interval=month")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	rows, err := csv.NewReader(res.Body).ReadAll()
	want := [][]string{{"country", "tag", "month", "count", "total", "share"}, {"FR", "country:FR", "2023-10-01", "1", "2", "0.5"}}
	if err != nil || !reflect.DeepEqual(rows, want) {
		t.Errorf("compare CSV = %q, %v; want %q", rows, err, want)
	}
}

func TestCompareRefusesBadParameters(t *testing.T) {
	srv := fixtureServer(t)
	for _, path := range []string{
		"/api/compare",
		"/api/compare?by=coun+try",
		"/api/compare?by=country&limit=21",
		"/api/compare?by=country&interval=year",
		"/api/compare?by=country&tag=CN",
		"/api/compare?by=country&values=" + strings.Repeat("x,", 21),
	} {
		if code := getJSON(t, srv, path, nil); code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 400", path, code)
		}
	}
}
