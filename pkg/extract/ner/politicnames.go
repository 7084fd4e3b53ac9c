package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// This file holds what the typing step makes of a lone surname the model called a place, a body
// or a thing. Political copy names a person in full once ("Sen. Ted Cruz") and by surname after
// ("Cruz quipped", "the Cruz campaign"); the gazetteer knows many surnames as small towns
// ("Cruz", "Clinton", "Obama"), and the model, reading the gazetteer feature, often types the
// surname a place or a body though the text says whose it is.

// surnamePlacePrepositions open a place's mention: "in Clinton" keeps the town. ("to X" and
// "from X" are a person's too: "donated to Clinton", "a statement from Cruz".)
var surnamePlacePrepositions = wordSet(`in at near outside inside throughout across`)

// retypeSurnames makes a one-word place, body or thing of order a person when a person of the text
// bears it as the last word of a full name ("Cruz" beside "Ted Cruz"), so that it is linked to
// that person — unless it is a country, a state or a big city ("Washington" beside "George
// Washington"), a nationality, a known company's name the model called a body ("Ford" beside
// "Gerald Ford"), an acronym, or a mention reads as a place's ("in Clinton").
func (t *Tagger) retypeSurnames(s string, order []*entity) {
	k := loadKnowledge()
	for _, e := range order {
		if len(e.words) != 1 || len(e.mentions) == 0 || capClass(e.name) != capInit {
			continue
		}
		switch e.typ {
		case article.TypePlace, article.TypeOrg, article.TypeMisc:
		default:
			continue
		}
		if isAcronym(e.name) || t.isNationality(e.name) || e.ev.work ||
			e.typ == article.TypeOrg && k.orgNames[e.name] {
			continue
		}
		named := false
		for _, o := range order {
			if o != e && o.typ == article.TypePerson && len(o.words) >= 2 && len(o.mentions) > 0 &&
				o.words[len(o.words)-1] == e.name && !strings.HasSuffix(o.name, ".") && introducedPerson(o, k) {
				named = true
				break
			}
		}
		if !named || t.places != nil && t.isMajorPlace(e.name) || afterPrepositionIn(s, e.mentions, surnamePlacePrepositions) {
			continue
		}
		// "Taft stockholders" beside "Taft Broadcasting Co" and "Dudley Taft": the family's company,
		// no person (left as the model typed it: a body here would be linked to the person).
		if companyOfName(e, order, k) {
			continue
		}
		e.typ = article.TypePerson
	}
}

// retypeFamilies makes a one-word plural of the surname of a person the text names in full a person:
// "the Clintons" beside "Hillary Clinton", "the Rickettses" beside "Joe Ricketts" — a family, which
// the model, reading a capitalised plural, called a body or a group, or a person that the lone-name
// rule (lonenames.go) would make a body. Not in sports copy, where "the Browns" may be a club
// whatever players are named Brown.
func (t *Tagger) retypeFamilies(order []*entity) {
	k := loadKnowledge()
	for _, e := range order {
		if len(e.words) != 1 || len(e.mentions) == 0 || e.personCue || e.ev.sport ||
			capClass(e.name) != capInit || !strings.HasSuffix(e.name, "s") {
			continue
		}
		stem, stemEs := strings.TrimSuffix(e.name, "s"), strings.TrimSuffix(e.name, "es")
		if t.isNationality(e.name) || t.isNationality(stem) || t.isPeopleNoun(stem) {
			continue // "Latinos" beside a "person" "Florida Latino"
		}
		for _, o := range order {
			if o == e || o.typ != article.TypePerson || len(o.words) < 2 || len(o.mentions) == 0 || !introducedPerson(o, k) {
				continue
			}
			if last := o.words[len(o.words)-1]; last == stem || last == stemEs && strings.HasSuffix(stemEs, "s") {
				e.typ, e.personCue = article.TypePerson, true
				break
			}
		}
	}
}

// companyOfName reports a company of the text whose name opens with e's one word and ends in a
// legal form ("Taft" and "Taft Broadcasting Co"): a lone word of wire copy is then the company's
// short form rather than its founder's surname.
func companyOfName(e *entity, order []*entity, k *knowledge) bool {
	for _, o := range order {
		if o != e && o.typ == article.TypeOrg && len(o.words) >= 2 && len(o.mentions) > 0 && o.words[0] == e.name &&
			(endsInLegalForm(o.words) || k.isLegalForm(o.words[len(o.words)-1])) {
			return true
		}
	}
	return false
}

// introducedPerson reports a full name that reads as a person's beyond the model's word: a common
// given name first ("Ted Cruz"), a title or role, or more than one mention ("Barack Obama"). A
// magazine the model called a person ("Glam Belleza Latina") takes no lone word ("Latina
// winners") as its surname.
func introducedPerson(o *entity, k *knowledge) bool {
	return k.firstNames[o.words[0]] || o.ev.titled || o.role != "" || len(o.mentions) >= 2
}

