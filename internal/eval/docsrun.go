package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/progress"
	"github.com/newsmon/newsmon/pkg/article"
)

// Docs scores the realistic evaluation set (test/evaldocs/README.md): whole documents, annotated
// by hand, each rebuilt from DataDir (or the demo stories) and run through the full extractor
// chain as `newsmon analyze --text --published DATE` does, then scored on entities, places,
// speakers, dates, money and event types. Tune and aside documents are reported apart and the
// last line summarises aside; misses are listed for tune documents only, unless aside is asked for
// by name, so the held-aside third stays unread while the work is tuned.
type Docs struct {
	Set, DemoDir string   // folder of the annotation files (*.jsonl); folder of the demo stories
	Split        string   // documents to score: tune|aside|all
	Part         string   // only the documents of this annotation file (name without .jsonl); "" = all
	Verbose      bool     // list every miss per tune document (aside documents only with Split aside)
	Check        bool     // only check the annotations against the texts; run nothing
	Dump         string   // only write each document's text as the scorer reads it to this folder
	Chain        ChainOf  // builds the default chain
	EventTypes   []string // the event types an annotation may name (for Check)
}

// Score scores the documents of the set whose texts come from dataDir (../shared/data).
func (x Docs) Score(ctx context.Context, dataDir string, stdout, stderr io.Writer) (*Report, error) {
	if x.Split != "tune" && x.Split != "aside" && x.Split != "all" {
		return nil, fmt.Errorf("%w: newsmon eval docs --data DIR [--split tune|aside|all] [--part NAME] [--json] [--set DIR] [--verbose]", ErrUsage)
	}
	docs, err := x.documents(dataDir)
	if err != nil {
		return nil, err
	}
	texts := &DocTexts{DataDir: dataDir, DemoDir: x.DemoDir}
	if x.Dump != "" {
		return nil, dumpDocTexts(docs, texts, x.Dump)
	}
	if x.Check {
		return nil, checkDocs(docs, texts, x.EventTypes, x.Split == "aside", stdout)
	}
	chain, err := x.Chain(nil)
	if err != nil {
		return nil, err
	}
	bar := progress.New(stderr, "eval docs", len(docs))
	var took time.Duration
	analyze := func(ctx context.Context, d DocText) (*article.Article, error) {
		start := time.Now()
		a := article.FromText(d.Text, "file:///evaldocs/"+d.Key, time.Now().UTC())
		pub := d.Published
		a.Published = &pub
		err := chain.Run(ctx, a)
		took += time.Since(start)
		bar.Add(1)
		return a, err
	}
	results, err := RunDocs(ctx, docs, texts, analyze)
	bar.Done()
	if err != nil {
		return nil, err
	}
	return x.report(results, took), nil
}

// documents are the set's documents of the asked split; DataDir must be given when one of them
// comes from the shared data.
func (x Docs) documents(dataDir string) ([]*DocGold, error) {
	all, err := ReadDocSet(x.Set)
	if err != nil {
		return nil, err
	}
	var docs []*DocGold
	needData := false
	for _, d := range all {
		// A part (one annotation file, such as a fresh batch) is scored alone so that its figures
		// are not averaged with documents already tuned on.
		if x.Part != "" && !strings.HasPrefix(d.Where, x.Part+".jsonl:") {
			continue
		}
		if x.Split == "all" || d.Split == x.Split {
			docs = append(docs, d)
			needData = needData || !d.IsDemo()
		}
	}
	if len(docs) == 0 && x.Part != "" {
		return nil, fmt.Errorf("eval docs: no %s documents in %s/%s.jsonl", x.Split, x.Set, x.Part)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("eval docs: no %s documents in %s/*.jsonl", x.Split, x.Set)
	}
	if needData && dataDir == "" {
		return nil, fmt.Errorf("%w: eval docs: --data is required: the set holds documents of ../shared/data", ErrUsage)
	}
	return docs, nil
}

// report groups the results by split (and the demo stories apart) and prints aside last: its
// summary is the command's last line.
func (x Docs) report(results []DocResult, took time.Duration) *Report {
	groups := map[string]*DocCounts{}
	group := func(name string) *DocCounts {
		g, ok := groups[name]
		if !ok {
			c := NewDocCounts()
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
	r := &Report{Metrics: Metrics{"docs": len(results), "split": x.Split, "analyse_ms": Round4(took.Seconds() * 1000)}}
	for name, g := range groups {
		r.Metrics[name] = g.Metrics()
	}
	if x.Verbose {
		for _, res := range results {
			if res.Split == "aside" && x.Split != "aside" {
				continue
			}
			r.Printf("%s (%s): %d misses\n", res.Key, res.Split, len(res.Misses))
			for _, m := range res.Misses {
				r.Printf("  %s\n", m)
			}
		}
	}
	r.Printf("docs=%d analyse=%s\n", len(results), took.Round(time.Millisecond))
	for _, name := range []string{"demo", "tune", "aside"} {
		if g, ok := groups[name]; ok {
			g.WriteText(&r.Text, name)
		}
	}
	return r
}

// dumpDocTexts writes the texts the scorer reads, to compare them with tools/evaldocs/select.py --dump.
func dumpDocTexts(docs []*DocGold, texts *DocTexts, dir string) error {
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
func checkDocs(docs []*DocGold, texts *DocTexts, eventTypes []string, showAside bool, stdout io.Writer) error {
	total := 0
	for _, d := range docs {
		t, err := texts.Text(d)
		if err != nil {
			return err
		}
		a := article.FromText(t.Text, "file:///evaldocs/"+d.Doc, time.Now().UTC())
		problems := CheckDoc(d, a.Text, eventTypes)
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
