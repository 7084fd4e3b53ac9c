package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeArticleSet writes a two-page folder in the benchmark's layout.
func writeArticleSet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	story := "The council met on Monday, and members argued about the budget for hours before a vote."
	pages := map[string]string{
		"aaa": `<html><body><nav><a href="/">Home</a></nav><article><p>` + story + `</p><p>` + story + ` Again.</p></article></body></html>`,
		"bbb": `<html><body><div class="story"><p>Residents said the river rose quickly overnight, flooding dozens of homes near the bridge.</p></div></body></html>`,
	}
	truth := map[string]map[string]string{
		"aaa": {"articleBody": story + "\n\n" + story + " Again.", "url": "https://a.example/1"},
		"bbb": {"articleBody": "Something else entirely was the reference text of this page, not what it shows.", "url": "https://b.example/2"},
	}
	for id, html := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if _, err := zw.Write([]byte(html)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := json.Marshal(truth)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalArticle(t *testing.T) {
	dir := writeArticleSet(t)
	var out, errOut bytes.Buffer
	if err := cmdEval(context.Background(), []string{"article", "--data", dir}, &out, &errOut); err != nil {
		t.Fatalf("eval article: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	// One page matches exactly, the other shares no shingle: P = R = 0.5, accuracy 0.5.
	if want := "article f1=0.5000 precision=0.5000 recall=0.5000 accuracy=0.5000"; last != want {
		t.Errorf("last line = %q; want %q", last, want)
	}
	if !regexp.MustCompile(`^article f1=\d\.\d{4} precision=\d\.\d{4} recall=\d\.\d{4} accuracy=\d\.\d{4}$`).MatchString(last) {
		t.Errorf("last line %q does not have the contract's shape", last)
	}

	out.Reset()
	if err := cmdEval(context.Background(), []string{"article", "--data", dir, "--json"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("--json output is not one JSON object: %v\n%s", err, out.String())
	}
	if m["f1"] != 0.5 || m["accuracy"] != 0.5 || m["pages"] != 2.0 {
		t.Errorf("--json = %v; want f1 0.5, accuracy 0.5, pages 2", m)
	}
}

func TestEvalArticleUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := cmdEval(context.Background(), []string{"article"}, &out, &errOut); err == nil {
		t.Error("eval article without --data succeeded")
	}
}
