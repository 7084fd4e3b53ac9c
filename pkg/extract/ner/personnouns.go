package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// This file holds readings of names by the nouns WordNet files as people's (wordclass.Speaker
// 'p'): a noun such as "broadcaster", "film-maker" or "comedian" before a given name and a surname
// introduces a person, though the hand lists read some of them ("broadcaster", "maker") as an
// organisation's class noun too ("the broadcaster Sky", "the chip-maker Infineon").

// personNounBefore reports a lower-case noun right before token i whose first WordNet senses are a
// person's: "fellow broadcaster X", "film-maker X" (a hyphenated compound is read whole: "maker"
// alone is a company's noun, "filmmaker" a person's).
func personNounBefore(s string, toks []token, i int) bool {
	if i < 1 || !spaceGap(s, toks[i-1], toks[i]) {
		return false
	}
	w := toks[i-1].Text
	if capClass(w) != capLower || len(w) < 4 {
		return false
	}
	if i >= 3 && hyphenInWord(toks, i-2) && capClass(toks[i-3].Text) == capLower {
		return isPersonNoun(toks[i-3].Text + w)
	}
	if strings.Contains(w, "-") {
		return isPersonNoun(strings.ReplaceAll(w, "-", ""))
	}
	return isPersonNoun(w)
}

// isPersonNoun reports a noun whose first WordNet senses are a person's.
func isPersonNoun(w string) bool {
	return wordclass.Speaker(w) == 'p'
}
