package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/newsmon/newsmon/internal/eval"
	"github.com/newsmon/newsmon/internal/progress"
	"github.com/newsmon/newsmon/pkg/article"
)

// maxArticlePageBytes bounds one decompressed benchmark page (the largest dev page is 1.4 MB).
const maxArticlePageBytes = 32 << 20

// cmdEvalArticle scores article.FromPage's body text on a Scrapinghub-layout folder
// (html/<id>.html.gz + ground-truth.json) with the benchmark's method (internal/eval/article.go).
func cmdEvalArticle(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval article", stderr)
	data := fs.String("data", "", "folder with html/<id>.html.gz and ground-truth.json")
	asJSON := fs.Bool("json", false, "print the metrics as one JSON object")
	worst := fs.Int("worst", 0, "also list the N pages with the lowest F1")
	predictions := fs.String("predictions", "", "write the extracted bodies to this file in the benchmark's prediction format")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		return usageError{fmt.Errorf("usage: newsmon eval article --data DIR [--json] [--worst N] [--predictions FILE]")}
	}
	truth, err := eval.ReadArticleTruth(filepath.Join(*data, "ground-truth.json"))
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	pages := make([]eval.PageScore, 0, len(ids))
	predicted := map[string]map[string]string{}
	var extractTime, slowest time.Duration
	slowestID, failed := "", 0
	bar := progress.New(stderr, "eval article", len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		body, err := readGzipPage(filepath.Join(*data, "html", id+".html.gz"))
		if err != nil {
			return err
		}
		start := time.Now()
		// The benchmark stores every page as UTF-8 (its README), whatever the page's own <meta> says.
		a, err := article.FromPage(article.Page{URL: truth[id].URL, ContentType: "text/html; charset=utf-8", Body: body})
		took := time.Since(start)
		extractTime += took
		if took > slowest {
			slowest, slowestID = took, id
		}
		text := ""
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "%s: %v\n", id, err)
		} else {
			text = a.Text
		}
		predicted[id] = map[string]string{"articleBody": text}
		pages = append(pages, eval.ScoreArticle(id, truth[id].ArticleBody, text))
		bar.Add(1)
	}
	bar.Done()

	m := eval.AggregateArticles(pages)
	spread := eval.BootstrapArticles(pages, 1000, 1)
	if *predictions != "" {
		var buf bytes.Buffer
		if err := eval.WriteJSON(&buf, predicted); err != nil {
			return err
		}
		if err := os.WriteFile(*predictions, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
	}
	perPage := extractTime / time.Duration(max(len(ids), 1))
	if *asJSON {
		return eval.WriteJSON(stdout, eval.Metrics{
			"f1": eval.Round4(m.F1), "precision": eval.Round4(m.Precision), "recall": eval.Round4(m.Recall),
			"accuracy": eval.Round4(m.Accuracy), "pages": m.Pages, "failed": failed,
			"stddev": map[string]float64{"f1": eval.Round4(spread.F1), "precision": eval.Round4(spread.Precision),
				"recall": eval.Round4(spread.Recall), "accuracy": eval.Round4(spread.Accuracy)},
			"mean_extract_ms": eval.Round4(perPage.Seconds() * 1000), "max_extract_ms": eval.Round4(slowest.Seconds() * 1000),
		})
	}
	if *worst > 0 {
		byF1 := slices.Clone(pages)
		slices.SortStableFunc(byF1, func(a, b eval.PageScore) int {
			fa, fb := eval.F1(a.Precision(), a.Recall()), eval.F1(b.Precision(), b.Recall())
			switch {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			}
			return 0
		})
		fmt.Fprintln(stdout, "worst pages (f1 precision recall id url):")
		for _, p := range byF1[:min(*worst, len(byF1))] {
			fmt.Fprintf(stdout, "  %.4f %.4f %.4f %s %s\n", eval.F1(p.Precision(), p.Recall()), p.Precision(), p.Recall(), p.ID, truth[p.ID].URL)
		}
	}
	fmt.Fprintf(stdout, "pages=%d failed=%d mean_extract=%s max_extract=%s (%s)\n", m.Pages, failed,
		perPage.Round(time.Microsecond), slowest.Round(time.Microsecond), slowestID)
	fmt.Fprintf(stdout, "bootstrap stddev (1000 resamples): f1=±%.4f precision=±%.4f recall=±%.4f accuracy=±%.4f\n",
		spread.F1, spread.Precision, spread.Recall, spread.Accuracy)
	fmt.Fprintf(stdout, "article f1=%.4f precision=%.4f recall=%.4f accuracy=%.4f\n", m.F1, m.Precision, m.Recall, m.Accuracy)
	return nil
}

func readGzipPage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxArticlePageBytes))
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", path, err)
	}
	return b, nil
}
