package quote

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// Person epithets as a reader resolves them. After "David Beckham expressed his relief …", "the
// England skipper admitted" is Beckham; after "Bortolami feels the contest could be bruising",
// "said the lock forward" is Bortolami: a definite description headed by a noun for a person's
// standing trade or title, with a team, a nation or adjectives before it, stands for the person the
// sentences before have as their subject (demonymReferent). Names inside quotation marks are
// talked about, not the subject, even before the quotes are read (quotationStretches).

// relationalPersons are person nouns that describe someone by a tie to another or by a part they
// play in one event ("the lawyer", "the spokesman", "the victim", "the mother"): such a description
// is usually someone other than the person just written about, so it is never resolved to them.
var relationalPersons = wordSet(`spokesman spokeswoman spokesperson official officer source aide adviser
advisor assistant deputy analyst expert economist person man woman boy girl child baby member
employee worker resident witness observer insider diplomat representative lawyer attorney counsel
agent staffer friend relative neighbour neighbor colleague partner ally rival critic supporter
opponent victim suspect defendant plaintiff prosecutor judge juror doctor nurse surgeon physician
patient policeman policewoman detective investigator coroner officer customer client user consumer
voter student pupil parent father mother son daughter wife husband brother sister uncle aunt cousin
grandfather grandmother widow widower boyfriend girlfriend fiancé fiancee owner buyer seller
landlord tenant driver passenger pilot teacher priest bishop employer successor predecessor
opponent challenger reporter correspondent interviewer host moderator caller listener viewer fan
spectator referee umpire official negotiator mediator envoy emissary messenger intermediary
translator interpreter secretary clerk guard soldier hostage captive prisoner inmate gunman
attacker killer murderer thief robber survivor`)

// epithetHead reports whether a lower-case noun may head an epithet for the person a story is about:
// a trade or title (personEpithet, personNoun) or a noun WordNet knows first as a person, not a
// relational one. "mother-of-nine", "father-of-two" are epithets whatever their head.
func epithetHead(w string) bool {
	if i := strings.Index(w, "-of-"); i > 0 {
		return nounClass(w[:i]) == 'p'
	}
	if relationalPersons[w] || groupNouns[w] || singular(w) != w && !strings.HasSuffix(w, "ss") {
		return false
	}
	return personEpithet(w) || personNoun(w) || nounClass(w) == 'p'
}

// personEpithetPhrase reads "the England skipper", "the lock forward", "The Oscar winner": "the",
// then one to three modifiers (lower-case words, or capitalised ones naming a team, a nation or an
// award), then an epithet head (toks[p.b]). except is the name inside the phrase, if any, which is
// never its referent. It sets q's speaker and reports whether it did.
func (d *doc) personEpithetPhrase(q *found, toks []text.Token, p np, except string) bool {
	if lower(toks[p.a].Text) != "the" || p.b-p.a < 2 || p.b-p.a > 4 || !epithetHead(lower(toks[p.b].Text)) {
		return false
	}
	for i := p.a + 1; i < p.b; i++ {
		if t := toks[i].Text; !text.IsWord(t) || possessive(t) || prepositions[lower(t)] || npStops[lower(t)] {
			return false
		}
	}
	start, end := toks[p.a].Start, toks[p.b].End
	ref := d.subjectPersonBefore(start)
	if ref == nil || ref.name == except {
		return false
	}
	q.spk, q.kind, q.mStart, q.mEnd = ref, kindNominal, start, end
	if q.role == "" {
		q.role = roleText(d.s[start:end])
	}
	return true
}

// subjectPersonBefore is the person an epithet at pos stands for: the person named in a clause
// opening its own sentence ("When Hewitt shook his hand, the Australian said"), else the subject of
// the nearest of the three sentences before that has a name as its subject (nameSubject), no further
// back than the paragraph before — nil when that subject is an organisation, a possessive ("Ferguson's
// side") or no person.
func (d *doc) subjectPersonBefore(pos int) *speakerRef {
	lo, s0 := d.paragraphsBefore(pos), d.sentenceStart(pos)
	if k := d.tokenIndex(s0); k < len(d.toks) && subordinators[d.toks[k].Text] {
		if m := d.subjectPerson(s0, pos); m != nil {
			return m
		}
	}
	end := s0
	for n := 0; n < 3; n++ {
		k := d.tokenIndex(end) - 1
		if k < 0 {
			return nil
		}
		if s0 = d.sentenceStart(d.toks[k].Start); s0 < lo {
			return nil
		}
		m, unclear := d.nameSubject(s0, end)
		if unclear {
			return nil
		}
		if m != nil {
			if m.typ != article.TypePerson || d.possessiveAt(m.end) || !d.personLike(m) {
				return nil
			}
			return m
		}
		end = s0
	}
	return nil
}

// talkedAbout reports whether the name at byte pos lies inside a quote already read or between
// quotation marks: a name there is talked about, not the subject of the sentence.
func (d *doc) talkedAbout(pos int) bool {
	return d.inQuote(pos) || inSpans(d.marked, pos)
}

// quotationStretches are the stretches of s between double quotation marks, each within one line: “…”
// pairs, and straight quotes told apart by what stands around them. Read before any quote is, they let a subject search
// skip names that someone's words mention.
func quotationStretches(s string) []placeSpan {
	var spans []placeSpan
	open, straight := -1, false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\n':
			open = -1
		case s[i] == '"':
			// an opener stands after a space or the line's start and before a word; a closer
			// after a word (so "… this year. "For …" opens again rather than closing)
			opener := (i == 0 || s[i-1] == ' ' || s[i-1] == '\n' || s[i-1] == '(') && i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\n'
			if opener {
				open, straight = i+1, true
			} else if open >= 0 && straight {
				spans = append(spans, placeSpan{open, i})
				open = -1
			}
		case s[i] != 0xE2: // the first byte of both curly marks
		case strings.HasPrefix(s[i:], "“"):
			open, straight = i+len("“"), false
			i += len("“") - 1
		case strings.HasPrefix(s[i:], "”"):
			if open >= 0 && !straight {
				spans = append(spans, placeSpan{open, i})
			}
			open = -1
			i += len("”") - 1
		}
	}
	return spans
}
