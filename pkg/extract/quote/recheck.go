package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Speakers as a careful reader checks them: an epithet of nationality stands for the person the
// story is about ("said the American"); a capitalised adverb or adjective opening a sentence
// ("Overall, …", "Shortly after …") is no name; a dateline ("MELBOURNE, March 24 -") is where the
// story was filed, not who spoke; a name the tagger cut at "and" or "&" ("S and P", "Standard &
// Poor's") is the whole name.

// demonym reports whether a capitalised word is a noun for one person of a nation or people ("the
// American", "the Frenchman", "the Scot"): WordNet has it as a person, it is singular, and it is
// no title the package reads elsewhere ("the Chancellor").
func demonym(w string) bool {
	if !text.IsCapitalized(w) || strings.ToUpper(w) == w {
		return false
	}
	lw := lower(w)
	return nounClass(lw) == 'p' && singular(lw) == lw && !titleWords[lw] && !personNoun(lw) && !groupNouns[lw]
}

// personEpithet reports whether a lower-case word, after "the", stands for the person a story is
// about the way a demonym does: an age ("the 23-year-old") or a player's or performer's trade
// ("the defender", "the rapper").
func personEpithet(w string) bool {
	if n := strings.Index(w, "-year-old"); n > 0 && n+len("-year-old") == len(w) {
		for i := 0; i < n; i++ {
			if w[i] < '0' || w[i] > '9' {
				return false
			}
		}
		return true
	}
	return tradeEpithets[w]
}

// tradeEpithets are the trades sports and arts writing names a person by after naming them once.
var tradeEpithets = wordSet(`defender midfielder winger keeper skipper batsman bowler rider driver boxer
golfer sprinter swimmer rapper musician comedian presenter pianist guitarist drummer dancer full-back
fullback fly-half scrum-half centre-back centre-half wing-back half-back flanker hooker playmaker
goalscorer marksman netminder quarterback linebacker pitcher catcher shortstop`)

// demonymReferent is the person "the American" stands for at pos: the first person named as a
// subject earlier in its sentence ("When Hewitt shook his hand, the Australian said"), never one
// named after a preposition ("Reacting to a comment by chairman Tim Phillips, the American said",
// who is someone else), else the subject of the sentence before (epithetReferent).
func (d *doc) demonymReferent(pos int) *speakerRef {
	end, lo := pos, d.paragraphsBefore(pos)
	for n := 0; n < 3; n++ {
		s0 := d.sentenceStart(end)
		if s0 < lo {
			break // no further back than the paragraph before
		}
		first := d.tokenIndex(s0)
		if first < len(d.toks) && (d.toks[first].Text == "But" || d.toks[first].Text == "And") {
			first++
		}
		// In the epithet's own sentence only a subordinate clause before it ("When Hewitt shook
		// his hand, the Australian said") names its referent: a main clause there is what was
		// said ("Jackson and Stiller have signed up, the comedian said"). A sentence whose subject
		// is a pronoun ("She will now meet Venus Williams.") names someone else after it.
		opener := first < len(d.toks) && subordinators[d.toks[first].Text]
		subject := first < len(d.toks) && !pronounSpeakers[d.toks[first].Text]
		if (n > 0 || opener) && subject {
			if m := d.subjectPerson(s0, end); m != nil {
				return m
			}
		}
		k := d.tokenIndex(s0) - 1
		if k < 0 {
			break
		}
		end = d.toks[k].Start // the sentence before
	}
	return nil
}

// personNear reports whether a person is named before the sentence holding pos, in its paragraph or
// the one before.
func (d *doc) personNear(pos int) bool {
	lo, hi := d.paragraphsBefore(pos), d.sentenceStart(pos)
	for i := range d.mentions {
		if m := &d.mentions[i]; m.start >= lo && m.end <= hi && m.typ == article.TypePerson && !d.inQuote(m.start) {
			return true
		}
	}
	return false
}

