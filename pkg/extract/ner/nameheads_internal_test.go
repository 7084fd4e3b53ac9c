package ner

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestCompanyPossessive: a "place" the gazetteer does not know, followed by a possessive and what
// only a company has, is a company; a known place and a place's capital stay places.
func TestCompanyPossessive(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		in, name string
		want     bool
	}{
		{"Investors said Veltrana's shares had doubled.", "Veltrana", true},
		{"Veltrana's annual profits fell.", "Veltrana", true},
		{"Veltrana's shareholders voted on Monday.", "Veltrana", true},
		{"Fighting reached Veltrana's capital.", "Veltrana", false},
		{"Nairobi's profits from tourism rose.", "Nairobi", false},
		{"Veltrana's rivers flooded.", "Veltrana", false},
	} {
		toks := Tokens(tc.in)
		start := 0
		for start < len(toks) && toks[start].Text != tc.name {
			start++
		}
		c := candidate{start: toks[start].Start, end: toks[start].End, name: tc.name, typ: article.TypePlace}
		if got := tagger.isCompanyPossessive(&c, toks, start+1); got != tc.want {
			t.Errorf("%q: isCompanyPossessive(%s) = %v, want %v", tc.in, tc.name, got, tc.want)
		}
	}
}

// TestOccasionCues: the words around a name that read it as an occasion.
func TestOccasionCues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, name string
		want     bool
	}{
		{"Leaders met at the 2025 Coral Forum in Suva.", "Coral", true},
		{"Leaders met at the Coral Forum in Suva.", "Coral", true},
		{"She attended the Coral Forum.", "Coral", true},
		{"Talks continued ahead of the Coral Forum.", "Coral", true},
		{"The Coral Forum opened on Monday.", "Coral", true},
		{"The Coral Forum will be held in Suva.", "Coral", true},
		{"The Coral Forum said it would send observers.", "Coral", false},
		{"Officials of the Coral Forum disagreed.", "Coral", false},
	} {
		toks := Tokens(tc.in)
		i := 0
		for i < len(toks) && toks[i].Text != tc.name {
			i++
		}
		j := i + 2 // "Coral Forum"
		if got := occasionBefore(tc.in, toks, i) || occasionAfter(toks, j); got != tc.want {
			t.Errorf("%q: occasion cue = %v, want %v", tc.in, got, tc.want)
		}
	}
}
