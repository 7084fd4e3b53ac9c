package geo

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// afterLocative reports whether a mention follows a locative word directly ("In Nice", "at
// Reading"): a capitalised name there is a place's, whatever common word it also spells.
func afterLocative(text []rune, ms []article.Mention) bool {
	for _, m := range ms {
		if w := wordBefore(text, m.Start); w != "" && placeLocatives[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// placeLocatives are the locative words before which a capitalised word is a place's name: not
// "from", which as often comes before a firm or a person ("a man from Man").
var placeLocatives = map[string]bool{"in": true, "at": true, "near": true}
