package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The verb list (pkg/extract/wordclass/data/verbs.tsv.gz): every single-word English verb whose
// most frequent WordNet 3.1 sense lies in the lexicographer file verb.communication (32): accuse,
// cite, criticise, describe, question, warn. The quote extractor reads a finite verb of this class
// after a named subject as a cue of reported speech; verbs whose first sense is another kind of act
// ("sign", "give", "find") stay out, however often they also report words.

// communicationLexfile is WordNet's lexicographer file number of verb.communication.
const communicationLexfile = 32

// writeVerbs writes the communication verbs of dict (data.verb, index.verb) to out.
func writeVerbs(dict, out string) error {
	lexfile := map[string]int{}
	err := eachRecord(filepath.Join(dict, "data.verb"), func(f []string) error {
		if len(f) < 2 {
			return nil
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("synset %s: lexicographer file: %w", f[0], err)
		}
		lexfile[f[0]] = n
		return nil
	})
	if err != nil {
		return err
	}
	senses, _, err := readIndex(filepath.Join(dict, "index.verb"))
	if err != nil {
		return err
	}
	lines := singleWordLines(senses, "c", func(word, first string) bool { return lexfile[first] == communicationLexfile })
	return writeSorted(out, "verbs", "# WordNet 3.1 verbs whose first sense is verb.communication (c); built by tools/speakerlex, see SOURCES.md", lines)
}

// writeSorted sorts the lines and writes them under the header, gzipped, to out, saying how many
// of what it wrote.
func writeSorted(out, what, header string, lines []string) error {
	sort.Strings(lines)
	if err := writeGzip(out, header, lines); err != nil {
		return err
	}
	fmt.Printf("%s: %d %s\n", out, len(lines), what)
	return nil
}

// singleWordLines returns "word\tletter" for each single word of senses (no compounds, numbers
// or abbreviations, three letters at least: a cue is one token) that keep accepts, given its
// first sense.
func singleWordLines(senses map[string][]string, letter string, keep func(word, first string) bool) []string {
	var lines []string
	for word, offs := range senses {
		if strings.ContainsAny(word, "_.0123456789'-") || len(word) < 3 || len(offs) == 0 {
			continue
		}
		if keep(word, offs[0]) {
			lines = append(lines, word+"\t"+letter)
		}
	}
	return lines
}
