package api

import (
	"encoding/csv"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// terms answers GET /api/terms: the words that set the matching articles apart from all articles
// (index.TermScorer), best first, with how many of the sampled matching articles and of all
// articles hold each. &size= bounds the terms (20), &sample= the matching articles read (200).
func (s *server) terms(w http.ResponseWriter, r *http.Request) {
	p := params{v: r.URL.Query()}
	size := p.int("size", index.DefaultTermsSize, 1, index.MaxTermsSize)
	sample := p.int("sample", index.DefaultTermsSample, 1, index.MaxTermsSample)
	asCSV := p.csv()
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	ts, ok := s.cfg.Searcher.(index.TermScorer)
	if !ok {
		writeError(w, http.StatusNotImplemented, "significant terms: "+index.ErrUnsupported.Error())
		return
	}
	res, err := ts.SignificantTerms(r.Context(), q, index.TermsOptions{Size: size, Sample: sample})
	switch {
	case errors.Is(err, index.ErrUnsupported):
		writeError(w, http.StatusNotImplemented, "significant terms: "+err.Error())
		return
	case err != nil:
		s.log.Warn("significant terms failed", "query", q.Text, "err", err)
		writeError(w, http.StatusInternalServerError, "significant terms failed: "+err.Error())
		return
	}
	if res.Terms == nil {
		res.Terms = []index.SignificantTerm{}
	}
	if asCSV {
		rows := make([][]string, 0, len(res.Terms))
		for _, t := range res.Terms {
			rows = append(rows, []string{t.Term, formatFloat(t.Score), strconv.Itoa(t.Count), strconv.Itoa(t.Background)})
		}
		writeCSV(w, "newsmon-terms", []string{"term", "score", "count", "background"}, rows)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// entity answers GET /api/entities/{id}: one entity (id as index.EntityID, "person:emmanuel
// macron") across the articles the filters select: its spellings and roles, its articles over
// time (&interval=day|week|month), the people, organisations, places and sources most often with
// it (&related=, 10), and its quotes and quotes naming it (&quotes=, 50) from the newest &sample=
// (200) articles.
func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > maxParamLen {
		writeError(w, http.StatusBadRequest, "entity id longer than "+strconv.Itoa(maxParamLen)+" bytes")
		return
	}
	if _, _, err := index.ParseEntityID(id); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	p := params{v: r.URL.Query()}
	opts := index.EntityOptions{
		Interval: p.choice("interval", "", index.IntervalDay, index.IntervalWeek, index.IntervalMonth),
		Related:  p.int("related", index.DefaultFacetSize, 1, 100),
		Sample:   p.int("sample", index.DefaultEntitySample, 1, index.MaxEntitySample),
		Quotes:   p.int("quotes", index.DefaultEntityQuotes, 1, index.MaxEntityQuotes),
	}
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	profile, err := index.Profile(r.Context(), s.cfg.Searcher, id, q, opts)
	switch {
	case errors.Is(err, index.ErrNoEntity):
		writeError(w, http.StatusNotFound, err.Error())
	case err != nil:
		s.log.Warn("entity profile failed", "entity", id, "err", err)
		writeError(w, http.StatusInternalServerError, "entity profile failed: "+err.Error())
	default:
		writeJSON(w, http.StatusOK, profile)
	}
}

// facetShare is a facet value with its share of the matching articles, and the entity id of
// person, org and place values (for /api/entities/{id}).
type facetShare struct {
	ID    string  `json:"id,omitempty"`
	Key   string  `json:"key"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

// facetEntityTypes maps the facets whose values are entities to the entity type.
var facetEntityTypes = map[string]string{"person": article.TypePerson, "org": article.TypeOrg, "place": article.TypePlace}

// facets answers GET /api/facets: what characterises the matching articles by name — the top
// people, organisations, places, sources, languages, … (&facet=person,org,…: default all; &size=
// per facet, 10) with their counts and their share of the matching articles.
func (s *server) facets(w http.ResponseWriter, r *http.Request) {
	p := params{v: r.URL.Query()}
	size := p.int("size", index.DefaultFacetSize, 1, 100)
	asCSV := p.csv()
	q := p.filters()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	q.Size, q.Page, q.FacetSize, q.WithText, q.Lean, q.Sort = 1, 1, size, false, true, "relevance" // counts only
	names := q.FacetList()
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	out := make(map[string][]facetShare, len(names))
	for _, name := range names {
		buckets := []facetShare{}
		for _, b := range res.Facets[name] {
			fs := facetShare{Key: b.Key, Count: b.Count}
			if res.Total > 0 {
				fs.Share = float64(b.Count) / float64(res.Total)
			}
			if typ := facetEntityTypes[name]; typ != "" {
				fs.ID = index.EntityID(typ, b.Key)
			}
			buckets = append(buckets, fs)
		}
		out[name] = buckets
	}
	if asCSV {
		var rows [][]string
		for _, name := range names {
			for _, b := range out[name] {
				rows = append(rows, []string{name, b.Key, strconv.Itoa(b.Count), formatFloat(b.Share), b.ID})
			}
		}
		writeCSV(w, "newsmon-facets", []string{"facet", "key", "count", "share", "entity_id"}, rows)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": res.Total, "facets": out})
}

// writeCSV answers with a CSV attachment named name-<time>.csv: the header, then the rows, cells
// defused against spreadsheet formulas.
func writeCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	attachment(w, "text/csv; charset=utf-8", name+"-"+time.Now().UTC().Format("20060102-150405")+".csv")
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	for _, row := range rows {
		for i, c := range row {
			row[i] = defuse(c)
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }
