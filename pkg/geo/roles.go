package geo

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/names"
)

// This file reads the roles a place's name plays in a story that make it no place of the story: a
// person or a firm named like a town ("actor Sylvester", "Paramount, Universal and Warner
// Brothers", "Houston Metals … Houston said"); a body the gazetteer lacks ("New Labour", "Health
// Canada"); and, in a match report, the clubs and grounds the gazetteer lacks ("West Ham",
// "Murrayfield"), which the story's focus does not place: a report of "Wales beat Scotland at
// Murrayfield" is set in neither country as far as a reader can tell. A club named after a town
// the gazetteer holds ("Chelsea beat Sunderland") is read as its home town, as the evaluation's
// readers mark them (an NHL round-up's "Pittsburgh" is Pittsburgh), whether named alone or in a
// results line; a team sheet lists players, not towns.

// givenNames are the US Census given names (package names), by Key. Read-only once built.
var givenNames = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, g := range names.GivenNames() {
		out[Key(g.Name)] = true
	}
	return out
})

// givenNameTown reports whether a one-word name is a given name: a small town so named needs the
// article to name its first-level region ("Sylvester, mother of …" is no town in Georgia).
func givenNameTown(name string) bool {
	return !strings.ContainsRune(name, ' ') && givenNames()[Key(name)]
}

// sportsWords are words of match reports that other news rarely uses.
var sportsWords = wordSet(`cup replay fa uefa fifa nfl nba nhl striker strikers goalkeeper keeper
midfielder midfielders defender defenders winger goal goals scored scoring league coach fixture
fixtures semi-final semi-finals quarter-final quarter-finals premiership championship playoff playoffs
relegation rugby football soccer tennis cricket athletics olympic marathon medal medals sprinter
referee injury-time half-time kick-off touchdown quarterback inning innings wicket squad flanker
fly-half scrum-half scrum lineout full-back team-mate team-mates teammates unbeaten`)

// sportsMin is how many sports words, of at least two kinds, make a story a match report.
const sportsMin = 3

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// sportsStory reports whether text is a match or sports report: at least sportsMin sports words,
// not all the same ("the football club's sponsor" is not one).
func sportsStory(text string) bool {
	var buf [16]byte
	n, count, first, other := 0, 0, "", false
	flush := func() {
		if n > 0 && n <= len(buf) && sportsWords[string(buf[:n])] {
			count++
			if w := string(buf[:n]); first == "" {
				first = w
			} else if w != first {
				other = true
			}
		}
		n = 0
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z' || c == '-':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			flush()
			continue
		}
		if n < len(buf) {
			buf[n] = c
		}
		n++
	}
	flush()
	return count >= sportsMin && other
}

// placeUses are the words before a name that make it where something is even in a match report:
// "born in Liverpool", "a school near Leeds". "at" and "from" are not among them: "lost at
// West Ham", "signed from Crystal Palace", "at Murrayfield" name clubs and grounds.
var placeUses = map[string]bool{"in": true, "near": true, "outside": true, "across": true, "around": true,
	"throughout": true, "inside": true}

// sideMentions reports whether no mention of a name in a match report stands where a place does:
// the name is a side's, a club's or a ground's.
func sideMentions(text []rune, ms []article.Mention) bool {
	for _, m := range ms {
		if placeUses[strings.ToLower(cueBefore(text, m.Start))] {
			return false
		}
	}
	return len(ms) > 0
}

// cueBefore is the word before rune offset i, past an article ("in a London hotel" → "in").
func cueBefore(text []rune, i int) string {
	w := wordBefore(text, i)
	if w == "the" || w == "a" || w == "an" {
		w = wordBefore(text, i-len(w)-1)
	}
	return w
}

// notRoles are words WordNet gives a person's sense that news writes as determiners or adjectives
// before a name ("the same Eldoret-based agency", "their native Monterrey").
var notRoles = map[string]bool{"same": true, "other": true, "own": true, "such": true, "whole": true, "very": true,
	"native": true}

