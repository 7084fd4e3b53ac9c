package quote

import (
	"sort"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Pronouns and gender: he/she/they/it resolved to the nearest fitting speaker or mention.

// resolvePronouns turns he/she/they/it into the most recent named speaker of a fitting type,
// falling back to the most recent fitting mention before the quote, and gives a quote that only
// continues the one before it that quote's speaker.
func resolvePronouns(d *doc, qs []found) {
	d.quoted, d.reported = d.quoted[:0], d.reported[:0]
	for i := range qs {
		if qs[i].direct {
			d.quoted = append(d.quoted, placeSpan{qs[i].start, qs[i].end})
		} else {
			d.reported = append(d.reported, placeSpan{qs[i].start, qs[i].end})
		}
	}
	var lastPerson, lastOrg, lastGroup *speakerRef
	// where each was last spoken of: a nominal or a pronoun that resolved to a name brings the name
	// forward, so a mention the reader already passed over does not take a later pronoun from it
	var lastPersonAt, lastOrgAt, lastGroupAt int
	var lastDirect *found
	for i := range qs {
		q := &qs[i]
		prev := lastDirect
		if q.cue == "" && q.spk == nil && !q.pronoun && i > 0 && q.direct && !qs[i-1].direct && qs[i-1].end <= q.start &&
			!strings.Contains(d.s[qs[i-1].end:q.start], "\n") && qs[i-1].spk != nil {
			// "Bill Jensen, 45, said he is undecided. “Nobody is talking …”": a cue-less quote right
			// after reported speech in its paragraph goes on with that speaker.
			prev, q.inherit = &qs[i-1], true
		}
		if q.inherit && q.spk == nil && prev != nil {
			q.spk, q.mStart, q.mEnd, q.role, q.kind = prev.spk, prev.mStart, prev.mEnd, prev.role, prev.kind
			if q.cue == "" {
				q.cue, q.cueStart, q.cueEnd = prev.cue, prev.cueStart, prev.cueEnd
			}
		}
		spokesAgain(d, qs, i)
		descriptionAgain(d, qs, i)
		bodyAgain(d, qs, i)
		if q.pronoun && q.spk == nil {
			p := d.s[q.mStart:q.mEnd]
			if base := contractedPronoun(p); base != "" {
				p = base // "he’s"
			}
			org := strings.EqualFold(p, "they") || strings.EqualFold(p, "them") || strings.EqualFold(p, "it")
			if strings.EqualFold(p, "we") || p == "I" {
				continue
			}
			last, lastAt := lastPerson, lastPersonAt
			if org {
				last, lastAt = lastOrg, lastOrgAt
			}
			want := pronounGender(p)
			if last != nil && !org && !d.genderFits(last.name, want) {
				last = nil
			}
			// The later of the last named speaker and the last fitting mention wins; a name inside
			// what someone reported ("He pointed out that Franz Ferdinand … were signed. “…,” he
			// added") is talked about, and yields to that speaker.
			q.spk = last
			// A name only as someone's possessive inside a clause ("… a bearing on Hewitt's
			// performances") does not take over from the person last quoted: the story is still about
			// the speaker. (Opening its sentence, "Bellamy's outburst …", the name is its topic.)
			if m := d.lastMentionBefore(q.mStart, org, want, last != nil); m != nil && (last == nil || m.start > lastAt && !(d.possessiveAt(m.end) && d.sentenceStart(m.start) != m.start && d.isEntity(last))) {
				q.spk = m
			}
			if v := spokesVoice(d, qs, i, want); v != nil && (q.spk == nil || q.spk.start < qs[i-1].cueStart) {
				q.spk = v // "A spokesman for the association said …. He said …": the spokesman again
			}
			if q.spk == nil && want != 0 {
				// No one of that gender: the evidence was wrong or missing, take the nearest person.
				q.spk = lastPerson
				if m := d.lastMentionBefore(q.mStart, false, 0, false); m != nil && (q.spk == nil || m.start > q.spk.start) {
					q.spk = m
				}
			}
			if q.spk == nil {
				q.spk = personVoice(d, qs, i, want)
			}
			if q.spk == nil && (strings.EqualFold(p, "they") || strings.EqualFold(p, "them")) {
				q.spk = lastPerson
				if lastGroup != nil && (lastPerson == nil || lastGroupAt > lastPersonAt) {
					q.spk = lastGroup // "…, banking sources said. They said …"
				}
			}
			if q.spk != nil && (strings.EqualFold(p, "they") || strings.EqualFold(p, "them")) && d.isPlace(q.spk) {
				// "Brazil insists …, officials and delegates said. They said …": a country acting is
				// an "it"; "they" are the people last spoken of, or no one the text names
				q.spk = nil
				if lastGroup != nil {
					q.spk = lastGroup
				}
			}
			if q.spk != nil && d.thing(q.spk) {
				// a thing read as an earlier cue's subject ("noted the rule") is no antecedent
				q.spk = d.lastMentionBefore(q.mStart, org, want, false)
			}
			if want != 0 && afterGroup(qs, i, lastGroup, lastGroupAt) {
				q.spk = nil
			}
			if q.spk != nil && want != 0 {
				d.learnGender(q.spk.name, want) // "she" said it, so later "he" is someone else
			}
		}
		if q.direct {
			lastDirect = q
		}
		if q.spk != nil && !d.thing(q.spk) {
			at := q.spk.start
			if q.kind == kindNominal || q.kind == kindPronoun {
				at = max(at, q.mStart)
			}
			if d.describedAround(q) {
				// a name inside the described speaker ("The Communist Party newspaper said") is part of
				// the description, not someone newly written about
				at = max(at, q.spk.end-1)
			}
			if q.spk.typ == article.TypeOrg {
				lastOrg, lastOrgAt = q.spk, at
			} else if !d.isEntity(q.spk) && pluralDescription(q.spk.name) {
				// "banking sources", "the economists": many people, never the antecedent of a he or she
				lastGroup, lastGroupAt = q.spk, at
			} else {
				lastPerson, lastPersonAt = q.spk, at
			}
		}
	}
}

// lastMentionBefore is the antecedent a pronoun at pos finds among the mentions: the latest fitting
// one (the subject of its sentence when that fits too), outside direct quotes, and outside reported
// speech when skipReported (a named speaker is there to fall back on).
func (d *doc) lastMentionBefore(pos int, org bool, gender byte, skipReported bool) *speakerRef {
	want := article.TypePerson
	if org {
		want = article.TypeOrg
	}
	fits := func(m *speakerRef) bool {
		return m.typ == want && (org || d.genderFits(m.name, gender) && d.personLike(m)) && !d.inQuote(m.start) &&
			!(skipReported && inSpans(d.reported, m.start))
	}
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.end > pos || !fits(m) {
			continue
		}
		// The sentence's subject is the likelier antecedent than a name later in it ("Jepkemboi …
		// won, beating Ethiopia's Almaz Tesfaye. She said …"): the first fitting mention of the
		// sentence, unless it is someone else's possessive.
		lo := d.sentenceStart(m.start)
		for k := i - 1; k >= 0 && d.mentions[k].start >= lo; k-- {
			if c := &d.mentions[k]; fits(c) && c.name != m.name && !d.possessiveAt(c.end) {
				m = c
			}
		}
		return m
	}
	return nil
}

