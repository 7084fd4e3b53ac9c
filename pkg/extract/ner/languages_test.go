package ner

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestLanguageModelTagsSpanish: a Spanish article is tagged by the Spanish model, people,
// organisations and places alike, where the English model's guesses used to be thrown away and only
// gazetteer places and given-name people were kept (issue #22: "the Spanish and French stories get
// nonsense people").
func TestLanguageModelTagsSpanish(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		in    string
		wants []want
		not   []string
	}{
		{"El presidente de Telefónica, César Alierta, anunció en Madrid una inversión de US$4.000 millones en Brasil junto al Banco Santander.",
			[]want{{"ORG", "Telefónica"}, {"PERSON", "César Alierta"}, {"PLACE", "Madrid"}, {"PLACE", "Brasil"}, {"ORG", "Banco Santander"}},
			[]string{"US$"}},
		{"La Organización Mundial de la Salud advirtió el martes que el brote de cólera en Haití se extiende, según su director, Tedros Adhanom Ghebreyesus.",
			[]want{{"ORG", "Organización Mundial de la Salud"}, {"PLACE", "Haití"}, {"PERSON", "Tedros Adhanom Ghebreyesus"}}, nil},
	} {
		for _, lang := range []string{"es", "es-MX"} {
			a := &article.Article{Text: tc.in, Language: lang}
			if err := tagger.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, tc.in, a.Entities)
			for _, w := range tc.wants {
				if e := find(a.Entities, w.name); e == nil || e.Type != w.typ {
					t.Errorf("%s: %q = %v; want %s (all: %v)", lang, w.name, e, w.typ, a.Entities)
				}
			}
			for _, n := range tc.not {
				if find(a.Entities, n) != nil {
					t.Errorf("%s: unexpected entity %q", lang, n)
				}
			}
		}
	}
}

// TestLanguageModelsLoadLazily: a language's model is decoded on the first article of that
// language, once, and never for articles in other languages.
func TestLanguageModelsLoadLazily(t *testing.T) {
	t.Parallel()
	var loads atomic.Int32
	tagger := New(docPlaces)
	tagger.langs = languageLoaders{"es": {load: func() (*Model, error) {
		loads.Add(1)
		return LoadLanguageModel("es")
	}}}
	run := func(text, lang string) {
		t.Helper()
		if err := tagger.Extract(context.Background(), &article.Article{Text: text, Language: lang}); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"en", "", "fr", "zh"} {
		run("Senator Dale Kirkpatrick spoke in Nairobi.", lang)
	}
	if n := loads.Load(); n != 0 {
		t.Fatalf("the Spanish model was loaded %d times for articles in other languages", n)
	}
	run("Gloria Ramírez habló en Bogotá.", "es")
	if n := loads.Load(); n != 1 {
		t.Fatalf("after a Spanish article: %d loads; want 1", n)
	}
	// The real loaders load once: each is a sync.OnceValues.
	own := newLanguageLoaders()
	m1, err1 := own["es"].load()
	m2, err2 := own["es"].load()
	if err1 != nil || err2 != nil || m1 != m2 {
		t.Errorf("two loads gave %p, %v and %p, %v; want one model", m1, err1, m2, err2)
	}
}

func TestLoadLanguageModel(t *testing.T) {
	t.Parallel()
	for _, lang := range LanguageModels() {
		m, err := LoadLanguageModel(lang)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if m.Scheme() != "conll2002" && m.Scheme() != "wikiann" {
			t.Errorf("%s: scheme %s", lang, m.Scheme())
		}
	}
	if _, err := LoadLanguageModel("xx"); !errors.Is(err, ErrNoModel) {
		t.Errorf("unknown language: error %v; want ErrNoModel", err)
	}
}

// BenchmarkLoadLanguageModel measures decoding each language's embedded model (once per Tagger,
// on the first article of that language) and what the decoded model keeps: its weight tables
// (mapped outside the Go heap) and the rest, on the heap.
func BenchmarkLoadLanguageModel(b *testing.B) {
	if _, err := DefaultResources(); err != nil { // shared with English: not the language's cost
		b.Fatal(err)
	}
	for _, lang := range LanguageModels() {
		b.Run(lang, func(b *testing.B) {
			var before, after runtime.MemStats
			var keep *Model
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&before)
				m, err := LoadLanguageModel(lang)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				keep = m
			}
			table := 0
			for _, st := range keep.stages {
				table += len(st.w8)
			}
			b.ReportMetric(float64(table)/(1<<20), "MiB-tables")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
		})
	}
}

