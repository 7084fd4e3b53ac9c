package quote

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Speakers: the noun phrase next to a cue resolved to a mention, a surname, a title or an
// organisation noun (np.go finds the phrase).

// resolveNP sets q's speaker from the noun phrase p: a pronoun is left for resolvePronouns; an
// entity mention in the phrase names the speaker; a surname, a title ("the director") or an
// organisation noun ("the ministry") is looked up among the article's entities; a document ("the
// statement") speaks for its issuer, a place or a date for no one (see kind.go); anything else is
// kept as the phrase itself ("the judge", "many critics").
func (d *doc) resolveNP(q *found, toks []text.Token, p np) {
	d.resolveNPDepth(q, toks, p, 0)
}

func (d *doc) resolveNPDepth(q *found, toks []text.Token, p np, depth int) {
	q.spk, q.unnamed, q.kind = nil, false, ""
	if p.none {
		q.unnamed = true
		return
	}
	p = trimReduced(toks, p)
	for p.b > p.a && prepositions[lower(toks[p.b].Text)] {
		p.b-- // "said the manager of a European bank": the manager, not "the manager of"
	}
	p = d.subjectSpan(toks, p)
	if before, ok := d.locatedSubject(toks, p); ok && depth < 2 {
		d.resolveNPDepth(q, toks, before, depth+1)
		return
	}
	start, end := toks[p.a].Start, toks[p.b].End
	q.mStart, q.mEnd = start, end
	if p.roleE > p.roleStart {
		q.role = d.s[p.roleStart:p.roleE]
	}
	if p.a == p.b && pronounSpeakers[toks[p.a].Text] {
		q.spk, q.pronoun, q.kind = nil, true, kindPronoun
		return
	}
	if contractedPronoun(toks[p.b].Text) != "" {
		// "he’s said", "she'd told": the pronoun without its auxiliary.
		q.spk, q.pronoun, q.kind = nil, true, kindPronoun
		q.mStart, q.mEnd = toks[p.b].Start, toks[p.b].End
		return
	}
	if p.a == p.b && strings.Contains(toks[p.a].Text, "-") && !text.IsCapitalized(toks[p.a].Text) && !p.after {
		q.unnamed, q.mStart, q.mEnd = true, 0, 0 // "post-traumatic stress disorder": a modifier, not a speaker
		return
	}
	if w := lower(toks[p.a].Text); p.a == p.b && (w == "having" || w == "being") {
		q.unnamed, q.mStart, q.mEnd = true, 0, 0 // "(Having said that, …": a participle, no one
		return
	}
	if lower(toks[p.a].Text) == "no" && p.a < p.b {
		q.unnamed, q.mStart, q.mEnd = true, 0, 0 // "no law requiring …", "no one said": nobody speaks
		return
	}
	if d.elided(q, toks, p) {
		return
	}
	h := headOf(toks, p.a, p.b)
	head := lower(toks[p.b].Text)
	if year(toks[h].Text) && h == p.b {
		q.unnamed, q.mStart, q.mEnd = true, 0, 0 // "who in 2010 said": a year, not a speaker
		return
	}
	if hw := toks[h].Text; p.a == p.b && mediaNouns[lower(hw)] && d.mentionAt(start) == nil {
		q.unnamed, q.mStart, q.mEnd = true, 0, 0 // "Video shows that …": a recording is no one's words
		return
	}
	if hw := toks[h].Text; !text.IsCapitalized(hw) || h == p.a && p.a == p.b && singular(lower(hw)) != lower(hw) {
		if documentNoun(hw) {
			d.documentSource(q, toks, p, h, depth)
			if q.unnamed {
				q.mStart, q.mEnd = 0, 0
			}
			return
		}
		if date := dateWords[lower(hw)] || dateWords[singular(lower(hw))]; date && (!text.IsCapitalized(hw) || p.a == p.b) {
			q.unnamed, q.mStart, q.mEnd = true, 0, 0
			return
		}
	}
	if f := d.firstMentionIn(start, end); f != nil && f.typ == article.TypePerson && f.end < end && d.titleOnly(toks, p.a, f.start) {
		// "Stephen Vladeck of the University of Texas", "Economist Aly-Khan Jiwa of the Institute of
		// Public Finance": the person, with the affiliation as role.
		if i := d.tokenIndex(f.end) - d.tokenIndex(toks[0].Start); i > p.a && i < p.b && affiliations[toks[i].Text] {
			q.spk, q.kind, q.mStart, q.mEnd = f, kindNamed, f.start, f.end
			if q.role == "" {
				q.role = d.s[toks[i].Start:end]
				if title := roleText(d.s[start:f.start]); title != "" {
					q.role = title // "Economist"
				}
			}
			return
		}
	}
	if !participle(lower(q.cue)) && (thingOfName(toks, p, h) || depth == 0 && !p.after && thingBefore(toks, p.a)) {
		// (a participle's subject is the name: "footage of Clinton asking, “…”")
		// "Market participation by Cuba suggests …", "The fall of the index showed …": a thing
		// speaks for no one, and the name after it is no subject
		q.unnamed, q.mStart, q.mEnd = true, 0, 0
		return
	}
	if hl := lower(toks[p.b].Text); (hl == "democrat" || hl == "republican") && d.personEpithetPhrase(q, toks, p, "") {
		return // "the Wisconsin Democrat said": the lawmaker the sentences before are about
	}
	if hl := lower(toks[p.b].Text); (hl == "democrat" || hl == "republican") && p.a >= 2 && indefinites[lower(toks[p.a].Text)] && toks[p.a-1].Text == "," {
		// "… chairman Dan Rostenkowski, an Illinois Democrat said": the appositive's closing comma
		// left out; the lawmaker named before it speaks
		if m := d.lastMentionIn(toks[0].Start, toks[p.a-1].Start); m != nil && m.typ == article.TypePerson && m.end == toks[p.a-2].End &&
			!d.prepositionalName(m.start) && !d.verbBefore(d.sentenceStart(m.start), m.start) {
			q.spk, q.kind, q.mStart, q.mEnd = m, kindNamed, m.start, m.end
			if q.role == "" {
				q.role = d.s[start:end]
			}
			return
		}
	}
	if m, r := d.appositiveHolder(toks, p); m != nil {
		// "Jane Roe, senior fellow at the Example Institute said", "Jane Roe (D-Ohio), chairman of
		// the committee, which …, said": the person named before the role speaks, the body is
		// only where she works
		q.spk, q.kind, q.mStart, q.mEnd = m, kindNamed, m.start, m.end
		if q.role == "" {
			q.role = d.s[toks[r].Start:end]
		}
		return
	}
	if m := d.lastMentionIn(start, end); m != nil {
		d.byMention(q, toks, p, h, head, m)
		return
	}
	if d.voiceFor(q, toks, p, h, depth) || d.headlineHolder(q, toks, p, lower(toks[h].Text)) {
		return
	}
	if d.byPlace(q, toks, p, h) {
		return
	}
	if d.placeInPhrase(q, toks, p, h, head) {
		return
	}
	if text.IsCapitalized(toks[p.b].Text) {
		d.byName(q, toks, p, head)
		return
	}
	d.byDescription(q, toks, p, h, head)
}

