package quote

import (
	_ "embed"
	"strings"
	"sync"
)

// Given names and the gender they are borne by, for he/she: "she and Anton Dolin" leaves "she" to
// the woman named before, as a reader knows from the names. The list (data/given-genders.tsv, built
// from the US Census Bureau's first-name lists; origin and licence in data/SOURCES.md) keeps only
// names borne ten times as often by one gender as by the other.

//go:embed data/given-genders.tsv
var givenGendersTSV string

// givenGenders maps a title-case given name to 'm' or 'f'; built once, on first use, read-only after.
var givenGenders = sync.OnceValue(func() map[string]byte {
	m := make(map[string]byte, 3100)
	for _, line := range strings.Split(givenGendersTSV, "\n") {
		name, g, ok := strings.Cut(line, "\t")
		if ok && !strings.HasPrefix(name, "#") && g != "" {
			m[name] = g[0]
		}
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
