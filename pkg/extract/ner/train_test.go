package ner

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/eval"
)

func readTiny(t *testing.T) []Document {
	t.Helper()
	f, err := os.Open("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]Document, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			out[i] = append(out[i], Sentence{Tokens: s.Tokens, Tags: s.Tags})
		}
	}
	return out
}

func trainTiny(t *testing.T, res *Resources) []byte {
	t.Helper()
	docs := readTiny(t)
	// Each document twice: with fewer documents than cross-validation folds, stage 1's held-out
	// labels come from models that never saw a document like it, and stage 2 learns to distrust them.
	train := append(slices.Clone(docs), docs...)
	m, err := Train(context.Background(), TrainConfig{Scheme: "conll2003", MaxEpochs: 6, Seed: 7, Bits: 14,
		Places: places, Resources: res}, train, docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Measured 1.0000: a model that cannot learn its own training set is broken.
	if m.DevF1() < 0.99 {
		t.Errorf("F1 on its own training data = %.4f; want ≥ 0.99", m.DevF1())
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	res, err := NewResources(nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := trainTiny(t, res), trainTiny(t, res)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed wrote different models")
	}
	m, err := ReadModel(bytes.NewReader(a), res)
	if err != nil {
		t.Fatal(err)
	}
	if m.Scheme() != "conll2003" || len(m.stages) != 2 {
		t.Fatalf("read back scheme %s with %d stages; want conll2003 with 2", m.Scheme(), len(m.stages))
	}
	doc := [][]string{{"Amina", "Okafor", "flew", "to", "Lagos", "on", "Monday", "."}}
	got := m.TagSentences(places, doc)
	want := [][]string{{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TagSentences = %q; want %q", got, want)
	}
	other, err := NewResources(nil)
	if err != nil {
		t.Fatal(err)
	}
	other.checksum = "different"
	if _, err := ReadModel(bytes.NewReader(a), other); err == nil {
		t.Error("ReadModel with other clusters: want an error")
	}
}

func TestTokensSplitClitics(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][]string{
		"China's exports":      {"China", "'s", "exports"},
		"Zürich’s banks don't": {"Zürich", "’s", "banks", "do", "n't"},
		"O'Brien can't go":     {"O'Brien", "ca", "n't", "go"},
		"It's":                 {"It", "'s"},
	} {
		var got []string
		for _, tk := range Tokens(in) {
			if in[tk.Start:tk.End] != tk.Text {
				t.Errorf("Tokens(%q): %q has span %d:%d", in, tk.Text, tk.Start, tk.End)
			}
			got = append(got, tk.Text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokens(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestClustersRoundTrip(t *testing.T) {
	c := NewClusterCounter()
	for range 20 {
		c.Add([]string{"the", "minister", "visited", "Paris", "on", "Monday"})
		c.Add([]string{"the", "president", "visited", "Lagos", "on", "Friday"})
		c.Add([]string{"a", "minister", "left", "Lima", "on", "Sunday"})
	}
	cfg := DefaultClusterConfig()
	cfg.MinLeaf = 2
	paths := BuildClusters(c, cfg)
	if len(paths) != c.Words() {
		t.Errorf("%d words clustered; want all %d", len(paths), c.Words())
	}
	var buf bytes.Buffer
	if err := WriteClusters(&buf, paths); err != nil {
		t.Fatal(err)
	}
	res, err := NewResources(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.clusters, paths) {
		t.Error("cluster table changed in a round trip")
	}
	if p := res.clusters[LowerWordHash("Monday")]; p == 0 || p != res.clusters[LowerWordHash("monday")] {
		t.Errorf("Monday's cluster = %b; want a path shared with monday", p)
	}
}

// TestCapitalisedElsewhere checks the document fact "capitalised elsewhere, not clause-initially":
// a word right after a dash, colon, opening quote or ellipsis starts a clause and does not count.
func TestCapitalisedElsewhere(t *testing.T) {
	t.Parallel()
	tests := []struct {
		doc  [][]string
		word string
		want bool
	}{
		{[][]string{{"Mm", "."}, {"I", "remember", "--", "Mm", ",", "also", "."}}, "Mm", false},
		{[][]string{{"He", "said", ":", "``", "Tomorrow", "we", "go", ".", "''"}}, "Tomorrow", false},
		{[][]string{{"Well", "...", "Then", "we", "left", "."}}, "Then", false},
		{[][]string{{"She", "met", "Okonkwo", "in", "Lagos", "."}}, "Okonkwo", true},
		{[][]string{{"Okonkwo", "arrived", "."}}, "Okonkwo", false},
		{[][]string{{"Asia", "-", "Pacific", "trade", "."}}, "Pacific", true},
	}
	f := newFeaturizer(&Resources{}, nil)
	for _, tt := range tests {
		f.beginDoc(tt.doc)
		if got := f.docCap[lowerHash(tt.word)]; got != tt.want {
			t.Errorf("%q in %q: capitalised elsewhere = %v, want %v", tt.word, tt.doc, got, tt.want)
		}
	}
}

// TestModelTokens checks that text reaches each model tokenised as its corpus was.
func TestModelTokens(t *testing.T) {
	t.Parallel()
	tests := []struct{ scheme, in, want string }{
		{"ontonotes", "Roberto Bautista-Agut beat Pierre-Hugues Herbert", "Roberto|Bautista|-|Agut|beat|Pierre|-|Hugues|Herbert"},
		{"ontonotes", "flights to Port-au-Prince resumed", "flights|to|Port|-|au|-|Prince|resumed"},
		{"ontonotes", "an anti-war co-founder, uh-huh", "an|anti-war|co-founder|,|uh-huh"},
		{"ontonotes", "the Asia-Pacific's economies", "the|Asia|-|Pacific|'s|economies"},
		{"ontonotes", "at 2:52 PM the bond was 103 12/32, scores of 3-4", "at|2:52|PM|the|bond|was|103|12/32|,|scores|of|3|-|4"},
		{"ontonotes", "loans of US$35.2 billion and HK$ 5", "loans|of|US$|35.2|billion|and|HK$|5"},
		{"ontonotes", "UAL Corp.'s United Airlines in Arnold, Calif., and Cie. Financiere", "UAL|Corp.|'s|United|Airlines|in|Arnold|,|Calif.|,|and|Cie.|Financiere"},
		{"conll2003", "Bautista-Agut won 6-3 on 1996-08-22 at 10:05", "Bautista-Agut|won|6-3|on|1996-08-22|at|10:05"},
	}
	for _, tt := range tests {
		toks := (&Model{scheme: tt.scheme}).tokens(tt.in)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
			if tt.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets [%d, %d) = %q", tt.in, tk.Text, tk.Start, tk.End, tt.in[tk.Start:tk.End])
			}
		}
		if got := strings.Join(words, "|"); got != tt.want {
			t.Errorf("%s tokens(%q) = %s; want %s", tt.scheme, tt.in, got, tt.want)
		}
	}
}
