package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsmon/newsmon/internal/progress"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Merge scores cross-document entity merging (pkg/index's Merger) on test/entitymerge: people and
// organisations named in real articles, each mention string with the identity a reader gives it.
// Each document's text is rebuilt from the shared data (as eval docs does) and run through the
// extractor chain; a mention is predicted to be the entity of its article whose mentions hold it,
// then merged with index.NewMerger over all documents of its split, as a facet over those
// articles would merge them. Precision and recall are pairwise over mentions: of the pairs put in
// one entity, how many are one identity; of the pairs of one identity, how many were put
// together. The same figures without cross-document merging (names compared as the index
// compares them) show what the merger adds.
type Merge struct {
	Set, DemoDir string  // folder of the mention files (*.jsonl); folder of the demo stories
	Chain        ChainOf // builds the chain the mentions' entities come from
	Verbose      bool    // list the tune split's wrong merges and missed pairs
}

// MergeGold is one document's labelled mentions.
type MergeGold struct {
	Doc       string         `json:"doc"`
	Split     string         `json:"split"`
	Published string         `json:"published,omitempty"`
	Mentions  []MergeMention `json:"mentions"`
}

// MergeMention is a mention string of a person or organisation with its identity across
// documents.
type MergeMention struct {
	Text string `json:"text"`
	Type string `json:"type"`
	ID   string `json:"id"`
}

// mergeExtractors are what the merger's input comes from: the names (with the in-document
// resolution) and the places that serve as context.
var mergeExtractors = []string{"ner", "geo"}

// Score scores the set's mentions whose texts come from dataDir (../shared/data).
func (x Merge) Score(ctx context.Context, dataDir string, _, stderr io.Writer) (*Report, error) {
	golds, err := readMergeSet(x.Set)
	if err != nil {
		return nil, err
	}
	chain, err := x.Chain(mergeExtractors)
	if err != nil {
		return nil, err
	}
	texts := &DocTexts{DataDir: dataDir, DemoDir: x.DemoDir}
	bar := progress.New(stderr, "eval merge", len(golds))
	arts := make([]*article.Article, len(golds))
	for i, g := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		published := g.Published
		if published == "" && !strings.HasPrefix(g.Doc, "demo:") {
			published = "2016-01-01" // no date resolution is scored here
		}
		dt, err := texts.Text(&DocGold{Doc: g.Doc, Published: published, Where: x.Set})
		if err != nil {
			return nil, err
		}
		a := article.FromText(dt.Text, "file:///entitymerge/"+g.Doc, time.Now().UTC())
		a.Published = &dt.Published
		if err := chain.Run(ctx, a); err != nil {
			return nil, fmt.Errorf("eval merge %s: %w", g.Doc, err)
		}
		arts[i] = a
		bar.Add(1)
	}
	bar.Done()
	r := &Report{Metrics: Metrics{"documents": len(golds)}}
	var tune, aside mergeCounts
	for _, split := range []string{"tune", "aside"} {
		c := scoreMergeSplit(golds, arts, split)
		r.Metrics[split] = c.metrics()
		if split == "tune" {
			tune = c
		} else {
			aside = c
		}
	}
	if x.Verbose {
		r.Lines(tune.errors)
	}
	r.Printf("split=tune (tuned on): %s\n", tune.line())
	r.Printf("split=aside (held aside): %s\n", aside.line())
	r.Printf("merge split=aside precision=%.4f recall=%.4f f1=%.4f\n", aside.merged.Precision(), aside.merged.Recall(), aside.merged.F1())
	return r, nil
}

// readMergeSet reads every *.jsonl of dir.
func readMergeSet(dir string) ([]MergeGold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("eval merge: no *.jsonl in %s", dir)
	}
	var out []MergeGold
	for _, f := range files {
		gs, err := readFile("merge", f, func(r io.Reader) ([]MergeGold, error) {
			var gs []MergeGold
			sc := bufio.NewScanner(r)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for n := 1; sc.Scan(); n++ {
				if strings.TrimSpace(sc.Text()) == "" {
					continue
				}
				var g MergeGold
				if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
					return nil, fmt.Errorf("line %d: %w", n, err)
				}
				gs = append(gs, g)
			}
			return gs, sc.Err()
		})
		if err != nil {
			return nil, err
		}
		out = append(out, gs...)
	}
	return out, nil
}

