package quote

import (
	"strings"
	"sync"

	"github.com/newsmon/newsmon/pkg/names"
)

// Given names and the gender they are borne by, for he/she: "she and Anton Dolin" leaves "she" to
// the woman named before, as a reader knows from the names. The list (package names, built from the
// US Census Bureau's first-name lists) keeps only names borne ten times as often by one gender as by
// the other.

// givenGenders maps a title-case given name to 'm' or 'f'; built once, on first use, read-only after.
var givenGenders = sync.OnceValue(func() map[string]byte {
	list := names.GivenNames()
	m := make(map[string]byte, len(list))
	for _, g := range list {
		m[g.Name] = g.Gender
	}
	return m
})

// givenGender is the gender a person's full name gives by its first word ("Alicia Markova" → 'f'),
// 0 for a name of one word (a surname alone tells nothing) or a given name the list does not hold.
func givenGender(name string) byte {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" {
		return 0
	}
	return givenGenders()[first]
}
