package main

import (
	"flag"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/ner"
)

func setupEvalNER(fs *flag.FlagSet) scorer {
	s := &eval.NER{}
	fs.StringVar(&s.Scheme, "scheme", "ontonotes", "tag scheme: ontonotes|conll2003")
	modelPath := fs.String("model", "", "model file (default: the embedded model of the scheme)")
	var res nerResources
	res.register(fs)
	fs.BoolVar(&s.FromText, "text", false, "tag each document's rebuilt text through the product's tokeniser and sentence splitter")
	s.Load = func() (eval.Tagger, error) {
		m, places, err := loadNERModel(s.Scheme, *modelPath, res)
		return nerTagger{m, places}, err
	}
	return s
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