// byPlace sets q's speaker when the phrase p (head toks[h]) is or holds a place: a place alone
// before its cue is its government ("Beijing said"); a group in a place is the group ("Police in
// Montevideo"). It reports whether it did.
func (d *doc) byPlace(q *found, toks []text.Token, p np, h int) bool {
	start, end := toks[p.a].Start, toks[p.b].End
	placeInPP := false
	for i := h + 1; i <= p.b && !placeInPP; i++ {
		_, placeInPP = d.placeAt(toks[i].Start)
	}
	if pl, ok := d.placeAt(toks[h].Start); ok && h == p.b && !p.after && pl.start <= start+4 && pl.end >= end &&
		(pl.start == start || determiners[lower(toks[p.a].Text)]) {
		if m := locativeComma(toks, p.a-1); p.a >= 4 && toks[p.a-1].Text == "," && m >= 0 && !p.throughPlace {
			// "a trader in Sioux City, Iowa said", "a woman in Worcester, Massachusetts, told": the
			// state only locates the town; the subject is the one the town belongs to, when a name
			// or a noun for people ("the house in Chappaqua, N.Y., …": no one named, no speaker).
			owner := toks[m-1].Text
			if wide, ok := phraseStart(toks, np{throughPlace: true}, p.b); ok && wide.a < p.a && (text.IsCapitalized(owner) || speakerish(lower(owner))) {
				d.resolveNPDepth(q, toks, wide, 2)
				if q.spk == nil && !q.pronoun {
					q.unnamed, q.mStart, q.mEnd = true, 0, 0
				}
				return true
			}
			q.spk, q.unnamed, q.mStart, q.mEnd = nil, true, 0, 0
			return true
		}
		if locativePlace(toks, p.a) || p.throughPlace {
			// "dealers here and in the Far East said", "exit polls in New Hampshire and Iowa
			// indicated": the place is where the subject is, not a government speaking, and the
			// subject before it was cut off: no speaker rather than the place.
			q.spk, q.unnamed, q.mStart, q.mEnd = nil, true, 0, 0
			return true
		}
		// "Beijing said", "Germany has warned": the place alone as the subject before its cue is its
		// government acting. (After an inverted cue, "said Cruz", a name typed PLACE is more often a
		// person or body the tagger mistook, and is read as a name below.)
		q.spk = &speakerRef{start: pl.start, end: pl.end, name: d.s[pl.start:pl.end], typ: article.TypeOrg}
		q.kind, q.mStart, q.mEnd = kindNamed, pl.start, pl.end
		return true
	}
	if h < p.b && (placeInPP || !text.IsCapitalized(toks[p.b].Text) || toks[h+1].Text == "in") {
		// "Police in Montevideo", "a supervisor from Henan": the head before the preposition.
		q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(toks[h].Text)}
		if placeInPP && p.roleE > p.roleStart {
			q.role = "" // "those from the Sahel, the arid belt south of the Sahara, said": the place's
		}
		q.kind = kindAnonymous
		if hw := toks[h].Text; definite(toks, p.a, h+1) || h == p.a && text.IsCapitalized(hw) && titleWords[lower(hw)] {
			// ("Senator from Texas says": a title with its place stands for its holder, as "the senator")
			q.kind = kindNominal
			if ref := d.byTitle(lower(hw), start); ref != nil {
				q.spk = ref
			}
		}
		return true
	}
	return false
}

// byMention sets q's speaker from m, the last PERSON/ORG mention inside the phrase p with head
// toks[h]: the named entity itself, someone speaking for it ("a BBC spokeswoman"), someone
// described by its name ("Obama's former campaign strategist"), or the phrase ("the Clinton
// campaign").
func (d *doc) byMention(q *found, toks []text.Token, p np, h int, head string, m *speakerRef) {
	start, end := toks[p.a].Start, toks[p.b].End
	if d.taggedTitle(q, toks, p, head, m) {
		return
	}
	q.mStart, q.mEnd = m.start, m.end
	if m.start > start && q.role == "" {
		q.role = roleText(d.s[start:m.start])
	}
	if d.placeConjunct(m.start, start, end) {
		// "Germany and France have called for": the conjuncts are of one kind, so a name joined
		// to a place (whatever the tagger typed it) is a place too, and no one's speaker.
		q.spk, q.unnamed, q.mStart, q.mEnd = nil, true, 0, 0
		return
	}
	if m.end >= end || text.IsCapitalized(toks[p.b].Text) && !orgHeads[head] {
		if first := d.firstConjunct(toks, p, m); first != nil {
			// "Volker and Morrison said", "both Vindman and Williams told": the first named
			// speaks for both, as a reader (and the annotation) credits it.
			m = first
			q.mStart = m.start
		}
		if r := d.surnameRival(m); r != nil {
			m = r // "Matthias Brenner … Brenner said" in a story about Brenner Halbleiter
		}
		q.spk, q.kind = m, kindNamed
		if w := d.wholeName(toks, p, m); w != nil {
			q.spk, q.mStart, q.mEnd = w, w.start, w.end
			if w.start < m.start && p.roleE <= p.roleStart {
				q.role = "" // the words read as a title before the mention were the name's
			}
		} else if w := d.joinedName(toks, p, m); w != nil {
			q.spk, q.mStart, q.mEnd = w, w.start, w.end
			if p.roleE <= p.roleStart {
				q.role = "" // "S and" was the name's, not a title
			}
		}
		if hi := p.b; q.spk.typ == article.TypeOrg && (q.spk.end < end || p.after) {
			if p.after {
				hi = len(toks) - 1 // (npAfter stops at the body's name)
			}
			if person, role := d.personAfterBody(toks, d.tokenIndex(q.spk.end)-d.tokenIndex(toks[0].Start), hi); person != nil {
				// "said Jardine Fleming Ltd analyst Nick Edwards": the analyst, whom the tagger missed
				q.spk, q.mStart, q.mEnd, q.role = person, person.start, person.end, role
				return
			}
		}
		if k := d.tokenIndex(m.start) - 1; k >= 0 && m.typ == article.TypeOrg && !strings.HasPrefix(m.name, "The ") && d.publicationThe(d.toks[k]) {
			// "…,” The Hill reported": the title keeps its article.
			q.spk = &speakerRef{start: d.toks[k].Start, end: m.end, name: "The " + m.name, typ: m.typ, role: m.role}
			q.mStart = d.toks[k].Start
		}
		if toks[h].Start < m.start && d.objectOfPreposition(m.start) {
			// "a spokesperson for the ministry": a description of someone speaking for the name.
			// ("Secretary of State John Kerry" is the name with its title before it.)
			q.kind = kindNominal
			q.mStart, q.mEnd = start, end
			if p.roleE <= p.roleStart {
				q.role = roleText(d.s[start:toks[h].End]) // "spokesperson"
			}
		}
		return
	}
	if h == p.b && (m.typ == article.TypeOrg && orgVoices[head] || m.typ == article.TypePerson && personVoices[head]) {
		// "A BBC spokeswoman", "NASA's scientists", "the Trump campaign": someone speaking for the
		// name, which a reader credits with the words.
		q.spk, q.kind, q.mStart, q.mEnd = m, kindAnonymous, start, end
		if definite(toks, p.a, h) {
			q.kind = kindNominal
		}
		if q.role == "" && m.typ == article.TypeOrg {
			q.role = roleText(d.s[start:end])
		}
		return
	}
	if h == p.b && singular(head) == head && personNoun(head) && definite(toks, p.a, h) && d.possessiveAt(m.end) {
		// "Obama's former campaign strategist said": someone described by another's name, whom
		// the article named just before.
		if ref := d.epithetReferent(start, m.name); ref != nil {
			q.spk, q.kind, q.mStart, q.mEnd = ref, kindNominal, start, end
			q.role = roleText(d.s[start:end])
			return
		}
	}
	if h < p.b && toks[h].End <= m.start && d.headlineHolder(q, toks, p, lower(toks[h].Text)) {
		return // "Member of House panel says": the person the lead introduces
	}
	if h == p.b && (d.namedKind(q, toks, p, m) || m.typ == article.TypeOrg && d.personEpithetPhrase(q, toks, p, m.name)) {
		return // "the NBC network said", "the Tottenham striker said"
	}
	// "the Clinton campaign", "Trump's lawyers": the phrase, not the name inside it, speaks.
	q.mStart, q.mEnd = start, end
	q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(head)}
	q.role = ""
	if p.roleE > p.roleStart {
		q.role = d.s[p.roleStart:p.roleE]
	}
	q.kind = kindAnonymous
	if definite(toks, p.a, h) || determiners[lower(toks[p.a].Text)] == false && text.IsCapitalized(toks[p.a].Text) && h == p.b {
		q.kind = kindNominal // "the Clinton campaign", "Mr. Haley’s campaign", "Clinton campaign officials"
	}
}

