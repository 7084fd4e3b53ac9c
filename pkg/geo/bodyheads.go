package geo

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract/wordclass"
)

// headedByBodyOrOccasion reports whether a name the gazetteer lacks ends in a noun that names a body
// or an occasion by WordNet's account ("Bangkok Fund", "Alberta Agriculture"), or is written before
// a lower-case noun naming an occasion ("the Grammy awards", "the Fayetteville Invitational
// meeting"): the name is the body's or the occasion's, no place the story is set in.
func headedByBodyOrOccasion(e article.Entity, text []rune) bool {
	words := strings.Fields(e.Name)
	if last := words[len(words)-1]; len(words) > 1 && !placeHeads[last] && !containerWords[strings.ToLower(last)] && wordclass.NameHead(last) != 0 {
		return true
	}
	for _, m := range e.Mentions {
		w := wordAfter(text, m.End)
		if w != "" && unicode.IsLower([]rune(w)[0]) && wordclass.NameHead(w) == wordclass.Occasion {
			return true
		}
	}
	return false
}
