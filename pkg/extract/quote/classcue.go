package quote

import (
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
	"github.com/newsmon/newsmon/pkg/text"
)

// Cues by class: beyond the hand list of speech verbs (cues.go), any verb whose most frequent sense
// WordNet files under verb.communication ("accused", "cited", "criticised", "described",
// "questioned", "exhorted") reports words when a named speaker or a pronoun is its subject and it is
// finite: "The senator accused the agency of hiding the figures", "She cited the delays as proof
// that …", "…, the minister intimated." The class is read only where the hand list found nothing,
// so that it widens what is found and never changes a quote the list already reads.

// classCueAt reports whether toks[k] is a finite verb of communication that the hand list does not
// hold: a past tense ("accused"), a third-person present ("accuses") or, after a form of "be", a
// progressive ("are alleging"). A capitalised word is a name or a headline's word, not a cue.
func (e *Extractor) classCueAt(toks []text.Token, k int) bool {
	t := toks[k].Text
	if !text.IsWord(t) || text.IsCapitalized(t) || len(t) < 4 {
		return false
	}
	w := lower(t)
	var finite bool // the form first: it costs less than the lookup
	switch {
	case len(w) > 4 && w[len(w)-3:] == "ing":
		finite = k > 0 && progressiveBe[lower(toks[k-1].Text)]
	case w[len(w)-2:] == "ed":
		finite = k == 0 || !passiveBe[lower(toks[k-1].Text)] // "was criticised": a passive
	case w[len(w)-1] == 's' && w[len(w)-2] != 's':
		finite = true
	}
	return finite && !e.lex.say[w] && !e.lex.after[w] && wordclass.Communication(w) && !nounNotCue(toks, k, w)
}

// progressiveBe before an -ing form makes it a finite verb: "The Democrats are alleging".
var progressiveBe = wordSet(`is are was were`)

// classCue reads a sentence whose reported speech the hand list did not find, with a verb of
// communication as its cue: "X VERB CONTENT." with X a name, a description the article resolves
// to a name, or a pronoun; or "CONTENT, X VERB." at the sentence's end.
func (e *Extractor) classCue(d *doc, toks []text.Token) []found {
	n := len(toks)
	for k := 1; k+1 < n; k++ {
		finding := findingCueAt(toks, k)
		if !finding && !e.classCueAt(toks, k) {
			continue
		}
		// what follows the verb first: it costs less than reading the subject
		final := k+1 == n || k+2 == n && !text.IsWord(toks[k+1].Text)
		from := k + 1
		if !final && (toks[from].Text == "by" || !finding && (amountAt(toks, from) || !predication(toks, k, n))) {
			continue // a passive's agent, a sum pledged, an object that states nothing
		}
		p, ok := npBefore(toks, k)
		if !ok || p.none || final && (finding || p.a == 0 || toks[p.a-1].Text != ",") {
			continue
		}
		q := found{cue: toks[k].Text, cueStart: toks[k].Start, cueEnd: toks[k].End}
		d.resolveNP(&q, toks, p)
		if !q.pronoun && (q.spk == nil || !d.isEntity(q.spk)) {
			continue // a description that names no one, a thing, a document: a guess too far here
		}
		var a, b int
		if final {
			a, b, ok = content(toks, datelineEnd(toks, p.a-1), p.a-1)
		} else {
			if toks[from].Text == "that" {
				from++ // "are alleging that …": the clause
			}
			a, b, ok = content(toks, from, n)
		}
		if !ok {
			continue
		}
		q.start, q.end = a, b
		return []found{q}
	}
	return nil
}

// predication reports whether what follows the verb of communication at toks[k] states something,
// as reported words do, rather than naming the thing the verb acts on ("filed suit", "faced
// questions", "called into a radio show"): a clause ("…that", "…whether"), a predicate on the
// object ("cited the delays as proof", "accused the agency of hiding", "urged voters to stay
// home"), a naming ("called the plan a disaster"), or a quoted fragment.
func predication(toks []text.Token, k, n int) bool {
	from := k + 1
	if from >= n {
		return false
	}
	if namingVerbs[lower(toks[k].Text)] && text.IsWord(toks[from].Text) && !prepositions[lower(toks[from].Text)] && lower(toks[from].Text) != "into" {
		return true // "called the plan a disaster", "branded the vote unfair"
	}
	for j := from; j < n && j < from+12; j++ {
		t := lower(toks[j].Text)
		switch {
		case t == ";" || t == "." || t == ":":
			return false
		case isOpenMark(t):
			return true // "condemned the test as “provocative”"
		case t == "that" || t == "whether":
			// right after the verb or its addressee ("warned investors that"); further on, "that"
			// more often opens a relative clause ("backed an amendment that would …")
			return j == from || j <= from+2 && addressee(toks[from:j])
		case j == from:
			// the predicate words below need an object between the verb and them
		case t == "as" && j+1 < n && asPredicate(toks, j+1):
			return true
		case t == "of" && j+1 < n && gerund(toks[j+1].Text):
			return true
		case t == "to" && j+1 < n && text.IsWord(toks[j+1].Text) && !text.IsCapitalized(toks[j+1].Text) &&
			!determiners[lower(toks[j+1].Text)] && !possessive(toks[j+1].Text) && !npStops[lower(toks[j+1].Text)]:
			return true // "exhorted Republicans to vote", not "directed questions to a colleague"
		}
	}
	return false
}

