package browser

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Set by TestMain.
var (
	chromiumPath string // "" when no browser is installed: every test skips
	newsmonBin   string // the freshly built binary
	buildErr     error
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	flag.Parse() // for testing.Short
	chromiumPath = findChromium()
	if chromiumPath == "" || testing.Short() {
		return m.Run() // the tests skip, so nothing is built
	}
	dir, err := os.MkdirTemp("", "newsmon-browser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "browser tests:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	newsmonBin = filepath.Join(dir, "newsmon")
	buildErr = build(newsmonBin)
	return m.Run()
}

// findChromium looks for the browser: $NEWSMON_CHROMIUM (only it, when set), then the usual
// names on PATH, then Debian's /usr/bin/chromium.
func findChromium() string {
	if p := os.Getenv("NEWSMON_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "" // named but missing: skip rather than guess another browser
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// build compiles ./cmd/newsmon of this module; main packages cannot be imported, so the
// product runs as a child process exactly as a user runs it.
func build(out string) error {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goTool, "build", "-o", out, "github.com/newsmon/newsmon/cmd/newsmon")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/newsmon: %w\n%s", err, stderr.String())
	}
	return nil
}

func needBrowser(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are slow; skipped with -short")
	}
	if chromiumPath == "" {
		t.Skip("no chromium binary found (install Debian's chromium, or set NEWSMON_CHROMIUM); skipping browser tests")
	}
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// newsSite is the extra news outlet the test controls: an RSS feed whose items it can add while
// newsmon runs, so an alert can fire on an article crawled after the rule was made.
type newsSite struct {
	srv   *httptest.Server
	mu    sync.Mutex
	items []story
}

type story struct {
	Slug, Title, Author string
	Published           time.Time
	Paragraphs          []string
}

func newNewsSite(t *testing.T, first ...story) *newsSite {
	t.Helper()
	s := &newsSite{items: first}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "User-agent: *\nAllow: /\n")
	})
	mux.HandleFunc("GET /rss.xml", s.feed)
	mux.HandleFunc("GET /news/{slug}", s.page)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) publish(st story) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, st)
}

func (s *newsSite) feed(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	items := append([]story(nil), s.items...)
	s.mu.Unlock()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Browser Test Wire</title>`)
	fmt.Fprintf(&b, `<link>%s/</link><description>fixtures for the browser tests</description>`, s.srv.URL)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/news/%s.html</link><guid>%s/news/%s.html</guid><pubDate>%s</pubDate></item>`,
			html.EscapeString(it.Title), s.srv.URL, it.Slug, s.srv.URL, it.Slug, it.Published.Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	io.WriteString(w, b.String())
}

func (s *newsSite) page(w http.ResponseWriter, r *http.Request) {
	slug := strings.TrimSuffix(r.PathValue("slug"), ".html")
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.items {
		if it.Slug != slug {
			continue
		}
		var b strings.Builder
		title := html.EscapeString(it.Title)
		fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>`, title)
		fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta name="author" content="%s">`, title, html.EscapeString(it.Author))
		fmt.Fprintf(&b, `<meta property="article:published_time" content="%s"></head><body>`, it.Published.Format(time.RFC3339))
		fmt.Fprintf(&b, `<header><nav><a href="/">Browser Test Wire</a></nav></header><main><article><h1>%s</h1>`, title)
		fmt.Fprintf(&b, `<p class="byline">By %s</p>`, html.EscapeString(it.Author))
		for _, p := range it.Paragraphs {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString(`</article></main><footer>© Browser Test Wire</footer></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, b.String())
		return
	}
	http.NotFound(w, r)
}

// product is a running `newsmon run --demo`.
type product struct {
	URL string
	log *bytes.Buffer
}

var servingRE = regexp.MustCompile(`serving (http://[^/ ]+)/`)

// startProduct runs newsmon with the bundled demo site plus the given extra feed, and returns
// once it serves HTTP. It stops the process (SIGINT, then kill) when the test ends.
func startProduct(t *testing.T, extraFeed string) *product {
	t.Helper()
	dir := t.TempDir()
	pipelineFile := filepath.Join(dir, "pipeline.yaml")
	if err := os.WriteFile(pipelineFile, []byte(demoPipelineWith(t, extraFeed)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(newsmonBin, "run", "--demo", "--pipeline", pipelineFile,
		"--data", filepath.Join(dir, "data"), "--http", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "NEWSMON_LOG_LEVEL=warn")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &product{log: &bytes.Buffer{}}
	var logMu sync.Mutex
	cmd.Stderr = writerFunc(func(b []byte) (int, error) {
		logMu.Lock()
		defer logMu.Unlock()
		return p.log.Write(b)
	})
	if err := cmd.Start(); err != nil {
		t.Fatalf("start newsmon: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			logMu.Lock()
			t.Logf("newsmon log (tail):\n%s", tail(p.log.String(), 4000))
			logMu.Unlock()
		}
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case urls <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case p.URL = <-urls:
	case <-exited:
		t.Fatalf("newsmon exited before serving; log:\n%s", tail(p.log.String(), 4000))
	case <-time.After(60 * time.Second):
		t.Fatal("newsmon printed no 'serving' line within 60s")
	}
	return p
}

// demoPipelineWith is the repository's demo pipeline with one more feed source.
func demoPipelineWith(t *testing.T, feedURL string) string {
	t.Helper()
	demo, err := os.ReadFile(filepath.Join("..", "..", "pipelines", "demo.yaml"))
	if err != nil {
		t.Fatalf("read the demo pipeline: %v", err)
	}
	src := fmt.Sprintf("sources:\n  - {name: Browser Test Wire, kind: feed, url: %q, poll: 1s, language: en}\n", feedURL)
	out := strings.Replace(string(demo), "sources:\n", src, 1)
	if out == string(demo) {
		t.Fatal("pipelines/demo.yaml has no 'sources:' line to extend")
	}
	return out
}

// getJSON fetches an API URL into v.
func getJSON(ctx context.Context, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1000))
		return fmt.Errorf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// eventually polls cond every 100ms until it holds or the timeout passes.
func eventually(t *testing.T, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	last := ""
	for {
		ok, state := cond()
		if ok {
			return
		}
		last = state
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v (last: %s)", what, timeout, last)
		}
		<-tick.C
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
