package quote

import (
	"sort"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Corrections of the span npBefore/npAfter read as the cue's subject, made before the phrase is
// resolved: a month opening it ("In March Ecuador said") is a time, a name the tagger found longer
// than the phrase ("according to the Office for National Statistics") is read whole, and a place
// after "in"/"from" ("the office in Baghdad said", "Redvers, 34, from Hartpury, said") is where the
// subject is, not the subject.

// timeBeforeSubject are words that put a month or weekday before the subject of a clause.
var timeBeforeSubject = wordSet(`in on since by until last`)

// locativePrepositions put a place after the subject it locates.
var locativePrepositions = wordSet(`in from at`)

// subjectSpan returns p with an opening month and a closing year phrase dropped, and, after an
// inverted cue, widened to the end of a name that runs past it.
func (d *doc) subjectSpan(toks []text.Token, p np) np {
	if p.a < p.b && p.a > 0 && dateWords[lower(toks[p.a].Text)] && text.IsCapitalized(toks[p.a+1].Text) &&
		timeBeforeSubject[lower(toks[p.a-1].Text)] {
		p.a++ // "In March Ecuador said": the month dates the clause; Ecuador is its subject
	}
	if p.b-1 > p.a && year(toks[p.b].Text) && yearPhrase(toks, p.b-1) {
		p.b -= 2 // "The party's nominee in 2012 said": the nominee, dated
	}
	if m := d.mentionPast(toks[p.a].Start, toks[p.b].End); m != nil && p.after {
		// (only after an inverted cue, where npAfter stops inside a name; before a cue, a name
		// running past the phrase runs into an aside: "Florian Hamm - Borussia Dortmund's …")
		for i := p.b + 1; i < len(toks) && toks[i].End <= m.end; i++ {
			p.b = i // "the Office | for National Statistics": the name the tagger read whole
		}
	}
	return p
}

// mentionPast returns a PERSON/ORG mention that starts inside [start, end) and ends after end.
func (d *doc) mentionPast(start, end int) *speakerRef {
	i := sort.Search(len(d.mentions), func(k int) bool { return d.mentions[k].start >= start })
	for ; i < len(d.mentions) && d.mentions[i].start < end; i++ {
		if d.mentions[i].end > end {
			return &d.mentions[i]
		}
	}
	return nil
}

// locatedSubject returns the phrase before a preposition that opens p with the place p holds ("the
// Pentagon's office | in Baghdad said", "Redvers, 34, | from Hartpury, said"): the subject the place
// locates. ok is false when p is no such place or nothing stands before the preposition.
func (d *doc) locatedSubject(toks []text.Token, p np) (np, bool) {
	if p.after || p.a < 2 || !locativePrepositions[toks[p.a-1].Text] {
		return np{}, false
	}
	pl, ok := d.placeAt(toks[p.a].Start)
	if !ok || pl.start != toks[p.a].Start || pl.end < toks[p.b].End {
		return np{}, false
	}
	before, ok := npBefore(toks, p.a-1)
	if !ok || before.none || before.b >= p.a-1 {
		return np{}, false
	}
	return before, true
}

// loneOpeningWord reads a capitalised word alone at its sentence's start that the article never
// uses as a name: a word for people ("Others said", "Many argue") describes them and names no one.
// It reports whether it decided.
func (d *doc) loneOpeningWord(q *found, toks []text.Token, p np) bool {
	w := toks[p.a].Text
	start := toks[p.a].Start
	if p.a != p.b || p.after || d.sentenceStart(start) != start || d.namedAnywhere(w) || d.mentionAt(start) != nil {
		return false
	}
	if !peopleWords[lower(w)] {
		return false
	}
	q.spk = &speakerRef{start: start, end: toks[p.a].End, name: w, typ: article.TypePerson}
	q.kind = kindAnonymous
	return true
}

// titleOfPlace reads a phrase whose head toks[h], a title or a noun for people, comes before a
// preposition and a place ("The MP for Ealing North claimed", "the Archbishop of Cardiff, the Most
// Reverend Peter Smith, told"): the person the appositive names, else the holder of the title as
// byPlace finds it — never the place. It reports whether it decided.
func (d *doc) titleOfPlace(q *found, toks []text.Token, p np, h int) bool {
	if p.roleE > p.roleStart {
		if m := d.firstMentionIn(p.roleStart, p.roleE); m != nil && m.typ == article.TypePerson {
			q.spk, q.kind, q.mStart, q.mEnd = m, kindNamed, m.start, m.end
			q.role = d.s[toks[p.a].Start:toks[p.b].End]
			return true
		}
	}
	return d.byPlace(q, toks, p, h)
}

// pastPlacesAndTimes skips, from toks[i], the comma-closed pieces of an opening phrase that go on
// after its first comma and name no one: a place ("At an event in Ames, | Iowa, | on Sunday, |
// Mrs. Clinton …, saying") or a phrase opened by a preposition or a time. It returns where the
// clause's subject may start; at least one word before toks[k] is left.
func (d *doc) pastPlacesAndTimes(toks []text.Token, i, k int) int {
	for i < k {
		j := i
		for j < k && j-i < 12 && toks[j].Text != "," {
			j++
		}
		if j >= k-1 || j == i || toks[j].Text != "," || d.lastMentionIn(toks[i].Start, toks[j-1].End) != nil {
			return i
		}
		w := lower(toks[i].Text)
		pl, isPlace := d.placeAt(toks[i].Start)
		if !(isPlace && pl.start == toks[i].Start && pl.end >= toks[j-1].End || prepositions[w] || dateWords[w]) {
			return i
		}
		i = j + 1
	}
	return i
}

// yearPhrase reports whether toks[j] opens a phrase that dates the noun before it ("the party's
// nominee in 2012", "chairman since 2011"): a time preposition and a year. The phrase belongs to
// the subject, whose head is the noun, not the year.
func yearPhrase(toks []text.Token, j int) bool {
	switch lower(toks[j].Text) {
	case "in", "since", "until", "from", "of":
		return j+1 < len(toks) && year(toks[j+1].Text)
	}
	return false
}