// taggedTitle reads "The Ealing North MP said", where the tagger took the capitalised title for a
// name m: a title, which stands for its holder (capitalisedTitle). It reports whether it did.
func (d *doc) taggedTitle(q *found, toks []text.Token, p np, head string, m *speakerRef) bool {
	if m.end < toks[p.b].End || m.start <= toks[p.a].Start || !(personNoun(head) || titleWords[head]) ||
		!definite(toks, p.a, p.b) || !text.IsCapitalized(toks[p.b].Text) || m.typ == article.TypeOrg && mastheadTitle(m.name) {
		return false
	}
	d.capitalisedTitle(q, toks, p, d.tokenIndex(m.start)-d.tokenIndex(toks[0].Start))
	return true
}

// mastheadTitle reports whether an organisation's name ending in a title word ("Sioux Falls Argus
// Leader") holds a newspaper's masthead word before it: a newspaper's title, not a person's.
func mastheadTitle(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	for _, w := range f[:max(0, len(f)-1)] {
		if mastheadWords[w] {
			return true
		}
	}
	return false
}

// surnameRival is the person a one-word organisation mention stands for when a person of the
// article has it as surname and was written about more recently than the organisation: in a story
// about a family firm, "Brenner said" after "Matthias Brenner, the chief executive, …" is the man, as
// "Brenner will hold 24 per cent" before it was the firm. nil when the mention is the
// organisation's.
func (d *doc) surnameRival(m *speakerRef) *speakerRef {
	word := d.s[m.start:m.end]
	if m.typ != article.TypeOrg || strings.Contains(word, " ") || m.name == word || strings.HasSuffix(m.name, " "+word) {
		return nil
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		c := &d.mentions[i]
		if c.start >= m.start {
			continue
		}
		if c.name == m.name {
			return nil // the organisation came last
		}
		if c.typ == article.TypePerson && strings.HasSuffix(c.name, " "+word) {
			return c
		}
	}
	return nil
}

// byName sets q's speaker from a phrase p ending in a capitalised word that is no mention: a
// group ("Analysts"), a surname, a title ("Minister"), or the capitalised run itself.
func (d *doc) byName(q *found, toks []text.Token, p np, head string) {
	if d.byDemonym(q, toks, p) {
		return
	}
	start, end := toks[p.a].Start, toks[p.b].End
	i := p.b
	for i > p.a && text.IsCapitalized(toks[i-1].Text) && !determiners[lower(toks[i-1].Text)] {
		i--
	}
	joined := i-2 >= p.a && (toks[i-1].Text == "and" || toks[i-1].Text == "&") && text.IsCapitalized(toks[i-2].Text) &&
		(i-2 == p.a || i-3 == p.a && determiners[lower(toks[p.a].Text)]) && !speakerish(lower(toks[i-2].Text))
	if joined {
		i -= 2 // "S and P said": one name, which the tagger did not take
	}
	run := d.s[toks[i].Start:end]
	if i > p.a && q.role == "" {
		q.role = roleText(d.s[start:toks[i-1].End])
	}
	q.kind = kindNamed
	if i == p.b && (groupNouns[head] || acronymPlural(toks[p.b].Text)) {
		// "Analysts said", "Officials said": a capitalised plural at the sentence start names no one.
		q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(head)}
		q.kind = kindAnonymous
		return
	}
	if d.loneOpeningWord(q, toks, p) {
		return
	}
	if ref := d.bySurname(toks[p.b].Text, start); ref != nil {
		q.spk = ref
		q.mStart = toks[i].Start
		if k := strings.LastIndex(ref.name, " - "); k > 0 && strings.HasSuffix(ref.name, run) && len(run) < len(ref.name) {
			// "NEW YORK, April 1 - Manufacturers Hanover Corp said": a dateline the tagger joined
			// to the name is no part of it.
			q.spk = &speakerRef{start: toks[i].Start, end: end, name: run, typ: ref.typ, role: ref.role}
		}
		return
	}
	if p.a == p.b && d.sentenceStart(start) == start && peoplePlural(toks[p.b].Text) || i < p.b && acronymPlural(toks[p.b].Text) {
		// "Dealers said", "Creditors agreed", "Labour MPs say": a plural for people or bodies,
		// capitalised only as the sentence's first word (not "the Tories", "Liberal Democrats"),
		// or an abbreviation's plural after a name, describes them and names no one.
		q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(singular(head))}
		q.kind = kindAnonymous
		return
	}
	if i == p.b && titleWords[head] {
		if ref := d.byTitle(head, start); ref != nil { // "Minister: ‘…’"
			q.spk, q.kind = ref, kindNominal
			return
		}
	}
	if p.a < i && (personNoun(head) || titleWords[head]) && definite(toks, p.a, p.b) {
		d.capitalisedTitle(q, toks, p, i)
		return
	}
	typ := article.TypePerson
	if joined || orgHeads[head] || i < p.b && orgHeads[lower(toks[p.b].Text)] {
		typ = article.TypeOrg
	}
	if i > 0 && d.publicationThe(toks[i-1]) {
		// "…,” The Hill reported": a capitalised "The" inside a sentence is part of a title.
		i--
		run, typ = d.s[toks[i].Start:end], article.TypeOrg
	}
	q.spk = &speakerRef{start: toks[i].Start, end: end, name: run, typ: typ}
	q.mStart = toks[i].Start
}

