package bleve

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Field names of the indexed document. Filter fields hold index.Norm'ed values (exact,
// case-insensitive matches); facet fields hold display values with doc values for counting.
const (
	fieldTitle     = "title"
	fieldText      = "text"
	fieldQuotes    = "quotes"
	fieldPublished = "published"
	fieldJSON      = "article_json" // the enriched article minus Text, stored, not indexed

	fieldPersons  = "persons"
	fieldOrgs     = "orgs"
	fieldPlaces   = "places"
	fieldRegions  = "regions" // every place and everything containing it (region filter)
	fieldRegion   = "region"  // admin1 names (region facet)
	fieldCountry  = "country"
	fieldEvents   = "events"
	fieldSpeakers = "speakers"
	fieldSource   = "source"
	fieldLang     = "lang"
	fieldAuthors  = "authors"
	fieldTags     = "source_tags" // the source's collection tags (Query.Tag)

	fieldEventTypes = "event_types"
	fieldCurrencies = "currencies"
	fieldUSDMax     = "usd_max"         // numeric; absent when no figure converts to USD
	fieldLocations  = "locations"       // multipoint geoshape: the resolved places (Query.Near)
	fieldMentioned  = "mentioned_spans" // multipoint geoshape: the mentioned date spans, see spanPoint

	fieldDay   = "published_day"
	fieldWeek  = "published_week"
	fieldMonth = "published_month"
)

// facetFields maps index.FacetNames to the display-value fields counted for them.
var facetFields = map[string]string{
	"person":  "facet_person",
	"org":     "facet_org",
	"place":   "facet_place",
	"region":  "facet_region",
	"country": "facet_country",
	"source":  "facet_source",
	"event":   "facet_event",
	"lang":    "facet_lang",

	"currency":   "facet_currency",
	"event_type": "facet_event_type",
	"tag":        "facet_tag", // index.FacetTag
}

// timelineFields maps Query.Interval to the keyword field holding the article's bucket key.
var timelineFields = map[string]string{
	index.IntervalDay:   fieldDay,
	index.IntervalWeek:  fieldWeek,
	index.IntervalMonth: fieldMonth,
}

// doc is what bleve indexes for one article. Field names come from the json tags.
type doc struct {
	Title     string     `json:"title"`
	Text      string     `json:"text"`
	Quotes    []string   `json:"quotes"`
	Published *time.Time `json:"published"`
	JSON      string     `json:"article_json"`

	Persons  []string `json:"persons"`
	Orgs     []string `json:"orgs"`
	Places   []string `json:"places"`
	Regions  []string `json:"regions"`
	Region   []string `json:"region"`
	Country  []string `json:"country"`
	Events   []string `json:"events"`
	Speakers []string `json:"speakers"`
	Source   string   `json:"source"`
	Lang     string   `json:"lang"`
	Authors  []string `json:"authors"`
	Tags     []string `json:"source_tags"`

	EventTypes []string       `json:"event_types"`
	Currencies []string       `json:"currencies"`
	USDMax     *float64       `json:"usd_max"`
	Locations  map[string]any `json:"locations"`
	Mentioned  map[string]any `json:"mentioned_spans"`

	FacetPerson  []string `json:"facet_person"`
	FacetOrg     []string `json:"facet_org"`
	FacetPlace   []string `json:"facet_place"`
	FacetRegion  []string `json:"facet_region"`
	FacetCountry []string `json:"facet_country"`
	FacetSource  string   `json:"facet_source"`
	FacetEvent   []string `json:"facet_event"`
	FacetLang    string   `json:"facet_lang"`

	FacetCurrency  []string `json:"facet_currency"`
	FacetEventType []string `json:"facet_event_type"`
	FacetTag       []string `json:"facet_tag"`

	Day   string `json:"published_day"`
	Week  string `json:"published_week"`
	Month string `json:"published_month"`
}

// BleveType picks the document mapping, and with it the text analyser, by language.
func (d *doc) BleveType() string {
	lang, _, _ := strings.Cut(strings.ReplaceAll(d.Lang, "_", "-"), "-") // "en-GB" → "en"
	if _, ok := languageAnalyzers[lang]; ok {
		return lang
	}
	return typeOther
}

