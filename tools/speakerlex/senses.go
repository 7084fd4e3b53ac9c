package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The third column of the list: for each noun, the word classes of its salient senses, which the
// event extractor reads as evidence of a trigger's sense (pkg/extract/event/evidence.go): people
// killed or bacteria killed, a court's trial or a clinical one, a vote of voters or of a committee,
// a demonstration or a demonstration area. Letters of the first sense come first; a "." separates
// those only a later salient sense has ("cell": an artifact first, a living cell too → "a.b").
//
// A later sense is salient when the sense-tagged corpora saw it at least a quarter as often as the
// first ("man" is a person; its third sense, the genus Homo, is not salient; "cell" is a living
// cell in 44 of 115 tags). For a word the corpora never saw, its first four senses all count as
// first.

// flagRoots are the synsets (lemma, sense number) whose hyponyms, and the members of whose topic
// domain, get a flag letter. WordNet's lexicographer files give the broad classes (lexfileFlags).
var flagRoots = []struct {
	lemma string
	sense int
	flag  byte
}{
	{"person", 1, 'h'}, // someone: a civilian, a soldier, a voter
	{"social_group", 1, 'g'}, {"people", 1, 'g'}, {"gathering", 1, 'g'}, {"organization", 1, 'g'},
	// living things and their parts that are not people: bacteria, weeds, cells, a virus, a tumour
	{"organism", 1, 'b'}, {"cell", 2, 'b'}, {"body_part", 1, 'b'}, {"infectious_agent", 1, 'b'},
	{"pathogen", 1, 'b'}, {"tumor", 1, 'b'},
	{"weapon", 1, 'w'}, {"weaponry", 1, 'w'}, {"explosive_device", 1, 'w'}, {"missile", 1, 'w'},
	{"military_unit", 1, 'm'}, {"armed_forces", 1, 'm'}, {"military_personnel", 1, 'm'},
	{"serviceman", 1, 'm'}, {"terrorist", 1, 'm'}, {"gunman", 1, 'm'}, {"insurgent", 1, 'm'},
	{"combatant", 1, 'm'}, {"assailant", 1, 'm'}, {"police", 1, 'm'}, {"lawman", 1, 'm'},
	// the law: its domain, courts and their people, proceedings, crimes, the police
	{"law", 1, 'L'}, {"court", 1, 'L'}, {"judiciary", 1, 'L'}, {"lawyer", 1, 'L'}, {"judge", 1, 'L'},
	{"defendant", 1, 'L'}, {"plaintiff", 1, 'L'}, {"prosecutor", 1, 'L'}, {"jury", 1, 'L'},
	{"proceeding", 1, 'L'}, {"lawsuit", 1, 'L'}, {"crime", 1, 'L'}, {"criminal", 1, 'L'},
	{"verdict", 1, 'L'}, {"police", 1, 'L'}, {"legal_document", 1, 'L'}, {"prisoner", 1, 'L'},
	{"correctional_institution", 1, 'L'}, {"accusation", 1, 'L'}, {"accusation", 2, 'L'}, {"indictment", 1, 'L'}, {"sentence", 2, 'L'},
	// medicine: its domain, drugs and vaccines, diseases, patients, care and trials of treatments
	{"medicine", 1, 'M'}, {"medical_science", 1, 'M'}, {"drug", 1, 'M'}, {"medicine", 2, 'M'},
	{"immunogen", 1, 'M'}, {"disease", 1, 'M'}, {"ill_health", 1, 'M'}, {"patient", 1, 'M'},
	{"health_professional", 1, 'M'}, {"medical_care", 1, 'M'}, {"pathogen", 1, 'M'},
	{"clinical_trial", 1, 'M'}, {"dose", 1, 'M'}, {"medical_institution", 1, 'M'}, {"medical_building", 1, 'M'}, {"symptom", 1, 'M'},
	// elections and those who vote or stand in them
	{"election", 1, 'E'}, {"voter", 1, 'E'}, {"electorate", 1, 'E'}, {"candidate", 1, 'E'},
	{"candidate", 2, 'E'}, {"political_campaign", 1, 'E'}, {"ballot", 1, 'E'}, {"referendum", 1, 'E'},
	{"primary", 1, 'E'}, {"constituency", 1, 'E'}, {"polling_place", 1, 'E'},
	// bodies that vote among themselves, their members and what they vote on
	{"legislature", 1, 'K'}, {"legislator", 1, 'K'}, {"committee", 1, 'K'}, {"council", 1, 'K'},
	{"board", 1, 'K'}, {"bill", 1, 'K'}, {"filibuster", 1, 'K'},
}

// lexfileFlags are the flag letters of WordNet's lexicographer files.
var lexfileFlags = map[int]byte{
	4: 'k', 6: 'a', 10: 'c', 11: 'e', 15: 'l', 28: 't',
	// abstractions: attribute, cognition, feeling, motive, possession, quantity, relation, shape, state
	7: 'q', 9: 'q', 12: 'q', 16: 'q', 21: 'q', 23: 'q', 24: 'q', 25: 'q', 26: 'q',
}

