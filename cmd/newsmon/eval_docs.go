package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/internal/progress"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/event"
)

// cmdEvalDocs scores the realistic evaluation set (test/evaldocs/README.md): whole documents,
// annotated by hand, each rebuilt from --data (or the demo stories) and run through the full
// extractor chain as `newsmon analyze --text --published DATE` does, then scored on entities,
// places, speakers, dates, money and event types. Tune and aside documents are reported apart and
// the last line summarises aside; misses are listed for tune documents only, unless aside is asked
// for by name, so the held-aside third stays unread while the work is tuned.
func cmdEvalDocs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval docs", stderr)
	data := fs.String("data", "", "the shared data folder the documents come from (../shared/data)")
	set := fs.String("set", "test/evaldocs", "folder of the annotation files (*.jsonl)")
	demoDir := fs.String("demo", "internal/demo/site/articles", "folder of the demo stories (demo:<site>/<slug> keys)")
	split := fs.String("split", "all", "documents to score: tune|aside|all")
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	verbose := fs.Bool("verbose", false, "list every miss per tune document (aside documents only with --split aside)")
	check := fs.Bool("check", false, "only check the annotations against the texts (strings not found, values outside the format); run nothing")
	dump := fs.String("dump", "", "only write each document's text as the scorer reads it to DIR/<key with ':' and '/' as '_'>.txt (never commit them)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *split != "tune" && *split != "aside" && *split != "all" {
		return usageError{fmt.Errorf("usage: newsmon eval docs --data DIR [--split tune|aside|all] [--json] [--set DIR] [--verbose]")}
	}
	all, err := eval.ReadDocSet(*set)
	if err != nil {
		return err
	}
	var docs []*eval.DocGold
	needData := false
	for _, d := range all {
		if *split == "all" || d.Split == *split {
			docs = append(docs, d)
			needData = needData || !d.IsDemo()
		}
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval docs: no %s documents in %s/*.jsonl", *split, *set)
	}
	if needData && *data == "" {
		return usageError{fmt.Errorf("eval docs: --data is required: the set holds documents of ../shared/data")}
	}
	texts := &eval.DocTexts{DataDir: *data, DemoDir: *demoDir}
	if *dump != "" {
		return dumpDocTexts(docs, texts, *dump)
	}
	if *check {
		return checkDocs(docs, texts, *split == "aside", stdout)
	}
	chain, _, err := defaultChain()
	if err != nil {
		return err
	}
	bar := progress.New(stderr, "eval docs", len(docs))
	var took time.Duration
	analyze := func(ctx context.Context, d eval.DocText) (*article.Article, error) {
		start := time.Now()
		a := article.FromText(d.Text, "file:///evaldocs/"+d.Key, time.Now().UTC())
		pub := d.Published
		a.Published = &pub
		err := chain.Run(ctx, a)
		took += time.Since(start)
		bar.Add(1)
		return a, err
	}
	results, err := eval.RunDocs(ctx, docs, texts, analyze)
	bar.Done()
	if err != nil {
		return err
	}

	groups := map[string]*eval.DocCounts{}
	group := func(name string) *eval.DocCounts {
		g, ok := groups[name]
		if !ok {
			c := eval.NewDocCounts()
			g = &c
			groups[name] = g
		}
		return g
	}
	for _, r := range results {
		group(r.Split).Add(r.Counts)
		if r.Demo {
			group("demo").Add(r.Counts)
		}
	}
	if *asJSON {
		m := eval.Metrics{"docs": len(results), "split": *split, "analyse_ms": eval.Round4(took.Seconds() * 1000)}
		for name, g := range groups {
			m[name] = g.Metrics()
		}
		return eval.WriteJSON(stdout, m)
	}
	if *verbose {
		for _, r := range results {
			if r.Split == "aside" && *split != "aside" {
				continue
			}
			fmt.Fprintf(stdout, "%s (%s): %d misses\n", r.Key, r.Split, len(r.Misses))
			for _, m := range r.Misses {
				fmt.Fprintf(stdout, "  %s\n", m)
			}
		}
	}
	fmt.Fprintf(stdout, "docs=%d analyse=%s\n", len(results), took.Round(time.Millisecond))
	// Aside last: its summary is the command's last line.
	for _, name := range []string{"demo", "tune", "aside"} {
		if g, ok := groups[name]; ok {
			g.WriteText(stdout, name)
		}
	}
	return nil
}

// dumpDocTexts writes the texts the scorer reads, to compare them with tools/evaldocs/select.py --dump.
func dumpDocTexts(docs []*eval.DocGold, texts *eval.DocTexts, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval docs --dump: %w", err)
	}
	for _, d := range docs {
		t, err := texts.Text(d)
		if err != nil {
			return err
		}
		name := strings.NewReplacer(":", "_", "/", "_").Replace(d.Doc) + ".txt"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(t.Text), 0o644); err != nil {
			return fmt.Errorf("eval docs --dump: %w", err)
		}
	}
	return nil
}

// checkDocs reports annotation problems per document: their number always, the problems themselves
// only for documents whose details may be read (tune, or aside when asked for by name).
func checkDocs(docs []*eval.DocGold, texts *eval.DocTexts, showAside bool, stdout io.Writer) error {
	types := append(slices.Clone(event.Types), event.TypeConference, event.TypeSports)
	total := 0
	for _, d := range docs {
		t, err := texts.Text(d)
		if err != nil {
			return err
		}
		a := article.FromText(t.Text, "file:///evaldocs/"+d.Doc, time.Now().UTC())
		problems := eval.CheckDoc(d, a.Text, types)
		total += len(problems)
		if len(problems) == 0 {
			continue
		}
		fmt.Fprintf(stdout, "%s (%s, %s): %d annotation problems\n", d.Doc, d.Split, d.Where, len(problems))
		if d.Split == "aside" && !showAside {
			continue
		}
		for _, p := range problems {
			fmt.Fprintf(stdout, "  %s\n", p)
		}
	}
	fmt.Fprintf(stdout, "docs=%d annotation_problems=%d\n", len(docs), total)
	if total > 0 {
		return fmt.Errorf("eval docs --check: %d annotation problems", total)
	}
	return nil
}
