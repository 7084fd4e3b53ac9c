package article

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// benchPages are the pages BenchmarkFromPage extracts: the article benchmark's dev pages when
// NEWSMON_ARTICLE_PAGES (default ../../../shared/data/articles/dev, the shared corpus next to
// the repository) holds them, else this package's own test pages.
func benchPages(b *testing.B) (pages []Page, source string) {
	b.Helper()
	dir := os.Getenv("NEWSMON_ARTICLE_PAGES")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "articles", "dev")
	}
	if truth, err := os.ReadFile(filepath.Join(dir, "ground-truth.json")); err == nil {
		var entries map[string]struct {
			URL string `json:"url"`
		}
		if err := json.Unmarshal(truth, &entries); err != nil {
			b.Fatal(err)
		}
		for id, e := range entries {
			raw, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
			if err != nil {
				b.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			body, err := io.ReadAll(zr)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, Page{URL: e.URL, ContentType: "text/html; charset=utf-8", Body: body})
		}
		return pages, dir
	}
	files, _ := filepath.Glob("testdata/*.html")
	more, _ := filepath.Glob("testdata/meta/*.html")
	for _, f := range append(files, more...) {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, Page{URL: "https://example.com/" + filepath.Base(f), ContentType: "text/html", Body: body})
	}
	return pages, "testdata"
}

// BenchmarkFromPage extracts realistic pages round robin and reports pages/s and the slowest
// page (measured once per page before the timed loop). Run it on one core:
//
//	go test ./pkg/article -run '^$' -bench FromPage -cpu 1
func BenchmarkFromPage(b *testing.B) {
	pages, source := benchPages(b)
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	var slowest, slowestCPU time.Duration
	slowURL := ""
	for _, p := range pages {
		start, cpu := time.Now(), processCPU()
		_, _ = FromPage(p)
		if took := processCPU() - cpu; took > slowestCPU {
			slowestCPU, slowURL = took, p.URL
		}
		slowest = max(slowest, time.Since(start))
	}
	b.Logf("%d pages from %s; slowest %v wall, %v CPU (%s)", len(pages), source, slowest, slowestCPU, slowURL)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		_, _ = FromPage(pages[i%len(pages)])
	}
	cpu = processCPU() - cpu
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	if cpu > 0 {
		// On a busy machine wall time includes waiting for a core; CPU time doesn't.
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "pages/cpu-s")
	}
	b.ReportMetric(float64(slowest.Microseconds())/1000, "max-ms/page")
	if slowestCPU > 0 {
		b.ReportMetric(float64(slowestCPU.Microseconds())/1000, "max-cpu-ms/page")
	}
}
