// Package extractors builds extract.Chains from extractor names: the one place that knows which
// name stands for which extractor package and how each is constructed over the gazetteer. The
// service, analyze, bench and the evals all get their chains here. It does no I/O beyond loading
// the embedded gazetteer (Default).
package extractors

import (
	"fmt"

	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/dates"
	"github.com/newsmon/newsmon/pkg/extract/event"
	"github.com/newsmon/newsmon/pkg/extract/money"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/extract/quote"
	"github.com/newsmon/newsmon/pkg/geo"
)

// Names returns every extractor in its default order: geo needs ner's PLACE entities, quote its
// PERSON entities, and event all of the above (places, dates, money, participants). Each call
// returns a fresh slice, so callers may change theirs.
func Names() []string {
	return []string{"ner", "geo", "money", "dates", "quote", "event"}
}

// Default is every extractor, in pipeline order, over the embedded gazetteer: what `analyze`,
// `bench` and the evals run on an article. The gazetteer comes back for callers that also use it
// themselves.
func Default() (*extract.Chain, *geo.Gazetteer, error) {
	ner.Preload() // decoded beside the gazetteer
	gaz, err := geo.Default()
	if err != nil {
		return nil, nil, err
	}
	chain, err := Build(Names(), gaz, nil)
	return chain, gaz, err
}

// Build constructs the extractors a pipeline names, in its order; observe (nil allowed) receives
// each extractor's time.
func Build(names []string, gaz *geo.Gazetteer, observe extract.Observer) (*extract.Chain, error) {
	var ex []extract.Extractor
	for _, n := range names {
		switch n {
		case "ner":
			ex = append(ex, ner.New(gaz))
		case "geo":
			ex = append(ex, geo.NewResolver(gaz))
		case "money":
			ex = append(ex, money.New())
		case "dates":
			ex = append(ex, dates.New())
		case "quote":
			ex = append(ex, quote.New())
		case "event":
			ex = append(ex, event.NewWithGazetteer(gaz))
		default:
			return nil, fmt.Errorf("unknown extractor %q", n)
		}
	}
	return extract.NewChain(observe, ex...), nil
}
