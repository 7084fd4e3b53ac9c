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
