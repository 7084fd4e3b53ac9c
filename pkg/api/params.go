package api

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

const (
	// maxDepth bounds page*size: deep paging is what export is for (and Elasticsearch refuses
	// beyond 10,000 by default).
	maxDepth    = 10000
	maxParamLen = 1000
	maxValues   = 20
)

// parseQuery maps the shared filter parameters of search, timeline, quotes and export onto an
// index.Query. Unknown parameters are ignored; malformed ones are errors (→ 400).
func parseQuery(v url.Values) (index.Query, error) {
	var q index.Query
	for name, vals := range v {
		if len(vals) > maxValues {
			return q, fmt.Errorf("parameter %s: more than %d values", name, maxValues)
		}
		for _, x := range vals {
			if len(x) > maxParamLen {
				return q, fmt.Errorf("parameter %s: longer than %d bytes", name, maxParamLen)
			}
		}
	}
	q.Text = strings.TrimSpace(v.Get("q"))
	q.Person = values(v, "person")
	q.Org = values(v, "org")
	q.Place = values(v, "place")
	q.Event = values(v, "event")
	q.Source = values(v, "source")
	q.Lang = values(v, "lang")
	q.Speaker = values(v, "speaker")
	q.EventType = values(v, "event_type")

	var err error
	if q.Region, err = regionParam(v); err != nil {
		return q, err
	}
	if q.Tag, err = tagParam(v); err != nil {
		return q, err
	}
	if q.Near, err = nearParam(v); err != nil {
		return q, err
	}
	if q.Currency, err = currencyParam(v); err != nil {
		return q, err
	}
	if q.MinUSD, err = usdParam(v, "min_usd"); err != nil {
		return q, err
	}
	if q.MaxUSD, err = usdParam(v, "max_usd"); err != nil {
		return q, err
	}
	if q.MinUSD != nil && q.MaxUSD != nil && *q.MinUSD > *q.MaxUSD {
		return q, fmt.Errorf("min_usd %s is more than max_usd %s", v.Get("min_usd"), v.Get("max_usd"))
	}
	if q.MentionsFrom, err = mentionParam(v, "mentions_from", false); err != nil {
		return q, err
	}
	if q.MentionsTo, err = mentionParam(v, "mentions_to", true); err != nil {
		return q, err
	}
	if !q.MentionsFrom.IsZero() && !q.MentionsTo.IsZero() && q.MentionsFrom.After(q.MentionsTo) {
		return q, fmt.Errorf("mentions_from %s is after mentions_to %s", v.Get("mentions_from"), v.Get("mentions_to"))
	}
	if q.From, err = timeParam(v, "from", false); err != nil {
		return q, err
	}
	if q.To, err = timeParam(v, "to", true); err != nil {
		return q, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
		return q, fmt.Errorf("from %s is after to %s", v.Get("from"), v.Get("to"))
	}
	switch s := v.Get("sort"); s {
	case "", "relevance", "date":
		q.Sort = s
	default:
		return q, fmt.Errorf("sort %q: want relevance or date", s)
	}
	if q.Page, err = intParam(v, "page", 1, 1, maxDepth); err != nil {
		return q, err
	}
	if q.Size, err = intParam(v, "size", index.DefaultSize, 0, index.MaxSize); err != nil {
		return q, err
	}
	if q.Page*q.Size > maxDepth {
		return q, fmt.Errorf("page %d × size %d goes deeper than %d results; narrow the search or use /api/export", q.Page, q.Size, maxDepth)
	}
	if q.FacetSize, err = intParam(v, "facets", index.DefaultFacetSize, -1, 100); err != nil {
		return q, err
	}
	for _, f := range values(v, "facet") { // which facets: facet=person,org or repeated
		for _, name := range strings.Split(f, ",") {
			if name = strings.TrimSpace(name); !slices.Contains(index.FacetNames, name) {
				return q, fmt.Errorf("facet %q: want one of %s", name, strings.Join(index.FacetNames, ", "))
			}
			q.Facets = append(q.Facets, name)
		}
	}
	if q.WithText, err = boolParam(v, "text"); err != nil {
		return q, err
	}
	return q, nil
}

