package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// cmdTag tags a CoNLL-layout file (docs/contracts.md §2): TOKEN[\tANYTHING] lines in, TOKEN\tTAG lines out.
func cmdTag(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("tag", stderr)
	format := fs.String("format", "conll", "input/output format (conll)")
	scheme := fs.String("scheme", "ontonotes", "tag scheme: ontonotes|conll2003")
	modelPath := fs.String("model", "", "model file (default: the embedded model of the scheme)")
	var resFlags nerResources
	resFlags.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *format != "conll" {
		return usageError{fmt.Errorf("--format %q: only conll is supported", *format)}
	}
	if fs.NArg() > 1 {
		return usageError{fmt.Errorf("one input at most")}
	}
	in := io.Reader(os.Stdin)
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("tag: %w", err)
		}
		defer f.Close()
		in = f
	}
	m, places, err := loadNERModel(*scheme, *modelPath, resFlags)
	if err != nil {
		return err
	}
	lines, err := readLines(in)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	writeTagged(w, lines, func(sents [][]string) [][]string { return m.TagSentences(places, sents) })
	if err := w.Flush(); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	return nil
}

// writeTagged writes CoNLL lines back with their tags, tagging one document (the lines between
// -DOCSTART- lines) at a time and keeping the layout: blank lines end sentences.
func writeTagged(w io.Writer, lines []string, tag func(sents [][]string) [][]string) {
	var doc []string
	for _, l := range lines {
		if tok, _, _ := strings.Cut(l, "\t"); tok == eval.DocStart {
			writeTaggedDoc(w, doc, tag)
			doc = doc[:0]
			fmt.Fprintln(w, l)
			continue
		}
		doc = append(doc, l)
	}
	writeTaggedDoc(w, doc, tag)
}

func writeTaggedDoc(w io.Writer, doc []string, tag func(sents [][]string) [][]string) {
	var sents [][]string
	var cur []string
	for _, l := range doc {
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		tok, _, _ := strings.Cut(l, "\t")
		cur = append(cur, tok)
	}
	if cur != nil {
		sents = append(sents, cur)
	}
	tags := tag(sents)
	s, k := 0, 0
	for _, l := range doc {
		if strings.TrimSpace(l) == "" {
			if k > 0 {
				s, k = s+1, 0
			}
			fmt.Fprintln(w, l)
			continue
		}
		tok, _, _ := strings.Cut(l, "\t")
		fmt.Fprintf(w, "%s\t%s\n", tok, tags[s][k])
		k++
	}
}

func readLines(r io.Reader) ([]string, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read input: %w", err)
	}
	return lines, nil
}

// loadNERModel returns the scheme's model (embedded unless a file is given) and the gazetteer.
func loadNERModel(scheme, path string, resFlags nerResources) (*ner.Model, ner.PlaceLookup, error) {
	gaz, err := geo.Default()
	if err != nil {
		return nil, nil, fmt.Errorf("load gazetteer: %w", err)
	}
	if path == "" {
		m, err := ner.LoadModel(scheme)
		if err != nil {
			return nil, nil, err
		}
		return m, gaz, nil
	}
	res, err := resFlags.load()
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load model: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(bufio.NewReader(f), res)
	if err != nil {
		return nil, nil, fmt.Errorf("load model %s: %w", path, err)
	}
	if m.Scheme() != scheme {
		return nil, nil, fmt.Errorf("model %s is for scheme %s, not %s", path, m.Scheme(), scheme)
	}
	return m, gaz, nil
}
