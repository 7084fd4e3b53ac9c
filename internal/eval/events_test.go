package eval

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

func TestEventScore(t *testing.T) {
	const data = `{"id":"a","text":"Protesters marched in Dhaka. Police arrested 40 people and met the protesters.","events":[` +
		`{"type":"protest","trigger":"Protesters","date":"2023-11-05","place":"Dhaka"},` +
		`{"type":"legal","trigger":"arrested"},{"type":"meeting","trigger":"met"},{"type":"protest","trigger":"protesters"}],` +
		`"named":[{"name":"Dhaka Summit","mention":"Dhaka","place":"Dhaka"}]}`
	docs, err := ReadEventDocs(strings.NewReader(data), "x.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].spans[3]; got != (article.Span{Start: 67, End: 77}) {
		t.Fatalf("lower-case protesters at %+v; want 67-77", got)
	}
	m := func(s string, start int) *article.Mention {
		return &article.Mention{Text: s, Start: start, End: start + len(s)}
	}
	pred := []article.Event{
		{Type: "protest", Trigger: m("marched", 11), Mentions: []article.Mention{*m("marched", 11), *m("Protesters", 0)}, Date: "2023-11-05", Place: "Paris"},
		{Type: "legal", Trigger: m("arrested", 36)},
		{Type: "attack", Trigger: m("met", 59)}, // wrong type: FP attack, FN meeting
		{Name: "Dhaka Summit", Mentions: []article.Mention{*m("Dhaka", 22)}, Place: "Dhaka"},
	}
	s := NewEventScore()
	s.Add(docs[0], pred)
	for typ, want := range map[string]PRF{"protest": {TP: 1, FN: 1}, "legal": {TP: 1}, "meeting": {FN: 1}, "attack": {FP: 1}} {
		if got := *s.ByType[typ]; got != want {
			t.Errorf("%s: %+v; want %+v", typ, got, want)
		}
	}
	if s.DateOK != 1 || s.DateN != 1 || s.PlaceOK != 0 || s.PlaceN != 1 {
		t.Errorf("attachment date %d/%d place %d/%d; want 1/1 and 0/1", s.DateOK, s.DateN, s.PlaceOK, s.PlaceN)
	}
	if s.Named.TP != 1 || s.NamedPlaceOK != 1 {
		t.Errorf("named %+v place %d; want 1 TP with its place", s.Named, s.NamedPlaceOK)
	}
	if got := s.PlaceAccuracy(); got != 0.5 {
		t.Errorf("PlaceAccuracy = %v; want 0.5", got)
	}
}

func TestReadEventDocsMissingTrigger(t *testing.T) {
	_, err := ReadEventDocs(strings.NewReader(`{"id":"a","text":"x","events":[{"type":"visit","trigger":"visited"}]}`), "x.jsonl")
	if err == nil || !strings.Contains(err.Error(), "x.jsonl:1") {
		t.Errorf("err = %v; want a positioned error", err)
	}
}

// visitChain finds every "visited" as a visit: enough to see the events scorer keep what was tuned
// on apart from what was held aside.
type visitChain struct{}

func (visitChain) Names() []string { return []string{"event"} }
func (visitChain) Run(_ context.Context, a *article.Article) error {
	if i := strings.Index(a.Text, "visited"); i >= 0 {
		m := article.Mention{Text: "visited", Start: i, End: i + len("visited")}
		a.Events = append(a.Events, article.Event{Type: "visit", Trigger: &m, Mentions: []article.Mention{m}})
	}
	return nil
}

func TestEventsScoreSplits(t *testing.T) {
	t.Parallel()
	set := `{"id":"d1","split":"dev","text":"The minister visited Wuxi.","events":[{"type":"visit","trigger":"visited"}]}
{"id":"u1","split":"test2","text":"The minister toured Wuxi.","events":[{"type":"visit","trigger":"toured"}]}
`
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, []byte(set), 0o644); err != nil {
		t.Fatal(err)
	}
	e := Events{Chain: func([]string) (Chain, error) { return visitChain{}, nil }}
	r, err := e.Score(context.Background(), path, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := "split=dev (tuned on): f1=1.0000 date_accuracy=0.0000 place_accuracy=0.0000\n" +
		"split=test2 (held aside): f1=0.0000 date_accuracy=0.0000 place_accuracy=0.0000\n" +
		"events f1=0.6667 date_accuracy=0.0000 place_accuracy=0.0000"
	if got := lastLines(r, 3); got != want {
		t.Errorf("last lines:\n%s\nwant\n%s", got, want)
	}
	if r.Metrics["held_aside"] == nil || r.Metrics["split_test2"] == nil {
		t.Errorf("--json metrics lack held_aside or split_test2: %v", r.Metrics)
	}
}
