package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// Speaker plausibility from lexical knowledge: a description that names no entity of the article
// may speak only when its head noun denotes a person ("the spokeswoman"), a group of people
// ("residents", "officials") or an organisation ("the ministry", "the company"). "The stock added
// more than 2%", "Those gains add to …", "a deal announced" read as cues, but a stock, a gain and a
// deal say nothing: the quote keeps no speaker rather than a thing.
//
// The nouns come from WordNet 3.1 (pkg/extract/wordclass, whose list tools/speakerlex builds;
// origin and licence in its data/SOURCES.md): every single-word noun classed by its first senses
// as a person, a group, an organisation or a thing. Only a noun WordNet knows as a thing rules a
// speaker out; a word it does not know ("Brexiteers") is left as read.

// nounClass is the noun list's speaker class of a lower-case word (wordclass.Speaker).
func nounClass(w string) byte { return wordclass.Speaker(w) }

// newsSpeakers are heads news gives a voice that WordNet ranks below their first two senses: "the
// campaign said", "sources said", "state media reported", "a source familiar with …".
var newsSpeakers = wordSet(`source campaign group media state network outlet station channel website site
account newspaper paper press electorate side camp wing chair head voice insider contingent crew
desk office bank management treasury leadership establishment tabloid daily broadsheet unit legend icon
concern canton territory republic kingdom emirate counterpart blacks whites`)

// peopleWords stand for people without a noun: "others said", "many argue", "some warned".
var peopleWords = wordSet(`others other some many most few all both several everyone everybody someone
somebody anyone anybody nobody none one two three four five six seven eight nine ten dozen more another`)

// quantityHeads count the people of an of-phrase after them ("52 percent of voters said", "a
// majority of members"): the phrase is as plausible as its people.
var quantityHeads = wordSet(`percent per cent majority minority half third quarter number handful share
proportion plurality portion fraction rest remainder bulk thousands hundreds dozens millions
two-thirds three-quarters one-third one-quarter`)

// postPrepositions open a phrase after a noun ("sources privy to the talks", "Majorities across the
// spectrum"), with the package's prepositions.
var postPrepositions = wordSet(`to about over under near against across behind among within without
than out like including`)

// chunkHead is the index of the head of the phrase toks: the last word before what follows a noun
// phrase's head in English — a preposition ("officials in Montevideo"), a participle ("Giant screens
// hanging over the arena", "Congressional Republicans probing …"), a relative or a clause
// ("Several people I've spoken with"), "close to", a bracket, a dash or a comma.
func chunkHead(toks []text.Token) int {
	for i := 1; i < len(toks); i++ {
		t := toks[i].Text
		lt := lower(t)
		switch {
		case !text.IsWord(t) && t != "-" && !strings.Contains(t, "-"),
			prepositions[lt] || postPrepositions[lt] || closeTo[lt] || relativePronoun(lt) || lt == "that" || lt == "whose",
			pronounSpeakers[t] || lt == "i" || lt == "i've" || lt == "i’ve" || lt == "you" || lt == "we",
			participleAfterNoun(toks, i):
			return i - 1
		}
	}
	return len(toks) - 1
}

// participleAfterNoun reports whether toks[i] is a participle opening a clause after the noun
// before it ("screens hanging", "Republicans probing", "Democrats involved"): a lower-case -ing or
// -ed word that is no noun, or any such word after a plural.
func participleAfterNoun(toks []text.Token, i int) bool {
	t := toks[i].Text
	if text.IsCapitalized(t) || !(strings.HasSuffix(t, "ing") || strings.HasSuffix(t, "ed")) || speakerish(lower(t)) {
		return false
	}
	prev := toks[i-1].Text
	lp := lower(prev)
	if determiners[lp] || adverb(prev) || !text.IsCapitalized(prev) && nounClassOf(lp) == 'a' {
		return false // "a newly formed group", "an accomplished member": a modifier before the noun
	}
	if c := nounClassOf(lower(t)); c != 't' && c != 'd' {
		return true
	}
	return speakerish(lp) || strings.HasSuffix(lp, "s") && singular(lp) != lp // "a small group led by", "Democrats leaving"
}

