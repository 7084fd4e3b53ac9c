package main

// Fault tests (issue 9): the stages run as real child processes (this test binary re-executed as
// `newsmon`, see TestMain) sharing a real NATS server with JetStream on disk; the tests kill them
// with SIGKILL, restart NATS, and check that every accepted article ends up indexed exactly once
// or dead-lettered. Run them alone with: go test ./cmd/newsmon -run Fault -v

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/bus"
)

// TestMain lets the test binary act as the newsmon command when NEWSMON_TEST_AS_CLI is set, so
// fault tests can run stages as separate processes and kill them without building anything.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSMON_TEST_AS_CLI") == "1" {
		ctx, stop := signalContext()
		defer stop()
		os.Exit(Main(ctx, os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// child is a newsmon process started by a test.
type child struct {
	t    *testing.T
	cmd  *exec.Cmd
	api  string
	done chan error
	log  string

	mu  sync.Mutex
	out []string // stdout lines
}

// stdoutMatch returns the first submatch of re in the child's stdout so far.
func (c *child) stdoutMatch(re *regexp.Regexp) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range c.out {
		if m := re.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	return ""
}

func startChild(t *testing.T, waitForHTTP bool, args ...string) *child {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), args[0]+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSMON_TEST_AS_CLI=1")
	cmd.Stderr = logFile
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{t: t, cmd: cmd, done: make(chan error, 1), log: logPath}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.mu.Lock()
			c.out = append(c.out, sc.Text())
			c.mu.Unlock()
			select {
			case lines <- sc.Text():
			default:
			}
		}
		c.done <- cmd.Wait()
		logFile.Close()
	}()
	t.Cleanup(func() { c.kill() })
	if waitForHTTP {
		deadline := time.After(60 * time.Second)
		for c.api == "" {
			select {
			case l := <-lines:
				if m := servingRE.FindStringSubmatch(l); m != nil {
					c.api = m[1]
				}
			case <-deadline:
				t.Fatalf("%s: no 'serving' line; log:\n%s", args[0], c.tail())
			}
		}
	}
	return c
}

func (c *child) tail() string {
	b, _ := os.ReadFile(c.log)
	return tail(string(b), 3000)
}

// kill sends SIGKILL: no draining, no acks, no clean shutdown.
func (c *child) kill() {
	if c.cmd.ProcessState != nil {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.t.Errorf("child %v did not die", c.cmd.Args)
	}
}

// stop sends SIGTERM and expects a clean exit.
func (c *child) stop() {
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Errorf("child %v: %v; log:\n%s", c.cmd.Args[1], err, c.tail())
		}
	case <-time.After(30 * time.Second):
		c.t.Errorf("child %v did not stop on SIGTERM", c.cmd.Args)
	}
}

// natsServer is an embedded NATS that can be stopped and started again on the same port and store.
type natsServer struct {
	t     *testing.T
	store string
	creds string // credentials file, kept across restarts
	port  int
	srv   *bus.Embedded
}

func newNATS(t *testing.T) *natsServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	dir := t.TempDir()
	n := &natsServer{t: t, store: filepath.Join(dir, "nats"), creds: filepath.Join(dir, "credentials.env"), port: port}
	n.start()
	t.Cleanup(func() {
		if n.srv != nil {
			n.srv.Shutdown()
		}
	})
	return n
}

func (n *natsServer) start() {
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: n.store, Port: n.port, CredentialsFile: n.creds})
	if err != nil {
		n.t.Fatal(err)
	}
	n.srv = srv
}

func (n *natsServer) restart() {
	n.srv.Shutdown()
	n.srv = nil
	n.start()
}

// url holds the credentials, so that workers and the test's own clients can join.
func (n *natsServer) url() string {
	c, err := bus.LoadOrCreateCredentials(n.creds)
	if err != nil {
		n.t.Fatal(err)
	}
	return fmt.Sprintf("nats://%s:%s@127.0.0.1:%d", c.User, c.Password, n.port)
}

