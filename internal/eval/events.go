package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
)

// EventDoc is one annotated paragraph of an events JSONL file (one object per line):
//
//	{"id": "p01", "split": "dev", "published": "2023-10-25", "text": "…",
//	 "events": [{"type": "visit", "trigger": "visited", "occurrence": 1, "date": "2023-10-20", "place": "Paris"}],
//	 "named":  [{"name": "IoT Solutions World Congress", "mention": "IoT Solutions World Congress",
//	             "date": "", "place": "Barcelona", "recurrence": "yearly"}]}
//
// A trigger is found as its occurrence-th (1-based, default 1) whole-word match in text; a named
// event by its mention (default: its name). Date and place are what the event should carry: "" means
// none is stated. One gold event per type and sentence (the extractor's convention).
type EventDoc struct {
	ID        string      `json:"id"`
	Split     string      `json:"split,omitempty"`
	Published string      `json:"published,omitempty"`
	Text      string      `json:"text"`
	Events    []GoldEvent `json:"events"`
	Named     []GoldNamed `json:"named,omitempty"`
	Note      string      `json:"note,omitempty"`

	spans []article.Span // of Events' triggers, code points
	named []article.Span // of Named's mentions
}

// GoldEvent is an annotated event mention.
type GoldEvent struct {
	Type       string `json:"type"`
	Trigger    string `json:"trigger"`
	Occurrence int    `json:"occurrence,omitempty"`
	Date       string `json:"date,omitempty"`
	Place      string `json:"place,omitempty"`
}

// GoldNamed is an annotated named event.
type GoldNamed struct {
	Name       string `json:"name"`
	Mention    string `json:"mention,omitempty"`
	Date       string `json:"date,omitempty"`
	Place      string `json:"place,omitempty"`
	Recurrence string `json:"recurrence,omitempty"`
}

// ReadEventDocs reads an events JSONL file and locates every trigger and named mention in its text.
func ReadEventDocs(r io.Reader, name string) ([]*EventDoc, error) {
	var docs []*EventDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" || strings.HasPrefix(b, "//") {
			continue
		}
		var d EventDoc
		if err := json.Unmarshal([]byte(b), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		for _, g := range d.Events {
			sp, ok := findWord(d.Text, g.Trigger, max(g.Occurrence, 1))
			if !ok {
				return nil, fmt.Errorf("%s:%d: %s: trigger %q (occurrence %d) not in text", name, line, d.ID, g.Trigger, max(g.Occurrence, 1))
			}
			d.spans = append(d.spans, sp)
		}
		for _, g := range d.Named {
			m := g.Mention
			if m == "" {
				m = g.Name
			}
			sp, ok := findWord(d.Text, m, 1)
			if !ok {
				return nil, fmt.Errorf("%s:%d: %s: named mention %q not in text", name, line, d.ID, m)
			}
			d.named = append(d.named, sp)
		}
		docs = append(docs, &d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return docs, nil
}

// findWord returns the code-point span of the nth whole-word occurrence of w in s.
func findWord(s, w string, nth int) (article.Span, bool) {
	if w == "" {
		return article.Span{}, false
	}
	from := 0
	for {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return article.Span{}, false
		}
		b := from + i
		e := b + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:b])
		after, _ := utf8.DecodeRuneInString(s[e:])
		if !isWordChar(before) && !isWordChar(after) {
			nth--
			if nth == 0 {
				rs := utf8.RuneCountInString(s[:b])
				return article.Span{Start: rs, End: rs + utf8.RuneCountInString(w)}, true
			}
		}
		from = b + 1
	}
}

