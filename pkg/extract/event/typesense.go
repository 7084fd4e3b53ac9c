package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Evidence for the disaster, protest, visit, agreement and meeting types beyond the tests of
// evidence.go and senses.go (issue #19), from an audit of unseen BBC and Reuters stories: an
// "explosion" in net traffic, an "outbreak" of feuding, funds that "flooded into" a country, a
// party's "landslide"; firms that "protested that" a rule was unfair, a country that protested a
// limit; oil that "arrived" in a pipeline; people who "sign up" for broadband; rules "met".

// blastCues beside an explosion say a physical one: damage done or fire.
var blastCues = words(`damage damaged damaging destroyed destroying fire fires smoke shattered
rocked ripped flattened debris blaze burned burning gas`)

// physicalBlast reports an explosion or blast at [i, end) that is one: harm or damage in its
// sentence ("two people were killed in an explosion", "an explosion and fire"), a weapon, or a
// made thing or a place it happened in or at ("an explosion at the refinery"); for "the blast", in
// the sentence before too — not the "gadget
// explosion" of a market or an "explosion in traffic", nor a show that "has been a blast".
func (d *doc) physicalBlast(si, i, end int) bool {
	s := d.sents[si]
	from := s.start
	if d.w(i-1) == "the" && si > 0 {
		from = d.sents[si-1].start // "the blast" refers back: "The dam was destroyed … blamed each other for the blast"
	}
	for j := from; j < s.end; j++ {
		if j >= i && j < end {
			continue
		}
		if w := d.w(j); violenceWords[w] || blastCues[w] || d.v.structures[w] {
			return true
		}
	}
	if d.harmByArms(si, i, end) {
		return true
	}
	if oneOf(d.w(end), "at", "in", "on", "near", "inside", "aboard") {
		o := d.objectHead(si, end, d.w(end))
		if o < 0 {
			return false
		}
		if d.entityIs(o, article.TypePlace) || d.placeAt[o] >= 0 {
			return true
		}
		c := wordclass.Of(d.w(o))
		return c.First(wordclass.Artifact) || c.First(wordclass.Location)
	}
	return false
}

// outbreakOfDisease reports an "outbreak" of a disease or of living things ("an outbreak of
// foot-and-mouth disease", "the outbreak of the killer SARS virus"), or one of nothing named
// ("the outbreak in the ranching province"); not "an outbreak of the warfare between the two men"
// or "of torrential rain".
func (d *doc) outbreakOfDisease(si, end int) bool {
	if d.w(end) != "of" {
		return true
	}
	s := d.sents[si]
	for j := end + 1; j < s.end && j < end+7; j++ {
		w := d.w(j)
		if d.v.clauseBreaks[w] || w == "." {
			break
		}
		if t := d.toks[j].Text; allUpper(t) {
			return true // a disease's acronym: "SARS"
		}
		if c := wordclass.Of(w); c.Any(wordclass.Medical) || c.First(wordclass.Living) {
			return true
		}
	}
	return false
}

// crowdOrMoneyFlood reports "flooded"/"floods" whose subject is people or money ("foreign funds
// have flooded into the country", "fans flooded into the square"), not water.
func (d *doc) crowdOrMoneyFlood(si, i int) bool {
	if !strings.HasPrefix(d.w(i), "flood") || strings.HasPrefix(d.w(i), "floodwater") {
		return false
	}
	if n := d.w(i + 1); isLowerWord(n) && !d.v.placePreps[n] && !determiners[n] && wordclass.Of(n).Known() {
		return false // "her flooded home": a participle before its noun
	}
	subj := d.subjectBefore(si, i)
	if subj < 0 || determiners[d.w(subj)] {
		return false
	}
	c := wordclass.Of(unpossessed(d.w(subj)))
	return c.Any(wordclass.Possession) || d.someoneAt(subj)
}

// partyLandslide reports an electoral landslide: a party's ("the 2001 Labour landslide") or one in
// a sentence of winning and seats.
func (d *doc) partyLandslide(si, i int) bool {
	if d.w(i) != "landslide" {
		return false
	}
	if d.entityIs(i-1, article.TypeOrg) {
		return true
	}
	return d.sentenceHasWord(si, "won", "win", "wins", "winning", "victory", "seats", "election", "elections", "majority", "votes")
}

