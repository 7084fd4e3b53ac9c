package event

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// Issue #19, "Event types with evidence": the error classes of the fresh evaluation batch
// (test/evaldocs/ERRORS-batch2.md), each pinned with small fixtures written for the test.

// senseCase is a fixture and the "type|date" of the mention events Find must give it.
type senseCase struct {
	name string
	f    fixture
	want []string
}

func checkSenses(t *testing.T, cases []senseCase) {
	t.Helper()
	ex := New()
	for _, tc := range cases {
		var got []string
		for _, e := range ex.Find(tc.f.article(t)) {
			if e.Trigger != nil {
				got = append(got, e.Type+"|"+e.Date)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q = %v; want %v", tc.name, tc.f.text, got, tc.want)
		}
	}
}

// TestVoteAsSupport: "vote" meaning voters or their support is no election (EV_VOTE).
func TestVoteAsSupport(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a group's vote", fixture{text: "The campaign is working to get out the black vote before the election."}, []string{"election|"}},
		{"support of a group's vote", fixture{text: "The candidate has 5 percent support of the black vote in the state's polls."}, nil},
		{"buying votes", fixture{text: "Critics accused the party of buying votes in the campaign."}, nil},
		{"one voter's choice", fixture{text: "“We don’t vote against somebody. We vote for somebody,” she said of the campaign."}, nil},
		{"go vote for", fixture{text: "Go vote for the candidate, she told voters."}, nil},
		{"the mood of voters", fixture{text: "Right now, the vote is against the candidate, a campaign adviser said."}, nil},
		{"electoral votes", fixture{text: "The state is crucial to winning a large number of electoral votes in the election."}, []string{"election|"}},
		// still elections
		{"voters vote on a day", fixture{text: "Millions of voters vote on Tuesday in the presidential election.",
			dates: [][3]string{{"Tuesday", "2024-11-05", "day"}}}, []string{"election|2024-11-05"}},
		{"the vote count", fixture{text: "Voters in Arizona cast ballots on Tuesday, and the vote count continued."}, []string{"election|"}},
	})
}

// TestIdioms: trigger words in another sense (EV_IDIOM).
func TestIdioms(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"by accident", fixture{text: "He didn't achieve good results by accident and good fortune."}, nil},
		{"marching orders", fixture{text: "The campaign has sent marching orders to its friends in the media."}, nil},
		{"meet sales targets", fixture{text: "Employees were under pressure to meet sales targets or be fired."}, nil},
		{"met the deadline", fixture{text: "The company met the filing deadline."}, nil},
		{"met her opponents", fixture{text: "She met her Republican opponents one-on-one several times."}, nil},
		{"meetings per week", fixture{text: "She must go to three support group meetings per week."}, nil},
		{"attend a support group", fixture{text: "She must attend Narcotics Anonymous and pay a fine."}, nil},
		{"a discount negotiated", fixture{text: "A steep discount is typically negotiated by airlines."}, nil},
		{"gun violence", fixture{text: "Mothers who have lost children to gun violence hosted a campaign event in the city."}, []string{"meeting|"}},
		// still events
		{"negotiated with", fixture{text: "The ministers negotiated with the unions for ten hours."}, []string{"meeting|"}},
		{"marched", fixture{text: "Thousands marched through the capital against the tax."}, []string{"protest|"}},
		{"a crash", fixture{text: "Two people died in a crash on the motorway."}, []string{"disaster|"}},
		{"leaders met", fixture{text: "The two presidents met in Geneva on Monday.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"meeting|2026-11-16"}},
	})
}

