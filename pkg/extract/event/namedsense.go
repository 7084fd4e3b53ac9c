package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Names that end in an event word but name no event held (issue #19, from an audit of unseen BBC
// and Reuters stories): a name that goes on past its event word ("Fair Trials Abroad", "the
// Scottish Exhibition and Conference Centre"), a company in apposition ("Rockstar Games, the makers
// of …"), a country's legislature ("the U.S. Congress"), a television programme ("BBC sketch
// programme The Fast Show"); and a sentence's first function word or a month's name read as the
// first word of a name ("But Fair …", "July United Nations Conference").

// programmeWords before a "Show" make it a broadcast programme, not a trade show.
var programmeWords = words(`programme programmes program programs series episode episodes sitcom
sketch airing aired airs broadcast broadcasts channel presenter presented hosted host hosts hosting
producing produced presenting presents`)

// leadWords are capitalised function words that open a sentence, not a name.
var leadWords = words(`but and a an or so yet as at in on for if when while after before`)

// continuesName reports a name whose span r is followed by more of a name: a capitalised word
// mid-sentence ("Fair Trials Abroad"), or "and"/"&" and another event word that goes on
// ("Exhibition and Conference Centre").
func (d *doc) continuesName(r ref) bool {
	j := r.tEnd
	if j >= len(d.toks) || d.tokSent[j] != d.tokSent[r.tEnd-1] {
		return false
	}
	if oneOf(d.w(j), "and", "&") {
		j++
		if _, head := d.v.heads[d.w(j)]; !head {
			return false // two names: "the Newport Jazz Festival and Carnegie Hall"
		}
	}
	return j < len(d.toks) && d.capitalisedMid(j) && !isMonth(d.w(j)) && d.dateAt[j] < 0
}

// apposedBody reports a name followed by an apposition whose head is a person or a body ("Rockstar
// Games, the makers of Manhunt"): an organisation described, not an event.
func (d *doc) apposedBody(r ref) bool {
	if d.w(r.tEnd) != "," || !determiners[d.w(r.tEnd+1)] {
		return false
	}
	o := d.objectHead(int(d.tokSent[r.tStart]), r.tEnd+1)
	if o < 0 || d.entAt[o] >= 0 {
		return false
	}
	w := d.w(o)
	_, trigger := d.v.lex[w]
	_, head := d.v.heads[w]
	c := wordclass.Of(w)
	return someone(c) && !trigger && !head && !c.Any(wordclass.Happening) // not "the Summit, a gathering of governments"
}

// legislature reports "Congress" or "Assembly" after a country's name or initials ("the U.S.
// Congress", "Kenya's National Assembly") or coordinated with another body ("talks between the
// White House and Congress", "the Reagan Administration and Congress"): a parliament, not a
// congress held.
func (d *doc) legislature(ev *namedEv, r ref) bool {
	if ev.head != "congress" && ev.head != "assembly" {
		return false
	}
	for j := r.tStart; j < r.tEnd-1; j++ {
		if d.placeAt[j] >= 0 || d.toks[j].Text == "U.S." || d.toks[j].Text == "US" {
			return true
		}
		if j == r.tEnd-2 && (d.w(j) == "and" || d.w(j) == "&") {
			return true
		}
	}
	return false
}

// programme reports a "Show" named as a broadcast programme: a programme word among the four words
// before the name ("BBC sketch programme The Fast Show", "It is also airing The … Show").
func (d *doc) programme(ev *namedEv, r ref) bool {
	if ev.head != "show" {
		return false
	}
	for j := max(0, r.tStart-4); j < r.tStart; j++ {
		if programmeWords[d.w(j)] {
			return true
		}
	}
	return false
}

// notEventName reports a named event none of whose mentions is read as an event held.
func (d *doc) notEventName(ev *namedEv) bool {
	for _, r := range ev.spans {
		if !d.continuesName(r) && !d.apposedBody(r) && !d.legislature(ev, r) && !d.programme(ev, r) && !d.titledWork(r) {
			return false
		}
	}
	return len(ev.spans) > 0
}

// trimLead drops from a name's span a sentence-opening function word ("But Fair …") and a month's
// name ("July United Nations Conference") before the name proper; ok is false when nothing is left
// but the head.
func (d *doc) trimLead(r ref) (ref, bool) {
	for r.tEnd-r.tStart > 1 {
		w := d.w(r.tStart)
		first := r.tStart == d.sents[d.tokSent[r.tStart]].start
		if !(first && leadWords[w]) && !isMonth(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")) {
			break
		}
		r.tStart++
		r.start = d.toks[r.tStart].Start
	}
	return r, r.tEnd-r.tStart > 1
}