// inQuote reports whether pos lies inside a direct quote's words: a name there is someone talked
// about, never the antecedent of the "he said" that follows.
func (d *doc) inQuote(pos int) bool { return inSpans(d.quoted, pos) }

// inSpans reports whether pos lies inside one of spans, sorted by start and not overlapping.
func inSpans(spans []placeSpan, pos int) bool {
	i := sort.Search(len(spans), func(k int) bool { return spans[k].end > pos })
	return i < len(spans) && spans[i].start <= pos
}

// spokesVoice is the body a described spokesperson speaks for, when the quote before qs[i] was
// theirs ("A spokesman for the British Casino Association said …") and qs[i]'s he/she, in the next
// sentence, goes on with them; else nil.
func spokesVoice(d *doc, qs []found, i int, want byte) *speakerRef {
	if i == 0 || want == 0 {
		return nil
	}
	prev := &qs[i-1]
	if prev.spk == nil || prev.spk.typ != article.TypeOrg || prev.mEnd <= prev.mStart || prev.end > qs[i].mStart {
		return nil
	}
	if strings.Count(d.s[prev.end:qs[i].mStart], "\n\n") > 1 {
		return nil // (the next paragraph may go on with them: "A KLM spokeswoman said ….\n\nShe said …")
	}
	if prev.pronoun && pronounGender(d.s[prev.mStart:prev.mEnd]) == want {
		return prev.spk // "He said …. “…,” he said.": still the spokesman
	}
	for _, w := range strings.Fields(lower(d.s[prev.mStart:prev.mEnd])) {
		switch w {
		case "spokesman", "spokesperson", "representative", "official":
			return prev.spk
		case "spokeswoman":
			if want == 'f' {
				return prev.spk
			}
		}
	}
	return nil
}

