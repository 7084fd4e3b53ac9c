package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// This file holds the typing step's general readings of a name by what its head noun means, from
// WordNet (pkg/extract/wordclass.NameHead) rather than from lists of names. A capitalised name
// whose head is a noun of occasions — contests, meetings, fairs, festivals, ceremonies, elections,
// wars, awards — is an event whatever type the model gave it ("the Karoo Craft Fair", "Baltic Sea
// Summit", "Kisumu Regatta"), and so never a place on the map; a name whose head is an
// organisation's noun is a body, not a person ("Tana Water Commission"). The head is the name's
// last word, or the word before "of", "on" or "for" when a capitalised word follows it ("Conference
// on Ocean Plastics", "Festival of Lights").

// nameHeadIndex returns the index of a name's head noun among its words: the word before the first
// "of", "on" or "for" that capitalised words stand on both sides of, else the last word; -1 when
// the head is no capitalised word.
func nameHeadIndex(words []string) int {
	h := len(words) - 1
	for n := 1; n+1 < len(words); n++ {
		if w := words[n]; (w == "of" || w == "on" || w == "for") && capClass(words[n+1]) != capLower {
			h = n - 1
			break
		}
	}
	if h < 0 || capClass(words[h]) != capInit || !text.IsWord(words[h]) {
		return -1
	}
	return h
}

// headClass is the name class WordNet gives a name's head noun, its word h (wordclass.Occasion,
// wordclass.Organisation), or 0. The hand lists come first: an outlet's head word ("News",
// "Post"), an organisation's or an institution's ("Athletics", "Council"), a law's ("Act"), a
// title ("Governor") and a month ("March") are none here, as is a head the gazetteer knows as a
// place.
func (t *Tagger) headClass(words []string, h int) byte {
	if h < 1 { // a one-word name has no head to read ("Summit", a town)
		return 0
	}
	w := words[h]
	if mediaHeadWords[w] || outletHeads[w] || orgHeadWords[w] || t.lex.orgWords[w] || institutionHeads[w] ||
		lawHeadWords[w] || t.lex.titles[w] || calendarWords[w] {
		return 0
	}
	class := wordclass.NameHead(w)
	if class != 0 && t.places != nil && t.places.IsPlace(w) {
		return 0
	}
	return class
}

// isOccasionHead reports a capitalised word that is an occasion's head noun (headClass).
func (t *Tagger) isOccasionHead(w string) bool {
	return t.headClass([]string{"", w}, 1) == wordclass.Occasion
}

// endsRun reports a token after which no capitalised word of the same name follows.
func endsRun(toks []token, h int) bool {
	if h+1 >= len(toks) {
		return true
	}
	next := toks[h+1].Text
	return !text.IsWord(next) || capClass(next) == capLower
}

// headEvidence is what a name's head noun says of its type, given the type most of its mentions
// got and what their contexts say:
//   - an occasion's head makes an event of a place, a title or a body ("Dubai Air Show", "Pacific
//     Rim Games"); of a body only when the head's first sense is no group of people ("summit",
//     "forum", "caucus" are: "the Pacific Islands Forum said") unless a mention reads as an
//     occasion ("the 2019 Pacific Islands Forum", "during the Forum", "the Forum opened"); of what the model called a
//     work or a product only in the singular ("Mercury Music Prize", but "Star Wars" is a film);
//   - an organisation's head makes a body of a name the model called a person that opens with no
//     given name ("Tana Water Commission").
//
// The model's own event or body is left as it is, and so is a person a title or a given name
// makes one, and a title of a work.
func (t *Tagger) headEvidence(words []string, modelType string, mentions evidence, k *knowledge) (evidence, bool) {
	var ev evidence
	if len(words) < 2 || mentions.titled || mentions.work || mentions.quoted && modelType == article.TypeMisc {
		return ev, false // (a title in quotes: "the podcast “Ground Game”")
	}
	h := nameHeadIndex(words)
	class := t.headClass(words, h)
	if class == 0 {
		return ev, false
	}
	givenName := k.firstNames[words[0]] && !(t.places != nil && t.places.IsPlace(words[0]))
	switch {
	case class == wordclass.Occasion && modelType != article.TypeEvent && !(modelType == article.TypePerson && givenName):
		if !mentions.occasion && (modelType == article.TypeOrg && wordclass.Of(strings.ToLower(words[h])).First(wordclass.Group) ||
			modelType == article.TypeMisc && strings.HasSuffix(words[h], "s")) {
			return ev, false
		}
		ev.score[tiEvent] += nameWeight + weakWeight // the head outweighs an organisation word before it
	case class == wordclass.Organisation && modelType == article.TypePerson && !givenName:
		ev.score[tiOrg] += nameWeight
	default:
		return ev, false
	}
	return ev, true
}

// occasionWords before a name say it is an occasion's: "the annual X", "the inaugural X", "at the
// X" (of a name whose head is an occasion's noun already: "at the X Forum").
var occasionWords = wordSet(`annual biennial inaugural during attend attends attended attending host hosts
hosted hosting at`)