// nounForms are the forms a head noun may be listed under: itself and its singulars ("studies",
// "gains", "businesses", "spokesmen", "people").
func nounForms(w string) []string {
	forms := []string{w, singular(w)}
	switch {
	case strings.HasSuffix(w, "men"):
		forms = append(forms, w[:len(w)-3]+"man")
	case strings.HasSuffix(w, "es"):
		forms = append(forms, w[:len(w)-2])
	case w == "people":
		forms = append(forms, "person")
	case w == "children":
		forms = append(forms, "child")
	}
	return forms
}

// speakerish reports whether a lower-case word may head a description of who speaks: WordNet has
// it as a person, a group or an organisation, or one of the package's word lists for people,
// bodies, titles, the voices of bodies, documents (which speak for their issuer, document.go) and
// counts of people holds it.
func speakerish(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if nounClass(w) == 0 && personSuffix(w) {
		return true // "futurologist", "Brexiteers": a word WordNet lacks, shaped like one for people
	}
	for _, f := range nounForms(w) {
		switch {
		case nounClass(f) == 'p' || nounClass(f) == 'g' || nounClass(f) == 'o',
			groupNouns[f] || titleNouns[f] || personNouns[f] || orgHeads[f] || companyHeads[f] || clubHeads[f],
			orgVoices[f] || geoHeads[f] || documentNouns[f] || messageNouns[f] || newsSpeakers[f] || quantityHeads[f] || peopleWords[f]:
			return true
		}
	}
	return false
}

