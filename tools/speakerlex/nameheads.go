package main

import "fmt"

// The fourth column of the list: what a capitalised name that ends in the noun names, read by the
// document-level typing step of the tagger (pkg/extract/ner): 'e' an occasion — a gathering, a
// contest, a show, a festival, an election, a war, an award ("Dubai Air Show", "Munich Security
// Conference", "Commonwealth Games", "Academy Awards") — or 'o' an organisation ("Electoral
// Commission", "Labour Party", "Interior Ministry"). It is read from the noun's first nameHeadDepth
// senses in order (nameHead), so "party" (a political party before a social affair) is 'o' and
// "conference" (a meeting before a sports league) 'e'; senses of other kinds are passed over
// ("summit": an acme and a peak before a meeting of heads of government), except that a place or
// a building or any physical thing comes first ("state", "bank", "house", "rubber" are none), and a
// programme or a degree before an occasion ("news", "series", "ba" are none).

// nameHeadDepth is how many of a noun's senses, most frequent first, are read for its name class.
const nameHeadDepth = 4

// nameHeadRoots are the synsets whose hyponyms name occasions or organisations.
var nameHeadRoots = []synsetRoot{
	// occasions: contests (championships, tournaments, races, games), social affairs (parties,
	// ceremonies, celebrations, fundraisers), meetings (summits, forums, conferences,
	// conventions), fairs and exhibitions, rallies and parades, festivals, votes (elections, referendums), wars
	// and battles, awards and prizes — not shows, whose names are mostly programmes and films, nor
	// other military actions ("defense", "mining", "resistance")
	{"contest", 1, 'e'}, {"affair", 3, 'e'}, {"meeting", 1, 'e'}, {"exhibition", 2, 'e'}, {"fair", 2, 'e'},
	{"rally", 1, 'e'}, {"procession", 2, 'e'}, {"celebration", 2, 'e'}, {"festival", 1, 'e'}, {"vote", 1, 'e'}, {"vote", 2, 'e'},
	{"battle", 1, 'e'}, {"war", 1, 'e'}, {"award", 2, 'e'}, {"prize", 1, 'e'},
	// organisations: companies, institutions, parties, agencies, committees, legislatures
	{"organization", 1, 'o'}, {"institution", 1, 'o'}, {"administration", 2, 'o'}, {"legislature", 1, 'o'},
	// what blocks a later sense: a place or a building before an organisation ("state", "bank",
	// "house", "hospital": "New York State", "West Bank", "White House"), a programme before an
	// occasion ("series", "news", "program": "NBC News", a TV series), and degrees, which are awards
	// too ("BA", "MS")
	{"location", 1, 'l'}, {"structure", 1, 'l'}, {"broadcast", 2, 'w'}, {"academic_degree", 1, 'w'},
	{"person", 1, 't'}, // a person before either: "raider", "guard" ("Tomb Raider" is no body)
}

// synsetRoot is a WordNet synset named by a lemma and its sense number ("meeting", 1 for
// meeting.n.01) whose hyponyms get a class letter.
type synsetRoot struct {
	lemma string
	sense int
	class byte
}

// rootSynsets maps the synset offsets of roots to their class letters, the first root listed
// winning where two name one synset; kind names the list in the error for a root WordNet lacks.
func rootSynsets(kind string, roots []synsetRoot, senses map[string][]string) (map[string]byte, error) {
	rootClass := map[string]byte{}
	for _, r := range roots {
		s := senses[r.lemma]
		if len(s) < r.sense {
			return nil, fmt.Errorf("%s %s.n.%02d not in index.noun", kind, r.lemma, r.sense)
		}
		if _, ok := rootClass[s[r.sense-1]]; !ok {
			rootClass[s[r.sense-1]] = r.class
		}
	}
	return rootClass, nil
}

// nameHeadClasses returns the name class of a synset ('e', 'o' or 0): that of the nearest root
// among it and its hypernyms.
func nameHeadClasses(synsets map[string]synset, senses map[string][]string) (func(off string) byte, error) {
	return nearestRootClass("name head root", nameHeadRoots, synsets, senses)
}

// nearestRootClass returns the class of a synset among roots: that of the nearest root among it
// and its hypernyms, or 0; kind names the list in the error for a root WordNet lacks.
func nearestRootClass(kind string, roots []synsetRoot, synsets map[string]synset, senses map[string][]string) (func(off string) byte, error) {
	rootClass, err := rootSynsets(kind, roots, senses)
	if err != nil {
		return nil, err
	}
	return func(off string) byte {
		// Breadth first, so that the nearest root decides ("summit" is a meeting before a gathering).
		seen := map[string]bool{off: true}
		level := []string{off}
		for depth := 0; depth < 40 && len(level) > 0; depth++ {
			var next []string
			for _, o := range level {
				if c := rootClass[o]; c != 0 {
					return c
				}
				for _, h := range synsets[o].hypers {
					if !seen[h] {
						seen[h] = true
						next = append(next, h)
					}
				}
			}
			level = next
		}
		return 0
	}, nil
}

// thingLexfiles are WordNet's lexicographer files of physical things: animals, artifacts, body
// parts, foods, natural objects, plants, substances.
var thingLexfiles = map[int]bool{5: true, 6: true, 8: true, 13: true, 17: true, 20: true, 27: true}

// nameHead is a noun's fourth column, read from its first nameHeadDepth senses in order: 'e' for
// the first occasion sense before any programme sense, 'o' for the first organisation sense before
// any occasion, place or building sense; a person's or a physical thing's sense before them
// blocks both ("raider", a plunderer before a corporate raider; "rubber", a material before a
// rubber match; "bank", sloping land before a bank); or 0.
func nameHead(offs []string, classOf func(off string) byte, lexfileOf func(off string) int) byte {
	placeSeen, workSeen := false, false
	for _, off := range offs[:min(nameHeadDepth, len(offs))] {
		c := classOf(off)
		if c == 0 && thingLexfiles[lexfileOf(off)] {
			c = 't' // "rubber", "cup": a material or a made thing first, its contest sense is rare
		}
		switch c {
		case 'e':
			if !workSeen {
				return 'e'
			}
		case 'o':
			if !placeSeen {
				return 'o'
			}
		case 'l':
			placeSeen = true
		case 'w':
			workSeen = true
		case 't':
			placeSeen, workSeen = true, true
		}
	}
	return 0
}
