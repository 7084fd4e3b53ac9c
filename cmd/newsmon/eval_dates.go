package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/dates"
)

// cmdEvalDates scores the dates extractor on a JSONL file of sentences with their publication date
// and expected expressions (pkg/extract/dates/testdata/news_dates.jsonl): span F1 by exact span
// match, and the share of expected expressions found with the exact span, value and grain
// (internal/eval/dates.go).
func cmdEvalDates(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := newJSONLEval("dates", "JSONL file: {input, published, source?, expected: [{text, start, end, value, grain}]}",
		"list every miss, spurious date and wrong value", stderr)
	f, err := e.open(args, "[--json] [-v]")
	if err != nil {
		return err
	}
	defer f.Close()
	data, asJSON, verbose := e.data, e.asJSON, e.verbose
	cases, err := eval.ReadDateCases(f)
	if err != nil {
		return fmt.Errorf("eval dates %s: %w", *data, err)
	}
	ex := dates.New()
	var score eval.DateScore
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		ref, err := time.Parse(time.DateOnly, c.Published)
		if err != nil {
			return fmt.Errorf("eval dates %s: published %q: %w", *data, c.Published, err)
		}
		score.ScoreDates(c, ex.FindFrom(c.Input, ref, c.Source))
	}
	if *asJSON {
		m := score.Metrics()
		m["cases"] = len(cases)
		return eval.WriteJSON(stdout, m)
	}
	if *verbose {
		for _, e := range score.Errors {
			fmt.Fprintln(stdout, e)
		}
	}
	fmt.Fprintf(stdout, "cases=%d dates=%d tp=%d fp=%d fn=%d precision=%.4f recall=%.4f\n", len(cases), score.Mentions,
		score.Spans.TP, score.Spans.FP, score.Spans.FN, score.Spans.Precision(), score.Spans.Recall())
	fmt.Fprintf(stdout, "dates f1=%.4f resolved_accuracy=%.4f\n", score.Spans.F1(), score.ResolvedAccuracy())
	return nil
}