// objectionProtest reports "protested" as an objection voiced, not a demonstration: "firms had
// protested that the rule was unfair", "protested their innocence", or a country's protest
// ("Britain has protested the limits").
func (d *doc) objectionProtest(si, i, end int) bool {
	w := d.w(i)
	if !oneOf(w, "protest", "protests", "protested", "protesting") {
		return false
	}
	next := d.w(end)
	if next == "that" || d.w(end+1) == "innocence" || next == "innocence" {
		return true
	}
	if w != "protested" {
		return false
	}
	subj := d.subjectBefore(si, i)
	return subj >= 0 && d.entityIs(subj, article.TypePlace)
}

// thingArrived reports an arrival of a thing: "the new infrastructure arrived at the park",
// "crude oil scheduled to arrive in Cushing" — no one visits.
func (d *doc) thingArrived(si, i int) bool {
	if !strings.HasPrefix(d.w(i), "arriv") {
		return false
	}
	j := i
	if d.w(j-1) == "to" {
		j -= 2 // "scheduled to arrive", "due to arrive"
	}
	subj := d.subjectBefore(si, j)
	if subj < 0 || d.entAt[subj] >= 0 {
		return false
	}
	c := wordclass.Of(unpossessed(d.w(subj)))
	return c.Known() && !d.someoneAt(subj) && !c.Any(wordclass.Location)
}

// goalMet reports "met" in the passive of a goal or a worry met ("these conditions have been met",
// "his concerns had been met"): its subject is no one.
func (d *doc) goalMet(si, i int) bool {
	if d.w(i) != "met" {
		return false
	}
	if d.targetBefore(si, i) {
		return true
	}
	if !d.v.passiveAux[d.w(i-1)] {
		return false
	}
	subj := d.subjectBefore(si, i)
	if subj < 0 || d.entAt[subj] >= 0 {
		return false
	}
	c := wordclass.Of(d.w(subj))
	return targetWords[d.w(subj)] || c.First(wordclass.Message) || c.First(wordclass.Abstraction)
}

// typeEvidence runs the tests above for a trigger of type typ at [i, end); false when the words
// around it give it another sense.
func (d *doc) typeEvidence(si, i, end int, typ string) bool {
	switch typ {
	case TypeDisaster:
		switch d.w(i) {
		case "explosion", "explosions", "blast", "blasts":
			return d.physicalBlast(si, i, end)
		case "outbreak":
			return d.outbreakOfDisease(si, end)
		}
		return !d.crowdOrMoneyFlood(si, i) && !d.partyLandslide(si, i)
	case TypeProtest:
		return !d.objectionProtest(si, i, end)
	case TypeVisit:
		return !d.thingArrived(si, i) && !d.webVisit(si, i, end)
	}
	return true
}

// targetBefore reports "met" with nothing met after it and a goal among the eight words before it,
// whose clause it closes: "a target he says he has now met for the year", "noise targets for a
// third runway can be met".
func (d *doc) targetBefore(si, i int) bool {
	if d.objectHead(si, i+1) >= 0 {
		return false // "met the minister": someone met after the verb
	}
	for j := i - 1; j >= d.sents[si].start && j >= i-8; j-- {
		w := d.w(j)
		if targetWords[w] {
			return true
		}
		if w == ";" || w == "." {
			break
		}
	}
	return false
}

// webWords name the web and its users: a "visit" to a site or by surfers is a page view.
var webWords = words(`site sites website websites webpage webpages page pages web net internet online
search engine engines surfers users browser browsers url`)

// webVisit reports "visit" of a web site or by its users: "80% of surfers visit search engines",
// "people visiting Speegle can select …" in a story of the net, "the site they were visiting".
func (d *doc) webVisit(si, i, end int) bool {
	if !strings.HasPrefix(d.w(i), "visit") {
		return false
	}
	if o := d.objectHead(si, end); o >= 0 {
		for j := end; j <= o; j++ {
			if webWords[d.w(j)] {
				return true
			}
		}
	}
	if subj := d.subjectBefore(si, i); subj >= 0 && webWords[d.w(subj)] {
		return true // "the site they were visiting", "surfers visit"
	}
	return false
}
