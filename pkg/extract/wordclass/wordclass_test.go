package wordclass

import "testing"

func TestSpeaker(t *testing.T) {
	for _, tc := range []struct {
		word string
		want byte
	}{
		{"spokeswoman", 'p'}, {"ministry", 'o'}, {"residents", 0}, {"resident", 'p'}, {"stock", 't'},
		{"statement", 'd'}, {"overall", 'a'}, {"think tank", 'o'}, {"brexiteers", 0},
	} {
		if got := Speaker(tc.word); got != tc.want {
			t.Errorf("Speaker(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		word         string
		first, notAt string // classes of the first sense; classes of no salient sense
		anyOf        string // classes of some salient sense
	}{
		{word: "civilians", first: "h", notAt: "b"},
		{word: "women", first: "h", notAt: "b"},
		{word: "bacteria", first: "b", notAt: "h"},
		{word: "mosquitoes", first: "b", notAt: "h"},
		{word: "weeds", first: "b"},
		{word: "cells", first: "a", anyOf: "b"},
		{word: "jury", first: "gL", notAt: "M"},
		{word: "vaccine", first: "M", notAt: "L"},
		{word: "defendants", first: "hL"},
		{word: "committee", first: "gK"},
		{word: "voters", first: "hE"},
		{word: "zone", first: "l"},
		{word: "parties", anyOf: "g"},
		{word: "deadline", first: "t"},
		{word: "xqzzy"},
	} {
		c := Of(tc.word)
		for i := 0; i < len(tc.first); i++ {
			if !c.First(tc.first[i]) {
				t.Errorf("Of(%q).First(%q) = false, want true (%+v)", tc.word, tc.first[i], c)
			}
		}
		for i := 0; i < len(tc.anyOf); i++ {
			if !c.Any(tc.anyOf[i]) {
				t.Errorf("Of(%q).Any(%q) = false, want true (%+v)", tc.word, tc.anyOf[i], c)
			}
		}
		for i := 0; i < len(tc.notAt); i++ {
			if c.Any(tc.notAt[i]) {
				t.Errorf("Of(%q).Any(%q) = true, want false (%+v)", tc.word, tc.notAt[i], c)
			}
		}
		if known := tc.first != "" || tc.anyOf != ""; c.Known() != known {
			t.Errorf("Of(%q).Known() = %v, want %v", tc.word, c.Known(), known)
		}
	}
}

// TestOfAllocates nothing: the event extractor asks for every word around every trigger.
func TestOfAllocatesNothing(t *testing.T) {
	Of("warm-up")
	if n := testing.AllocsPerRun(100, func() { Of("parties"); Of("gunmen"); Of("civilians"); Speaker("officials") }); n != 0 {
		t.Errorf("Of allocates %v times a run, want 0", n)
	}
}

func TestCommunication(t *testing.T) {
	for w, want := range map[string]bool{
		"accuse": true, "accused": true, "accuses": true, "accusing": true,
		"cited": true, "criticized": true, "criticised": true, "questioned": true,
		"echoes": true, "urges": true, "replies": true, "implied": true, "referred": true,
		"described": true, "blamed": true,
		"signed": true, // first sense: sign a document, an act of communication in WordNet
		"found":  false, "showed": false, "gave": false, "walked": false, "bed": false,
		"ate": false, "compared": false, "": false, "is": false,
	} {
		if got := Communication(w); got != want {
			t.Errorf("Communication(%q) = %v, want %v", w, got, want)
		}
	}
}
