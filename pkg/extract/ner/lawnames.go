package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// This file keeps the names of bills and acts whole. Parliamentary copy names a bill by its subject
// and "Bill" ("the Gambling Bill", "the Succession to the Crown Bill"), and the model, which reads
// "Bill" as a given name, often tags the head word alone as a person or a body, or cuts the name at
// "of"; a reader reads the whole capitalised run as the law's name, a MISC name like any act or
// treaty (lawHeadWords).

// extendLawNames widens a mention that ends in a law's head word ("Bill", "Act") over the
// capitalised words and the function words between them before it; the mentions of words inside
// the run ("Salt" in "Repeal of the Salt Duties Bill") become part of it, unless one is a person's.
func (t *Tagger) extendLawNames(s string, toks []token, cands []candidate) []candidate {
	firstNames := loadKnowledge().firstNames // a "person" opening with a given name stays one
	dropped := false
	for n := range cands {
		c := &cands[n]
		words := strings.Fields(c.name)
		if len(words) == 0 || !lawHeadWords[words[len(words)-1]] || len(words) > 1 && c.typ == article.TypePerson && firstNames[words[0]] {
			continue
		}
		i, _ := tokenSpan(toks, c.start, c.end)
		b := titleStart(s, toks, i)
		// (A common word opening the sentence is no part of the name: "Under the X Act", "No Bill".)
		for b < i && (sentenceOpener(toks[b].Text) || titleFunctionWords[toks[b].Text] ||
			startsClause(toks, b) && t.lex.common[strings.ToLower(toks[b].Text)]) {
			b++
		}
		if b == i || !absorbable(cands[:n], toks[b].Start) {
			continue
		}
		for m := n - 1; m >= 0 && cands[m].end > toks[b].Start; m-- {
			cands[m].name, dropped = "", true
		}
		c.start, c.typ = toks[b].Start, article.TypeMisc
		c.personCue, c.role = false, ""
		c.ev.titled = false
		c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
	}
	if !dropped {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		if c.name != "" {
			out = append(out, c)
		}
	}
	return out
}

// absorbable reports that the mentions before ending after byte start lie wholly after it and
// name no person.
func absorbable(before []candidate, start int) bool {
	for m := len(before) - 1; m >= 0 && before[m].end > start; m-- {
		if before[m].start < start || before[m].typ == article.TypePerson {
			return false
		}
	}
	return true
}

// sentenceOpener reports a capitalised word that opens sentences and no law's name ("The", "A").
func sentenceOpener(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "Our":
		return true
	}
	return false
}