// capitalisedTitle reads a definite title written with capitals ("The Foreign Secretary said",
// "the Ealing North MP said"; toks[i:p.b+1] are its capitalised words) as a reader does: the person
// the article gave that title, else the person it has just been about, else the description
// itself — a description, never a name.
func (d *doc) capitalisedTitle(q *found, toks []text.Token, p np, i int) {
	start, end := toks[p.a].Start, toks[p.b].End
	title := d.s[toks[i].Start:end]
	ref := d.byTitle(lower(title), start)
	if k := i; ref == nil {
		// "The Indonesian Economics Minister" after "Economics Minister Aburizal Bakrie": the
		// title without the nationality written before it
		for k < p.b && (demonym(toks[k].Text) || inSpans(d.demonyms, toks[k].Start)) {
			k++
		}
		if k > i && k < p.b {
			ref = d.byTitle(lower(d.s[toks[k].Start:end]), start)
		}
	}
	if ref == nil || ref.typ != article.TypePerson {
		ref = d.epithetReferent(start, "")
	}
	q.kind, q.mStart, q.mEnd = kindNominal, start, end
	if ref != nil {
		q.spk = ref
		if q.role == "" {
			q.role = title
		}
		return
	}
	q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: article.TypePerson}
}

// publicationThe reports whether t is a capitalised "The" that does not open its sentence: the
// first word of a title ("The Hill", "The Guardian"), which a speaker's name keeps.
func (d *doc) publicationThe(t text.Token) bool {
	if t.Text != "The" {
		return false
	}
	// inside a sentence: after a word, a comma or a closing quote mark (not a dateline's dash)
	i := d.tokenIndex(t.Start) - 1
	if i < 0 || d.sentenceStart(t.Start) == t.Start {
		return false
	}
	prev := d.toks[i].Text
	return prev == "," || isCloseMark(prev) || text.IsWord(prev) && !text.IsCapitalized(prev)
}

// seatsOfPower are places that stand for the body seated there ("a Kremlin spokesman"); a country
// or a city before "official" ("a senior U.S. official", "Tokyo officials") only says where the
// official serves, and the description is the speaker.
var seatsOfPower = wordSet(`Kremlin Pentagon Élysée Elysee Whitehall Zhongnanhai Vatican Quirinale`)

// acronymPlural reports whether a word is the plural of an upper-case abbreviation ("MPs",
// "CEOs", "NGOs"): a group, never one name.
func acronymPlural(w string) bool {
	return len(w) > 2 && w[len(w)-1] == 's' && acronym(w[:len(w)-1])
}

// byDescription sets q's speaker from a lower-case description p with head word head: the holder
// of a title ("the envoy"), someone speaking for a body ("a Treasury official"), the person an
// epithet points to ("the senator"), else the description itself.
func (d *doc) byDescription(q *found, toks []text.Token, p np, h int, head string) {
	start, end := toks[p.a].Start, toks[p.b].End
	if h == p.b && companyHeads[head] && d.bareOrgDescription(toks, p) {
		// "Omi said … . In another matter, the company said …": the business the sentences before
		// had as their subject, not the last one named (a subsidiary, a partner, a product in the
		// sentences' objects) — when that subject shows itself a business or has spoken.
		if ref := d.orgAntecedent(head, start); ref != nil && !d.inReportedClause(ref) && (d.isCompany(ref) || d.spokeBefore(ref, start) || d.headsClause(ref)) {
			q.spk, q.kind = ref, kindNominal
			return
		}
	}
	if ref := d.byTitle(head, start); ref != nil && !indefinites[lower(toks[p.a].Text)] && (singular(head) == head || definite(toks, p.a, p.b)) {
		// (a bare plural, "Local officials", is a group, never one named entity)
		q.spk, q.kind = ref, kindNominal
		if q.role == "" && ref.typ == article.TypePerson {
			q.role = roleText(d.s[start:end]) // "the envoy"
		}
		return
	}
	if w := lower(toks[max(p.a, p.b-1)].Text); orgVoices[head] && h == p.b && p.b > p.a && (companyHeads[w] || w == "bank" || orgFamily(w) != 0) {
		// "A company spokesperson said": someone speaking for the business the article is about;
		// "An agency spokesman said": for the body the sentences before were about.
		ref := d.byTitle(w, start)
		if ref == nil || ref.typ != article.TypeOrg {
			ref = d.orgAntecedent(w, start)
		}
		if ref != nil && ref.typ == article.TypeOrg {
			q.spk, q.kind, q.role = ref, kindAnonymous, roleText(d.s[start:end])
			if definite(toks, p.a, p.b) {
				q.kind = kindNominal
			}
			return
		}
	}
	if orgVoices[head] && h == p.b && p.b > p.a && text.IsCapitalized(toks[p.b-1].Text) {
		// "A Commission official", "a Treasury official": someone speaking for the body the
		// article named ("the European Commission").
		ref := d.byTitle(lower(toks[p.b-1].Text), start)
		if w := toks[p.b-1]; ref == nil {
			if pl, place := d.placeAt(w.Start); place && pl.end == w.End && (seatsOfPower[d.s[pl.start:pl.end]] || acronym(w.Text) && len(w.Text) > 2) {
				// "An ECOWAS spokesperson", "a Kremlin spokesman" with the name tagged as a place: the
				// body or government the place stands for, as in "Beijing said".
				ref = &speakerRef{start: pl.start, end: pl.end, name: d.s[pl.start:pl.end], typ: article.TypeOrg}
			} else if acronym(w.Text) && !place {
				// "A GLAMOS spokesperson" where the tagger missed the name: the acronym is the body.
				ref = &speakerRef{start: w.Start, end: w.End, name: w.Text, typ: article.TypeOrg}
			}
		}
		if ref != nil && ref.typ == article.TypeOrg {
			q.spk, q.kind = ref, kindAnonymous
			if definite(toks, p.a, p.b) {
				q.kind = kindNominal
			}
			q.role = roleText(d.s[start:end])
			return
		}
	}
	if h == p.b && publicationNouns[head] && definite(toks, p.a, p.b) {
		if ref := d.lastPublication(start); ref != nil {
			q.spk, q.kind = ref, kindNominal // "The paper said" after "told the Financial Times"
			return
		}
	}
	if h == p.b && d.byDemonym(q, toks, p) {
		return // "said the 30-year-old", "the defender told": the person the story is about
	}
	if h == p.b && (d.personEpithetPhrase(q, toks, p, "") || d.bareOrgDescription(toks, p) && d.byOrgAntecedent(q, head, start)) {
		return // "the England skipper said", "The union said" after the sentences about them
	}
	if h == p.b && d.earlierDescription(q, toks, p) {
		return // "the central bank told Reuters" after "the Libyan central bank has said"
	}
	if h == p.b && singular(head) == head && personNoun(head) && definite(toks, p.a, p.b) {
		// "The senator said", "the billionaire estate mogul claimed": an epithet for the person the
		// text has just been about, when no one holds the title by name.
		if ref := d.epithetReferent(start, ""); ref != nil {
			q.spk, q.kind = ref, kindNominal
			q.role = roleText(d.s[start:end])
			return
		}
	}
	d.described(q, toks, p, h, head)
}

// headlineHolder reads a headline's description of one person ("Lawmaker urges retaliation",
// "Member of House panel says …") as the person the story's first paragraph introduces, the way
// a reader takes the headline's subject for the lead's: it sets q's speaker and reports whether it
// did.
func (d *doc) headlineHolder(q *found, toks []text.Token, p np, head string) bool {
	start := toks[p.a].Start
	if !d.inHeadline(start) || !personNoun(head) && head != "member" || singular(head) != head {
		return false
	}
	body := strings.Index(d.s, "\n\n") + 2
	lead := strings.Index(d.s[body:], "\n\n")
	if lead < 0 {
		lead = len(d.s) - body
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.start >= body && m.start < body+lead && m.typ == article.TypePerson {
			q.spk, q.kind = m, kindNominal
			return true
		}
	}
	return false
}

