package index_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/index/bleve"
)

// A Query combines full text with filters; Region matches a place or anything inside it, so a
// story about Wuxi is found by region Jiangsu. Every backend (here the embedded bleve one) answers
// the same Query the same way.
func ExampleQuery() {
	dir, err := os.MkdirTemp("", "newsmon-index-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	idx, err := bleve.Open(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer idx.Close()

	ctx := context.Background()
	day := func(d int) *time.Time { t := time.Date(2023, 10, d, 8, 0, 0, 0, time.UTC); return &t }
	wuxi := article.Place{Name: "Wuxi", GeonameID: 1790923, Feature: "city", CountryCode: "CN", Country: "China",
		Admin1Code: "04", Admin1: "Jiangsu", Lat: 31.57, Lon: 120.29}
	lyon := article.Place{Name: "Lyon", GeonameID: 2996944, Feature: "city", CountryCode: "FR", Country: "France",
		Admin1Code: "84", Admin1: "Auvergne-Rhône-Alpes", Lat: 45.75, Lon: 4.85}
	batch := []*article.Article{
		{ID: "a1", Title: "Battery plant for Wuxi", Text: "A battery maker will build a factory in Wuxi.",
			Source: "Daily Ledger", Language: "en", Published: day(23), Places: []article.Place{wuxi}},
		{ID: "a2", Title: "Battery recycling in Lyon", Text: "A battery recycler opened a site near Lyon.",
			Source: "Le Quotidien", Language: "en", Published: day(24), Places: []article.Place{lyon}},
	}
	for _, a := range batch {
		a.Normalize()
	}
	if err := idx.Put(ctx, batch); err != nil { // idempotent: the article id is the document id
		fmt.Println(err)
		return
	}

	res, err := idx.Search(ctx, index.Query{Text: "battery", Region: []string{"Jiangsu"}, Facets: []string{"source"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total:", res.Total)
	for _, h := range res.Hits {
		fmt.Println("hit:", h.ID, h.Title)
	}
	for _, b := range res.Facets["source"] {
		fmt.Println("source:", b.Key, b.Count)
	}

	res, err = idx.Search(ctx, index.Query{Text: "battery", Sort: "date"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Println("newest first:", h.ID, h.Published.Format("2006-01-02"))
	}
	// Output:
	// total: 1
	// hit: a1 Battery plant for Wuxi
	// source: Daily Ledger 1
	// newest first: a2 2023-10-24
	// newest first: a1 2023-10-23
}
