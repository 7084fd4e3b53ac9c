package geo_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/geo"
)

// place is a PLACE entity for name with its one mention in text, as pkg/extract/ner writes it.
func place(text, name string) article.Entity {
	start := len([]rune(text[:strings.Index(text, name)]))
	return article.Entity{Type: "PLACE", Name: name, Count: 1,
		Mentions: []article.Mention{{Text: name, Start: start, End: start + len([]rune(name))}}}
}

// The Resolver reads the PLACE entities of an article (found by pkg/extract/ner in a pipeline) and
// resolves each to one gazetteer entry, weighing the other places the story names: here "Paris"
// is the town in Texas, not the capital of France.
func ExampleResolver_Extract() {
	gaz, err := geo.Default() // the embedded GeoNames extract
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Storms hit Paris, Texas, on Tuesday, and flooding closed roads around Dallas."
	a := &article.Article{Text: text,
		Entities: []article.Entity{place(text, "Paris"), place(text, "Texas"), place(text, "Dallas")}}
	if err := geo.NewResolver(gaz).Extract(context.Background(), a); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Places {
		fmt.Printf("%s: %s, %s, %s (geonameid %d)\n", p.Name, p.Feature, p.Admin1, p.CountryCode, p.GeonameID)
	}
	// Output:
	// Paris: city, Texas, US (geonameid 4717560)
	// Texas: admin1, Texas, US (geonameid 4736286)
	// Dallas: city, Texas, US (geonameid 4684888)
}
