package geo

import (
	"strings"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// monthWords are the month names and abbreviations a wire's dateline writes ("March 31", "Oct. 20",
// "Sept 3"), in lower case.
var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// titleCaseDateline reads a dateline whose place is in title case and is followed by the date alone
// ("New York, April 1 - …", "Caracas, march 17 - …"), which article.FindPlaceDateline leaves to
// capitals: a wire's place all the same, which names the city, not its namesake state.
func titleCaseDateline(text string) (article.PlaceDateline, bool) {
	head := text[:min(len(text), 80)]
	place, rest, ok := strings.Cut(head, ", ")
	if !ok || place == "" || len(strings.Fields(place)) > 4 {
		return article.PlaceDateline{}, false
	}
	for _, w := range strings.Fields(place) {
		if r := []rune(w); !unicode.IsUpper(r[0]) || strings.ContainsFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && c != '.' && c != '-' }) {
			return article.PlaceDateline{}, false
		}
	}
	month, rest, ok := strings.Cut(rest, " ")
	if !ok || !monthWords[strings.ToLower(strings.TrimSuffix(month, "."))] {
		return article.PlaceDateline{}, false
	}
	day, rest, ok := strings.Cut(rest, " ")
	if !ok || len(day) == 0 || len(day) > 2 || strings.ContainsFunc(day, func(c rune) bool { return !unicode.IsDigit(c) }) ||
		!strings.HasPrefix(rest, "- ") && !strings.HasPrefix(rest, "-- ") && !strings.HasPrefix(rest, "— ") {
		return article.PlaceDateline{}, false
	}
	n := len([]rune(place))
	return article.PlaceDateline{Place: place, PlaceSpan: article.Span{Start: 0, End: n}}, true
}