// sentenceStart is the byte offset where the sentence holding pos starts: after the last full stop
// or paragraph break before it (looking back at most 60 tokens).
func (d *doc) sentenceStart(pos int) int {
	i := d.tokenIndex(pos)
	for n := 0; i > 0 && n < 60; i, n = i-1, n+1 {
		if t := d.toks[i-1].Text; t == "." || t == "?" || t == "!" || strings.Contains(d.s[d.toks[i-1].End:d.toks[i].Start], "\n") {
			break
		}
	}
	if i < len(d.toks) {
		return d.toks[i].Start
	}
	return pos
}

// possessiveAt reports whether the name ending at byte end is a possessive ("Trump's approach").
func (d *doc) possessiveAt(end int) bool {
	r := d.s[end:min(len(d.s), end+4)]
	return strings.HasPrefix(r, "'s") || strings.HasPrefix(r, "’s") || strings.HasPrefix(r, "’") || strings.HasPrefix(r, "'")
}

// pronounGender is 'm' for he, 'f' for she, 0 otherwise.
func pronounGender(p string) byte {
	switch lower(p) {
	case "he", "him":
		return 'm'
	case "she", "her":
		return 'f'
	}
	return 0
}

// genderFits reports whether a person may be referred to with a pronoun of the given gender: true
// unless an honorific ("Mr.", "Mrs.", "Ms.") or an earlier he/she said otherwise.
func (d *doc) genderFits(name string, want byte) bool {
	if want == 0 {
		return true
	}
	if d.genders == nil {
		d.genders = map[string]byte{}
		for i := range d.mentions {
			m := &d.mentions[i]
			if m.typ != article.TypePerson {
				continue
			}
			if g := honorificGender(d.titleBefore(m.start)); g != 0 {
				d.genders[m.name] = g
			} else if g := honorificGender(m.name); g != 0 {
				d.genders[m.name] = g
			}
		}
	}
	g := d.genders[name]
	if g == 0 {
		g = givenGender(name)
	}
	return g == 0 || g == want
}

func (d *doc) learnGender(name string, g byte) {
	if d.genders == nil {
		d.genderFits(name, g) // builds the map
	}
	if d.genders[name] == 0 {
		d.genders[name] = g
	}
}

// honorificGender reads "Mr." / "Mrs." / "Ms." at the end of the words before a name (or at the
// start of a name that includes it).
func honorificGender(s string) byte {
	f := strings.Fields(s)
	if len(f) == 0 {
		return 0
	}
	for _, w := range []string{f[len(f)-1], f[0]} {
		switch strings.TrimSuffix(w, ".") {
		case "Mr", "Sir", "Lord", "King":
			return 'm'
		case "Mrs", "Ms", "Miss", "Madam", "Dame", "Lady", "Queen":
			return 'f'
		}
	}
	return 0
}

// pluralDescription reports whether a described speaker ends in a plural noun: "banking sources",
// "Economists", "the Merrill Lynch executives".
func pluralDescription(name string) bool {
	w := name[strings.LastIndexByte(name, ' ')+1:]
	lw := lower(w)
	if text.IsCapitalized(w) {
		return peoplePlural(w)
	}
	return len(lw) > 3 && singular(lw) != lw && !strings.HasSuffix(lw, "ss")
}

// afterGroup reports whether the he or she of qs[i], resolved to someone named before the group
// lastGroup spoke, comes right after that group's words ("Deputies from three provinces said ….
// One said …. “…,” he said."): one of them speaks, not the person named before.
func afterGroup(qs []found, i int, lastGroup *speakerRef, lastGroupAt int) bool {
	q := &qs[i]
	return q.spk != nil && i > 0 && lastGroup != nil && qs[i-1].spk == lastGroup && q.spk.start < lastGroupAt
}

// isPlace reports whether the speaker r is exactly a place of the text (a country or city read as
// its government, "Brazil said").
func (d *doc) isPlace(r *speakerRef) bool {
	pl, ok := d.placeAt(r.start)
	return ok && pl.start == r.start && pl.end == r.end
}
