package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file holds the typing step's general readings of titles of works by what WordNet says the
// noun that names them is (wordclass.Work: a film, a novel, a song, an album, a documentary, a
// bill, a statute), beside the hand lists of docnames.go, and by the verbs that take a work as
// their object ("directed The Sea Inside", "wrote “Primer”"). A title so named is MISC in the
// whole document.

// storyNouns name works too, though WordNet files their first sense under messages: "Primer, a
// $7,000 tale of discovery".
var storyNouns = wordSet(`tale tales story stories`)

// isWorkNoun reports a lower-case noun that names a work: the hand lists' class nouns, or one
// whose first WordNet sense is a work.
func isWorkNoun(w string) bool {
	return isHandWorkNoun(w) || wordclass.Work(w)
}

// isHandWorkNoun reports a work's class noun of the hand lists ("hit" aside: "a hit with voters").
func isHandWorkNoun(w string) bool {
	return strongWorkNouns[w] || weakWorkNouns[w] && w != "hit" || storyNouns[w]
}

// workVerbs take a work as their object: "directed The Sea Inside", "wrote “The Color of Law”".
// ("starred in" and "stars in" are read with their "in".)
var workVerbs = wordSet(`directed co-directed wrote co-wrote written published releases released
produced penned narrated starred stars starring`)

// isTitleOpening reports the token after a work verb that may open a title not found by a class
// noun: a quotation mark, or "The", "A", "An" with a capitalised word after it (an article in
// capitals inside a sentence opens a title: "wrote The New Jim Crow").
func isTitleOpening(toks []token, h int) bool {
	switch toks[h].Text {
	case "“", "\"", "‘":
		return true
	case "The", "A", "An":
		return h+1 < len(toks) && capClass(toks[h+1].Text) == capInit && text.IsWord(toks[h+1].Text)
	}
	return false
}

// workVerbTitle returns the token at which a title after the work verb at token h opens, or -1:
// the verb, "in" after "starred" or "stars", then a title opening (isTitleOpening).
func workVerbTitle(toks []token, h int) int {
	switch toks[h+1].Text { // the cheap test first: most tokens are followed by none of these
	case "in", "“", "\"", "‘", "The", "A", "An":
	default:
		return -1
	}
	w := toks[h].Text
	if !workVerbs[w] {
		return -1
	}
	k := h + 1
	if w == "starred" || w == "stars" || w == "starring" {
		if k+1 >= len(toks) || toks[k].Text != "in" {
			return -1
		}
		k++
	}
	if k >= len(toks) || !isTitleOpening(toks, k) {
		return -1
	}
	return k
}

// quotedAfterWorkNoun reports a WordNet work noun at token h that the hand lists lack, with a
// quotation mark after it: "the anthem “Lift Every Voice”". Unquoted, such a noun says too little
// ("the bill Congress passed").
func quotedAfterWorkNoun(toks []token, h int) bool {
	switch toks[h+1].Text {
	case "“", "\"", "‘":
		return wordclass.Work(toks[h].Text) || storyNouns[toks[h].Text]
	}
	return false
}

// isAppositionModifier reports a token that may stand between the article and the head noun of a
// work's apposition besides lower-case words: a hyphen, a number, a currency sign or a bracket
// ("a $7,000 (£3,650) tale of discovery", "a 2004 documentary").
func isAppositionModifier(w string) bool {
	switch w {
	case "-", "$", "£", "€", "(", ")":
		return true
	}
	return text.IsNumber(w) || text.IsWord(w) && capClass(w) == capLower && !isPossessive(w)
}

// isParticiple reports a lower-case word in -ing that may open a participle phrase after a work's
// noun: "Debating The Donald, a book analyzing Trump's debates".
func isParticiple(w string) bool {
	n := len(w)
	return n > 5 && w[n-3:] == "ing" && capClass(w) == capLower
}

