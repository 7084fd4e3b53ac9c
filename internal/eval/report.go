package eval

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// Report is what one `newsmon eval` scorer found: Metrics is printed by --json, Text otherwise.
// Text's last line is the scorer's line of the CLI contract (docs/contracts.md): lines before it may
// be added, that one keeps its format and keys.
type Report struct {
	Metrics Metrics
	Text    bytes.Buffer
}

// Printf adds to the report's text.
func (r *Report) Printf(format string, args ...any) { fmt.Fprintf(&r.Text, format, args...) }

// Lines adds one line per string to the report's text (error listings for -v).
func (r *Report) Lines(ls []string) {
	for _, l := range ls {
		r.Text.WriteString(l)
		r.Text.WriteByte('\n')
	}
}

// ErrUsage marks an error in how a scorer was called (a flag missing or out of range): the command
// reports it as a usage error.
var ErrUsage = errors.New("usage")

// Chain is the product's extractor chain as a scorer runs it on one article (extract.Chain).
type Chain interface {
	Run(ctx context.Context, a *article.Article) error
	Names() []string
}

// ChainOf builds the chain of the named extractors, in that order; nil names every extractor in
// pipeline order. The command supplies it, so the scorers measure exactly what the product runs.
type ChainOf func(names []string) (Chain, error)

// Extractor is one extractor run on its own (extract.Extractor).
type Extractor interface {
	Extract(ctx context.Context, a *article.Article) error
}

// readFile opens path and reads it with read; errors name the scorer and the file.
func readFile[T any](scorer, path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("eval %s: %w", scorer, err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("eval %s %s: %w", scorer, path, err)
	}
	return v, nil
}

// eachCase reads the cases of path with read and scores each with score, stopping when ctx ends;
// it returns how many cases there were.
func eachCase[C any](ctx context.Context, scorer, path string, read func(io.Reader) ([]C, error), score func(C) error) (int, error) {
	cases, err := readFile(scorer, path, read)
	if err != nil {
		return 0, err
	}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if err := score(c); err != nil {
			return 0, err
		}
	}
	return len(cases), nil
}

// caseReport starts the report of a scorer over cases: its metrics with the number of cases, and
// every error line when verbose.
func caseReport(m Metrics, cases int, verbose bool, errs []string) *Report {
	r := &Report{Metrics: m}
	r.Metrics["cases"] = cases
	if verbose {
		r.Lines(errs)
	}
	return r
}

// TunedOn reports whether the extractors were tuned on a split of a labelled set: "dev" and
// "tune" name what was tuned on; every other named split ("test", "heldout", "aside", …) was held
// aside.
func TunedOn(split string) bool { return split == "dev" || split == "tune" }

// NoHeldAside is the line a scorer prints just before its last when its set carries no split: all
// of it may have been looked at while tuning, so nothing in it is held aside.
const NoHeldAside = "split=all (no held-aside part)"

// splitScores keeps a scorer's counts twice more: over what was tuned on and over what was held
// aside, so that a pooled figure cannot hide how the held-aside part fares.
type splitScores[S any] struct {
	tuned, aside           S
	tunedNames, asideNames map[string]bool
}

func newSplitScores[S any](empty func() S) *splitScores[S] {
	return &splitScores[S]{tuned: empty(), aside: empty(), tunedNames: map[string]bool{}, asideNames: map[string]bool{}}
}

// of returns the counts a case of the split adds to. A case without a split counts with what was
// tuned on: nothing says it was held aside.
func (p *splitScores[S]) of(split string) S {
	if split == "" || TunedOn(split) {
		p.tunedNames[cmp.Or(split, "unmarked")] = true
		return p.tuned
	}
	p.asideNames[split] = true
	return p.aside
}

// write prints the headline (without the scorer's name) of each part: tuned on, then held aside;
// or NoHeldAside when no case names its split.
func (p *splitScores[S]) write(r *Report, headline func(S) string) {
	tuned, aside := names(p.tunedNames), names(p.asideNames)
	switch {
	case len(aside) == 0 && (len(tuned) == 0 || tuned == "unmarked"):
		r.Printf("%s\n", NoHeldAside)
	case len(aside) == 0:
		r.Printf("split=%s (tuned on; no held-aside part): %s\n", tuned, headline(p.tuned))
	default:
		if len(tuned) > 0 {
			r.Printf("split=%s (tuned on): %s\n", tuned, headline(p.tuned))
		}
		r.Printf("split=%s (held aside): %s\n", aside, headline(p.aside))
	}
}

// metrics adds the parts' metrics to m under "tuned" and "held_aside".
func (p *splitScores[S]) metrics(m Metrics, of func(S) Metrics) {
	if len(p.tunedNames) > 0 {
		m["tuned"] = Metrics{"splits": names(p.tunedNames), "metrics": of(p.tuned)}
	}
	if len(p.asideNames) > 0 {
		m["held_aside"] = Metrics{"splits": names(p.asideNames), "metrics": of(p.aside)}
	}
}

func names(set map[string]bool) string {
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
