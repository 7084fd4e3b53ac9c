package nertrain

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/newsmon/newsmon/pkg/extract/ner"
)

// CountWords counts the words of text files (a sentence a line, *.gz gunzipped, split into
// tokens as ner does) and of CoNLL files (their tokens as they are), for ner.BuildClusters. It
// also returns how many sentences it counted.
func CountWords(ctx context.Context, text, conll []string) (*ner.ClusterCounter, int, error) {
	counter := ner.NewClusterCounter()
	sentences := 0
	for _, path := range text {
		if err := eachLine(path, func(line string) {
			toks := ner.Tokens(line)
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.Text
			}
			if len(words) > 0 {
				counter.Add(words)
				sentences++
			}
		}); err != nil {
			return nil, 0, err
		}
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
	}
	for _, path := range conll {
		docs, err := readCoNLL(path)
		if err != nil {
			return nil, 0, err
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				counter.Add(s.Tokens)
				sentences++
			}
		}
	}
	return counter, sentences, nil
}

// WriteClusters clusters the counted words and writes the table to path; it returns how many
// words got a cluster.
func WriteClusters(path string, counter *ner.ClusterCounter, cfg ner.ClusterConfig) (int, error) {
	paths := ner.BuildClusters(counter, cfg)
	if err := writeFile(path, func(w io.Writer) error { return ner.WriteClusters(w, paths) }); err != nil {
		return 0, err
	}
	return len(paths), nil
}

// ProfileOptions say which text a base model tags for word profiles and where the table goes.
type ProfileOptions struct {
	Text     []string // text files, a paragraph a line (*.gz gunzipped)
	DocLines int      // lines tagged together as one document
	Counts   []string // counts written by NERJob (NEROptions.CVCounts), added to the text's
	Out      string   // where the profile table goes (gzip)
}

// Profiles tags the text with m (places: the gazetteer it was trained with), adds the counts
// files and writes each word's label profile, which models trained afterwards read as features
// (see ner.ProfileCounter). It returns how many distinct words were tagged.
func Profiles(ctx context.Context, m *ner.Model, places ner.PlaceLookup, opts ProfileOptions) (int, error) {
	counter := ner.NewProfileCounter(m, places)
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			counter.AddText(lines)
			lines = lines[:0]
		}
	}
	for _, path := range opts.Text {
		if err := eachLine(path, func(line string) {
			lines = append(lines, line)
			if len(lines) == opts.DocLines {
				flush()
			}
		}); err != nil {
			return 0, err
		}
		flush()
		if err := ctx.Err(); err != nil {
			return 0, err
		}
	}
	for _, path := range opts.Counts {
		data, err := os.ReadFile(path)
		if err != nil {
			return 0, err
		}
		if err := counter.ReadCounts(bytes.NewReader(data)); err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := writeFile(opts.Out, counter.Write); err != nil {
		return 0, err
	}
	return counter.Words(), nil
}
