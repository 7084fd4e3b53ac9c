package ner

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestWordTemplatesReadTheTokenOnly: a word's wordTemplates hashes are the same wherever it
// occurs (start, middle or end of a sentence, capitalised neighbours, in a capitals-only
// sentence, in documents that use it differently), which is what lets wordSums cache their sums.
func TestWordTemplatesReadTheTokenOnly(t *testing.T) {
	m, err := LoadModel("ontonotes")
	if err != nil {
		t.Fatal(err)
	}
	docs := [][][]string{
		{{"Kenya", "said", "on", "Monday", "that", "Nairobi", "would", "grow", "."}},
		{{"said", "Kenya", "."}, {"NAIROBI", "WOULD", "Kenya", "said"}, {"the", "kenya", "Monday", "grow"}},
		{{"``", "Monday", ",", "that", "Nairobi", "said", "grow", "Kenya", "on", "''"}},
	}
	seen := map[string][]uint32{}
	for _, doc := range docs {
		f := newFeaturizer(m.res, places)
		f.beginDoc(doc)
		for _, toks := range doc {
			feats := f.sentence(toks, nil)
			for i, tok := range toks {
				var hs []uint32
				for _, k := range wordTemplates {
					hs = append(hs, feats[i*numTemplates+int(k)])
				}
				if prev, ok := seen[tok]; ok && !slices.Equal(prev, hs) {
					t.Errorf("%q: word-template hashes differ between occurrences", tok)
				}
				seen[tok] = hs
			}
		}
	}
}

// TestWordSumsLeaveLabelsAndScoresUnchanged: tagging with the word-sum cache (warm, cold, and
// restarted when full) gives exactly the scores and labels of reading every row.
func TestWordSumsLeaveLabelsAndScoresUnchanged(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadModel("ontonotes")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	paras := strings.Split(text, "\n\n")
	sc := &docScratch{f: newFeaturizer(m.res, places)}
	for round, s := range append([]string{text, text}, paras...) {
		if round == 3 {
			sc.words.at = map[string]int32{}
			for i := range maxCachedWords {
				sc.words.at[strings.Repeat("x", i%7)+string(rune(i))] = 0 // full: restarts
			}
		}
		_, _, _, got := m.tagText(sc, s)
		got = slices.Clone(got)
		gotEm := slices.Clone(sc.em)
		plain := &docScratch{f: newFeaturizer(m.res, places), readEveryRow: true}
		_, _, sents, want := m.tagText(plain, s)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: labels differ with the cache (%d sentences)", round, len(sents))
		}
		if !slices.Equal(gotEm, plain.em) {
			t.Fatalf("round %d: first-stage scores differ with the cache", round)
		}
	}
}

// TestMemoBaseInfo: a token's remembered base info is what baseInfo computes, whatever was in
// the tokenInfo before.
func TestMemoBaseInfo(t *testing.T) {
	m, err := LoadModel("ontonotes")
	if err != nil {
		t.Fatal(err)
	}
	f := newFeaturizer(m.res, places)
	for _, tok := range []string{"Kenya", "said", "Kenya", "U.S.", "’s", "said", "2024", "Nairobi-based"} {
		var want tokenInfo
		f.baseInfo(tok, &want)
		got := tokenInfo{gaz: gazBegin, initial: true, capElsewhere: true}
		f.memoBaseInfo(tok, &got)
		if got != want {
			t.Errorf("%q: memo %+v, baseInfo %+v", tok, got, want)
		}
	}
}
