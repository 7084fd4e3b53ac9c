package elastic

import (
	"slices"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// languageAnalyzers maps an article's language (ISO 639-1) to the Elasticsearch built-in language
// analyser (stemming, stop words) its title, text and quotes are indexed with, in ml.<lang>.*
// besides the language-neutral standard fields — the same choice the bleve backend makes, so
// "export" finds "exports" in English and "hydrogène" finds "l'hydrogène" in French.
var languageAnalyzers = map[string]string{
	"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
	"pt": "portuguese", "nl": "dutch", "ru": "russian", "ar": "arabic", "sv": "swedish",
	"da": "danish", "no": "norwegian", "fi": "finnish", "tr": "turkish",
	"zh": "cjk", "ja": "cjk", "ko": "cjk",
}

// doc is what is sent to Elasticsearch: the enriched article as it is (so _source is the article)
// plus derived fields that Get and Search drop when decoding: places carry a geo_point, keys holds
// the facet values and their Norm'ed filter forms, ml holds a language-analysed copy of the text.
type doc struct {
	*article.Article
	Places []docPlace         `json:"places"` // shadows Article.Places: adds location
	Keys   docKeys            `json:"keys"`
	ML     map[string]docText `json:"ml,omitempty"`
}

type docPlace struct {
	article.Place
	Location geoPoint `json:"location"`
}

type geoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// docKeys are index.KeysOf plus the article's own keyword fields, each with its Norm'ed form.
type docKeys struct {
	Persons      []string `json:"persons"`
	PersonsNorm  []string `json:"persons_norm"`
	Orgs         []string `json:"orgs"`
	OrgsNorm     []string `json:"orgs_norm"`
	Places       []string `json:"places"`
	PlacesNorm   []string `json:"places_norm"`
	RegionsNorm  []string `json:"regions_norm"`
	Region       []string `json:"region"`
	Country      []string `json:"country"`
	Events       []string `json:"events"`
	EventsNorm   []string `json:"events_norm"`
	Speakers     []string `json:"speakers"`
	SpeakersNorm []string `json:"speakers_norm"`
	SourceNorm   string   `json:"source_norm"`
	LangNorm     string   `json:"lang_norm"`
	AuthorsNorm  []string `json:"authors_norm"`
	Tags         []string `json:"tags"`
	TagsNorm     []string `json:"tags_norm"`

	EventTypes     []string         `json:"event_types"`
	EventTypesNorm []string         `json:"event_types_norm"`
	Currencies     []string         `json:"currencies"`
	CurrenciesNorm []string         `json:"currencies_norm"`
	USDMax         *float64         `json:"usd_max,omitempty"` // absent when no figure converts to USD
	Locations      []index.GeoPoint `json:"locations"`         // a flat geo_point array: no nested query
	Mentioned      []dateRange      `json:"mentioned"`         // date_range per mentioned date span
}

// dateRange is a date_range value: [gte, lt).
type dateRange struct {
	GTE string `json:"gte"`
	LT  string `json:"lt"`
}

type docText struct {
	Title  string   `json:"title"`
	Text   string   `json:"text"`
	Quotes []string `json:"quotes,omitempty"`
}

func newDoc(a *article.Article) doc {
	k := index.KeysOf(a)
	d := doc{Article: a, Places: make([]docPlace, len(a.Places))}
	for i, p := range a.Places {
		d.Places[i] = docPlace{Place: p, Location: geoPoint{Lat: p.Lat, Lon: p.Lon}}
	}
	d.Keys = docKeys{
		Persons: k.Persons, PersonsNorm: index.NormAll(k.Persons),
		Orgs: k.Orgs, OrgsNorm: index.NormAll(k.Orgs),
		Places: k.Places, PlacesNorm: index.NormAll(k.Places),
		RegionsNorm: index.NormAll(k.Regions),
		Region:      k.Region, Country: k.Country,
		Events: k.Events, EventsNorm: index.NormAll(k.Events),
		Speakers: k.Speakers, SpeakersNorm: index.NormAll(k.Speakers),
		SourceNorm: index.Norm(a.Source), LangNorm: index.Norm(a.Language),
		AuthorsNorm: index.NormAll(a.Authors),
		EventTypes:  k.EventTypes, EventTypesNorm: index.NormAll(k.EventTypes),
		Currencies: k.Currencies, CurrenciesNorm: index.NormAll(k.Currencies),
		Locations: k.Locations,
		Tags:      k.Tags, TagsNorm: index.NormAll(k.Tags),
	}
	if k.HasUSD {
		d.Keys.USDMax = &k.USDMax
	}
	for _, sp := range k.Mentioned {
		d.Keys.Mentioned = append(d.Keys.Mentioned, dateRange{
			GTE: sp.Start.UTC().Format(time.RFC3339), LT: sp.End.UTC().Format(time.RFC3339)})
	}
	if lang := index.Norm(a.Language); languageAnalyzers[lang] != "" {
		t := docText{Title: a.Title, Text: a.Text}
		for _, q := range a.Quotes {
			t.Quotes = append(t.Quotes, q.Text)
		}
		d.ML = map[string]docText{lang: t}
	}
	return d
}

// Field names the queries use.
const (
	fieldPublished = "published"
	fieldID        = "id"
)

// facetFields maps index.FacetNames to the keyword field each facet counts.
var facetFields = map[string]string{
	"person": "keys.persons", "org": "keys.orgs", "place": "keys.places", "region": "keys.region",
	"country": "keys.country", "source": "source", "event": "keys.events", "lang": "language",
	"currency": "keys.currencies", "event_type": "keys.event_types", index.FacetTag: "keys.tags",
}

// textFields are searched by every full-text term (nested quotes are copied into the root
// document with include_in_root, so quotes.text is searchable without a nested query).
var textFields = []string{"title^3", "text", "quotes.text", "ml.*.title^3", "ml.*.text", "ml.*.quotes"}

// templateBody is the composable index template for pattern-*: settings, and mappings that keep
// _source as the article (derived fields are dropped on read).
func templateBody(pattern string, shards, replicas int) map[string]any {
	keyword := map[string]any{"type": "keyword"}
	keywordText := map[string]any{"type": "text", "fields": map[string]any{
		"keyword": map[string]any{"type": "keyword", "ignore_above": 512}}}
	mention := map[string]any{"type": "object", "properties": map[string]any{
		"text": map[string]any{"type": "text"}, "start": map[string]any{"type": "integer"},
		"end": map[string]any{"type": "integer"}}}
	ml := map[string]any{}
	langs := make([]string, 0, len(languageAnalyzers))
	for lang := range languageAnalyzers {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	for _, lang := range langs {
		an := languageAnalyzers[lang]
		text := map[string]any{"type": "text", "analyzer": an}
		ml[lang] = map[string]any{"properties": map[string]any{"title": text, "text": text, "quotes": text}}
	}
	keys := map[string]any{}
	for _, f := range []string{"persons", "persons_norm", "orgs", "orgs_norm", "places", "places_norm",
		"regions_norm", "region", "country", "events", "events_norm", "speakers", "speakers_norm",
		"source_norm", "lang_norm", "authors_norm", "event_types", "event_types_norm", "currencies",
		"currencies_norm", "tags", "tags_norm"} {
		keys[f] = keyword
	}
	date := map[string]any{"type": "date", "format": "strict_date_optional_time||epoch_millis"}
	keys["usd_max"] = map[string]any{"type": "double"}
	keys["locations"] = map[string]any{"type": "geo_point"}
	keys["mentioned"] = map[string]any{"type": "date_range", "format": "strict_date_optional_time||epoch_millis"}
	return map[string]any{
		"index_patterns": []string{pattern},
		"priority":       200,
		"_meta":          map[string]any{"managed_by": "newsmon", "version": templateVersion},
		"template": map[string]any{
			"settings": map[string]any{
				"number_of_shards":   shards,
				"number_of_replicas": replicas,
			},
			"mappings": map[string]any{
				"dynamic": false, // unknown article fields stay in _source, unindexed
				"properties": map[string]any{
					"id":            keyword,
					"url":           keyword,
					"canonical_url": keyword,
					"source":        keyword,
					"feed":          keyword,
					"title":         keywordText,
					"authors":       keyword,
					"published":     date,
					"fetched":       date,
					"language":      keyword,
					"text":          map[string]any{"type": "text"},
					"entities": map[string]any{"type": "nested", "include_in_root": true, "properties": map[string]any{
						"type": keyword, "name": keywordText, "role": map[string]any{"type": "text"},
						"count": map[string]any{"type": "integer"}, "mentions": mention}},
					"places": map[string]any{"type": "nested", "properties": map[string]any{
						"name": keywordText, "geonameid": map[string]any{"type": "long"}, "feature": keyword,
						"country_code": keyword, "country": keyword, "admin1_code": keyword, "admin1": keyword,
						"lat": map[string]any{"type": "double"}, "lon": map[string]any{"type": "double"},
						"location": map[string]any{"type": "geo_point"}, "mentions": mention}},
					"events": map[string]any{"type": "nested", "properties": map[string]any{
						"name": keywordText, "date": keyword, "place": keyword, "mentions": mention}},
					"money": map[string]any{"type": "nested", "properties": map[string]any{
						"text": map[string]any{"type": "text"}, "amount": map[string]any{"type": "double"},
						"amount_max": map[string]any{"type": "double"}, "currency": keyword,
						"approximate": map[string]any{"type": "boolean"}, "equivalent_of": map[string]any{"type": "integer"},
						"start": map[string]any{"type": "integer"}, "end": map[string]any{"type": "integer"}}},
					"dates": map[string]any{"type": "object", "properties": map[string]any{
						"text": map[string]any{"type": "text"}, "value": keyword, "grain": keyword}},
					"quotes": map[string]any{"type": "nested", "include_in_root": true, "properties": map[string]any{
						"text": map[string]any{"type": "text"}, "direct": map[string]any{"type": "boolean"},
						"speaker": keywordText, "speaker_type": keyword, "cue": keyword,
						"start": map[string]any{"type": "integer"}, "end": map[string]any{"type": "integer"}}},
					"keys": map[string]any{"properties": keys},
					"ml":   map[string]any{"properties": ml},
				},
			},
		},
	}
}

// templateVersion changes whenever templateBody does; New rewrites an older template.
const templateVersion = 3

// clampTime keeps range bounds inside what Elasticsearch dates accept.
func clampTime(t time.Time) time.Time {
	lo, hi := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}
