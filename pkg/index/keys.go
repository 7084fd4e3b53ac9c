package index

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// Keys are the keyword values derived from an article that both backends index: display values
// feed the facets, and Norm'ed values serve the filters (so filters are case-insensitive).
type Keys struct {
	Persons  []string
	Orgs     []string
	Places   []string // resolved place names, then unresolved PLACE entities
	Regions  []string // every place plus everything containing it: city, admin1, country
	Region   []string // facet values: the admin1 (or country, for a country) of each place
	Country  []string // facet values: country names
	Events   []string
	Speakers []string
}

// Norm is how filter values and indexed keyword values are compared: trimmed, lower case.
func Norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// NormAll applies Norm to every value.
func NormAll(vals []string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = Norm(v)
	}
	return out
}

// RegionKeys lists the names under which a place matches a region filter: the place itself and
// every region containing it. This is how region=Jiangsu matches an article mentioning only Wuxi:
// containment is resolved when the article is indexed, not when it is searched.
func RegionKeys(p article.Place) []string {
	keys := []string{p.Name}
	if p.Admin1 != "" {
		keys = append(keys, p.Admin1)
	}
	if p.Country != "" {
		keys = append(keys, p.Country)
	}
	if p.CountryCode != "" {
		keys = append(keys, p.CountryCode)
	}
	return keys
}

// KeysOf derives the keyword values of an article, each list deduplicated (case-insensitively) in
// order of first appearance.
func KeysOf(a *article.Article) Keys {
	var k Keys
	add := func(dst *[]string, seen map[string]bool, v string) {
		if v == "" {
			return
		}
		n := Norm(v)
		if seen[n] {
			return
		}
		seen[n] = true
		*dst = append(*dst, v)
	}
	persons, orgs, places, events := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	regions, region, country, speakers := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range a.Places {
		add(&k.Places, places, p.Name)
		for _, r := range RegionKeys(p) {
			add(&k.Regions, regions, r)
		}
		switch {
		case p.Admin1 != "":
			add(&k.Region, region, p.Admin1)
		case p.Feature == "admin1":
			add(&k.Region, region, p.Name)
		}
		add(&k.Country, country, p.Country)
	}
	for _, e := range a.Entities {
		switch e.Type {
		case article.TypePerson:
			add(&k.Persons, persons, e.Name)
		case article.TypeOrg:
			add(&k.Orgs, orgs, e.Name)
		case article.TypePlace:
			add(&k.Places, places, e.Name)
			add(&k.Regions, regions, e.Name)
		case article.TypeEvent:
			add(&k.Events, events, e.Name)
		}
	}
	for _, e := range a.Events {
		add(&k.Events, events, e.Name)
	}
	for _, q := range a.Quotes {
		if q.Speaker != nil {
			add(&k.Speakers, speakers, *q.Speaker)
		}
	}
	return k
}
