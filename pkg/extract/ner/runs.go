package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// This file holds what keeps joinEventRuns from joining what a reader keeps apart: a person of a
// body ("economist Ward McCarthy of Merrill Lynch Economics Inc.") and a country's legislature
// ("the U.S. Congress", whose head also ends events' names: "World Congress of Cardiology").

// holdsNamedPerson reports a person's mention that opens with a common given name among the
// candidates inside bytes [start, end) of s, followed by "of" or by "and" and a body's name —
// not a company named after its founder ("Samuel Montagu and Co Ltd").
func holdsNamedPerson(s string, cands []candidate, start, end int, k *knowledge) bool {
	for _, c := range cands {
		if c.start >= end {
			break
		}
		if c.start < start || c.end > end || c.typ != article.TypePerson {
			continue
		}
		if first, _, _ := strings.Cut(c.name, " "); !k.firstNames[first] {
			continue
		}
		rest := s[c.end:end]
		if strings.HasPrefix(rest, " of ") {
			return true
		}
		if after, ok := strings.CutPrefix(rest, " and "); ok {
			next, _, _ := strings.Cut(after, " ")
			if !founderPartners[strings.TrimRight(next, ".,")] && !k.isLegalForm(next) {
				return true
			}
		}
	}
	return false
}

// founderPartners follow "and" in the names of firms named after their founders: "Samuel
// Montagu and Co", "Smith and Sons".
var founderPartners = wordSet(`Co Company Sons Son Partners Associates Brothers`)

// isLegislatureRun reports a run of tokens [i, h] whose head, toks[h], WordNet reads as an
// organisation first ("Congress") and whose words before it are a place the gazetteer knows: "U.S.
// Congress", "Peru Congress" name a legislature, not a congress held there.
func (t *Tagger) isLegislatureRun(s string, toks []token, i, h int) bool {
	if h == i || t.places == nil || wordclass.NameHead(toks[h].Text) != wordclass.Organisation {
		return false
	}
	return t.places.IsPlace(strings.Join(strings.Fields(s[toks[i].Start:toks[h-1].End]), " "))
}
