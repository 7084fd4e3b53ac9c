package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/quote"
	"github.com/newsmon/newsmon/pkg/geo"
)

// cmdEvalQuotes scores the quote extractor on an attribution corpus (PolNeAR JSONL layout): each
// article's text goes through the product's extractor chain, as `newsmon analyze --text` does, and
// the quotes found are compared with the annotated attributions (see eval.QuoteScorer for how).
func cmdEvalQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval quotes", stderr)
	data := fs.String("data", "", "attribution corpus, one JSON article per line (required)")
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	chainFlag := fs.String("extractors", strings.Join(extractorNames, ","), "extractor chain to run, in order (must include quote)")
	showErrors := fs.String("errors", "", "print the scoring errors of these kinds to stderr: missed,spurious,partial,speaker")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return usageError{fmt.Errorf("usage: newsmon eval quotes --data FILE.jsonl [--json]")}
	}
	f, err := os.Open(*data)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := eval.ReadQuoteDocs(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", *data, err)
	}
	names := strings.Split(*chainFlag, ",")
	if !slices.Contains(names, "quote") {
		return usageError{fmt.Errorf("--extractors must include quote, got %q", *chainFlag)}
	}
	var gaz *geo.Gazetteer
	for _, n := range names {
		if n == "geo" || n == "ner" {
			if gaz, err = geo.Default(); err != nil {
				return err
			}
			break
		}
	}
	chain, err := buildChain(names, gaz, nil)
	if err != nil {
		return err
	}
	sc := &eval.QuoteScorer{KeepErrors: *showErrors != ""}
	analysed := make([]*article.Article, 0, len(docs))
	for _, d := range docs {
		a := article.FromText(d.Text, "https://eval.invalid/"+d.ID, time.Time{})
		a.Text = d.Text // the gold offsets point into the corpus text exactly as given
		if err := chain.Run(ctx, a); err != nil {
			return fmt.Errorf("article %s: %w", d.ID, err)
		}
		sc.Add(d, a.Quotes)
		analysed = append(analysed, a)
	}
	// The quote extractor on its own, over the same articles and entities: CPU time is the honest
	// measure on a shared machine; wall time is printed too.
	qx := quote.New()
	cpu0, wall0 := eval.ProcessCPU(), time.Now()
	for _, a := range analysed {
		if err := qx.Extract(ctx, a); err != nil {
			return err
		}
	}
	cpu, wall := eval.ProcessCPU()-cpu0, time.Since(wall0)
	if *showErrors != "" {
		want := map[string]bool{}
		for _, k := range strings.Split(*showErrors, ",") {
			want[k] = true
		}
		for _, e := range sc.Errors {
			if want[e.What] {
				fmt.Fprintf(stderr, "%s %s %s\n  gold: %q [%s]\n  got:  %q [%s]\n  context: %q\n", e.What, e.Kind, e.Doc, e.Gold, e.GoldSpk, e.Got, e.GotSpk, e.Context)
			}
		}
	}

	total := sc.Total()
	rate := func(d time.Duration) float64 {
		if d <= 0 {
			return 0
		}
		return float64(len(docs)) / d.Seconds()
	}
	m := eval.Metrics{
		"articles": len(docs), "speech_cues": eval.SpeechCues(),
		"direct": sc.Direct.Metrics(), "indirect": sc.Indirect.Metrics(),
		"content_f1": eval.Round4(total.F1()), "speaker_accuracy": eval.Round4(total.SpeakerAccuracy()),
		"quote_articles_per_cpu_second": math.Round(rate(cpu)), "quote_articles_per_wall_second": math.Round(rate(wall)),
	}
	if *asJSON {
		return eval.WriteJSON(stdout, m)
	}
	fmt.Fprintf(stdout, "speech cues (an indirect attribution is scored when its cue contains one): %s\n",
		strings.Join(eval.SpeechCues(), ", "))
	fmt.Fprintf(stdout, "articles=%d quote extractor alone: %.0f articles/s of CPU time (%.0f articles/s wall)\n", len(docs), rate(cpu), rate(wall))
	for _, k := range []struct {
		name string
		c    eval.QuoteCounts
	}{{"direct", sc.Direct}, {"indirect", sc.Indirect}} {
		fmt.Fprintf(stdout, "%-8s gold=%d found=%d predicted=%d content_p=%.4f content_r=%.4f content_f1=%.4f speaker_accuracy=%.4f (of %d)\n",
			k.name, k.c.Gold, k.c.Found, k.c.Predicted, k.c.Precision(), k.c.Recall(), k.c.F1(), k.c.SpeakerAccuracy(), k.c.SpeakerChecked)
	}
	fmt.Fprintf(stdout, "quotes content_f1=%.4f speaker_accuracy=%.4f direct_content_f1=%.4f direct_speaker_accuracy=%.4f indirect_content_f1=%.4f indirect_speaker_accuracy=%.4f\n",
		total.F1(), total.SpeakerAccuracy(), sc.Direct.F1(), sc.Direct.SpeakerAccuracy(), sc.Indirect.F1(), sc.Indirect.SpeakerAccuracy())
	return nil
}
