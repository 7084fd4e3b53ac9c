package archive

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// The fixtures are written by Python's warcio (testdata/gen_warc.py), not by this package.

var goodURLs = []string{
	"https://news.example.org/2023/10/flood-porto", "https://news.example.org/2023/10/port-strike",
	"https://news.example.org/zurich-tram", "https://news.example.org/athens-fire",
	"https://news.example.org/lyon-bridge", "https://news.example.org/oslo-election",
	"https://news.example.org/brussels-energy.txt",
}

func TestWARCLayouts(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"good.warc.gz", "good.warc", "whole.warc.gz"} {
		t.Run(name, func(t *testing.T) {
			r, err := Open("testdata/"+name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			items, skips, bad, end := readAll(t, r)
			if end != nil || len(bad) != 0 {
				t.Fatalf("end %v, bad %v", end, bad)
			}
			var urls []string
			for _, it := range items {
				urls = append(urls, it.URL)
			}
			if fmt.Sprint(urls) != fmt.Sprint(goodURLs) {
				t.Errorf("urls = %v\nwant %v", urls, goodURLs)
			}
			if want := "[not html: image/png http status 404 revisit not an http(s) address]"; fmt.Sprint(skips) != want {
				t.Errorf("skips = %v, want %s", skips, want)
			}
			// Request, warcinfo and metadata records get no number; the others keep theirs.
			if items[5].Ordinal != 8 || items[6].Ordinal != 9 {
				t.Errorf("ordinals %d %d, want 8 9", items[5].Ordinal, items[6].Ordinal)
			}
			if done, total := r.Progress(); done != total {
				t.Errorf("progress %d/%d at the end", done, total)
			}
			want := map[string]string{ // URL → words its article text must hold
				"zurich-tram":         "council of Zürich approved", // charset from the HTTP header
				"athens-fire":         "contained a wildfire near Athens",
				"lyon-bridge":         "Pont Lafayette in Lyon reopened", // chunked
				"oslo-election":       "Voters in Oslo",                  // resource record
				"brussels-energy.txt": "Ministers met in Brussels",       // text/plain resource
			}
			for _, it := range items {
				a, err := it.Article(time.Now())
				if err != nil {
					t.Errorf("%s: %v", it.URL, err)
					continue
				}
				if !it.Fetched.Equal(time.Date(2023, 10, 24, 8, 15, 0, 0, time.UTC)) || !a.Fetched.Equal(it.Fetched) {
					t.Errorf("%s: fetched %v, want the WARC-Date", it.URL, a.Fetched)
				}
				for suffix, words := range want {
					if strings.HasSuffix(it.URL, suffix) && !strings.Contains(a.Text, words) {
						t.Errorf("%s: text %q lacks %q", it.URL, a.Text, words)
					}
				}
				if strings.HasSuffix(it.URL, "flood-porto") && (a.Published == nil || a.Published.Format(time.DateOnly) != "2023-10-23") {
					t.Errorf("flood-porto: published %v, want the page's own date", a.Published)
				}
			}
		})
	}
}

// TestWARCDamage: each broken record is one clear error, and the records around it are read.
func TestWARCDamage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		file    string
		items   int
		errs    []string // in order, one per bad record
		endsBad bool
	}{
		{"lying.warc", 3, []string{"record 1 ", "Content-Length 602 does not end", "record 3 ", "Content-Length 262 does not end"}, false},
		{"lying.warc.gz", 3, []string{"record 1 ", "Content-Length 602 but the record ends after 306 bytes", "record 3 ", "Content-Length 262 does not end"}, false},
		{"bomb.warc.gz", 4, []string{"record 1 ", "Content-Length 200 does not end", "record 3 ", "over the 1048576-byte limit", "record 5 ", "inflates past the 1048576-byte limit"}, false},
		{"truncated.warc.gz", 6, []string{"record 9 ", "file truncated"}, true},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			r, err := Open("testdata/"+c.file, Options{MaxRecordBytes: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			start := time.Now()
			items, _, bad, end := readAll(t, r)
			if end != nil {
				t.Fatalf("reading stopped: %v", end)
			}
			if len(items) != c.items {
				t.Errorf("%d items, want %d", len(items), c.items)
			}
			var msgs []string
			for _, b := range bad {
				msgs = append(msgs, b.Error())
			}
			all := strings.Join(msgs, "\n")
			if len(bad) != len(c.errs)/2 {
				t.Errorf("%d errors, want %d:\n%s", len(bad), len(c.errs)/2, all)
			}
			for i := 0; i+1 < len(c.errs) && i/2 < len(msgs); i += 2 {
				if m := msgs[i/2]; !strings.Contains(m, c.errs[i]) || !strings.Contains(m, c.errs[i+1]) {
					t.Errorf("error %d = %q, want %q and %q", i/2, m, c.errs[i], c.errs[i+1])
				}
			}
			for _, it := range items {
				if _, err := it.Article(time.Now()); err != nil {
					t.Errorf("%s: %v", it.URL, err)
				}
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v: a bomb was inflated", d)
			}
		})
	}
}

// TestWARCNotWARC: a file that is not a WARC is an error, not an empty import.
func TestWARCNotWARC(t *testing.T) {
	path := t.TempDir() + "/x.warc"
	if err := os.WriteFile(path, []byte("hello\nworld\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, bad, end := readAll(t, r)
	if len(bad) == 0 && end == nil {
		t.Error("no error for a file that is not a WARC")
	}
}
