package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

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
	q.Region = values(v, "region")
	q.Event = values(v, "event")
	q.Source = values(v, "source")
	q.Lang = values(v, "lang")
	q.Speaker = values(v, "speaker")

	var err error
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
