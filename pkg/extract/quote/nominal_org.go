package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Organisation descriptions as a reader resolves them. "The United Auto Workers said … . The
// union said …", "The Department of Transportation said … . The agency said …": a definite
// organisation noun stands for the body the sentences before it were about — the organisation a
// recent sentence has as its subject — when nothing in that body's name contradicts the noun (a
// "Communist Party" is no newspaper, a ministry no company). And "the NBC network", "the official
// Tanjug news agency" are the organisation they name, described by its kind.

// orgFamilies sort organisation nouns into kinds of body. A description and a name of different
// kinds are different bodies; generic nouns ("the organisation", "the group") fit every kind.
var orgFamilies = func() map[string]byte {
	m := map[string]byte{}
	for kind, words := range map[byte]string{
		'b': `company firm corporation concern business maker manufacturer producer operator developer
lender insurer carrier airline utility startup retailer conglomerate automaker carmaker chipmaker
miner partnership venture bank brokerage chain supplier contractor consortium syndicate inc corp
co ltd plc llc gmbh`,
		'p': `agency department ministry office bureau commission authority administration regulator
watchdog service board council secretariat treasury directorate inspectorate`,
		'u': `union federation`,
		'n': `newspaper paper daily magazine weekly tabloid journal broadcaster network channel station
publisher outlet website`,
		'l': `party coalition alliance`,
		'c': `club team side`,
		'e': `university institute college school academy`,
		'j': `court tribunal`,
		'g': `organisation organization group body association institution foundation charity`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = kind
		}
	}
	return m
}()

// legalSuffixes end a company's name; written lower-case after it ("International Technology
// corp"), they are the name's, not a description's head.
var legalSuffixes = wordSet(`inc corp co ltd plc llc gmbh`)

// orgFamily is the kind of body a lower-case noun names (orgFamilies), 0 for none.
func orgFamily(w string) byte {
	if k, ok := orgFamilies[w]; ok {
		return k
	}
	return orgFamilies[singular(w)]
}

// familyFits reports whether an organisation named name may be called by the noun head: no word of
// its name is a body noun of another kind, and a business is never called a public body or the
// reverse.
func familyFits(head, name string) bool {
	want := orgFamily(head)
	if want == 0 {
		return false
	}
	if want == 'g' {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,")
		if k := orgFamily(w); k != 0 && k != 'g' && k != want {
			return false
		}
	}
	switch want {
	case 'b':
		// (a newspaper's title, "Halden Review", is no company a reader calls "the bank")
		return !publicBody(name) && !publicationName(name)
	case 'p':
		for _, w := range strings.Fields(strings.ToLower(name)) {
			if corporateWords[w] {
				return false
			}
		}
	}
	return true
}

// bareOrgDescription reports whether p is "the" + lower-case modifiers or nationalities + a
// singular organisation noun (toks[p.b]): "the union", "the financial regulator", "The German
// club". A name, a possessive or a number in it makes it something else.
func (d *doc) bareOrgDescription(toks []text.Token, p np) bool {
	if lower(toks[p.a].Text) != "the" || p.b == p.a || p.b-p.a > 3 {
		return false
	}
	head := lower(toks[p.b].Text)
	if orgFamily(head) == 0 || singular(head) != head && orgFamilies[head] == 0 {
		return false
	}
	for i := p.a + 1; i < p.b; i++ {
		t := toks[i].Text
		if !text.IsWord(t) || possessive(t) || numeral(t) {
			return false
		}
		if text.IsCapitalized(t) && !(demonym(t) || inSpans(d.demonyms, toks[i].Start)) {
			return false
		}
	}
	return true
}

// orgAntecedent is the organisation a bare description (bareOrgDescription) at pos stands for: the
// organisation that is the subject of one of the three sentences before pos's own, nearest first,
// no further back than the paragraph before, whose name fits the noun (familyFits). Only a generic
// noun ("the group") must take the nearest such subject, fit or not. The description's own sentence
// is not searched: a body named there before it ("In a letter to GM, the union said") is someone
// else.
func (d *doc) orgAntecedent(head string, pos int) *speakerRef {
	lo := d.paragraphsBefore(pos)
	end := d.sentenceStart(pos)
	for n := 0; n < 3; n++ {
		k := d.tokenIndex(end) - 1
		if k < 0 {
			return nil
		}
		s0 := d.sentenceStart(d.toks[k].Start)
		if s0 < lo {
			return nil
		}
		m, unclear := d.nameSubject(s0, end)
		if unclear {
			return nil // a reader who cannot tell what the sentence is about does not look further
		}
		if m != nil && m.typ == article.TypeOrg {
			if familyFits(head, m.name) && d.familyEvidence(head, m) {
				return m
			}
			if orgFamily(head) == 'g' {
				return nil
			}
		}
		end = s0
	}
	return nil
}