// gerund reports whether a lower-case word is an -ing form ("of hiding").
func gerund(w string) bool {
	return len(w) > 4 && w[len(w)-3:] == "ing" && !text.IsCapitalized(w)
}

// classCueBefore reads the clause before a quote mark whose hand-listed cue was not found: a verb
// of communication with a named or pronoun subject ("Ortiz urged voters to “stay home and stay
// safe”", "Park condemned the raid as “a disgrace”") makes the quote its reported speech, holding
// the quoted words. It reports whether it did.
func (e *Extractor) classCueBefore(d *doc, q *found, toks []text.Token) bool {
	n := len(toks)
	for k := n - 1; k >= 1 && n-k <= 12; k-- {
		if !e.classCueAt(toks, k) {
			continue
		}
		sub := *q
		sub.cue, sub.cueStart, sub.cueEnd = toks[k].Text, toks[k].Start, toks[k].End
		p, ok := npBefore(toks, k)
		if !ok || p.none {
			return false
		}
		d.resolveNP(&sub, toks, p)
		if !sub.pronoun && (sub.spk == nil || !d.isEntity(sub.spk)) {
			return false
		}
		*q = sub
		e.mixed(d, q, toks, k, k)
		return true
	}
	return false
}

// findingCueAt reports whether toks[k] reports a finding with a clause but no "that" ("The survey
// showed prices rose …", "The committee found the agency had failed …"): a verb of finding or
// estimating (thatVerbs) in a finite form, followed by a clause — a short noun phrase and its verb.
// With "that" the hand list reads it already (cueAt).
func findingCueAt(toks []text.Token, k int) bool {
	w := toks[k].Text
	if !thatVerbs[w] || k+2 >= len(toks) || toks[k+1].Text == "that" || !(pastTense(w) || irregularPast[w] || w[len(w)-1] == 's') {
		return false
	}
	for j := k + 2; j < len(toks) && j <= k+7; j++ {
		t := toks[j].Text
		lt := lower(t)
		switch {
		case !text.IsWord(t) && t != "%" && !possessive(t):
			return false
		case text.IsCapitalized(t) || text.IsNumber(t):
		case auxiliaries[lt] || irregularPast[lt] || pastTense(lt) && !reducedRelatives[lt]:
			return true // "prices rose", "the agency had failed", "exports climbed"
		case gerund(lt) && text.IsCapitalized(toks[j-1].Text):
			return true // "showed Clinton leading"
		case npStops[lt] && lt != "of" && lt != "in":
			return false
		}
	}
	return false
}

// irregularPast are past tenses without -ed that report a change or a result after a finding:
// "showed prices rose", "found sales fell".
var irregularPast = wordSet(`found shown rose fell grew shrank sank won lost led made took paid
kept spent left stood hit cut`)

// asPredicate reports whether "as" before toks[i] opens a predicate on the object ("cited the delays
// as proof that …", "described the plan as “reckless”", "dismissed the report as a smear") rather
// than a clause of time or reason ("approved the deal as farmers protested outside"): a
// determiner, a quote mark, or a noun or adjective that a preposition, "that" or the clause's end
// follows.
func asPredicate(toks []text.Token, i int) bool {
	t := toks[i].Text
	if determiners[lower(t)] && !demonstratives[lower(t)] || isOpenMark(t) || possessive(t) {
		return true
	}
	if !text.IsWord(t) || text.IsCapitalized(t) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		switch w := toks[j].Text; {
		case w == "of" || w == "for" || w == "that" || w == "to" || w == "," || w == "." || w == ";":
			return true
		case !text.IsWord(w) || auxiliaries[lower(w)] || npStops[lower(w)]:
			return false
		}
	}
	return false
}

// addressee reports whether the words between a verb and "that" name whom it was said to: a
// pronoun, a name, or a plural noun of people ("warned him that", "told Congress that", "reminded
// investors that").
func addressee(toks []text.Token) bool {
	for _, t := range toks {
		w := lower(t.Text)
		if !(personalObjects[w] || text.IsCapitalized(t.Text) || groupNouns[w]) {
			return false
		}
	}
	return true
}

// personalObjects are object pronouns an addressee may be.
var personalObjects = wordSet(`me him her us them you`)
