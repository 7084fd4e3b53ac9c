package event

import (
	"testing"
	"time"
)

// TestPoliticsSense: the classes of the 2016 US politics audit (issue #19) — a campaign's
// attacks (criticism, not violence), polls that are surveys, an election cycle or year — and
// their events kept: polling places, a terrorist's attack, an election held.
func TestPoliticsSense(t *testing.T) {
	t.Parallel()
	campaign := "The candidate's campaign courted voters before the primary election. "
	checkSenses(t, []senseCase{
		{"a candidate's attacks", fixture{text: campaign + "Voters shrugged off Walker's attacks.",
			entities: [][2]string{{"PERSON", "Walker"}}}, []string{"election|"}},
		{"attacks from rivals", fixture{text: campaign + "She faced fresh attacks from her rivals on Sunday."}, []string{"election|"}},
		{"attack ads", fixture{text: campaign + "A super PAC will air attack ads in Ohio."}, []string{"election|"}},
		{"rose in the polls", fixture{text: "The senator has risen in the polls since January."}, nil},
		{"atop the polls", fixture{text: "Two candidates sit atop the polls in Iowa."}, nil},
		{"this election cycle", fixture{text: "Donors gave more money in this election cycle than ever."}, nil},
		{"an election year", fixture{text: "Many people are uncertain in this election year."}, nil},
		// still events
		{"head to the polls", fixture{text: "Voters in Iowa head to the polls on Monday."}, []string{"election|"}},
		{"polls closed", fixture{text: "The race was called minutes after polls closed."}, []string{"election|"}},
		{"a gunman's attack", fixture{text: campaign + "The gunman's attack on the club left 49 people dead.",
			entities: [][2]string{}}, []string{"election|", "attack|"}},
		{"attack by a named man with a rifle", fixture{text: "The attack by Farook, who carried a rifle, shocked the city.",
			entities: [][2]string{{"PERSON", "Farook"}}}, []string{"attack|"}},
	})
}

// TestPoliticsDeal: "a big deal" is a matter of weight; deal makers and deal advice are people and
// a service — and a big deal expected, a deal struck, are deals.
func TestPoliticsDeal(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"was a big deal", fixture{text: "The governor's endorsement was a big deal for the senator."}, nil},
		{"not a big deal", fixture{text: "Aides said the remarks were not a big deal around here."}, nil},
		{"big deal, right", fixture{text: "\"I paid off her loan, big deal, right?\" he said."}, nil},
		{"deal makers", fixture{text: "The firm lured senior deal makers away from big banks."}, nil},
		// still events
		{"expecting a big deal", fixture{text: "Investors expecting a big deal at a premium may be disappointed."}, []string{"agreement|"}},
		{"struck a deal", fixture{text: "The two parties struck a deal on the budget."}, []string{"agreement|"}},
	})
}

// TestPoliticsVote: a council's, a legislator's or a court's vote is a body's, not an election; one
// voter's intention is no election held — and a state that votes on a date, or people who voted
// in a primary, are.
func TestPoliticsVote(t *testing.T) {
	t.Parallel()
	campaign := "The candidates courted voters before the primary election. "
	checkSenses(t, []senseCase{
		{"voted 6-1", fixture{text: campaign + "The council voted 6-1 for the resolution."}, []string{"election|"}},
		{"the vote was 5 to 4", fixture{text: campaign + "The vote was 5 to 4."}, []string{"election|"}},
		{"voted against the package", fixture{text: campaign + "The senator voted against the package because of its riders."}, []string{"election|"}},
		{"how the justices voted", fixture{text: campaign + "The order did not say how the justices had voted."}, []string{"election|"}},
		{"I'd vote against them", fixture{text: campaign + "\"If somebody yelled at me, I'd vote against them,\" he joked."}, []string{"election|"}},
		{"say they will vote for", fixture{text: campaign + "Two-thirds of them say they will vote for the governor."}, []string{"election|"}},
		{"wasn't even going to vote", fixture{text: campaign + "\"At one point, I wasn't even going to vote,\" she said."}, []string{"election|"}},
		// still events
		{"a state that will vote on a date", fixture{text: campaign + "Texas will vote on March 1.",
			dates: [][3]string{{"March 1", "2016-03-01", "day"}}}, []string{"election|", "election|2016-03-01"}},
		{"people voted in the primary", fixture{text: "In the primary, 603,000 people voted."}, []string{"election|"}},
	})
}

