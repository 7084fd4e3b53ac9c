package ner_test

import "testing"

// TestCompanyCues runs issue #19's class of companies and bodies the model made people through the
// chain, on sentences written for the test: a legal form after the name, an employee "of" it, "a X
// spokesman", "X shares fell", "X said its"; and clubs named after towns or holding a town's name
// in sports copy. People keep their type under the same words.
func TestCompanyCues(t *testing.T) {
	t.Parallel()
	checkTypes(t, []typeCase{
		{"a legal form at the end makes a company, though an apposition names a role",
			"The figures were in the annual report released by Pelham Norcross Co, the majority owner of the venture, on Friday.", "Pelham Norcross Co", "ORG"},
		{"\"and Co\" after a name makes it a company",
			"The new shares were placed by Ferris Wendell and Co with investors, Ferris Wendell said.", "Ferris Wendell and Co", "ORG"},
		{"a person's employer after \"of\" is a body",
			"\"The market is tired,\" said Harry Dobbins of Marwick Tolley, a Boston firm.", "Marwick Tolley", "ORG"},
		{"the person before \"of\" stays a person",
			"\"The market is tired,\" said Harry Dobbins of Marwick Tolley, a Boston firm.", "Harry Dobbins", "PERSON"},
		{"a spokesman of a one-word name after an article makes it a body",
			"The cracks were found on Monday, a Skyveld spokesman said. Skyveld grounded two jets.", "Skyveld", "ORG"},
		{"shares that move make a company",
			"Tolvane reported a loss on Monday, Tolvane said. Tolvane shares were down 2p at 251 after the results.", "Tolvane", "ORG"},
		{"a name that says \"its\" is a body",
			"Oil output fell last year, Verrant said on Monday. Verrant said its reserves would last a decade.", "Verrant", "ORG"},
		{"a person named in full who says \"its\" stays a person",
			"Mary Okafor said its design was flawed.", "Mary Okafor", "PERSON"},
		{"a parent company after a possessive makes a company",
			"The ferries were insured by Kessel Brandt's parent company, the report said.", "Kessel Brandt", "ORG"},
		{"a month and a spelled-out day are a date, not a name",
			"The agency acted after an accident March Three in which the plant's acid unit failed.", "March Three", ""},
		{"a spokesman after a name with one word between makes it a body",
			"\"It is too late,\" said Rhys Owen, Cymru Unedig health spokesman.", "Cymru Unedig", "ORG"},
		{"a person's full name after a possessive makes the possessor a body",
			"Aid budgets have halved, Helpmark says in a report. \"The world is giving less,\" Helpmark's Barbara Stone said.", "Helpmark", "ORG"},
		{"a surname's possessive before a full name stays a person",
			"Critics said Brown's Gordon Hale plan would fail.", "Brown", "PERSON"},
		{"a town that is a common word names its club before a player's position in sports copy",
			"The coach named his squad for the league match. Bath prop Tom Keller is fit again.", "Bath", "ORG"},
		{"a name holding a town's name is a club after a result verb in sports copy",
			"The striker scored twice as his club beat Steaua Bucharest in the cup match, the coach said.", "Steaua Bucharest", "ORG"},
		{"a town after \"against\" in sports copy is the opponent club",
			"The winger was injured in the league match against Blackpool, the coach said.", "Blackpool", "ORG"},
		{"a town after \"clash with\" in sports copy is a club",
			"The striker misses Saturday's league clash with Blackpool, the coach said.", "Blackpool", "ORG"},
		{"a town with a plural verb after \"that\" in sports copy is a club",
			"The captain admitted that Blackpool have little chance of winning the league this season.", "Blackpool", "ORG"},
		{"a country against another in sports copy stays a place",
			"The winger was injured in the match against Portugal, the coach said.", "Portugal", "PLACE"},
		{"a player beaten in sports copy stays a person",
			"The coach said the player beat Tom Keller in the final match of the tournament.", "Tom Keller", "PERSON"},
	})
}

// TestLawNames runs issue #19's class of bills the model cut to their head word ("Bill", read as a
// given name) or typed a body, on sentences written for the test; a person named Bill stays one.
func TestLawNames(t *testing.T) {
	t.Parallel()
	checkTypes(t, []typeCase{
		{"a bill's name cut to its head word is kept whole",
			"Ministers hope to pass the Ferry Safety Bill before the summer recess.", "Ferry Safety Bill", "MISC"},
		{"a bill's name with function words is kept whole",
			"Lady Marsh's Repeal of the Salt Duties Bill was read in the Lords.", "Repeal of the Salt Duties Bill", "MISC"},
		{"a bill the model called a body is a law",
			"MPs voted in favour of the Protection of Moorland Bill on Tuesday.", "Protection of Moorland Bill", "MISC"},
		{"a common word opening the sentence is no part of a law's name",
			"Under the Moorland Grazing Act, farmers must register their flocks.", "Moorland Grazing Act", "MISC"},
		{"a person named Bill stays a person",
			"Bill Harrow said the ferry would sail on Monday.", "Bill Harrow", "PERSON"},
	})
}