// described keeps the phrase p itself as the speaker, a description that names no one the article
// introduced ("the judge", "One operative inside Trump Tower").
func (d *doc) described(q *found, toks []text.Token, p np, h int, head string) {
	start, end := toks[p.a].Start, toks[p.b].End
	q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: describedType(lower(toks[h].Text))}
	q.mStart, q.mEnd = start, end
	q.kind = kindAnonymous
	if definite(toks, p.a, p.b) {
		q.kind = kindNominal
	}
}

// firstConjunct is the first of two names joined by "and" in a subject before its cue ("Volker and
// Morrison said", "both Vindman and Williams told"), when m, the phrase's last name, is the second
// and both are of one type; else nil.
func (d *doc) firstConjunct(toks []text.Token, p np, m *speakerRef) *speakerRef {
	if p.after {
		return nil
	}
	k := p.a
	for k <= p.b && toks[k].Start < m.start {
		k++
	}
	if k > p.b || toks[k].Start != m.start || k < 2 || toks[k-1].Text != "and" {
		return nil
	}
	prev := toks[k-2]
	i := sort.Search(len(d.mentions), func(j int) bool { return d.mentions[j].start >= toks[max(0, k-6)].Start })
	for ; i < len(d.mentions) && d.mentions[i].start < prev.End; i++ {
		if c := &d.mentions[i]; c.end == prev.End && c.typ == m.typ && c.name != m.name {
			return c
		}
	}
	return nil
}

// acronym reports whether a word is an upper-case abbreviation of two or more letters ("ECOWAS").
func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// mediaNouns are recordings: alone as a subject ("Video shows that …") they speak for no one.
var mediaNouns = wordSet(`video videos footage recording recordings photo photos photograph photographs image images`)

// orgVoices speak for an organisation named with them: "a BBC spokeswoman", "NASA's scientists",
// "a Commission official" are the organisation's words to a reader.
var orgVoices = wordSet(`spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official
officials representative representatives scientists researchers board directors`)

// personVoices speak for the person named with them: "the Trump campaign", "a Clinton spokesman".
var personVoices = wordSet(`campaign spokesman spokeswoman spokesperson`)

// personNouns head an epithet for one person ("the billionaire estate mogul", "the Republican
// nominee"); with titleNouns they may stand for the person the text is about.
var personNouns = wordSet(`nominee candidate mogul billionaire businessman businesswoman tycoon magnate
lawmaker legislator congressman congresswoman politician incumbent challenger frontrunner front-runner
entrepreneur investor actor actress singer star athlete player striker goalkeeper runner champion winner
author writer novelist journalist host veteran activist billionaire strategist candidate mp mep msp`)

func personNoun(w string) bool {
	return (personNouns[w] || titleNouns[w]) && !orgHead(w) && !groupNouns[w]
}

// epithetReferent is the person an epithet ("the senator", "Obama's former strategist") stands for:
// the subject of the sentence that last named a person — that sentence or the one before the
// epithet's — other than except (the name inside the epithet). Further back, a reader would not
// take the epithet for anyone without the title said.
func (d *doc) epithetReferent(pos int, except string) *speakerRef {
	lo := d.sentenceStart(pos)
	if i := d.tokenIndex(lo) - 1; i >= 0 {
		lo = d.sentenceStart(d.toks[i].Start)
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.end > pos || m.name == except || m.typ != article.TypePerson || d.talkedAbout(m.start) || !d.personLike(m) {
			continue
		}
		if m.start < lo {
			return nil
		}
		s0 := d.sentenceStart(m.start)
		for k := i - 1; k >= 0 && d.mentions[k].start >= s0; k-- {
			if c := &d.mentions[k]; c.typ == article.TypePerson && c.name != except && !d.talkedAbout(c.start) && !d.possessiveAt(c.end) && d.personLike(c) {
				m = c
			}
		}
		return m
	}
	return nil
}

// lastMentionIn returns the last PERSON/ORG mention inside [start, end).
func (d *doc) lastMentionIn(start, end int) *speakerRef {
	i := sort.Search(len(d.mentions), func(k int) bool { return d.mentions[k].start >= start })
	var last *speakerRef
	for ; i < len(d.mentions) && d.mentions[i].start < end; i++ {
		if d.mentions[i].end <= end {
			last = &d.mentions[i]
		}
	}
	return last
}

// bySurname finds the PERSON or ORG entity a bare name refers to: the most recent entity mentioned
// before pos whose name ends with (or contains) the word, as "Cui" → "Cui Rongguo".
func (d *doc) bySurname(word string, pos int) *speakerRef {
	if len(word) < 2 {
		return nil
	}
	matches := func(m *speakerRef) (exact, part bool) {
		return strings.HasSuffix(m.name, " "+word) || m.name == word, containsWord(m.name, word)
	}
	var contains *speakerRef
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= pos {
			continue
		}
		exact, part := matches(m)
		if exact {
			return m
		}
		if contains == nil && part {
			contains = m
		}
	}
	if contains == nil && d.inHeadline(pos) {
		// "Cui: ‘We will act’" as the headline: the body names Cui in full later.
		for i := range d.mentions {
			if m := &d.mentions[i]; m.start > pos {
				if exact, _ := matches(m); exact {
					return m
				}
			}
		}
	}
	return contains
}

// inHeadline reports whether pos lies in the first paragraph, the headline of a text article.
func (d *doc) inHeadline(pos int) bool {
	k := strings.Index(d.s, "\n\n")
	return k > 0 && pos < k && k < 300
}

func containsWord(s, w string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		a, b := off+k, off+k+len(w)
		if (a == 0 || s[a-1] == ' ') && (b == len(s) || s[b] == ' ') {
			return true
		}
		off = b
	}
}

// byTitle finds the entity that "the director", "the Party secretary" or "the ministry" stands
// for: the most recent PERSON whose role or preceding title holds the head word, or ORG whose name
// does.
func (d *doc) byTitle(head string, pos int) *speakerRef {
	if len(head) < 3 || determiners[head] || geoHeads[head] {
		return nil
	}
	org := orgHead(head)
	var company *speakerRef // the most recent business, for "the company", "the club"
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= pos {
			continue
		}
		if m.typ == article.TypeOrg {
			if containsFold(m.name, head) || containsFold(m.name, singular(head)) || org && d.orgTitled(m, head) {
				return m
			}
			if company == nil && (companyHeads[head] && d.isCompany(m) || clubHeads[head] && isClub(m.name)) {
				company = m
			}
			continue
		}
		if !org && d.titled(m, head) {
			return m
		}
	}
	if company != nil {
		return company
	}
	if companyHeads[head] || businessHeads[head] {
		if m := d.dominantBusiness(pos); m != nil {
			return m // "The bank said" in a story about Wells Fargo
		}
	}
	if d.inHeadline(pos) {
		// "Minister: ‘We will act’" as the headline: the body introduces the minister.
		for i := range d.mentions {
			if m := &d.mentions[i]; m.start > pos && (m.typ == article.TypeOrg && containsFold(m.name, head) || m.typ != article.TypeOrg && !org && d.titled(m, head)) {
				return m
			}
		}
	}
	return nil
}