// TestLegalSense: legal nouns and plea verbs in their legal sense only (EV_MISSLEGAL).
func TestLegalSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"legal action", fixture{text: "A shareholder has taken legal action to halt the plan."}, []string{"legal|"}},
		{"enforcement action", fixture{text: "Regulators took enforcement action against the company on Friday.",
			dates: [][3]string{{"Friday", "1987-03-13", "day"}}}, []string{"legal|1987-03-13"}},
		{"a proceeding against", fixture{text: "The agency instituted a proceeding against the company."}, []string{"legal|"}},
		{"a class-action complaint", fixture{text: "Investors filed a class-action complaint in March."}, []string{"legal|"}},
		{"pleaded guilty", fixture{text: "She pleaded guilty to possessing a forged prescription."}, []string{"legal|"}},
		{"court appearances", fixture{text: "She had back-to-back court appearances in two separate cases."}, []string{"legal|"}},
		{"suits beside a court", fixture{text: "The suits were consolidated before a federal court."}, []string{"legal|"}},
		{"charges in a story of suits", fixture{text: "The court heard the shareholders. The judge set a date. The company contests all charges."},
			[]string{"legal|"}},
		{"investigated by an authority", fixture{text: "The firm is being investigated by the state attorney general."}, []string{"legal|"}},
		{"an inquiry into", fixture{text: "The regulator opened an inquiry into rule violations."}, []string{"legal|"}},
		// other senses
		{"a tailor's suits", fixture{text: "The shop sells suits and ties for men."}, nil},
		{"bank charges", fixture{text: "Customers complained about bank charges at the branch."}, nil},
		{"charges as fees", fixture{text: "The charges of 5 euros apply to every transfer."}, nil},
		{"a customer inquiry", fixture{text: "The company answered a customer inquiry within a day."}, nil},
		{"scientists investigated", fixture{text: "Scientists investigated the cells under a microscope."}, nil},
		{"proceeding with plans", fixture{text: "The city is proceeding with plans for a new bridge."}, nil},
		{"a common complaint", fixture{text: "Noise is a common complaint among residents."}, nil},
		{"an inquiry wanted", fixture{text: "He pressed the country into announcing a corruption inquiry into his rival."}, nil},
		{"impeachment proceedings", fixture{text: "The House held a hearing in the impeachment proceedings against the president."}, nil},
		// the examples, kept here with the class
		{"vaccine trial", fixture{text: "Researchers began vaccinating volunteers in the country's largest trial of a new tuberculosis vaccine."}, nil},
	})
}

