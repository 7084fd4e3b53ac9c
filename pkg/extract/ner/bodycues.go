package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Words around a name that no person's name takes, seen where the model made companies, bands,
// bodies and awards people in unseen BBC and Reuters copy: a plural of people's roles before it
// ("analysts Gartner": the firm they work as), "which" after it ("Varig, which operates …": people
// take "who"), an indefinite article before a one-word name ("an Oscar": a thing counted), what is
// owned of a company ("shares in X"), a plural verb after it ("X have sold …": a band or a team in
// British copy), "the" before a name of several words ("the House of Lords"). Besides, what a name
// itself says: a party named by its members ("the Tories"), a word WordNet knows first as a body
// ("the Fed").

// bodyClassNouns before a name make it a body, as orgClassNouns do ("property website X").
var bodyClassNouns = wordSet(`website portal brand label chain consultancy band`)

// partyMembers are plurals naming a party by its members, as British and European news names
// parties ("the Tories said", "Labour and the Conservatives"): the party, an organisation, as the
// evaluation set's annotations read it. Bare "Democrats" and "Republicans" are left as they are:
// American copy means the parties' members (a nationality-like group, MISC, in those annotations).
var partyMembers = wordSet(`Conservatives Tories Liberals Socialists Communists Greens Unionists Labourites Whigs`)

// qualifiedPartyMembers end a party's name after a qualifier: "Liberal Democrats", "Lib Dems",
// "Social Democrats", "Christian Democrats".
var qualifiedPartyMembers = wordSet(`Democrats Dems`)

// isPartyByMembers reports a party named by its members' plural.
func isPartyByMembers(words []string) bool {
	last := words[len(words)-1]
	return partyMembers[last] || len(words) >= 2 && qualifiedPartyMembers[last]
}

// addBodyCues adds to c's evidence what the words around tokens [i, j) say against a person.
func (t *Tagger) addBodyCues(toks []token, c *candidate, i, j int) {
	// A speech verb after one mention says nothing against these: companies speak too ("X said").
	if c.typ == article.TypePerson && !c.ev.titled && c.role == "" && t.isNamedAsBody(toks, i, j) {
		c.ev.notPerson = true
		c.ev.score[tiOrg] += cueWeight
	}
	// One word only: a person's full name before "which" or after "analysts" is the person still
	// ("said Harry Brandt, which …" ends a clause about something else).
	if c.typ != article.TypePerson && c.typ != article.TypeMisc || c.personCue || j-i != 1 {
		return
	}
	// A place takes "which" too ("Old Trafford, which …").
	if j < len(toks) && (toks[j].Text == "which" || toks[j].Text == "," && j+1 < len(toks) && toks[j+1].Text == "which") &&
		!(t.places != nil && t.places.IsPlace(c.name)) {
		c.ev.notPerson = true // "Varig, which operates in 18 countries"
	}
	if i == 0 {
		return
	}
	p := toks[i-1].Text
	switch {
	case t.isRolePlural(p):
		c.ev.notPerson = true // "analysts Gartner"
		c.ev.score[tiOrg] += cueWeight
	case (p == "a" || p == "an") && c.typ == article.TypePerson && endsNounPhrase(toks, j):
		c.ev.notPerson = true // "an Oscar nomination", "won a Grammy"
		c.ev.score[tiMisc] += weakWeight
	}
}

// ownedWords before "in" or "of" and a name make it a company: "shares in X", "a stake of X".
var ownedWords = wordSet(`shares stake stakes stock`)

// isNamedAsBody reports words around a name of any length that no person's name takes: a class
// noun of bodies before it ("rock band X", "property website X"), what is owned of a company
// ("shares in X"), a plural verb after it as its clause's subject ("X have achieved", British copy's
// verb for a band or a team), or "the" before a name of several words that ends its phrase ("the
// House of Lords", "the Davis Cup is …"; "the Tony Blair era" is a modifier).
func (t *Tagger) isNamedAsBody(toks []token, i, j int) bool {
	if i > 0 && bodyClassNouns[toks[i-1].Text] {
		return true
	}
	possessed := j < len(toks) && isPossessive(toks[j].Text) // "a stake in X's company" is the company's
	if i > 1 && ownedWords[strings.ToLower(toks[i-2].Text)] && (toks[i-1].Text == "in" || toks[i-1].Text == "of") && !possessed {
		return true
	}
	if j < len(toks) && pluralVerbs[toks[j].Text] && startsClause(toks, i) {
		return true
	}
	return j-i >= 2 && i > 0 && (toks[i-1].Text == "the" || toks[i-1].Text == "The") && endsPhrase(toks, j) && !possessed &&
		!t.lex.titles[toks[i].Text] && !t.lex.honorifics[toks[i].Text]
}

// isRolePlural reports the plural of a role people have ("analysts", "consultants"): a group of
// them named by a name is their firm.
func (t *Tagger) isRolePlural(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && capClass(w) == capLower && t.lex.roleWords[w[:len(w)-1]]
}

// endsNounPhrase reports a token j that ends the noun phrase before it: a sentence's end or an
// English function word ("won an Oscar in 1983"), not a noun the name qualifies ("a Eurotunnel
// spokesman") nor a comma, which Spanish "a X, el …" (to X, the …) puts there too.
func endsNounPhrase(toks []token, j int) bool {
	if j >= len(toks) {
		return true
	}
	w := toks[j].Text
	return w == "." || w == "!" || w == "?" || phraseEnds[w]
}

// isBodyName reports a capitalised one-word name whose first WordNet senses are an organisation
// and whose first sense is a body ("Fed", "Bundesbank", "Interpol"), which the model may take for a
// place or a person; a place the gazetteer knows and a nationality keep their types ("Europe" is
// the European Union in some senses, a continent in its first).
func (t *Tagger) isBodyName(w string) bool {
	lw := strings.ToLower(w)
	// Three letters at least: "Va" in a dateline is Virginia, not WordNet's Veterans Administration.
	return len(w) >= 3 && capClass(w) == capInit && wordclass.Speaker(lw) == 'o' && wordclass.Of(lw).First(wordclass.Group) &&
		!t.isNationality(w) && !(t.places != nil && t.places.IsPlace(w))
}

// sentencePrepositions open a sentence's fronted adverbial: "In the House, the minister faced …".
var sentencePrepositions = wordSet(`In At On From For By With After Before Under During Inside Outside Within`)

// frontedAdverbial reports a name at token i inside a prepositional phrase that opens its sentence
// ("In the Senate, the attorney general faced …", "At Brenner, the chief executive said …"): the
// comma after it ends the adverbial, and the noun phrase after the comma is the clause's subject,
// no apposition saying what the name is.
func frontedAdverbial(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && (toks[k].Text == "the" || toks[k].Text == "The") {
		k--
	}
	if k < 0 || !sentencePrepositions[toks[k].Text] {
		return false
	}
	return k == 0 || startsClause(toks, k)
}
