package ner_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestNameHeads runs the typing step's readings of a name by its head noun's WordNet class
// (nameheads.go) through the chain, on sentences written for the test: occasions are events and
// never places on the map, whatever the model called them; a body's head keeps a name whole across
// "on"; the employer of a role is a body.
func TestNameHeads(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ typ, name string }
	for _, tc := range []struct {
		rule   string
		in     string
		wants  []want
		not    []string // names that must not be entities
		places []string // place names that must not be on the map
	}{
		{"an occasion's head makes an event of what the model called a place",
			"The Baltic Sea Summit ended without a deal on Friday.",
			[]want{{"EVENT", "Baltic Sea Summit"}}, nil, []string{"Baltic Sea Summit"}},
		{"an occasion's head makes an event of a place named after a region",
			"Voters in Sardinia rejected the plan in the Sardinia Referendum.",
			[]want{{"EVENT", "Sardinia Referendum"}, {"PLACE", "Sardinia"}}, nil, []string{"Sardinia Referendum"}},
		{"an occasion's head that names no group makes an event of a body",
			"Thousands flocked to the Karoo Craft Fair in Oudtshoorn last weekend.",
			[]want{{"EVENT", "Karoo Craft Fair"}, {"PLACE", "Oudtshoorn"}}, nil, nil},
		{"a head that names a group too stays a body without an occasion's cue",
			"The Pacific Islands Forum said it would send observers to the vote.",
			[]want{{"ORG", "Pacific Islands Forum"}}, nil, nil},
		{"a mention read as an occasion makes an event of a group's head",
			"She attended the Pacific Islands Forum in Honiara.",
			[]want{{"EVENT", "Pacific Islands Forum"}, {"PLACE", "Honiara"}}, nil, nil},
		{"\"at the\" reads a group's head as an occasion",
			"Ministers were at the Pacific Islands Forum in Honiara.",
			[]want{{"EVENT", "Pacific Islands Forum"}}, nil, nil},
		{"a verb only an occasion takes reads a group's head as one",
			"The Pacific Islands Forum will be held in Apia next year.",
			[]want{{"EVENT", "Pacific Islands Forum"}, {"PLACE", "Apia"}}, nil, nil},
		{"a place and an occasion's head the model split are one event",
			"Odhiambo won the Kisumu Regatta for a third time.",
			[]want{{"EVENT", "Kisumu Regatta"}}, []string{"Regatta"}, []string{"Kisumu"}},
		{"an occasion's name the model passed over is one after \"the\", hyphens and all",
			"Both candidates appeared at the Commander-in-Chief Forum hosted by a cable channel.",
			[]want{{"EVENT", "Commander-in-Chief Forum"}}, nil, nil},
		{"a plural occasion's name of one word after \"the\"",
			"The film won three awards at the Oscars on Sunday.",
			[]want{{"EVENT", "Oscars"}}, nil, nil},
		{"an occasion's head keeps its name whole across \"on\"",
			"He attended the World Conference on Ocean Plastics in Lisbon.",
			[]want{{"EVENT", "World Conference on Ocean Plastics"}, {"PLACE", "Lisbon"}}, []string{"Ocean Plastics", "World Conference"}, nil},
		{"an apposition headed by an occasion's noun makes an event",
			"Nyege Nyege, an annual music festival on the Nile, drew 9,000 fans.",
			[]want{{"EVENT", "Nyege Nyege"}}, nil, nil},
		{"an apposition headed by an organisation's noun makes a body",
			"Halvorsen Dahl, a Bergen brokerage, bought the stake.",
			[]want{{"ORG", "Halvorsen Dahl"}, {"PLACE", "Bergen"}}, nil, nil},
		{"an occasion's head alone is a short form of the event",
			"The Baltic Sea Summit ended on Friday. The Summit had been called by Finland.",
			[]want{{"EVENT", "Baltic Sea Summit"}, {"PLACE", "Finland"}}, []string{"Summit"}, []string{"Summit"}},
		{"a storm's class noun and its name are one event, not a person",
			"Cyclone Freddy killed hundreds in Malawi. Freddy then weakened over Mozambique.",
			[]want{{"EVENT", "Cyclone Freddy"}, {"PLACE", "Malawi"}}, []string{"Freddy"}, nil},
		{"a storm's name is not a town on the map",
			"Winter Storm Kara left 40,000 homes without power in Ohio.",
			[]want{{"EVENT", "Winter Storm Kara"}, {"PLACE", "Ohio"}}, []string{"Kara"}, []string{"Kara"}},
		{"\"Storm\" is a given name too: a results line's player is no storm",
			"Titusville (0-1): Storm Mbeki 12 points, Kelli Howard 6 steals.",
			nil, []string{"Storm Mbeki"}, nil},
		{"a title in quotes is no event, whatever its head",
			"Listen to our weekly politics podcast, “Ground Game.”",
			[]want{{"MISC", "Ground Game"}}, nil, nil},
		{"the employer of a role is a body, not a person",
			"Matt Porter, a strategist at Keller Brandt, said shares would rise.",
			[]want{{"PERSON", "Matt Porter"}, {"ORG", "Keller Brandt"}}, nil, nil},
		{"WordNet's person nouns name roles too",
			"Anna Berg, a dentist with Ostrander Lund, said prices had doubled.",
			[]want{{"PERSON", "Anna Berg"}, {"ORG", "Ostrander Lund"}}, nil, nil},
		{"a place the gazetteer knows stays a place after a role",
			"Ann Mwangi, a teacher at Kisumu, said the school had closed.",
			[]want{{"PERSON", "Ann Mwangi"}, {"PLACE", "Kisumu"}}, nil, nil},
	} {
		a := &article.Article{Language: "en", Text: tc.in}
		if err := chain.Run(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		byName := map[string]string{}
		for _, e := range a.Entities {
			byName[e.Name] = e.Type
		}
		for _, w := range tc.wants {
			if got, ok := byName[w.name]; !ok || got != w.typ {
				t.Errorf("%s: %q: %q typed %q; want %s (all: %v)", tc.rule, tc.in, w.name, got, w.typ, byName)
			}
		}
		for _, n := range tc.not {
			if got, ok := byName[n]; ok {
				t.Errorf("%s: %q: unexpected entity %s %q", tc.rule, tc.in, got, n)
			}
		}
		for _, p := range a.Places {
			for _, n := range tc.places {
				if strings.EqualFold(p.Name, n) {
					t.Errorf("%s: %q: %q on the map as %s", tc.rule, tc.in, n, p.CountryCode)
				}
			}
		}
	}
}

