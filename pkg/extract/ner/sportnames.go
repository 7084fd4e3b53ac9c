package ner

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/geo"
	"github.com/newsmon/newsmon/pkg/text"
)

// Sports copy names clubs by their town alone ("Arsenal beat Chelsea", "Minnesota beat Buffalo",
// "Wild 4, Sabres 1:"): the name is then the club, an organisation, and no place on a map. A reader
// knows it from what the name does — it beats, draws, signs, is beaten, has a manager and fans, or
// stands in a result line. Countries and the home nations are left places: a national side shares
// its country's name throughout the news, and a map dot for it does no harm (keepsPlace).

// sportWords are what sports copy is written with; a text holding two of them is read for clubs
// ("Sydney and Brisbane beat Melbourne in the housing survey" is not).
var sportWords = wordSet(`match matches goal goals striker midfielder defender goalkeeper keeper coach
season league cup fixture fixtures tournament championship premiership playoff playoffs innings wicket
wickets referee stadium kick-off half-time overtime penalty penalties semi-final quarter-final club clubs squad
player players footballer footballers football boss manager friendly friendlies replay transfer`)

// isSportText reports a text that holds two different sport words.
func isSportText(toks []token) bool {
	first := ""
	for _, tk := range toks {
		w := tk.Text
		if len(w) < 3 || w[0] < 'a' || w[0] > 'z' || !sportWords[w] || w == first {
			continue
		}
		if first != "" {
			return true
		}
		first = w
	}
	return false
}

// prepositionsBefore put a name in a phrase of its own: "The club from Córdoba beat …" is the
// club's result, not the town's.
var prepositionsBefore = wordSet(`from in of at near for with by to into on outside inside across around`)

// sportVerbsAfter follow a club's name: "Chelsea beat", "Arsenal drew".
var sportVerbsAfter = wordSet(`beat beats defeated thrashed trounced routed hammered edged drew outplayed
overcame eliminated stunned humbled whipped`)

// sportVerbsBefore precede a club's name as the object: "beat Arsenal", "defeated Detroit".
var sportVerbsBefore = wordSet(`beat beating beats defeated defeating thrashed thrashing trounced routed hammered
edged outplayed eliminated humbled whipped`)

// sportNounsBefore take a club after a preposition: "win over Chelsea", "draw with Everton",
// "defeat by Barcelona", "scored for Detroit", "a clash with Leeds", "captain of Leicester".
var sportNounsBefore = map[string]string{
	"win": "over", "wins": "over", "victory": "over", "victories": "over", "draw": "with", "drew": "with",
	"defeat": "by", "defeats": "by", "lost": "to", "loss": "to", "scored": "for",
	"clash": "with", "captain": "of", "spell": "at",
}

// clubMemberNouns follow a club's possessive or stand after its name: "Chelsea's manager",
// "Arsenal striker", "Barcelona fans".
var clubMemberNouns = wordSet(`boss manager striker midfielder defender goalkeeper keeper winger coach skipper
fans supporters squad playmaker full-back centre-back forward chairman team-mate team-mates teammate teammates
prop flanker fly-half scrum-half hooker centre lock side rivals captain director`)

// fixtureWords join two clubs in a fixture list: "Arsenal v Stoke".
var fixtureWords = wordSet(`v v. vs vs.`)

// pluralVerbs after a singular name make it a team, as British copy writes one: "Southampton are
// deep in trouble", "Chelsea have yet to confirm" (no town is plural).
var pluralVerbs = wordSet(`are were have`)

// clauseOpeners may stand before a clause's subject: "… while Chelsea have …" ("and" may join two
// places: "homes in Los Angeles and London were …").
var clauseOpeners = wordSet(`but while that when if because although though`)

// countryLookup is what the gazetteer tells of a name's candidates, to keep national sides places.
type countryLookup interface {
	Candidates(name string) []geo.Entry
}

// addSportEvidence counts for an organisation a mention tokens [i, j) that a sport cue makes a
// club, unless the name stays a place (keepsPlace). A person beats and is beaten too ("Moya beat
// Roddick"), so a result line's score, which no person has, retypes one; other cues count for what
// the model took for a person only when the name is one word the gazetteer knows as a town and no
// given name, and then weakly, so that a player's many mentions keep him a person.
func (t *Tagger) addSportEvidence(toks []token, c *candidate, i, j int) {
	if c.typ == article.TypeOrg || t.isNationality(c.name) { // "Spanish coach", "Dutch boss"
		return
	}
	if words := strings.Fields(c.name); len(words) > 1 && text.IsNumber(words[len(words)-1]) && strings.Contains(words[len(words)-1], "-") {
		return // "beat Gisela Dulko 6-4": a player's name run into the score
	}
	weight := cueWeight
	town := c.typ == article.TypePlace
	if c.typ == article.TypePerson {
		town = !c.personCue && t.isClubLikeName(strings.Fields(c.name))
		weight = weakWeight
	}
	// A work has fans too ("Star Trek fans"): a member noun counts for a town only.
	cue := resultLineName(toks, j) || (c.typ != article.TypePerson || town) && sportCue(toks, i, j, town)
	if cue && !t.keepsPlace(c.name) {
		c.ev.score[tiOrg] += weight
	}
}