// values returns the non-empty trimmed values of a repeatable parameter.
func values(v url.Values, name string) []string {
	var out []string
	for _, x := range v[name] {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// timeParam parses RFC 3339 or YYYY-MM-DD (UTC). A bare date as the end of a range covers the
// whole day.
func timeParam(v url.Values, name string, endOfDay bool) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want RFC 3339 or YYYY-MM-DD", name, s)
	}
	if endOfDay {
		t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	return t, nil
}

// intParam parses an integer in [lo, hi]; absent means def.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s %q: want an integer from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

func boolParam(v url.Values, name string) (bool, error) {
	switch s := strings.ToLower(strings.TrimSpace(v.Get(name))); s {
	case "", "0", "false", "no":
		return false, nil
	case "1", "true", "yes":
		return true, nil
	default:
		return false, fmt.Errorf("%s %q: want 1 or 0", name, s)
	}
}

// regionParam reads region values: names and codes as given, and GeoNames ids (all digits) in
// their canonical decimal form, which match the place with that id (see index.RegionKeys); a
// regionCodeSearcher widens a country's or admin1's id to everything inside it.
func regionParam(v url.Values) ([]string, error) {
	out := values(v, "region")
	for i, r := range out {
		if !isDigits(r) {
			continue
		}
		id, err := strconv.Atoi(r)
		if err != nil || id <= 0 || id > math.MaxInt32 {
			return nil, fmt.Errorf("region %q: a number must be a GeoNames id", r)
		}
		out[i] = index.GeoNamesKey(id)
	}
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// tagParam reads the collection filters: tag=key:value (tag=country:CN) and collection=name, which
// is tag=collection:name (a source's bare tag names, see pipeline.Tags).
func tagParam(v url.Values) ([]string, error) {
	out := values(v, "tag")
	for _, t := range out {
		if _, _, ok := index.SplitTag(t); !ok {
			return nil, fmt.Errorf("tag %q: want key:value, e.g. country:CN or kind:wire", t)
		}
	}
	for _, c := range values(v, "collection") {
		out = append(out, index.Tag(index.CollectionKey, c))
	}
	return out, nil
}

// nearParam reads near=lat,lon,km.
func nearParam(v url.Values) (*index.GeoCircle, error) {
	s := strings.TrimSpace(v.Get("near"))
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	var nums [3]float64
	ok := len(parts) == 3
	for i := 0; ok && i < 3; i++ {
		f, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		ok = err == nil
		nums[i] = f
	}
	if !ok {
		return nil, fmt.Errorf("near %q: want lat,lon,km (e.g. 31.57,120.29,50)", s)
	}
	c := &index.GeoCircle{Lat: nums[0], Lon: nums[1], Km: nums[2]}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("near %q: %w", s, err)
	}
	return c, nil
}

// currencyParam reads ISO 4217 codes (any case).
func currencyParam(v url.Values) ([]string, error) {
	out := values(v, "currency")
	for i, c := range out {
		if len(c) != 3 || strings.ContainsFunc(c, func(r rune) bool { return (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') }) {
			return nil, fmt.Errorf("currency %q: want an ISO 4217 code such as USD", c)
		}
		out[i] = strings.ToUpper(c)
	}
	return out, nil
}

// usdParam reads a non-negative amount of US dollars.
func usdParam(v url.Values, name string) (*float64, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("%s %q: want an amount of US dollars, e.g. 1e9", name, s)
	}
	return &f, nil
}

// mentionParam reads a bound of the mentioned-dates range: RFC 3339, or a date value as the dates
// extractor writes them ("2023-10-23", "2023-10", "2023-Q3", "2023-H1", "2023"). A value as the
// start of the range means its first instant; as the end, its last.
func mentionParam(v url.Values, name string, end bool) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	start, stop, err := article.DateInterval(s)
	if err != nil || strings.Contains(s, "/") {
		return time.Time{}, fmt.Errorf("%s %q: want RFC 3339, YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY", name, s)
	}
	if end {
		return stop.Add(-time.Nanosecond), nil
	}
	return start, nil
}

// regionCodeSearcher widens region filters given as GeoNames ids, or as names in another language
// or script: the id or name of a country or admin1 region becomes its code ("CN", "CN.04"), which
// every place inside it carries as a region key, so region=1814991 and region=江苏 match an article
// that mentions only Wuxi. Ids and names it does not know (cities, unknown ids, English names)
// stay as they are and match as before.
type regionCodeSearcher struct {
	Searcher
	code  func(id int) (string, bool)      // nil: ids stay
	named func(name string) (string, bool) // nil: names stay
}

func (s regionCodeSearcher) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	q.Region = s.regionCodes(q.Region)
	return s.Searcher.Search(ctx, q)
}

// SignificantTerms widens the region filters likewise and passes the query on to the wrapped
// searcher, if it scores terms.
func (s regionCodeSearcher) SignificantTerms(ctx context.Context, q index.Query, opts index.TermsOptions) (*index.TermsResult, error) {
	ts, ok := s.Searcher.(index.TermScorer)
	if !ok {
		return nil, index.ErrUnsupported
	}
	q.Region = s.regionCodes(q.Region)
	return ts.SignificantTerms(ctx, q, opts)
}

func (s regionCodeSearcher) regionCodes(regions []string) []string {
	var out []string
	for i, r := range regions {
		var c string
		var ok bool
		switch {
		case isDigits(r) && s.code != nil:
			if id, err := strconv.Atoi(r); err == nil {
				c, ok = s.code(id)
			}
		case !isDigits(r) && s.named != nil:
			c, ok = s.named(r)
		}
		if ok && c != "" {
			if out == nil {
				out = append([]string(nil), regions...) // the caller's slice stays as it was
			}
			out[i] = c
		}
	}
	if out == nil {
		return regions
	}
	return out
}

// params reads a handler's parameters in the order given and keeps the first problem, so the
// handler answers 400 once, after reading them all, instead of after each one. Reads after a
// problem return zero values and change nothing.
type params struct {
	v   url.Values
	err error
}

// int reads an integer in [lo, hi]; absent means def.
func (p *params) int(name string, def, lo, hi int) int {
	if p.err != nil {
		return 0
	}
	n, err := intParam(p.v, name, def, lo, hi)
	p.err = err
	return n
}

// choice reads a parameter that must be one of allowed; absent means def. The problem names the
// allowed values in their order: "format \"x\": want json, gexf or csv".
func (p *params) choice(name, def string, allowed ...string) string {
	if p.err != nil {
		return ""
	}
	s := p.v.Get(name)
	switch {
	case s == "":
		return def
	case slices.Contains(allowed, s):
		return s
	}
	last := len(allowed) - 1
	p.err = errors.New(name + " " + quote(s) + ": want " + strings.Join(allowed[:last], ", ") + " or " + allowed[last])
	return ""
}

// csv reads format=json (the default) or format=csv and reports whether CSV was asked for.
func (p *params) csv() bool { return p.choice("format", "json", "json", "csv") == "csv" }

// filters reads the search filters with page and size dropped: the endpoint reads a result set
// of its own size, not a page of hits.
func (p *params) filters() index.Query {
	if p.err != nil {
		return index.Query{}
	}
	q, err := parseQuery(withoutPaging(p.v))
	p.err = err
	return q
}