// afterPrepositionIn reports a mention right after one of the given prepositions.
func afterPrepositionIn(s string, mentions [][2]int, preps map[string]bool) bool {
	for _, m := range mentions {
		before := strings.TrimRight(s[:m[0]], " ")
		if k := strings.LastIndexAny(before, " \n(\"“"); preps[strings.ToLower(before[k+1:])] {
			return true
		}
	}
	return false
}

// isLeaderSurname reports a one-word "place" [i, j) before a leader's term that is no country, state
// or big city: "the Obama administration", "the Bush presidency" (a small town's name in the
// gazetteer), not "the Kabul administration".
func (t *Tagger) isLeaderSurname(toks []token, i, j int, k *knowledge) bool {
	return j-i == 1 && capClass(toks[i].Text) == capInit && t.places != nil && !t.isMajorPlace(toks[i].Text) &&
		!t.isNationality(toks[i].Text)
}

// outletNames are news outlets, wire services and platforms that political copy names alone, and
// that the model, reading no organisation word in them, often types a place ("a report in
// Politico", a dateline's "(UPI)"), a person ("told Politico") or a thing ("Twitter posts"). Only
// names no person, place or common word bears are listed.
var outletNames = wordSet(`UPI Politico POLITICO MSNBC CNBC NPR PBS CNN Twitter Facebook YouTube Instagram
Breitbart BuzzFeed Reddit Snapchat Univision Telemundo Gawker Reuters Bloomberg AFP`)

// outletEvidence types a one-word outlet's name a body, whatever its mentions' votes, unless a title
// makes it a person.
func outletEvidence(words []string, mentions evidence) (evidence, bool) {
	var ev evidence
	if len(words) != 1 || !outletNames[words[0]] || mentions.titled {
		return ev, false
	}
	ev.score[tiOrg] += nameWeight + cueWeight
	ev.notPerson = true
	return ev, true
}

// partyWords name a US party's members or qualify them ("a Democratic congressman", "the
// Republican contest", "state GOP chair"): MISC, as nationalities are, and "GOP" the party itself.
// The model, reading a capitalised word before "state", "county" or a person's noun, sometimes
// calls them places or people.
var partyWords = wordSet(`Republican Republicans Democratic Democrat Democrats Dem Dems`)

// partyEvidence types a lone party word (partyWords) MISC and "GOP" a body, whatever the votes.
func partyEvidence(words []string) (evidence, bool) {
	var ev evidence
	switch {
	case len(words) != 1:
		return ev, false
	case partyWords[words[0]]:
		ev.score[tiMisc] += nameWeight + cueWeight
	case words[0] == "GOP":
		ev.score[tiOrg] += nameWeight + cueWeight
	default:
		return ev, false
	}
	ev.notPerson = true
	return ev, true
}

// joinStateOfTheUnion keeps "State of the Union" whole where the model tagged only "Union" (a body)
// or the whole: the president's address, an occasion (EVENT) — or, after a broadcaster's
// possessive or "on", the television show of that name (MISC: "on CNN's State of the Union").
func joinStateOfTheUnion(s string, toks []token, cands []candidate) []candidate {
	for n := range cands {
		c := &cands[n]
		i, j := tokenSpan(toks, c.start, c.end)
		if i >= j || !strings.EqualFold(toks[j-1].Text, "Union") {
			continue
		}
		k := j - 4 // "State" "of" "the" "Union"
		if k < 0 || i < k || !strings.EqualFold(toks[k].Text, "State") || !strings.EqualFold(toks[k+1].Text, "of") ||
			!strings.EqualFold(toks[k+2].Text, "the") || capClass(toks[k].Text) == capLower {
			continue
		}
		c.start = toks[k].Start
		c.name = "State of the Union"
		c.typ = article.TypeEvent
		if k > 0 && (isPossessive(toks[k-1].Text) || toks[k-1].Text == "on") {
			c.typ = article.TypeMisc
		}
		c.personCue, c.role = false, ""
		c.ev = evidence{}
		c.ev.score[typeIndex(c.typ)] += nameWeight
	}
	return cands
}

// pacNouns are what political copy calls a political action committee with a common noun: "a
// super PAC", "the PAC". Left alone after short forms are linked ("the PAC" → "Our Principles
// PAC"), they name nothing and are dropped.
var pacNouns = wordSet(`PAC PACs`)

// dropLonePACs drops the mentions of a lone "PAC" that no named committee of the text took.
func dropLonePACs(order []*entity) {
	for _, e := range order {
		if len(e.words) == 1 && pacNouns[e.name] {
			e.mentions = nil
		}
	}
}