// occasionVerbs after a name say it is an occasion's: "the X opened on Monday", "the X was held".
var occasionVerbs = wordSet(`opens opened begins began ends ended closes closed starts started kicks kicked
concludes concluded resumes resumed`)

// occasionAfter reports a verb after token j-1 that only an occasion takes: "X opened", "X ended",
// "X was held", "X takes place".
func occasionAfter(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	w := toks[j].Text
	if occasionVerbs[w] {
		return true
	}
	if j+1 < len(toks) {
		next := toks[j+1].Text
		switch {
		case (w == "was" || w == "is" || w == "be" || w == "been") && next == "held":
			return true
		case (w == "takes" || w == "took") && next == "place":
			return true
		case w == "will" && j+2 < len(toks) && next == "be" && toks[j+2].Text == "held":
			return true
		}
	}
	return false
}

// occasionBefore reports words before token i that read the name there as an occasion: a year or
// an ordinal ("the 2019 X", "the 25th X"), "annual" or "inaugural", "during", "ahead of", a form of
// "attend" or "host" ("attended the X").
func occasionBefore(s string, toks []token, i int) bool {
	k := i - 1
	if k >= 0 && (toks[k].Text == "the" || toks[k].Text == "this" || toks[k].Text == "last" || toks[k].Text == "next") {
		k--
	}
	for ; k >= 0 && k >= i-3; k-- {
		if !spaceGap(s, toks[k], toks[k+1]) {
			return false
		}
		w := toks[k].Text
		switch {
		case isYear(w) || isOrdinal(w) || occasionWords[w] || w != "" && w[0] >= 'A' && w[0] <= 'Z' && occasionWords[strings.ToLower(w)]:
			return true
		case w == "of" && k > 0 && toks[k-1].Text == "ahead":
			return true
		case w == "year's" || w == "year’s":
			return true
		}
		if k < i-1 && toks[k+1].Text != "the" {
			return false // only the word before the name, or before its article, counts
		}
	}
	return false
}

// isOrdinal reports "25th", "3rd", "first" … "tenth".
func isOrdinal(w string) bool {
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return strings.Trim(w[:n-2], "0123456789") == ""
	}
	return false
}

// subsidiaryNouns before "of" name a company's part: "X, a unit of Y" — Y is a company.
var subsidiaryNouns = wordSet(`unit subsidiary division affiliate arm`)

// isEmployer reports a mention after a person's noun and a preposition of employment — "a
// strategist at X", "an analyst with X" — or after "a unit of": X is a body. Nouns whose first
// WordNet sense is a person count besides the role words ("a dentist at X"; not "in love with
// X"). A place the gazetteer knows stays a place ("a teacher at Kisumu"), a person with a given
// name or a title stays a person ("a lawyer with Jane Ode"), a nationality stays one, and "for"
// reads too many ways to count ("director for Europe", "a lawyer for X").
func (t *Tagger) isEmployer(c *candidate, words []string, prev, prev2 string, k *knowledge) bool {
	switch c.typ {
	case article.TypePlace:
		if t.places != nil && t.places.IsPlace(c.name) {
			return false
		}
	case article.TypePerson, article.TypeMisc:
		// (A speech verb after it says nothing: "X, a strategist at Y, said" is X speaking.)
		if c.ev.titled || k.firstNames[words[0]] || t.isNationality(words[0]) {
			return false
		}
	default:
		return false
	}
	switch prev {
	case "at", "with": // not "for": "director for Europe", "a lawyer for X"
		return capClass(prev2) == capLower && (t.lex.roleWords[prev2] || personRoleNouns[prev2] || wordclass.Of(prev2).First(wordclass.Person))
	case "of":
		return subsidiaryNouns[prev2]
	}
	return false
}

// joinsAcross returns the type of a name that a mention ending in name makes with the mention after
// "of", "on" or "for": an event when name's last word is an occasion's head ("World Conference" +
// "on Ocean Plastics"), a body when it is an organisation's ("Regional Commission" + "for
// Africa"), "" when it is neither, or a one-word name that is no such head word.
func (t *Tagger) joinsAcross(name string) string {
	words := strings.Fields(name)
	if len(words) == 1 {
		words = []string{"", words[0]} // "Festival" + "of Lights": the head alone
	}
	if last := words[len(words)-1]; institutionHeads[last] || orgHeadWords[last] {
		return article.TypeOrg
	}
	switch t.headClass(words, len(words)-1) {
	case wordclass.Occasion:
		return article.TypeEvent
	case wordclass.Organisation:
		return article.TypeOrg
	}
	return ""
}

// wordClassOf is the type WordNet gives an apposition's head noun that the hand lists lack: an
// occasion ("X, an annual music festival"; not a noun whose first sense is a group of people: "X,
// a tripartite forum of unions"), a body ("X, a brokerage partnership"), or -1. Persons' nouns are
// left to the role words: bodies take many of them ("X, a major employer", "a shareholder").
func wordClassOf(noun string) int {
	switch wordclass.NameHead(noun) {
	case wordclass.Occasion:
		if !wordclass.Of(noun).First(wordclass.Group) {
			return tiEvent
		}
	case wordclass.Organisation:
		if wordclass.Speaker(noun) == 'o' {
			return tiOrg
		}
	}
	return -1
}

