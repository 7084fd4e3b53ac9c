package ner_test

import (
	"context"
	"sync"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// chainForKinds is the product's chain head (ner → geo, embedded gazetteer), built once.
var chainForKinds = sync.OnceValues(func() (*extract.Chain, error) {
	gaz, err := geo.Default()
	if err != nil {
		return nil, err
	}
	return extract.NewChain(nil, ner.New(gaz), geo.NewResolver(gaz)), nil
})

// TestNameKindsThroughChain runs the error classes of issue #19's second evaluation batch through
// the chain, on sentences written for the test: titles of works, named events, spans kept whole or
// split, companies after roles, people after honorifics and roles, prefixes that keep a name's type.
func TestNameKindsThroughChain(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	checkTyping(t, chain, []typingCase{
		{"WORK: a title after a class noun, kept whole across \"of\"",
			"The Mexican drama Daughter of the Tide, about a fisherman's widow, won the jury prize.",
			[]typedName{{"MISC", "Daughter of the Tide"}}, []string{"Daughter", "Tide"}},
		{"WORK: a title after \"the thriller\" keeps its \"The\"",
			"Critics praised the forthcoming thriller The Gatekeeper, starring Ruth Okafor, at its premiere.",
			[]typedName{{"MISC", "The Gatekeeper"}, {"PERSON", "Ruth Okafor"}}, []string{"Gatekeeper"}},
		{"WORK: a biopic named after its subject is the film, the subject the person",
			"The biopic Tesla, starring Ethan Hawke as inventor Nikola Tesla, opened on Friday.",
			[]typedName{{"MISC", "Tesla"}, {"PERSON", "Nikola Tesla"}, {"PERSON", "Ethan Hawke"}}, nil},
		{"WORK: a title before an apposition that names a work",
			"Among the nominees were Sister to Sister, a drama about two nurses in Manila.",
			[]typedName{{"MISC", "Sister to Sister"}}, nil},
		{"WORK: titles listed after a work's are works, a person among them stays a person",
			"Also nominated are the comedy Lucky Numbers, The House on the Hill and Late Spring, starring Zach Braff.",
			[]typedName{{"MISC", "Lucky Numbers"}, {"MISC", "The House on the Hill"}, {"MISC", "Late Spring"}, {"PERSON", "Zach Braff"}}, nil},
		{"WORK: a title before its author or star is a work; a club before its star is not",
			"Activists like Angela Davis and The Color of Law author Richard Rothstein spoke, as did Friends star Lisa Kudrow.",
			[]typedName{{"MISC", "The Color of Law"}, {"PERSON", "Richard Rothstein"}, {"MISC", "Friends"}, {"PERSON", "Lisa Kudrow"}}, nil},
		{"WORK: a title in quotes after a class noun",
			"The director makes this clear in her stunning new documentary “13th.” It opens on Friday.",
			[]typedName{{"MISC", "13th"}}, nil},
		{"WORK: a verb-like class noun needs a determiner or a year",
			"New polls show Clinton ahead in Ohio, and the 2019 hit Parasite won again.",
			[]typedName{{"MISC", "Parasite"}}, []string{"Clinton ahead"}},
		{"EVENTNAME: awards are events, not bodies",
			"The film is up for six Golden Globe Awards and earned its director an Academy Award nomination.",
			[]typedName{{"EVENT", "Golden Globe Awards"}, {"EVENT", "Academy Award"}}, nil},
		{"EVENTNAME: a show after a city is a trade show, not a place",
			"Boeing won orders for 40 jets at the Paris Air Show on Monday.",
			[]typedName{{"EVENT", "Paris Air Show"}}, nil},
		{"EVENTNAME: a festival named with a lower-case \"film festival\"",
			"The documentary won top prize at the Tribeca film festival earlier this year.",
			[]typedName{{"EVENT", "Tribeca film festival"}}, []string{"Tribeca"}},
		{"BOUNDARY: an outlet's name keeps its head word",
			"The governor told the Tulsa Sentinel that the plan would go ahead. The Sentinel first reported the deal.",
			[]typedName{{"ORG", "Tulsa Sentinel"}}, []string{"Tulsa"}},
		{"BOUNDARY: an institution's head before \"on\" is part of its name",
			"The Commission on Presidential Debates said the moderators would not fact-check the candidates.",
			[]typedName{{"ORG", "Commission on Presidential Debates"}}, []string{"Presidential Debates"}},
		{"BOUNDARY: two outlets in one mention are two names",
			"The story was picked up by Salon and Drudge Report within the hour.",
			[]typedName{{"ORG", "Salon"}, {"ORG", "Drudge Report"}}, []string{"Salon and Drudge Report"}},
		{"ORGPLACE: an institution's full name is no place",
			"A spokesman for the Department of Public Safety in Pierre said the roads were closed.",
			[]typedName{{"ORG", "Department of Public Safety"}}, nil},
		{"PERSON_MISTYPE: an honorific makes a person, linked to the full name",
			"Courtney Vance was sentenced on Tuesday. Ms Vance, 40, pleaded guilty in October.",
			[]typedName{{"PERSON", "Courtney Vance"}}, []string{"Ms Vance"}},
		{"PERSON_MISTYPE: a given name after a role is a person",
			"\"These awards mean everything,\" said the film's producer Michael Boston.",
			[]typedName{{"PERSON", "Michael Boston"}}, nil},
		{"PERSON_MISTYPE: kin are people, before a name and in apposition",
			"Trump mocked a photo of Ted Cruz's wife, Georgia, a former model. She won back custody of Frances Bean, her 12-year-old daughter.",
			[]typedName{{"PERSON", "Frances Bean"}, {"PERSON", "Georgia"}}, nil},
		{"BOUNDARY: a company joined by a hyphen is no part of a person's name",
			"Beauty company Coty is breaking out. The Coty-Kylie Jenner deal could start a trend, says John Petrides.",
			[]typedName{{"ORG", "Coty"}, {"PERSON", "Kylie Jenner"}}, []string{"Coty-Kylie Jenner"}},
		{"ORGPLACE: an institution's head before \"of\" outweighs \"state\" before it",
			"The slogan drew enough criticism to get the ax from the state Department of Public Safety.",
			[]typedName{{"ORG", "Department of Public Safety"}}, nil},
		{"ANTI: a prefix makes an adjective of a name and keeps its type",
			"Donald Trump spoke on Monday. Many voters seem more anti-Trump than pro-Clinton, said Hillary Clinton's aides.",
			[]typedName{{"PERSON", "Donald Trump"}, {"PERSON", "Hillary Clinton"}}, []string{"anti-Trump", "pro-Clinton"}},
		{"issue #19's older classes still hold: head words, legal forms, \"the\" before a river",
			"Kenya Railways signed with Brenner Halbleiter GmbH, and barges on the Rhône were idle.",
			[]typedName{{"ORG", "Kenya Railways"}, {"ORG", "Brenner Halbleiter GmbH"}}, []string{"Kenya"}},
	})
}

// TestTitleCaseHeadline: a title-case headline is read apart from the story, so its runs of
// capitalised words are no names and its reading does not spread to the body.
func TestTitleCaseHeadline(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in    string
		wants map[string]string
		not   []string
	}{
		{"Merkel Breaks With Macron On Border Bill.\n\nAs President Macron appears set to veto the bill, Chancellor Angela Merkel disagrees. " +
			"Macron said on Friday that the bill was dead. Merkel said Macron was wrong.",
			map[string]string{"Angela Merkel": "PERSON"}, []string{"Macron On Border Bill", "Merkel Breaks"}},
		{"Senator Jane Porter Grills Acme Bank CEO Over Fake Accounts\n\nSen. Jane Porter grilled Acme Bank chief executive John Hale on Tuesday. " +
			"Acme Bank opened accounts without customers' consent, Porter said.",
			map[string]string{"Jane Porter": "PERSON", "Acme Bank": "ORG", "John Hale": "PERSON"}, []string{"Senator Jane Porter Grills Acme Bank"}},
	} {
		byName := typesByName(t, chain, tc.in)
		for name, typ := range tc.wants {
			if byName[name] != typ {
				t.Errorf("%q: %q typed %q; want %s (all: %v)", tc.in, name, byName[name], typ, byName)
			}
		}
		for _, n := range tc.not {
			if _, ok := byName[n]; ok {
				t.Errorf("%q: unexpected entity %q (all: %v)", tc.in, n, byName)
			}
		}
	}
}