// roleOfPerson reports whether a lower-case noun of a person stands right before the mention, in
// apposition ("actor Sylvester", "rapper Ashanti") or with "at" ("a consultant at Cisco"): the name
// is the person's, or the firm the person works for.
func roleOfPerson(text []rune, m article.Mention) bool {
	i := m.Start
	w := wordBefore(text, i)
	if w == "at" {
		i -= len("at") + 1
		w = wordBefore(text, i)
	}
	n := len(w)
	if n == 0 || !unicode.IsLower([]rune(w)[0]) || locativeCues[w] || notRoles[w] || w[n-1] == 's' && !strings.HasSuffix(w, "ss") ||
		strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false // "fossils Norfolk" is a search, "accused Bonn" a verb's object, not a person
	}
	j := i - 1 - len([]rune(w))
	if j > 0 && text[j-1] == '-' {
		return false // "pretty-boy New York clothes horses"
	}
	if a := wordBefore(text, j); (a == "a" || a == "an") && lowerWordAfter(text, m.End) {
		return false // "a major California cotton producer": an adjective before a noun the name modifies
	}
	return wordclass.Of(w).First(wordclass.Person)
}

// nameSpans are where the article's people and organisations start, and where those that end at
// an offset start.
type nameSpans struct {
	starts     map[int]bool
	startOfEnd map[int]int
}

func nameSpansOf(ents []article.Entity) nameSpans {
	s := nameSpans{starts: map[int]bool{}, startOfEnd: map[int]int{}}
	for _, e := range ents {
		if e.Type != article.TypePerson && e.Type != article.TypeOrg {
			continue
		}
		for _, m := range e.Mentions {
			s.starts[m.Start], s.startOfEnd[m.End] = true, m.Start
		}
	}
	return s
}

// placedByCue reports whether the word before rune offset i says a place follows ("in", "of"):
// "in Milan and Turin", "Dodd of Connecticut, Bentsen of Texas".
func placedByCue(text []rune, i int) bool {
	w := strings.ToLower(cueBefore(text, i))
	return locativeCues[w] || w == "of"
}

// listedWithNames reports whether a mention is joined by "and" or "or", or within a list by
// commas, to a person's or an organisation's name and to no place's: like is listed with like
// ("Paramount, Universal and Warner Brothers", "Ja Rule and Ashanti"). A list a locative word
// heads ("in Milan and Turin") or a big place's name mistyped starts is of places; "Standard Life, Europe's largest insurer" and "New
// College, Oxford" are no lists; a name before a noun modifies it ("Glastonbury organiser Emily
// Eavis", "Heathrow, Stansted and Luton airports").
func (d *data) listedWithNames(text []rune, m article.Mention, names nameSpans, places placeSpans) bool {
	after := wordAfter(text, m.End)
	if possessive(text, m.End) || modifiedNoun(after) {
		return false // "Heathrow, Stansted and Luton airports", "Glastonbury organiser Emily Eavis"
	}
	commaAfter := m.End+2 < len(text) && text[m.End] == ',' && text[m.End+1] == ' '
	if (after == "and" || after == "or") && places.starts[m.End+len(after)+2] || commaAfter && places.starts[m.End+2] {
		return false
	}
	listGoesOn := commaAfter && names.starts[m.End+2] || after == "and" || after == "or"
	if w := wordBefore(text, m.Start); w == "and" || w == "or" || m.Start >= 2 && text[m.Start-2] == ',' && listGoesOn {
		end := m.Start - 2
		if w == "and" || w == "or" {
			end = m.Start - len(w) - 2
		}
		if places.ends[end] {
			return false
		}
		if start, ok := names.startOfEnd[end]; ok {
			return !placedByCue(text, start) && !d.notablePlace(string(text[start:end]))
		}
	}
	return (after == "and" || after == "or") && names.starts[m.End+len(after)+2] || commaAfter && names.starts[m.End+2]
}