// newDoc derives the indexed document from an article. The stored JSON leaves Text out because
// the text field is stored anyway (for highlighting); Get puts it back.
func newDoc(a *article.Article) (*doc, error) {
	stored := *a
	stored.Text = ""
	js, err := json.Marshal(&stored)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	k := index.KeysOf(a)
	d := &doc{
		Title:     a.Title,
		Text:      a.Text,
		Published: a.Published,
		JSON:      string(js),

		Persons:  index.NormAll(k.Persons),
		Orgs:     index.NormAll(k.Orgs),
		Places:   index.NormAll(k.Places),
		Regions:  index.NormAll(k.Regions),
		Region:   index.NormAll(k.Region),
		Country:  index.NormAll(k.Country),
		Events:   index.NormAll(k.Events),
		Speakers: index.NormAll(k.Speakers),
		Source:   index.Norm(a.Source),
		Lang:     index.Norm(a.Language),
		Authors:  index.NormAll(a.Authors),

		FacetPerson:  k.Persons,
		FacetOrg:     k.Orgs,
		FacetPlace:   k.Places,
		FacetRegion:  k.Region,
		FacetCountry: k.Country,
		FacetSource:  a.Source,
		FacetEvent:   k.Events,
		FacetLang:    index.Norm(a.Language),

		EventTypes:     index.NormAll(k.EventTypes),
		FacetEventType: k.EventTypes,
		Currencies:     index.NormAll(k.Currencies),
		FacetCurrency:  k.Currencies,
		Locations:      multiPoint(k.Locations),
	}
	d.Tags, d.FacetTag = index.NormAll(k.Tags), k.Tags
	if k.HasUSD {
		d.USDMax = &k.USDMax
	}
	spans := make([]index.GeoPoint, len(k.Mentioned))
	for i, sp := range k.Mentioned {
		spans[i] = spanPoint(sp)
	}
	d.Mentioned = multiPoint(spans)
	for _, q := range a.Quotes {
		d.Quotes = append(d.Quotes, q.Text)
	}
	if a.Published != nil {
		// BucketKey fails only on an unknown interval, and these are the known ones.
		d.Day, _ = index.BucketKey(*a.Published, index.IntervalDay)
		d.Week, _ = index.BucketKey(*a.Published, index.IntervalWeek)
		d.Month, _ = index.BucketKey(*a.Published, index.IntervalMonth)
	}
	return d, nil
}

// newMapping builds the index mapping: one document mapping per language (see languageAnalyzers),
// all with the same fields, and nothing dynamic.
func newMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.DefaultAnalyzer = standard.Name
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.TypeMapping = map[string]*mapping.DocumentMapping{}
	for lang, an := range languageAnalyzers {
		im.TypeMapping[lang] = docMapping(an)
	}
	im.DefaultMapping = docMapping(standard.Name)
	im.DefaultType = typeOther
	trimMapping(im)
	return im
}

// trimMapping stops bleve from indexing what no query reads. By default bleve adds to every
// document a composite "_all" field, and the field mappings added at a path sit in dynamic
// sub-document mappings, so the geoshapes' GeoJSON members (locations.coordinates, .type) become
// fields of their own that flow into "_all": about 130 extra terms per article, with term vectors,
// built into every segment and rewritten by every merge. Queries name their fields, so "_all" is
// off and no sub-mapping is dynamic. This changes how documents are mapped, not the stored
// mapping's fields, so Open applies it to indexes created before it as well.
func trimMapping(im *mapping.IndexMappingImpl) {
	for _, dm := range im.TypeMapping {
		trimDocMapping(dm)
	}
	if im.DefaultMapping != nil {
		trimDocMapping(im.DefaultMapping)
	}
}

func trimDocMapping(dm *mapping.DocumentMapping) {
	dm.Dynamic = false
	for name, sub := range dm.Properties {
		if name != allField {
			sub.Dynamic = false
		}
	}
	dm.AddSubDocumentMapping(allField, &mapping.DocumentMapping{Enabled: false})
}

