package eval

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/newsmon/newsmon/internal/progress"
	"github.com/newsmon/newsmon/pkg/article"
)

// Article body scoring follows the Scrapinghub Article Extraction Benchmark (see the README of
// the articles corpus): texts become lists of word tokens (maximal runs of Unicode letters,
// digits and "_", case kept), each list a bag of word 4-grams; per page the bags give TP, FP
// and FN, precision and recall are macro-averaged over pages, and F1 is the harmonic mean of
// the two averages. Accuracy is the share of pages whose token list matches exactly.

// ShingleSize is the benchmark's n-gram length.
const ShingleSize = 4

// ArticleTruth is one ground-truth entry of the benchmark: the reference body and the page URL.
type ArticleTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// ReadArticleTruth reads a benchmark ground-truth.json (id → {articleBody, url}).
func ReadArticleTruth(path string) (map[string]ArticleTruth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var truth map[string]ArticleTruth
	if err := json.Unmarshal(b, &truth); err != nil {
		return nil, fmt.Errorf("parse ground truth %s: %w", path, err)
	}
	return truth, nil
}

// ArticleTokens splits text into the benchmark's tokens: maximal runs of word characters
// (Python's \w: letters, numbers and "_" in any script). Everything else separates tokens.
func ArticleTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingleBag counts the word n-grams of tokens. A text of 1 to n-1 tokens is one short shingle;
// an empty text has none.
func shingleBag(tokens []string) map[string]int {
	bag := map[string]int{}
	if len(tokens) == 0 {
		return bag
	}
	if len(tokens) < ShingleSize {
		bag[strings.Join(tokens, "\x00")]++
		return bag
	}
	for i := 0; i+ShingleSize <= len(tokens); i++ {
		bag[strings.Join(tokens[i:i+ShingleSize], "\x00")]++
	}
	return bag
}

// PageScore is one page's shingle match, normalised so TP+FP+FN = 1 (or all 0 for two empty
// texts), and whether its token lists match exactly.
type PageScore struct {
	ID         string  `json:"id"`
	TP         float64 `json:"tp"`
	FP         float64 `json:"fp"`
	FN         float64 `json:"fn"`
	ExactMatch bool    `json:"exact_match"`
}

// Precision of the page: 1 for a perfect match, else TP/(TP+FP).
func (p PageScore) Precision() float64 {
	if p.FP == 0 && p.FN == 0 {
		return 1
	}
	if p.TP+p.FP == 0 {
		return 0
	}
	return p.TP / (p.TP + p.FP)
}

// Recall of the page: 1 for a perfect match, else TP/(TP+FN).
func (p PageScore) Recall() float64 {
	if p.FP == 0 && p.FN == 0 {
		return 1
	}
	if p.TP+p.FN == 0 {
		return 0
	}
	return p.TP / (p.TP + p.FN)
}

// ScoreArticle compares a predicted body with the reference body of page id.
func ScoreArticle(id, reference, predicted string) PageScore {
	ref, pred := ArticleTokens(reference), ArticleTokens(predicted)
	refBag, predBag := shingleBag(ref), shingleBag(pred)
	var tp, fp, fn int
	for s, rc := range refBag {
		pc := predBag[s]
		tp += min(rc, pc)
		fn += max(rc-pc, 0)
	}
	for s, pc := range predBag {
		fp += max(pc-refBag[s], 0)
	}
	ps := PageScore{ID: id, ExactMatch: slices.Equal(ref, pred)}
	if total := float64(tp + fp + fn); total > 0 {
		ps.TP, ps.FP, ps.FN = float64(tp)/total, float64(fp)/total, float64(fn)/total
	}
	return ps
}

// ArticleMetrics are the benchmark's aggregate figures.
type ArticleMetrics struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	Pages     int     `json:"pages"`
}

// AggregateArticles macro-averages page scores: precision over pages whose prediction has a
// shingle (TP+FP > 0), recall over pages whose reference has one (TP+FN > 0), F1 of the two
// averages, accuracy over all pages.
func AggregateArticles(pages []PageScore) ArticleMetrics {
	var pSum, rSum float64
	var pN, rN, exact int
	for _, p := range pages {
		if p.TP+p.FP > 0 {
			pSum += p.Precision()
			pN++
		}
		if p.TP+p.FN > 0 {
			rSum += p.Recall()
			rN++
		}
		if p.ExactMatch {
			exact++
		}
	}
	m := ArticleMetrics{Pages: len(pages)}
	if pN > 0 {
		m.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		m.Recall = rSum / float64(rN)
	}
	m.F1 = F1(m.Precision, m.Recall)
	if len(pages) > 0 {
		m.Accuracy = float64(exact) / float64(len(pages))
	}
	return m
}

