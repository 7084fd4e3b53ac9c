package event

import (
	"reflect"
	"testing"
)

// TestReadingSense: the third audit's classes (issue #19) — "election" modifying a thing of the
// campaign, forecast figures, attacks made with words, signings that are transfers or
// autographs, and an object lookup past an adjective — with the events kept beside them.
func TestReadingSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"election manifesto", fixture{text: "The party printed its election manifesto in green."}, nil},
		{"election funds", fixture{text: "The donor gave money to the election funds of the party."}, nil},
		{"election campaign", fixture{text: "Bloggers flourished in the recent election campaign."}, nil},
		{"expects sales to", fixture{text: "The brewer expects sales to climb by a tenth next year."}, nil},
		{"forecasts revenue", fixture{text: "The retailer now forecasts 2006 revenue of $2bn."}, nil},
		{"attacked by critics", fixture{text: "The novel has been attacked by critics in France."}, nil},
		{"a personal attack", fixture{text: "The row spilled over into personal attacks between the two studios."}, nil},
		{"face attack", fixture{text: "The minister will face fierce attack over the plan."}, nil},
		{"attacked the decision", fixture{text: "The home secretary has attacked the decision of the court."}, nil},
		{"signed from a club", fixture{text: "The striker was signed from Leeds in the summer.",
			entities: [][2]string{{"ORG", "Leeds"}}}, nil},
		{"signed for a fee", fixture{text: "The defender was signed for £3m last year."}, nil},
		{"signed autographs", fixture{text: "The actor greeted fans and signed autographs."}, nil},
		{"signed shirts", fixture{text: "The sale included signed shirts and posters."}, nil},
		{"clash of powers", fixture{text: "Talk of a clash between the two major trading powers grew."}, nil},
		{"expectations of a deficit", fixture{text: "Forecasters had expectations of a deficit near 700 million."}, nil},
		{"which deals with", fixture{text: "The novel, which deals with grief, sold well."}, nil},
		{"a cup clash", fixture{text: "The striker is out of the Premier Cup clash with Rovers."}, nil},
		{"an indoor meeting", fixture{text: "She won the 800m at the indoor meeting in Ghent."}, nil},
		{"out of contract", fixture{text: "The winger is out of contract in the summer."}, nil},
		{"repurchase pacts", fixture{text: "The central bank may lower rates on repurchase pacts."}, nil},
		{"an amount's pact", fixture{text: "Liquidity fell as an outgoing 9.5 billion pact expired."}, nil},
		{"to increase imports", fixture{text: "The plan aims to increase imports of grain by a fifth."}, nil},
		{"towards reducing the deficit", fixture{text: "The cuts are a first step towards reducing the deficit by 2009."}, nil},
		// still events
		{"due to lower margins", fixture{text: "The loss was due to lower profit margins of 3 pct in March."}, []string{"economic|"}},
		{"imports increased", fixture{text: "Imports increased by a fifth in March."}, []string{"economic|"}},
		{"acquired last year", fixture{text: "The brewer was acquired last year."}, []string{"agreement|"}},
		{"the G-7 pact", fixture{text: "It is too soon to call the G-7 pact a failure."}, []string{"agreement|"}},
		{"a final meeting", fixture{text: "The final meeting of the commission was held in London."}, []string{"meeting|"}},
		{"a board meeting", fixture{text: "The board meeting in Madrid ended late on Tuesday."}, []string{"meeting|"}},
		{"election day", fixture{text: "Voters went to the polls on election day."}, []string{"election|"}},
		{"sales rose", fixture{text: "The brewer said sales rose 5% last year."}, []string{"economic|"}},
		{"better than expected profits", fixture{text: "The bank reported better than expected profits."}, []string{"economic|"}},
		{"attack on a village", fixture{text: "Rebels killed ten people in an attack on the village."}, []string{"attack|"}},
		{"signed a contract", fixture{text: "The striker signed a contract with the club."}, []string{"agreement|"}},
	})
}

// TestTitledWorks: a name a work noun introduces is a title, not an event held.
func TestTitledWorks(t *testing.T) {
	t.Parallel()
	checkNamed(t, []namedCase{
		{fixture{text: "She adapted the novel Harvest Festival for the stage."}, nil},
		{fixture{text: "The band had hits including Summer Festival in 1970."}, nil},
		{fixture{text: "He starred in the film The Lakeside Massacre.", entities: [][2]string{{"EVENT", "Lakeside Massacre"}}}, nil},
		// still events
		{fixture{text: "The Harvest Festival opened in Leeds on Friday."}, []string{"Harvest Festival"}},
		{fixture{text: "Crews will film the Kent Film Festival next week."}, []string{"Kent Film Festival"}},
	})
}

// namedCase is a text and the names of the named events Find should give for it.
type namedCase struct {
	f    fixture
	want []string
}

// checkNamed runs Find on each case and compares the names of its named events.
func checkNamed(t *testing.T, cases []namedCase) {
	t.Helper()
	for _, tc := range cases {
		var got []string
		for _, e := range New().Find(tc.f.article(t)) {
			if e.Trigger == nil {
				got = append(got, e.Name)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: named %q; want %q", tc.f.text, got, tc.want)
		}
	}
}
