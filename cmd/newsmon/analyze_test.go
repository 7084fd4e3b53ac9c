package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/internal/demo"
)

// TestAnalyzeMany: several inputs in one process, one enriched article per output line, in
// input order; a bad record is reported on stderr and the rest still come out.
func TestAnalyzeMany(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "in.jsonl")
	lines := []string{
		`{"text": "Angela Merkel visited Nairobi on Tuesday. \"We will help,\" she said.", "url": "https://example.com/merkel", "published": "2019-03-05", "title": "Merkel in Nairobi"}`,
		`{"text": "The company paid $5 million to settle the case in Chicago.", "url": "https://example.com/settle", "title": "Settlement"}`,
		`{"url": "https://example.com/empty"}`,
		`{"text": "Officials in Lyon said the bridge would reopen next week.", "published": "2020-06-01"}`,
	}
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "pages")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	page := `<html><head><title>Flood in Porto</title><meta property="article:published_time" content="2021-02-03T09:00:00Z"></head><body><article>` +
		strings.Repeat("<p>Heavy rain flooded streets in Porto, the mayor said on Monday, and schools closed.</p>", 4) + `</article></body></html>`
	if err := os.WriteFile(filepath.Join(folder, "porto.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "note.txt"), []byte("Rome's council met on Friday."), 0o644); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	code := Main(context.Background(), []string{"analyze", "--published", "2018-01-01", "--workers", "3", jsonl, folder}, &out, &errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1 for the record without text; stderr: %s", code, errOut.String())
	}
	var got []map[string]any
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a map[string]any
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, a)
	}
	if len(got) != 5 {
		t.Fatalf("%d articles, want 5 (4 good records of 5, one per line):\n%s\nstderr: %s", len(got), out.String(), errOut.String())
	}
	wantTitles := []string{"Merkel in Nairobi", "Settlement", "", "", "Flood in Porto"} // jsonl order, then the folder's sorted files
	for i, w := range wantTitles {
		if w != "" && got[i]["title"] != w {
			t.Errorf("line %d title = %v, want %q", i, got[i]["title"], w)
		}
	}
	if got[0]["published"] != "2019-03-05T00:00:00Z" || got[1]["published"] != "2018-01-01T00:00:00Z" {
		t.Errorf("a record's own date wins, --published fills the others: %v, %v", got[0]["published"], got[1]["published"])
	}
	for _, field := range []string{"entities", "quotes", "money", "places", "dates"} {
		if _, ok := got[0][field]; !ok {
			t.Errorf("enriched article lacks %q", field)
		}
	}
	if len(got[1]["money"].([]any)) == 0 {
		t.Errorf("extractors ran: no money in %v", got[1]["text"])
	}
	if !strings.Contains(errOut.String(), "record 2") || !strings.Contains(errOut.String(), "analyze records=6 written=5 skipped=0 failed=1") {
		t.Errorf("stderr = %s", errOut.String())
	}
}

// TestAnalyzeOneFileUnchanged: one file still prints one indented document, as before.
func TestAnalyzeOneFileUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("Officials in Lyon said the bridge would reopen."), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"analyze", "--text", path}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "{\n  \"id\"") {
		t.Errorf("output = %.80q", out.String())
	}
}

// TestAnalyzeGeneratedSite runs every page of the benchmark's generated site through the whole
// chain: an extractor that fails on one of them dead-letters it and `newsmon bench` waits forever
// (a slice out of range in NER's typing step did, on 7 of 300 pages).
func TestAnalyzeGeneratedSite(t *testing.T) {
	if testing.Short() {
		t.Skip("300 pages through every extractor")
	}
	dir := t.TempDir()
	if _, err := demo.GeneratedOnDisk(300, 1, "http://127.0.0.1:1", dir); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"analyze", "--workers", "2", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d; stderr: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "analyze records=300 written=300 skipped=0 failed=0") {
		t.Errorf("stderr = %s", errOut.String())
	}
}
