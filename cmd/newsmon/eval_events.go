package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/event"
)

// cmdEvalEvents scores the event extractor on an annotated JSONL file of paragraphs
// (internal/eval/events.go describes the format; pkg/extract/event/testdata/events.jsonl is ours).
// Each paragraph goes through the default extractor chain as `newsmon analyze --text` does, then
// the event extractor when the chain lacks it. Trigger+type is scored per type (a predicted event
// matches a gold one of the same type whose trigger overlaps one of its trigger mentions); date and
// place attachment are accuracies over the matched events where gold or prediction has a value.
func cmdEvalEvents(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval events", stderr)
	data := fs.String("data", "", "JSONL file of annotated paragraphs")
	split := fs.String("split", "", "score only paragraphs of this split (dev|test|test2); default all, with a line per split")
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	verbose := fs.Bool("v", false, "list every miss, spurious event and wrong attachment")
	dump := fs.Bool("dump", false, "print each paragraph's predicted events (JSON lines) before the scores")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		return usageError{fmt.Errorf("usage: newsmon eval events --data FILE.jsonl [--split dev|test] [--json] [-v]")}
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	docs, err := eval.ReadEventDocs(f, *data)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	chain, gaz, err := defaultChain()
	if err != nil {
		return err
	}
	var ex *event.Extractor
	if !slices.Contains(chain.Names(), "event") {
		ex = event.NewWithGazetteer(gaz)
	}
	all := eval.NewEventScore()
	bySplit := map[string]*eval.EventScore{}
	var took time.Duration
	n := 0
	for _, d := range docs {
		if *split != "" && d.Split != *split {
			continue
		}
		a := article.FromText(d.Text, "file:///eval/"+d.ID, time.Now().UTC())
		if d.Published != "" {
			t, err := parseDate(d.Published)
			if err != nil {
				return fmt.Errorf("eval events %s: %s: published: %w", *data, d.ID, err)
			}
			a.Published = &t
		}
		if err := chain.Run(ctx, a); err != nil {
			return err
		}
		if ex != nil {
			start := time.Now()
			if err := ex.Extract(ctx, a); err != nil {
				return err
			}
			took += time.Since(start)
		}
		all.Add(d, a.Events)
		if *dump {
			if err := eval.WriteJSON(stdout, map[string]any{"id": d.ID, "events": a.Events}); err != nil {
				return err
			}
		}
		if d.Split != "" {
			s, ok := bySplit[d.Split]
			if !ok {
				s = eval.NewEventScore()
				bySplit[d.Split] = s
			}
			s.Add(d, a.Events)
		}
		n++
	}
	if *asJSON {
		m := all.Metrics()
		m["paragraphs"] = n
		for name, s := range bySplit {
			m["split_"+name] = s.Metrics()
		}
		return eval.WriteJSON(stdout, m)
	}
	if *verbose {
		for _, e := range all.Errors {
			fmt.Fprintln(stdout, e)
		}
	}
	names := make([]string, 0, len(bySplit))
	for name := range bySplit {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if s := bySplit[name]; *split == "" {
			t := s.Total()
			fmt.Fprintf(stdout, "split %s: f1=%.4f p=%.4f r=%.4f date_accuracy=%.4f place_accuracy=%.4f named_f1=%.4f\n",
				name, t.F1(), t.Precision(), t.Recall(), s.DateAccuracy(), s.PlaceAccuracy(), s.Named.F1())
		}
	}
	all.WriteText(stdout, "type")
	fmt.Fprintf(stdout, "paragraphs=%d event_stage=%s\n", n, took.Round(time.Microsecond))
	t := all.Total()
	fmt.Fprintf(stdout, "events f1=%.4f date_accuracy=%.4f place_accuracy=%.4f\n", t.F1(), all.DateAccuracy(), all.PlaceAccuracy())
	return nil
}
