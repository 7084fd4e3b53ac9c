package extract_test

import (
	"context"
	"fmt"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/money"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// A Chain runs extractors in pipeline order over one article: each fills its own fields and may
// read what earlier ones filled (geo reads the PLACE entities ner found). The Observer sees how
// long each took, for metrics.
func ExampleChain() {
	gaz, err := geo.Default() // the embedded gazetteer: ner asks it what is a place, geo resolves with it
	if err != nil {
		fmt.Println(err)
		return
	}
	ran := []string{}
	chain := extract.NewChain(func(name string, took time.Duration, err error) { ran = append(ran, name) },
		ner.New(gaz), geo.NewResolver(gaz), money.New())

	a := &article.Article{ID: "a1", Text: "Tesla will invest $2 billion in a new factory in Shanghai, " +
		"the company said on Monday. Chief executive Elon Musk visited Beijing last week."}
	if err := chain.Run(context.Background(), a); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("ran:", ran)
	for _, e := range a.Entities {
		fmt.Println("entity:", e.Type, e.Name)
	}
	for _, p := range a.Places {
		fmt.Println("place:", p.Name, p.Admin1, p.CountryCode, p.GeonameID)
	}
	for _, m := range a.Money {
		fmt.Printf("money: %s = %.0f %s\n", m.Text, m.Amount, m.Currency)
	}
	// Output:
	// ran: [ner geo money]
	// entity: PLACE Shanghai
	// entity: PERSON Elon Musk
	// entity: PLACE Beijing
	// place: Shanghai Shanghai CN 1796236
	// place: Beijing Beijing CN 1816670
	// money: $2 billion = 2000000000 USD
}