// TestBackground: an event's date is its own; events recalled in passing are marked background
// (EV_BACKGROUND), and only they.
func TestBackground(t *testing.T) {
	t.Parallel()
	ex := New()
	published := time.Date(2019, 11, 19, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		f    fixture
		want []string // type|background
	}{
		{"acquired years before", fixture{text: "The company announced layoffs at Meetup on Monday, which it acquired for $200 million in 2017.",
			dates: [][3]string{{"Monday", "2019-11-18", "day"}, {"2017", "2017", "year"}}}, []string{"statement|false", "agreement|true"}},
		{"a speech months before", fixture{text: "He refused to endorse him during a speech at the convention in July.",
			dates: [][3]string{{"July", "2019-07", "month"}}}, []string{"statement|true"}},
		{"the last election", fixture{text: "Both parties had spent £10m between them on the last general election."}, []string{"election|true"}},
		{"a decade", fixture{text: "The policy was first declared by the president in the 1970s."}, []string{"statement|true"}},
		{"last week's talks", fixture{text: "The ministers met in Geneva last week.",
			dates: [][3]string{{"last week", "2019-11-11", "week"}}}, []string{"meeting|false"}},
		{"a planned vote", fixture{text: "Voters go to the polls in the election on Dec. 12.",
			dates: [][3]string{{"Dec. 12", "2019-12-12", "day"}}}, []string{"election|false"}},
		{"a past period reported now", fixture{text: "The company reported revenue of 4.2 billion yuan in 2018, up 37 per cent.",
			dates: [][3]string{{"2018", "2018", "year"}}}, []string{"economic|false"}},
		{"undated", fixture{text: "Police arrested two men in the city."}, []string{"legal|false"}},
	} {
		a := tc.f.article(t)
		a.Published = &published
		var got []string
		for _, e := range ex.Find(a) {
			if e.Trigger != nil {
				got = append(got, e.Type+"|"+map[bool]string{true: "true", false: "false"}[e.Background])
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q = %v; want %v", tc.name, tc.f.text, got, tc.want)
		}
	}
	// A named event dated before the time frame is background too; without a publication or fetch
	// time nothing is.
	f := fixture{text: "He spoke at the Republican National Convention in July.",
		entities: [][2]string{{"EVENT", "Republican National Convention"}}, dates: [][3]string{{"July", "2019-07", "month"}}}
	a := f.article(t)
	a.Published = &published
	if evs := ex.Find(a); len(evs) != 1 || !evs[0].Background {
		t.Errorf("named convention in July: %+v; want one background event", evs)
	}
	if evs := ex.Find(f.article(t)); len(evs) != 1 || evs[0].Background {
		t.Errorf("no publication time: %+v; want one event, not background", evs)
	}
}

// TestNamedEventsWhole: named events keep one name with their dates and place (EVENTNAME).
func TestNamedEventsWhole(t *testing.T) {
	t.Parallel()
	wuxi := [][3]string{{"Wuxi", "Wuxi", "city"}, {"Jiangsu", "Jiangsu", "admin1"}}
	oct := [][3]string{{"Oct 20", "2023-10-20", "day"}}
	const text = "The 2023 World Internet of Things Exposition was held from Oct 20 to 23 in Wuxi, Jiangsu province."
	const want = "2023 World Internet of Things Exposition|conference|2023-10-20/2023-10-23|Wuxi"
	for _, tc := range []struct {
		name string
		f    fixture
		want string // name|type|date|place
	}{
		{"ner cut at of", fixture{text: text, entities: [][2]string{{"MISC", "2023 World Internet"}, {"MISC", "Things Exposition"}},
			places: wuxi, dates: oct}, want},
		{"ner gave the second part only", fixture{text: text, entities: [][2]string{{"ORG", "Things Exposition"}}, places: wuxi, dates: oct}, want},
		{"unlabelled", fixture{text: text, places: wuxi, dates: oct}, want},
		{"one EVENT", fixture{text: text, entities: [][2]string{{"EVENT", "2023 World Internet of Things Exposition"}}, places: wuxi, dates: oct}, want},
		{"an award ceremony", fixture{text: "The film won best feature at the Independent Spirit Awards in Santa Monica on Saturday.",
			entities: [][2]string{{"ORG", "Independent Spirit Awards"}}, places: [][3]string{{"Santa Monica", "Santa Monica", "city"}},
			dates: [][3]string{{"Saturday", "2005-02-26", "day"}}}, "Independent Spirit Awards||2005-02-26|Santa Monica"},
		{"a trade show typed PLACE", fixture{text: "Boeing won orders at the Dubai Air Show on Monday.",
			entities: [][2]string{{"PLACE", "Dubai Air Show"}}, dates: [][3]string{{"Monday", "2019-11-18", "day"}}},
			"Dubai Air Show|conference|2019-11-18|"},
		{"a person of a place is no event name", fixture{text: "Speaker of the House Paul Ryan opened the Tech Expo in Austin.",
			entities: [][2]string{{"PERSON", "Paul Ryan"}, {"MISC", "Tech Expo"}}, places: [][3]string{{"Austin", "Austin", "city"}}},
			"Tech Expo|conference||Austin"},
	} {
		var got []string
		for _, e := range New().Find(tc.f.article(t)) {
			if e.Trigger == nil {
				got = append(got, strings.Join([]string{e.Name, e.Type, e.Date, e.Place}, "|"))
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: named %q; want [%q]", tc.name, got, tc.want)
		}
	}
}

// TestBackgroundNeedsATime: an article with neither publication nor fetch time has no time frame,
// so nothing in it is background (the seed fixtures and their golden file carry none).
func TestBackgroundNeedsATime(t *testing.T) {
	t.Parallel()
	a := fixture{text: "Police arrested two men in 2001.", dates: [][3]string{{"2001", "2001", "year"}}}.article(t)
	a.Published = nil
	a.Fetched = time.Time{}
	for _, e := range New().Find(a) {
		if e.Background {
			t.Errorf("%+v: background without a publication or fetch time", e)
		}
	}
}

// TestEndedBefore: the hand-read year, month and day values agree with article.DateInterval.
func TestEndedBefore(t *testing.T) {
	t.Parallel()
	frame := time.Date(2019, 10, 19, 9, 0, 0, 0, time.UTC) // 31 days before a 2019-11-19 story
	for _, tc := range []struct {
		date, end string
		want      bool
	}{
		{"2017", "", true}, {"2019", "", false}, {"2020-01", "", false},
		{"2019-09", "", true}, {"2019-10", "", false}, {"2019-10-18", "", true}, {"2019-10-19", "", false},
		{"2019-Q3", "", true}, {"2019-Q4", "", false}, {"2019-H1", "", true},
		{"2019-10-01/2019-10-25", "2019-10-25", false}, {"2019-09-01/2019-09-03", "", true},
		{"not a date", "", false},
	} {
		if got := endedBefore(tc.date, tc.end, frame); got != tc.want {
			t.Errorf("endedBefore(%q, %q) = %v; want %v", tc.date, tc.end, got, tc.want)
		}
	}
}

// TestKilledSense: the one killed decides (wordclass: people, or living things and other things
// that are no one).
func TestKilledSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"weeds", fixture{text: "Growers said the spray was killing weeds faster than expected."}, nil},
		{"mosquitoes", fixture{text: "The new larvicide proved capable of killing mosquitoes in stagnant ponds."}, nil},
		{"vines", fixture{text: "Farmers blamed the late frost for killing thousands of young vines."}, nil},
		{"a bill", fixture{text: "The opposition succeeded in killing the pension bill in the upper house."}, nil},
		{"villagers", fixture{text: "Troops killed four villagers near the market."}, []string{"attack|"}},
		{"fans", fixture{text: "A gang was blamed for killing two football fans."}, []string{"attack|"}},
		{"aid workers", fixture{text: "Rebels were accused of killing two aid workers near the border."}, []string{"attack|"}},
	})
}

