// Package names owns the lists of people's names the extractors read with: the given names of the
// US Census Bureau's 1990 first-name lists and the gender each is borne by (origin, licence and
// rebuild in data/SOURCES.md). Geo uses them to tell a town from a person named like it, quotes to
// give he or she to the person a full name names. One copy, so the two read the same list.
package names

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/given-genders.tsv
var givenGendersTSV string

// Given is a given name, title case, and the gender it is borne by ('m' or 'f').
type Given struct {
	Name   string
	Gender byte
}

// GivenNames returns the given names in the list's order; parsed on first use, shared and
// read-only (callers index it as they need).
var GivenNames = sync.OnceValue(func() []Given {
	out := make([]Given, 0, 3100)
	for _, line := range strings.Split(givenGendersTSV, "\n") {
		name, g, ok := strings.Cut(line, "\t")
		if ok && name != "" && !strings.HasPrefix(name, "#") && g != "" {
			out = append(out, Given{Name: name, Gender: g[0]})
		}
	}
	return out
})
