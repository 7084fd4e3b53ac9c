// Package eval holds the scorers behind `newsmon eval` (Article, NER, Money, Dates, Quotes, Geo,
// Events, Docs): the readers for the labelled corpora's formats, precision/recall/F1 counting, and
// each scorer's Report, whose last text line is the CLI contract's. It measures; it never changes
// what an extractor does, and it imports no extractor: the command hands each scorer the product's
// extractors (a ChainOf, a Find function, a Tagger), so what is scored is what newsmon runs — and
// the extractors' own tests can use these readers and counts without an import cycle.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
)

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP, FP, FN int
}

// Add accumulates another count.
func (c *PRF) Add(o PRF) { c.TP, c.FP, c.FN = c.TP+o.TP, c.FP+o.FP, c.FN+o.FN }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when nothing was expected.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c PRF) F1() float64 { return F1(c.Precision(), c.Recall()) }

// F1 of a precision and a recall; 0 when both are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// prfOf returns the count of key t in m, adding an empty one first if there is none.
func prfOf(m map[string]*PRF, t string) *PRF {
	p, ok := m[t]
	if !ok {
		p = &PRF{}
		m[t] = p
	}
	return p
}

// sortedKeys lists the keys of a per-type or per-split table, sorted, so reports print in a stable order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for t := range m {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Metrics is what a scorer reports: JSON-friendly, printed with --json.
type Metrics map[string]any

// Round4 rounds to 4 decimals for printing.
func Round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// WriteJSON prints m as one JSON object on one line.
func WriteJSON(w io.Writer, m any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("write metrics: %w", err)
	}
	return nil
}
