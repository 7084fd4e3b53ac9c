package api

import (
	"errors"
	"net/http"

	"github.com/newsmon/newsmon/pkg/index"
)

// terms answers GET /api/terms: the words that set the matching articles apart from all articles
// (index.TermScorer), best first, with how many of the sampled matching articles and of all
// articles hold each. &size= bounds the terms (20), &sample= the matching articles read (200).
func (s *server) terms(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	size, err := intParam(v, "size", index.DefaultTermsSize, 1, index.MaxTermsSize)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sample, err := intParam(v, "sample", index.DefaultTermsSample, 1, index.MaxTermsSample)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	q, err := parseQuery(withoutPaging(v))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
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
	writeJSON(w, http.StatusOK, res)
}
