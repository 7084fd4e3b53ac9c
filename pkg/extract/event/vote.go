package event

// Evidence for the election type beyond the classes of evidence.go (issue #19): a vote is an
// election's when an electorate casts it. Shareholders voting on a proposal, union members voting
// to strike, listeners voting for the gig of the year, an episode "voted the best farewell" and a
// company that "elected not to" risk a ruling hold none.

// nonElectorate are voters whose vote is no election: a company's owners, an audience, the
// members of a club, a union or an academy, a jury of critics.
var nonElectorate = words(`shareholders shareholder stockholders stockholder investors holders
members listeners viewers readers fans audience audiences judges critics directors board workers
employees staff jurors panel panellists subscribers users customers contestants`)

// voteForms are the forms of "vote" whose voters the tests read.
var voteForms = words(`vote votes voted voting`)

// voteOfNonElectorate reports a vote at [i, end) cast by a non-electorate: named in its clause
// before it ("its shareholders will vote", "union members have already voted", "Labour members,
// who were asked to vote") or after "by" ("voted for by 4,000 listeners").
func (d *doc) voteOfNonElectorate(si, i, end int) bool {
	s := d.sents[si]
	for j := i - 1; j >= s.start && j >= i-7; j-- {
		w := d.w(j)
		if nonElectorate[unpossessed(w)] {
			return true
		}
		if w == ";" || w == "." || w == "said" || w == "says" {
			break
		}
	}
	for j := end; j < s.end && j < end+5; j++ {
		if d.w(j) != "by" {
			continue
		}
		for k := j + 1; k < s.end && k < j+6; k++ {
			if nonElectorate[d.w(k)] {
				return true
			}
		}
		break
	}
	return false
}

// awardVote reports "voted" in the passive of an award or a ranking: "was voted the best farewell
// episode", "an award voted for by listeners", "as voted by viewers" — not "voted out of office".
func (d *doc) awardVote(i, end int) bool {
	if d.w(i) != "voted" {
		return false
	}
	next := d.w(end)
	if oneOf(next, "out", "into", "in", "off") {
		return false
	}
	prev := d.w(i - 1)
	return d.v.passiveAux[prev] || prev == "as" || next == "by" || next == "for" && d.w(end+1) == "by" ||
		next == "," && d.w(end+1) == "by"
}

// voteSense runs the tests of a vote or an "elected" at [i, end) of the election type; false for
// a non-electorate's vote, an award's, or "elected not to" (chose not to).
func (d *doc) voteSense(si, i, end int) bool {
	w := d.w(i)
	switch {
	case voteForms[w]:
		return !d.voteOfNonElectorate(si, i, end) && !d.awardVote(i, end)
	case w == "elected":
		return d.w(end) != "not"
	}
	return true
}
