package event

import "testing"

// TestWireSense: the classes of the 1987 newswire audit (issue #19) — agreements hoped for, in
// force, traded or the verb "contract"; the month March; accounts' charges and a spokesman's
// inquiry; disputes that erupt and banks that crash; a union's ballot, an option's election and a
// company's chairman; visiting tourists and goods arriving; changes aimed at — and their events
// kept.
func TestWireSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"future acquisitions", fixture{text: "The shares will be used for future acquisitions of mines, it said."}, nil},
		{"further acquisitions", fixture{text: "The group plans to make further acquisitions in Europe."}, nil},
		{"optimistic about an agreement", fixture{text: "\"I am not optimistic about an agreement soon,\" the delegate said."}, nil},
		{"hopes of a deal", fixture{text: "Traders pinned their hopes of a deal on the weekend."}, nil},
		{"a spate of mergers", fixture{text: "Deregulation may be followed by a spate of mergers among carriers."}, nil},
		{"ruled out", fixture{text: "An analyst said a leveraged buyout cannot be ruled out."}, nil},
		{"expires", fixture{text: "The debt is covered by a standstill agreement that expires June 30."}, nil},
		{"contract expired", fixture{text: "Drivers, whose contract expired last month, stayed out."}, nil},
		{"lived up to", fixture{text: "Officials say they have lived up to the pact on chips."}, nil},
		{"a breach of", fixture{text: "Higher rates could not be seen as a breach of the monetary pact."}, nil},
		{"option contracts", fixture{text: "The exchange's new option contracts widen the gap between dates."}, nil},
		{"term contracts", fixture{text: "Buyers resist crude bought under term contracts this quarter."}, nil},
		{"will contract", fixture{text: "The economy will contract an estimated four pct this year."}, nil},
		{"week of March", fixture{text: "A cold spell during the second week of march raised concern about soybeans."}, nil},
		{"March is", fixture{text: "March is usually a tight month for the money market."}, nil},
		{"one-off charges", fixture{text: "Together with other one-off charges, the group took a charge of 698 mln francs."}, nil},
		{"charges for provisions", fixture{text: "The bank made an increase in the charges for general provisions."}, nil},
		{"charges and a share loss", fixture{text: "The charges resulted in a share loss of 2.44 dlrs."}, nil},
		{"in response to an inquiry", fixture{text: "A spokeswoman said in response to an inquiry that the firm might appeal."}, nil},
		{"arrested and reversed", fixture{text: "The decline must be arrested and reversed, he said."}, nil},
		{"controversy erupted", fixture{text: "Controversy over the party's policy erupted in March."}, nil},
		{"a row erupted", fixture{text: "The row in the region erupted after the ministry spoke."}, nil},
		{"a banking crash", fixture{text: "It was the country's biggest banking crash since the war."}, nil},
		{"the crash of a market", fixture{text: "The debt crisis was caused by the crash of the local stock market."}, nil},
		{"a ballot of workers", fixture{text: "An earlier ballot of refinery workers showed most favoured striking."}, nil},
		{"the holders election", fixture{text: "Each share would be converted at the holders election into cash."}, nil},
		{"election or removal of directors", fixture{text: "Holders may act without a meeting, including the election or removal of directors."}, nil},
		{"elected chairman", fixture{text: "The group's newly elected chairman spoke to analysts."}, nil},
		{"visiting tourists", fixture{text: "The region wants larger numbers of visiting Japanese tourists."}, nil},
		{"goods arriving", fixture{text: "The first is due in April with the others arriving in May."}, nil},
		{"a plan to boost imports", fixture{text: "The party drew up a plan to expand demand and boost imports."}, nil},
		{"aims to reduce", fixture{text: "The government aims to reduce the ratio of debt payments to export earnings from 50 pct."}, nil},
		{"no signs of violence", fixture{text: "Picketing was peaceful, with no signs of violence."}, nil},
		{"the risk of attack", fixture{text: "The risk of attack on the tankers is small, diplomats said."}, nil},
		{"risk of sparking a clash", fixture{text: "The move runs little risk of sparking a military clash, diplomats said."}, nil},
		{"to avoid clashes", fixture{text: "He asked for cooperation to avoid clashes between the two committees."}, nil},
		{"rule out a trip", fixture{text: "\"We cannot rule out a trip to financial centres,\" he said."}, nil},
		{"the idea of a summit", fixture{text: "Gray has been pushing the idea of a budget summit with the president."}, nil},
		{"averted a strike", fixture{text: "The settlement averted a strike by dockworkers."}, nil},
		{"acquisition proposals", fixture{text: "The board will explore various acquisition proposals, it said."}, nil},
		{"the takeover provision", fixture{text: "The takeover provision was sent to the full committee."}, nil},
		{"an exchange's contract", fixture{text: "The exchange's new contract will suit hedging. Dealers said the new contract would attract futures trade."}, nil},
		{"a merger was possible", fixture{text: "He still believed a merger was possible between the two companies."}, nil},
		{"aiming for a pact", fixture{text: "They are aiming for a pact by next October."}, nil},
		{"aimed at arriving at", fixture{text: "Producers called for work aimed at arriving at an agreement to stabilise prices."}, nil},
		{"in pursuit of", fixture{text: "He was in Moscow in pursuit of the first arms control agreement in a decade."}, nil},
		{"recent signs", fixture{text: "Reagan said there were recent signs Japan was beginning to comply."}, nil},
		{"an acquisition offer", fixture{text: "Directors rejected the 2.2 billion dlr acquisition offer for the company."}, nil},
		{"in talks to acquire", fixture{text: "The unit is in talks to acquire one or more public companies."}, []string{"meeting|"}},
		{"our goal is for a merger", fixture{text: "\"Our goal is for a merger to occur,\" he said."}, nil},
		{"working towards an accord", fixture{text: "The government is committed to working towards an accord on prices."}, nil},
		{"in total agreement", fixture{text: "The groups are not in total agreement with the assessments."}, nil},
		{"exchange contracts", fixture{text: "He lost money manipulating forward foreign exchange contracts."}, nil},
		{"a registration statement", fixture{text: "The company filed a registration statement covering two offers."}, nil},
		{"a possessor's previously announced plan", fixture{text: "The sale was made under the company's previously announced plan to sell the unit."}, nil},
		{"prospects for a meeting", fixture{text: "Prospects appear slim for a summer meeting between the two sides."}, nil},
		{"room for negotiations", fixture{text: "\"I think there is room for negotiations,\" the minister said."}, nil},
		{"the negotiating committee", fixture{text: "The negotiating committee is a subcommittee of the steering group."}, nil},
		{"normally meet", fixture{text: "Officials normally meet in the summer to discuss grain quality."}, nil},
		// still events
		{"optimistic about progress during the talks", fixture{text: "Officials were optimistic about the chance of progress during the talks in Moscow."}, []string{"meeting|"}},
		{"prevent a deal from turning sour", fixture{text: "Ministers were fighting hard today to prevent a deal on milk output from turning sour."}, []string{"agreement|"}},
		{"fighting off a bid", fixture{text: "The publisher is fighting off a hostile bid from a rival."}, nil},
		{"held further talks", fixture{text: "The ministers held further talks in Paris on Monday."}, []string{"meeting|"}},
		{"work on the contract", fixture{text: "Two firms will work with the maker on the contract as subcontractors."}, []string{"agreement|"}},
		{"agreed to acquire", fixture{text: "The firm agreed to acquire the mill for 20 mln dlrs."}, []string{"agreement|"}},
		{"a three-day strike", fixture{text: "A settlement was reached in a three-day strike by 9,000 workers."}, []string{"protest|"}},
		{"a 10-week strike", fixture{text: "The 10-week strike at the mine ended on Friday."}, []string{"protest|"}},
		{"signed a futures contract", fixture{text: "Futures traders watched hedging closely. The exchange signed a contract with the clearing house."}, []string{"agreement|"}},
		{"further slash output to save", fixture{text: "The firms agreed to further cut output in March."}, []string{"agreement|"}},
		{"signs of a strike", fixture{text: "Managers saw the first signs of a strike by dockworkers on Monday."}, []string{"protest|"}},
		{"the agreement extends", fixture{text: "The agreement extends a standstill arrangement by three years."}, []string{"agreement|"}},
		{"a march against", fixture{text: "Thousands joined a march against the cuts."}, []string{"protest|"}},
		{"charged with fraud", fixture{text: "The former broker was indicted last week on charges of fraud, prosecutors said."}, []string{"legal|"}},
		{"an earthquake", fixture{text: "An earthquake struck the capital, killing 300 people."}, []string{"disaster|"}},
		{"elected president", fixture{text: "Voters elected a new president in a landslide."}, []string{"election|"}},
		{"exports rose", fixture{text: "Exports rose 12 pct to 5 billion dlrs in March."}, []string{"economic|"}},
		{"signed a contract", fixture{text: "The two firms signed a contract to build the plant."}, []string{"agreement|"}},
	})
}

// TestWirePurposeClause: a purpose ends with its clause; a figure told after "where" is reported.
func TestWirePurposeClause(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"where sales", fixture{text: "It plans to cut 200 jobs in Sweden, where sales have been hit by 5 pct."}, []string{"economic|"}},
	})
}
