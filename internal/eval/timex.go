package eval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// TimeML corpora (TimeBank, AQUAINT; TempEval-3's TBAQ-cleaned): each document carries its
// creation time (DCT, the publication date) and its time expressions (TIMEX3) with normalised
// values. Scoring newsmon's dates extractor on them measures date resolution on text nobody tuned
// the extractor on, against values a third party normalised.

// TimexDoc is one TimeML document: its name, creation time, the text of its TEXT element with the
// markup removed, and the time expressions annotated in that text.
type TimexDoc struct {
	Name    string
	DCT     time.Time
	Text    string
	Timexes []TimexGold
}

// TimexGold is one TIMEX3 of a document's text; Start and End are code points of TimexDoc.Text, end
// exclusive.
type TimexGold struct {
	Start, End  int
	Text        string
	Type, Value string // DATE|TIME|DURATION|SET; the ISO-like TimeML value ("1998-01-20", "1998-Q1", "PAST_REF")
}

// ReadTimeML reads one TimeML document: the DCT's value and the TEXT element with its TIMEX3s.
func ReadTimeML(r io.Reader) (*TimexDoc, error) {
	d := xml.NewDecoder(r)
	x := timemlReader{doc: &TimexDoc{}, in: map[string]bool{}}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("timeml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			x.end(t)
		case xml.CharData:
			if x.in["TEXT"] {
				x.text.Write(t)
				x.runes += utf8.RuneCount(t)
			}
		}
	}
	doc := x.doc
	if doc.DCT.IsZero() {
		return nil, errors.New("timeml: no DCT")
	}
	doc.Text = x.text.String()
	rs := []rune(doc.Text)
	for i := range doc.Timexes {
		doc.Timexes[i].Text = string(rs[doc.Timexes[i].Start:doc.Timexes[i].End])
	}
	return doc, nil
}

// timemlReader is ReadTimeML's state: the elements it is inside, the text read so far and its
// length in code points, and the TIMEX3 open in it.
type timemlReader struct {
	doc   *TimexDoc
	in    map[string]bool
	text  strings.Builder
	runes int
	open  *TimexGold
}

func (x *timemlReader) start(e xml.StartElement) error {
	x.in[e.Name.Local] = true
	if e.Name.Local != "TIMEX3" {
		return nil
	}
	v := attr(e, "value")
	switch {
	case x.in["DCT"]:
		t, err := time.Parse(time.DateOnly, v[:min(10, len(v))])
		if err != nil {
			return fmt.Errorf("timeml: DCT %q: %w", v, err)
		}
		x.doc.DCT = t
	case x.in["TEXT"]:
		x.open = &TimexGold{Start: x.runes, Type: attr(e, "type"), Value: v}
	}
	return nil
}

