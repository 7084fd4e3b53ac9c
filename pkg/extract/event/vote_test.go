package event

import "testing"

// TestNonElectorateVote: votes that no electorate casts are no elections (issue #19, audit of
// unseen stories): shareholders, union members, an award's voters, a show's, a company's choice.
func TestNonElectorateVote(t *testing.T) {
	t.Parallel()
	poll := "Voters go to the polls in the general election in May. "
	checkSenses(t, []senseCase{
		{"shareholders", fixture{text: poll + "Its shareholders will vote on the changes at the annual meeting."}, []string{"election|", "meeting|"}},
		{"union members", fixture{text: poll + "Union members have voted to strike next month."}, []string{"election|"}},
		{"an award's voters", fixture{text: poll + "The prize was voted for by 3,000 readers of the magazine."}, []string{"election|"}},
		{"voted the best", fixture{text: poll + "The song was voted the best single of the year."}, []string{"election|"}},
		{"elected not to", fixture{text: poll + "The company elected not to appeal."}, []string{"election|"}},
		{"voting rights", fixture{text: poll + "The trust holds 14 pct of the voting rights."}, []string{"election|"}},
		{"a show's vote", fixture{text: "The talent show votes off a singer every week."}, nil},
		// still elections
		{"voters voted", fixture{text: "Millions of voters voted in the presidential election."}, []string{"election|"}},
		{"voted out", fixture{text: poll + "The mayor was voted out of office."}, []string{"election|", "election|"}},
	})
}

// TestVoteNotHeld: who may vote ("registered to vote", "can vote by post"), "voting" qualifying a
// noun ("the voting age") and a party's or a group's votes ("our vote", "students' votes") hold
// no vote.
func TestVoteNotHeld(t *testing.T) {
	t.Parallel()
	el := "The general election has been called. "
	checkSenses(t, []senseCase{
		{"registered to vote", fixture{text: el + "Three million people eligible to vote are not registered."}, []string{"election|"}},
		{"can vote", fixture{text: el + "Students can vote by post."}, []string{"election|"}},
		{"voting age", fixture{text: el + "Some want a lower voting age."}, []string{"election|"}},
		{"our vote", fixture{text: el + "The rivals will make a hole in our vote."}, []string{"election|"}},
		{"students' votes", fixture{text: el + "He launched a drive to win students' votes."}, []string{"election|"}},
		{"a supremo", fixture{text: el + "He became the party's election supremo."}, []string{"election|"}},
		// still votes held
		{"a day's vote", fixture{text: el + "Voters chose a new mayor in Saturday's vote."}, []string{"election|", "election|"}},
		{"cast their votes", fixture{text: el + "Voters cast their votes in the capital."}, []string{"election|", "election|"}},
	})
}

// TestCorporateAndWaterVotes: a board's election, "pct of the vote", snow runoff, a company's
// special charges and air raids hold no election or legal event.
func TestCorporateAndWaterVotes(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"board election", fixture{text: "Holders may vote as one class for the election of 75 pct of the board."}, nil},
		{"pct of the vote", fixture{text: "She wants polls giving her party over 40 pct of the vote."}, nil},
		{"snow runoff", fixture{text: "The river is swelling with snow runoff."}, nil},
		{"special charges", fixture{text: "The company reported special charges of nine mln dlrs."}, nil},
		{"air raids", fixture{text: "Exports stopped under Iraqi air and missile raids."}, nil},
		{"police raids", fixture{text: "The firm was the target of aggressive raids by fiscal police."}, []string{"legal|"}},
		{"a runoff", fixture{text: "Voters return to the polls for the presidential runoff in December."}, []string{"election|"}},
	})
}
