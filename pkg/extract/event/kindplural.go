package event

// Deals as a kind (issue #19): a bare plural of a deal noun behind a class modifier — "most trade
// agreements", "one-sided trade deals that favor …", "nondisclosure agreements", "bond deals" —
// names a sort of contract in general, no agreement reached. A determiner, a possessor, a number,
// a named party, a verb of concluding or a date keeps the deals one set of events ("the
// agreements were signed", "their severance agreements", "Trump contracts", "signed trade
// agreements on Monday").

var dealPlurals = words(`deals agreements pacts contracts accords treaties`)

// concludedVerbs before the noun phrase make the deals ones made.
var concludedVerbs = words(`signed reached struck concluded initialled initialed sealed clinched won awarded`)

// kindOfDeals reports the plural deal noun at i as a kind of contract, not agreements made.
func (d *doc) kindOfDeals(si, i, end int) bool {
	if !dealPlurals[d.w(i)] {
		return false
	}
	s := d.sents[si]
	j := i - 1
	for ; j >= s.start && j >= i-3; j-- {
		x := d.w(j)
		if x == "" || !isLowerWord(x) || functionWords[x] || determiners[x] || ownerPronouns[x] || numberWords[x] ||
			d.capitalisedMid(j) || nounPhraseEnds[x] {
			break
		}
	}
	b := d.w(j)
	if j >= s.start && genericQuantifiers[b] {
		return d.undated(si, end) // "most trade agreements", "such deals"
	}
	if j == i-1 {
		return false // no class modifier: "talks on agreements"
	}
	if j >= s.start {
		if determiners[b] || ownerPronouns[b] || numberWords[b] || isDigitToken(b) || concludedVerbs[b] ||
			b == "'s" || b == "’s" || b == "'" || b == "’" || d.capitalisedMid(j) || !isLowerWord(b) && b != "," && b != "(" {
			return false
		}
	}
	return d.undated(si, end)
}

// nounPhraseEnds are prepositions and verbs that stand before a noun phrase, never inside it.
var nounPhraseEnds = words(`over about on in at by with from into for of against under among between after
	before during through across toward towards via like per than as is are was were be been`)

// genericQuantifiers before a plural make it deals of a kind: "most agreements", "such deals".
var genericQuantifiers = words(`any every no other such all many more most few`)

// undated reports no month, day, number or period word in the six words after end in its
// sentence: a dated plural is one set of deals ("agreements signed on Tuesday").
func (d *doc) undated(si, end int) bool {
	s := d.sents[si]
	for k := end; k < s.end && k < end+6; k++ {
		x := d.w(k)
		if isMonth(x) || dayWords[x] || isDigitToken(x) || periodWords[x] {
			return false
		}
	}
	return true
}