// personSuffix reports whether a word ends like a noun for people: -ist, -ian, -eer, -er, -or and
// their plurals.
func personSuffix(w string) bool {
	w = strings.TrimSuffix(w, "s")
	for _, suf := range []string{"ist", "ian", "eer", "er", "or"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nounClassOf is the noun list's class of a lower-case word that is no speaker noun: 'd' a document
// or other communication, 't' a thing, 'a' a modifier (an adjective or adverb more than a noun:
// "overall", "just"), 0 when unknown. A noun form wins over a modifier ("gains" is the plural of
// "gain", whatever "gains" alone would be).
func nounClassOf(w string) byte {
	var c byte
	for _, f := range nounForms(w) {
		switch fc := nounClass(f); fc {
		case 'd', 't':
			return fc
		case 'a':
			c = 'a'
		}
	}
	return c
}

// implausible checks a speaker that is no PERSON/ORG mention of the article (a description, or a
// phrase read as one) by the words of the phrase. It is kept when its head may speak ("the
// spokeswoman", "52 percent of voters", "sources privy to the talks"). It becomes the name the
// phrase holds (ref, with its kind) when the head after that name is no noun ("Wells Fargo just
// announced", "Rubio only") or is a document or other communication, which speaks for the author
// it names ("a Washington Post database tracking such deaths", "the FEC advisory opinion"). drop is
// true when the head is a thing or a modifier ("The stock", "Those gains", "a deal"), or a
// communication with no author in the phrase ("one slide says").
func (d *doc) implausible(r *speakerRef) (ref *speakerRef, kind string, drop bool) {
	if r == nil || r.end <= r.start || d.isEntity(r) || d.s[r.start:r.end] != r.name {
		return nil, "", false // (a phrase rebuilt from other words, "negotiators from the Sahel", was read on purpose)
	}
	if pl, ok := d.placeAt(r.start); ok && pl.start == r.start && pl.end == r.end {
		return nil, "", false // a place acting as its government ("Beijing said"): kind.go decides those
	}
	toks := d.tokensIn(r.start, r.end)
	for i, t := range toks {
		if i > 0 && (t.Text == "," || t.Text == "that" || t.Text == "who" || t.Text == "which" || t.Text == "whose") {
			toks = toks[:i] // "Surety companies that had insured …": the head is before the clause
			break
		}
	}
	if len(toks) == 0 {
		return nil, "", false
	}
	h := chunkHead(toks)
	if len(toks) == 1 && (capitalisedCommonWord(toks[0].Text) || capitalisedModifier(toks[0].Text) && !d.namedAnywhere(toks[0].Text)) {
		return nil, "", true // "Donations", "Investigations", "Overall": a sentence's first word, no name
	}
	if h > 0 && h == len(toks)-1 {
		// "The Army later", "The Florida senator sought": modifiers and verbs after the head are
		// no part of it
		k := h
		for k > 0 && text.IsWord(toks[k].Text) && !text.IsCapitalized(toks[k].Text) && !speakerish(lower(toks[k].Text)) &&
			(nounClassOf(lower(toks[k].Text)) == 'a' || nounClassOf(lower(toks[k].Text)) == 0 || dateWords[lower(toks[k].Text)]) {
			k--
		}
		kw := toks[k].Text
		common := nounClass(lower(kw)) != 0
		if k < h && (text.IsCapitalized(kw) && !common && !determiners[lower(kw)] && !notASpeaker(kw) || speakerish(lower(kw))) &&
			d.lastMentionIn(r.start, toks[k].End) == nil {
			// a name the tagger missed or a description, with the words after its head cut off
			return &speakerRef{start: r.start, end: toks[k].End, name: d.s[r.start:toks[k].End], typ: r.typ}, "", false
		}
	}
	w := toks[h].Text
	if h == len(toks)-1 && numeral(w) {
		return nil, "", true // "10", "4,051": a count of nothing named is no one
	}
	if !text.IsWord(w) || text.IsCapitalized(w) || speakerish(lower(w)) || d.speakerAround(toks, h) ||
		h > 0 && compoundSpeaker(lower(toks[h-1].Text)+" "+lower(w)) {
		return nil, "", false // a name the tagger missed, a capitalised title, people
	}
	c := nounClassOf(lower(w))
	if m := d.lastMentionIn(r.start, toks[h].Start); m != nil && !speakerAfter(toks, m.end) {
		switch c {
		case 'd':
			return m, kindNominal, false // the author of the document
		case 'a', 0:
			return m, kindNamed, false // the name, with a word after it that is no noun
		}
	}
	return nil, "", c == 't' || c == 'a' || c == 'd'
}

// capitalisedCommonWord reports whether a capitalised word alone is a common word opening its
// sentence rather than a name: the plural of a thing ("Donations", "Investigations"), written with
// no capital but its first ("BuzzFeed" is a name).
func capitalisedCommonWord(w string) bool {
	if !text.IsCapitalized(w) || strings.ToUpper(w[:1])+lower(w[1:]) != w {
		return false
	}
	lw := lower(w)
	if speakerish(lw) {
		return false
	}
	s := singular(lw)
	return s != lw && (nounClass(s) == 't' || nounClass(s) == 'd')
}

// numeral reports whether a token is written in digits ("10", "4,051", "3.5").
func numeral(t string) bool {
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c != ',' && c != '.':
			return false
		}
	}
	return digits > 0
}

// compoundSpeaker reports whether a two-word compound ("think tank", "intelligence service") names
// a person, a group or an organisation.
func compoundSpeaker(w string) bool {
	switch nounClass(w) {
	case 'p', 'g', 'o':
		return true
	}
	return false
}

// thing reports whether implausible drops r: a thing, never a speaker or a pronoun's antecedent.
func (d *doc) thing(r *speakerRef) bool {
	_, _, drop := d.implausible(r)
	return drop
}