// TestOneTypePerNameForEventsAndWorks: the typing step gives a name one type in a document from all
// its mentions and the strongest evidence any of them carries — for events and works as for people,
// bodies and places — so a mention the model read otherwise follows the others.
func TestOneTypePerNameForEventsAndWorks(t *testing.T) {
	t.Parallel()
	chain, err := chainForKinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in, name, typ string
		mentions      int
	}{
		{"Organisers of the Karoo Craft Fair expect 20,000 visitors. The Karoo Craft Fair runs until Sunday, " +
			"and Karoo Craft Fair staff said parking was free.", "Karoo Craft Fair", "EVENT", 3},
		{"Critics loved the comedy Lucky Numbers. Lucky Numbers opens in Nairobi on Friday, and Lucky Numbers " +
			"has already sold out.", "Lucky Numbers", "MISC", 3},
	} {
		a := &article.Article{Language: "en", Text: tc.in}
		if err := chain.Run(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, e := range a.Entities {
			if e.Name != tc.name {
				continue
			}
			found++
			if e.Type != tc.typ || e.Count != tc.mentions {
				t.Errorf("%q: %q typed %s with %d mentions; want %s with %d", tc.in, e.Name, e.Type, e.Count, tc.typ, tc.mentions)
			}
		}
		if found != 1 {
			t.Errorf("%q: %d entities named %q; want 1 (all: %+v)", tc.in, found, tc.name, a.Entities)
		}
	}
}
