package api

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/index"
)

// tagKeyRE is what a tag key may be (pkg/pipeline writes keys so); by= is checked against it so
// a typo is a 400 that says so rather than an empty comparison.
var tagKeyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,31}$`)

// compare answers GET /api/compare?…filters…&by=country: "compare across countries", the query's
// attention in each collection of sources. by names a tag key of the sources (country, language,
// kind, collection or a key of the pipeline's own); &values=CN,US picks the values to compare, in
// that order, else the &limit= (10, at most 20) values with the most matching articles. Each series
// is a share timeline (&interval=day|week|month) of the query in the sources tagged by:value, so
// its share is of those sources' articles in the period: {"by", "interval", "series": [{"key",
// "tag", "total", "background_total", "share", "buckets": [{"key", "count", "total", "share"}]}]}.
// &format=csv gives one row per series and bucket.
func (s *server) compare(w http.ResponseWriter, r *http.Request) {
	p := params{v: r.URL.Query()}
	interval := p.choice("interval", index.IntervalDay, index.IntervalDay, index.IntervalWeek, index.IntervalMonth)
	limit := p.int("limit", index.DefaultCompareSeries, 1, index.MaxCompareSeries)
	asCSV := p.csv()
	q := p.filters()
	by := strings.ToLower(strings.TrimSpace(p.v.Get("by")))
	var picked []string
	for _, v := range values(p.v, "values") {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				picked = append(picked, x)
			}
		}
	}
	switch {
	case p.err != nil:
	case by == "":
		p.err = errors.New("by: name the tag key to compare across, e.g. by=country, by=language, by=kind or by=collection")
	case !tagKeyRE.MatchString(by):
		p.err = errors.New("by " + quote(by) + ": a tag key is a word of letters, digits, - or _, e.g. country")
	case len(picked) > index.MaxCompareSeries:
		p.err = errors.New("values: more than " + strconv.Itoa(index.MaxCompareSeries) + " to compare")
	}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	q.Interval = interval
	series, err := index.CompareByTag(r.Context(), s.cfg.Searcher, q,
		index.CompareOptions{Key: by, Values: picked, Limit: limit}, s.backgrounds)
	if err != nil {
		s.log.Warn("compare failed", "query", q.Text, "by", by, "err", err)
		writeError(w, http.StatusInternalServerError, "compare failed: "+err.Error())
		return
	}
	if asCSV {
		var rows [][]string
		for _, sr := range series {
			for _, b := range sr.Buckets {
				rows = append(rows, []string{sr.Value, sr.Tag, b.Key, strconv.Itoa(b.Count), strconv.Itoa(b.Total), formatFloat(b.Share)})
			}
		}
		writeCSV(w, "newsmon-compare-"+by, []string{by, "tag", interval, "count", "total", "share"}, rows)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"by": by, "interval": interval, "series": series})
}
