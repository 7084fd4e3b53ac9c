package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Evidence for the attack type (issue #19): an attack is violence done to someone. Shooting a
// film or a target, a tidal wave that killed thousands, "violence" on television and "fighting
// change" are none; nor is a pop star's clash with a magazine.

// eruptWords say violence broke out somewhere ("violence erupted", "the worst fighting").
var eruptWords = words(`erupted erupts erupt flared flare broke break outbreak escalated escalating
worst renewed sectarian ethnic deadly bloody heavy fierce`)

// harmNear reports whether sentence si holds, besides the trigger at [i, end), harm done
// (violenceWords), violence breaking out (eruptWords), armed people or a weapon.
func (d *doc) harmNear(si, i, end int) bool {
	s := d.sents[si]
	for j := s.start; j < s.end; j++ {
		if w := d.w(j); (j < i || j >= end) && (violenceWords[w] || eruptWords[w]) {
			return true
		}
	}
	return d.harmByArms(si, i, end)
}

// placedOrDated reports whether a place or a date stands close to the trigger at [i, end): violence
// that happened somewhere or at some time ("violence in the capital", "the worst violence was in
// Quito", "fighting on Sunday"), not a country named elsewhere in the sentence.
func (d *doc) placedOrDated(si, i, end int) bool {
	s := d.sents[si]
	for j := max(s.start, i-4); j < min(s.end, end+4); j++ {
		if d.placeAt[j] >= 0 || d.dateAt[j] >= 0 {
			return true
		}
	}
	return false
}

// abstractViolence reports "violence" or "fighting" spoken of in general or as a figure of
// speech: "monitors violence and sex on TV", "campaign to stop violence against women", "fighting
// change", "fighting each other" — no harm, nothing armed, no place and no date in the sentence.
func (d *doc) abstractViolence(si, i, end int) bool {
	return !d.harmNear(si, i, end) && !d.placedOrDated(si, i, end)
}

// subjectBefore returns the token of the head of the subject of the verb at i: back over
// auxiliaries, modals, an infinitive's "to", adverbs and a relative pronoun to the noun, name or
// pronoun before them ("footage was shot" → footage, "the tsunami which killed" → tsunami, "foxes
// to be shot" → foxes); -1 when none is found
// within six tokens of the sentence.
func (d *doc) subjectBefore(si, i int) int {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-6; j-- {
		w := d.w(j)
		switch {
		case d.v.passiveAux[w] || d.v.modals[w] || oneOf(w, "will", "can", "has", "have", "had", "not", "get", "got", "to",
			"gets", "that", "which", "who", "also", "already", "repeatedly", "allegedly", "reportedly") ||
			strings.HasSuffix(w, "ly") && isLowerWord(w):
			continue
		case d.entAt[j] >= 0 || subjectPronouns[w] || isDigitToken(w) || numberWords[w] || isLowerWord(w):
			return j
		}
		return -1
	}
	return -1
}

// subjectPronouns stand for people as a subject.
var subjectPronouns = words(`he she they we i you who`)

// someoneAt reports whether token j names someone: a person or organisation, a personal
// pronoun, a count ("two were shot"), or a noun whose senses include a person or a group.
func (d *doc) someoneAt(j int) bool {
	w := d.w(j)
	if d.entityIs(j, article.TypePerson, article.TypeOrg) || subjectPronouns[w] || objectPronouns[w] || isDigitToken(w) || numberWords[w] {
		return true
	}
	c := wordclass.Of(unpossessed(w))
	return (c.Any(wordclass.Person) || c.Any(wordclass.Group)) && !livingThing(c)
}

// shotSense reads "shot": someone shot ("he was shot in the head", "a man was shot", "shot
// dead", "gunmen shot two guards") — not footage shot in Morocco, species that can be shot, a
// target shot, or a "first shot in the election".
func (d *doc) shotSense(si, i, end int) bool {
	if d.w(end) == "dead" {
		return true
	}
	if p := d.w(i - 1); d.v.passiveAux[p] || oneOf(p, "get", "got", "gets", "getting") || strings.HasSuffix(p, "ly") {
		subj := d.subjectBefore(si, i)
		if subj < 0 {
			return true // nothing says who: the usual sense
		}
		return d.someoneAt(subj) || !wordclass.Of(d.w(subj)).Known() && d.entAt[subj] < 0
	}
	if o := d.objectHead(si, end); o >= 0 {
		return d.someoneAt(o)
	}
	return d.harmNear(si, i, end)
}

// filmingPrev before "shooting" make it filming ("start shooting the film next year") or
// practice ("practise shooting at targets").
var filmingPrev = words(`start started starts starting begin began begins finish finished
resume resumed wrap wrapped complete completed practise practice practising practicing`)

// shootingThings after "shooting" are what it names a kind of: "a shooting session", "a
// shooting range".
var shootingThings = words(`session sessions range ranges star stars gallery galleries schedule
script location locations practice lesson lessons`)

// shootingSense reads "shooting": people shot at ("the shooting outside the studio", "shooting at
// protesters"), not filming, a shooting session, target practice or shooting for sport.
func (d *doc) shootingSense(si, i, end int) bool {
	prev, next := d.w(i-1), d.w(end)
	switch {
	case filmingPrev[prev] || shootingThings[next]:
		return false
	case next == "for" && d.w(end+1) == "sport":
		return false
	case next == "at" && !determiners[prev]: // "shooting at targets"; "a shooting at a bar" is one
		o := d.objectHead(si, end, "at")
		return o < 0 || d.someoneAt(o)
	}
	if o := d.objectHead(si, end); o == end && !d.someoneAt(o) {
		return false // "shooting the scene", "shooting Racing The Monsoon"
	}
	return true
}

// killedByHappening reports "killed" whose killer is a happening or a force of nature: "the tidal
// wave which killed 150,000", "the fire that killed one miner"; and people killed, with no one
// armed in the sentence, in a story of a disaster ("at least 23,000 people killed" in a story of
// the tsunami): the disaster's dead, not an attack's.
func (d *doc) killedByHappening(si, i, end int) bool {
	if subj := d.subjectBefore(si, i); subj >= 0 && d.entAt[subj] < 0 {
		if c := wordclass.Of(d.w(subj)); c.First(wordclass.Happening) && !c.First(wordclass.Armed) {
			return true
		}
	}
	return d.disasterStory() && !d.harmByArms(si, i, end)
}

// harmByArms reports a word of sentence si outside the trigger at [i, end) that denotes, in its
// first sense, armed people or a weapon ("troops", "gunmen", "a rifle"; not "a campaign", whose
// military sense is a later one, nor a cup's "round" or a player's "shots").
func (d *doc) harmByArms(si, i, end int) bool {
	return d.armedIn(si, i, end, nil)
}

// armedIn is harmByArms with the words play (when not nil) says are used in another sense.
func (d *doc) armedIn(si, i, end int, play func(string) bool) bool {
	s := d.sents[si]
	for j := s.start; j < s.end; j++ {
		w := d.w(j)
		if j >= i && j < end || !isLowerWord(w) || functionWords[w] || gameWeapons[w] || play != nil && play(w) || d.prenominalRank(j) {
			continue
		}
		if c := wordclass.Of(w); c.First(wordclass.Armed) || c.First(wordclass.Weapon) {
			return true
		}
	}
	return false
}

// disasterStoryWords are the strong words of natural disasters and accidents.
var disasterStoryWords = words(`earthquake earthquakes quake tsunami tsunamis flood floods flooding
hurricane typhoon cyclone tornado wildfire wildfires bushfire avalanche landslide mudslide
eruption crash collision derailment capsized sank explosion`)

// disasterStory reports whether the article speaks of a disaster or an accident, counted once.
func (d *doc) disasterStory() bool {
	return d.docCount(&disasterStoryWords) > 0
}

// criticismCue reports a clause after an attack that says what it was criticism of: "attacked
// by the Tories as too little", "attacked the plan for failing to …".
func (d *doc) criticismCue(si, end int) bool {
	s := d.sents[si]
	for j := end; j < s.end && j < end+8; j++ {
		switch w := d.w(j); {
		case w == "," || w == ";" || w == ".":
			return false
		case w == "as" && j > end:
			return true
		case w == "for" && strings.HasSuffix(d.w(j+1), "ing"):
			return true
		}
	}
	return false
}

// verbalClash reports a "clash" with a person, an organisation or a message and nothing armed or
// harmful in its sentence: a row ("Spears clashed with Us Weekly over pictures"), not a fight
// ("clashes with riot police").
func (d *doc) verbalClash(si, i, end int) bool {
	if d.w(end) != "with" {
		return false
	}
	o := d.objectHead(si, end, "with")
	if o < 0 || !(d.someoneAt(o) || wordclass.Of(d.w(o)).First(wordclass.Message)) {
		return false
	}
	return !d.harmNear(si, i, end)
}

// attackSense runs the tests of the attack triggers at [i, end); false when the words around
// it give the trigger another sense than violence done.
func (d *doc) attackSense(si, i, end int) bool {
	if d.screenOrCyberSense(si, i, end) {
		return false
	}
	switch w := d.w(i); w {
	case "attack", "attacks", "attacked", "attacking":
		return !d.verbalAttack(si, i, end) && !d.cyberAttack(si, i, end) && !d.criticismCue(si, end) && !d.campaignAttack(si, i, end)
	case "clash", "clashes", "clashed":
		return !d.verbalClash(si, i, end) && !d.eventClash(si, i, end)
	case "shot":
		return d.shotSense(si, i, end)
	case "shooting":
		return d.shootingSense(si, i, end)
	case "violence", "fighting":
		return !d.abstractViolence(si, i, end)
	case "killed", "killing", "killings":
		return !d.killedByHappening(si, i, end)
	}
	return true
}

// campaignAttackHeads follow "attack" in a campaign's compounds: "attack ads", "an attack
// campaign", "the attack dog", "new attack lines".
var campaignAttackHeads = words(`ad ads advert adverts advertisement advertisements campaign campaigns
dog dogs line lines mailer mailers spot spots video videos`)

// campaignAttack reports a campaign's attack (issue #19, political news): criticism one candidate
// or party aims at another ("Trump's attacks", "attacks from his rivals", "a super PAC attack
// ad") — in a story of elections more than of arms, with no word of harm or arms in the
// sentence (the word classes' armed senses are too wide here: "fight", "battle", "tough"), and with the attacker someone: a person or organisation named as the possessor or
// after "by"/"from", or a noun of people ("his rivals"). A terrorist's attack has arms about it.
func (d *doc) campaignAttack(si, i, end int) bool {
	if w := d.w(i); w != "attack" && w != "attacks" {
		return false
	}
	if d.sentenceCount(si, violenceWords)+d.sentenceCount(si, armsStoryWords) > 0 || !d.electionStory() {
		return false
	}
	if campaignAttackHeads[d.w(end)] {
		return true
	}
	if j := d.possessorAt(i); j >= 0 && d.entityIs(j, article.TypePerson, article.TypeOrg) {
		return true
	}
	if oneOf(d.w(i-1), "and", "or") && wordclass.Of(d.w(i-2)).First(wordclass.Message) ||
		oneOf(d.w(end), "and", "or") && wordclass.Of(d.w(end+1)).First(wordclass.Message) {
		return true // "his insults and attacks"
	}
	if oneOf(d.w(end), "by", "from") {
		if d.entAt[end+1] >= 0 || politicalTitles[strings.TrimSuffix(d.w(end+1), ".")] {
			return true // "attacks from Republicans", "attacks from New Jersey Gov. Chris Christie"
		}
		o := d.objectHead(si, end, "by", "from")
		return o >= 0 && (d.entityIs(o, article.TypePerson, article.TypeOrg) || d.entAt[o] < 0 && someone(wordclass.Of(d.w(o))))
	}
	return false
}

// politicalTitles stand before a politician's name: "Gov. Chris Christie", "Sen. Cruz".
var politicalTitles = words(`gov governor sen senator rep congressman congresswoman mr mrs ms president`)

// campaignStoryWords and armsStoryWords are the strong words of an election campaign and of
// armed violence (the word classes' "armed" first senses are too wide for this: "general",
// "aide", "charge").
var campaignStoryWords = words(`primary primaries caucus caucuses voters delegates nominee nomination
candidate candidates candidacy campaign campaigns ballot ballots debate debates`)
var armsStoryWords = words(`gun guns gunman gunmen gunfire shooter shooters rifle rifles bomb bombs
bomber bombers bombing explosives terrorist terrorists terror militants militant troops soldiers
weapons killed dead wounded`)

// electionStory reports whether the article speaks of an election campaign more than of armed
// violence (each counted once).
func (d *doc) electionStory() bool {
	return d.docCount(&campaignStoryWords) > 2*d.docCount(&armsStoryWords)
}

// possessorAt returns the token of the possessor before token i ("Trump's attacks", "Sanders'
// attack"), -1 when none.
func (d *doc) possessorAt(i int) int {
	switch p := d.w(i - 1); {
	case p == "'s" || p == "’s" || p == "'" || p == "’":
		return i - 2
	case p == "s" && (d.w(i-2) == "'" || d.w(i-2) == "’"):
		return i - 3
	case len(p) > 2 && (strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s")):
		return i - 1
	}
	return -1
}