// paragraphsBefore is where the paragraph before the one holding pos starts (0 at the text's
// start).
func (d *doc) paragraphsBefore(pos int) int {
	lo := strings.LastIndex(d.s[:pos], "\n\n")
	if lo <= 0 {
		return 0
	}
	return max(strings.LastIndex(d.s[:lo], "\n\n"), 0)
}

// subjectPerson is the first person named in [lo, hi) other than after a preposition, as a
// possessive or inside a quote: the sentence's subject when it is a person.
func (d *doc) subjectPerson(lo, hi int) *speakerRef {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start < lo || m.typ != article.TypePerson || d.talkedAbout(m.start) || d.possessiveAt(m.end) || !d.personLike(m) {
			continue
		}
		if m.end > hi {
			break
		}
		if !d.prepositionalName(m.start) {
			return m
		}
	}
	return nil
}

// prepositionalName reports whether the name at byte pos is the object of a preposition, past the
// title and capitalised words written before it ("by All England Club chairman Tim Phillips").
func (d *doc) prepositionalName(pos int) bool {
	i := d.tokenIndex(pos) - 1
	for n := 0; i >= 0 && n < 6; i, n = i-1, n+1 {
		t := d.toks[i].Text
		lt := lower(t)
		if prepositions[lt] {
			return true
		}
		if !text.IsWord(t) || !(text.IsCapitalized(t) || nounClass(lt) != 0 || determiners[lt] || possessive(t)) {
			return false
		}
	}
	return false
}

// byDemonym reads "said the American", "the Russian added": a definite epithet of nationality,
// which stands for the person the story is about. It reports whether it set q's speaker.
func (d *doc) byDemonym(q *found, toks []text.Token, p np) bool {
	if p.b != p.a+1 || lower(toks[p.a].Text) != "the" {
		return false
	}
	// A capitalised epithet is a nationality only where the tagger read one ("the American"), not
	// a title or a name that WordNet also has for a person ("the Cardinal", "the Independent").
	if w := toks[p.b]; !(demonym(w.Text) && inSpans(d.demonyms, w.Start)) && !personEpithet(lower(w.Text)) {
		return false
	}
	start, end := toks[p.a].Start, toks[p.b].End
	q.kind, q.mStart, q.mEnd = kindNominal, start, end
	if ref := d.demonymReferent(start); ref != nil {
		q.spk = ref
		return true
	}
	if d.personNear(start) {
		// No one named as a subject nearby, but someone in this paragraph or the one before:
		// the epithet goes on with the person last quoted, as "he" would (resolvePronouns).
		q.spk, q.pronoun = nil, true
		return true
	}
	q.spk = &speakerRef{start: start, end: end, name: d.s[start:end], typ: article.TypePerson}
	return true
}

// capitalisedModifier reports whether a capitalised word alone is an adverb or adjective opening
// its sentence ("Overall", "Shortly", "Economic") rather than a name: WordNet has it more as a
// modifier than as a noun, and no noun for people.
func capitalisedModifier(w string) bool {
	if !text.IsCapitalized(w) || strings.ToUpper(w[:1])+lower(w[1:]) != w {
		return false
	}
	lw := lower(w)
	return nounClass(lw) == 'a' && !speakerish(lw)
}

// namedAnywhere reports whether a word is the name of a mention anywhere in the text: "Nationwide said" at a sentence's start, where the tagger missed the name it found
// later ("Nationwide economist Alex Bannister"), is that name, not an adverb.
func (d *doc) namedAnywhere(w string) bool {
	for i := range d.mentions {
		if d.mentions[i].name == w {
			return true
		}
	}
	for _, pl := range d.places {
		if d.s[pl.start:pl.end] == w {
			return true // (typed a place elsewhere: a name all the same)
		}
	}
	return false
}