// generatedPipeline writes a pipeline crawling a generated site of n articles.
func generatedPipeline(t *testing.T, siteURL string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("name: fault\ncrawl: {per_host_interval: 1ms, per_host_concurrency: 8, concurrency: 8, allow_networks: [127.0.0.0/8], max_articles_per_poll: 0, claim_lease: 4s}\nsources:\n")
	for i, p := range demo.GeneratedFeedPaths(n) {
		fmt.Fprintf(&b, "  - {name: gen-%d, kind: feed, url: %q, poll: 2s}\n", i, siteURL+p)
	}
	b.WriteString("index: {batch: 20}\n")
	path := filepath.Join(t.TempDir(), "fault.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// faultReport checks the promise and logs one row of the scenario table.
func faultReport(t *testing.T, scenario, api, natsURL string, accepted int) {
	t.Helper()
	var r searchResult
	waitFor(t, 120*time.Second, func() error {
		r = search(t, api, "size=1")
		if r.Total < accepted {
			return fmt.Errorf("%s: %d of %d accepted articles indexed", scenario, r.Total, accepted)
		}
		return nil
	})
	dead := countDeadLetters(t, natsURL, bus.SubjectDeadPrefix+"extract") + countDeadLetters(t, natsURL, bus.SubjectDeadPrefix+"index") +
		countDeadLetters(t, natsURL, bus.SubjectDeadPrefix+"crawl")
	// Ids are the index's document ids, so a duplicate would show as a total above accepted.
	dups := r.Total + dead - accepted
	t.Logf("FAULT %-34s accepted=%d indexed=%d dead_lettered=%d duplicates=%d", scenario, accepted, r.Total, dead, max(dups, 0))
	if dups != 0 {
		t.Errorf("%s: indexed %d + dead %d != accepted %d", scenario, r.Total, dead, accepted)
	}
}

func TestFaultKillWorkersMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	const n = 400
	site := httptest.NewServer(demo.Generated(n, 7))
	defer site.Close()
	nats := newNATS(t)
	pipe := generatedPipeline(t, site.URL, n)
	common := []string{"--nats-url", nats.url(), "--pipeline", pipe, "--log-level", "warn", "--ack-wait", "3s"}
	data := t.TempDir()

	startChild(t, false, append([]string{"crawl"}, common...)...)
	extract := startChild(t, false, append([]string{"extract", "--workers", "2"}, common...)...)
	index := startChild(t, true, append([]string{"index", "--data", data, "--http", "127.0.0.1:0"}, common...)...)

	// Kill the extractor once it has done some work, then the indexer mid-stream.
	waitFor(t, 60*time.Second, func() error {
		if got := search(t, index.api, "size=1").Total; got < n/5 {
			return fmt.Errorf("%d indexed", got)
		}
		return nil
	})
	extract.kill()
	extract = startChild(t, false, append([]string{"extract", "--workers", "2"}, common...)...)
	waitFor(t, 60*time.Second, func() error {
		if got := search(t, index.api, "size=1").Total; got < n/2 {
			return fmt.Errorf("%d indexed", got)
		}
		return nil
	})
	index.kill()
	index = startChild(t, true, append([]string{"index", "--data", data, "--http", "127.0.0.1:0"}, common...)...)
	faultReport(t, "kill -9 extract and index workers", index.api, nats.url(), n)
	extract.stop()
}

func TestFaultNATSRestartDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	const n = 300
	site := httptest.NewServer(demo.Generated(n, 11))
	defer site.Close()
	nats := newNATS(t)
	pipe := generatedPipeline(t, site.URL, n)
	run := startChild(t, true, "run", "--nats-url", nats.url(), "--pipeline", pipe, "--data", t.TempDir(),
		"--http", "127.0.0.1:0", "--log-level", "warn", "--ack-wait", "3s")
	waitFor(t, 60*time.Second, func() error {
		if got := search(t, run.api, "size=1").Total; got < n/4 {
			return fmt.Errorf("%d indexed", got)
		}
		return nil
	})
	nats.restart()
	faultReport(t, "NATS restart during ingest", run.api, nats.url(), n)
	run.stop()
}

func TestFaultRunKilledAndRestartedOnSameData(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	const n = 300
	fetches := &countingHandler{inner: demo.Generated(n, 13)}
	site := httptest.NewServer(fetches)
	defer site.Close()
	pipe := generatedPipeline(t, site.URL, n)
	data := t.TempDir()
	args := []string{"run", "--pipeline", pipe, "--data", data, "--http", "127.0.0.1:0", "--log-level", "warn", "--ack-wait", "3s"}
	run := startChild(t, true, args...)
	waitFor(t, 60*time.Second, func() error {
		if got := search(t, run.api, "size=1").Total; got < n/3 {
			return fmt.Errorf("%d indexed", got)
		}
		return nil
	})
	run.kill()
	run = startChild(t, true, args...)
	natsURL := run.stdoutMatch(natsLineRE)
	if natsURL == "" {
		t.Fatalf("restarted run did not print its embedded NATS url; log:\n%s", run.tail())
	}
	natsURL = withCredentials(t, natsURL, filepath.Join(data, natsCredentialsFile))
	faultReport(t, "run killed -9, restarted on --data", run.api, natsURL, n)
	if refetched := fetches.repeats(); refetched > n/10 {
		t.Errorf("%d article pages fetched more than once across the restart (re-fetch storm)", refetched)
	}
	run.stop()
}

var natsLineRE = regexp.MustCompile(`embedded NATS at (nats://\S+)`)

// withCredentials puts the user and password kept in credsFile into a NATS URL.
func withCredentials(t *testing.T, natsURL, credsFile string) string {
	t.Helper()
	c, err := bus.LoadOrCreateCredentials(credsFile)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Replace(natsURL, "nats://", "nats://"+c.User+":"+c.Password+"@", 1)
}

// countingHandler counts GETs of article pages per path.
type countingHandler struct {
	inner http.Handler
	mu    sync.Mutex
	hits  map[string]int
}

func (h *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, ".html") {
		h.mu.Lock()
		if h.hits == nil {
			h.hits = map[string]int{}
		}
		h.hits[r.URL.Path]++
		h.mu.Unlock()
	}
	h.inner.ServeHTTP(w, r)
}

// repeats is the number of article pages fetched more than once.
func (h *countingHandler) repeats() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, c := range h.hits {
		if c > 1 {
			n++
		}
	}
	return n
}