// mergeCounts are the pairwise counts of one split, with and without cross-document merging.
type mergeCounts struct {
	mentions, found int
	merged, plain   PRF // every pair of mentions
	cross           PRF // pairs from two documents, merged: what the merger alone decides
	errors          []string
}

func (c mergeCounts) metrics() Metrics {
	return Metrics{"mentions": c.mentions, "found": c.found,
		"precision": Round4(c.merged.Precision()), "recall": Round4(c.merged.Recall()), "f1": Round4(c.merged.F1()),
		"no_merge_precision": Round4(c.plain.Precision()), "no_merge_recall": Round4(c.plain.Recall()),
		"cross_document_precision": Round4(c.cross.Precision()), "cross_document_recall": Round4(c.cross.Recall())}
}

func (c mergeCounts) line() string {
	return fmt.Sprintf("mentions=%d found=%d precision=%.4f recall=%.4f f1=%.4f cross_document_precision=%.4f cross_document_recall=%.4f (no cross-document merging: precision=%.4f recall=%.4f)",
		c.mentions, c.found, c.merged.Precision(), c.merged.Recall(), c.merged.F1(), c.cross.Precision(), c.cross.Recall(),
		c.plain.Precision(), c.plain.Recall())
}

// scoredMention is a gold mention with the entity ids predicted for it: plain (the article's
// name, as the index compares names) and merged; both empty when no entity of the article holds
// it.
type scoredMention struct {
	doc, text, gold string
	plain, merged   string
}

// scoreMergeSplit predicts each mention of the split's documents and counts the pairs.
func scoreMergeSplit(golds []MergeGold, arts []*article.Article, split string) mergeCounts {
	var docs []index.MergeDoc
	for i, g := range golds {
		if g.Split == split {
			docs = append(docs, index.MergeDocOf(arts[i]))
		}
	}
	m := index.NewMerger(docs)
	var ms []scoredMention
	for i, g := range golds {
		if g.Split != split {
			continue
		}
		for _, gm := range g.Mentions {
			s := scoredMention{doc: g.Doc, text: gm.Text, gold: gm.Type + ":" + gm.ID}
			if e, ok := entityHolding(arts[i], gm); ok {
				s.plain = index.EntityID(e.Type, e.Name)
				s.merged = m.Canonical(s.plain)
			}
			ms = append(ms, s)
		}
	}
	c := mergeCounts{mentions: len(ms)}
	for _, s := range ms {
		if s.plain != "" {
			c.found++
		}
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i], ms[j]
			same := a.gold == b.gold
			countPair(&c.plain, same, a.plain != "" && a.plain == b.plain)
			together := a.merged != "" && a.merged == b.merged
			countPair(&c.merged, same, together)
			if a.doc != b.doc {
				countPair(&c.cross, same, together)
			}
			if a.doc != b.doc && together != same && (together || a.merged != "" && b.merged != "") {
				c.errors = append(c.errors, pairError(a, b, together))
			}
		}
	}
	sort.Strings(c.errors)
	return c
}

func countPair(p *PRF, same, together bool) {
	switch {
	case same && together:
		p.TP++
	case together:
		p.FP++
	case same:
		p.FN++
	}
}

func pairError(a, b scoredMention, together bool) string {
	what := "missed"
	if together {
		what = "wrong"
	}
	return fmt.Sprintf("merge %s: %q (%s → %s) and %q (%s → %s)", what, a.text, a.doc, a.merged, b.text, b.doc, b.merged)
}

// entityHolding is the article's person or organisation one of whose mentions is the string (or
// whose name is), of the mention's type when one is.
func entityHolding(a *article.Article, gm MergeMention) (article.Entity, bool) {
	want := normName(gm.Text)
	best, found := article.Entity{}, false
	for _, e := range a.Entities {
		if e.Type != article.TypePerson && e.Type != article.TypeOrg {
			continue
		}
		holds := normName(e.Name) == want
		for _, m := range e.Mentions {
			holds = holds || normName(m.Text) == want
		}
		if holds && (!found || e.Type == gm.Type && best.Type != gm.Type) {
			best, found = e, true
		}
	}
	return best, found
}
