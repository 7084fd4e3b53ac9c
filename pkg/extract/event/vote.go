package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// Evidence for the election type beyond the classes of evidence.go (issue #19): a vote is an
// election's when an electorate casts it. Shareholders voting on a proposal, union members voting
// to strike, listeners voting for the gig of the year, an episode "voted the best farewell" and a
// company that "elected not to" risk a ruling hold none.

// nonElectorate are voters whose vote is no election: a company's owners, an audience, the
// members of a club, a union or an academy, a jury of critics.
var nonElectorate = words(`shareholders shareholder stockholders stockholder investors holders
members listeners viewers readers fans audience audiences judges critics directors board workers
employees staff jurors panel panellists subscribers users customers contestants association
associations club clubs`)

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
		return !d.voteOfNonElectorate(si, i, end) && !d.awardVote(i, end) && !d.rightToVote(i) &&
			!d.votingModifier(end) && !d.ownVotes(i)
	case w == "elected":
		return d.w(end) != "not" && !d.voteOfNonElectorate(si, i, end) && !d.entityIs(max(i-1, 0), article.TypeOrg) &&
			!(d.w(i-1) == "has" && d.entityIs(max(i-2, 0), article.TypeOrg)) // "the board elected him chairman", "Radtech has elected"
	case w == "election" && d.w(end) == "of":
		return !d.boardElection(si, end)
	case w == "runoff" || w == "run-off":
		// "snow runoff", "fertilizer runoff": water, when a noun that is no election's nor a time names it
		p := d.w(i - 1)
		c := wordclass.Of(p)
		return !(isLowerWord(p) && !functionWords[p] && (c.Known() || isNoun(p)) && !c.Any(wordclass.Electoral) && !c.First(wordclass.Time))
	}
	return true
}

// capacityWords before "to vote" say who may vote, not that a vote is held: "registered to vote",
// "eligible to vote", "the right to vote", "old enough to vote".
var capacityWords = words(`registered register registering eligible entitled able unable allowed
right rights enough qualified free age`)

// rightToVote reports the verb "vote" after a word of capacity ("registered to vote", "people
// eligible to vote are not registered") or "can" ("students can vote by post"): who may vote, as
// a rule, not a vote held.
func (d *doc) rightToVote(i int) bool {
	if d.w(i) != "vote" {
		return false
	}
	prev := d.w(i - 1)
	return prev == "to" && capacityWords[d.w(i-2)] || oneOf(prev, "can", "cannot")
}

// votingModifier reports "voting" before the noun it qualifies ("the voting age", "voting
// instincts", "voting forms"): a kind of thing, not a vote held; "voting day" is the day of one.
func (d *doc) votingModifier(end int) bool {
	if d.w(end-1) != "voting" {
		return false
	}
	n := d.w(end)
	if !isLowerWord(n) || functionWords[n] || d.v.placePreps[n] || d.v.clauseBreaks[n] || strings.HasSuffix(n, "ed") {
		return false // "voting began", "voting in the capital"
	}
	c := wordclass.Of(n)
	return c.Known() && !c.First(wordclass.Time)
}

// ownVotes reports "votes"/"vote" owned by a party or a group — its support ("our vote", "take
// their votes for granted", "students' votes") — unless cast ("cast their votes" is voting).
func (d *doc) ownVotes(i int) bool {
	prev := d.w(i - 1)
	owner := unpossessed(prev)
	if prev == "'" || prev == "’" {
		owner = d.w(i - 2) // "students ' votes"
	} else if owner == prev {
		owner = ""
	}
	owned := oneOf(prev, "our", "their", "his", "her", "its", "my", "your") ||
		owner != "" && d.entAt[i-1] < 0 && someone(wordclass.Of(owner)) // not "Saturday's vote", "Britain's vote"
	return owned && !strings.HasPrefix(d.w(i-2), "cast")
}

// boardElection reports "election of" a company's board or officers: "voting for the election
// of 75 pct of the board".
func (d *doc) boardElection(si, end int) bool {
	for j := end + 1; j < d.sents[si].end && j < end+8; j++ {
		if w := d.w(j); oneOf(w, "board", "directors", "director", "officers", "trustees") {
			return true
		}
	}
	return false
}
