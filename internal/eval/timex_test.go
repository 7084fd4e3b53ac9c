package eval

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestReadTimeML(t *testing.T) {
	f, err := os.Open("testdata/timex/TimeBank/tiny1.tml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := ReadTimeML(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.DCT.Format(time.DateOnly); got != "1998-01-21" {
		t.Errorf("DCT = %s; want 1998-01-21", got)
	}
	if !strings.Contains(doc.Text, "of talks & a delay.") || strings.Contains(doc.Text, "<") {
		t.Errorf("text keeps markup or loses entities: %q", doc.Text)
	}
	want := []TimexGold{
		{Text: "Monday", Type: "DATE", Value: "1998-01-19"},
		{Text: "Friday", Type: "DATE", Value: "1998-01-23"},
		{Text: "fourth quarter", Type: "DATE", Value: "1997-Q4"},
		{Text: "a year ago", Type: "DATE", Value: "1996-Q4"},
		{Text: "now", Type: "DATE", Value: "PRESENT_REF"},
		{Text: "two weeks", Type: "DURATION", Value: "P2W"},
	}
	if len(doc.Timexes) != len(want) {
		t.Fatalf("timexes = %+v; want %d (the DCT is not one)", doc.Timexes, len(want))
	}
	rs := []rune(doc.Text)
	for i, w := range want {
		g := doc.Timexes[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || string(rs[g.Start:g.End]) != w.Text {
			t.Errorf("timex %d = %+v; want %+v at its offsets", i, g, w)
		}
	}
}

func TestTimexGrain(t *testing.T) {
	for v, want := range map[string]string{
		"1998-01-20": "day", "1998-01-20T14:30": "day", "1998-01-20TMO": "day", "1998-01": "month",
		"1998": "year", "1998-Q1": "quarter", "1998-H2": "half", "1998-W03": "week", "1998-W03-WE": "weekend",
		"PAST_REF": "ref", "1998-SU": "season", "199": "decade", "1998-QX": "unspecified", "XXXX-10": "unspecified",
		"P2W": "other",
	} {
		if got, _ := TimexGrain(v); got != want {
			t.Errorf("TimexGrain(%q) = %s; want %s", v, got, want)
		}
	}
}

func TestTimexValue(t *testing.T) {
	for _, tc := range []struct {
		value, grain, gold, want string
	}{
		{"1998-01-20", "day", "day", "1998-01-20"},
		{"1998-01-20", "day", "week", "1998-W04"},
		{"1998-01-20", "day", "quarter", "1998-Q1"},
		{"1998-01-24/1998-01-25", "day", "weekend", "1998-W04-WE"},
		{"1998-01-24", "day", "weekend", "1998-W04-WE"},
		{"1998-01-20", "day", "weekend", ""}, // a Tuesday is no weekend
		{"1998-01-19", "week", "week", "1998-W04"},
		{"1998-01-19", "week", "month", ""}, // a week is no part of one month
		{"1998-02", "month", "day", ""},     // coarser than the gold
		{"1998-02", "month", "quarter", "1998-Q1"},
		{"2024-Q3", "quarter", "half", "2024-H2"},
		{"2024-H1", "half", "half", "2024-H1"},
		{"1998", "year", "quarter", ""},
		{"1985/1987", "year", "year", "1985"},
	} {
		if got := TimexValue(article.Date{Value: tc.value, Grain: tc.grain}, tc.gold); got != tc.want {
			t.Errorf("TimexValue(%s %s, %s) = %q; want %q", tc.value, tc.grain, tc.gold, got, tc.want)
		}
	}
}

// stubDates finds each of its strings in a text and gives it the value beside it.
func stubDates(found map[string]article.Date) func(string, time.Time, string, string) []article.Date {
	return func(text string, _ time.Time, _, _ string) []article.Date {
		var out []article.Date
		for s, d := range found {
			if k := strings.Index(text, s); k >= 0 {
				start := len([]rune(text[:k]))
				d.Text, d.Start, d.End = s, start, start+len([]rune(s))
				out = append(out, d)
			}
		}
		return out
	}
}

func TestTimexScore(t *testing.T) {
	x := Timex{Split: "all", Find: stubDates(map[string]article.Date{
		"Monday":         {Value: "1998-01-19", Grain: "day"},  // right
		"Friday":         {Value: "1998-01-16", Grain: "day"},  // the wrong way
		"fourth quarter": {Value: "1997-Q4", Grain: "quarter"}, // right
		"a year ago":     {Value: "1996", Grain: "year"},       // coarser than the gold
		"now":            {Value: "1998-01-21", Grain: "day"},  // found; PRESENT_REF compared apart
		"board":          {Value: "1998-01-01", Grain: "day"},  // spurious
		"Sunday":         {Value: "2000-02-27", Grain: "day"},  // right (aside)
		"last week":      {Value: "2000-02-21", Grain: "week"}, // 2000-W08, not the gold's W48
	})}
	r, err := x.Score(context.Background(), "testdata/timex", io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := "split=tune (tuned on): docs=1 timexes=5 found=1.0000 value_acc=0.5000 compared=4 coarser=1 spurious=1 apart={ref:1}\n" +
		"split=aside (held aside): docs=1 timexes=3 found=0.6667 value_acc=0.5000 compared=2 coarser=0 spurious=0 apart={}\n" +
		"timex split=aside found=0.6667 value_acc=0.5000\n"
	if got := r.Text.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	if _, err := (Timex{Split: "test", Find: x.Find}).Score(context.Background(), "testdata/timex", io.Discard, io.Discard); err == nil {
		t.Error("--split test: no error")
	}
}
