package event

import "strings"

// The domain of a story decides the sense of words a sports report and a war report share
// (issue #19): in a match report "attack", "clash", "shot", "strike" and "strikers", "fighting",
// "visit" and "trip" are a team's play and fixtures, not violence, protests or official trips —
// unless the sentence itself is armed. Computing and the net give "attack" another sense too: a
// virus or spam attack is no act of violence.

// sportsStoryWords are the words of match reports that news of other kinds rarely uses; a story
// with several of them is a sports story.
var sportsStoryWords = words(`match matches striker strikers goal goals league tournament coach
scored scoring winger midfielder midfielders defender defenders goalkeeper keeper fixture fixtures
semi-final semi-finals quarter-final quarter-finals rugby football soccer tennis cricket athletics
sprinter sprinters olympic squad referee injury-time half-time wicket innings seeded premiership
playoff playoffs championship championships title-holders first-round second-round third-round
fourth-round kick-off touchdown inning pitcher finals champion champions medal medals heptathlon
marathon hurdles relay seed seeds rankings tiebreak tie-break opponent opponents caps capped
flanker fly-half scrum-half hooker scrum lineout full-back back-row stadium unbeaten team-mate
team-mates teammates scoreline hat-trick equaliser equalizer`)

// sportsStoryMin is how many sports words, of at least two kinds, make a story a sports story:
// one or two are passing mentions ("the football club's sponsor", "relay services", a company
// called Champion); a match report has several.
const sportsStoryMin = 3

// sportsSenseForms are the triggers a match report uses in its own sense.
var sportsSenseForms = words(`attack attacks attacked attacking clash clashes clashed shot shots
shooting fighting strike strikes strikers striker visit visits visited visiting trip trips travel
travels travelled traveled travelling traveling meet meets met meeting meetings crashed crash vote
votes`)

// officialWords in a sentence of a sports story make a meeting one of officials, not a match: "the
// fixtures were hammered out at a meeting", "officials met representatives from Switzerland".
var officialWords = words(`officials official representatives delegates executives board committee
chairman chairmen ministers minister agenda talks fixtures schedule`)

// sportsStory reports whether the article is a match or sports report, counted once per document.
func (d *doc) sportsStory() bool {
	if d.sportsCounted {
		return d.sports
	}
	d.sportsCounted = true
	d.sports = d.storyOf(sportsStoryWords, sportsStoryMin)
	return d.sports
}

// sportsSense reports a trigger of a sports story used in its sports sense: one of
// sportsSenseForms in a sentence with nothing armed and no weapon ("the Scots' attack",
// "Hantuchova's clash with Williams", "a 20-yard shot", "Everton visit Plymouth").
func (d *doc) sportsSense(si, i int) bool {
	if !sportsSenseForms[d.w(i)] || !d.sportsStory() {
		return false
	}
	if strings.HasPrefix(d.w(i), "me") && d.sentenceHas(si, officialWords) {
		return false
	}
	return !d.armedBeyondPlay(si, i, i+1)
}

// playWords are words a match report uses whose first sense WordNet gives as armed or military:
// a rugby "flanker", a "squad", a "fight to the finish", a "battle" for the title.
var playWords = words(`fight fights fighting battle battles defence defense defences warriors`)

// armedBeyondPlay is harmByArms for a sports story: the words of play (sportsStoryWords and
// playWords) arm no one.
func (d *doc) armedBeyondPlay(si, i, end int) bool {
	return d.armedIn(si, i, end, func(w string) bool { return sportsStoryWords[w] || playWords[w] })
}

// gameWeapons are weapons' words that games use in their own sense: a cup's next "round", a
// player's "shots".
var gameWeapons = words(`round rounds shot shots`)

// cyberWords name computers, networks and malicious software: an "attack" by or on them, or a
// "net attack", is a computer's, not an act of violence.
var cyberWords = words(`net internet online cyber cyber-attack computer computers network networks
virus viruses worm worms spyware malware phishing hack hacks hacker hackers hacking spam spammers
denial-of-service denial software website websites server servers e-mail email pc pcs botnet
trojan trojans ransomware`)

// cyberAttack reports an "attack" at [i, end) of computers: a cyber word among the three words
// before it ("spyware attack", "a denial of service attack", "malicious net attacks") or after it
// in its clause ("attack by malicious hackers", "attacks on networks").
func (d *doc) cyberAttack(si, i, end int) bool {
	s := d.sents[si]
	for j := max(s.start, i-4); j < i; j++ {
		if cyberWords[d.w(j)] {
			return true
		}
	}
	for j := end; j < s.end && j < end+5; j++ {
		w := d.w(j)
		if cyberWords[w] {
			return true
		}
		if w == "," || w == ";" || w == "." {
			break
		}
	}
	return false
}

// inDate reports whether token i lies in a date the dates extractor found ("March 30", "May
// 2005"), where a month's name is no trigger; or is a month's name before a day of the month or
// a slash ("march 20, 1990", "MARCH 30 -", "March/April") that the extractor left alone.
func (d *doc) inDate(i int) bool {
	if d.dateAt[i] >= 0 {
		return true
	}
	if w := d.w(i); w != "march" && w != "may" {
		return false
	}
	n := d.w(i + 1)
	if n == "/" || len(n) > 0 && n[0] == '/' {
		return true
	}
	if len(n) == 0 || len(n) > 2 || !allDigits(n) {
		return false
	}
	day := atoi2(n)
	return day >= 1 && day <= 31
}
