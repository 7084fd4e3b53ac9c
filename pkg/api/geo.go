package api

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

const (
	geoDefaultLimit = 1000
	geoMaxLimit     = 10000
)

// geoPlace is one resolved place on the map: where it is and how many matching articles name it.
type geoPlace struct {
	Name        string  `json:"name"`
	GeonameID   int     `json:"geonameid"`
	Feature     string  `json:"feature"`
	CountryCode string  `json:"country_code"`
	Country     string  `json:"country"`
	Admin1      string  `json:"admin1,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Articles    int     `json:"count"`    // matching articles that mention it
	Mentions    int     `json:"mentions"` // mentions over those articles
}

// geo answers GET /api/geo?…search filters…&limit=&n=: the resolved places of the matching
// articles with their coordinates and article counts, for the page's map. It reads the result
// set page by page, at most limit articles (newest first when there are no words), so memory
// stays bounded; "scanned" says how many it read, "total" how many match.
func (s *server) geo(w http.ResponseWriter, r *http.Request) {
	p := params{v: withoutPaging(r.URL.Query())}
	limit := p.int("limit", geoDefaultLimit, 1, geoMaxLimit)
	n := p.int("n", 300, 1, 5000)
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	// Lean hits carry the places and spare decoding the rest; pages as large as a lean query
	// allows, because every page collects and sorts the matches again (the default limit is one
	// page: at 100k articles five pages of 200 cost five times one of 1000, BENCHMARKS.md).
	q.Size, q.Page, q.FacetSize, q.WithText, q.Lean = min(limit, index.MaxLeanSize), 1, -1, false, true
	if q.Sort == "" && q.Text == "" {
		q.Sort = "date"
	}
	byKey := map[string]*geoPlace{}
	scanned, total := 0, 0
	for {
		res, ok := s.run(w, r, q)
		if !ok {
			return
		}
		total = res.Total
		for _, h := range res.Hits {
			if scanned >= limit || h.Article == nil {
				continue
			}
			scanned++
			countPlaces(byKey, h.Article.Places)
		}
		if scanned >= limit || len(res.Hits) < q.Size || q.Page*q.Size >= res.Total || q.Page*q.Size >= maxDepth {
			break
		}
		q.Page++
	}
	places := make([]geoPlace, 0, len(byKey))
	for _, g := range byKey {
		places = append(places, *g)
	}
	slices.SortFunc(places, func(a, b geoPlace) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	if len(places) > n {
		places = places[:n]
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "scanned": scanned, "places": places})
}

// countPlaces adds one article's places, each counted once per article however often named.
func countPlaces(byKey map[string]*geoPlace, places []article.Place) {
	seen := map[string]bool{}
	for _, p := range places {
		if p.Lat == 0 && p.Lon == 0 {
			continue // no coordinates: nothing to draw
		}
		key := strconv.Itoa(p.GeonameID)
		if p.GeonameID == 0 {
			key = strings.ToLower(p.Name) + "|" + p.CountryCode
		}
		g := byKey[key]
		if g == nil {
			g = &geoPlace{Name: p.Name, GeonameID: p.GeonameID, Feature: p.Feature, CountryCode: p.CountryCode,
				Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon}
			byKey[key] = g
		}
		if !seen[key] {
			seen[key] = true
			g.Articles++
		}
		g.Mentions += max(len(p.Mentions), 1)
	}
}

// leadRunes is how much of the body a hit without a highlighted fragment shows.
const leadRunes = 240

// lead is the start of the body up to about leadRunes code points, cut at a word boundary,
// for results that have no highlighted fragment (a search without words).
func lead(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= leadRunes {
		return text
	}
	cut, n := len(text), 0
	for i := range text {
		if n == leadRunes {
			cut = i
			break
		}
		n++
	}
	if sp := strings.LastIndexByte(text[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " ,;:") + "…"
}
