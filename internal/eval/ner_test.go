package eval

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func readFixture(t *testing.T, path string) []CoNLLDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestReadCoNLL(t *testing.T) {
	docs := readFixture(t, "testdata/gold.conll")
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d docs %+v; want 2 docs of 2 and 1 sentences", len(docs), docs)
	}
	if got, want := docs[0].Sentences[1].Tokens, []string{"The", "United", "Nations", "said", "so"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q; want %q", got, want)
	}
	untagged, err := ReadCoNLL(strings.NewReader("Hello\nWorld\n\nBye\n"))
	if err != nil || len(untagged) != 1 || len(untagged[0].Sentences) != 2 || untagged[0].Sentences[0].Tags != nil {
		t.Errorf("untagged = %+v, %v", untagged, err)
	}
	if _, err := ReadCoNLL(strings.NewReader("Hello\tO\nWorld\n")); err == nil {
		t.Error("a token without a tag in a tagged file: want an error")
	}
}

func TestSpansIOB2(t *testing.T) {
	for _, tc := range []struct {
		tags []string
		want []Span
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{[]string{"B-PER", "B-PER"}, []Span{{"PER", 0, 1}, {"PER", 1, 2}}},
		{[]string{"O", "I-ORG", "I-ORG"}, []Span{{"ORG", 1, 3}}},           // stray I- opens an entity
		{[]string{"B-ORG", "I-LOC"}, []Span{{"ORG", 0, 1}, {"LOC", 1, 2}}}, // type change
		{[]string{"O", "O"}, nil},
	} {
		if got := SpansIOB2(tc.tags); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SpansIOB2(%q) = %v; want %v", tc.tags, got, tc.want)
		}
	}
}

func TestNERScore(t *testing.T) {
	gold, pred := readFixture(t, "testdata/gold.conll"), readFixture(t, "testdata/pred.conll")
	s := NewNERScore()
	for d := range gold {
		for i, sent := range gold[d].Sentences {
			s.AddSentence(sent.Tags, pred[d].Sentences[i].Tags)
		}
	}
	// Gold: PER, LOC(Nairobi), ORG, LOC(Lagos), LOC(Lima). Predicted: PER ✓, ORG(Nairobi) ✗, ORG ✓,
	// LOC(Lagos, from a stray I-) ✓, MISC(voted) ✗.
	if got, want := s.All, (PRF{TP: 3, FP: 2, FN: 2}); got != want {
		t.Errorf("all = %+v; want %+v", got, want)
	}
	if got, want := *s.ByType["LOC"], (PRF{TP: 1, FP: 0, FN: 2}); got != want {
		t.Errorf("LOC = %+v; want %+v", got, want)
	}
	var buf bytes.Buffer
	s.WriteText(&buf)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if got, want := lines[len(lines)-1], "ner f1=0.6000 p=0.6000 r=0.6000"; got != want {
		t.Errorf("last line = %q; want %q", got, want)
	}
	if len(lines) != 6 { // LOC MISC ORG PER + split + total
		t.Errorf("got %d lines; want 6:\n%s", len(lines), buf.String())
	}
}

func TestDetokenize(t *testing.T) {
	sents := []CoNLLSentence{
		{Tokens: []string{"Lee", "Teng", "-", "hui", "-LRB-", "KMT", "-RRB-", "said", "it", "is", "n't", "``", "over", "''", "."},
			Tags: []string{"B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"}},
		{Tokens: []string{"The", "Asia", "-", "Pacific", "region", "grew", "5", "%", "."},
			Tags: []string{"O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-PERCENT", "I-PERCENT", "O"}},
	}
	for _, tc := range []struct {
		join  bool
		text  string
		names []string
	}{
		{true, "Lee Teng-hui (KMT) said it isn't \"over\".\nThe Asia-Pacific region grew 5%.",
			[]string{"PERSON Lee Teng-hui", "ORG KMT", "LOC Asia-Pacific", "PERCENT 5%"}},
		{false, "Lee Teng - hui (KMT) said it isn't \"over\".\nThe Asia - Pacific region grew 5%.",
			[]string{"PERSON Lee Teng - hui", "ORG KMT", "LOC Asia - Pacific", "PERCENT 5%"}},
	} {
		text, spans := Detokenize(sents, tc.join)
		if text != tc.text {
			t.Errorf("join=%v: text = %q; want %q", tc.join, text, tc.text)
			continue
		}
		var names []string
		for _, sp := range spans {
			names = append(names, sp.Type+" "+text[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(names, tc.names) {
			t.Errorf("join=%v: entities = %q; want %q", tc.join, names, tc.names)
		}
	}
}
