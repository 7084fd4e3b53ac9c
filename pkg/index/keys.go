package index

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// Keys are the values derived from an article that both backends index: display values feed the
// facets, Norm'ed values serve the keyword filters (so filters are case-insensitive), and the
// money, location and mentioned-date values serve the range, distance and overlap filters.
type Keys struct {
	Persons  []string
	Orgs     []string
	Places   []string // resolved place names, then unresolved PLACE entities
	Regions  []string // every place and everything containing it, by name, GeoNames id and code (RegionKeys)
	Region   []string // facet values: the admin1 (or country, for a country) of each place
	Country  []string // facet values: country names
	Events   []string
	Speakers []string
	Tags     []string // the source's collection tags (Article.SourceTags): facet and filter values

	EventTypes []string   // Article.Events[].Type of the events of the story's own time (not Background): facet and filter values
	Currencies []string   // ISO 4217 codes of the money figures: facet and filter values
	USDMax     float64    // the largest money figure in USD (article.SummarizeMoney); valid only if HasUSD
	HasUSD     bool       // some figure converts to USD with a rate the text states
	Locations  []GeoPoint // coordinates of the resolved places, for Query.Near
	Mentioned  []DateSpan // the spans of the dates the article mentions, for Query.MentionsFrom/To
}

// GeoPoint is a WGS 84 coordinate in degrees.
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// DateSpan is the time a mentioned date covers: [Start, End), UTC midnights.
type DateSpan struct {
	Start, End time.Time
}

// Overlaps reports whether the span shares an instant with [from, to], inclusive; a zero bound is
// open. This is the rule both backends implement for Query.MentionsFrom/To.
func (d DateSpan) Overlaps(from, to time.Time) bool {
	return (to.IsZero() || !d.Start.After(to)) && (from.IsZero() || d.End.After(from))
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

// RegionKeys lists the names under which a place matches a region filter: the place itself (by
// name and by GeoNames id) and every region containing it, by name and by code: its admin1
// ("Jiangsu", "CN.04") and its country ("China", "CN"). This is how region=Jiangsu matches an
// article mentioning only Wuxi: containment is resolved when the article is indexed, not when it
// is searched. A GeoNames id of a country or admin1 region reaches the places inside it through
// its code (pkg/geo's Gazetteer.RegionCode), which the API looks up.
func RegionKeys(p article.Place) []string {
	keys := []string{p.Name}
	if p.GeonameID > 0 {
		keys = append(keys, GeoNamesKey(p.GeonameID))
	}
	if p.Admin1 != "" {
		keys = append(keys, p.Admin1)
	}
	if p.CountryCode != "" && p.Admin1Code != "" && p.Admin1Code != "00" { // GeoNames' "00": no admin1
		keys = append(keys, p.CountryCode+"."+p.Admin1Code)
	}
	if p.Country != "" {
		keys = append(keys, p.Country)
	}
	if p.CountryCode != "" {
		keys = append(keys, p.CountryCode)
	}
	return keys
}

// GeoNamesKey is the region key of the place with a GeoNames id: the id in decimal, which no
// place name is.
func GeoNamesKey(id int) string { return strconv.Itoa(id) }

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
	types := map[string]bool{}
	for _, e := range a.Events {
		add(&k.Events, events, e.Name)
		if !e.Background { // an event recalled in passing is not what the story is about (event_type=)
			add(&k.EventTypes, types, e.Type)
		}
	}
	currencies := map[string]bool{}
	d := article.SummarizeMoney(a.Money, nil) // only rates the text states: the index has no rate table
	for _, c := range d.Currencies {
		add(&k.Currencies, currencies, c)
	}
	k.USDMax, k.HasUSD = d.USDMax, d.USDMax > 0
	for _, p := range a.Places {
		if validPoint(p.Lat, p.Lon) {
			k.Locations = append(k.Locations, GeoPoint{Lat: p.Lat, Lon: p.Lon})
		}
	}
	for _, dt := range a.Dates {
		if sp, ok := spanOf(dt); ok && !slices.Contains(k.Mentioned, sp) {
			k.Mentioned = append(k.Mentioned, sp)
		}
	}
	for _, q := range a.Quotes {
		if q.Speaker != nil {
			add(&k.Speakers, speakers, *q.Speaker)
		}
	}
	tags := map[string]bool{}
	for _, t := range a.SourceTags {
		add(&k.Tags, tags, t)
	}
	return k
}

// validPoint rejects coordinates off the globe and (0, 0), which is what a place without
// coordinates carries: Elasticsearch refuses the former, and the latter would put it in the sea.
func validPoint(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && (lat != 0 || lon != 0)
}

// spanOf is the time a mentioned date covers, per article.DateInterval; a week (grain "week",
// valued by its Monday) covers seven days. Values article.DateInterval does not know are skipped.
func spanOf(d article.Date) (DateSpan, bool) {
	start, end, err := article.DateInterval(d.Value)
	if err != nil || !end.After(start) {
		return DateSpan{}, false
	}
	if d.Grain == "week" && len(d.Value) == len(time.DateOnly) {
		end = start.AddDate(0, 0, 7)
	}
	return DateSpan{Start: start, End: end}, true
}
