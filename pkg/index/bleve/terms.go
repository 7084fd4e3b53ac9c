package bleve

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/newsmon/newsmon/pkg/index"
)

var _ index.TermScorer = (*Index)(nil)

// SignificantTerms implements index.TermScorer over the body text, as Elasticsearch's
// significant_text does: the sampled matching articles' bodies are analysed again with the
// analyser each was indexed with, so foreground terms are the index's own terms (stems, for the
// languages bleve stems), and each term's background count is its document frequency in the
// index. A term is shown as its most frequent surface form in the sample ("exports", not the
// stem "export").
//
// Cost: analysing the sample's bodies (about 1 ms per 5 KB article) plus one dictionary lookup
// per candidate term; the sample bounds both.
func (x *Index) SignificantTerms(ctx context.Context, q index.Query, opts index.TermsOptions) (*index.TermsResult, error) {
	opts = opts.Normalized()
	req, _, err := x.request(q)
	if err != nil {
		return nil, fmt.Errorf("significant terms: %w", err)
	}
	req.From, req.Size = 0, opts.Sample
	req.Fields = []string{fieldText, fieldJSON}
	res, err := x.search(ctx, q, req)
	if err != nil {
		return nil, fmt.Errorf("significant terms %q: %w", q.Text, err)
	}
	out := &index.TermsResult{Total: int(res.Total), Sampled: len(res.Hits), Terms: []index.SignificantTerm{}}

	docs := map[string]int{}             // term → sampled articles holding it
	forms := map[string]map[string]int{} // term → surface form → occurrences
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("significant terms: %w", err)
		}
		text, _ := h.Fields[fieldText].(string)
		js, _ := h.Fields[fieldJSON].(string)
		an := x.mapping.AnalyzerNamed(analyzerFor(storedLanguage(js)))
		if an == nil {
			continue
		}
		seen := map[string]bool{}
		src := []byte(text)
		for _, tok := range an.Analyze(src) {
			term := string(tok.Term)
			if !index.TermWorthy(term) {
				continue
			}
			if !seen[term] {
				seen[term] = true
				docs[term]++
			}
			if tok.Start >= 0 && tok.End <= len(src) && tok.Start < tok.End {
				f := forms[term]
				if f == nil {
					f = map[string]int{}
					forms[term] = f
				}
				f[strings.ToLower(string(src[tok.Start:tok.End]))]++
			}
		}
	}

	readers, err := x.readers()
	if err != nil {
		return nil, fmt.Errorf("significant terms: %w", err)
	}
	defer readers.Close()
	bgSize, err := readers.DocCount()
	if err != nil {
		return nil, fmt.Errorf("significant terms: count: %w", err)
	}
	out.BackgroundTotal = bgSize
	for term, n := range docs {
		if n < index.MinTermDocs {
			continue
		}
		bg, err := readers.docFreq(ctx, term)
		if err != nil {
			return nil, fmt.Errorf("significant terms: background of %q: %w", term, err)
		}
		bg = max(bg, n)
		score := index.JLH(n, out.Sampled, bg, out.BackgroundTotal)
		if score <= 0 {
			continue
		}
		out.Terms = append(out.Terms, index.SignificantTerm{Term: surface(term, forms[term]), Score: score,
			Count: n, Background: bg})
	}
	sort.Slice(out.Terms, func(i, j int) bool {
		a, b := out.Terms[i], out.Terms[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Term < b.Term
	})
	if len(out.Terms) > opts.Size {
		out.Terms = out.Terms[:opts.Size]
	}
	return out, nil
}

// snapshotReaders read the current snapshot of every member index (every month), for document
// frequencies summed over them.
type snapshotReaders []bleveindex.IndexReader

// readers opens a reader on each member's current snapshot; the caller closes them.
func (x *Index) readers() (snapshotReaders, error) {
	var rs snapshotReaders
	for _, m := range x.members() {
		adv, err := m.Advanced()
		if err == nil {
			var r bleveindex.IndexReader
			if r, err = adv.Reader(); err == nil {
				rs = append(rs, r)
				continue
			}
		}
		rs.Close()
		return nil, err
	}
	return rs, nil
}

// DocCount is the number of documents in all the snapshots.
func (rs snapshotReaders) DocCount() (int, error) {
	total := 0
	for _, r := range rs {
		n, err := r.DocCount()
		if err != nil {
			return 0, err
		}
		total += int(n)
	}
	return total, nil
}

// docFreq is the number of documents whose body holds term.
func (rs snapshotReaders) docFreq(ctx context.Context, term string) (int, error) {
	total := 0
	for _, r := range rs {
		tfr, err := r.TermFieldReader(ctx, []byte(term), fieldText, false, false, false)
		if err != nil {
			return 0, err
		}
		total += int(tfr.Count())
		_ = tfr.Close()
	}
	return total, nil
}

func (rs snapshotReaders) Close() {
	for _, r := range rs {
		_ = r.Close()
	}
}

// storedLanguage reads the language of a stored article JSON without decoding the rest, which
// would cost more than analysing the text: the top-level "language" member. The pattern cannot
// occur inside a JSON string, where quotes are escaped.
func storedLanguage(js string) string {
	const key = `"language":"`
	i := strings.Index(js, key)
	if i < 0 {
		return ""
	}
	v := js[i+len(key):]
	if j := strings.IndexByte(v, '"'); j >= 0 && j <= 35 { // language tags are short
		return v[:j]
	}
	return ""
}

// analyzerFor is the analyser an article in the language was indexed with (see doc.BleveType).
func analyzerFor(lang string) string {
	lang, _, _ = strings.Cut(strings.ReplaceAll(index.Norm(lang), "_", "-"), "-")
	if an, ok := languageAnalyzers[lang]; ok {
		return an
	}
	return standard.Name
}

// surface is the most frequent surface form of a term (the shorter, then the first in byte
// order, on ties), or the term itself when none was seen.
func surface(term string, forms map[string]int) string {
	best, bestN := term, 0
	for f, n := range forms {
		if n > bestN || (n == bestN && (len(f) < len(best) || (len(f) == len(best) && f < best))) {
			best, bestN = f, n
		}
	}
	return best
}