// businessHeads are nouns for a business that companyHeads do not hold ("the bank", "the lender").
var businessHeads = wordSet(`bank lender brokerage exchange publisher broadcaster network chain store
supplier contractor group`)

// dominantBusiness is the organisation a business noun before pos stands for when the article names
// none as such: the one whose name the text writes most often before pos (at least twice, and more
// often than any other; or the only one named), not a public body — the company the story is about. Occurrences are
// counted in the text, not among the tagger's mentions, as a reader counts them: a name the tagger
// missed at a sentence's start ("WeWork is headquartered …") is the same name.
func (d *doc) dominantBusiness(pos int) *speakerRef {
	last := map[string]*speakerRef{}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start >= pos {
			break
		}
		if m.typ == article.TypeOrg && !publicBody(m.name) && !publicationName(m.name) && !d.inQuote(m.start) {
			last[m.name] = m
		}
	}
	best, bestN, second := "", 0, 0
	for name := range last {
		n := wordCount(d.s[:pos], name)
		if n > bestN || n == bestN && name < best {
			second = max(second, bestN)
			best, bestN = name, n
		} else {
			second = max(second, n)
		}
	}
	if best == "" || bestN <= second || bestN < 2 && len(last) > 1 {
		return nil // (the only organisation named is the one meant, however often it was named)
	}
	return last[best]
}

// publicationName reports whether an organisation's name ends in a masthead word ("Halden Review",
// "Financial Times"): a newspaper or magazine, never the business a story calls "the bank".
func publicationName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 0 && mastheadWords[f[len(f)-1]]
}

// wordCount is how often name occurs in s as whole words.
func wordCount(s, name string) int {
	n := 0
	for off := 0; ; {
		k := strings.Index(s[off:], name)
		if k < 0 {
			return n
		}
		a, b := off+k, off+k+len(name)
		if (a == 0 || !wordByte(s[a-1])) && (b == len(s) || !wordByte(s[b])) {
			n++
		}
		off = b
	}
}

// wordByte reports whether an ASCII byte belongs to a word (a letter or digit).
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// titled reports whether a person mention carries the title word, in the entity's role, right
// before the name ("President Joe Biden") or in an appositive after it ("Marie Lefèvre, director").
func (d *doc) titled(m *speakerRef, head string) bool {
	before := d.titleBefore(m.start)
	return containsFold(m.role, head) || containsFold(before, head) || containsFold(d.appositiveAfter(m.end), head) ||
		abbreviatedTitle(before, head) || abbreviatedTitle(m.role, head)
}

// abbreviatedTitle reports whether the words before a name end in the abbreviation of the title
// head ("Sen. Ted Cruz" … "the senator said").
func abbreviatedTitle(before, head string) bool {
	f := strings.Fields(strings.ToLower(before))
	return len(f) > 0 && titleAbbreviations[strings.TrimSuffix(f[len(f)-1], ".")] == head
}

// titleAbbreviations are the short forms of titles written before a name.
var titleAbbreviations = map[string]string{"sen": "senator", "rep": "congressman", "gov": "governor",
	"gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain",
	"adm": "admiral", "supt": "superintendent", "insp": "inspector", "pres": "president", "prof": "professor"}

func containsFold(s, w string) bool {
	if s == "" {
		return false
	}
	return containsWord(strings.ToLower(s), w)
}

// titleBefore is up to four words right before a name ("President", "Party secretary").
func (d *doc) titleBefore(pos int) string {
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= pos })
	a := i
	for a > 0 && i-a < 4 && text.IsWord(d.toks[a-1].Text) {
		a--
	}
	if a == i {
		return ""
	}
	return d.s[d.toks[a].Start:d.toks[i-1].End]
}

// appositiveAfter is the ", ROLE," right after a name.
func (d *doc) appositiveAfter(pos int) string {
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= pos })
	if i >= len(d.toks) || d.toks[i].Text != "," {
		return ""
	}
	e := i + 1
	for e < len(d.toks) && e-i < 14 && d.toks[e].Text != "," && d.toks[e].Text != "." {
		if t := d.toks[e].Text; isOpenMark(t) || isCloseMark(t) {
			return "" // "… from Damien,” said the striker": a quote's end, not an appositive
		}
		e++
	}
	if e == i+1 {
		return ""
	}
	return d.s[d.toks[i+1].Start:d.toks[e-1].End]
}

// roleText is the title words before a name, without a leading determiner or possessive.
func roleText(r string) string {
	r = strings.TrimSpace(r)
	if sp := strings.IndexByte(r, ' '); sp > 0 && determiners[lower(r[:sp])] {
		r = r[sp+1:]
	} else if determiners[lower(r)] {
		return ""
	}
	if strings.HasSuffix(r, "’s") || strings.HasSuffix(r, "'s") {
		return "" // "Trump's lawyer Michael Cohen": the possessive is not a title
	}
	return r
}

// firstMentionIn returns the first PERSON/ORG mention inside [start, end).
func (d *doc) firstMentionIn(start, end int) *speakerRef {
	i := sort.Search(len(d.mentions), func(k int) bool { return d.mentions[k].start >= start })
	for ; i < len(d.mentions) && d.mentions[i].start < end; i++ {
		if d.mentions[i].end <= end {
			return &d.mentions[i]
		}
	}
	return nil
}

// titleOnly reports whether the words of toks from a up to byte pos are a title before a name
// ("Economist", "the Agriculture Cabinet Secretary"): determiners, title nouns and capitalised words.
func (d *doc) titleOnly(toks []text.Token, a, pos int) bool {
	for i := a; i < len(toks) && toks[i].Start < pos; i++ {
		if w := toks[i].Text; !determiners[lower(w)] && !titleNouns[lower(w)] && !text.IsCapitalized(w) {
			return false
		}
	}
	return true
}

// objectOfPreposition reports whether the name at byte pos follows a preposition ("a spokesperson
// for the ministry", "the director of NASA"), rather than a title written before it.
func (d *doc) objectOfPreposition(pos int) bool {
	i := d.tokenIndex(pos) - 1
	if i > 0 && lower(d.toks[i].Text) == "the" {
		i--
	}
	return i >= 0 && prepositions[lower(d.toks[i].Text)]
}

// placeConjunct reports whether the name at byte pos is joined by "and"/"or" to a PLACE mention
// inside the phrase [lo, hi) ("Germany and France", "France and Germany"); "… at Oldham and
// Keegan has stated" joins clauses, not names.
func (d *doc) placeConjunct(pos, lo, hi int) bool {
	i := d.tokenIndex(pos)
	if i >= 2 && (d.toks[i-1].Text == "and" || d.toks[i-1].Text == "or") && d.toks[i-2].Start >= lo {
		if pl, ok := d.placeAt(d.toks[i-2].Start); ok && pl.end == d.toks[i-2].End {
			return true
		}
	}
	m := d.mentionAt(pos)
	if m == nil {
		return false
	}
	j := d.tokenIndex(m.end)
	if j+1 < len(d.toks) && (d.toks[j].Text == "and" || d.toks[j].Text == "or") && d.toks[j+1].End <= hi {
		if pl, ok := d.placeAt(d.toks[j+1].Start); ok && pl.start == d.toks[j+1].Start {
			return true
		}
	}
	return false
}

