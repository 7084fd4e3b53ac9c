package archive

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readAll drains a reader: the items, and the skip reasons and bad-record errors met on the way.
func readAll(t *testing.T, r Reader) (items []*Item, skips []string, bad []error, end error) {
	t.Helper()
	for {
		it, err := r.Next()
		var s *Skip
		var b *BadRecord
		switch {
		case errors.Is(err, io.EOF):
			return items, skips, bad, nil
		case errors.As(err, &s):
			skips = append(skips, s.Reason)
		case errors.As(err, &b):
			bad = append(bad, b)
		case err != nil:
			return items, skips, bad, err
		default:
			items = append(items, it)
		}
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "a.jsonl", `{"url": "https://example.com/a", "title": "A", "text": "Alpha text.", "published": "2019-03-04T10:00:00Z", "authors": ["Ann Lee"]}

{"link": "https://example.com/b", "headline": "B", "body": "Beta text.", "publish_date": "2019-03-05 08:30:00"}
not json
{"url": "https://example.com/c"}
{"Text": "Gamma.", "Date": "1552000000"}
`)
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	items, _, bad, end := readAll(t, r)
	if end != nil {
		t.Fatal(end)
	}
	if len(items) != 3 || len(bad) != 2 {
		t.Fatalf("items %d, bad %d (%v); want 3 and 2", len(items), len(bad), bad)
	}
	if it := items[0]; it.URL != "https://example.com/a" || it.Title != "A" || it.Published.Format(time.RFC3339) != "2019-03-04T10:00:00Z" || len(it.Authors) != 1 {
		t.Errorf("first item = %+v", it)
	}
	if it := items[1]; it.URL != "https://example.com/b" || it.Text != "Beta text." || it.Published.Format(time.DateTime) != "2019-03-05 08:30:00" || it.Ordinal != 1 {
		t.Errorf("aliases: second item = %+v", it)
	}
	if it := items[2]; it.Ordinal != 4 || it.Published == nil || it.Published.Year() != 2019 {
		t.Errorf("ordinals count bad records; unix dates: third item = %+v", it)
	}
	if !errors.Is(bad[1], ErrNoText) {
		t.Errorf("record without text: %v", bad[1])
	}
	// --map picks other keys.
	path = write(t, dir, "m.jsonl", `{"story": "Delta.", "when": "2020-01-02", "text": "not this"}`+"\n")
	r2, _ := Open(path, Options{Map: map[string]string{"text": "story", "published": "when"}})
	items, _, _, _ = readAll(t, r2)
	if len(items) != 1 || items[0].Text != "Delta." || items[0].Published.Format(time.DateOnly) != "2020-01-02" {
		t.Errorf("--map: %+v", items)
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "export.csv", "\ufeffstories_id,url,title,body,date,media_name\n"+
		`1,https://example.com/a,"Quoted, title","First body,
with a line break.",2021-05-06,Example News`+"\n"+
		`2,https://example.com/b,No body,,2021-05-07,Example News`+"\n")
	if _, err := Open(path, Options{Map: map[string]string{"text": "missing"}}); err == nil || !strings.Contains(err.Error(), "no such column") {
		t.Errorf("a mapped column that is missing: err = %v", err)
	}
	r, err := Open(path, Options{Map: map[string]string{"text": "body", "published": "date"}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	items, _, bad, end := readAll(t, r)
	if end != nil || len(items) != 1 || len(bad) != 1 {
		t.Fatalf("items %v bad %v end %v", items, bad, end)
	}
	it := items[0]
	if it.Title != "Quoted, title" || it.Text != "First body,\nwith a line break." || it.Source != "Example News" || it.Published.Day() != 6 {
		t.Errorf("item = %+v", it)
	}
	a, err := it.Article(time.Now())
	if err != nil || a.Published == nil || a.Published.Day() != 6 || a.Title != "Quoted, title" || a.Source != "Example News" {
		t.Errorf("article = %+v, %v", a, err)
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/story.txt", "Plain story.\n\nSecond paragraph.")
	write(t, dir, "a.html", `<html><head><title>Page A</title><link rel="canonical" href="https://example.com/a"></head><body><article><p>`+strings.Repeat("A sentence of the story. ", 20)+`</p></article></body></html>`)
	write(t, dir, "c.png", "\x89PNG")
	r, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	items, _, bad, end := readAll(t, r)
	if end != nil || len(bad) != 0 || len(items) != 2 {
		t.Fatalf("items %d bad %v end %v", len(items), bad, end)
	}
	if items[0].HTML == nil || items[1].Text == "" {
		t.Errorf("a.html as HTML, b/story.txt as text: %+v", items)
	}
	a, err := items[0].Article(time.Now())
	if err != nil || a.CanonicalURL != "https://example.com/a" {
		t.Errorf("article from a saved page: %+v %v", a, err)
	}
	b1, _ := items[1].Article(time.Now())
	b2, _ := items[1].Article(time.Now().Add(time.Hour))
	if b1.ID != b2.ID || b1.ID == "" {
		t.Errorf("a text without address keeps one id: %q %q", b1.ID, b2.ID)
	}
}

func TestParseMap(t *testing.T) {
	t.Parallel()
	m, err := ParseMap("text=body, published=date")
	if err != nil || m["text"] != "body" || m["published"] != "date" {
		t.Errorf("ParseMap = %v, %v", m, err)
	}
	for _, bad := range []string{"text", "colour=red", "text="} {
		if _, err := ParseMap(bad); err == nil {
			t.Errorf("ParseMap(%q) accepted", bad)
		}
	}
}
