// Package wordclass owns the lexical knowledge the extractors read about English nouns: what
// WordNet 3.1 says a noun denotes. The quote extractor asks whether a phrase's head may speak (a
// person, a group, an organisation, a document — Speaker); the event extractor asks what the words
// around a trigger are (people or bacteria, a court or a drug, a place or an act — Of), so that a
// trigger counts only with evidence of its sense.
//
// It also knows which verbs report words (Communication: WordNet's verb.communication), which the
// quote extractor reads as cues. The lists (data/nouns.tsv.gz, data/verbs.tsv.gz) are built by
// tools/speakerlex from the WordNet 3.1 database; origin and licence in data/SOURCES.md. Each is
// unpacked once, on first use, into one string and an index of line starts: a lookup is a binary
// search that allocates nothing.
package wordclass

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

//go:embed data/nouns.tsv.gz
var nounsGz []byte

// table is the embedded list, unpacked: the sorted "word\tspeaker[\tflags]\n" lines in one string
// and where each starts. It holds two pointers, so the garbage collector never walks 80k map keys.
type table struct {
	text  string
	lines []uint32
}

// nouns is the list, unpacked once, on first use, and read-only after.
var nouns = sync.OnceValue(func() *table { return unpack(nounsGz, "noun", 90000) })

// unpack reads an embedded gzipped list into a table; what names it in the panic a broken list
// (a build error: the lists are compiled in) gives.
func unpack(gz []byte, what string, size int) *table {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("wordclass: embedded " + what + " list: " + err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("wordclass: embedded " + what + " list: " + err.Error())
	}
	t := &table{text: string(raw), lines: make([]uint32, 0, size)}
	for off := 0; off < len(t.text); {
		end := strings.IndexByte(t.text[off:], '\n')
		if end < 0 {
			end = len(t.text) - off
		}
		if t.text[off] != '#' {
			t.lines = append(t.lines, uint32(off))
		}
		off += end + 1
	}
	return t
}

// line returns the rest of the line of the word stem+suffix after its tab, "" when the list does
// not hold it. The word is looked up in two pieces so that a plural's singular ("part"+"y" for
// "parties") costs no allocation.
func (t *table) line(stem, suffix string) string {
	lo, hi := 0, len(t.lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if compare2(t.word(m), stem, suffix) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(t.lines) || compare2(t.word(lo), stem, suffix) != 0 {
		return ""
	}
	rest := t.text[int(t.lines[lo])+len(stem)+len(suffix)+1:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return rest
}

// compare2 compares w with the string a+b.
func compare2(w, a, b string) int {
	if len(w) >= len(a) {
		if c := strings.Compare(w[:len(a)], a); c != 0 {
			return c
		}
		return strings.Compare(w[len(a):], b)
	}
	if c := strings.Compare(w, a[:len(w)]); c != 0 {
		return c
	}
	return -1 // w is a proper prefix of a
}

// set returns the table's words as a set, for lists asked of many words that need no suffix.
func (t *table) set() map[string]bool {
	set := make(map[string]bool, len(t.lines))
	for i := range t.lines {
		set[t.word(i)] = true
	}
	return set
}

// word is the noun of line i.
func (t *table) word(i int) string {
	line := t.text[t.lines[i]:]
	return line[:strings.IndexByte(line, '\t')]
}

// Speaker is the speaker class of a lower-case noun by its first three senses: 'p' person, 'g'
// group of people, 'o' organisation, 'd' document or other communication, 't' thing, 'a' modifier
// (a word WordNet has more as an adjective or adverb); 0 when the list does not hold it.
func Speaker(w string) byte {
	if l := nouns().line(w, ""); l != "" {
		return l[0]
	}
	return 0
}

// Class letters of Of: what a noun's senses denote.
const (
	Person      = 'h' // someone: a civilian, a voter, a judge
	Group       = 'g' // a group of people or an organisation: villagers as a body, a committee
	Living      = 'b' // a living thing, or part of one, that is no person: bacteria, weeds, cells, a virus
	Weapon      = 'w' // a gun, a bomb, a missile
	Armed       = 'm' // soldiers, troops, gunmen, insurgents
	Legal       = 'L' // the law's: a court, a jury, a defendant, a charge, a lawsuit, a crime, the police
	Medical     = 'M' // medicine's: a drug, a vaccine, a dose, a patient, a disease
	Electoral   = 'E' // elections': a voter, a candidate, a ballot, a campaign
	Legislative = 'K' // bodies that vote among themselves and what they vote on: a senate, a committee, a bill
	Location    = 'l' // a place or an area: a zone, a site, a district
	Artifact    = 'a' // a made thing: a room, a helicopter, a farm
	Message     = 'c' // a communication: a speech, a remark, an order
	Time        = 't' // a day, a deadline, a phase
	Act         = 'k' // something done: a vote, a project, a murder
	Happening   = 'e' // an event: an accident, a tweet
	Abstraction = 'q' // an attribute, idea, feeling, motive, possession, quantity or state: goals, demand, needs
	Possession  = '$' // an abstraction one can own, buy or sell: assets, a stake, shares
)

// Classes are the class letters of a noun's salient senses (tools/speakerlex/senses.go): those of
// its first sense, and those that only a later sense seen often enough adds. The zero value is a
// word the list does not hold.
type Classes struct{ first, more string }

// First reports whether the noun's first (most frequent) sense is of class c.
func (c Classes) First(class byte) bool { return strings.IndexByte(c.first, class) >= 0 }

// Any reports whether one of the noun's salient senses is of class c.
func (c Classes) Any(class byte) bool { return c.First(class) || strings.IndexByte(c.more, class) >= 0 }

// Known reports whether the list gives the noun a class.
func (c Classes) Known() bool { return c.first != "" || c.more != "" }

// Of returns the classes of a lower-case noun, read, for a plural, under its singular when the list
// gives that a class ("weeds" are plants, not a widow's clothes; "civilians", "women", "parties"),
// else under its own form ("bacteria", "news").
func Of(w string) Classes {
	t := nouns()
	n := len(w)
	if n > 2 && w[n-1] == 's' && w[n-2] != 's' {
		switch {
		case n > 4 && strings.HasSuffix(w, "ies"):
			if c, _ := t.classes(w[:n-3], "y"); c.Known() {
				return c
			}
		case n > 3 && strings.HasSuffix(w, "es"):
			if c, _ := t.classes(w[:n-2], ""); c.Known() {
				return c
			}
		}
		if c, _ := t.classes(w[:n-1], ""); c.Known() {
			return c
		}
	}
	if n > 3 && strings.HasSuffix(w, "men") {
		if c, _ := t.classes(w[:n-3], "man"); c.Known() {
			return c
		}
	}
	c, _ := t.classes(w, "")
	return c
}

// classes reads the third column of the line of stem+suffix; ok is false when the list does not
// hold the word.
func (t *table) classes(stem, suffix string) (c Classes, ok bool) {
	l := t.line(stem, suffix)
	if l == "" {
		return Classes{}, false
	}
	_, flags, has := strings.Cut(l, "\t")
	if !has {
		return Classes{}, true // listed, with no class the events read (a modifier, a rare noun)
	}
	flags, _, _ = strings.Cut(flags, "\t") // the fourth column is NameHead's
	first, more, _ := strings.Cut(flags, ".")
	return Classes{first: first, more: more}, true
}