// typedName is an entity a typing case expects: its type and its name.
type typedName struct{ typ, name string }

// typingCase is a sentence of one class of issue #19 with the entities the chain must give it and
// the names that must not be entities.
type typingCase struct {
	class string
	in    string
	wants []typedName
	not   []string
}

// checkTyping runs each case through chain and reports what it types otherwise.
func checkTyping(t *testing.T, chain *extract.Chain, cases []typingCase) {
	t.Helper()
	for _, tc := range cases {
		byName := typesByName(t, chain, tc.in)
		for _, w := range tc.wants {
			if got, ok := byName[w.name]; !ok || got != w.typ {
				t.Errorf("%s: %q: %q typed %q; want %s (all: %v)", tc.class, tc.in, w.name, got, w.typ, byName)
			}
		}
		for _, n := range tc.not {
			if typ, ok := byName[n]; ok {
				t.Errorf("%s: %q: %q is an entity (%s); want none (all: %v)", tc.class, tc.in, n, typ, byName)
			}
		}
	}
}

// typesByName runs text through the chain and returns its entities' types by name.
func typesByName(t *testing.T, chain *extract.Chain, text string) map[string]string {
	t.Helper()
	a := &article.Article{Language: "en", Text: text}
	if err := chain.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for _, e := range a.Entities {
		byName[e.Name] = e.Type
	}
	return byName
}

// TestClubBeforeStarIsNoWork: "star" after a club or a place names a player or an actor of it, not
// a work's star.
func TestClubBeforeStarIsNoWork(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		"Chelsea star Cole Palmer scored twice on Saturday.",
		"Arsenal star Bukayo Saka was injured.",
		"Hollywood star Tom Cruise arrived in Paris.",
	} {
		for name, typ := range typesByName(t, chain, in) {
			if typ == "MISC" {
				t.Errorf("%q: %q typed MISC", in, name)
			}
		}
	}
}
