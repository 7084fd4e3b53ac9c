package event

import (
	"strings"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/geo"
)

// PlaceLookup resolves a place name that opens an event's name ("Frankfurt" in "Frankfurt Book
// Fair") when the text states no place for the event. It must be safe for concurrent use.
type PlaceLookup interface {
	LookupPlace(name string) (article.Place, bool)
}

// NewWithGazetteer returns the event extractor with named events' places also read from their
// names through g.
func NewWithGazetteer(g *geo.Gazetteer) *Extractor {
	e := New()
	if g != nil {
		e.places = gazetteerPlaces{g}
	}
	return e
}

// gazetteerPlaces adapts geo.Gazetteer: only names IsPlace accepts (so "World" or "Belt" never
// count), resolved to their most likely entry.
type gazetteerPlaces struct{ g *geo.Gazetteer }

func (p gazetteerPlaces) LookupPlace(name string) (article.Place, bool) {
	if !p.g.IsPlace(name) {
		return article.Place{}, false
	}
	cs := p.g.Candidates(name)
	if len(cs) == 0 {
		return article.Place{}, false
	}
	c := cs[0]
	return article.Place{Name: c.Name, GeonameID: c.ID, Feature: c.Feature, CountryCode: c.CountryCode,
		Country: c.Country, Admin1Code: c.Admin1Code, Admin1: c.Admin1, Lat: c.Lat, Lon: c.Lon}, true
}

// placeFromName looks up the first one to three words of a named event's name ("New York Fashion
// Week" → New York), longest first.
func (e *Extractor) placeFromName(name string) (article.Place, bool) {
	if e.places == nil {
		return article.Place{}, false
	}
	ws := strings.Fields(trimThe(name))
	for len(ws) > 0 && ws[0] != "" && ws[0][0] >= '0' && ws[0][0] <= '9' {
		ws = ws[1:] // "2024 Paris Olympics"
	}
	for n := min(3, len(ws)-1); n >= 1; n-- {
		cand := strings.Join(ws[:n], " ")
		if p, ok := e.places.LookupPlace(cand); ok {
			return p, true
		}
	}
	return article.Place{}, false
}
