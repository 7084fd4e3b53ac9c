package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/geo"
)

// cmdEvalGeo scores place resolution on a JSONL file of texts with their expected places
// (internal/eval/geo.go): country accuracy and exact GeoNames-id accuracy over the expected
// mentions. By default the resolver gets the expected mentions as PLACE entities, so it measures
// resolution alone; --ner runs the NER tagger first and measures both together.
func cmdEvalGeo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := newJSONLEval("geo", "JSONL file: {text, url?, places: [{mention, geonameid, country_code}]}",
		"list every wrong, unresolved and spurious place", stderr)
	withNER := e.fs.Bool("ner", false, "find the places with the NER tagger instead of taking the expected mentions")
	f, err := e.open(args, "[--json] [-v] [--ner]")
	if err != nil {
		return err
	}
	defer f.Close()
	data, asJSON, verbose := e.data, e.asJSON, e.verbose
	cases, err := eval.ReadGeoCases(f)
	if err != nil {
		return fmt.Errorf("eval geo %s: %w", *data, err)
	}
	gaz, err := geo.Default()
	if err != nil {
		return err
	}
	extractors := []string{"geo"}
	if *withNER {
		extractors = []string{"ner", "geo"}
	}
	chain, err := buildChain(extractors, gaz, nil)
	if err != nil {
		return err
	}
	var score eval.GeoScore
	var took time.Duration
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := c.GoldArticle()
		if *withNER {
			a = &article.Article{ID: "eval", URL: c.URL, CanonicalURL: c.URL, Text: c.Text}
		}
		start := time.Now()
		if err := chain.Run(ctx, a); err != nil {
			return fmt.Errorf("eval geo: %w", err)
		}
		took += time.Since(start)
		score.ScoreGeo(c, a.Places)
	}
	if *asJSON {
		m := score.Metrics()
		m["cases"] = len(cases)
		m["ner"] = *withNER
		return eval.WriteJSON(stdout, m)
	}
	if *verbose {
		for _, e := range score.Errors {
			fmt.Fprintln(stdout, e)
		}
	}
	fmt.Fprintf(stdout, "cases=%d mentions=%d negatives=%d/%d unresolved=%d resolve=%s\n", len(cases), score.Mentions,
		score.NegativesOK, score.Negatives, score.Unresolved, took.Round(time.Microsecond))
	fmt.Fprintf(stdout, "geo country_accuracy=%.4f id_accuracy=%.4f\n", score.CountryAccuracy(), score.IDAccuracy())
	return nil
}
