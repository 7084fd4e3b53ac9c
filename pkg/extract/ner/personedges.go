package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// trimPersonLeads takes off what the model ran into a person's name before the given name: a
// nationality ("Russian Marat Safin", "French Green MEP Alain Lipietz") or a seeding's number ("4
// Marat Safin"), which sports and political copy put right before a name. The given name must
// come within the next three words, so that a nationality that opens a name is kept.
func (t *Tagger) trimPersonLeads(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	for n := range cands {
		c := &cands[n]
		if c.typ != article.TypePerson {
			continue
		}
		i, j := tokenSpan(toks, c.start, c.end)
		if j-i < 3 || !(t.isNationality(toks[i].Text) || text.IsNumber(toks[i].Text)) {
			continue
		}
		for g := i + 1; g < j-1 && g <= i+3; g++ {
			if toks[g].Start == toks[g-1].End { // inside a word: "Jan-Michael"
				continue
			}
			if k.firstNames[toks[g].Text] && (capClass(toks[g+1].Text) == capInit || toks[g].End == toks[g+1].Start) {
				c.start = toks[g].Start
				c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
				break
			}
		}
	}
	return cands
}