func isWordChar(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// EventScore accumulates the events scores over documents.
type EventScore struct {
	ByType                   map[string]*PRF
	Named                    PRF
	DateOK, DateN            int // attachment over matched events (mentions and named) where gold or prediction has a date
	PlaceOK, PlaceN          int
	NamedDateOK, NamedDateN  int
	NamedPlaceOK, NamedPlace int
	RecurOK, RecurN          int
	Errors                   []string // one line per miss, for --verbose
}

// NewEventScore returns an empty score.
func NewEventScore() *EventScore { return &EventScore{ByType: map[string]*PRF{}} }

func (s *EventScore) prf(typ string) *PRF { return prfOf(s.ByType, typ) }

func overlaps(a article.Span, b article.Mention) bool { return a.Start < b.End && b.Start < a.End }

// Add scores the events predicted for d.
func (s *EventScore) Add(d *EventDoc, pred []article.Event) {
	var mentions, named []int
	for i, e := range pred {
		if e.Trigger != nil {
			mentions = append(mentions, i)
		} else {
			named = append(named, i)
		}
	}
	used := map[int]bool{}
	for gi, g := range d.Events {
		sp := d.spans[gi]
		match := -1
		for _, pi := range mentions {
			if used[pi] || pred[pi].Type != g.Type {
				continue
			}
			hit := overlaps(sp, *pred[pi].Trigger)
			for _, m := range pred[pi].Mentions {
				hit = hit || overlaps(sp, m)
			}
			if hit {
				match = pi
				break
			}
		}
		if match < 0 {
			s.prf(g.Type).FN++
			s.miss(d, "FN %s %q", g.Type, g.Trigger)
			continue
		}
		used[match] = true
		s.prf(g.Type).TP++
		p := pred[match]
		s.attach(d, "date", g.Type+" "+g.Trigger, g.Date, p.Date, &s.DateOK, &s.DateN)
		s.attach(d, "place", g.Type+" "+g.Trigger, g.Place, p.Place, &s.PlaceOK, &s.PlaceN)
	}
	for _, pi := range mentions {
		if !used[pi] {
			s.prf(pred[pi].Type).FP++
			s.miss(d, "FP %s %q", pred[pi].Type, pred[pi].Trigger.Text)
		}
	}
	for gi, g := range d.Named {
		sp := d.named[gi]
		match := -1
		for _, pi := range named {
			if used[pi] {
				continue
			}
			for _, m := range pred[pi].Mentions {
				if overlaps(sp, m) {
					match = pi
					break
				}
			}
			if match >= 0 {
				break
			}
		}
		if match < 0 {
			s.Named.FN++
			s.miss(d, "FN named %q", g.Name)
			continue
		}
		used[match] = true
		s.Named.TP++
		p := pred[match]
		s.attach(d, "date", "named "+g.Name, g.Date, p.Date, &s.NamedDateOK, &s.NamedDateN)
		s.attach(d, "place", "named "+g.Name, g.Place, p.Place, &s.NamedPlaceOK, &s.NamedPlace)
		s.attach(d, "recurrence", "named "+g.Name, g.Recurrence, p.Recurrence, &s.RecurOK, &s.RecurN)
	}
	for _, pi := range named {
		if !used[pi] {
			s.Named.FP++
			s.miss(d, "FP named %q", pred[pi].Name)
		}
	}
}

func (s *EventScore) attach(d *EventDoc, what, of, gold, got string, ok, n *int) {
	if gold == "" && got == "" {
		return
	}
	*n++
	if strings.EqualFold(gold, got) {
		*ok++
		return
	}
	s.miss(d, "%s of %s: got %q want %q", what, of, got, gold)
}

func (s *EventScore) miss(d *EventDoc, format string, args ...any) {
	s.Errors = append(s.Errors, d.ID+": "+fmt.Sprintf(format, args...))
}

// Total is the micro-averaged trigger+type count over all types.
func (s *EventScore) Total() PRF {
	var t PRF
	for _, p := range s.ByType {
		t.Add(*p)
	}
	return t
}

// DateAccuracy pools mentions and named events.
func (s *EventScore) DateAccuracy() float64 {
	return ratio(s.DateOK+s.NamedDateOK, s.DateN+s.NamedDateN)
}

// PlaceAccuracy pools mentions and named events.
func (s *EventScore) PlaceAccuracy() float64 {
	return ratio(s.PlaceOK+s.NamedPlaceOK, s.PlaceN+s.NamedPlace)
}

func (s *EventScore) types() []string { return sortedKeys(s.ByType) }

// Metrics returns the scores as a JSON-friendly map.
func (s *EventScore) Metrics() Metrics {
	per := map[string]any{}
	for _, t := range s.types() {
		p := s.ByType[t]
		per[t] = map[string]any{"precision": Round4(p.Precision()), "recall": Round4(p.Recall()), "f1": Round4(p.F1()),
			"tp": p.TP, "fp": p.FP, "fn": p.FN}
	}
	tot := s.Total()
	return Metrics{
		"f1": Round4(tot.F1()), "precision": Round4(tot.Precision()), "recall": Round4(tot.Recall()),
		"tp": tot.TP, "fp": tot.FP, "fn": tot.FN, "per_type": per,
		"date_accuracy": Round4(s.DateAccuracy()), "place_accuracy": Round4(s.PlaceAccuracy()),
		"date_attached": s.DateN + s.NamedDateN, "place_attached": s.PlaceN + s.NamedPlace,
		"mention_date_accuracy": Round4(ratio(s.DateOK, s.DateN)), "mention_place_accuracy": Round4(ratio(s.PlaceOK, s.PlaceN)),
		"named_f1": Round4(s.Named.F1()), "named_precision": Round4(s.Named.Precision()), "named_recall": Round4(s.Named.Recall()),
		"named_date_accuracy": Round4(ratio(s.NamedDateOK, s.NamedDateN)), "named_place_accuracy": Round4(ratio(s.NamedPlaceOK, s.NamedPlace)),
		"recurrence_accuracy": Round4(ratio(s.RecurOK, s.RecurN)),
	}
}

// WriteText prints the per-type table and the summary lines; the last line is docs/contracts.md §2's.
func (s *EventScore) WriteText(w io.Writer, label string) {
	fmt.Fprintf(w, "%-12s %9s %9s %9s %5s %5s %5s\n", label, "precision", "recall", "f1", "tp", "fp", "fn")
	for _, t := range s.types() {
		p := s.ByType[t]
		fmt.Fprintf(w, "%-12s %9.4f %9.4f %9.4f %5d %5d %5d\n", t, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
	}
	tot := s.Total()
	fmt.Fprintf(w, "%-12s %9.4f %9.4f %9.4f %5d %5d %5d\n", "all", tot.Precision(), tot.Recall(), tot.F1(), tot.TP, tot.FP, tot.FN)
	fmt.Fprintf(w, "%-12s %9.4f %9.4f %9.4f %5d %5d %5d\n", "named", s.Named.Precision(), s.Named.Recall(), s.Named.F1(), s.Named.TP, s.Named.FP, s.Named.FN)
	fmt.Fprintf(w, "attachment: mention date %d/%d, mention place %d/%d, named date %d/%d, named place %d/%d, recurrence %d/%d\n",
		s.DateOK, s.DateN, s.PlaceOK, s.PlaceN, s.NamedDateOK, s.NamedDateN, s.NamedPlaceOK, s.NamedPlace, s.RecurOK, s.RecurN)
}

// Events scores an event extractor on an annotated JSONL file of paragraphs (EventDoc gives the
// format; pkg/extract/event/testdata/events.jsonl is ours). Each paragraph goes through the
// product's chain as `newsmon analyze --text` does, then through EventStage when the chain lacks
// the event extractor. Trigger+type is scored per type (a predicted event matches a gold one of
// the same type whose trigger overlaps one of its trigger mentions); date and place attachment
// are accuracies over the matched events where gold or prediction has a value.
type Events struct {
	Split      string                    // score only paragraphs of this split; "" scores all, with a line per split
	Verbose    bool                      // list every miss, spurious event and wrong attachment
	Dump       bool                      // print each paragraph's predicted events (JSON lines) before the scores
	Chain      ChainOf                   // builds the default chain
	EventStage func() (Extractor, error) // the event extractor, run after a chain without one
}

// eventsRun is what scoring the paragraphs gives: pooled, per split, and tuned apart from held aside.
type eventsRun struct {
	all     *EventScore
	bySplit map[string]*EventScore
	parts   *splitScores[*EventScore]
	n       int
	took    time.Duration // in EventStage
}

// Score runs the chain over the paragraphs of path and scores their events.
func (e Events) Score(ctx context.Context, path string, stdout, _ io.Writer) (*Report, error) {
	docs, err := readFile("events", path, func(r io.Reader) ([]*EventDoc, error) { return ReadEventDocs(r, path) })
	if err != nil {
		return nil, err
	}
	run, err := e.run(ctx, path, docs, stdout)
	if err != nil {
		return nil, err
	}
	r := &Report{Metrics: run.all.Metrics()}
	r.Metrics["paragraphs"] = run.n
	for name, s := range run.bySplit {
		r.Metrics["split_"+name] = s.Metrics()
	}
	run.parts.metrics(r.Metrics, (*EventScore).Metrics)
	if e.Verbose {
		r.Lines(run.all.Errors)
	}
	if e.Split == "" {
		for _, name := range sortedKeys(run.bySplit) {
			s := run.bySplit[name]
			t := s.Total()
			r.Printf("split %s: f1=%.4f p=%.4f r=%.4f date_accuracy=%.4f place_accuracy=%.4f named_f1=%.4f\n",
				name, t.F1(), t.Precision(), t.Recall(), s.DateAccuracy(), s.PlaceAccuracy(), s.Named.F1())
		}
	}
	run.all.WriteText(&r.Text, "type")
	r.Printf("paragraphs=%d event_stage=%s\n", run.n, run.took.Round(time.Microsecond))
	run.parts.write(r, (*EventScore).headline)
	r.Printf("events %s\n", run.all.headline())
	return r, nil
}

func (e Events) run(ctx context.Context, path string, docs []*EventDoc, stdout io.Writer) (*eventsRun, error) {
	chain, err := e.Chain(nil)
	if err != nil {
		return nil, err
	}
	var stage Extractor
	if !slices.Contains(chain.Names(), "event") {
		if stage, err = e.EventStage(); err != nil {
			return nil, err
		}
	}
	run := &eventsRun{all: NewEventScore(), bySplit: map[string]*EventScore{}, parts: newSplitScores(NewEventScore)}
	for _, d := range docs {
		if e.Split != "" && d.Split != e.Split {
			continue
		}
		a := article.FromText(d.Text, "file:///eval/"+d.ID, time.Now().UTC())
		if d.Published != "" {
			t, err := ParseDocDate(d.Published)
			if err != nil {
				return nil, fmt.Errorf("eval events %s: %s: published: %w", path, d.ID, err)
			}
			a.Published = &t
		}
		if err := chain.Run(ctx, a); err != nil {
			return nil, err
		}
		if stage != nil {
			start := time.Now()
			if err := stage.Extract(ctx, a); err != nil {
				return nil, err
			}
			run.took += time.Since(start)
		}
		run.all.Add(d, a.Events)
		if e.Dump {
			if err := WriteJSON(stdout, map[string]any{"id": d.ID, "events": a.Events}); err != nil {
				return nil, err
			}
		}
		if d.Split != "" {
			if _, ok := run.bySplit[d.Split]; !ok {
				run.bySplit[d.Split] = NewEventScore()
			}
			run.bySplit[d.Split].Add(d, a.Events)
		}
		run.parts.of(d.Split).Add(d, a.Events)
		run.n++
	}
	return run, nil
}

// headline is the contract line's figures: f1, date and place accuracy.
func (s *EventScore) headline() string {
	return fmt.Sprintf("f1=%.4f date_accuracy=%.4f place_accuracy=%.4f", s.Total().F1(), s.DateAccuracy(), s.PlaceAccuracy())
}