// allField is bleve's composite field of every field's terms, disabled by trimMapping.
const allField = "_all"

func docMapping(textAnalyzer string) *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) {
		fm.Name = name
		dm.AddFieldMappingsAt(name, fm)
	}
	// Stored with term vectors: the highlighter needs both.
	for _, f := range []string{fieldTitle, fieldText} {
		add(f, &mapping.FieldMapping{Type: "text", Analyzer: textAnalyzer, Index: true, Store: true,
			IncludeTermVectors: true})
	}
	add(fieldQuotes, &mapping.FieldMapping{Type: "text", Analyzer: textAnalyzer, Index: true})
	add(fieldPublished, &mapping.FieldMapping{Type: "datetime", Index: true, DocValues: true})
	add(fieldJSON, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Store: true})

	for _, f := range []string{fieldPersons, fieldOrgs, fieldPlaces, fieldRegions, fieldRegion, fieldCountry,
		fieldEvents, fieldSpeakers, fieldSource, fieldLang, fieldAuthors, fieldEventTypes, fieldCurrencies, fieldTags} {
		add(f, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, SkipFreqNorm: true})
	}
	add(fieldUSDMax, &mapping.FieldMapping{Type: "number", Index: true})
	for _, f := range []string{fieldLocations, fieldMentioned} {
		add(f, &mapping.FieldMapping{Type: "geoshape", Index: true, DocValues: true})
	}
	for _, f := range facetFields {
		add(f, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: true,
			SkipFreqNorm: true})
	}
	for _, f := range timelineFields {
		add(f, &mapping.FieldMapping{Type: "text", Analyzer: keyword.Name, Index: true, DocValues: true,
			SkipFreqNorm: true})
	}
	return dm
}

// multiPoint is the GeoJSON multipoint of the points, as bleve's geoshape fields read it (a map,
// coordinates as []any of [lon, lat]), or nil for none.
//
// Why geoshapes and not geopoint fields: bleve 2.6's geopoint filters check only the first point
// of a multi-valued field near a query's boundary (buildRectFilter and the distance filter stop
// at the first value), so an article whose second place is the one near the point would be
// missed; the geoshape filter tests the whole shape.
func multiPoint(pts []index.GeoPoint) map[string]any {
	if len(pts) == 0 {
		return nil
	}
	coords := make([]any, len(pts))
	for i, p := range pts {
		coords[i] = []any{p.Lon, p.Lat}
	}
	return map[string]any{"type": "multipoint", "coordinates": coords}
}

// Mentioned dates are date spans, and an article mentions several: "mentions a date overlapping
// [from, to]" needs each span's start and end compared together, which two multi-valued numeric
// fields cannot do (the start of one span would pair with the end of another). So each span is
// indexed as one point of a plane, start on the x axis (longitude) and end on the y axis
// (latitude), and the overlap test (start <= to and end > from) is a rectangle query on those
// points (spanQuery). The "degrees" are day numbers since 1970 divided by spanDaysPerDegree,
// within ±85°: the query rectangle stays under 180° of longitude wide (s2 would otherwise take
// the other way round the globe) and clear of the poles, and a day (0.0005°) is far above the
// precision of the encoding.
const (
	spanDaysPerDegree = 2000
	spanMaxDays       = 170000 // ±85°: the years 1505 to 2435
)

// spanPoint places a date span in the plane spanQuery searches.
func spanPoint(sp index.DateSpan) index.GeoPoint {
	return index.GeoPoint{
		Lon: float64(clampDays(dayNumber(sp.Start))) / spanDaysPerDegree,
		Lat: float64(clampDays(dayNumber(sp.End))) / spanDaysPerDegree,
	}
}

// dayNumber is the day of t (UTC) counted from 1970-01-01, rounding down.
func dayNumber(t time.Time) int64 {
	s := t.Unix()
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

func clampDays(d int64) int64 { return min(max(d, -spanMaxDays), spanMaxDays) }
