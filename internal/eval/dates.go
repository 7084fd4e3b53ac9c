package eval

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// DateCase is one line of a dates JSONL file: a sentence, its publication date and publisher host,
// and the date expressions in it.
type DateCase struct {
	Input     string         `json:"input"`
	Published string         `json:"published"` // YYYY-MM-DD, the reference for relative dates
	Source    string         `json:"source,omitempty"`
	Language  string         `json:"language,omitempty"` // BCP 47 tag ("es", "zh"); "" is English
	Expected  []DateExpected `json:"expected"`
}

// DateExpected is one expected expression; offsets are code points, end exclusive.
type DateExpected struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
	Grain string `json:"grain"`
}

// ReadDateCases reads a dates JSONL file.
func ReadDateCases(r io.Reader) ([]DateCase, error) {
	return readJSONL[DateCase](r, "date cases", "", nil)
}

// DateScore is the result of scoring date predictions.
type DateScore struct {
	Spans PRF // exact span match
	// Mentions is the number of expected expressions; Resolved those found with the exact span,
	// value and grain.
	Mentions, Resolved int
	Errors             []string
}

// ResolvedAccuracy is Resolved / Mentions.
func (s DateScore) ResolvedAccuracy() float64 { return ratio(s.Resolved, s.Mentions) }

// Metrics returns the score as printed by --json.
func (s DateScore) Metrics() Metrics {
	return Metrics{
		"f1": Round4(s.Spans.F1()), "precision": Round4(s.Spans.Precision()), "recall": Round4(s.Spans.Recall()),
		"resolved_accuracy": Round4(s.ResolvedAccuracy()), "mentions": s.Mentions, "tp": s.Spans.TP,
		"fp": s.Spans.FP, "fn": s.Spans.FN,
	}
}

// ScoreDates compares the predicted dates of one case with its expected ones and adds to s.
func (s *DateScore) ScoreDates(c DateCase, got []article.Date) {
	type key struct{ start, end int }
	byspan := make(map[key]int, len(got))
	for i, g := range got {
		byspan[key{g.Start, g.End}] = i
	}
	matched := make([]bool, len(got))
	for _, e := range c.Expected {
		s.Mentions++
		gi, ok := byspan[key{e.Start, e.End}]
		if !ok {
			s.Spans.FN++
			s.Errors = append(s.Errors, fmt.Sprintf("missed   %q (%s %s) in %q [%s]", e.Text, e.Value, e.Grain, c.Input, c.Published))
			continue
		}
		matched[gi] = true
		s.Spans.TP++
		if g := got[gi]; g.Value == e.Value && g.Grain == e.Grain {
			s.Resolved++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("value    %q = %s %s; want %s %s [%s]", e.Text, g.Value, g.Grain, e.Value, e.Grain, c.Published))
		}
	}
	for i, g := range got {
		if !matched[i] {
			s.Spans.FP++
			s.Errors = append(s.Errors, fmt.Sprintf("spurious %q (%s %s) in %q", g.Text, g.Value, g.Grain, c.Input))
		}
	}
}

// Dates scores a dates extractor on a JSONL file of sentences with their publication date and
// expected expressions (pkg/extract/dates/testdata/news_dates.jsonl): span F1 by exact span
// match, and the share of expected expressions found with the exact span, value and grain.
type Dates struct {
	// Find is the extractor (dates.Extractor.FindIn): the expressions of text in language,
	// relative ones resolved against published, the source deciding ambiguous day/month orders.
	Find    func(text string, published time.Time, source, language string) []article.Date
	Verbose bool // list every miss, spurious date and wrong value
}

// Score reads the cases of path and scores Find on them.
func (d Dates) Score(ctx context.Context, path string, _, _ io.Writer) (*Report, error) {
	var score DateScore
	cases, err := eachCase(ctx, "dates", path, ReadDateCases, func(c DateCase) error {
		ref, err := time.Parse(time.DateOnly, c.Published)
		if err != nil {
			return fmt.Errorf("eval dates %s: published %q: %w", path, c.Published, err)
		}
		score.ScoreDates(c, d.Find(c.Input, ref, c.Source, c.Language))
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := caseReport(score.Metrics(), cases, d.Verbose, score.Errors)
	r.Printf("cases=%d dates=%d tp=%d fp=%d fn=%d precision=%.4f recall=%.4f\n", cases, score.Mentions,
		score.Spans.TP, score.Spans.FP, score.Spans.FN, score.Spans.Precision(), score.Spans.Recall())
	r.Printf("%s\ndates f1=%.4f resolved_accuracy=%.4f\n", NoHeldAside, score.Spans.F1(), score.ResolvedAccuracy())
	return r, nil
}