// BootstrapArticles estimates the spread of each metric the benchmark's way: resamples pages
// with replacement and returns the sample standard deviation (n-1) of each metric. The seed is
// fixed so repeated runs print the same figures.
func BootstrapArticles(pages []PageScore, resamples int, seed uint64) ArticleMetrics {
	if len(pages) == 0 || resamples < 2 {
		return ArticleMetrics{}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	sample := make([]PageScore, len(pages))
	var f1, p, r, acc []float64
	for range resamples {
		for i := range sample {
			sample[i] = pages[rng.IntN(len(pages))]
		}
		m := AggregateArticles(sample)
		f1, p, r, acc = append(f1, m.F1), append(p, m.Precision), append(r, m.Recall), append(acc, m.Accuracy)
	}
	return ArticleMetrics{F1: stddev(f1), Precision: stddev(p), Recall: stddev(r), Accuracy: stddev(acc), Pages: len(pages)}
}

func stddev(xs []float64) float64 {
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}

// maxArticlePageBytes bounds one decompressed benchmark page (the largest dev page is 1.4 MB).
const maxArticlePageBytes = 32 << 20

// Article scores article.FromPage's body text on a Scrapinghub-layout folder (html/<id>.html.gz +
// ground-truth.json) with the benchmark's method (above).
type Article struct {
	Worst       int    // also list the N pages with the lowest F1
	Predictions string // write the extracted bodies here in the benchmark's prediction format
}

// articleRun is what extracting every page of a folder gives: the scores and the timings.
type articleRun struct {
	pages            []PageScore
	predicted        map[string]map[string]string
	extract, slowest time.Duration
	slowestID        string
	failed           int
	truth            map[string]ArticleTruth
}

// Score extracts the body of every page of dir and scores it against the ground truth.
func (x Article) Score(ctx context.Context, dir string, _, stderr io.Writer) (*Report, error) {
	run, err := extractArticles(ctx, dir, stderr)
	if err != nil {
		return nil, err
	}
	m := AggregateArticles(run.pages)
	spread := BootstrapArticles(run.pages, 1000, 1)
	if x.Predictions != "" {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, run.predicted); err != nil {
			return nil, err
		}
		if err := os.WriteFile(x.Predictions, buf.Bytes(), 0o644); err != nil {
			return nil, fmt.Errorf("write predictions: %w", err)
		}
	}
	perPage := run.extract / time.Duration(max(len(run.pages), 1))
	r := &Report{Metrics: Metrics{
		"f1": Round4(m.F1), "precision": Round4(m.Precision), "recall": Round4(m.Recall),
		"accuracy": Round4(m.Accuracy), "pages": m.Pages, "failed": run.failed,
		"stddev": map[string]float64{"f1": Round4(spread.F1), "precision": Round4(spread.Precision),
			"recall": Round4(spread.Recall), "accuracy": Round4(spread.Accuracy)},
		"mean_extract_ms": Round4(perPage.Seconds() * 1000), "max_extract_ms": Round4(run.slowest.Seconds() * 1000),
	}}
	if x.Worst > 0 {
		run.writeWorst(r, x.Worst)
	}
	r.Printf("pages=%d failed=%d mean_extract=%s max_extract=%s (%s)\n", m.Pages, run.failed,
		perPage.Round(time.Microsecond), run.slowest.Round(time.Microsecond), run.slowestID)
	r.Printf("bootstrap stddev (1000 resamples): f1=±%.4f precision=±%.4f recall=±%.4f accuracy=±%.4f\n",
		spread.F1, spread.Precision, spread.Recall, spread.Accuracy)
	r.Printf("%s\narticle f1=%.4f precision=%.4f recall=%.4f accuracy=%.4f\n", NoHeldAside, m.F1, m.Precision, m.Recall, m.Accuracy)
	return r, nil
}

// extractArticles runs article.FromPage on every page of dir, in id order, and scores each.
func extractArticles(ctx context.Context, dir string, stderr io.Writer) (*articleRun, error) {
	truth, err := ReadArticleTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	run := &articleRun{truth: truth, pages: make([]PageScore, 0, len(ids)), predicted: map[string]map[string]string{}}
	bar := progress.New(stderr, "eval article", len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		body, err := readGzipPage(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		start := time.Now()
		// The benchmark stores every page as UTF-8 (its README), whatever the page's own <meta> says.
		a, err := article.FromPage(article.Page{URL: truth[id].URL, ContentType: "text/html; charset=utf-8", Body: body})
		took := time.Since(start)
		run.extract += took
		if took > run.slowest {
			run.slowest, run.slowestID = took, id
		}
		text := ""
		if err != nil {
			run.failed++
			fmt.Fprintf(stderr, "%s: %v\n", id, err)
		} else {
			text = a.Text
		}
		run.predicted[id] = map[string]string{"articleBody": text}
		run.pages = append(run.pages, ScoreArticle(id, truth[id].ArticleBody, text))
		bar.Add(1)
	}
	bar.Done()
	return run, nil
}

// writeWorst lists the n pages with the lowest F1.
func (run *articleRun) writeWorst(r *Report, n int) {
	byF1 := slices.Clone(run.pages)
	slices.SortStableFunc(byF1, func(a, b PageScore) int {
		return cmp.Compare(F1(a.Precision(), a.Recall()), F1(b.Precision(), b.Recall()))
	})
	r.Printf("worst pages (f1 precision recall id url):\n")
	for _, p := range byF1[:min(n, len(byF1))] {
		r.Printf("  %.4f %.4f %.4f %s %s\n", F1(p.Precision(), p.Recall()), p.Precision(), p.Recall(), p.ID, run.truth[p.ID].URL)
	}
}

func readGzipPage(path string) ([]byte, error) {
	b, err := readGzip(path, maxArticlePageBytes)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	return b, nil
}

// readGzip reads a gzipped file, at most limit bytes of it once decompressed.
func readGzip(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, limit))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
