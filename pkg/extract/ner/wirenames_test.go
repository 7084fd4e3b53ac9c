package ner_test

import "testing"

// TestWireNames runs the wire-copy classes of issue #19's audit of unseen articles through the
// chain, on sentences written for the test: a company named "A and B" kept whole, and a country
// written before a plain noun or before a company's class noun read apart from what follows.
func TestWireNames(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	checkTyping(t, chain, []typingCase{
		{"AND: a pair written once with a legal form is one company everywhere",
			"CHICAGO, May 4 - Fenwick and Marsh Publishers Inc said it would sell its textbook unit. " +
				"Analysts said Fenwick and Marsh had few buyers, and Fenwick and Marsh shares fell.",
			[]typedName{{"ORG", "Fenwick and Marsh"}}, []string{"Fenwick", "Marsh"}},
		{"AND: a name repeated across \"and\" is one company",
			"Brandt and Brandt said its profit rose. Analysts expect Brandt and Brandt to cut costs.",
			[]typedName{{"ORG", "Brandt and Brandt"}}, []string{"Brandt"}},
		{"AND: a pair always written with a possessive keeps it",
			"Kessler and Lowe's said it cut the rating. A Kessler and Lowe's analyst said the outlook was weak.",
			[]typedName{{"ORG", "Kessler and Lowe's"}}, []string{"Kessler", "Lowe"}},
		{"AND: two companies, one also named alone, stay two",
			"Nintendo and Sony Corp both cut prices, and Nintendo said demand was strong.",
			[]typedName{{"ORG", "Nintendo"}}, []string{"Nintendo and Sony Corp"}},
		{"AND: a legal form after a pair written once may be the second company's alone",
			"It teamed up with the engineering group Alstom and Bouygues SA last year.",
			[]typedName{{"ORG", "Alstom"}}, []string{"Alstom and Bouygues SA"}},
		{"AND: two agencies named once before a possessive stay two",
			"Ratings by Fitch and Moody's were raised last week.",
			nil, []string{"Fitch and Moody's"}},
		{"AND: a place named once before a company stays the place",
			"Orders came from Apex Tools SA of France and Juster Steel Corp.",
			nil, []string{"France and Juster Steel Corp"}},
		{"COUNTRY: a country before a plain noun is the country",
			"Ministers were disturbed by U.S. Moves towards tariffs on steel.",
			[]typedName{{"PLACE", "U.S."}}, []string{"U.S. Moves"}},
		{"COUNTRY: a country before a noun the article writes in lower case",
			"Note - All figures are in U.S. Dollars as the company is registered in Canada, and 40 mln dollars went to repay debt.",
			[]typedName{{"PLACE", "U.S."}}, []string{"U.S. Dollars"}},
		{"COUNTRY: a country, a company's class noun and the company",
			"The bid came from the U.S. Firm Halvorsen Controls Inc, traders said.",
			[]typedName{{"PLACE", "U.S."}, {"ORG", "Halvorsen Controls Inc"}}, []string{"U.S. Firm Halvorsen Controls Inc"}},
		{"COUNTRY: a nationality, a lower-case class noun and the company",
			"The Dutch company Akzo said it would appeal.",
			[]typedName{{"MISC", "Dutch"}, {"ORG", "Akzo"}}, []string{"Dutch company Akzo"}},
		{"COUNTRY: a country's body and a company named with a nationality keep their names",
			"The U.S. Navy said the carrier would stay, and American Motors said sales fell.",
			[]typedName{{"ORG", "U.S. Navy"}, {"ORG", "American Motors"}}, nil},
		{"OF: a person of the body they speak for are a person and a body",
			"Rates may rise soon, said Karen Holloway of Whitcombe Securities Inc. Holloway expects a cut later.",
			[]typedName{{"PERSON", "Karen Holloway"}, {"ORG", "Whitcombe Securities Inc."}}, []string{"Karen Holloway of Whitcombe Securities Inc."}},
		{"OF: a person the article names elsewhere by the surname, of a body",
			"The plan is flawed, said Ashok Ramaswamy of Operation Fair Vote. Mr Ramaswamy wants a new law.",
			[]typedName{{"PERSON", "Ashok Ramaswamy"}}, []string{"Ashok Ramaswamy of Operation Fair Vote"}},
		{"OF: a body named with \"of\" stays whole",
			"The Royal Bank of Canada raised its prime rate, and the Reserve Bank of India held its own.",
			[]typedName{{"ORG", "Royal Bank of Canada"}, {"ORG", "Reserve Bank of India"}}, nil},
		{"LONGER: a name cut short takes the longer form the article writes elsewhere",
			"She won the seat of Suffolk Coastal in 2001. The Suffolk Coastal seat is safe.",
			[]typedName{{"ORG", "Suffolk Coastal"}}, []string{"Coastal"}},
		{"FESTIVAL: a nationality before a lower-case \"festival\" is no festival's name",
			"The 10-day Dutch festival begins on Wednesday, and the Sundance film festival ends.",
			[]typedName{{"MISC", "Dutch"}, {"EVENT", "Sundance film festival"}}, []string{"Dutch festival"}},
		{"CLUB: a town and a club's suffix are a club",
			"Sheffield United striker Ade Akinbiyi scored twice, and Hinckley United held Brentford to a draw.",
			[]typedName{{"ORG", "Sheffield United"}, {"ORG", "Hinckley United"}, {"PERSON", "Ade Akinbiyi"}}, []string{"Sheffield"}},
		{"CLUB: a town and a capitalised plural after \"the\" are a club",
			"Two late goals lifted the Hartford Whalers past the Quebec Nordiques on Friday.",
			[]typedName{{"ORG", "Quebec Nordiques"}}, []string{"Quebec"}},
		{"CLUB: a country and a capitalised plural after \"the\" are no club",
			"Japanese rating firms are now competing with the U.S. Agencies for business.",
			[]typedName{{"PLACE", "U.S."}}, []string{"U.S. Agencies"}},
		{"CLUB: a city named with \"City\" stays a place",
			"Flights from Kansas City and Mexico City were late.",
			[]typedName{{"PLACE", "Kansas City"}, {"PLACE", "Mexico City"}}, nil},
	})
}
