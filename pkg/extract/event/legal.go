package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Evidence for the legal type beyond legalSense and courtTrial (issue #19): a duty one is
// "charged with ensuring", a broadband service a company will "trial", a player "on trial with"
// clubs, house arrest debated as a power in a bill, a fair trial as a right are no arrest, charge
// or trial that happened.

// dutyCharge reports "charged with" + a gerund meaning a duty given, not a crime charged: "the
// Speaker is charged with ensuring order", "the division was charged with thinking up plans" —
// a present tense, or no word of the law in the sentence and few in the story.
func (d *doc) dutyCharge(si, i, end int) bool {
	if d.w(i) != "charged" || d.w(end) != "with" || !strings.HasSuffix(d.w(end+1), "ing") {
		return false
	}
	if oneOf(d.w(i-1), "is", "are", "be", "being") {
		return true
	}
	s := d.sents[si]
	return d.senseClass(s.start, i, wordclass.Legal)+d.senseClass(end, s.end, wordclass.Legal) == 0 &&
		d.docClass(wordclass.Legal) < legalStoryMin
}

// legalStoryMin is the count of law words (two for a first sense, one for a later) from which a
// story is about the law: police, courts, crimes.
const legalStoryMin = 6

// testTrial reports "trial" as a test or a try-out: the verb ("will trial the service", "set to
// trial"), or a player "on trial with" a club.
func (d *doc) testTrial(i, end int) bool {
	if d.w(i) != "trial" {
		return false
	}
	prev, next := d.w(i-1), d.w(end)
	if prev == "on" && next == "with" {
		return true
	}
	return prev == "to" || oneOf(prev, "will", "would", "could", "can", "may", "might", "shall") && !determiners[next]
}

// powerNouns before "to" + a trigger make it a power or a right, not an event: "the power to
// detain suspects", "rights to protest".
var powerNouns = words(`power powers right rights authority ability freedom licence license`)

// powerToAct reports a trigger at i that is the infinitive after a power or a right.
func (d *doc) powerToAct(i int) bool {
	return d.w(i-1) == "to" && powerNouns[d.w(i-2)]
}

// houseArrestDebated reports house arrest or home detention spoken of as a measure ("the bill
// brings in house arrest", "opposes house arrests"): no one named and no pronoun in the sentence
// is held.
func (d *doc) houseArrestDebated(si, i int) bool {
	if !oneOf(d.w(i-1), "house", "home") {
		return false
	}
	s := d.sents[si]
	for j := s.start; j < s.end; j++ {
		if d.entityIs(j, article.TypePerson) || oneOf(d.w(j), "he", "she", "him", "her") {
			return false
		}
	}
	return true
}

// accountingPrev before "charges" make them a company's accounts: "special charges of nine mln".
var accountingPrev = words(`special one-time restructuring pretax pre-tax after-tax extraordinary
non-recurring writedown write-down accounting`)

// armedRaid reports a raid of arms: "air and missile raids", "a commando raid", a raid in a
// sentence with a weapon — an attack, not a search by the police.
func (d *doc) armedRaid(si, i, end int) bool {
	if !strings.HasPrefix(d.w(i), "raid") {
		return false
	}
	if oneOf(d.w(i-1), "air", "missile", "bombing", "commando", "rocket") {
		return true
	}
	s := d.sents[si]
	for j := s.start; j < s.end; j++ {
		if w := d.w(j); (j < i || j >= end) && isLowerWord(w) && wordclass.Of(w).First(wordclass.Weapon) {
			return true
		}
	}
	return false
}

// legalEvidence runs the tests above for a trigger of the legal type at [i, end).
func (d *doc) legalEvidence(si, i, end int) bool {
	if d.w(i) == "charges" && (accountingPrev[d.w(i-1)] || d.w(end) == "of" && (numberWords[d.w(end+1)] || d.v.quantities[d.w(end+1)])) {
		return false // "special charges of nine mln dlrs": a company's accounts
	}
	return !d.dutyCharge(si, i, end) && !d.testTrial(i, end) && !d.houseArrestDebated(si, i) && !d.armedRaid(si, i, end)
}
