package dates

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/internal/golden"
)

// TestNewsSet scores FindFrom on our own news sentences (testdata/news_dates.txt, also written as
// news_dates.jsonl for `newsmon eval dates --data`). -update rewrites the JSONL from the markup.
func TestNewsSet(t *testing.T) {
	cases := readMarkup(t, "testdata/news_dates.txt")
	golden.CheckJSONLines(t, "testdata/news_dates.jsonl", cases)

	e := New()
	var s eval.DateScore
	for _, c := range cases {
		ref, err := time.Parse(time.DateOnly, c.Published)
		if err != nil {
			t.Fatal(err)
		}
		s.ScoreDates(c, e.FindFrom(c.Input, ref, c.Source))
	}
	for _, e := range s.Errors {
		t.Log(e)
	}
	t.Logf("own set: cases=%d dates=%d span f1=%.4f p=%.4f r=%.4f resolved_accuracy=%.4f",
		len(cases), s.Mentions, s.Spans.F1(), s.Spans.Precision(), s.Spans.Recall(), s.ResolvedAccuracy())
	if s.ResolvedAccuracy() < 0.95 {
		t.Errorf("own set below target: resolved_accuracy=%.4f < 0.95", s.ResolvedAccuracy())
	}
}

// readMarkup reads PUBLISHED<TAB>HOST<TAB>SENTENCE lines whose dates are [[text|value|grain]].
func readMarkup(t *testing.T, path string) []eval.DateCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []eval.DateCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("%s:%d: want PUBLISHED<TAB>HOST<TAB>SENTENCE", path, n)
		}
		c, err := parseMarkup(f[2])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		c.Published = f[0]
		if f[1] != "-" {
			c.Source = f[1]
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func parseMarkup(s string) (eval.DateCase, error) {
	c := eval.DateCase{Expected: []eval.DateExpected{}}
	plain, spans, err := eval.ParseMarkup(s)
	if err != nil {
		return c, err
	}
	for _, m := range spans {
		if len(m.Fields) != 2 {
			return c, fmt.Errorf("want [[text|value|grain]], got %q in %q", m.Text, s)
		}
		c.Expected = append(c.Expected, eval.DateExpected{Text: m.Text, Start: m.Start, End: m.End,
			Value: m.Fields[0], Grain: m.Fields[1]})
	}
	c.Input = plain
	return c, nil
}