// speakerAround reports whether a phrase whose head toks[h] is no speaker noun still names people:
// in an of-phrase after a count or a part ("one of his aides", "three-fourths of them", "a slew of
// RNC leaders"), or before a word that follows its noun ("sources privy to the talks", "two
// senators present", "the public overall").
func (d *doc) speakerAround(toks []text.Token, h int) bool {
	if h+2 < len(toks) && toks[h+1].Text == "of" {
		for _, t := range toks[h+2:] {
			if pronounSpeakers[t.Text] || t.Text == "them" || t.Text == "us" || text.IsCapitalized(t.Text) || speakerish(lower(t.Text)) {
				return true
			}
		}
	}
	c := nounClassOf(lower(toks[h].Text))
	modifier := c == 'a' || c == 0
	for i := h - 1; i >= 0; i-- {
		t := toks[i].Text
		if !text.IsWord(t) || text.IsCapitalized(t) && i > 0 || determiners[lower(t)] || possessive(t) {
			break // ("Democrats close to the campaign": the phrase's first word may be capitalised)
		}
		// a plural before the head is no modifier of it ("campaign video" is a video, "sources
		// privy" are sources)
		if lt := lower(t); speakerish(lt) && (modifier || singular(lt) != lt) {
			return true
		}
	}
	return false
}

// speakerAfter reports whether a word after byte pos in toks is a speaker noun ("the Obama
// administration": the administration speaks, not Obama).
func speakerAfter(toks []text.Token, pos int) bool {
	for _, t := range toks {
		if t.Start >= pos && text.IsWord(t.Text) && !text.IsCapitalized(t.Text) && speakerish(lower(t.Text)) {
			return true
		}
	}
	return false
}

// clauseAway finds the speaker one clause away from a phrase r that implausible dropped: the phrase
// read before the cue lay inside a clause about the people who speak ("people who have battled
// other online threats say", "People briefed on the situation say"), and the noun phrase that clause
// follows is the speaker. It returns the quote's speaker read from that phrase, or nil.
func (d *doc) clauseAway(r *speakerRef) *found {
	i := d.tokenIndex(r.start)
	lo := d.tokenIndex(d.sentenceStart(r.start))
	for j := i - 1; j > lo && i-j <= 10; j-- {
		t := d.toks[j].Text
		if !text.IsWord(t) {
			return nil // the clause ends at a comma, a quote mark, a bracket
		}
		prev := d.toks[j-1].Text
		people := text.IsWord(prev) && speakerish(lower(prev)) && (!text.IsCapitalized(prev) || j-1 == lo)
		// "people who have battled …", "Surety companies that had insured …", "Experts on North
		// Korea and nuclear nonproliferation": a relative or a preposition after a people noun
		relative := t == "who" || t == "whose" || people && (t == "that" || prepositions[t] || postPrepositions[t])
		reduced := !text.IsCapitalized(t) && strings.HasSuffix(t, "ed") && text.IsWord(prev) && !auxiliaries[lower(prev)] &&
			(speakerish(lower(prev)) && !text.IsCapitalized(prev) || prev == "People" || d.lastMentionIn(d.toks[j-1].Start, d.toks[j-1].End) != nil)
		if !relative && !reduced {
			continue
		}
		p, ok := npBefore(d.toks[:j], j)
		if !ok {
			return nil
		}
		var sub found
		d.resolveNP(&sub, d.toks[:j], p)
		if sub.spk == nil {
			return nil
		}
		if _, _, drop := d.implausible(sub.spk); drop {
			return nil
		}
		return &sub
	}
	return nil
}

// ThingHeaded reports whether a speaker phrase, read alone, is one the extractor keeps no speaker
// for: a description headed by a thing, a modifier or a communication, with no people around its
// head ("The stock", "Those gains", "one slide"). It is the lexical half of the check, for measuring
// it on annotated sources (tools/speakerlex/measure); in an article a name inside the phrase may
// still be its author ("a Washington Post database").
func ThingHeaded(phrase string) bool {
	if notASpeaker(phrase) {
		return false // a pronoun or a date: read before the check, never by it
	}
	d := newDoc(phrase, nil)
	_, _, drop := d.implausible(&speakerRef{start: 0, end: len(phrase), name: phrase})
	return drop
}