// modifiedNoun reports whether the lower-case word after a name is a noun the name modifies: one
// the noun list holds, or a plural that is no verb ("airports", not "says" or "has").
func modifiedNoun(w string) bool {
	w = strings.TrimRight(w, ".") // "Luton airports."
	switch {
	case w == "" || !unicode.IsLower([]rune(w)[0]):
		return false
	case wordclass.Of(w).Known():
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !wordclass.Communication(w) && !auxiliaries[w]
}

// auxiliaries are the verbs ending in s that follow a subject ("Ifo was", "DIW has").
var auxiliaries = map[string]bool{"was": true, "has": true, "does": true, "is": true, "sees": true, "expects": true}

// notablePlace reports whether a name the tagger typed as a person's or a firm's is a country, a
// first-level region or a city too big to be taken for anything else ("La Paz and Santa Cruz
// disagree": two cities, one typed ORG).
func (d *data) notablePlace(name string) bool {
	for _, p := range d.lookup(name) {
		if r := &d.recs[p.rec]; r.feature != featCity || r.pop >= unsupportedMaxPopulation {
			return true
		}
	}
	return false
}

// firmOrPersonNames are the keys of the article's multi-word people's and organisations' names cut
// to each of their leading parts ("Houston Metals" → "houston"), and of its one-word ones whole.
func firmOrPersonNames(ents []article.Entity) map[string]bool {
	out := map[string]bool{}
	for _, e := range ents {
		if e.Type != article.TypePerson && e.Type != article.TypeOrg {
			continue
		}
		words := strings.Fields(e.Name)
		if len(words) == 1 {
			out[Key(e.Name)] = true
			continue
		}
		for n := 1; n < len(words); n++ {
			out[Key(strings.Join(words[:n], " "))] = true
		}
	}
	return out
}

// speaksAsFirm reports whether a mention is followed by a verb of saying ("Houston said"): a town
// does not speak, the firm or person of that name does.
func speaksAsFirm(text []rune, m article.Mention) bool {
	w := wordAfter(text, m.End)
	return w == "said" || w == "told" || wordclass.Communication(w)
}

// notAPlace reports whether a PLACE entity other than a country or a continent is a person's or a
// firm's name: no mention stands where a place does (after "in" or "of", beside a place, in the
// dateline) and one reads as a person's or a firm's (after a noun of a person, listed among people
// or firms, or speaking when the article names a firm or person so). A name has one sense in a
// story.
func (d *data) notAPlace(e article.Entity, text []rune, names nameSpans, firms map[string]bool, places placeSpans, dateline article.Span) bool {
	if d.metonymPlace(e.Name) != nil || d.isAbbreviation(e.Name) {
		return false // "Albany, Ore., and …" beside a firm's name is the state all the same
	}
	for _, p := range d.lookup(e.Name) {
		if d.recs[p.rec].feature == featCountry {
			return false
		}
	}
	if _, ok := d.features[Key(e.Name)]; ok {
		return false // "Europe"
	}
	named, person := firms[Key(e.Name)], false
	for _, m := range e.Mentions {
		role := roleOfPerson(text, m)                       // "a consultant at Cisco"
		hyphened := m.End < len(text) && text[m.End] == '-' // "Eldoret-based"
		stated := wordAfterIn(text, m.End, stateNouns, stateNounFirsts) || wordAfterIn(text, m.End, partyWords, "DR") ||
			wordAfterIn(text, m.End, officeWords, officeWordFirsts) // "a New York state official", "Florida Sen. Marco Rubio"
		if !role && (placedByCue(text, m.Start) || standsAsPlace(text, m, places)) || hyphened || stated || dateline.End > m.Start && m.End > dateline.Start {
			return false
		}
		person = person || role || d.listedWithNames(text, m, names, places) || named && speaksAsFirm(text, m)
	}
	return person
}

// namesBody reports whether a name is a body's, whatever the tagger typed it: a name the gazetteer
// lacks whose head is a noun of people ("New Labour", "Grenadier Guards"); it is a common noun before a
// country, the style of a government department ("Health Canada"); or a mention abbreviates the
// name before it ("the Global Alliance for Vaccines and Immunisation (Gavi)") or is a firm's
// ("shares in Elan", "Ireland-based Elan").
func (d *data) namesBody(e article.Entity, text []rune) bool {
	words := strings.Fields(e.Name)
	switch unknown := len(d.lookup(e.Name)) == 0; {
	case !unknown: // "New York", "United States": the gazetteer's names are read by what it holds
	case len(words) > 1 && !strings.Contains(e.Name, " of ") && peopleHead(strings.ToLower(words[len(words)-1])):
		return true
	case len(words) == 2 && departmentWord(words[0]) && countryWords[Key(words[1])]:
		return true
	}
	if d.notablePlace(e.Name) {
		return false // "United Arab Emirates (UAE)"
	}
	for _, m := range e.Mentions {
		if abbreviatesBefore(text, m) || firmCue(text, m) {
			return true
		}
	}
	// Every mention a partner's name of a firm ("Donaldson, Lufkin and Jenrette Securities"); a
	// state's abbreviation before a list of firms ("Hackensack, N.J., and Meyer Detective Agency
	// Inc") stays the state.
	return !d.isAbbreviation(e.Name) && !slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return !firmNameGoesOn(text, m.End) })
}

