package dates

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/internal/golden"
)

// multilingualSource holds paragraphs in five languages with their sums and dates marked; it lives
// with the money package's test data, which reads the same file.
const multilingualSource = "../money/testdata/multilingual/news.txt"

// TestMultilingualSet scores FindIn on the paragraphs of the multilingual set, per language and
// split, and keeps the JSONL files `newsmon eval dates` reads (testdata/multilingual/LANG-dev.jsonl,
// LANG-aside.jsonl) in step with it (-update rewrites them).
func TestMultilingualSet(t *testing.T) {
	splits := readMultilingual(t)
	e := New()
	for _, split := range []string{"dev", "aside", "dev2"} {
		checkJSONL(t, split, splits[split])
		byLang := map[string]*eval.DateScore{}
		var langs []string
		for _, c := range splits[split] {
			s := byLang[c.Language]
			if s == nil {
				s = &eval.DateScore{}
				byLang[c.Language] = s
				langs = append(langs, c.Language)
			}
			ref, err := time.Parse(time.DateOnly, c.Published)
			if err != nil {
				t.Fatal(err)
			}
			s.ScoreDates(c, e.FindIn(c.Input, ref, c.Source, c.Language))
		}
		for _, lang := range langs {
			s := byLang[lang]
			t.Logf("%s %s: dates=%d f1=%.4f resolved_accuracy=%.4f", split, lang, s.Mentions, s.Spans.F1(), s.ResolvedAccuracy())
			if split == "dev" {
				for _, e := range s.Errors {
					t.Log("  ", e)
				}
				if s.ResolvedAccuracy() < devFloor {
					t.Errorf("dev %s: resolved accuracy %.4f below %.2f", lang, s.ResolvedAccuracy(), devFloor)
				}
			}
		}
	}
}

// devFloor is below the lowest accuracy measured on a language's dev paragraphs (README.md).
const devFloor = 0.8

// readMultilingual reads the date marks of the source's LANG<TAB>SPLIT<TAB>PUBLISHED<TAB>TEXT lines
// into cases by split; money marks ([[text|amount|currency]]) are left as plain text.
func readMultilingual(t *testing.T) map[string][]eval.DateCase {
	t.Helper()
	f, err := os.Open(multilingualSource)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]eval.DateCase{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			t.Fatalf("%s:%d: want LANG<TAB>SPLIT<TAB>PUBLISHED<TAB>TEXT", multilingualSource, n)
		}
		plain, spans, err := eval.ParseMarkup(f[3])
		if err != nil {
			t.Fatalf("%s:%d: %v", multilingualSource, n, err)
		}
		c := eval.DateCase{Input: plain, Published: f[2], Language: f[0], Expected: []eval.DateExpected{}}
		for _, m := range spans {
			switch m.Fields[len(m.Fields)-1] {
			case "day", "week", "month", "quarter", "half", "year":
				c.Expected = append(c.Expected, eval.DateExpected{Text: m.Text, Start: m.Start, End: m.End, Value: m.Fields[0], Grain: m.Fields[1]})
			}
		}
		out[f[1]] = append(out[f[1]], c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkJSONL keeps testdata/multilingual/LANG-SPLIT.jsonl in step with the cases of a split.
func checkJSONL(t *testing.T, split string, cases []eval.DateCase) {
	byLang := map[string][]eval.DateCase{}
	for _, c := range cases {
		byLang[c.Language] = append(byLang[c.Language], c)
	}
	for lang, cs := range byLang {
		golden.CheckJSONLines(t, "testdata/multilingual/"+lang+"-"+split+".jsonl", cs)
	}
}