// evidenceWords show an organisation's kind in its name, for the kinds a name must show before a
// description of that kind may stand for it: a union ("United Auto Workers"), a party ("Liberal
// Democrats"). A public body shows it by a public word (publicBody) or as the initials of one.
var evidenceWords = map[byte]map[string]bool{
	'u': wordSet(`union unions workers employees teamsters federation confederation congress guild brotherhood`),
	'l': wordSet(`party democrats republicans labour labor conservatives tories liberals greens socialists front league`),
}

// familyEvidence reports whether the text shows m to be a body of the kind head names: any
// organisation for a generic noun or a business noun; one whose name (or the name its initials
// stand for) holds a public word, or an abbreviation not spelled out, for a public body's noun; one whose name holds an evidence word for
// a union or a party. Newspapers, clubs, universities and courts are left to the name and
// publication searches (byTitle, lastPublication), as a bare name shows nothing of them.
func (d *doc) familyEvidence(head string, m *speakerRef) bool {
	switch k := orgFamily(head); k {
	case 'g', 'b':
		return true
	case 'p':
		// (an abbreviation the text does not spell out, "the SEC", is taken for a body's: companies
		// are rarely called "the agency")
		return publicBody(m.name) || publicBody(d.expansion(m)) || len(m.name) > 2 && acronym(m.name) && d.expansion(m) == ""
	case 'u', 'l':
		for _, w := range strings.Fields(strings.ToLower(m.name + " " + d.expansion(m))) {
			if evidenceWords[k][w] {
				return true
			}
		}
	}
	return false
}

