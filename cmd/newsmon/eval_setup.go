package main

import (
	"flag"
	"slices"
	"strings"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/dates"
	"github.com/newsmon/newsmon/pkg/extract/event"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/extract/money"
	"github.com/newsmon/newsmon/pkg/extract/quote"
	"github.com/newsmon/newsmon/pkg/geo"
)

// The setups of the scorer table (eval.go): each declares a scorer's own flags and hands it the
// product's extractors, so that internal/eval measures what newsmon runs without importing it.

// evalChain builds the chain a scorer runs: the named extractors in order, nil for the default
// chain. The gazetteer is loaded only when ner or geo runs.
func evalChain(names []string) (eval.Chain, error) {
	if names == nil {
		chain, _, err := extractors.Default()
		return chain, err
	}
	var gaz *geo.Gazetteer
	if slices.Contains(names, "ner") || slices.Contains(names, "geo") {
		var err error
		if gaz, err = geo.Default(); err != nil {
			return nil, err
		}
	}
	return extractors.Build(names, gaz, nil)
}

func setupEvalArticle(fs *flag.FlagSet) scorer {
	s := &eval.Article{}
	fs.IntVar(&s.Worst, "worst", 0, "also list the N pages with the lowest F1")
	fs.StringVar(&s.Predictions, "predictions", "", "write the extracted bodies to this file in the benchmark's prediction format")
	return s
}

func setupEvalMoney(fs *flag.FlagSet) scorer {
	s := &eval.Money{Find: money.FindIn}
	fs.BoolVar(&s.Verbose, "v", false, "list every miss, spurious sum and wrong value")
	return s
}

func setupEvalDates(fs *flag.FlagSet) scorer {
	s := &eval.Dates{Find: dates.New().FindIn}
	fs.BoolVar(&s.Verbose, "v", false, "list every miss, spurious date and wrong value")
	return s
}

func setupEvalQuotes(fs *flag.FlagSet) scorer {
	s := &eval.Quotes{Chain: evalChain, Quote: quote.New()}
	fs.Func("extractors", "extractor chain to run, in order (must include quote) (default "+strings.Join(extractors.Names(), ",")+")",
		func(v string) error { s.Extractors = strings.Split(v, ","); return nil })
	s.Extractors = extractors.Names()
	fs.StringVar(&s.ShowErrors, "errors", "", "print the scoring errors of these kinds to stderr: missed,spurious,partial,speaker")
	return s
}

func setupEvalGeo(fs *flag.FlagSet) scorer {
	s := &eval.Geo{Chain: evalChain}
	fs.BoolVar(&s.GoldMentions, "gold-mentions", false, "resolve the expected mentions (given as entities) instead of the NER tagger's: resolution alone")
	fs.Bool("ner", false, "ignored: the NER tagger finds the places unless --gold-mentions is given (kept for scripts)")
	fs.BoolVar(&s.Verbose, "v", false, "list every wrong, unresolved and spurious place")
	fs.BoolVar(&s.Admin1, "admin1", false, "also score first-level regions: a line per split with place_admin1_accuracy (the annotations' admin1 names)")
	return s
}

func setupEvalEvents(fs *flag.FlagSet) scorer {
	s := &eval.Events{Chain: evalChain, EventStage: func() (eval.Extractor, error) {
		gaz, err := geo.Default()
		return event.NewWithGazetteer(gaz), err
	}}
	fs.StringVar(&s.Split, "split", "", "score only paragraphs of this split (dev|test|test2|test3); default all, with a line per split")
	fs.BoolVar(&s.Verbose, "v", false, "list every miss, spurious event and wrong attachment")
	fs.BoolVar(&s.Dump, "dump", false, "print each paragraph's predicted events (JSON lines) before the scores")
	return s
}

func setupEvalDocs(fs *flag.FlagSet) scorer {
	s := &eval.Docs{Chain: evalChain, EventTypes: append(slices.Clone(event.Types), event.TypeConference, event.TypeSports)}
	fs.StringVar(&s.Set, "set", "test/evaldocs", "folder of the annotation files (*.jsonl)")
	fs.StringVar(&s.DemoDir, "demo", "internal/demo/site/articles", "folder of the demo stories (demo:<site>/<slug> keys)")
	fs.StringVar(&s.Split, "split", "all", "documents to score: tune|aside|all")
	fs.StringVar(&s.Part, "part", "", "score only the documents of this annotation file of the set (NAME.jsonl, e.g. fresh: batch 2)")
	fs.BoolVar(&s.Verbose, "verbose", false, "list every miss per tune document (aside documents only with --split aside)")
	fs.BoolVar(&s.Check, "check", false, "only check the annotations against the texts (strings not found, values outside the format); run nothing")
	fs.StringVar(&s.Dump, "dump", "", "only write each document's text as the scorer reads it to DIR/<key with ':' and '/' as '_'>.txt (never commit them)")
	return s
}