// wholeName widens an organisation's mention to the whole name the phrase p writes when the tagger
// cut it short: "CBS DFW" (an abbreviation after it), "the Party for Freedom and Renewal" (a
// capitalised institution noun and a linking word before it), "the Federation of Industries of the
// State of São Paulo" ("of" and capitalised words after it, to the phrase's end). nil when the
// phrase holds no more of the name.
func (d *doc) wholeName(toks []text.Token, p np, m *speakerRef) *speakerRef {
	if m.typ != article.TypeOrg {
		return nil
	}
	first, last := -1, -1
	for i := p.a; i <= p.b; i++ {
		if toks[i].Start == m.start {
			first = i
		}
		if toks[i].End == m.end {
			last = i
		}
	}
	if first < 0 || last < 0 {
		return nil
	}
	a, b := first, last
	// before: capitalised words and linking words, holding an institution noun
	inst := false
	for i := first - 1; i >= p.a; i-- {
		w := toks[i].Text
		if (w == "for" || w == "of" || w == "and") && i+1 < len(toks) && text.IsCapitalized(toks[i+1].Text) {
			continue
		}
		if !text.IsCapitalized(w) || determiners[lower(w)] || sentenceOpeners[w] || titleNouns[lower(w)] || possessive(w) {
			break
		}
		inst = inst || orgHeads[lower(w)]
		if inst {
			a = i
		}
	}
	// after: abbreviations, or "of (the) Name" runs, to the phrase's end
	for i := last + 1; i <= p.b; {
		w := toks[i].Text
		switch {
		case acronym(w) && !titleNouns[lower(w)]:
			i++
		case w == "of" && i+1 <= p.b:
			j := i + 1
			if toks[j].Text == "the" {
				j++
			}
			k := j
			for k <= p.b && text.IsCapitalized(toks[k].Text) && !titleNouns[lower(toks[k].Text)] {
				k++
			}
			if k == j {
				return d.widened(toks, a, b, m)
			}
			i = k
		default:
			return d.widened(toks, a, b, m)
		}
		b = i - 1
	}
	return d.widened(toks, a, b, m)
}

func (d *doc) widened(toks []text.Token, a, b int, m *speakerRef) *speakerRef {
	if toks[a].Start == m.start && toks[b].End == m.end {
		return nil
	}
	start, end := toks[a].Start, toks[b].End
	return &speakerRef{start: start, end: end, name: d.s[start:end], typ: article.TypeOrg, role: m.role}
}

// elidedNoun is the plural people noun "those" stands for in "those from the Sahel": the last
// group noun of the sentence before pos, or "".
func (d *doc) elidedNoun(pos int) string {
	lo := d.sentenceStart(pos)
	for i := d.tokenIndex(pos) - 1; i >= 0 && d.toks[i].Start >= lo; i-- {
		if w := d.toks[i].Text; groupNouns[w] {
			return w
		}
	}
	return ""
}

// clubHeads stand for a sports club the article named ("the club said").
var clubHeads = wordSet(`club team side`)

// clubWords in a name make it a sports club.
var clubWords = wordSet(`fc cf sc ac afc club united city athletic atlético atletico real sporting
rovers wanderers olympique deportivo racing dynamo inter`)

func isClub(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if clubWords[w] {
			return true
		}
	}
	return false
}

// elided reads "those from the Sahel" after "African negotiators …": "those" stands for the plural
// the sentence named, which a reader puts back. It reports whether it set q's speaker.
func (d *doc) elided(q *found, toks []text.Token, p np) bool {
	start, end := toks[p.a].Start, toks[p.b].End
	if lower(toks[p.a].Text) == "those" && p.a < p.b && prepositions[lower(toks[p.a+1].Text)] {
		if n := d.elidedNoun(start); n != "" {
			// "African negotiators returned …, but those from the Sahel said": "those" stands for
			// the plural the sentence named, which a reader puts back.
			q.spk = &speakerRef{start: start, end: end, name: n + " " + d.s[toks[p.a+1].Start:end], typ: describedType(n)}
			q.kind, q.role = kindAnonymous, "" // an appositive after the place describes the place
			return true
		}
	}
	return false
}

// voiceFor reads "a spokesman for the mining company": the body spoken for, as the article
// describes it (resolved when it names it). It reports whether it set q's speaker.
func (d *doc) voiceFor(q *found, toks []text.Token, p np, h, depth int) bool {
	if hw := lower(toks[h].Text); orgVoices[hw] && h+2 <= p.b && (toks[h+1].Text == "for" || toks[h+1].Text == "of" || toks[h+1].Text == "at") &&
		definite(toks, h+2, p.b) && depth == 0 {
		// "A spokesman for the government-controlled mining company": the body spoken for, as
		// the article describes it (resolved when it names it).
		role := roleText(d.s[toks[p.a].Start:toks[h].End])
		d.resolveNPDepth(q, toks, np{a: h + 2, b: p.b}, depth+1)
		if q.spk != nil {
			q.role = role
			return true
		}
	}
	return false
}

// placeInPhrase handles a phrase ending in a place that is not the subject alone (byPlace): no
// speaker, or the people the phrase describes. It reports whether it decided.
func (d *doc) placeInPhrase(q *found, toks []text.Token, p np, h int, head string) bool {
	start, end := toks[p.a].Start, toks[p.b].End
	if pl, ok := d.placeAt(toks[p.b].Start); ok && !p.after && pl.start > start {
		// A place that is not the subject alone (byPlace) is no speaker. (After an inverted cue,
		// "said Cruz", a name typed PLACE is more often one the tagger mistook; "POLITICO
		// Florida" is a name holding a place.)
		if i := d.tokenIndex(pl.start) - d.tokenIndex(toks[0].Start) - 1; i > p.a && prepositions[toks[i].Text] && speakerish(lower(toks[i-1].Text)) &&
			d.titleOfPlace(q, toks, p, i-1) {
			return true
		}
		if d.placeConjunct(pl.start, start, end) {
			// "Germany and France have called for": conjuncts are of one kind.
			q.unnamed, q.mStart, q.mEnd = true, 0, 0
			return true
		}
		if i := d.tokenIndex(pl.start) - 1; i >= p.a && text.IsWord(d.toks[i].Text) && !text.IsCapitalized(d.toks[i].Text) &&
			!determiners[d.toks[i].Text] && !npStops[d.toks[i].Text] {
			// "One operative inside Trump Tower": the people the phrase describes.
			d.described(q, toks, p, h, head)
			return true
		}
	}
	return false
}

// thingOfName reports whether the phrase p is headed by a thing (toks[h], a lower-case noun WordNet
// files first as a thing, no word for people, bodies or documents) with a prepositional phrase
// after it: "participation by Cuba", "the decline in Ford's sales".
func thingOfName(toks []text.Token, p np, h int) bool {
	if h >= p.b || !prepositions[lower(toks[h+1].Text)] || text.IsCapitalized(toks[h].Text) {
		return false
	}
	for i := h + 2; i <= p.b && !text.IsCapitalized(toks[i].Text); i++ {
		if !determiners[lower(toks[i].Text)] {
			return false // "a rate of progress Ms Abbott described": the name is no object of the preposition
		}
	}
	w := lower(toks[h].Text)
	return !speakerish(w) && nounClassOf(w) == 't'
}