// TestVerbalAttack: an attack on a person, a message or an idea with nothing armed in its
// sentence is criticism.
func TestVerbalAttack(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a plan", fixture{text: "The governor attacked the budget plan in a televised address."}, nil},
		{"a rival", fixture{text: "She attacked her rival over his tax record during the debate."}, nil},
		{"pronoun", fixture{text: "He is expected to attack them again in his next interview."}, nil},
		{"attacks on a person", fixture{text: "Her repeated attacks on the mayor dominated the council meeting."}, []string{"meeting|"}},
		// still attacks
		{"gunmen", fixture{text: "Gunmen attacked a police convoy on the highway, officials said."}, []string{"attack|"}},
		{"a weapon", fixture{text: "A man attacked two tourists with a machete outside the museum."}, []string{"attack|"}},
		{"missiles far before", fixture{text: "The army fired dozens of missiles and drones overnight in its largest attack on Ukrainian cities."}, []string{"attack|"}},
		{"harm done", fixture{text: "Witnesses said the crowd attacked two men, leaving both badly injured."}, []string{"attack|"}},
	})
}

// TestTrialSense: a trial's sentence speaks of courts or of medicine (wordclass Legal, Medical).
func TestTrialSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"hospital and drug", fixture{text: "The hospital began a trial of the new malaria drug in the spring."}, nil},
		{"medical modifier", fixture{text: "A large cancer trial has enrolled four hundred volunteers."}, nil},
		{"dose", fixture{text: "Participants in the trial received a single dose of the antiviral."}, nil},
		{"jury", fixture{text: "The jury heard closing arguments in the trial on Monday.",
			dates: [][3]string{{"Monday", "2025-03-03", "day"}}}, []string{"legal|2025-03-03"}},
		{"defendant", fixture{text: "The defendant's trial opened amid tight security."}, []string{"legal|"}},
	})
}

// TestVoteSense: a vote is an election's when its sentence speaks of voters, candidates and
// ballots, not of a body that votes; a body or group named before it makes it theirs.
func TestVoteSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"committee vote", fixture{text: "The finance committee vote on the stadium subsidy passed narrowly."}, nil},
		{"lawmakers and a bill", fixture{text: "Lawmakers approved the bill in a vote late on Tuesday."}, nil},
		{"a group's vote", fixture{text: "Both parties are courting the farmer vote ahead of the autumn."}, nil},
		{"one voter", fixture{text: "She said she would probably vote for the challenger in the election."}, []string{"election|"}},
		{"one voter, no election", fixture{text: "He said he will never vote for a candidate who backs the tax."}, nil},
		{"voters and ballots", fixture{text: "Voters cast ballots in the presidential vote on Sunday.",
			dates: [][3]string{{"Sunday", "2025-03-02", "day"}}}, []string{"election|2025-03-02"}},
		{"election commission and a vote", fixture{text: "The election commission confirmed the result of Saturday's vote."}, []string{"election|"}},
	})
}

