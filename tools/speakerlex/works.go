package main

import (
	"path/filepath"
)

// The work list (pkg/extract/wordclass/data/works.tsv.gz): every single-word English noun whose
// most frequent WordNet 3.1 sense is a creative work or a publication — a film, a book, a novel, a
// memoir, a song, an album, a play, an opera, a programme, a series, a documentary, a bill or a
// statute. The tagger's typing step (pkg/extract/ner) reads a capitalised name that such a noun
// names ("the documentary “13th”", "Primer, a $7,000 tale of discovery") as a title of a work.
// Only the first sense counts: "show", "report", "paper" and "record" name other things first; and
// a word used more often as a verb, an adjective or an adverb is none ("put", "above").

// workRoots are the synsets whose hyponyms are works ('w').
var workRoots = []synsetRoot{
	{"movie", 1, 'w'}, {"publication", 1, 'w'}, {"writing", 2, 'w'}, {"musical_composition", 1, 'w'},
	{"dramatic_composition", 1, 'w'}, {"broadcast", 2, 'w'}, {"legal_document", 1, 'w'},
	{"album", 1, 'w'}, {"work_of_art", 1, 'w'},
}

// notWorkRoots block a work root above them: a document of record, a message or a letter is
// writing too, but names no title ("the letter Trump wrote").
var notWorkRoots = []synsetRoot{
	{"document", 1, 'x'}, {"letter", 1, 'x'}, {"message", 2, 'x'}, {"text", 1, 'x'}, {"symbol", 1, 'x'},
}

// writeWorks writes the work nouns of dict (data.noun, index.noun) to out.
func writeWorks(dict, out string) error {
	synsets, senses, nounTags, err := readNouns(dict)
	if err != nil {
		return err
	}
	otherTags, err := readModifierTags(dict) // adjectives and adverbs: "above"
	if err != nil {
		return err
	}
	_, verbTags, err := readIndex(filepath.Join(dict, "index.verb")) // verbs: "put", "check", "return"
	if err != nil {
		return err
	}
	classOf, err := nearestRootClass("work root", append(append([]synsetRoot{}, notWorkRoots...), workRoots...), synsets, senses)
	if err != nil {
		return err
	}
	// (legal_document lies under document: a law or a bill is named before the blocking root.)
	lawOf, err := nearestRootClass("law root", []synsetRoot{{"legal_document", 1, 'w'}}, synsets, senses)
	if err != nil {
		return err
	}
	lines := singleWordLines(senses, "w", func(word, first string) bool {
		// (not a word more often another part of speech: "above", "put", "check", "return")
		return otherTags[word]+verbTags[word] <= nounTags[word]+1 && (classOf(first) == 'w' || lawOf(first) == 'w')
	})
	return writeSorted(out, "nouns", "# WordNet 3.1 nouns whose first sense is a creative work, a publication or a law (w); built by tools/speakerlex, see SOURCES.md", lines)
}

// readNouns reads data.noun and index.noun: the synsets, each noun's senses (synset offsets, most
// frequent first) and how often the tagged corpora saw each noun.
func readNouns(dict string) (map[string]synset, map[string][]string, map[string]int, error) {
	synsets, err := readData(filepath.Join(dict, "data.noun"))
	if err != nil {
		return nil, nil, nil, err
	}
	senses, nounTags, err := readIndex(filepath.Join(dict, "index.noun"))
	if err != nil {
		return nil, nil, nil, err
	}
	return synsets, senses, nounTags, nil
}