// worksExampleTitle returns the token at which titles given as examples of works open after the
// "including" or "such as" at token h — "films including 1989's Shirley Valentine", "novels such
// as The Remains of the Day" — or -1. The noun before must be a plural work's ("films", "novels"),
// and a year's possessive before the title is passed over.
func worksExampleTitle(toks []token, h int) int {
	n := h - 1
	switch {
	case toks[h].Text == "including" || toks[h].Text == "include" || toks[h].Text == "includes":
	case toks[h].Text == "as" && n > 0 && toks[n].Text == "such":
		n--
	default:
		return -1
	}
	if w := toks[n].Text; len(w) < 4 || w[len(w)-1] != 's' || !isWorkNoun(w) && w != "credits" {
		return -1 // ("his film credits include X": credits are works too)
	}
	b := h + 1
	if b+2 < len(toks) && isYear(toks[b].Text) {
		switch p := toks[b+1].Text; { // "1989's": one token, or the apostrophe and the "s"
		case isPossessive(p):
			b += 2
		case (p == "'" || p == "’") && b+3 < len(toks) && toks[b+2].Text == "s":
			b += 3
		}
	}
	if b >= len(toks) || !isTitleWord(toks[b].Text) && !isTitleOpening(toks, b) {
		return -1
	}
	return b
}

// titleApostrophe returns how many tokens from k a possessive inside a title takes — one for the
// apostrophe of "Footballers' Wives" or the "'s" of "Harry's Garden Party", two for an apostrophe
// and "s" the tokenizer split ("1989" "'" "s") — when it is written on to the word before it and a capitalised word
// follows it; else 0.
func titleApostrophe(s string, toks []token, k int) int {
	if k < 1 || k+2 >= len(toks) || toks[k-1].End != toks[k].Start {
		return 0
	}
	prev, next := toks[k-1].Text, toks[k+1].Text
	switch toks[k].Text {
	case "'", "’":
	case "'s", "’s": // "Harry's Garden Party"
		if spaceGap(s, toks[k], toks[k+1]) && capClass(next) == capInit {
			return 1
		}
		return 0
	default:
		return 0
	}
	switch {
	case next == "s" && toks[k].End == toks[k+1].Start:
		if spaceGap(s, toks[k+1], toks[k+2]) && capClass(toks[k+2].Text) == capInit {
			return 2
		}
	case prev[len(prev)-1] == 's' && spaceGap(s, toks[k], toks[k+1]) && capClass(next) == capInit:
		return 1
	}
	return 0
}

// bareWorkVerbs take a work as their object with no article before it: "directed Pulp Fiction",
// "starred in Local Hero" ("wrote" and "produced" take letters and goods as often).
var bareWorkVerbs = wordSet(`directed co-directed penned narrated`)

// workBefore reports what reads a mention opening at token i as a work's title: a verb of making
// or starring right before it ("directed Pulp Fiction", "starred in Local Hero") or "episode of",
// "sequel to", "remake of". Only for a name the model took for a body or a title (a person after
// "starred in" is no title) that no noun follows (the caller's test, nounAfter: "an episode of BBC
// sketch programme X" names the broadcaster).
func workBefore(toks []token, i int) bool {
	if i < 2 {
		return false
	}
	w, p := toks[i-1].Text, toks[i-2].Text
	switch {
	case bareWorkVerbs[w]:
		return true
	case w == "in":
		return p == "starred" || p == "stars" || p == "starring"
	case w == "of":
		return p == "episode" || p == "episodes" || p == "remake" || p == "adaptation" || p == "sequel"
	case w == "to":
		return p == "sequel" || p == "prequel"
	}
	return false
}

// workNounAfter reports a work's class noun right after a mention ending at token j: "the Star
// Wars movie", "the sixth Harry Potter film". Read only for what the model took for a title: a
// studio or a broadcaster before "film" stays a body ("a BBC documentary").
func workNounAfter(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	switch w := toks[j].Text; w {
	case "movies", "franchise", "trilogy", "saga":
		return true
	default:
		return strongWorkNouns[w]
	}
}

// nounAfter reports a lower-case word at token j that WordNet has mostly as a noun ("sketch" in
// "BBC sketch programme"): the name before it modifies it.
func nounAfter(toks []token, j int) bool {
	if j >= len(toks) || capClass(toks[j].Text) != capLower || !text.IsWord(toks[j].Text) {
		return false
	}
	switch wordclass.Speaker(toks[j].Text) {
	case 0, 'a':
		return false
	}
	return true
}

// directedTitleBefore reports a name the model found right before "director" at token h that may
// be a film's: typed a person or a title, and not opened by a common word ("Film director X" and
// "Her director X" open a sentence; bodies have directors too: "FBI director X").
func (t *Tagger) directedTitleBefore(cands []candidate, toks []token, h int) bool {
	for _, c := range cands {
		if c.end != toks[h-1].End {
			continue
		}
		first, _, _ := strings.Cut(c.name, " ")
		return (c.typ == article.TypePerson || c.typ == article.TypeMisc) && !t.lex.common[strings.ToLower(first)]
	}
	return false
}
