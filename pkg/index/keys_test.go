package index_test

import (
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

func TestRegionKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		p    article.Place
		want []string
	}{
		{article.Place{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China",
			Admin1Code: "04", Admin1: "Jiangsu"}, []string{"Wuxi", "1790923", "Jiangsu", "CN.04", "China", "CN"}},
		{article.Place{Name: "China", GeonameID: 1814991, Feature: "country", CountryCode: "CN", Country: "China"},
			[]string{"China", "1814991", "China", "CN"}},
		{article.Place{Name: "Monaco", GeonameID: 2993458, CountryCode: "MC", Country: "Monaco", Admin1Code: "00"},
			[]string{"Monaco", "2993458", "Monaco", "MC"}},
		{article.Place{Name: "Atlantis"}, []string{"Atlantis"}},
	} {
		if got := index.RegionKeys(tc.p); !slices.Equal(got, tc.want) {
			t.Errorf("RegionKeys(%s) = %q; want %q", tc.p.Name, got, tc.want)
		}
	}
}

func TestKeysOfDerivedFields(t *testing.T) {
	zero := 0
	a := &article.Article{
		Places: []article.Place{
			{Name: "Wuxi", GeonameID: 1790923, CountryCode: "CN", Admin1Code: "04", Lat: 31.56887, Lon: 120.28857},
			{Name: "Nowhere"}, // no coordinates
			{Name: "Bad", Lat: 95, Lon: 10},
		},
		Money: []article.Money{
			{Amount: 250e9, Currency: "CNY"},
			{Amount: 34.23e9, Currency: "USD", EquivalentOf: &zero},
			{Amount: 3e6, AmountMax: 4e6, Currency: "EUR"},
		},
		Events: []article.Event{{Type: "protest"}, {Name: "Expo"}, {Type: "Protest"}, {Type: "visit"},
			{Type: "attack", Background: true}}, // recalled in passing: no event_type of the story
		Dates: []article.Date{
			{Value: "2023-10-23", Grain: "day"},
			{Value: "2023-10-16", Grain: "week"},
			{Value: "2023-Q3", Grain: "quarter"},
			{Value: "2023-10-20/2023-10-23", Grain: "day"},
			{Value: "2023-10-23", Grain: "day"}, // the same span again
			{Value: "next spring"},
		},
	}
	k := index.KeysOf(a)
	if want := []string{"CNY", "USD", "EUR"}; !slices.Equal(k.Currencies, want) {
		t.Errorf("Currencies = %v; want %v", k.Currencies, want)
	}
	if !k.HasUSD || k.USDMax != 34.23e9 {
		t.Errorf("USDMax = %v, %v; want 34.23e9 (the yuan's stated restatement)", k.USDMax, k.HasUSD)
	}
	if want := []string{"protest", "visit"}; !slices.Equal(k.EventTypes, want) {
		t.Errorf("EventTypes = %v; want %v", k.EventTypes, want)
	}
	if want := []index.GeoPoint{{Lat: 31.56887, Lon: 120.28857}}; !slices.Equal(k.Locations, want) {
		t.Errorf("Locations = %v; want %v", k.Locations, want)
	}
	d := func(s string) time.Time { return mustDay(t, s) }
	want := []index.DateSpan{
		{Start: d("2023-10-23"), End: d("2023-10-24")},
		{Start: d("2023-10-16"), End: d("2023-10-23")},
		{Start: d("2023-07-01"), End: d("2023-10-01")},
		{Start: d("2023-10-20"), End: d("2023-10-24")},
	}
	if !slices.Equal(k.Mentioned, want) {
		t.Errorf("Mentioned = %v; want %v", k.Mentioned, want)
	}
	if k := index.KeysOf(&article.Article{Money: []article.Money{{Amount: 5, Currency: "EUR"}}}); k.HasUSD || k.USDMax != 0 {
		t.Errorf("EUR without a rate: USDMax = %v, %v; want none", k.USDMax, k.HasUSD)
	}
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateSpanOverlaps(t *testing.T) {
	t.Parallel()
	oct23 := index.DateSpan{Start: mustDay(t, "2023-10-23"), End: mustDay(t, "2023-10-24")}
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	var open time.Time
	for _, tc := range []struct {
		from, to time.Time
		want     bool
	}{
		{open, open, true},
		{at("2023-10-23T00:00:00Z"), at("2023-10-23T00:00:00Z"), true},
		{at("2023-10-23T23:59:59Z"), open, true},
		{at("2023-10-24T00:00:00Z"), open, false}, // the end is exclusive
		{open, at("2023-10-22T23:59:59Z"), false},
		{open, at("2023-10-23T00:00:00Z"), true}, // the start is inclusive
		{at("2023-10-24T01:00:00+02:00"), open, true},
		{at("2023-01-01T00:00:00Z"), at("2023-12-31T23:59:59Z"), true},
	} {
		if got := oct23.Overlaps(tc.from, tc.to); got != tc.want {
			t.Errorf("Overlaps(%v, %v) = %v; want %v", tc.from, tc.to, got, tc.want)
		}
	}
}
