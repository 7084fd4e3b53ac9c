package quote

import (
	"github.com/newsmon/newsmon/pkg/text"
)

// A subject a reader sees whole where npBefore stops short: between the comma that ends what was
// said and a sentence-final cue ("…, the joint report from the Food and Agriculture Organisation
// and the World Food Programme said.", "…, the trade and industry secretary has said."), or right
// after a closing quote ("“…,” the central bank's vice president Farhat Ben Omar said.").

// subjectPhrase reads toks[a:k], the words between a boundary and the cue toks[k], as the cue's
// subject when they are one noun phrase: it opens with a determiner, a possessive or a capitalised
// word, holds only words, possessives and the joining words of names and descriptions ("of",
// "for", "from", "at", "in", "and", "&", "-"), and no verb; auxiliaries and adverbs right before
// the cue ("has said", "also said") are no part of it.
func subjectPhrase(toks []text.Token, a, k int) (np, bool) {
	b := k - 1
	for b >= a && (skipBeforeCue[toks[b].Text] || adverb(toks[b].Text)) {
		b--
	}
	if b < a || b-a >= 14 {
		return np{}, false
	}
	first := toks[a].Text
	if !(determiners[lower(first)] && !demonstratives[lower(first)] || possessive(first) || text.IsCapitalized(first) && !sentenceOpeners[first] && !pronounSpeakers[first]) {
		return np{}, false
	}
	if last := toks[b].Text; !text.IsWord(last) || joiningWords[lower(last)] || determiners[lower(last)] || !text.IsCapitalized(last) && (npStops[lower(last)] || gerund(last)) {
		return np{}, false
	}
	for i, t := range toks[a : b+1] {
		w := lower(t.Text)
		switch {
		case w == "and" && determiners[lower(toks[a+i+1].Text)]:
			return np{}, false // "the report from the FAO and the WFP": two phrases joined, left to npBefore
		case joiningWords[w]:
		case !text.IsWord(t.Text):
			return np{}, false
		case text.IsCapitalized(t.Text) || possessive(t.Text) || text.IsNumber(t.Text):
		case auxiliaries[w] || npStops[w] || pronounSpeakers[t.Text] || personalPronouns[t.Text] || sayWords[w]:
			return np{}, false
		case pastTense(w) && !reducedRelatives[w]:
			return np{}, false
		}
	}
	return np{a: a, b: b}, true
}

// joiningWords join the parts of a name or a description inside one noun phrase.
var joiningWords = wordSet(`of for from at in and & - the a an`)

// trailingSubject reads the subject of a sentence-final cue toks[k] that npBefore does not settle:
// the phrase from the comma before it, which must leave a clause of three words or more before
// that comma. It returns the phrase and the comma's index.
func trailingSubject(toks []text.Token, k int) (np, int, bool) {
	for c := k - 2; c >= 3 && k-c <= 16; c-- {
		if toks[c].Text != "," {
			continue
		}
		p, ok := subjectPhrase(toks, c+1, k)
		return p, c, ok
	}
	return np{}, 0, false
}

// subjectPastAside is npBefore's subject of the cue toks[k]; where npBefore finds none, it reads the
// clause again without the aside that stands between the subject and the cue ("Cyber security
// experts, however, said", "Democratic economists, like their Republican counterparts, say", "Sen.
// Ann Ray (R-Ga.), one of the bill's authors, said") and returns the tokens the phrase indexes.
func subjectPastAside(toks []text.Token, k int) (np, []text.Token, bool) {
	if p, ok := npBefore(toks, k); ok {
		if n, ok := nameBeforeAppositive(toks, p); ok {
			return n, toks, true
		}
		return p, toks, true
	}
	if j := k - 1; j >= 2 && restrictiveCue(toks, k) && text.IsWord(toks[j-1].Text) && !npStops[lower(toks[j-1].Text)] {
		// "the regulator which said …", "voters who said …": a restrictive relative clause, whose
		// subject is the phrase before it
		if p, ok := phraseStart(toks, np{}, j-1); ok && !p.none {
			return p, toks, true
		}
	}
	if t2, k2, ok := withoutAside(toks, k); ok {
		if p, ok := npBefore(t2, k2); ok && !p.none && p.b < k2 {
			return p, t2, true
		}
	}
	return np{}, toks, false
}

