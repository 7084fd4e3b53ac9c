package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

func setupEvalNER(fs *flag.FlagSet) scorer {
	s := &eval.NER{}
	fs.StringVar(&s.Scheme, "scheme", "ontonotes", "tag scheme: ontonotes|conll2003|conll2002|wikiann|msra (Chinese, one Han character a token)")
	modelPath := fs.String("model", "", "model file (default: the embedded model of the scheme, or of --lang)")
	lang := fs.String("lang", "", "score the embedded model of this language (es, …) instead of the scheme's English one")
	entities := fs.Bool("entities", false, "with --text and a CoNLL scheme: score the Tagger's entities (the document-level step included), "+
		"their types mapped back to the scheme's (PERSON→PER, PLACE→LOC, ORG→ORG, others→MISC)")
	var res nerResources
	res.register(fs)
	fs.BoolVar(&s.FromText, "text", false, "tag each document's rebuilt text through the product's tokeniser and sentence splitter")
	s.Load = func() (eval.Tagger, error) {
		var m *ner.Model
		var places ner.PlaceLookup
		var err error
		if *lang != "" && *modelPath == "" {
			m, places, err = loadLanguageModel(*lang)
		} else {
			m, places, err = loadNERModel(s.Scheme, *modelPath, res)
		}
		if err != nil {
			return nil, err
		}
		if m.Scheme() != s.Scheme {
			return nil, fmt.Errorf("the %s model is for scheme %s, not %s", *lang, m.Scheme(), s.Scheme)
		}
		if *entities && (!s.FromText || s.Scheme == "ontonotes") {
			return nil, fmt.Errorf("--entities needs --text and a CoNLL scheme")
		}
		if *entities {
			tagger := ner.NewWithModel(m, places)
			if *lang != "" && *modelPath == "" {
				tagger = ner.New(places) // what articles in that language get
			}
			return entityTagger{nerTagger{m, places}, tagger, *lang}, nil
		}
		return nerTagger{m, places}, nil
	}
	return s
}

// loadLanguageModel returns the embedded model of a language and the gazetteer.
func loadLanguageModel(lang string) (*ner.Model, ner.PlaceLookup, error) {
	gaz, err := geo.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("load gazetteer: %w", err)
	}
	m, err := ner.LoadLanguageModel(lang)
	return m, gaz, err
}

// nerTagger is a model with its place lookup, as eval.NER runs it.
type nerTagger struct {
	m      *ner.Model
	places ner.PlaceLookup
}

func (t nerTagger) Scheme() string { return t.m.Scheme() }
func (t nerTagger) TagSentences(sents [][]string) [][]string {
	return t.m.TagSentences(t.places, sents)
}
func (t nerTagger) TagText(text string) []eval.Span {
	var out []eval.Span
	for _, sp := range t.m.TagText(t.places, text) {
		out = append(out, eval.Span{Type: sp.Type, Start: sp.Start, End: sp.End})
	}
	return out
}

// entityTagger scores what articles get: the Tagger's entities, each mention a span.
type entityTagger struct {
	nerTagger
	tagger *ner.Tagger
	lang   string // Article.Language
}

func (t entityTagger) TagText(s string) []eval.Span {
	// Mentions are in code points; the scorer matches byte offsets.
	bytesAt := make([]int, 0, len(s)+1)
	for i := range s {
		bytesAt = append(bytesAt, i)
	}
	bytesAt = append(bytesAt, len(s))
	a := &article.Article{Text: s, Language: t.lang}
	if err := t.tagger.Extract(context.Background(), a); err != nil {
		return nil // the model loaded before tagging began; an error here cannot happen
	}
	var out []eval.Span
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			out = append(out, eval.Span{Type: schemeType(e.Type), Start: bytesAt[m.Start], End: bytesAt[m.End]})
		}
	}
	return out
}

// schemeType maps an entity type back to a CoNLL scheme's.
func schemeType(typ string) string {
	switch typ {
	case article.TypePerson:
		return "PER"
	case article.TypePlace:
		return "LOC"
	case article.TypeOrg:
		return "ORG"
	}
	return "MISC"
}
