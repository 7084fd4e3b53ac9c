package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A title-case headline ("Clinton Breaks With Obama On 9/11 Lawsuit Bill") opening a text capitalises
// every word, so the model reads runs of it as names ("Obama On 9/11 Lawsuit Bill" a place), and
// its document features then carry that reading to the whole story (Obama a place throughout). A
// reader takes such a line as a headline: the model tags it apart from the body, and of its
// mentions only the names the body names too are kept.

// headlineFunctionWords are written capitalised only in title case.
var headlineFunctionWords = wordSet(`On With Of The In For To And At By From As Into Over After About Is Are Be Its`)

// titleCaseHeadline returns the byte length of a title-case headline opening s — a first line of
// four or more words, each capitalised, at least one a capitalised function word or all of six or
// more, followed by more text — or 0.
func titleCaseHeadline(s string) int {
	end := strings.IndexByte(s, '\n')
	if end <= 0 || strings.TrimSpace(s[end:]) == "" {
		return 0
	}
	words, function := 0, false
	for _, w := range strings.Fields(s[:end]) {
		w = strings.Trim(w, "‘’'\"“”:.,!?()[]—–-")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "" || !unicode.IsLetter(r):
			continue // "9/11", "—"
		case !unicode.IsUpper(r):
			return 0
		}
		words++
		function = function || headlineFunctionWords[w]
	}
	if words < 4 || !function && words < 6 {
		return 0
	}
	return end
}

// tagTextApart is Model.tagText with a title-case headline ending at byte headEnd tagged as a
// document of its own; it falls back to tagText when a sentence runs across the headline's end.
func (m *Model) tagTextApart(sc *docScratch, s string, headEnd int) (toks []token, words []string, sents [][2]int, labels []uint8) {
	if headEnd == 0 {
		return m.tagText(sc, s)
	}
	toks = m.tokens(s)
	sents = splitSentences(s, toks)
	h := 0
	for h < len(sents) && toks[sents[h][1]-1].End <= headEnd {
		h++
	}
	if h == 0 || h == len(sents) || toks[sents[h][0]].Start < headEnd {
		return m.tagText(sc, s)
	}
	words, doc := sentenceWords(toks, sents)
	labels = make([]uint8, 0, len(toks))
	labels = append(labels, m.tagDoc(sc, doc[:h])...)
	labels = append(labels, m.tagDoc(sc, doc[h:])...)
	return toks, words, sents, labels
}

// keepHeadlineNames drops the mentions inside a headline ending at byte headEnd whose names the
// body does not name: "Elizabeth Warren Hammers Wells Fargo" goes, "Wells Fargo" stays.
func keepHeadlineNames(cands []candidate, headEnd int) []candidate {
	if headEnd == 0 {
		return cands
	}
	inBody := map[string]bool{}
	for _, c := range cands {
		if c.start >= headEnd {
			inBody[c.name] = true
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if c.start >= headEnd || inBody[c.name] {
			out = append(out, c)
		}
	}
	return out
}

// sentenceWords returns the tokens' words and the document as the model reads it: a slice of
// words per sentence.
func sentenceWords(toks []token, sents [][2]int) ([]string, [][]string) {
	words := make([]string, len(toks))
	for i, tk := range toks {
		words[i] = tk.Text
	}
	doc := make([][]string, len(sents))
	for i, sp := range sents {
		doc[i] = words[sp[0]:sp[1]]
	}
	return words, doc
}
