package ner

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestBodyNames: a one-word name WordNet knows first as an organisation is one whatever type the
// model gave it and whatever weak cue for a place its mentions carry; a continent, a nationality
// and a word WordNet does not hold keep their types.
func TestBodyNames(t *testing.T) {
	t.Parallel()
	tagger := New(docPlaces)
	for _, tc := range []struct {
		name, modelType string
		votes           [nTypeIdx]int
		placeCue        int
		want            string
	}{
		{"Bundesbank", article.TypeOrg, [nTypeIdx]int{tiOrg: 4}, weakWeight + 2*weakWeight, article.TypeOrg},
		{"Fed", article.TypePlace, [nTypeIdx]int{tiPlace: 8}, 0, article.TypeOrg},
		{"Interpol", article.TypePerson, [nTypeIdx]int{tiPerson: 2}, 0, article.TypeOrg},
		{"Europe", article.TypePlace, [nTypeIdx]int{tiPlace: 3}, 0, article.TypePlace},
		{"Velmora", article.TypePlace, [nTypeIdx]int{tiPlace: 2}, 0, article.TypePlace},
	} {
		var mentions evidence
		mentions.score[tiPlace] = tc.placeCue
		ev := mentions
		ev.add(tagger.nameEvidence([]string{tc.name}, tc.modelType, mentions, false))
		if got := decideType(tc.modelType, tc.votes, ev); got != tc.want {
			t.Errorf("%s (model %s): typed %s; want %s", tc.name, tc.modelType, got, tc.want)
		}
	}
}
