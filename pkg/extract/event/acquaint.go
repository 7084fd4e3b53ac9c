package event

// Senses of the meeting verbs that hold no meeting (issue #19, 2016 US politics read part): making
// someone's acquaintance ("so nice to meet you", "the kindest man I've ever met"), going to a school
// ("attended Christian schools in Houston") and "the Met", a museum, opera or police force.

// greetingAdjectives before "to meet": a courtesy or a wish, not talks held.
var greetingAdjectives = words(`nice good great pleased glad excited delighted honored honoured thrilled lovely eager`)

// enrolmentNouns are what one attends as a pupil or a worshipper, not as a party to a meeting.
var enrolmentNouns = words(`school schools college colleges university universities academy seminary
	kindergarten classes class lectures church churches`)

// acquaintanceSense reports a meeting trigger at [i, end) read as an acquaintance made, a school
// attended or the name "Met".
func (d *doc) acquaintanceSense(si, i, end int, prev, next string) bool {
	w := d.w(i)
	switch {
	case w == "met" && d.s[d.toks[i].Start] == 'M' && next != "with":
		return true // "the Met", "Met accused of …": a name
	case w == "meet" && prev == "to" && (greetingAdjectives[d.w(i-2)] || d.w(i-2) == "so" && greetingAdjectives[d.w(i-3)]):
		return true
	case w == "met" && prev == "ever":
		return true // "the kindest man I've ever met"
	case w == "meet" && prev == "you" && d.w(i-2) == "when":
		return true // "when you meet him, you see …": anyone, any time
	case oneOf(w, "attend", "attended", "attending", "attends"):
		s := d.sents[si]
		for j := end; j < s.end && j < end+5; j++ {
			x := d.w(j)
			if d.v.clauseBreaks[x] || x == "," || x == "." || x == ";" {
				break
			}
			if enrolmentNouns[x] {
				return true
			}
		}
	}
	return false
}
