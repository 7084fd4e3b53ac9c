package event

import "testing"

// TestClaimSense: speeches as a habit or genre and statements as claims hold no statement event;
// one speech given and a statement issued still do.
func TestClaimSense(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"stump speech", fixture{text: "The senator added a new line to his stump speech about jobs."}, nil},
		{"paid speeches", fixture{text: "Critics want transcripts of her paid speeches to bankers."}, nil},
		{"every speech", fixture{text: "She mentions her mother in almost every speech as she travels."}, nil},
		{"in speeches", fixture{text: "The judge has said in speeches that courts must be fair."}, nil},
		{"an inaccurate statement", fixture{text: "The mayor repeated an inaccurate statement about crime."}, nil},
		{"take it back", fixture{text: "\"Show me the proof and I will take that statement back,\" he said."}, nil},
		{"statement of principles", fixture{text: "The club adopted a statement of principles for its members."}, nil},
		// still events
		{"a stump speech on a day", fixture{text: "The candidate gave a stump speech Tuesday night in Ohio."}, []string{"statement|"}},
		{"victory speeches", fixture{text: "Both winners smiled through their victory speeches."}, []string{"statement|"}},
		{"a day's speeches", fixture{text: "Donors said Thursday's speeches changed their minds."}, []string{"statement|"}},
		{"a statement issued", fixture{text: "The governor issued a statement condemning the attack on the mosque."}, []string{"statement|", "attack|"}},
	})
}

// TestForetold: events a forecast says may come hold no event; one scheduled keeps its own.
func TestForetold(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"there are going to be riots", fixture{text: "\"Look at that plan, there are going to be riots over there,\" he said."}, nil},
		{"there will be a strike", fixture{text: "Unless the talks succeed, there will be a strike, the union leader said."}, nil},
		{"could trigger attacks", fixture{text: "Analysts warned the policy could trigger more attacks on soldiers."}, nil},
		{"will lead to a flood", fixture{text: "A small hole in the dike will lead to a flood, the banker said."}, nil},
		// still events
		{"a strike held", fixture{text: "There was a strike at the plant on Monday."}, []string{"protest|"}},
	})
}

// TestAcquaintance: an acquaintance made, a school attended and "the Met" hold no meeting; talks
// held and a rally attended still do.
func TestAcquaintance(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"nice to meet you", fixture{text: "\"It's so nice to meet you,\" the senator told the teacher."}, nil},
		{"excited to meet", fixture{text: "The couple said they were excited to meet their first grandchild."}, nil},
		{"ever met", fixture{text: "Friends called him the kindest man they had ever met."}, nil},
		{"attended schools", fixture{text: "The governor attended private Catholic schools in Boston."}, nil},
		{"the Met", fixture{text: "Visitors praised the Met for its new exhibition."}, nil},
		// still events
		{"met with officials", fixture{text: "The minister met with bank officials in Paris on Monday."}, []string{"meeting|"}},
		{"attended a meeting", fixture{text: "Ten union leaders attended the meeting in Detroit."}, []string{"meeting|"}},
	})
}

// TestKindOfDeals: bare plurals of deal nouns behind a class word name a kind of contract; the
// agreements of a determiner, a number, a signing or a date are made.
func TestKindOfDeals(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"most trade agreements", fixture{text: "The union has long opposed most trade agreements."}, nil},
		{"trade deals that", fixture{text: "He vowed to end one-sided trade deals that hurt factory workers."}, nil},
		{"nondisclosure agreements", fixture{text: "Staff members are bound by strict nondisclosure agreements."}, nil},
		// still events
		{"the agreements were signed", fixture{text: "The agreements were signed in Paris on Tuesday."}, []string{"agreement|"}},
		{"two trade agreements", fixture{text: "The countries signed two trade agreements last week."}, []string{"agreement|"}},
	})
}

// TestDealsAfterPreposition: a bare plural right after a preposition keeps its sense ("over deals
// the team cut").
func TestDealsAfterPreposition(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"over deals", fixture{text: "Critics raised questions over deals the agency cut with two banks."}, []string{"agreement|"}},
	})
}
