package article_test

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/article"
)

// demoStory is what a demo article's Markdown source says about it.
type demoStory struct {
	authors    []string
	paragraphs []string
}

// readDemoStories reads the demo site's article sources (part of this repository) by slug.
func readDemoStories(t *testing.T) map[string]demoStory {
	t.Helper()
	files, err := filepath.Glob("../../internal/demo/site/articles/*/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no demo articles: %v", err)
	}
	out := map[string]demoStory{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var st demoStory
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		fences := 0
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "---" && fences < 2:
				fences++
			case fences == 1 && strings.HasPrefix(line, "authors:"):
				for _, a := range strings.Split(strings.TrimPrefix(line, "authors:"), ";") {
					// A desk byline is not a person; FromPage drops it.
					if a = strings.TrimSpace(a); a != "" && !strings.HasSuffix(a, " Desk") {
						st.authors = append(st.authors, a)
					}
				}
			case fences == 2 && strings.TrimSpace(line) != "":
				// Headings lose their Markdown; white space (an ideographic space too) is collapsed as FromPage does.
				st.paragraphs = append(st.paragraphs, strings.Join(strings.Fields(strings.TrimPrefix(line, "## ")), " "))
			}
		}
		out[strings.TrimSuffix(filepath.Base(f), ".md")] = st
	}
	return out
}

// TestDemoSite runs every article page of the bundled demo site through FromPage: five layouts,
// two legacy charsets, dates as JSON-LD, meta tags, microdata and printed datelines.
func TestDemoSite(t *testing.T) {
	srv := httptest.NewServer(demo.Handler())
	defer srv.Close()
	stories := readDemoStories(t)
	junk := []string{"Font:", "A+ A-", "Most Read", "Share:", "Tags:", "Editor:", "Subscribe", "cookies", "Related"}
	for _, e := range demo.Articles() {
		t.Run(strings.TrimSuffix(filepath.Base(e.Path), ".html"), func(t *testing.T) {
			resp, err := http.Get(srv.URL + e.Path)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.FromPage(article.Page{URL: srv.URL + e.Path, ContentType: resp.Header.Get("Content-Type"),
				Body: body, Fetched: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			st, ok := stories[strings.TrimSuffix(filepath.Base(e.Path), ".html")]
			if !ok {
				t.Fatalf("no source for %s", e.Path)
			}
			if a.Title != e.Title {
				t.Errorf("title = %q; want %q", a.Title, e.Title)
			}
			if a.Published == nil || !a.Published.Equal(e.Published) {
				t.Errorf("published = %v; want %v", a.Published, e.Published.UTC())
			}
			if a.Language != e.Language {
				t.Errorf("language = %q; want %q", a.Language, e.Language)
			}
			if !slices.Equal(a.Authors, st.authors) && !(len(st.authors) == 0 && len(a.Authors) == 0) {
				t.Errorf("authors = %q; want %q", a.Authors, st.authors)
			}
			for _, p := range st.paragraphs {
				if !strings.Contains(a.Text, p) {
					t.Errorf("text lacks paragraph %.80q", p)
				}
			}
			for _, j := range junk {
				if strings.Contains(a.Text, j) {
					t.Errorf("text contains %q", j)
				}
			}
			if first := st.paragraphs[0]; !strings.HasPrefix(a.Text, first) {
				// A dek (standfirst) may come first; nothing else may.
				if i := strings.Index(a.Text, "\n\n"); i < 0 || !strings.HasPrefix(a.Text[i+2:], first) {
					t.Errorf("text starts %.120q; want the story's first paragraph %.60q", a.Text, first)
				}
			}
		})
	}
}