// TestMetSense: what is met decides — someone or a place, or a goal, a burden, a time.
func TestMetSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"goals", fixture{text: "The retailer met its quarterly revenue goals despite the slowdown."}, nil},
		{"criticism", fixture{text: "The proposal met with fierce criticism from unions."}, nil},
		{"a deadline", fixture{text: "Few suppliers will meet the new reporting deadline."}, nil},
		{"farmers", fixture{text: "The minister met farmers in the capital."}, []string{"meeting|"}},
		{"met with", fixture{text: "The envoy met with rebel commanders near the border."}, []string{"meeting|"}},
		{"met yesterday", fixture{text: "The board met yesterday to discuss the offer."}, []string{"meeting|"}},
	})
}

// TestTriggerModifiesNoun: a nominal trigger before a place or a made thing names a kind of it.
func TestTriggerModifiesNoun(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"demonstration plot", fixture{text: "The province opened a demonstration orchard for drought-tolerant crops."}, nil},
		{"meeting pavilion", fixture{text: "Volunteers painted the meeting pavilion by the lake."}, nil},
		{"an election billboard", fixture{text: "An election billboard on the bridge was torn down overnight."}, nil},
		{"an adverb after it", fixture{text: "The agreement still needs the approval of parliament."}, []string{"agreement|"}},
		{"a verb after its subject", fixture{text: "Summit ends with pledges as farmers protest outside."}, []string{"meeting|", "protest|"}},
		{"trial lawyers", fixture{text: "The senator has long complained about trial lawyers and their fees."}, nil},
		// still events
		{"protest organisers", fixture{text: "Protest organisers said five thousand people joined the march."}, []string{"protest|"}},
		{"a plural", fixture{text: "Police detained dozens of demonstrators who tried to block a road."}, []string{"legal|", "protest|"}},
		{"a crash site", fixture{text: "Investigators combed the crash site for the flight recorders."}, []string{"disaster|"}},
		{"election day", fixture{text: "Turnout was high on election day across the region."}, []string{"election|"}},
	})
}

// TestFutureNotBackground: an event announced in the future tense is never background, whatever
// past date its sentence holds for another event.
func TestFutureNotBackground(t *testing.T) {
	t.Parallel()
	f := fixture{text: "The city hosted a trade fair in March 2024 and will hold a meeting on port fees.",
		dates: [][3]string{{"March 2024", "2024-03", "month"}}}
	a := f.article(t)
	published := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	a.Published = &published
	found := false
	for _, e := range New().Find(a) {
		found = found || e.Type == TypeMeeting
		if e.Type == TypeMeeting && (e.Background || e.Date != "") {
			t.Errorf("the meeting still to come is background or dated by another event: %+v", e)
		}
	}
	if !found {
		t.Error("no meeting found")
	}
}

// TestAcquiredSense: a deal buys a company, a made thing or a possession, or names its parties or
// price; a quality gained is none.
func TestAcquiredSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"loyalty", fixture{text: "The retailer is trying to acquire brand loyalty among teenagers."}, nil},
		{"skills", fixture{text: "Apprentices acquire practical skills on the job."}, nil},
		{"a name in another clause", fixture{text: "Labels must acquire credibility through partnerships, analyst Jo Brand said.",
			entities: [][2]string{{"PERSON", "Jo Brand"}}}, nil},
		{"a firm", fixture{text: "The group acquired a regional logistics firm last month."}, []string{"agreement|"}},
		{"a stake", fixture{text: "The fund acquired a minority stake in the airport operator."}, []string{"agreement|"}},
		{"plants", fixture{text: "The brewer acquired two bottling plants from its rival."}, []string{"agreement|"}},
	})
}

// TestAgreedWithSomeone: agreeing with a person and going on to something else is a view shared.
func TestAgreedWithSomeone(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a view", fixture{text: "Lopez agreed with Harper and then changed the subject to the budget.",
			entities: [][2]string{{"PERSON", "Lopez"}, {"PERSON", "Harper"}}}, nil},
		{"a deal", fixture{text: "The miner agreed with the provincial authorities to share royalties."}, []string{"agreement|"}},
	})
}
