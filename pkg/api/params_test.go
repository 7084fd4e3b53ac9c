package api

import (
	"net/url"
	"testing"

	"github.com/newsmon/newsmon/pkg/index"
)

// FuzzParseQuery checks that no query string panics the parser and that what it accepts stays
// within the bounds the index is promised.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{"", "q=x&page=2&size=500", "from=2023-10-01&to=2023-10-01", "to=2023-02-30",
		"page=99999999999999999999", "size=-0", "person=%00&region=%ff", "sort=date&text=YES", "facets=-1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseQuery(v)
		if err != nil {
			return
		}
		if q.Page < 1 || q.Size < 0 || q.Size > index.MaxSize || q.Page*q.Size > maxDepth {
			t.Errorf("parseQuery(%q) accepted page %d size %d", raw, q.Page, q.Size)
		}
		if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
			t.Errorf("parseQuery(%q) accepted from after to", raw)
		}
	})
}
