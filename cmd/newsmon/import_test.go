package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
)

var importLineRE = regexp.MustCompile(`(?m)^import records=(\d+) indexed=(\d+) duplicates=(\d+) skipped=(\d+) failed=(\d+)\n?$`)

// importSummary runs one import to its end and returns its counts.
func importSummary(t *testing.T, ctx context.Context, args ...string) (counts [5]int, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Main(ctx, append([]string{"import"}, args...), &out, &errOut); code != 0 {
		t.Fatalf("import exit %d; stderr:\n%s", code, tail(errOut.String(), 3000))
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	m := importLineRE.FindStringSubmatch(lines[len(lines)-1])
	if m == nil {
		t.Fatalf("last line %q is not the import summary; stdout:\n%s", lines[len(lines)-1], out.String())
	}
	for i := range counts {
		fmt.Sscan(m[i+1], &counts[i])
	}
	return counts, errOut.String()
}

func writeJSONL(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImportEndToEnd: a warcio-written WARC and a JSONL export go through the embedded pipeline
// into the index; searching finds them with their own publication dates; a second run adds
// nothing; --http serves the imported articles.
func TestImportEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("embedded pipeline")
	}
	ctx := context.Background()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	warc := "../../pkg/archive/testdata/good.warc.gz"
	jsonl := filepath.Join(dir, "export.jsonl")
	writeJSONL(t, jsonl, []string{
		`{"url": "https://archive.example.net/2015/06/flood", "title": "Flood in Dhaka", "text": "Heavy monsoon rain flooded Dhaka on Monday, officials in Bangladesh said.", "published": "2015-06-01T08:00:00Z"}`,
		`{"url": "https://archive.example.net/2016/02/election", "title": "Vote count in Lima", "text": "Election officials in Lima began counting votes on Sunday evening.", "published": "2016-02-07"}`,
		`{"url": "https://archive.example.net/2016/02/election?utm_source=x", "title": "Vote count in Lima", "text": "Election officials in Lima began counting votes on Sunday evening.", "published": "2016-02-07"}`,
		`{"url": "https://archive.example.net/empty", "title": "Nothing"}`,
	})

	counts, stderr := importSummary(t, ctx, "--data", data, warc, jsonl)
	// WARC: 7 articles, 4 skipped (image, 404, revisit, wget-style log). JSONL: 2 articles, the
	// same canonical URL again (a duplicate), a record without text (failed).
	if want := [5]int{15, 9, 1, 4, 1}; counts != want {
		t.Errorf("counts records/indexed/duplicates/skipped/failed = %v, want %v\n%s", counts, want, stderr)
	}
	for _, reason := range []string{"import skipped: 1 revisit", "import skipped: 1 not html: image/png", "import skipped: 1 http status 404", "import skipped: 1 not an http(s) address", "record has no text"} {
		if !strings.Contains(stderr, reason) {
			t.Errorf("stderr lacks %q:\n%s", reason, stderr)
		}
	}

	// Again: nothing new, nothing twice.
	counts, stderr = importSummary(t, ctx, "--data", data, warc, jsonl)
	if counts != [5]int{} || !strings.Contains(stderr, "was imported before") {
		t.Errorf("second run counts %v; stderr:\n%s", counts, stderr)
	}

	// Serving the imported data.
	api, stop := runCommand(t, ctx, true, "import", "--data", data, "--http", "127.0.0.1:0", jsonl)
	waitFor(t, 30*time.Second, func() error {
		if r := search(t, api, "q=Zürich"); r.Total != 1 {
			return fmt.Errorf("q=Zürich: %d hits", r.Total)
		}
		return nil
	})
	if r := search(t, api, "q=Dhaka"); r.Total != 1 || len(r.Hits[0].Entities) == 0 {
		t.Errorf("q=Dhaka: %+v", r)
	}
	if r := search(t, api, "q=Rotterdam"); r.Total != 1 || len(r.Hits[0].Places) == 0 {
		t.Errorf("q=Rotterdam: %d hits, places resolved in a WARC article", r.Total)
	}
	stop()

	idx, err := blevebackend.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	all, err := idx.Search(ctx, index.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 9 {
		t.Errorf("index holds %d articles, want 9 (each once)", all.Total)
	}
	a, err := idx.Get(ctx, article.IDFor("https://archive.example.net/2015/06/flood"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format(time.RFC3339) != "2015-06-01T08:00:00Z" {
		t.Errorf("back-filled article published %v, want its own date 2015-06-01", a.Published)
	}
	w, err := idx.Get(ctx, article.IDFor("https://news.example.org/2023/10/port-strike"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Published == nil || w.Published.Format(time.DateOnly) != "2023-10-22" || w.Fetched.Format(time.DateOnly) != "2023-10-24" {
		t.Errorf("WARC article: published %v (want the page's 2023-10-22), fetched %v (want the WARC-Date)", w.Published, w.Fetched)
	}
}

// TestImportResumesAfterInterruption: an import stopped part-way and run again indexes every
// record exactly once.
func TestImportResumesAfterInterruption(t *testing.T) {
	if testing.Short() {
		t.Skip("embedded pipeline")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	jsonl := filepath.Join(dir, "big.jsonl")
	cities := []string{"Lisbon", "Oslo", "Nairobi", "Quito", "Hanoi", "Perth", "Tunis", "Riga"}
	var lines []string
	const n = 150
	for i := range n {
		if i == n/3 { // a bad line a third of the way: its dead letter is the signal to stop
			lines = append(lines, `{"url": "https://archive.example.net/broken", `)
		}
		c := cities[i%len(cities)]
		lines = append(lines, fmt.Sprintf(`{"url": "https://archive.example.net/story/%d", "title": "Council meets in %s (%d)", "text": "The city council of %s met on Tuesday to discuss item %d of the budget. The mayor said %d projects would go ahead.", "published": "2014-0%d-1%d"}`,
			i, c, i, c, i, i, 1+i%9, i%10))
	}
	writeJSONL(t, jsonl, lines)

	ctx, cancel := context.WithCancel(context.Background())
	logw := newLineWriter()
	done := make(chan int, 1)
	var out bytes.Buffer
	go func() {
		done <- Main(ctx, []string{"import", "--data", data, "--log-level", "warn", jsonl}, &out, logw)
	}()
	var code int
wait:
	for {
		select {
		case line := <-logw.lines:
			if strings.Contains(line, "dead-lettered") {
				cancel() // interrupted a third of the way through reading
			}
		case code = <-done:
			break wait
		case <-time.After(2 * time.Minute):
			t.Fatal("first import neither finished nor stopped")
		}
	}
	cancel()
	t.Logf("first run exit %d: %s", code, out.String())

	counts, stderr := importSummary(t, context.Background(), "--data", data, jsonl)
	t.Logf("second run %v\n%s", counts, tail(stderr, 500))
	if counts[0] > n+1 || counts[1]+counts[2]+counts[4] != counts[0] {
		t.Errorf("second run counts %v: records read again or lost", counts)
	}
	idx, err := blevebackend.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := idx.Search(context.Background(), index.Query{Size: 1})
	idx.Close() // one process at a time holds a bleve folder
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != n {
		t.Errorf("index holds %d articles after an interrupted import and a rerun, want %d", all.Total, n)
	}
	counts, _ = importSummary(t, context.Background(), "--data", data, jsonl)
	if counts != [5]int{} {
		t.Errorf("third run counts %v, want nothing left to do", counts)
	}
}
