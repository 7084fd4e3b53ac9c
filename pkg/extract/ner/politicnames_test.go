package ner_test

import (
	"context"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// entityCounts runs the chain on text and returns each entity's type and mention count by name.
func entityCounts(t *testing.T, text string) map[string]article.Entity {
	t.Helper()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Language: "en", Text: text}
	if err := chain.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	out := map[string]article.Entity{}
	for _, e := range a.Entities {
		out[e.Name] = e
	}
	return out
}

// TestSurnamesOfNamedPeople: political copy names a person in full once and by surname after; a
// surname the gazetteer knows as a small town is the person's, linked to the full name, unless a
// mention reads as the place's. A surname before "administration" is a leader's.
func TestSurnamesOfNamedPeople(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		class, in, name, typ string
		count                int    // the mentions name must have (0: any)
		absent               string // a name that must not be an entity of its own
	}{
		{"a surname linked to the full name though the model called it a place",
			"Trump, Cruz break away from the pack.\n\nIn recent weeks it has been Trump and Cruz. Sen. Ted Cruz of Texas said so.",
			"Ted Cruz", "PERSON", 3, "Cruz"},
		{"a leader's surname before 'administration', no full name in the text",
			"Officials who served in the Obama administration said the plan had failed.",
			"Obama", "PERSON", 1, ""},
		{"a family's company keeps its short form beside the family's member",
			"The Bass Group holds 24.9 pct of Taft Broadcasting Co. It talked with other Taft stockholders and members of Taft management. Vice Chairman Dudley Taft made an offer.",
			"Dudley Taft", "PERSON", 1, ""},
		{"a big city stays the city beside a person of its name",
			"Lawmakers in Houston cheered. Sam Houston's statue stands in Houston.",
			"Houston", "PLACE", 0, ""},
	} {
		got := entityCounts(t, tc.in)
		e, ok := got[tc.name]
		if !ok || e.Type != tc.typ || tc.count > 0 && e.Count != tc.count {
			t.Errorf("%s: %q: %q = %+v; want %s with %d mentions (all: %v)", tc.class, tc.in, tc.name, e, tc.typ, tc.count, got)
		}
		if _, ok := got[tc.absent]; tc.absent != "" && ok {
			t.Errorf("%s: %q: %q is an entity of its own", tc.class, tc.in, tc.absent)
		}
	}
}

// TestOutletsNamedAlone: a news outlet, wire service or platform named alone is a body, wherever
// the model put it: a dateline's bracket, after "took to", after "told".
func TestOutletsNamedAlone(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, name string }{
		{"Senator wins backing.\n\nBOSTON, Aug. 24 (UPI) — A spokesman for the senator said the campaign had raised money.", "UPI"},
		{"The governor took to Twitter early Wednesday morning to continue the feud.", "Twitter"},
		{"Campaign spokesman Brian Fallon told Politico that the candidate would testify.", "Politico"},
	} {
		got := entityCounts(t, tc.in)
		if e, ok := got[tc.name]; !ok || e.Type != "ORG" {
			t.Errorf("%q: %q = %+v; want ORG (all: %v)", tc.in, tc.name, e, got)
		}
	}
}

// TestFamiliesBySurname: the plural of the surname of a person the text names in full is the
// family, people — not a body.
func TestFamiliesBySurname(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, name string }{
		{"Liz Cheney won on Tuesday. “The Cheneys, they’re definitely from here,” said a voter.", "Cheneys"},
		{"Hillary Clinton spoke. Why do the Clintons get a pass on everything?", "Clintons"},
	} {
		got := entityCounts(t, tc.in)
		if e, ok := got[tc.name]; !ok || e.Type != "PERSON" {
			t.Errorf("%q: %q = %+v; want PERSON (all: %v)", tc.in, tc.name, e, got)
		}
	}
	// A nationality's plural stays what it is, whoever bears its singular as a surname.
	in := "Hector Latino, a pollster, spoke on Monday. The party has become more hostile to Latinos, he said."
	if e := entityCounts(t, in)["Latinos"]; e.Type == "PERSON" {
		t.Errorf("%q: Latinos = %+v; want no person", in, e)
	}
}

// TestPartyWords: a party's adjective or members' word alone is MISC, as a nationality is — no
// place, no person, and no short form of the party's or a committee's name; "GOP" is the party.
func TestPartyWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		class, in, name, typ string
		count                int
	}{
		{"an adjective is no short form of the party's name",
			"The Democratic Party met on Monday. Jim Clyburn, a Democratic congressman from South Carolina, said the Democratic primary would be close.",
			"Democratic", "MISC", 2},
		{"the party's name keeps its own mention",
			"The Democratic Party met on Monday. Jim Clyburn, a Democratic congressman from South Carolina, said the Democratic primary would be close.",
			"Democratic Party", "ORG", 1},
		{"'GOP' before a role or a noun is the party, no place",
			"Murray Clark, a former state GOP chair, said the race was open. Among likely GOP primary voters, two-thirds agree.",
			"GOP", "ORG", 2},
		{"an adjective the model called a place",
			"The Republican Party is divided. Voters chose Donald Trump in the Republican contest, and the once deeply Republican state moved left.",
			"Republican", "MISC", 2},
	} {
		got := entityCounts(t, tc.in)
		if e, ok := got[tc.name]; !ok || e.Type != tc.typ || e.Count != tc.count {
			t.Errorf("%s: %q: %q = %+v; want %s with %d mentions (all: %v)", tc.class, tc.in, tc.name, e, tc.typ, tc.count, got)
		}
	}
}

// TestPoliticalCommonNamesAndAddress: "a super PAC" names nothing; "State of the Union" is kept
// whole, the address an event and the television show of that name a work.
func TestPoliticalCommonNamesAndAddress(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ class, in, name, typ string }{
		{"a super PAC is a common noun",
			"A company gave $5,000 to a super PAC supporting the senator. The PAC did not respond.", "PAC", ""},
		{"the president's address, whole",
			"The president used his final State of the Union address on Tuesday to call out his critics.", "State of the Union", "EVENT"},
		{"a broadcaster's show of that name",
			"The senator said on CNN's State of the Union that local forces must lead.", "State of the Union", "MISC"},
	} {
		got := entityCounts(t, tc.in)
		e, ok := got[tc.name]
		if tc.typ == "" && ok || tc.typ != "" && (!ok || e.Type != tc.typ) {
			t.Errorf("%s: %q: %q = %+v; want %q (all: %v)", tc.class, tc.in, tc.name, e, tc.typ, got)
		}
		if _, ok := got["Union"]; ok {
			t.Errorf("%s: %q: 'Union' cut from the name", tc.class, tc.in)
		}
	}
}