// stormNouns name storms before their given names ("Hurricane Zelda", "Typhoon Mawar", "Winter
// Storm Kara"); stormModifiers may open such a name before them ("Tropical Storm", "Super Typhoon").
var (
	stormNouns     = wordSet(`Hurricane Typhoon Cyclone Storm`)
	stormModifiers = wordSet(`Tropical Winter Super Severe Post-Tropical`)
)

// addNamedStorms makes a storm's class noun and the capitalised name after it one event ("Cyclone
// Freddy", not a person; "Winter Storm Kara", not a town in Togo), in place of the mentions the
// model made inside it.
func addNamedStorms(s string, toks []token, cands []candidate) []candidate {
	var added []candidate
	for h := 0; h+1 < len(toks); h++ {
		w := toks[h].Text
		if len(w) < 5 || w[0] < 'C' || w[0] > 'T' || !stormNouns[w] { // cheap tests first: most tokens are none
			continue
		}
		name := toks[h+1].Text
		if capClass(name) != capInit || !text.IsWord(name) || calendarWords[name] || stormNouns[name] || !spaceGap(s, toks[h], toks[h+1]) {
			continue
		}
		i := h
		for i > 0 && i > h-2 && stormModifiers[toks[i-1].Text] && spaceGap(s, toks[i-1], toks[i]) {
			i--
		}
		if i == h && w == "Storm" && (!mentionAt(cands, toks[h].Start, toks[h+1].End) || h+2 < len(toks) && text.IsNumber(toks[h+2].Text)) {
			continue // "Storm Mbeki 12 points": a given name too, unless the model found a name there, not in a table
		}
		c := candidate{start: toks[i].Start, end: toks[h+1].End, typ: article.TypeEvent}
		c.name = strings.Join(strings.Fields(s[c.start:c.end]), " ")
		c.ev.score[tiEvent] = nameWeight
		added = append(added, c)
		h++
	}
	if len(added) == 0 {
		return cands
	}
	// A mention reaching out of the storm's name leaves it alone ("Storm Kara Smith" is a person).
	keep := added[:0]
	for _, a := range added {
		reaches := false
		for _, c := range cands {
			reaches = reaches || c.start < a.end && a.start < c.end && (c.start < a.start && c.typ != article.TypeEvent || c.end > a.end)
		}
		if !reaches {
			keep = append(keep, a)
		}
	}
	return replaceCovered(cands, keep)
}

// isNamedStorm reports an event's name that a storm's class noun opens (after its modifiers).
func isNamedStorm(words []string) bool {
	for _, w := range words[:len(words)-1] {
		if stormNouns[w] {
			return true
		}
		if !stormModifiers[w] {
			return false
		}
	}
	return false
}

// companyNouns after a possessive are what only a company has: "X's shares", "X's shareholders".
// (WordNet's possessions are a place's too: "Tigray's capital", "Kenya's revenue", "its land".)
var companyNouns = wordSet(`shares stock profit profits earnings dividend dividends turnover shareholders
stockholders customers subscribers employees investors bondholders creditors franchisees parent`)

// personlessNouns are the companyNouns no person has (a person holds shares and has earnings and
// employees): they make a company of what the model called a person ("X's shareholders").
var personlessNouns = wordSet(`profit profits turnover shareholders stockholders subscribers bondholders
franchisees parent`)

// isCompanyPossessive reports a name the model called a place that the gazetteer does not know, or
// a person with no given name, title or common surname (isUntitledPersonName), followed by a
// possessive and what only a company has ("Ulta's shares", "Emirates' annual profits", "X's
// shareholders", "X's parent company"; not "Tigray's capital").
func (t *Tagger) isCompanyPossessive(c *candidate, toks []token, j int) bool {
	if c.typ != article.TypePlace && !t.isUntitledPersonName(c) || j+1 >= len(toks) || t.places == nil || t.places.IsPlace(c.name) {
		return false
	}
	p := toks[j].Text
	if !isPossessive(p) && p != "'" && p != "’" || toks[j].Start != toks[j-1].End {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		w := toks[k].Text
		if companyNouns[w] && (c.typ == article.TypePlace || personlessNouns[w]) {
			return true
		}
		if capClass(w) != capLower {
			return false // one word before the noun is passed over ("annual", "former")
		}
	}
	return false
}

// inQuotes reports tokens [i, j) standing alone between quotation marks, the sentence's stop
// inside them allowed ("“Ground Game.”").
func inQuotes(toks []token, i, j int) bool {
	if i == 0 || j >= len(toks) {
		return false
	}
	switch toks[i-1].Text {
	case "“", "\"", "‘":
	default:
		return false
	}
	if j+1 < len(toks) && (toks[j].Text == "." || toks[j].Text == ",") {
		j++
	}
	switch toks[j].Text {
	case "”", "\"", "’":
		return true
	}
	return false
}

// mentionAt reports a mention overlapping bytes [start, end).
func mentionAt(cands []candidate, start, end int) bool {
	for _, c := range cands {
		if c.start < end && start < c.end {
			return true
		}
	}
	return false
}