// peopleHead reports whether a lower-case noun's first sense is people or a body of them ("guards",
// "labour"), not also a building or an area ("church", "commons").
func peopleHead(w string) bool {
	if containerWords[w] || placeHeads[strings.ToUpper(w[:1])+w[1:]] {
		return false // "Millennium Village"
	}
	c := wordclass.Of(w)
	return c.First(wordclass.Person) || c.First(wordclass.Group) && !c.Any(wordclass.Artifact) && !c.Any(wordclass.Location)
}

// departmentWord reports whether a capitalised word is a common noun of a field of government
// ("Health", "Transport", "Statistics"), not a compass word, an adjective or a place's kind.
func departmentWord(w string) bool {
	lw := strings.ToLower(w)
	c := wordclass.Of(lw)
	return c.Known() && wordclass.Speaker(lw) != 'a' && !c.Any(wordclass.Location) && !compassWords[w]
}

// countryWords are the keys of the countries' names, for departmentWord's "Health Canada".
var countryWords = map[string]bool{"canada": true, "australia": true, "britain": true, "ireland": true,
	"scotland": true, "wales": true, "england": true, "zealand": true}

// abbreviatesBefore reports whether a mention in brackets abbreviates the capitalised words before
// them: its first letter starts one of the last eight, its last letter the last one.
func abbreviatesBefore(text []rune, m article.Mention) bool {
	if m.Start < 3 || m.End >= len(text) || text[m.Start-1] != '(' || text[m.End] != ')' || text[m.Start-2] != ' ' {
		return false
	}
	abbr := []rune(strings.ToUpper(m.Text))
	i, n := m.Start-2, 0
	firstOK, lastOK := false, false
	for n < 8 {
		w := wordBefore(text, i+1) // the word ending at i
		if w == "" {
			break
		}
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			if n == 0 {
				lastOK = r == abbr[len(abbr)-1]
			}
			firstOK = firstOK || r == abbr[0]
		}
		i -= len([]rune(w)) + 1
		n++
	}
	return firstOK && lastOK
}

// firmCue reports whether a mention reads as a firm's: after "shares in" or "a stake in", after
// "<Place>-based", or before the title of a firm's officer and a name ("Boliden president Kjell
// Nilsson"; a town has a mayor).
func firmCue(text []rune, m article.Mention) bool {
	if based := []rune("-based "); m.Start >= len(based) && string(text[m.Start-len(based):m.Start]) == string(based) {
		return true
	}
	if t := wordAfter(text, m.End); firmOfficers[t] {
		if n := wordAfter(text, m.End+1+len([]rune(t))); n != "" && unicode.IsUpper([]rune(n)[0]) {
			return true
		}
	}
	return wordBefore(text, m.Start) == "in" && stakeWords[strings.ToLower(wordBefore(text, m.Start-len("in")-1))]
}

// firmSuffixes end a firm's name in wire copy ("Jenrette Securities Corp", "General Electric Co").
var firmSuffixes = map[string]bool{"Co": true, "Cos": true, "Inc": true, "Corp": true, "Ltd": true, "Securities": true,
	"AG": true, "SA": true, "NV": true, "PLC": true, "Plc": true, "GmbH": true, "SpA": true, "AB": true}

