package geo

import (
	"slices"
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
)

// A name that is both a first-level region and a city of the same country ("Washington", "New
// York") stands for the region where the text says so: "Washington state", or a list of regions
// ("caucuses in Alaska, Hawaii and Washington"). splitStateMentions gives such mentions an entity of
// their own, read as the region (see stateMentions), while the rest keep the article's reading: a
// story about "Washington" politics that also names "Washington state" holds both places.

// stateNouns are the lower-case words after a name that make it a state's: "Washington state", "the
// New York primary", "the Washington caucuses".
var stateNouns = map[string]bool{"state": true, "primary": true, "primaries": true, "caucus": true, "caucuses": true}

// stateNounFirsts are the first letters of stateNouns, checked before a word is read.
const stateNounFirsts = "spc"

// wordAfterIn reports whether the word after rune offset i, without a trailing period, is in set;
// firsts holds the set's first letters, so that most words are never made strings.
func wordAfterIn(text []rune, i int, set map[string]bool, firsts string) bool {
	if i < 0 || i+1 >= len(text) || text[i] != ' ' || !strings.ContainsRune(firsts, text[i+1]) {
		return false
	}
	return set[strings.TrimSuffix(wordAfter(text, i), ".")]
}

// stateListSeparators join the names of a list ("Alaska, Hawaii, and Washington").
var stateListSeparators = []string{", ", " and ", ", and ", " or ", ", or ", " & "}

// stateMentions reports whether every mention of ms is cued as a region: followed by a lower-case
// "state" or listed beside a name that reads only as a first-level region of a country the name has
// a region in. starts maps the article's PLACE mentions' starts to their ends and names.
func (d *data) stateMentions(text []rune, ms []article.Mention, regionCountries []int32, at placeSpans) bool {
	if len(ms) == 0 || len(regionCountries) == 0 {
		return false
	}
	for _, m := range ms {
		if !d.stateCued(text, m, regionCountries, at) {
			return false
		}
	}
	return true
}

func (d *data) stateCued(text []rune, m article.Mention, regionCountries []int32, at placeSpans) bool {
	if wordAfterIn(text, m.End, stateNouns, stateNounFirsts) {
		return true // "Washington state", "the New York primary"
	}
	if q, _, _ := d.qualifierAfter(text, m.End); len(q) > 0 {
		return false // "Washington, Iowa", "Massachusetts and Washington, D.C."
	}
	for _, sep := range stateListSeparators {
		n := len([]rune(sep))
		if m.End+n <= len(text) && string(text[m.End:m.End+n]) == sep && at.starts[m.End+n] {
			if name, ok := spanFrom(text, m.End+n, at); ok && d.onlyRegionIn(name, regionCountries) {
				return true
			}
		}
		if m.Start-n >= 0 && string(text[m.Start-n:m.Start]) == sep && at.ends[m.Start-n] {
			if name, ok := spanTo(text, m.Start-n, at); ok && d.onlyRegionIn(name, regionCountries) {
				return true
			}
		}
	}
	return false
}

// maxNeighbourRunes bounds the name read beside a mention.
const maxNeighbourRunes = 40

// spanFrom reads the PLACE name that starts at rune offset start: up to the nearest end of a mention.
func spanFrom(text []rune, start int, at placeSpans) (string, bool) {
	for j := start + 1; j <= len(text) && j <= start+maxNeighbourRunes; j++ {
		if at.ends[j] {
			return string(text[start:j]), true
		}
	}
	return "", false
}

// spanTo reads the PLACE name that ends at rune offset end: back to the nearest start of a mention.
func spanTo(text []rune, end int, at placeSpans) (string, bool) {
	for j := end - 1; j >= 0 && j >= end-maxNeighbourRunes; j-- {
		if at.starts[j] {
			return string(text[j:end]), true
		}
	}
	return "", false
}

// onlyRegionIn reports whether name reads as a first-level region of one of countries and as no
// sizeable city ("Alaska", "Hawaii", but not "New York").
func (d *data) onlyRegionIn(name string, countries []int32) bool {
	region := false
	for _, p := range d.lookup(name) {
		r := &d.recs[p.rec]
		switch {
		case r.feature == featAdmin1 && slices.Contains(countries, r.country):
			region = true
		case r.feature == featCity && r.pop >= unsupportedMaxPopulation, r.feature == featCountry:
			return false
		}
	}
	return region
}

// cityAndRegion returns the countries in which name reads both as a first-level region and as a
// city ("Washington", "New York"); none for most names.
func (d *data) cityAndRegion(name string) []int32 { return d.cityAndRegionOf(d.lookup(name)) }

// cityAndRegionOf is cityAndRegion of a name's readings ps.
func (d *data) cityAndRegionOf(ps []posting) []int32 {
	if !slices.ContainsFunc(ps, func(p posting) bool { return d.recs[p.rec].feature == featAdmin1 }) {
		return nil // most names: no allocation
	}
	var regions, cities []int32
	for _, p := range ps {
		switch r := &d.recs[p.rec]; r.feature {
		case featAdmin1:
			regions = append(regions, r.country)
		case featCity:
			if r.pop >= unsupportedMaxPopulation {
				cities = append(cities, r.country)
			}
		}
	}
	return slices.DeleteFunc(regions, func(c int32) bool { return !slices.Contains(cities, c) })
}

// splitStateMentions gives a PLACE entity whose name is a city and a region of one country, and
// whose mentions are partly cued as the region, as two entities: the cued mentions and the rest.
// An entity all of whose mentions are cued stays whole; the caller reads it as the region.
func (d *data) splitStateMentions(text []rune, ents []article.Entity, at placeSpans) []article.Entity {
	var out []article.Entity
	for i, e := range ents {
		var countries []int32
		if e.Type == article.TypePlace && len(e.Mentions) > 1 && !strings.Contains(e.Name, ",") { // one mention is never parted
			countries = d.cityAndRegion(e.Name)
		}
		var cued, rest []article.Mention
		if len(countries) > 0 {
			for _, m := range e.Mentions {
				if d.stateCued(text, m, countries, at) {
					cued = append(cued, m)
				} else {
					rest = append(rest, m)
				}
			}
		}
		if len(cued) == 0 || len(rest) == 0 {
			if out != nil {
				out = append(out, e)
			}
			continue
		}
		if out == nil {
			out = slices.Clone(ents[:i])
		}
		state, others := e, e
		state.Mentions, others.Mentions = cued, rest
		out = append(out, others, state)
	}
	if out == nil {
		return ents
	}
	return out
}
