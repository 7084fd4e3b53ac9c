package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
)

// cmdEvalNER tags a labelled CoNLL file with the scheme's model and scores entity-level exact
// matches per type (CONTRACTS §2). With --text it measures what articles go through instead: each
// document's text is rebuilt from its tokens (eval.Detokenize), tokenised and split into sentences
// by the product's own code (ner.Model.TagText), and entities match by character offsets.
func cmdEvalNER(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval ner", stderr)
	scheme := fs.String("scheme", "ontonotes", "tag scheme: ontonotes|conll2003")
	data := fs.String("data", "", "labelled TOKEN\\tTAG file (IOB2)")
	modelPath := fs.String("model", "", "model file (default: the embedded model of the scheme)")
	var resFlags nerResources
	resFlags.register(fs)
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	fromText := fs.Bool("text", false, "tag each document's rebuilt text through the product's tokeniser and sentence splitter")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return usageError{fmt.Errorf("--data is required")}
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	docs, err := eval.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval ner %s: %w", *data, err)
	}
	m, places, err := loadNERModel(*scheme, *modelPath, resFlags)
	if err != nil {
		return err
	}
	score := eval.NewNERScore()
	tokens := 0
	start := time.Now()
	for _, d := range docs {
		sents := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			if s.Tags == nil {
				return fmt.Errorf("eval ner %s: the file has no tags", *data)
			}
			sents[i] = s.Tokens
			tokens += len(s.Tokens)
		}
		if *fromText {
			text, gold := eval.Detokenize(d.Sentences, m.Scheme() == "ontonotes")
			var pred []eval.Span
			for _, sp := range m.TagText(places, text) {
				pred = append(pred, eval.Span{Type: sp.Type, Start: sp.Start, End: sp.End})
			}
			score.AddSpans(gold, pred)
			continue
		}
		pred := m.TagSentences(places, sents)
		for i, s := range d.Sentences {
			score.AddSentence(s.Tags, pred[i])
		}
	}
	took := time.Since(start)
	if *asJSON {
		met := score.Metrics()
		met["scheme"] = *scheme
		met["tokens"] = tokens
		met["tokens_per_second"] = int(float64(tokens) / took.Seconds())
		return eval.WriteJSON(stdout, met)
	}
	fmt.Fprintf(stdout, "scheme %s, %d documents, %d tokens, %.0f tokens/s\n", *scheme, len(docs), tokens,
		float64(tokens)/took.Seconds())
	return score.WriteText(stdout)
}
