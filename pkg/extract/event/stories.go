package event

import "github.com/newsmon/newsmon/pkg/extract/wordclass"

// Kinds of story beyond sports that give attack words another sense (issue #19, from an audit of
// unseen BBC stories): in a story of films and games a "shot" or a "shooting" is filming or play
// ("parts of the film to be shot in the museum", "location shooting in Las Vegas", "shooting
// enemies from a distance"), and in a story of computer crime an "attack" is a hacker's ("older
// attacks relied on users", "a typical security attack") — unless the sentence itself speaks of
// harm done or of arms.

// storyKind names one kind of story read from the words of the whole text.
type storyKind uint8

const (
	screenStory storyKind = iota // films, television drama and video games
	cyberStory                   // computer crime and security
	storyKinds
)

// storyWords are, per kind, words that stories of other kinds rarely use.
var storyWords = [storyKinds]map[string]bool{
	screenStory: words(`film films movie movies director directors actor actors actress actresses cinema
cinemas screenplay sequel sequels filming filmed hollywood box-office starring premiere trailer
gamers gameplay console consoles playstation xbox`),
	cyberStory: words(`virus viruses worm worms spyware malware phishing hacker hackers hacking spam
spammers denial-of-service botnet trojan trojans ransomware cybercrime cybercriminals firewall
firewalls keystroke password passwords anti-virus antivirus scammer scammers`),
}

// storyMin is how many of a kind's words, of at least two forms, make a story of that kind.
const storyMin = 3

// isStory reports whether the text is a story of kind k, counted once per document.
func (d *doc) isStory(k storyKind) bool {
	if d.storyCounted[k] {
		return d.story[k]
	}
	d.storyCounted[k] = true
	d.story[k] = d.storyOf(storyWords[k], storyMin)
	return d.story[k]
}

// screenOrCyberSense reports an attack trigger at [i, end) used in the sense a film, game or
// computer story gives it: "shot"/"shooting" in a story of films or games, "attack" in a story of
// computer crime, with no harm done and nothing armed in the sentence.
func (d *doc) screenOrCyberSense(si, i, end int) bool {
	var k storyKind
	switch d.w(i) {
	case "shot", "shooting":
		k = screenStory
	case "attack", "attacks", "attacked":
		k = cyberStory
	default:
		return false
	}
	return d.isStory(k) && !d.harmNear(si, i, end)
}

// eventClash reports a "clash" of dates or of interests: with or between an event, a time or an
// abstraction ("the clash with last Sunday's ceremony", "a clash between the two economic
// powers"), with nothing harmful or armed in its sentence.
func (d *doc) eventClash(si, i, end int) bool {
	if !oneOf(d.w(end), "with", "between") {
		return false
	}
	o := d.objectHead(si, end, "with", "between")
	if o < 0 || d.entAt[o] >= 0 {
		return false
	}
	c := wordclass.Of(d.w(o))
	return (c.First(wordclass.Happening) || c.First(wordclass.Time) || c.First(wordclass.Abstraction)) && !d.harmNear(si, i, end)
}

// storyOf reports whether at least min tokens of the text, of at least two forms, are in set.
func (d *doc) storyOf(set map[string]bool, min int) bool {
	n, first, other := 0, "", false
	for t := range d.toks {
		if w := d.w(t); set[w] {
			n++
			if first == "" {
				first = w
			} else if w != first {
				other = true
			}
		}
	}
	return n >= min && other
}