func (x *timemlReader) end(e xml.EndElement) {
	x.in[e.Name.Local] = false
	if e.Name.Local == "TIMEX3" && x.open != nil {
		x.open.End = x.runes
		x.doc.Timexes = append(x.doc.Timexes, *x.open)
		x.open = nil
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// timexGrains orders the calendar grains a TimeML value and a newsmon date can share, finest
// first: a prediction finer than the gold value is compared after rounding it to the gold's grain.
var timexGrains = []string{"day", "week", "weekend", "month", "quarter", "half", "year"}

// TimexGrain is the grain of a TimeML date value, or, for a value newsmon has no counterpart for,
// why not ("ref": PRESENT_REF/PAST_REF/FUTURE_REF; "season": 1998-SU; "decade": 199, 19;
// "unspecified": 1998-QX, 1998-WXX, XXXX-10; "part of day": 1998-01-20TMO is compared as its day;
// "other": anything else).
func TimexGrain(v string) (grain string, comparable bool) {
	if strings.HasSuffix(v, "_REF") {
		return "ref", false
	}
	if len(v) >= 10 && v[10:min(11, len(v))] != "-" && isDigits(v[:4]+v[5:7]+v[8:10]) && v[4] == '-' && v[7] == '-' {
		return "day", true // 1998-01-20, 1998-01-20T14:30, 1998-01-20TMO
	}
	if strings.Contains(v, "X") {
		return "unspecified", false
	}
	switch {
	case len(v) == 4 && isDigits(v):
		return "year", true
	case len(v) < 4 && isDigits(v):
		return "decade", false
	case len(v) < 6 || !isDigits(v[:4]) || v[4] != '-':
		return "other", false
	}
	switch rest := v[5:]; {
	case len(rest) == 2 && isDigits(rest):
		return "month", true
	case len(rest) == 2 && rest[0] == 'Q' && isDigits(rest[1:]):
		return "quarter", true
	case len(rest) == 2 && rest[0] == 'H' && isDigits(rest[1:]):
		return "half", true
	case len(rest) == 3 && rest[0] == 'W' && isDigits(rest[1:]):
		return "week", true
	case len(rest) == 6 && rest[0] == 'W' && strings.HasSuffix(rest, "-WE"):
		return "weekend", true
	case rest == "SU" || rest == "SP" || rest == "FA" || rest == "WI":
		return "season", false
	}
	return "other", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// timexMatches reports whether newsmon's date d equals the TimeML value gold of grain: either end
// of a range ("Aug. 26 to Oct. 20" holds the gold "Oct. 20"), a time ("1998-01-20T14:30") by its
// day.
func timexMatches(d article.Date, grain, gold string) bool {
	if grain == "day" {
		gold = gold[:10]
	}
	if TimexValue(d, grain) == gold {
		return true
	}
	_, last, isRange := strings.Cut(d.Value, "/")
	if !isRange || d.Grain == "day" && TimexValue(d, "weekend") != "" {
		return false // a weekend is one period, not two ends
	}
	d.Value = last
	return TimexValue(d, grain) == gold
}

// TimexValue is newsmon's date d written as a TimeML value of grain (TimexGrain's), or "" when d
// is coarser than grain or is not a calendar period of it: a day rounds to its week, month,
// quarter, half or year; a week ("2023-10-16", its Monday) is its ISO week; a Saturday–Sunday
// range is its week's weekend. A range's first end stands for the range.
func TimexValue(d article.Date, grain string) string {
	t, have, ok := timexStart(d)
	pos := func(g string) int { return slices.Index(timexGrains, g) }
	switch {
	case !ok:
		return ""
	case have == grain:
	case pos(have) < 0 || pos(grain) < 0 || pos(have) > pos(grain):
		return "" // coarser than the gold: "1998" says nothing of which day
	case (have == "week" || have == "weekend") && grain != "week" && grain != "weekend",
		have == "week" && grain == "weekend":
		return "" // a week is no part of one month, and not its weekend
	case have == "day" && grain == "weekend" && t.Weekday() != time.Saturday && t.Weekday() != time.Sunday:
		return ""
	}
	switch grain {
	case "day":
		return t.Format(time.DateOnly)
	case "week", "weekend":
		y, w := t.ISOWeek()
		v := fmt.Sprintf("%04d-W%02d", y, w)
		if grain == "weekend" {
			v += "-WE"
		}
		return v
	case "month":
		return t.Format("2006-01")
	case "quarter":
		return quarterOf(t, 3, "Q")
	case "half":
		return quarterOf(t, 6, "H")
	}
	return strconv.Itoa(t.Year())
}

// timexStart is the first day of newsmon's date d (of a range, of its first end) and its grain,
// "weekend" for a Saturday–Sunday range.
func timexStart(d article.Date) (time.Time, string, bool) {
	first, last, _ := strings.Cut(d.Value, "/")
	switch d.Grain {
	case "day", "week":
		t, err := time.Parse(time.DateOnly, first)
		if err != nil {
			return t, "", false
		}
		if end, err := time.Parse(time.DateOnly, last); err == nil && t.Weekday() == time.Saturday && end.Sub(t) == 24*time.Hour {
			return t, "weekend", true
		}
		return t, d.Grain, true
	case "month":
		y, m, ok := yearAnd(first, "-", 2)
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), d.Grain, ok && m >= 1 && m <= 12
	case "quarter", "half":
		months, sep := 3, "-Q"
		if d.Grain == "half" {
			months, sep = 6, "-H"
		}
		y, n, ok := yearAnd(first, sep, 1)
		return time.Date(y, time.Month((n-1)*months+1), 1, 0, 0, 0, 0, time.UTC), d.Grain, ok
	case "year":
		y, err := strconv.Atoi(first)
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), d.Grain, err == nil
	}
	return time.Time{}, "", false
}

// yearAnd splits "2024-Q3" (sep "-Q") or "2023-10" (sep "-") into its year and the number after
// sep, which has n digits.
func yearAnd(v, sep string, n int) (int, int, bool) {
	ys, rest, ok := strings.Cut(v, sep)
	if !ok || len(rest) != n {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(ys)
	k, err2 := strconv.Atoi(rest)
	return y, k, err1 == nil && err2 == nil
}

func quarterOf(t time.Time, months int, letter string) string {
	return fmt.Sprintf("%04d-%s%d", t.Year(), letter, (int(t.Month())-1)/months+1)
}

// TimexScore counts one split of a TimeML corpus.
type TimexScore struct {
	Docs int
	// Gold is the number of DATE timexes and TIME timexes on a calendar day; Found those a newsmon
	// date overlaps.
	Gold, Found int
	// Compared is the number of found timexes whose value newsmon can express (TimexGrain);
	// Correct those valued equal at the gold's grain.
	Compared, Correct int
	// Coarser counts the wrong values where newsmon's year or month holds the gold's finer value.
	Coarser int
	// Apart counts the found timexes left out of Compared, by TimexGrain's reason.
	Apart map[string]int
	// Spurious is the number of newsmon dates that overlap no timex of any type.
	Spurious int
	Errors   []string
}

// FoundRate is Found / Gold.
func (s *TimexScore) FoundRate() float64 { return ratio(s.Found, s.Gold) }

// ValueAccuracy is Correct / Compared.
func (s *TimexScore) ValueAccuracy() float64 { return ratio(s.Correct, s.Compared) }

func (s *TimexScore) line() string {
	return fmt.Sprintf("docs=%d timexes=%d found=%.4f value_acc=%.4f compared=%d coarser=%d spurious=%d apart=%s",
		s.Docs, s.Gold, s.FoundRate(), s.ValueAccuracy(), s.Compared, s.Coarser, s.Spurious, apartLine(s.Apart))
}

func apartLine(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + strconv.Itoa(m[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func (s *TimexScore) metrics() Metrics {
	return Metrics{"docs": s.Docs, "timexes": s.Gold, "found": Round4(s.FoundRate()), "value_acc": Round4(s.ValueAccuracy()),
		"compared": s.Compared, "correct": s.Correct, "coarser": s.Coarser, "spurious": s.Spurious, "apart": s.Apart}
}

// ScoreDoc compares the dates newsmon found in doc (got) with its gold timexes and adds to s.
func (s *TimexScore) ScoreDoc(doc *TimexDoc, got []article.Date) {
	if s.Apart == nil {
		s.Apart = map[string]int{}
	}
	s.Docs++
	overlaps := func(d article.Date, x TimexGold) int { return min(d.End, x.End) - max(d.Start, x.Start) }
	dct := doc.DCT.Format(time.DateOnly)
	for _, d := range got {
		if !slices.ContainsFunc(doc.Timexes, func(x TimexGold) bool { return overlaps(d, x) > 0 }) {
			s.Spurious++
			s.Errors = append(s.Errors, fmt.Sprintf("spurious %s [%s] %q = %s %s", doc.Name, dct, d.Text, d.Value, d.Grain))
		}
	}
	for _, x := range doc.Timexes {
		grain, comparable := TimexGrain(x.Value)
		if x.Type != "DATE" && (x.Type != "TIME" || grain != "day") {
			continue
		}
		s.Gold++
		best, bestOver := -1, 0
		for i, d := range got {
			if o := overlaps(d, x); o > bestOver {
				best, bestOver = i, o
			}
		}
		if best < 0 {
			s.Errors = append(s.Errors, fmt.Sprintf("missed   %s [%s] %q = %s  …%s…", doc.Name, dct, x.Text, x.Value, timexContext(doc.Text, x)))
			continue
		}
		s.Found++
		if !comparable {
			s.Apart[grain]++
			continue
		}
		s.Compared++
		d := got[best]
		if timexMatches(d, grain, x.Value) {
			s.Correct++
			continue
		}
		if (d.Grain == "year" || d.Grain == "month") && strings.HasPrefix(x.Value, d.Value+"-") {
			s.Coarser++ // "a year ago" = 1988 where the gold names the year-ago quarter
		}
		s.Errors = append(s.Errors, fmt.Sprintf("value    %s [%s %s] %q = %s %s; want %s (%s)  …%s…", doc.Name, dct,
			doc.DCT.Weekday().String()[:3], d.Text, d.Value, d.Grain, x.Value, grain, timexContext(doc.Text, x)))
	}
}

// timexContext is the sentence-sized stretch of text around x, on one line.
func timexContext(s string, x TimexGold) string {
	rs := []rune(s)
	from, to := max(0, x.Start-100), min(len(rs), x.End+60)
	return strings.Join(strings.Fields(string(rs[from:to])), " ")
}

// TimexSplitDirs name the folders of a TBAQ-cleaned tree by split: TimeBank is tuned on, AQUAINT
// held aside.
var TimexSplitDirs = map[string]string{"tune": "TimeBank", "aside": "AQUAINT"}

// Timex scores the dates extractor on a TimeML corpus laid out as TempEval-3's TBAQ-cleaned
// (DIR/TimeBank/*.tml, DIR/AQUAINT/*.tml): each document's text is read with its creation time as
// the publication date.
type Timex struct {
	// Find is the extractor (dates.Extractor.FindIn) with the text, publication date, host and
	// language.
	Find    func(text string, published time.Time, source, language string) []article.Date
	Split   string // tune|aside|all
	Verbose bool   // list every miss, spurious date and wrong value of the tune split
}

// Score reads the documents of the asked split(s) under dir and scores Find on them: a line per
// split, tuned on apart from held aside, and last `timex split=S found=… value_acc=…` for the last
// split scored (aside when all).
func (x Timex) Score(ctx context.Context, dir string, _, _ io.Writer) (*Report, error) {
	var splits []string
	switch x.Split {
	case "tune", "aside":
		splits = []string{x.Split}
	case "all":
		splits = []string{"tune", "aside"}
	default:
		return nil, fmt.Errorf("%w: eval timex: --split %q: want tune, aside or all", ErrUsage, x.Split)
	}
	r := &Report{Metrics: Metrics{}}
	scores := make([]*TimexScore, len(splits))
	for i, split := range splits {
		score, err := x.scoreSplit(ctx, filepath.Join(dir, TimexSplitDirs[split]))
		if err != nil {
			return nil, err
		}
		if x.Verbose && (TunedOn(split) || x.Split == split) {
			r.Lines(score.Errors)
		}
		r.Metrics[split] = score.metrics()
		scores[i] = score
	}
	for i, split := range splits {
		how := "held aside"
		if TunedOn(split) {
			how = "tuned on"
		}
		r.Printf("split=%s (%s): %s\n", split, how, scores[i].line())
	}
	last := scores[len(scores)-1]
	r.Printf("timex split=%s found=%.4f value_acc=%.4f\n", splits[len(splits)-1], last.FoundRate(), last.ValueAccuracy())
	return r, nil
}

// scoreSplit scores every *.tml of dir.
func (x Timex) scoreSplit(ctx context.Context, dir string) (*TimexScore, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("eval timex: no *.tml in %s", dir)
	}
	score := &TimexScore{Apart: map[string]int{}}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if strings.HasPrefix(filepath.Base(f), "._") {
			continue // macOS resource forks shipped beside some copies of the corpus
		}
		doc, err := readFile("timex", f, ReadTimeML)
		if err != nil {
			return nil, err
		}
		doc.Name = strings.TrimSuffix(filepath.Base(f), ".tml")
		score.ScoreDoc(doc, x.Find(doc.Text, doc.DCT, "", ""))
	}
	return score, nil
}