// datelineAt reports whether byte pos lies in the dateline that opens its paragraph ("MELBOURNE,
// March 24 - ", "HARARE, April 24 - "): an upper-case place with what follows it up to the dash.
func (d *doc) datelineAt(pos int) bool {
	i := d.tokenIndex(pos)
	if i >= len(d.toks) {
		return false
	}
	a := i
	for a > 0 && i-a < 12 && !strings.Contains(d.s[d.toks[a-1].End:d.toks[a].Start], "\n") {
		a--
	}
	if a > 0 && !strings.Contains(d.s[d.toks[a-1].End:d.toks[a].Start], "\n") {
		return false
	}
	head := d.toks[a:min(len(d.toks), a+14)]
	end := datelineEnd(head, len(head))
	return end > 0 && i < a+end
}

// datelineSpeaker replaces a speaker read from the dateline with the name the sentence gives as its
// subject after the dash ("MELBOURNE, March 24 - Royal Dutch/Shell Group unit Shell Australia Ltd,
// said …"), or with the name right after an inverted cue ("…, says the Zimbabwe Banking
// Corporation"); with no such name, the quote keeps no speaker.
func (d *doc) datelineSpeaker(q *found) {
	if q.spk == nil || q.mEnd <= q.mStart || !d.datelineAt(q.mStart) {
		return
	}
	var best *speakerRef
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start > q.mStart && m.end <= q.cueStart && !d.datelineAt(m.start) {
			best = m
		}
	}
	if best == nil && q.cueEnd > 0 {
		k := d.tokenIndex(q.cueEnd)
		if k < len(d.toks) && lower(d.toks[k].Text) == "the" {
			k++
		}
		if k < len(d.toks) {
			best = d.mentionAt(d.toks[k].Start)
		}
	}
	q.spk, q.mStart, q.mEnd = best, 0, 0
	if best != nil {
		q.mStart, q.mEnd, q.kind, q.role = best.start, best.end, kindNamed, ""
	}
}

// joinedName widens a mention m that ends the subject phrase p to the capitalised run joined to it
// by "and" or "&" that the tagger left out ("S and P said", "Standard & Poor's said"), or to the
// number that opens a stage name ("50 Cent said"): the whole name, an organisation when joined.
// It returns nil when nothing was left out.
func (d *doc) joinedName(toks []text.Token, p np, m *speakerRef) *speakerRef {
	k := d.tokenIndex(m.start) - d.tokenIndex(toks[0].Start)
	if k <= p.a || k > p.b || toks[k].Start != m.start {
		return nil
	}
	a := p.a
	if determiners[lower(toks[a].Text)] {
		a++
	}
	switch {
	case k == a+1 && numeral(toks[a].Text) && m.typ == article.TypePerson:
		// "50 Cent"
	case k == a+2 && (toks[a+1].Text == "and" || toks[a+1].Text == "&") && text.IsCapitalized(toks[a].Text) &&
		d.mentionAt(toks[a].Start) == nil && (m.typ == article.TypeOrg || len(toks[a].Text) <= 2) && !peoplePlural(toks[a].Text) &&
		honorificGender(toks[a].Text) == 0 && !titleWords[lower(toks[a].Text)]:
		// ("The Queen and Duke of Edinburgh said": two people, not one name)
		// "S and P", "Standard & Poor's"
	default:
		return nil
	}
	start, end := toks[a].Start, m.end
	for _, poss := range []string{"'s", "’s"} {
		if strings.HasPrefix(d.s[end:], poss) {
			end += len(poss) // "Standard & Poor's" is the name, possessive and all
		}
	}
	typ := m.typ
	if k == a+2 {
		typ = article.TypeOrg
	}
	return &speakerRef{start: start, end: end, name: d.s[start:end], typ: typ}
}

// firmAdjectives open or close firms' names more than people's ("National", "General").
var firmAdjectives = wordSet(`national general american international federal central continental universal
pacific atlantic western eastern northern southern`)