// TestPoliticsFigures: a march to a nomination, rallying voters, "demonstrated" as showed and
// "make ends meet" are figures — and a march to a square, protesters who rallied, crowds who
// demonstrated against a war are protests.
func TestPoliticsFigures(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"march to the nomination", fixture{text: "Donors hope to halt the mogul in his march toward the nomination."}, nil},
		{"march westward", fixture{text: "The road is a symbol of the country's march westward."}, nil},
		{"on the march", fixture{text: "Officials deny that the group is on the march."}, nil},
		{"rallied voters", fixture{text: "The senator rallied young voters with his calls for change."}, nil},
		{"rallied thousands", fixture{text: "He has rallied thousands by promising tariffs."}, nil},
		{"demonstrated leadership", fixture{text: "Governors with demonstrated leadership skills will gain."}, nil},
		{"have demonstrated", fixture{text: "As earlier campaigns have demonstrated, a response matters."}, nil},
		{"make ends meet", fixture{text: "We struggle to make ends meet on low wages."}, nil},
		// still events
		{"a march to the square", fixture{text: "Thousands joined a march to the main square on Sunday."}, []string{"protest|"}},
		{"protesters rallied outside", fixture{text: "Protesters rallied outside the hall."}, []string{"protest|"}},
		{"demonstrated against", fixture{text: "Students demonstrated against the war."}, []string{"protest|"}},
	})
}

// TestOfficeholdersPlace: a politician's state — "the Vermont senator", "Sen. Ted Cruz of
// Texas", "Trey Gowdy (R-S.C.)", "a Tennessee Republican who" — is no event's place; a place
// after "in", a state's caucuses and a state's governor signing at home keep theirs.
func TestOfficeholdersPlace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		f    fixture
		want string
	}{
		{"the Vermont senator", fixture{text: "The Vermont senator said in a statement that he congratulated her.",
			places: [][3]string{{"Vermont", "Vermont", "admin1"}}}, ""},
		{"Cruz of Texas", fixture{text: "Critics included Sen. Ted Cruz of Texas, who attended the meeting.",
			entities: [][2]string{{"PERSON", "Ted Cruz"}}, places: [][3]string{{"Texas", "Texas", "admin1"}}}, ""},
		{"R-S.C.", fixture{text: "Aides made the announcement after Trey Gowdy (R-S.C.) spoke.",
			entities: [][2]string{{"PERSON", "Trey Gowdy"}}, places: [][3]string{{"South Carolina", "S.C.", "admin1"}}}, ""},
		{"a Tennessee Republican who met", fixture{text: "Bob Corker, a Tennessee Republican who has met with the candidate, spoke.",
			entities: [][2]string{{"PERSON", "Bob Corker"}}, places: [][3]string{{"Tennessee", "Tennessee", "admin1"}}}, ""},
		// still places
		{"the former Texas governor", fixture{text: "Former Texas Gov. Rick Perry announced his endorsement on Sunday.",
			entities: [][2]string{{"PERSON", "Rick Perry"}}, places: [][3]string{{"Texas", "Texas", "admin1"}}}, ""},
		{"a governor signs at home", fixture{text: "Virginia Gov. Terry McAuliffe signed an executive order on Friday.",
			entities: [][2]string{{"PERSON", "Terry McAuliffe"}}, places: [][3]string{{"Virginia", "Virginia", "admin1"}}}, "Virginia"},
		{"an Orlando Democrat first elected", fixture{text: "Grayson, an Orlando Democrat who was first elected to Congress, spoke.",
			entities: [][2]string{{"PERSON", "Grayson"}}, places: [][3]string{{"Orlando", "Orlando", "city"}}}, "Orlando"},
		{"a meeting in Ohio", fixture{text: "The senator held a meeting in Ohio.",
			places: [][3]string{{"Ohio", "Ohio", "admin1"}}}, "Ohio"},
		{"the Iowa Republican primaries", fixture{text: "He finished third in the Iowa Republican primaries.",
			places: [][3]string{{"Iowa", "Iowa", "admin1"}}}, "Iowa"},
	}
	ex := New()
	for _, tc := range cases {
		var got []string
		for _, e := range ex.Find(tc.f.article(t)) {
			if e.Trigger != nil {
				got = append(got, e.Place)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: %q places = %q; want [%q]", tc.name, tc.f.text, got, tc.want)
		}
	}
}

// TestComingElection: "November" without a year, in a March story of the general election to come,
// is this year's November, not last year's; a primary recalled in past tense keeps the date read.
func TestComingElection(t *testing.T) {
	t.Parallel()
	pub := time.Date(2016, 3, 2, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		f    fixture
		want string
	}{
		{"the general election in November", fixture{text: "He argued for a nominee who can win the general election in November.",
			dates: [][3]string{{"November", "2015-11", "month"}}}, "election|2016-11"},
		{"could draw voters in a November election", fixture{text: "He could draw union voters in a November election.",
			dates: [][3]string{{"November", "2015-11", "month"}}}, "election|2016-11"},
		// kept
		{"the election held in November 2015", fixture{text: "The party won the general election in November 2015.",
			dates: [][3]string{{"November 2015", "2015-11", "month"}}}, "election|2015-11"},
		{"an election won last year", fixture{text: "The mayor won the election in November.",
			dates: [][3]string{{"November", "2015-11", "month"}}}, "election|2015-11"},
	}
	ex := New()
	for _, tc := range cases {
		a := tc.f.article(t)
		a.Published = &pub
		var got []string
		for _, e := range ex.Find(a) {
			if e.Trigger != nil {
				got = append(got, e.Type+"|"+e.Date)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: %q = %q; want [%q]", tc.name, tc.f.text, got, tc.want)
		}
	}
}