// expansion is the name of an organisation of the article whose initials spell m's name, an
// abbreviation ("SEC" for "Securities and Exchange Commission"), or "".
func (d *doc) expansion(m *speakerRef) string {
	if !acronym(m.name) {
		return ""
	}
	for i := range d.mentions {
		c := &d.mentions[i]
		if c.typ != article.TypeOrg || c.name == m.name || !strings.Contains(c.name, " ") {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Fields(c.name) {
			if text.IsCapitalized(w) {
				b.WriteByte(w[0])
			}
		}
		if b.String() == m.name {
			return c.name
		}
	}
	return ""
}

// nameSubject is the sentence's subject in [lo, hi) when it is a name: the first PERSON/ORG mention
// there that is not the object of a preposition, not inside quotation marks, and not after a verb
// of its own clause ("They told Reuters": Reuters is the object). A clause opened by a subordinator
// ("Even though the Fed chief joined Baker …, Volcker said") is passed over to its comma. unclear
// is true when the first name there cannot be told to be the subject (an object, a conjunct, a
// source), which ends a search for a subject.
func (d *doc) nameSubject(lo, hi int) (m *speakerRef, unclear bool) {
	clause := d.tokenIndex(lo)
	if clause < len(d.toks) {
		// "ST. JOHN'S, Newfoundland, March 9 - Petro-Canada said": the dateline names no subject
		clause += datelineEnd(d.toks[clause:min(clause+14, len(d.toks))], 13)
	}
	if clause < len(d.toks) && (subordinators[d.toks[clause].Text] || d.participleOpener(clause)) {
		for clause < len(d.toks) && d.toks[clause].Start < hi && d.toks[clause].Text != "," {
			clause++
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if clause >= len(d.toks) || m.start < d.toks[clause].Start {
			continue
		}
		if m.end > hi {
			return nil, false
		}
		if d.talkedAbout(m.start) || d.prepositionalName(m.start) {
			continue
		}
		afterClause := clause > 0 && d.toks[clause].Text == "," && clause+1 < len(d.toks) && d.toks[clause+1].Start == m.start
		if d.verbBefore(d.toks[clause].Start, m.start) || d.conjoined(m) || d.invertedSource(m) && !afterClause {
			// an object; one of two subjects ("Lumora and Brixa make glass"); the source of the
			// sentence, not what it is about ("…, Reuters reported")
			return nil, true
		}
		return m, false
	}
	return nil, false
}

// invertedSource reports whether the name m is the subject of a speech verb after a comma ("…,
// Reuters reported"): the sentence's source.
func (d *doc) invertedSource(m *speakerRef) bool {
	k, j := d.tokenIndex(m.start)-1, d.tokenIndex(m.end)
	return k >= 0 && j < len(d.toks) && d.toks[k].Text == "," && sayWords[lower(d.toks[j].Text)]
}

// conjoined reports whether the name m is joined to another by "and", "or" or "&".
func (d *doc) conjoined(m *speakerRef) bool {
	k := d.tokenIndex(m.end)
	if k+1 >= len(d.toks) {
		return false
	}
	switch d.toks[k].Text {
	case "and", "or", "&":
		return text.IsCapitalized(d.toks[k+1].Text)
	}
	return false
}

// verbBefore reports whether a verb stands in [lo, pos) after the last comma: a speech verb, an
// auxiliary or a lower-case past tense, which make a name after it an object; or a relative
// pronoun ("the group, which includes Shamrock"), whose clause's names are no sentence's subject.
func (d *doc) verbBefore(lo, pos int) bool {
	for i := d.tokenIndex(pos) - 1; i >= 0 && d.toks[i].Start >= lo; i-- {
		t := d.toks[i].Text
		if t == "," {
			return false
		}
		if lt := lower(t); !text.IsCapitalized(t) && (sayWords[lt] || auxiliaries[lt] || pastTense(lt) || relativePronoun(lt)) {
			return true
		}
	}
	return false
}

// namedKind reads "the NBC network", "the official Tanjug news agency", "the Observer newspaper":
// an organisation's name before a noun for its kind is the organisation itself, described. m is
// the last name in the phrase p, headed by toks[p.b], a lower-case noun (a capitalised one is the
// name's own, "the right-wing People's Party"); the words between name and noun are lower-case
// ("news", "radio"). A name of another kind ("the Communist Party newspaper") is the
// owner, not the body. It reports whether it set q's speaker.
func (d *doc) namedKind(q *found, toks []text.Token, p np, m *speakerRef) bool {
	head := lower(toks[p.b].Text)
	if m.typ != article.TypeOrg || text.IsCapitalized(toks[p.b].Text) || orgFamily(head) == 0 || singular(head) != head || !familyFits(head, m.name) ||
		d.possessiveAt(m.end) || m.end > toks[p.b].Start {
		return false
	}
	if legalSuffixes[head] && d.tokenIndex(m.end) != d.tokenIndex(toks[p.b].Start) {
		return false // "E.F. Hutton LBO Inc": a unit of the firm, not the firm
	}
	for i := p.a; i < p.b; i++ {
		t := toks[i]
		if t.Start >= m.start && t.End <= m.end {
			continue
		}
		if !text.IsWord(t.Text) || text.IsCapitalized(t.Text) && !(i == p.a && determiners[lower(t.Text)]) {
			return false
		}
	}
	q.spk, q.kind, q.mStart, q.mEnd = m, kindNamed, m.start, m.end
	return true
}

// byOrgAntecedent sets q's speaker to the organisation a bare description with noun head at pos
// stands for (orgAntecedent) and reports whether there is one.
func (d *doc) byOrgAntecedent(q *found, head string, pos int) bool {
	ref := d.orgAntecedent(head, pos)
	if ref == nil {
		return false
	}
	q.spk, q.kind = ref, kindNominal
	return true
}

// participleOpener reports whether toks[i] opens a sentence with a participle clause ("Noting that
// Georgia Power's share …, Southern said …"): a capitalised -ing word that begins no name or place.
func (d *doc) participleOpener(i int) bool {
	t := d.toks[i]
	if len(t.Text) < 6 || !text.IsCapitalized(t.Text) || !strings.HasSuffix(t.Text, "ing") || strings.ToUpper(t.Text) == t.Text {
		return false
	}
	for j := range d.mentions {
		if d.mentions[j].start == t.Start {
			return false
		}
	}
	if _, place := d.placeAt(t.Start); place {
		return false
	}
	return true
}