// firmNameGoesOn reports whether the partners' names of a firm follow rune offset i up to the firm's
// suffix: "Lufkin" of "Donaldson, Lufkin and Jenrette Securities Corp", "Pratt" of "Pratt and
// Whitney and General Electric Co". Only capitalised words joined by "and", "&" or commas count, so
// that "Boston and Denver, the company said" is a list of places.
func firmNameGoesOn(text []rune, i int) bool {
	joined := false
	for n := 0; n < 8 && i < len(text); n++ {
		if text[i] == ',' {
			i++
			continue
		}
		w := wordAfter(text, i)
		if w == "" {
			if i+2 < len(text) && text[i] == ' ' && text[i+1] == '&' && text[i+2] == ' ' {
				i, joined = i+2, true
				continue
			}
			return false
		}
		switch r := []rune(w); {
		case w == "and":
			joined = true
		case !unicode.IsUpper(r[0]):
			return false
		case joined && firmSuffixes[strings.TrimSuffix(w, ".")]:
			return true
		}
		i += 1 + len([]rune(w))
	}
	return false
}

// firmOfficers are the titles of a firm's officers written after its name.
var firmOfficers = map[string]bool{"president": true, "chairman": true}

// stakeWords are what one holds in a firm ("shares in Elan", "a stake in Elan"); "market share in
// West Germany" is a share of a place's market.
var stakeWords = map[string]bool{"shares": true, "stake": true, "stakes": true, "shareholding": true, "shareholdings": true}

// agedPerson reports whether a name no country or first-level region bears is given an age in
// apposition.
func (d *data) agedPerson(e article.Entity, text []rune) bool {
	return slices.ContainsFunc(e.Mentions, func(m article.Mention) bool { return ageAfter(text, m.End) }) &&
		!slices.ContainsFunc(d.lookup(e.Name), d.isRegion)
}

// ageAfter reports whether an age stands in apposition at rune offset i (", 22," in "Scott, 22,
// smashed his best"): what has an age is a person.
func ageAfter(text []rune, i int) bool {
	if i+4 >= len(text) || text[i] != ',' || text[i+1] != ' ' {
		return false
	}
	j := i + 2
	for j < len(text) && j-i-2 < 3 && unicode.IsDigit(text[j]) {
		j++
	}
	if j+1 < len(text) && text[j] == ',' && unicode.IsDigit(text[j+1]) {
		return false // "In West Germany, 79,250 tonnes": a figure with its thousands, no age
	}
	return j > i+2 && j < len(text) && j-i-2 <= 2 && (text[j] == ',' || text[j] == ' ' && strings.HasPrefix(string(text[j:min(j+10, len(text))]), " years"))
}

// lowerWordAfter reports whether a lower-case word follows rune offset i after one space.
func lowerWordAfter(text []rune, i int) bool {
	w := wordAfter(text, i)
	return w != "" && unicode.IsLower([]rune(w)[0])
}

// presidencyNouns are the nouns a president's surname stands before ("the Bush administration",
// "the Bush White House", "both Bush presidents"): the name is the person's, not a town's.
var presidencyNouns = map[string]bool{"administration": true, "administrations": true, "presidency": true,
	"presidencies": true, "presidents": true, "White": true, "II": true}

// namesPresidency reports whether every mention of a name stands before a presidency noun and no
// reading of the name is a country, a first-level region or a world city ("the Moscow
// administration" is the city's): the name is a president's, whatever towns share it.
func (d *data) namesPresidency(e article.Entity, text []rune) bool {
	if len(e.Mentions) == 0 {
		return false
	}
	for _, m := range e.Mentions {
		if !wordAfterIn(text, m.End, presidencyNouns, "apWI") ||
			text[m.End+1] == 'W' && strings.TrimRight(wordAfter(text, m.End+len(" White")), ".") != "House" {
			return false
		}
	}
	for _, p := range d.lookup(e.Name) {
		if r := &d.recs[p.rec]; r.feature == featCountry || r.feature == featAdmin1 || r.pop >= worldCityPopulation {
			return false
		}
	}
	return true
}
