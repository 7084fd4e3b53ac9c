package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// addKnownCompanies adds a mention of a company the knowledge lists name ("reported on Twitter",
// "debuts on Netflix Friday") where the model passed over the word or ran it into a date. Only a
// word inside a sentence counts — after a lower-case word or a comma — that no dictionary, census
// or gazetteer has otherwise (the company list holds towns and words too), and that no mention
// covers (a date's span is none: the model's "Netflix Friday").
func (t *Tagger) addKnownCompanies(s string, toks []token, cands []candidate) []candidate {
	k := loadKnowledge()
	var added []candidate
	c0 := 0
	for h := 1; h < len(toks); h++ {
		w := toks[h].Text
		if w == "" || w[0] < 'A' || w[0] > 'Z' || !k.orgNames[w] { // (knownOrgs are in orgNames)
			continue
		}
		p := toks[h-1].Text
		if !spaceGap(s, toks[h-1], toks[h]) || p != "," && capClass(p) != capLower {
			continue
		}
		if h+1 < len(toks) && spaceGap(s, toks[h], toks[h+1]) && capClass(toks[h+1].Text) == capInit && !calendarWords[toks[h+1].Text] {
			continue // a longer name: "Twitter Inc", "Netflix Originals"
		}
		if !t.lex.knownOrgs[w] && !t.isPlainCompanyName(w, k) { // ("Twitter" is a word too, but well known)
			continue
		}
		for c0 < len(cands) && cands[c0].end <= toks[h].Start {
			c0++
		}
		if c0 < len(cands) && cands[c0].start < toks[h].End {
			continue
		}
		added = append(added, candidate{start: toks[h].Start, end: toks[h].End, name: w, typ: article.TypeOrg})
	}
	return replaceCovered(cands, added)
}

// isPlainCompanyName reports a company's name that is nothing else: no place, given name,
// surname, nationality, common or dictionary word.
func (t *Tagger) isPlainCompanyName(w string, k *knowledge) bool {
	lw := strings.ToLower(w)
	return !(t.places != nil && t.places.IsPlace(w)) && !k.firstNames[w] && !k.isSurname(w) && !t.isNationality(w) &&
		!t.lex.common[lw] && wordclass.Speaker(lw) == 0 && !calendarWords[w] && !isAcronym(w)
}
