package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file holds what the words around a name say of a company or a body the model called a
// person. Business copy names firms after their founders ("Sanford C. Bernstein", "Tucker Anthony")
// and short ones the model has never seen ("Lasmo", "Swissair"); a reader knows them by what only a
// body does or has: a legal form after the name ("X and Co"), an employee "of" it ("said Jane Doe
// of X"), a spokesman or an official ("a X spokesman"), shares that move ("X shares fell"), "its"
// results ("X said its profit"), a spokesman ("X health spokesman"), a person it owns ("X's Jane
// Doe"). No person is written so.

// legalForms end a company's name, or follow it after "and" or "&" ("Robert W. Baird Co.",
// "Sanford C. Bernstein and Co").
var legalForms = wordSet(`Co Co. Cos Corp Corp. Inc Inc. Ltd Ltd. Plc PLC plc LLC LLP GmbH AG NV Bhd Pty
Cie SpA`)

// bodyMemberNouns follow a body's name after an article: "a Swissair spokesman", "the Wada chief".
var bodyMemberNouns = wordSet(`spokesman spokeswoman spokesperson official officials executive executives
chief chairman chairwoman president director directors board staff source sources statement`)

// shareMoveVerbs follow "X shares" when a company's shares move: "Lasmo shares were down".
var shareMoveVerbs = wordSet(`were was rose fell closed gained dropped eased jumped slipped climbed slumped
surged edged firmed lost added traded ended opened`)

// itsVerbs say what a body said of itself: "X said its profit rose", "X reported its first loss".
var itsVerbs = wordSet(`said says reported reports announced announces expects expected posted`)

// endsInLegalForm reports a name whose last word is a legal form ("Transco Energy Co").
func endsInLegalForm(words []string) bool {
	return len(words) >= 2 && legalForms[words[len(words)-1]]
}

// companyCues counts for a body a mention [i, j) the model called a person that a company's
// context holds (see the file comment). A person whose name opens with a given name or a title is
// left to those (isUntitledPersonName), except after a legal form or an employee "of" it, which
// no person has.
func (t *Tagger) companyCues(s string, toks []token, c *candidate, i, j int) {
	if c.typ != article.TypePerson {
		return
	}
	if legalFormAfter(s, toks, j) || employeeOf(s, toks, i) && !(t.places != nil && t.places.IsPlace(c.name)) {
		c.ev.score[tiOrg] += nameWeight
		c.personCue = false
		return
	}
	if !t.isUntitledPersonName(c) {
		return
	}
	if bodyMemberAfter(s, toks, i, j) || spokesmanAfter(toks, j) || sharesMove(toks, j) || saysOfItself(toks, j) ||
		personOfBody(toks, j) {
		c.ev.score[tiOrg] += cueWeight
	}
}

// legalFormAfter reports "and Co" or "& Co." right after token j-1.
func legalFormAfter(s string, toks []token, j int) bool {
	return j+1 < len(toks) && (toks[j].Text == "and" || toks[j].Text == "&") && legalForms[toks[j+1].Text] &&
		spaceGap(s, toks[j-1], toks[j])
}

// employeeOf reports a mention at token i after a person's name and "of": "said Harry Laubscher of
// X", "analyst David Crossen of X" — the person's employer (a name the gazetteer knows stays a
// place: "Jane Doe of Leeds").
func employeeOf(s string, toks []token, i int) bool {
	if i < 3 || toks[i-1].Text != "of" || !spaceGap(s, toks[i-1], toks[i]) {
		return false
	}
	// The two words before "of" are a person's given name and surname, not "Bank of", "Prince of".
	a, b := toks[i-3].Text, toks[i-2].Text
	return capClass(b) == capInit && text.IsWord(b) && len(b) > 2 && loadKnowledge().firstNames[a]
}

// bodyMemberAfter reports "a X spokesman", "the X officials": an article before the mention [i, j)
// and a body's member noun after it.
func bodyMemberAfter(s string, toks []token, i, j int) bool {
	if i == 0 || j >= len(toks) || !bodyMemberNouns[toks[j].Text] {
		return false
	}
	switch toks[i-1].Text {
	case "a", "an", "the", "A", "An", "The":
		return spaceGap(s, toks[i-1], toks[i])
	}
	return false
}

// spokesNouns are a body's voice: "Plaid Cymru health spokesman", "X spokeswoman Jane Doe".
var spokesNouns = wordSet(`spokesman spokeswoman spokesperson spokesmen`)

// spokesmanAfter reports a spokesman's noun after token j-1, directly or after one lower-case word
// ("X health spokesman").
func spokesmanAfter(toks []token, j int) bool {
	if j < len(toks) && spokesNouns[toks[j].Text] {
		return true
	}
	return j+1 < len(toks) && capClass(toks[j].Text) == capLower && text.IsWord(toks[j].Text) && spokesNouns[toks[j+1].Text]
}

// personOfBody reports a possessive after token j-1 followed by a person's full name: "X's Jane
// Doe" — X is the body she speaks for.
func personOfBody(toks []token, j int) bool {
	return j+2 < len(toks) && isPossessive(toks[j].Text) && toks[j].Start == toks[j-1].End &&
		loadKnowledge().firstNames[toks[j+1].Text] && capClass(toks[j+2].Text) == capInit && text.IsWord(toks[j+2].Text)
}

// sharesMove reports "X shares fell" after token j-1.
func sharesMove(toks []token, j int) bool {
	return j+1 < len(toks) && toks[j].Text == "shares" && shareMoveVerbs[toks[j+1].Text]
}

// saysOfItself reports "X said its" after token j-1.
func saysOfItself(toks []token, j int) bool {
	return j+1 < len(toks) && itsVerbs[toks[j].Text] && toks[j+1].Text == "its"
}

// dayNumberWords are the days of a month as wire copy spells them after the month ("March Three").
var dayNumberWords = wordSet(`One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen
Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty`)

// isUntitledPersonName reports a mention the model called a person that nothing else makes one: no
// title or role, no given name first, and not a lone common surname.
func (t *Tagger) isUntitledPersonName(c *candidate) bool {
	if c.typ != article.TypePerson || c.ev.titled {
		return false
	}
	k := loadKnowledge()
	words := strings.Fields(c.name)
	return len(words) > 0 && !k.firstNames[words[0]] && !(len(words) == 1 && k.isSurname(c.name))
}
