package event

// Events foretold, not held (issue #19): "there are going to be riots", "there will be a strike",
// "could trigger more attacks", "it will lead to a flood". A scheduled event keeps its verb of
// doing ("will meet on Monday"); these say only that something might come of something else.

// foretoldModals open a forecast: "there will be", "could trigger".
var foretoldModals = words(`will would could might may 'll wo`)

// causeVerbs bring an event about as a consequence: "could spark riots", "would lead to a strike".
var causeVerbs = words(`trigger spark provoke cause prompt unleash invite fuel`)

// foretold reports the trigger at i as the object of an existential forecast or of a modal
// verb of causing, at most three words of its noun phrase apart, in its clause.
func (d *doc) foretold(si, i int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-4; j-- {
		w := d.w(j)
		if d.v.clauseBreaks[w] || w == "," || w == ";" || w == "." {
			return false
		}
		switch {
		case w == "be":
			return d.thereBe(j)
		case causeVerbs[w]:
			return foretoldModals[d.w(j-1)] || d.w(j-1) == "to" && d.w(j-2) == "going"
		case w == "to" && d.w(j-1) == "lead":
			return foretoldModals[d.w(j-2)]
		}
	}
	return false
}

// thereBe reports "there will be", "there could be", "there are going to be", "there's going to
// be" ending in the "be" at j.
func (d *doc) thereBe(j int) bool {
	k := j - 1
	if d.w(k) == "not" || d.w(k) == "also" {
		k--
	}
	if foretoldModals[d.w(k)] {
		return d.w(k-1) == "there" || d.w(k-1) == "there'll"
	}
	if d.w(k) == "to" && d.w(k-1) == "going" {
		k -= 2
		if oneOf(d.w(k), "not", "also") {
			k--
		}
		return d.w(k) == "there's" || d.w(k) == "there’s" ||
			oneOf(d.w(k), "are", "is", "'s", "’s", "'re", "’re") && d.w(k-1) == "there"
	}
	return false
}
