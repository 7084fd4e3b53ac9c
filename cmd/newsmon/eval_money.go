package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/money"
)

// cmdEvalMoney scores the money extractor on a JSONL file of sentences with expected sums
// (shared/data/money/README.md; our own sets add source, amount_max, approximate, equivalent_of):
// span F1 by exact span match, value accuracy (amount within 0.5%, same currency) over the
// expected mentions (internal/eval/money.go).
func cmdEvalMoney(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := newJSONLEval("money", "JSONL file: {input, expected: [{text, start, end, amount, currency}], source?}",
		"list every miss, spurious sum and wrong value", stderr)
	f, err := e.open(args, "[--json] [-v]")
	if err != nil {
		return err
	}
	defer f.Close()
	data, asJSON, verbose := e.data, e.asJSON, e.verbose
	cases, err := eval.ReadMoneyCases(f)
	if err != nil {
		return fmt.Errorf("eval money %s: %w", *data, err)
	}
	var score eval.MoneyScore
	var took time.Duration
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		got := money.Find(c.Input, c.Source)
		took += time.Since(start)
		score.ScoreMoney(c, got)
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
	fmt.Fprintf(stdout, "cases=%d mentions=%d tp=%d fp=%d fn=%d extract=%s\n", len(cases), score.Mentions,
		score.Spans.TP, score.Spans.FP, score.Spans.FN, took.Round(time.Microsecond))
	if score.RangeTotal+score.ApproxTotal+score.LinkTotal > 0 {
		fmt.Fprintf(stdout, "range_accuracy=%.4f (%d) approx_accuracy=%.4f (%d) link_accuracy=%.4f (%d)\n",
			ratioOf(score.RangeOK, score.RangeTotal), score.RangeTotal, ratioOf(score.ApproxOK, score.ApproxTotal),
			score.ApproxTotal, ratioOf(score.LinkOK, score.LinkTotal), score.LinkTotal)
	}
	fmt.Fprintf(stdout, "money f1=%.4f value_accuracy=%.4f\n", score.Spans.F1(), score.ValueAccuracy())
	return nil
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
