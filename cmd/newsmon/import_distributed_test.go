package main

import (
	"context"
	"io"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/extract/extractors"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// wgetWARC is GNU Wget's WARC of a recursive crawl of the demo site under wgetHost
// (pkg/archive/testdata/gen_wget_warc.go).
const (
	wgetWARC = "../../pkg/archive/testdata/wget-demo.warc.gz"
	wgetHost = "demo.newsmon.test"
)

// liveCrawlIDs are the ids a live crawl of the demo site under wgetHost gives its articles: the
// crawler fetches each feed link (campaign parameters and all) and article.FromPage reads the page.
func liveCrawlIDs(t *testing.T) map[string]string {
	t.Helper()
	site := demo.Handler()
	ids := map[string]string{}
	for _, e := range demo.Articles() {
		u := "http://" + wgetHost + e.Path + "?utm_source=rss&utm_medium=feed&utm_campaign=live"
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		body, _ := io.ReadAll(rec.Result().Body)
		a, err := article.FromPage(article.Page{URL: u, FinalURL: u, ContentType: rec.Header().Get("Content-Type"), Body: body, Fetched: time.Now()})
		if err != nil {
			t.Fatalf("live crawl of %s: %v", u, err)
		}
		ids[a.ID] = e.Path
	}
	return ids
}

// TestImportSharedNATSWorkers: `import --nats-url` on a shared NATS only reads and publishes, as
// `crawl` does; the extract workers already on that NATS (two, each in its own connection) share
// the extraction and the index worker indexes every record once. The input is wget's WARC of the
// demo site, so each demo article must come out under the id a live crawl gives it.
func TestImportSharedNATSWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("shared NATS and workers")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nats := newNATS(t)
	chain, _, err := extractors.Default()
	if err != nil {
		t.Fatal(err)
	}
	worker := func(name string) *pipeline.Stages {
		b, err := bus.Connect(ctx, bus.Config{URL: nats.url(), Name: name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		return &pipeline.Stages{Bus: b, Metrics: pipeline.NewMetrics(prometheus.NewRegistry()), AckWait: 5 * time.Second}
	}
	idx, err := blevebackend.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	wctx, stopWorkers := context.WithCancel(ctx)
	done := make(chan error, 3)
	extractA, extractB, indexer := worker("extract-a"), worker("extract-b"), worker("index")
	go func() { done <- extractA.RunExtract(wctx, chain, 2) }()
	go func() { done <- extractB.RunExtract(wctx, chain, 2) }()
	go func() { done <- indexer.RunIndex(wctx, idx, nil, 20) }()
	defer func() {
		stopWorkers()
		for range 3 {
			<-done
		}
	}()

	counts, stderr := importSummary(t, ctx, "--nats-url", nats.url(), "--data", t.TempDir(), wgetWARC)
	// 129 numbered records: 51 articles (indexed or duplicates), 78 skipped (the home page, 5 front
	// pages and 25 section pages: listings; feeds, robots.txt, 404s, wget's log and arguments).
	if counts[0] != 129 || counts[3] != 78 || counts[4] != 0 || counts[1]+counts[2] != 51 ||
		!strings.Contains(stderr, " not an article: listing page (") {
		t.Errorf("counts records/indexed/duplicates/skipped/failed = %v\n%s", counts, stderr)
	}
	all, err := idx.Search(ctx, index.Query{Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != counts[1] {
		t.Errorf("index holds %d articles, the import says %d were indexed", all.Total, counts[1])
	}
	for id, path := range liveCrawlIDs(t) {
		if _, err := idx.Get(ctx, id); err != nil {
			t.Errorf("%s: live crawl id %s not in the index: %v", path, id, err)
		}
	}
	for name, st := range map[string]*pipeline.Stages{"extract-a": extractA, "extract-b": extractB} {
		n := counted(st, "extract")
		t.Logf("%s extracted %.0f articles", name, n)
		if n == 0 {
			t.Errorf("%s did no work: the import's extraction did not spread over the shared workers", name)
		}
	}
	if n := counted(indexer, "index"); int(n) != counts[1] {
		t.Errorf("the index worker indexed %.0f articles, want all %d", n, counts[1])
	}
}

// counted is how many articles a stage runner handled successfully.
func counted(st *pipeline.Stages, stage string) float64 {
	var m dto.Metric
	_ = st.Metrics.Messages.WithLabelValues(stage, "ok").Write(&m)
	return m.GetCounter().GetValue()
}