// withoutAside copies toks without one aside before the cue toks[k]: a bracket right before a
// comma ("(R-Ga.),"), or a phrase between commas right before the cue that opens with a
// connective adverb, a preposition or an -ing form (", however,", ", like their rivals,", ",
// citing the poll,"). It returns the copy and the cue's index in it.
func withoutAside(toks []text.Token, k int) ([]text.Token, int, bool) {
	cut := func(a, b int) ([]text.Token, int, bool) { // drop toks[a:b]
		t2 := make([]text.Token, 0, len(toks)-(b-a))
		return append(append(t2, toks[:a]...), toks[b:]...), k - (b - a), true
	}
	for c := k - 1; c > 2 && k-c <= 25; c-- {
		if toks[c].Text != "," || toks[c-1].Text != ")" {
			continue
		}
		for o := c - 2; o > 0 && c-o <= 8; o-- {
			if toks[o].Text == "(" {
				return cut(o, c)
			}
		}
		break
	}
	j := k - 1
	for j > 0 && skipBeforeCue[toks[j].Text] {
		j--
	}
	if toks[j].Text != "," {
		return nil, 0, false
	}
	for i := j - 1; i > 1 && j-i <= 12; i-- {
		if t := toks[i].Text; t == "," {
			w := lower(toks[i+1].Text)
			if i+1 < j && (asideOpeners[w] || prepositions[w] && w != "of" || gerund(w)) {
				return cut(i, j+1)
			}
			break
		} else if !text.IsWord(t) && !possessive(t) && t != "-" {
			break
		}
	}
	return nil, 0, false
}

// asideOpeners open a parenthesis between a subject and its verb.
var asideOpeners = wordSet(`however too though meanwhile moreover instead also therefore nonetheless
nevertheless like unlike including`)

// subjectAside reports whether the clause before the cue toks[k] opens with its subject and an
// aside about it ("Gov. Tom Albers of Dunmore, a Liberal who …, said", "Sanders, who has …,
// said"): a name from the clause's start (from) followed by a comma and a role or a relative
// clause. Then the words after the cue are what was said, not an inverted speaker.
func subjectAside(toks []text.Token, k, from int) bool {
	sp, ok := npBefore(toks, k)
	if !ok || sp.none || sp.a > from || sp.b+2 >= k || toks[sp.b+1].Text != "," || !text.IsCapitalized(toks[sp.b].Text) ||
		sp.a == sp.b && (adverb(lower(toks[sp.a].Text)) || sentenceOpeners[toks[sp.a].Text]) {
		return false // ("Currently, an entire project takes three months, says Mr Dean": an adverb, no subject)
	}
	w := toks[sp.b+2].Text
	return relativePronoun(w) || w == "whose" || determiners[lower(w)] && !demonstratives[lower(w)] || text.IsNumber(w)
}

// relativeOf is the index of the relative pronoun that is the subject of the cue toks[k]: after a
// comma or dash (relativeBefore), or right before the cue in a restrictive clause ("the regulator
// which said"); 0 when there is none.
func relativeOf(toks []text.Token, k int) int {
	if r := relativeBefore(toks, k); r > 0 {
		return r
	}
	if j := k - 1; j >= 2 && restrictiveCue(toks, k) && text.IsWord(toks[j-1].Text) {
		return j
	}
	return 0
}

// restrictiveCue reports whether the cue toks[k] opens a restrictive relative clause of speech,
// "who/which" right before it: a verb that only reports ("who said", "which claimed") or any cue
// before "that" ("which suggested that"); "people who write viruses" write no words.
func restrictiveCue(toks []text.Token, k int) bool {
	if w := toks[k-1].Text; w != "who" && w != "which" {
		return false
	}
	return reportOnly[lower(toks[k].Text)] || k+1 < len(toks) && toks[k+1].Text == "that"
}

// reportOnly are speech verbs whose object is what was said.
var reportOnly = wordSet(`say says said told tells claim claims claimed argue argues argued insist insists
insisted warn warns warned`)

// nameBeforeAppositive reads "Sen. Ann Ray (D-Ore.), a supporter of the bill told …": an
// appositive opened by "a"/"an" whose closing comma is missing describes the name of two words or
// more before it, which is the subject; the appositive is its role.
func nameBeforeAppositive(toks []text.Token, p np) (np, bool) {
	if p.none || p.a < 3 {
		return np{}, false
	}
	c := p.a - 1 // the comma before "a"/"an", past the appositive's complements ("of …", "for …")
	for ; c > 1 && p.a-c <= 15; c-- {
		if w := toks[c].Text; w == "," || !text.IsWord(w) && !possessive(w) || auxiliaries[w] || pastTense(w) {
			break
		}
	}
	if c < 2 || toks[c].Text != "," || lower(toks[c+1].Text) != "a" && lower(toks[c+1].Text) != "an" {
		return np{}, false
	}
	n, ok := npBefore(toks, c)
	if !ok || n.none || n.b-n.a < 1 || !allCapitalized(toks[n.a:n.b+1]) {
		return np{}, false
	}
	if n.a > 0 && text.IsWord(toks[n.a-1].Text) && !sentenceOpeners[toks[n.a-1].Text] {
		return np{}, false // the name is no clause's subject: "prices in New Mexico, a spokesman told"
	}
	n.roleStart, n.roleE = toks[c+1].Start, toks[p.b].End
	return n, true
}
