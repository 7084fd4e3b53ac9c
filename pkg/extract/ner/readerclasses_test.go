package ner_test

import "testing"

// TestReaderClasses: classes of typing errors read in real news (issue #19, "names typed right",
// the third audit), on sentences written for the test. Each case names its class.
func TestReaderClasses(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ typ, name string }
	for _, tc := range []struct {
		class string
		in    string
		wants []want
	}{
		{"a person's noun before a given name and surname, though the noun names companies too",
			"The show was praised by fellow broadcaster Miriam Holloway on Friday.",
			[]want{{"PERSON", "Miriam Holloway"}}},
		{"a hyphenated person's noun read whole",
			"The new picture is not for children, film-maker Arthur Penrose told reporters.",
			[]want{{"PERSON", "Arthur Penrose"}}},
		{"a town's occasion in the plural is an event, not a club",
			"Ms Duval won two medals at the Sydney Olympics and later at the Dubai Championships.",
			[]want{{"EVENT", "Sydney Olympics"}, {"EVENT", "Dubai Championships"}}},
		{"a title after a verb of making, without an article",
			"Mr Okoro directed Pulp Fiction before he moved to Lagos.",
			[]want{{"MISC", "Pulp Fiction"}}},
		{"an episode of a series",
			"He will direct the final episode of Crime Scene Investigation next year.",
			[]want{{"MISC", "Crime Scene Investigation"}}},
		{"a title before a work noun, after an ordinal",
			"The sixth Star Wars film opens in May.",
			[]want{{"MISC", "Star Wars"}}},
		{"a common surname alone stays a person",
			"The plan was backed by Reagan and opposed by the Senate.",
			[]want{{"PERSON", "Reagan"}}},
		{"players named by surname in sports copy",
			"The striker scored twice in the match. Subs not used: Lindqvist, Okafor, Berkovic.",
			[]want{{"PERSON", "Berkovic"}}},
		{"a country's legislature is no congress held there",
			"The senator said the U.S. Congress would vote on the tariff bill next week.",
			[]want{{"ORG", "Congress"}}},
		{"a person of a body is no part of the body's name",
			"Rates will rise this year, said Ward Mitchell of Hanley Lynch Economics Inc.",
			[]want{{"PERSON", "Ward Mitchell"}, {"ORG", "Hanley Lynch Economics Inc."}}},
		{"a company's product after an article, and its short form",
			"Queues formed for the Nintendo DS on Friday. The DS has two screens.",
			[]want{{"MISC", "Nintendo DS"}}},
		{"a film's title before its director",
			"Moon Harbour director Kwame Asante had talked of a sequel.",
			[]want{{"MISC", "Moon Harbour"}, {"PERSON", "Kwame Asante"}}},
		{"titles after \"credits include\"",
			"His film credits include Edge of Darkness and a stage role.",
			[]want{{"MISC", "Edge of Darkness"}}},
		{"a band after \"band\"",
			"The rock band Velvet Harbour were named best live act.",
			[]want{{"ORG", "Velvet Harbour"}}},
		{"a nationality's noun alone is no body",
			"A Briton was arrested in Surrey on Tuesday.",
			[]want{{"MISC", "Briton"}}},
		{"a nationality's noun before a given name is no part of the name",
			"Frenchman Ronald Bertin won the 200m final in Madrid.",
			[]want{{"PERSON", "Ronald Bertin"}}},
		{"a known company the model passed over or ran into a date",
			"She reported it on Twitter, and the film debuts on Netflix Friday.",
			[]want{{"ORG", "Twitter"}, {"ORG", "Netflix"}}},
		{"a leader's surname before a term of office",
			"The rule was drafted under the Obama administration and kept since.",
			[]want{{"PERSON", "Obama"}}},
	} {
		byName := typesByName(t, chain, tc.in)
		for _, w := range tc.wants {
			if got, ok := byName[w.name]; !ok || got != w.typ {
				t.Errorf("%s: %q: %q typed %q; want %s (all: %v)", tc.class, tc.in, w.name, got, w.typ, byName)
			}
		}
	}
}

// TestReaderClassesKeepTheirType: what the rules of TestReaderClasses must leave alone.
func TestReaderClassesKeepTheirType(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, name, typ string }{
		// A broadcaster before the series' name is its maker, not a title.
		{"He had a guest role in an episode of BBC sketch programme The Late Hour.", "BBC", "ORG"},
		// A firm named after its founder keeps its name whole.
		{"Gold will recover, said Samuel Hartley and Co Ltd in a report.", "Samuel Hartley and Co Ltd", "ORG"},
		// An acronym before "administration" is a party's.
		{"The SDP administration fell after the censure vote, and the SDP said it wants an early election.", "SDP", "ORG"},
		// Two companies joined, a company and an industry's noun, a club: bodies.
		{"Sony Ericsson said sales rose.", "Sony Ericsson", "ORG"},
		{"Shares in Toyota Motor rose on Monday.", "Toyota Motor", "ORG"},
		{"European governments unfairly subsidise the Airbus Industrie aircraft consortium, the U.S. says.", "Airbus", "ORG"},
		{"The Pittsburgh Penguins beat the Rangers.", "Pittsburgh Penguins", "ORG"},
		// "director" after a sentence's first word or a body.
		{"Film director Kwame Asante is to direct an episode.", "Kwame Asante", "PERSON"},
		{"FBI director James Comey testified on Tuesday.", "FBI", "ORG"},
		// A hyphenated given name stays whole.
		{"Fifth seed Andy Roddick was beaten by American Jan-Michael Gambill 6-4 6-2 on Tuesday.", "Jan-Michael Gambill", "PERSON"},
		// A town that is a surname too, read as a place's by the words before it.
		{"Wildfires raged on the Greek island of Rhodes on Saturday.", "Rhodes", "PLACE"},
		// A big city is a place though it is a surname too.
		{"Houston said the storm had passed.", "Houston", "PLACE"},
		// A club's plural nickname in sports copy stays a club.
		{"The coach praised the squad after the match. Harlequins were beaten again.", "Harlequins", "ORG"},
	} {
		if got := typesByName(t, chain, tc.in)[tc.name]; got != tc.typ {
			t.Errorf("%q: %q typed %q; want %s", tc.in, tc.name, got, tc.typ)
		}
	}
}
