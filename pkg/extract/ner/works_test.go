package ner_test

import "testing"

// TestWorksByWordNetAndVerbs: titles named by a noun WordNet files as a work, by a work's
// apposition with numbers and signs in it, or as the object of a verb of making or starring, on
// sentences written for the test (issue #19, class WORK of the second evaluation batch).
func TestWorksByWordNetAndVerbs(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	checkTyping(t, chain, []typingCase{
		{"an apposition with an amount names a work",
			"Among the winners was Lantern, a $9,000 (£4,700) tale of two sisters, which opened in March.",
			[]typedName{{"MISC", "Lantern"}}, nil},
		{"a WordNet work noun in an apposition",
			"Harbour Lights, a 2004 novella by Ruth Okafor, was reissued this week.",
			[]typedName{{"MISC", "Harbour Lights"}, {"PERSON", "Ruth Okafor"}}, nil},
		{"an apposition whose work noun a participle follows",
			"Ada Mensah, co-editor of Reading The Senate, a book analyzing floor speeches, spoke on Monday.",
			[]typedName{{"MISC", "Reading The Senate"}, {"PERSON", "Ada Mensah"}}, nil},
		{"titles given as examples of works, after a year's possessive",
			"She starred in several films including 1994's Harbour of Glass and novels such as The Salt Road.",
			[]typedName{{"MISC", "Harbour of Glass"}, {"MISC", "The Salt Road"}}, nil},
		{"a possessive inside a title after a class noun",
			"She played the matron in the drama Nurses' Station and a cameo in the comedy Harry's Garden Party.",
			[]typedName{{"MISC", "Nurses' Station"}, {"MISC", "Harry's Garden Party"}}, []string{"Nurses", "Harry"}},
		{"a title before an actress is a work, a place before her is not",
			"Harbourside actress Mary Keane died on Sunday. The Hollywood actress Jane Fonda paid tribute.",
			[]typedName{{"MISC", "Harbourside"}, {"PERSON", "Mary Keane"}, {"PLACE", "Hollywood"}}, nil},
		{"a quoted title after a WordNet work noun",
			"The choir closed with the anthem “Rise Up Together” before the minister spoke.",
			[]typedName{{"MISC", "Rise Up Together"}}, nil},
		{"a title after \"directed\" and \"starred in\", kept whole across \"of\"",
			"Ruth Okafor directed The Quiet Harbour in 2019 and starred in The Daughter of the Tide last year.",
			[]typedName{{"PERSON", "Ruth Okafor"}, {"MISC", "The Quiet Harbour"}, {"MISC", "The Daughter of the Tide"}}, []string{"Daughter", "Tide"}},
		{"a quoted title after \"wrote\"",
			"Ms Okafor wrote “Salt and Iron” while teaching in Lagos.",
			[]typedName{{"MISC", "Salt and Iron"}, {"PLACE", "Lagos"}}, nil},
	})
}

// TestWorkNounsNeedTheirCue: an unquoted name after a WordNet work noun, or a person after a
// verb that may take a work, keeps the type it has.
func TestWorkNounsNeedTheirCue(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, name, typ string }{
		{"The farm bill Congress passed in May raised subsidies.", "Congress", "ORG"},
		{"Police released Daniel Mwangi on bail on Tuesday.", "Daniel Mwangi", "PERSON"},
		{"She wrote to Senator Amina Yusuf about the delays.", "Amina Yusuf", "PERSON"},
		// The apposition's head is "company"; the work noun after "behind" is not its head.
		{"Northwind Media Group, the television production company behind the series, signed a deal.", "Northwind Media Group", "ORG"},
	} {
		if got := typesByName(t, chain, tc.in)[tc.name]; got != tc.typ {
			t.Errorf("%q: %q typed %q; want %s", tc.in, tc.name, got, tc.typ)
		}
	}
}