// thingBefore reports whether the name starting at toks[a] is the object of a preposition after a
// thing ("participation by | Cuba", "the decline in | Ford's sales"): the thing is the cue's
// subject, and the name no speaker. (People after a quantity, "56 pct of | respondents", speak.)
func thingBefore(toks []text.Token, a int) bool {
	return a >= 2 && text.IsCapitalized(toks[a].Text) && !peoplePlural(toks[a].Text) && (toks[a-1].Text == "by" || toks[a-1].Text == "of" || toks[a-1].Text == "in" || toks[a-1].Text == "from") &&
		thingOfName(toks, np{a: a - 2, b: a}, a-2)
}

// spokeBefore reports whether the entity m names was the subject of a speech verb before pos
// ("Kodak said …"): a body the article lets speak, which a later "the company said" continues.
func (d *doc) spokeBefore(m *speakerRef, pos int) bool {
	for i := range d.mentions {
		c := &d.mentions[i]
		if c.start >= pos {
			break
		}
		if c.name != m.name && !strings.HasPrefix(c.name, m.name+" ") && !strings.HasPrefix(m.name, c.name+" ") {
			continue // ("American Can" and "American Can Co" are one business)
		}
		if k := d.tokenIndex(c.end); k < len(d.toks) && d.toks[k].Start < pos && sayWords[lower(d.toks[k].Text)] {
			return true
		}
	}
	return false
}

// headsClause reports whether the name m is followed by its clause's verb ("ATT has long pushed",
// "Dominion Textile, which reported …, has said") rather than being a modifier of a noun ("The
// Terra-Nova field was discovered") or a phrase's last word ("in the publication, Aids Forschung.").
func (d *doc) headsClause(m *speakerRef) bool {
	k := d.tokenIndex(m.end)
	if k+1 >= len(d.toks) {
		return false
	}
	w := d.toks[k].Text
	if w == "," {
		return relativePronoun(lower(d.toks[k+1].Text)) // "Dominion Textile, which …"
	}
	lw := lower(w)
	return !text.IsCapitalized(w) && (sayWords[lw] || auxiliaries[lw] || pastTense(lw) || reportVerbs[lw])
}

// inReportedClause reports whether the name m stands in what someone reported: after a speech verb
// of its sentence ("The company said the suit requires Dixons …") or before an inverted source at
// the sentence's end ("The SEC has obtained an order …, Shearson said"). Such a name is what the
// speaker talked about, not the one a later "the company" continues.
func (d *doc) inReportedClause(m *speakerRef) bool {
	s0 := d.sentenceStart(m.start)
	i := d.tokenIndex(s0)
	for ; i < len(d.toks) && d.toks[i].Start < m.start; i++ {
		if sayWords[d.toks[i].Text] {
			return true
		}
	}
	for i = d.tokenIndex(m.end); i+2 < len(d.toks) && d.toks[i].Text != "." && !strings.Contains(d.s[d.toks[i].End:d.toks[i+1].Start], "\n"); i++ {
		if d.toks[i].Text != "," {
			continue
		}
		if c := d.mentionAt(d.toks[i+1].Start); c != nil && c.typ == article.TypeOrg {
			if k := d.tokenIndex(c.end); k < len(d.toks) && sayWords[d.toks[k].Text] {
				return true
			}
		}
	}
	return false
}

// locativePlace reports whether the place phrase starting at toks[a] is the object of a
// preposition of place, directly ("in the Far East") or as the second of two places joined by
// "and"/"or" after one ("in New Hampshire and Iowa"), so it locates something and cannot be the
// subject of the cue after it.
func locativePlace(toks []text.Token, a int) bool {
	i := a - 1
	if i >= 0 && (toks[i].Text == "and" || toks[i].Text == "or") {
		i--
		for i >= 0 && a-i <= 5 && text.IsCapitalized(toks[i].Text) && text.IsWord(toks[i].Text) {
			i--
		}
	}
	if i >= 0 && lower(toks[i].Text) == "the" {
		i--
	}
	return i >= 1 && locativePreps[lower(toks[i].Text)] && text.IsWord(toks[i-1].Text)
}

// locativePreps place what comes before them ("officials in Kabul", "dealers across Asia").
var locativePreps = wordSet(`in from at across throughout near inside outside`)

// roleExtras head a person's role in an appositive beside the titles of titleNouns: "editor at
// large of …", "senior research fellow at …".
var roleExtras = wordSet(`editor fellow partner correspondent columnist member professor`)

// appositiveHolder is the person whose appositive role is the phrase p: p opens lower-case right
// after a comma, names an office ("chairman", "senior research fellow", "editor at large") before
// an affiliation ("of", "at", "for" a body) and the person's name stands just before the comma,
// perhaps with a parenthesis ("(D-Mich.)", an acronym) between. A reader takes the person, not the
// body, for the speaker, whether or not the appositive's closing comma was written. The name must
// open its clause (no verb or preposition before it), so "talks with Jane Roe, head of …" is no
// speaker. It returns nil otherwise.
func (d *doc) appositiveHolder(toks []text.Token, p np) (*speakerRef, int) {
	if p.after {
		return nil, 0
	}
	if p.a < 2 || toks[p.a-1].Text != "," {
		// the phrase may hold the name too: "Jane Roe, senior fellow at the … said"
		for c := p.a + 1; c < p.b; c++ {
			if toks[c].Text == "," {
				p.a = c + 1
				break
			}
		}
	}
	if p.a >= 3 && affiliationWord(lower(toks[p.a-1].Text)) {
		// "Jane Roe, senior fellow at the Example Institute said": the phrase is only the body;
		// its role runs back to the comma
		for k, n := p.a-1, 0; k >= 1 && n < 8; k, n = k-1, n+1 {
			if t := toks[k-1].Text; t == "," {
				p.a = k
				break
			} else if !text.IsWord(t) || text.IsCapitalized(t) {
				break
			}
		}
	}
	if p.a < 2 || toks[p.a-1].Text != "," || text.IsCapitalized(toks[p.a].Text) {
		return nil, 0
	}
	office, affil := false, false
	for i := p.a; i <= p.b && !affil; i++ {
		w := lower(toks[i].Text)
		switch {
		case affiliationWord(w):
			affil = office && i > p.a && i < p.b
		case titleNouns[w] || titleWords[w] || roleExtras[w]:
			office = true
		}
	}
	if !affil {
		return nil, 0
	}
	j := p.a - 2 // the last token of the name
	if toks[j].Text == ")" {
		for k := j - 1; k >= 0 && k > j-8; k-- {
			if toks[k].Text == "(" {
				j = k - 1
				break
			}
		}
		if j < 0 || toks[j].Text == ")" {
			return nil, 0
		}
	}
	m := d.lastMentionIn(toks[0].Start, toks[j].End)
	if m == nil || m.typ != article.TypePerson || m.end != toks[j].End || d.prepositionalName(m.start) ||
		d.verbBefore(d.sentenceStart(m.start), m.start) {
		return nil, 0
	}
	return m, p.a
}

func affiliationWord(w string) bool { return w == "of" || w == "at" || w == "for" }
