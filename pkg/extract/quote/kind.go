package quote

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// What a speaker may be. A speaker is a person, an organisation or a described group of people
// ("analysts", "police in Montevideo"); never a place, a date or a document. The rules below keep
// the others out:
//
//   - A document ("a study", "the statement", "the prospectus", "opinion polls") speaks for whoever
//     issued it: the issuer named in the phrase ("a statement released by X", "X's report", "the
//     Associated Press tally"), else the person or organisation the article last credited with a
//     document of that kind ("Kenya Railways said in a statement" … "the statement said"); with no
//     issuer in the text the quote has no speaker.
//   - A place inside a described group is not its head: "Farmers in nearby Yangzhou", "cantons in
//     the Alps" are the farmers and the cantons. A bare place as the subject right before its cue
//     ("Beijing said", "Germany has warned") is read as its government acting (metonymy) and kept,
//     typed ORG; a place anywhere else (after an inverted cue, in a clause) is never a speaker.
//   - A date word ("Monday", "last week") is never a speaker.
//
// speaker_kind says how the cue's subject refers to the speaker: named, nominal (a description,
// resolved to an entity when the article names it), pronoun, or anonymous (a description that
// names nobody).
const (
	kindNamed     = "named"
	kindNominal   = "nominal"
	kindPronoun   = "pronoun"
	kindAnonymous = "anonymous"
)

// reducedRelatives end a noun phrase: in "a study published on Monday" or "a term sheet seen by
// Reuters" the participle opens a clause about the noun, which is not part of the speaker.
var reducedRelatives = wordSet(`published released issued seen obtained reviewed filed posted sent
cited quoted made prepared compiled commissioned submitted presented distributed circulated
signed written put leaked shared conducted carried`)

// auxiliaries follow a subject: a phrase followed by one is a clause's subject ("said the plan
// was …"), and a participle followed by one is no speech verb ("the money announced had …").
var auxiliaries = wordSet(`is was were are has had have would will could can may might should must`)

// timeOpeners with a date word make a time adverbial before a cue: "last year", "this week".
var timeOpeners = wordSet(`last this next earlier later`)

// indefinites open a description of someone not identified ("a spokesman", "some officials"),
// which is never resolved to a named entity.
var indefinites = wordSet(`a an some one several many few no any another other most`)

// prepositions open a phrase after a noun.
var prepositions = wordSet(`of for at in from with on by to about under over during near`)

// dateWords never head a speaker.
var dateWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december today yesterday tomorrow
tonight week weekend month year day morning afternoon evening night decade century quarter`)

// groupNouns are plural people nouns that name no one even when capitalised at a sentence start
// ("Analysts said").
var groupNouns = wordSet(`groups analysts officials economists experts critics residents observers diplomats
sources investors traders farmers workers protesters demonstrators voters lawmakers legislators
authorities scientists researchers doctors police organisers organizers opponents supporters
activists campaigners negotiators bankers executives leaders witnesses locals villagers students
teachers parents fans players delegates officers engineers environmentalists conservatives liberals
republicans democrats economists strategists pollsters scholars historians academics managers
employees staff unions families survivors rescuers firefighters soldiers troops rebels militants
prosecutors lawyers judges aides advisers advisors insiders regulators`)

// titleNouns name an office or occupation written before a name ("Economist Aly-Khan Jiwa",
// "Treasury Cabinet Secretary Joseph Mbugua"); stripTitle splits them off a PERSON's name.
var titleNouns = wordSet(`minister president director secretary chairman chairwoman chair governor
senator mayor judge spokesman spokeswoman spokesperson chief ceo premier chancellor ambassador
commissioner prosecutor general admiral captain sheriff coach manager founder leader economist
analyst professor envoy representative congressman congresswoman deputy head treasurer attorney
officer official executive adviser advisor strategist lawyer researcher scientist inspector
superintendent administrator commander lieutenant colonel sergeant president-elect dr dr. prof prof.
rep. sen. gov. lt. gen. col. sgt. mr. mrs. ms.`)

// singular is the lookup form of a lower-case head noun: "studies" → "study", "polls" → "poll".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses") && len(w) > 4 && !strings.HasSuffix(w, "sses"):
		return w[:len(w)-2] + "is" // analyses → analysis
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// orgHead reports whether a lower-case head noun names an institution, in the singular or plural
// ("groups", "authorities").
func orgHead(w string) bool {
	w = lower(w)
	return orgHeads[w] || orgHeads[singular(w)]
}

// describedType types a description by its head noun: institutions are ORG, people PERSON.
func describedType(head string) string {
	if orgHead(head) {
		return article.TypeOrg
	}
	return article.TypePerson
}

// possessive reports whether a token ends in 's or ’s ("Kenya’s", "the foundation's").
func possessive(t string) bool {
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "s'") || strings.HasSuffix(t, "s’")
}

// headOf is the index of the head noun of the phrase toks[a..b]: the word before the first
// preposition that follows a lower-case noun ("officials in Montevideo", "a spokesperson for the
// ministry", "the director of the FBI"), else the last word. A preposition inside a name ("Bank of
// China") does not count.
func headOf(toks []text.Token, a, b int) int {
	for i := a + 1; i < b; i++ {
		switch lower(toks[i].Text) {
		case "of", "for", "at", "in", "from", "with", "on":
			// (a capitalised title after a determiner is a head too: "The Minister of Marine")
			if prev := toks[i-1].Text; text.IsWord(prev) && (!text.IsCapitalized(prev) || i-1 == a || i-2 == a && titleNouns[lower(prev)] && determiners[lower(toks[a].Text)]) && !possessive(prev) {
				if closeTo[prev] && i-2 >= a {
					return i - 2 // "a person familiar with the matter"
				}
				return i - 1
			}
		}
	}
	return b
}

// definite reports whether a description refers to one known thing ("the agency", "its chairman",
// "Mr. Haley’s campaign"), as opposed to an anonymous one ("analysts", "a person familiar with the
// matter", "some officials").
func definite(toks []text.Token, a, b int) bool {
	switch lower(toks[a].Text) {
	case "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	for i := a; i < b; i++ {
		if possessive(toks[i].Text) {
			return true
		}
	}
	return false
}

// placeSpan is a PLACE mention's byte span.
type placeSpan struct{ start, end int }

// placeAt returns the PLACE mention covering byte pos, if any.
func (d *doc) placeAt(pos int) (placeSpan, bool) {
	i := sort.Search(len(d.places), func(k int) bool { return d.places[k].end > pos })
	if i < len(d.places) && d.places[i].start <= pos {
		return d.places[i], true
	}
	return placeSpan{}, false
}

// personLike reports whether a PERSON mention may be referred to as he or she: not a name read
// with an article before it ("the Bundestag", "the Rhône"), which people's names never have.
func (d *doc) personLike(m *speakerRef) bool {
	if m.typ != article.TypePerson {
		return false
	}
	before := strings.TrimRight(d.s[max(0, m.start-5):m.start], " ")
	// "in Mukuru kwa Njenga": people are rarely "in" someone.
	return !strings.HasSuffix(before, "the") && !strings.HasSuffix(before, "The") && !strings.HasSuffix(before, " in")
}

// stripTitle splits a PERSON name that starts with its title ("Economist Aly-Khan Jiwa", "Treasury
// Cabinet Secretary Joseph Mbugua") into the title and the name; ok is false when the name does not
// start with a title or too little would be left of it.
func stripTitle(name string) (title, rest string, ok bool) {
	f := strings.Fields(name)
	cut := -1
	for i := 0; i < len(f)-2; i++ {
		if titleNouns[strings.ToLower(f[i])] {
			cut = i
		}
	}
	if cut < 0 || !text.IsCapitalized(f[cut+1]) {
		return "", "", false // "Senator from Texas": a description, not a title before a name
	}
	return strings.Join(f[:cut+1], " "), strings.Join(f[cut+1:], " "), true
}

// kindOf is the speaker_kind of a quote whose speaker was set without reading a phrase (a mention
// found in the clause, a name line, an inherited speaker): a pronoun mention, a name, or a
// description.
func (d *doc) kindOf(q found) string {
	if q.mEnd <= q.mStart {
		return kindNamed
	}
	m := d.s[q.mStart:q.mEnd]
	if pronounSpeakers[m] || contractedPronoun(m) != "" {
		return kindPronoun
	}
	if text.IsCapitalized(m) && !determiners[lower(strings.Fields(m)[0])] {
		return kindNamed
	}
	toks := d.tokensIn(q.mStart, q.mEnd)
	if len(toks) > 0 && definite(toks, 0, len(toks)-1) {
		return kindNominal
	}
	return kindAnonymous
}

// verbAfter is the index of the first verb-like word in toks[i:k] (an auxiliary or a lower-case
// past tense), or -1 when punctuation or a name's end comes first.
func verbAfter(toks []text.Token, i, k int) int {
	for j := i; j < k; j++ {
		t := toks[j].Text
		if !text.IsWord(t) {
			return -1
		}
		if lt := lower(t); !text.IsCapitalized(t) && (auxiliaries[lt] || pastTense(lt) || adverb(t) || sayWords[lt]) {
			return j
		}
		if j > i && j+1 < k && (t == "on" || timeOpeners[t]) && dateWords[lower(toks[j+1].Text)] {
			return j // "The campaign on Tuesday released": the subject ends before its time
		}
	}
	return -1
}

// possessiveAppositive reads "Athletics Kenya's president, Samuel Kiptanui, congratulated …": the
// subject at toks[i] is a name's possessive title whose holder is named between commas.
func (d *doc) possessiveAppositive(q *found, toks []text.Token, i, k int) bool {
	j := i
	for j < k && j-i < 5 && text.IsCapitalized(toks[j].Text) && !possessive(toks[j].Text) {
		j++
	}
	if j >= k || !possessive(toks[j].Text) || !text.IsCapitalized(toks[j].Text) {
		return false
	}
	r := j + 1
	for r < k && r-j <= 4 && text.IsWord(toks[r].Text) && !text.IsCapitalized(toks[r].Text) {
		r++
	}
	if r == j+1 || r >= k || toks[r].Text != "," {
		return false
	}
	c := r + 1
	for c < k && c-r <= 5 && text.IsCapitalized(toks[c].Text) {
		c++
	}
	if c == r+1 || c >= k || toks[c].Text != "," {
		return false
	}
	d.resolveNP(q, toks, np{a: r + 1, b: c - 1, roleStart: toks[j+1].Start, roleE: toks[r-1].End})
	return q.spk != nil
}

// isEntity reports whether r is one of the article's PERSON/ORG mentions rather than a phrase.
func (d *doc) isEntity(r *speakerRef) bool {
	for i := range d.mentions {
		if &d.mentions[i] == r {
			return true
		}
	}
	return false
}

// companyHeads stand for a business the article named ("the company said", "company management"):
// they resolve to the most recent organisation known to be a business (isCompany).
var companyHeads = wordSet(`company firm maker manufacturer producer operator developer lender
insurer carrier airline utility business startup retailer conglomerate automaker carmaker chipmaker
miner shipyard management`)

// corporateWords in an organisation's name make it a business: legal forms and trade words.
var corporateWords = wordSet(`inc inc. ltd ltd. llc corp corp. corporation co co. plc gmbh ag sa s.a.
spa s.p.a. nv n.v. bv b.v. ab asa oyj kk limited group holdings holding energy power electric motors
robotics technologies technology semiconductor semiconductors halbleiter industries airlines airways
capital partners pharmaceuticals pharma systems solutions networks telecom steel mining oil gas
petroleum shipping logistics foods productions studios entertainment manufacturing chemicals
electronics precision automotive batteries battery materials resources`)

// isCompany reports whether an ORG mention is a business: its name carries a corporate word, or
// the article calls it a company, a maker or a firm next to its name ("Lingdian, a battery maker").
func (d *doc) isCompany(m *speakerRef) bool {
	if publicBody(m.name) {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(m.name)) {
		if corporateWords[w] {
			return true
		}
	}
	// the role, the word right before the name, the first words of an appositive (as orgTitled)
	words := strings.Fields(strings.ToLower(m.role))
	if f := strings.Fields(strings.ToLower(d.titleBefore(m.start))); len(f) > 0 {
		words = append(words, f[len(f)-1])
	}
	if f := strings.Fields(strings.ToLower(d.appositiveAfter(m.end))); len(f) > 0 {
		words = append(words, f[:min(4, len(f))]...)
	}
	for _, w := range words {
		if companyHeads[w] {
			return true
		}
	}
	return false
}

// orgTitled reports whether the article describes an organisation with the noun: in its role, right
// before its name ("the carmaker BYD", "battery maker Lingdian") or in an appositive that opens
// with it ("Lingdian, a battery maker based in Suzhou,"). Looser than titled, as an organisation's
// name sits in running text ("sells in the European Union") more often than a person's does.
func (d *doc) orgTitled(m *speakerRef, head string) bool {
	if containsFold(m.role, head) {
		return true
	}
	if f := strings.Fields(strings.ToLower(d.titleBefore(m.start))); len(f) > 0 && f[len(f)-1] == head {
		return true
	}
	f := strings.Fields(strings.ToLower(d.appositiveAfter(m.end)))
	if len(f) == 2 && f[0] == "the" && d.prepositionalName(m.start) {
		// "In a filing with the SEC, the group, which …": the subject after a fronted phrase,
		// not an appositive telling what the SEC is
		return false
	}
	for i := 0; i < len(f) && i < 4; i++ {
		if f[i] == head {
			return true
		}
	}
	return false
}

// geoHeads are places as institutions ("the state said"); they are never looked up by name, as
// "the state" says nothing about which organisation holds the word.
var geoHeads = wordSet(`state city county province district prefecture municipality region country
nation`)

// publicWords mark an organisation as a public body, never "the company".
var publicWords = wordSet(`ministry department government agency commission council committee
parliament congress senate assembly court police university institute office authority bureau
treasury administration party union association federation organization organisation fund
programme program union`)

func publicBody(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if publicWords[w] {
			return true
		}
	}
	return false
}

// sayWords are the speech verbs, for telling where a clause's subject ends.
var sayWords = wordSet(sayVerbs)

// contractedPronoun returns the pronoun of "he’s", "she'd", "they’ve" and the like, or "".
func contractedPronoun(t string) string {
	for _, suf := range []string{"’s", "'s", "’d", "'d", "’ve", "'ve", "’ll", "'ll"} {
		if base, ok := strings.CutSuffix(t, suf); ok && pronounSpeakers[base] && base != "it" && base != "It" {
			return base
		}
	}
	return ""
}

// year reports whether a token is a four-digit year ("2010"); "Six in 10" and "the 46-year-old"
// are groups and people.
func year(t string) bool {
	if len(t) != 4 || t[0] != '1' && t[0] != '2' {
		return false
	}
	for i := 0; i < 4; i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}