// personOfFirm splits a name the tagger ran on past a person into the firm they speak for ("Philip
// Braverman of Irving Securities Corp.", "Leslie of Discount Corp."): one to three capitalised
// words that are no institution, title or legal form, then "of" and a name ending in a legal form
// or trade word. ok is false for any other name ("Bank of America", "Duke of Edinburgh").
func personOfFirm(name string) (person, firm string, ok bool) {
	person, firm, found := strings.Cut(name, " of ")
	if !found {
		return "", "", false
	}
	words := strings.Fields(person)
	if len(words) == 0 || len(words) > 3 {
		return "", "", false
	}
	for _, w := range words {
		lw := strings.TrimSuffix(lower(w), ".")
		c := nounClass(lw)
		if !text.IsCapitalized(w) || orgHead(lw) || titleWords[lw] || corporateWords[lw] || honorificGender(w) != 0 ||
			c == 'a' || firmAdjectives[lw] || len(words) == 1 && c != 0 && c != 'p' {
			// ("Expediters International of …", "Chase of …": a firm's words, no person's)
			return "", "", false
		}
	}
	fw := strings.Fields(firm)
	if len(fw) < 2 || !corporateWords[lower(strings.TrimSuffix(fw[len(fw)-1], "."))] && !corporateWords[lower(fw[len(fw)-1])] {
		return "", "", false
	}
	return person, firm, true
}

// peoplePlural reports whether a capitalised word is the plural of a noun for people, a group or
// an organisation ("Dealers", "Creditors", "Banks"), which no surname is.
func peoplePlural(w string) bool {
	lw := lower(w)
	s := singular(lw)
	if s == lw || len(lw) < 5 || !text.IsCapitalized(w) {
		return false
	}
	switch nounClass(s) {
	case 'p', 'g', 'o':
		return true
	}
	return false
}

// partyTag reports whether tokens are a US party-and-state tag written after a politician's name
// ("D-Tenn.", "R-Texas", "I-Vt."): a party letter, a hyphen and a capitalised state, with its full
// stop.
func partyTag(toks []text.Token) bool {
	if len(toks) == 0 {
		return false
	}
	t := toks[0].Text
	if len(t) < 3 || !strings.ContainsRune("DRI", rune(t[0])) || t[1] != '-' || t[2] < 'A' || t[2] > 'Z' {
		return false
	}
	for _, r := range toks[1:] {
		if r.Text != "." {
			return false
		}
	}
	return true
}

// titleBeforeBody reads back from toks[j], the last word of a capitalised body's name, over that
// name and a preposition to a title ("minister at the Presidency", "director of the Fund"): it
// returns the index where the description starts (its determiner, if any), ok false when no title
// stands there.
func titleBeforeBody(toks []text.Token, j int) (start int, ok bool) {
	i := j
	for i >= 0 && j-i < 6 && (text.IsCapitalized(toks[i].Text) && !determiners[lower(toks[i].Text)] || toks[i].Text == "the") {
		i--
	}
	if i < 1 || i == j || !prepositions[lower(toks[i].Text)] {
		return 0, false
	}
	h := i - 1
	if w := lower(toks[h].Text); !titleNouns[w] && !personNouns[w] {
		return 0, false
	}
	a := h
	for a > 0 && h-a < 4 && text.IsWord(toks[a-1].Text) && !npStops[lower(toks[a-1].Text)] {
		a--
	}
	if a > 0 && determiners[lower(toks[a-1].Text)] {
		a--
	}
	return a, true
}

// publicationNouns stand for the newspaper or magazine the story named: "the paper said".
var publicationNouns = wordSet(`newspaper paper daily magazine weekly tabloid broadsheet journal`)

// mastheadWords end the names of newspapers and magazines ("Financial Times", "Mail on Sunday").
var mastheadWords = wordSet(`times journal post herald telegraph guardian daily news tribune gazette mirror
sun mail observer independent economist chronicle express star record review magazine weekly sunday
globe inquirer bulletin courier examiner monitor argus`)

// lastPublication is the newspaper or magazine the story last named before pos, within a few
// paragraphs: an organisation whose name ends in a masthead word, or nil.
func (d *doc) lastPublication(pos int) *speakerRef {
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= pos {
			continue
		}
		if pos-m.end > 3000 {
			return nil
		}
		if m.typ == article.TypeOrg && publicationName(m.name) {
			return m
		}
	}
	return nil
}
