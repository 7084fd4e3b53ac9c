package api

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsmon/newsmon/pkg/alert"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/text"
)

// contractFacets are the facets docs/contracts.md §3 promises in every search response, even when empty.
var contractFacets = []string{"person", "org", "place", "region", "source", "event"}

// hitJSON is a search hit as docs/contracts.md §3 shows it: the enriched article plus "highlight". Its
// Text field shadows the article's so the body is left out unless asked for (text=1).
type hitJSON struct {
	*article.Article
	Text      *string             `json:"text,omitempty"`
	Score     float64             `json:"score"`
	Highlight map[string][]string `json:"highlight"`
	Lead      string              `json:"lead,omitempty"` // start of the body, when text is left out
}

type searchResponse struct {
	Total  int                            `json:"total"`
	Hits   []hitJSON                      `json:"hits"`
	Facets map[string][]index.FacetBucket `json:"facets"`
}

func toHit(h index.Hit, withText bool) hitJSON {
	a := &article.Article{}
	if h.Article != nil {
		cp := *h.Article // never mutate what the searcher returned
		a = &cp
	}
	a.Normalize()
	out := hitJSON{Article: a, Score: h.Score, Highlight: h.Highlight}
	if withText {
		out.Text = &a.Text
	} else {
		out.Lead = lead(a.Text)
	}
	if out.Highlight == nil {
		out.Highlight = map[string][]string{}
	}
	return out
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	withText := q.WithText
	q.WithText = true // the body is read either way: hits without it carry its lead instead
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	out := searchResponse{Total: res.Total, Hits: make([]hitJSON, 0, len(res.Hits)), Facets: map[string][]index.FacetBucket{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h, withText))
	}
	for k, v := range res.Facets {
		if v == nil {
			v = []index.FacetBucket{}
		}
		out.Facets[k] = v
	}
	if q.FacetSize >= 0 {
		for _, k := range contractFacets {
			if out.Facets[k] == nil {
				out.Facets[k] = []index.FacetBucket{}
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// run searches and answers 500 itself on failure.
func (s *server) run(w http.ResponseWriter, r *http.Request, q index.Query) (*index.Result, bool) {
	res, err := s.cfg.Searcher.Search(r.Context(), q)
	if err != nil {
		s.log.Warn("search failed", "query", q.Text, "err", err)
		writeError(w, http.StatusInternalServerError, "search failed: "+err.Error())
		return nil, false
	}
	if res == nil {
		res = &index.Result{}
	}
	return res, true
}

func (s *server) articleByID(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 {
		writeError(w, http.StatusBadRequest, "invalid article id")
		return
	}
	a, err := s.cfg.Searcher.Get(r.Context(), id)
	switch {
	case errors.Is(err, index.ErrNotFound) || (err == nil && a == nil):
		writeError(w, http.StatusNotFound, "article not found: "+id)
		return
	case err != nil:
		s.log.Warn("get article failed", "article_id", id, "err", err)
		writeError(w, http.StatusInternalServerError, "get article: "+err.Error())
		return
	}
	cp := *a
	cp.Normalize()
	writeJSON(w, http.StatusOK, &cp)
}

// quotes answers "what did X say (about Y)": articles with X among their quote speakers (or, when
// the index knows no speaker by that exact name, articles mentioning it, to catch "Xi" for
// "Xi Jinping"), then the quotes of those articles whose speaker is X and whose text holds q.
func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if v.Get("size") == "" {
		v.Set("size", "50")
	}
	q, err := parseQuery(v)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	speakers := q.Speaker
	q.FacetSize = -1
	q.WithText = false
	about := index.ParseText(q.Text) // what the quote itself must say, read as the index reads q
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	if res.Total == 0 && len(speakers) > 0 {
		q.Speaker = nil
		q.Text = strings.TrimSpace(q.Text + " " + strings.Join(speakers, " "))
		if res, ok = s.run(w, r, q); !ok {
			return
		}
	}
	out := []index.EntityQuote{}
	for _, h := range res.Hits {
		if h.Article == nil {
			continue
		}
		for _, qt := range h.Article.Quotes {
			if !speakerMatches(qt.Speaker, speakers) || !alert.MatchText(about, qt.Text) {
				continue
			}
			out = append(out, index.EntityQuote{Quote: qt, ArticleID: h.ID, URL: h.URL, Title: h.Title,
				Source: h.Source, Published: h.Published})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(out), "quotes": out})
}

// speakerMatches is true when the quote's speaker is every one of the wanted names, compared
// case-insensitively, where a wanted name may also be the speaker's surname or other name part.
func speakerMatches(speaker *string, wanted []string) bool {
	if len(wanted) == 0 {
		return true
	}
	if speaker == nil {
		return false
	}
	have := text.LowerWords(*speaker)
	for _, w := range wanted {
		if index.Norm(w) == index.Norm(*speaker) {
			continue
		}
		want := text.LowerWords(w)
		if len(want) == 0 || !containsAll(have, want) {
			return false
		}
	}
	return true
}

func containsAll(have, want []string) bool {
	set := make(map[string]bool, len(have))
	for _, h := range have {
		set[h] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}

func (s *server) timeline(w http.ResponseWriter, r *http.Request) {
	p := params{v: r.URL.Query()}
	interval := p.choice("interval", index.IntervalDay, index.IntervalDay, index.IntervalWeek, index.IntervalMonth)
	q := p.filters()
	asCSV := p.csv()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	// Counts only: ranking by score spares the index a sort by date of every match.
	q.Interval, q.Size, q.Page, q.FacetSize, q.WithText, q.Sort = interval, 1, 1, -1, false, "relevance"
	switch p.v.Get("normalize") {
	case "", "none", "count":
	case "share":
		s.shareTimeline(w, r, q, asCSV)
		return
	default:
		writeError(w, http.StatusBadRequest, "normalize "+quote(p.v.Get("normalize"))+": want share or none")
		return
	}
	res, ok := s.run(w, r, q)
	if !ok {
		return
	}
	buckets := res.Timeline
	if buckets == nil {
		buckets = []index.TimeBucket{}
	}
	if asCSV {
		rows := make([][]string, 0, len(buckets))
		for _, b := range buckets {
			rows = append(rows, []string{b.Key, strconv.Itoa(b.Count)})
		}
		writeCSV(w, "newsmon-timeline", []string{interval, "count"}, rows)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"interval": interval, "total": res.Total, "buckets": buckets})
}

// shareTimeline answers normalize=share: each bucket carries the number of articles in the same
// sources, languages and period whatever they say ("total", index.Query.Background) and the
// query's share of it; periods with background articles but no match are reported with count 0,
// so the series shows attention dropping as well as rising.
func (s *server) shareTimeline(w http.ResponseWriter, r *http.Request, q index.Query, asCSV bool) {
	buckets, total, background, err := index.ShareTimeline(r.Context(), s.cfg.Searcher, q, s.backgrounds)
	if err != nil {
		s.log.Warn("share timeline failed", "query", q.Text, "err", err)
		writeError(w, http.StatusInternalServerError, "search failed: "+err.Error())
		return
	}
	if asCSV {
		rows := make([][]string, 0, len(buckets))
		for _, b := range buckets {
			rows = append(rows, []string{b.Key, strconv.Itoa(b.Count), strconv.Itoa(b.Total), formatFloat(b.Share)})
		}
		writeCSV(w, "newsmon-timeline-share", []string{q.Interval, "count", "total", "share"}, rows)
		return
	}
	share := 0.0
	if background > 0 {
		share = float64(total) / float64(background)
	}
	writeJSON(w, http.StatusOK, map[string]any{"interval": q.Interval, "normalize": "share", "total": total,
		"background_total": background, "share": share, "buckets": buckets})
}

func withoutPaging(v url.Values) url.Values {
	c := url.Values{}
	for k, x := range v {
		if k != "page" && k != "size" {
			c[k] = x
		}
	}
	return c
}

func quote(s string) string { return `"` + s + `"` }
