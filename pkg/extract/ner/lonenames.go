package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/geo"
)

// This file holds what the typing step makes of a lone word the model called a person that no
// full name in the text introduces. News introduces people by their full names, so such a word is
// often a town ("visited Zürich's banks") or a body ("Oxfam said", "Rakuten", "Sky") — but not when
// it is a common surname ("Reagan said", "Brown's budget": the census lists it, and a paper names
// the famous by surname alone), nor in sports copy, which names players by their surnames ("Pires,
// Lehmann, Fabregas") and clubs by towns or plural nicknames ("Harlequins").

// majorPlacePopulation is the size of a city whose name, even when it is a common surname too, is
// read as the city ("Houston", "Washington said").
const majorPlacePopulation = 500_000

// retypeLoneNames retypes the one-word "people" of order (see the file comment): a town the
// gazetteer knows becomes the place (a surname too when a mention reads as a place's: "in X",
// "the island of X"), another name a body.
func (t *Tagger) retypeLoneNames(s string, order []*entity) {
	k := loadKnowledge()
	for _, e := range order {
		if len(e.mentions) == 0 || e.typ != article.TypePerson || len(e.words) != 1 || e.personCue {
			continue
		}
		surname := k.isSurname(e.name)
		if t.places != nil && t.places.IsPlace(e.name) {
			// (In sports copy "a pass to Webster" is a player's.)
			if !surname || t.isMajorPlace(e.name) || !e.ev.sport && afterPlacePreposition(s, e.mentions) || afterPlaceNounOf(s, e.mentions) {
				e.typ = article.TypePlace
			}
			continue
		}
		if e.ev.titled || e.role != "" || k.firstNames[e.name] || isAcronym(e.name) || isHan(e.name) || surname {
			continue
		}
		if t.isPeopleNoun(e.name) {
			e.typ = article.TypeMisc // "Briton", "Englishman": what the person is, as "British" is
			continue
		}
		if e.votes[tiPerson] >= 3 || e.ev.sport && !isTeamPlural(e.name) {
			continue
		}
		e.typ = article.TypeOrg
	}
}

// isTeamPlural reports a capitalised English plural such as clubs take ("Harlequins", "Wolves",
// "Rangers", "Dons"), not a surname in -as, -os, -is or -ss ("Fabregas", "Senderos").
func isTeamPlural(w string) bool {
	n := len(w)
	if n < 4 || w[n-1] != 's' || capClass(w) != capInit {
		return false
	}
	return !strings.ContainsRune("aiosu", rune(w[n-2])) // ("Dons" too; not "Bliss")
}

// isMajorPlace reports a country, a first-level division or a city of at least
// majorPlacePopulation people by the name.
func (t *Tagger) isMajorPlace(name string) bool {
	cl, ok := t.places.(countryLookup)
	if !ok {
		return false
	}
	for _, e := range cl.Candidates(name) {
		if e.Feature == geo.FeatureCountry || e.Feature == geo.FeatureAdmin1 || e.Population >= majorPlacePopulation {
			return true
		}
	}
	return false
}

// leaderTerms follow a leader's surname used as a modifier: "the Obama administration", "the
// Reagan era" — a person's, as no body or town has them.
var leaderTerms = wordSet(`administration presidency era premiership`)

// isPeopleNoun reports a capitalised word that WordNet has as a person's noun and no title or role
// is: a nationality's ("Briton", "Englishman", "Swede") or a creed's — a common noun of people,
// written with a capital, which no full name introduces.
func (t *Tagger) isPeopleNoun(w string) bool {
	lw := strings.ToLower(w)
	return capClass(w) == capInit && !t.lex.titles[w] && !t.lex.honorifics[w] && !t.lex.roleWords[lw] &&
		!personRoleNouns[lw] && isPersonNoun(lw)
}

// afterPlaceNounOf reports a mention after a place's class noun and "of": "the island of Rhodes",
// "the town of Hatfield".
func afterPlaceNounOf(s string, mentions [][2]int) bool {
	for _, m := range mentions {
		before, ok := strings.CutSuffix(strings.TrimRight(s[:m[0]], " "), " of")
		if !ok {
			continue
		}
		if k := strings.LastIndexAny(before, " \n"); placeClassNouns[strings.ToLower(before[k+1:])] {
			return true
		}
	}
	return false
}