// salientShare is how often, against the first sense, the tagged corpora must have seen a later
// sense for it to count.
const salientShare = 4

// synsetFlags returns the flag letters of a synset: its lexicographer file's, those of the roots
// among its hypernyms, and those of the roots that are or hold its topic domains; a living thing is
// 'b' only when it is not a person.
func synsetFlags(synsets map[string]synset, senses map[string][]string) (func(off string) string, error) {
	rootFlags := map[string]string{}
	for _, r := range flagRoots {
		s := senses[r.lemma]
		if len(s) < r.sense {
			return nil, fmt.Errorf("flag root %s.n.%02d not in index.noun", r.lemma, r.sense)
		}
		if !strings.ContainsRune(rootFlags[s[r.sense-1]], rune(r.flag)) {
			rootFlags[s[r.sense-1]] += string(r.flag)
		}
	}
	memo := map[string]string{}
	var ancestors func(off string, depth int) string // root flags of off and its hypernyms
	ancestors = func(off string, depth int) string {
		if f, ok := memo[off]; ok {
			return f
		}
		f := rootFlags[off]
		if depth < 40 {
			for _, h := range synsets[off].hypers {
				f += ancestors(h, depth+1)
			}
		}
		f = uniq(f)
		memo[off] = f
		return f
	}
	domain := domainFlags(synsets, ancestors)
	return func(off string) string {
		f := ancestors(off, 0) + domain(off, 0)
		lexfile := synsets[off].lexfile
		if c, ok := lexfileFlags[lexfile]; ok {
			f += string(c)
		}
		switch lexfile {
		case 5, 20: // noun.animal, noun.plant: "crops", "livestock"
			f += "b"
		case 21: // noun.possession, an abstraction one can own: "assets", "a stake", "shares"
			f += "$"
		}
		if strings.ContainsRune(f, 'h') {
			f = strings.ReplaceAll(f, "b", "") // a person is an organism too, but not what "b" means
		}
		return uniq(f)
	}, nil
}

// domainFlags returns the law's, medicine's and the military's flags that reach a synset through
// the topic domains of it and its hypernyms ("charge" is a pleading, whose domain is the law).
func domainFlags(synsets map[string]synset, ancestors func(off string, depth int) string) func(off string, depth int) string {
	memo := map[string]string{}
	var domain func(off string, depth int) string
	domain = func(off string, depth int) string {
		if f, ok := memo[off]; ok {
			return f
		}
		f := keep(ancestors(off, 0), "LMm")
		if depth < 40 {
			for _, d := range synsets[off].domains {
				f += domain(d, depth+1)
			}
			for _, h := range synsets[off].hypers {
				f += domain(h, depth+1)
			}
		}
		f = uniq(f)
		memo[off] = f
		return f
	}
	return domain
}

// wordFlags is a noun's third column: the flags of its first sense, then "." and those that only a
// later salient sense adds; "" when it has none.
func wordFlags(word string, offs []string, counts map[string]int, flagsOf func(string) string) string {
	first := flagsOf(offs[0])
	if counts[offs[0]] == 0 {
		// no tagged corpus saw the word: its first sense is first only by the lexicographers' order
		// ("moderator" is a substance before a person), so its first senses count alike
		for _, off := range offs[1:min(len(offs), senseDepth+1)] {
			first += flagsOf(off)
		}
		first = uniq(first)
	}
	var more string
	for _, off := range offs[1:min(len(offs), senseDepth+1)] {
		if n := counts[off]; n > 0 && n*salientShare >= counts[offs[0]] {
			more += flagsOf(off)
		}
	}
	more = strings.Map(func(r rune) rune {
		if strings.ContainsRune(first, r) {
			return -1
		}
		return r
	}, uniq(more))
	if more == "" {
		return first
	}
	return first + "." + more
}

// keep returns the letters of s that are in set.
func keep(s, set string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(set, r) {
			return r
		}
		return -1
	}, s)
}

// uniq sorts the letters of s and drops repeats.
func uniq(s string) string {
	b := []byte(s)
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	out := b[:0]
	for i, c := range b {
		if i == 0 || c != b[i-1] {
			out = append(out, c)
		}
	}
	return string(out)
}

// readSenseCounts reads index.sense: how often the sense-tagged corpora saw each noun lemma in each
// of its synsets.
func readSenseCounts(path string) (map[string]map[string]int, error) {
	m := map[string]map[string]int{}
	err := eachRecord(path, func(f []string) error {
		if len(f) < 4 {
			return nil
		}
		lemma, key, ok := strings.Cut(f[0], "%")
		if !ok || !strings.HasPrefix(key, "1:") {
			return nil // nouns only
		}
		n, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("%s: tag count: %w", f[0], err)
		}
		if m[lemma] == nil {
			m[lemma] = map[string]int{}
		}
		m[lemma][f[1]] = n
		return nil
	})
	return m, err
}