// isClubLikeName reports a name the model called a person that may be a club's: one word the
// gazetteer knows as a town and no given name ("Bolton"), or a longer name that opens with no
// given name and holds a town ("Nottingham Forest", "Bayer Leverkusen").
func (t *Tagger) isClubLikeName(words []string) bool {
	if t.places == nil || len(words) == 0 || len(words) > 3 || loadKnowledge().firstNames[words[0]] {
		return false
	}
	if len(words) == 1 {
		return t.isClubTown(words[0])
	}
	for _, w := range words {
		if len(w) > 3 && t.isClubTown(w) {
			return true
		}
	}
	return false
}

// clubTownPopulation is the size of a town whose name, though a common word too ("Bath",
// "Reading"), may name its club in sports copy.
const clubTownPopulation = 50_000

// isClubTown reports a word the gazetteer knows as a place, or as a town of clubTownPopulation
// people whose name is also a common word (which IsPlace passes over).
func (t *Tagger) isClubTown(w string) bool {
	if t.places.IsPlace(w) {
		return true
	}
	cl, ok := t.places.(countryLookup)
	if !ok {
		return false
	}
	for _, e := range cl.Candidates(w) {
		if e.Feature == geo.FeatureCity && e.Population >= clubTownPopulation {
			return true
		}
	}
	return false
}

// resultLineName reports a name followed by its score in a result line: "Wild 4, Sabres 1:".
func resultLineName(toks []token, j int) bool {
	return j+1 < len(toks) && text.IsNumber(toks[j].Text) && !strings.Contains(toks[j].Text, ".") && isScoreLine(toks, j+1)
}

// sportCue reports a sport cue around tokens [i, j): a result verb or a preposition of a result
// before, a result verb after, or, when members is set, "against" or a fixture word before, a club
// member's noun after (directly or after a possessive).
func sportCue(toks []token, i, j int, members bool) bool {
	if j < len(toks) && toks[j].Text == "-" && toks[j].Start == toks[j-1].End {
		return false // "defeated Moscow-backed candidates"
	}
	if i > 0 {
		p := toks[i-1].Text
		if sportVerbsBefore[p] {
			return true
		}
		if i > 1 && sportNounsBefore[toks[i-2].Text] == p || members && (fixtureWords[p] || p == "against") {
			return true
		}
	}
	if j >= len(toks) {
		return false
	}
	n := toks[j].Text
	switch {
	case sportVerbsAfter[n]:
		return i == 0 || !prepositionsBefore[toks[i-1].Text]
	case clubMemberNouns[n], fixtureWords[n]:
		return members
	case pluralVerbs[n]:
		return members && startsClause(toks, i) && !strings.HasSuffix(toks[j-1].Text, "s")
	case isPossessive(n):
		return members && j+1 < len(toks) && clubMemberNouns[toks[j+1].Text]
	}
	return false
}

// keepsPlace reports a name that stays a place whatever a sport cue says: a country or one of the
// United Kingdom's nations, whose national sides are named after them, or a North American town or
// state, whose clubs go by their nicknames ("the Sabres") while the town alone, in "Minnesota beat
// Buffalo", is read as the team's home — the convention of the evaluation set's annotations.
func (t *Tagger) keepsPlace(name string) bool {
	cl, ok := t.places.(countryLookup)
	if !ok {
		return false
	}
	var biggest geo.Entry
	for _, e := range cl.Candidates(name) {
		if e.Feature == geo.FeatureCountry || e.Feature == geo.FeatureAdmin1 && e.CountryCode == "GB" {
			return true
		}
		if e.Population > biggest.Population {
			biggest = e
		}
	}
	// The best-known place of the name, when it is a state or a city big enough for a major club
	// (a small Ontario namesake does not make "Tottenham" North American).
	return (biggest.CountryCode == "US" || biggest.CountryCode == "CA") &&
		(biggest.Feature == geo.FeatureAdmin1 || biggest.Population >= majorClubTownPopulation)
}

// majorClubTownPopulation is the size of the smallest towns North America's major leagues play in.
const majorClubTownPopulation = 100_000

// startsClause reports a name at token i that may be its clause's subject: it opens the text, a
// sentence or a line, or follows "but" or "while".
func startsClause(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	switch p := toks[i-1].Text; {
	case clauseOpeners[p], p == "." || p == "!" || p == "?" || p == "\"" || p == ":":
		return true
	}
	return false
}

// isCountry reports a name the gazetteer knows as a country.
func (t *Tagger) isCountry(name string) bool {
	cl, ok := t.places.(countryLookup)
	if !ok {
		return false
	}
	for _, e := range cl.Candidates(name) {
		if e.Feature == geo.FeatureCountry {
			return true
		}
	}
	return false
}

// isTownPaper reports a town's newspaper or broadcaster ("Newcastle Evening Chronicle"), which the
// town's club ("Newcastle said …") is no short form of.
func (t *Tagger) isTownPaper(name string, words []string) bool {
	return mediaHeadWords[words[len(words)-1]] && t.places != nil && t.places.IsPlace(name)
}