// TestLanguageModelKeepsNames: what a language model labels that opens in lower case or ends in a
// currency sign is no name.
func TestLanguageModelKeepsNames(t *testing.T) {
	t.Parallel()
	in := []article.Entity{{Name: "ministre de la Transition"}, {Name: "US$"}, {Name: "Élodie Marchand"}, {Name: "3M"}, {Name: "pays du Sahel"},
		{Name: "谭德塞"}, {Name: "“杜苏芮"}}
	var got []string
	for _, e := range keepNames(in) {
		got = append(got, e.Name)
	}
	if want := []string{"Élodie Marchand", "3M", "谭德塞"}; !slices.Equal(got, want) {
		t.Errorf("keepNames = %q; want %q", got, want)
	}
}

// TestChineseReadsCharacters: a model of the Chinese scheme reads one character a token, as its
// corpora are written, whatever pkg/text makes of the run ("新华社北京12月7日电" is one token there).
func TestChineseReadsCharacters(t *testing.T) {
	t.Parallel()
	s := "新华社北京12月7日电 谭德塞说。"
	var got []string
	for _, tok := range (&Model{scheme: "msra"}).tokens(s) {
		if s[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at [%d, %d) reads %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
		}
		got = append(got, tok.Text)
	}
	want := []string{"新", "华", "社", "北", "京", "1", "2", "月", "7", "日", "电", "谭", "德", "塞", "说", "。"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens = %q; want %q", got, want)
	}
	if toks := (&Model{scheme: "conll2002"}).tokens("Bogotá 12"); len(toks) != 2 {
		t.Errorf("a word model split \"Bogotá 12\" into %d tokens", len(toks))
	}
}

// TestChineseLinesAreProse: a Chinese sentence has no spaces, so the word counts that make a
// short English line a section label ("World") must not make it one.
func TestChineseLinesAreProse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		meta bool
	}{
		{"世界卫生组织总干事谭德塞在日内瓦说，疫情仍在蔓延。", false},
		{"无锡新建高铁站投入使用", false}, // a headline
		{"国际", true}, // a section label
		{"World", true},
		{"By Sarah Okonkwo", true},
	} {
		if got := isMetaLine(tc.line); got != tc.meta {
			t.Errorf("isMetaLine(%q) = %v; want %v", tc.line, got, tc.meta)
		}
	}
}

// TestChineseNamesSurviveTheDocumentStep: what a Chinese model tags becomes entities, whole and
// typed as tagged. Before, a Chinese line (few space-separated words, no final period) read as a
// section label and dropped every name on it, a span of lower-case-class characters was trimmed to
// nothing and had no capital, and a one-word person ("谭德塞") became an organisation.
func TestChineseNamesSurviveTheDocumentStep(t *testing.T) {
	t.Parallel()
	res, err := DefaultResources()
	if err != nil {
		t.Fatal(err)
	}
	sentence := func(s string, tags ...string) Sentence {
		var toks []string
		for _, r := range s {
			toks = append(toks, string(r))
		}
		return Sentence{Tokens: toks, Tags: tags}
	}
	o := func(n int) []string { return slices.Repeat([]string{"O"}, n) }
	name := func(typ string, n int) []string {
		return append([]string{"B-" + typ}, slices.Repeat([]string{"I-" + typ}, n-1)...)
	}
	cat := func(parts ...[]string) []string { return slices.Concat(parts...) }
	doc := Document{
		sentence("谭德塞在日内瓦说。", cat(name("PER", 3), o(1), name("LOC", 3), o(2))...),
		sentence("世界卫生组织表示。", cat(name("ORG", 6), o(3))...),
	}
	train := []Document{doc, doc, doc, doc, doc, doc}
	m, err := Train(context.Background(), TrainConfig{Scheme: "msra", MaxEpochs: 6, Seed: 7, Bits: 14, Stages: 1,
		Resources: res}, train, []Document{doc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := "谭德塞在日内瓦说。世界卫生组织表示。"
	ents := NewWithModel(m, nil).Tag(in)
	checkOffsets(t, in, ents)
	for _, w := range []want{{"PERSON", "谭德塞"}, {"PLACE", "日内瓦"}, {"ORG", "世界卫生组织"}} {
		if e := find(ents, w.name); e == nil || e.Type != w.typ {
			t.Errorf("%q = %v; want %s (all: %v)", w.name, e, w.typ, ents)
		}
	}
}
