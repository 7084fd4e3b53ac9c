package api

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// scanSearcher is a Searcher that can Scan: it yields n articles (ids s0000…) and, if gate is
// set, waits on it after the first exportPageSize, so a test can read the first lines of an
// export while the walk is still running. Search is never to be used by an export.
type scanSearcher struct {
	fakeSearcher
	n    int
	gate chan struct{}
	err  error // returned by Scan before any article, when set

	mu     sync.Mutex
	sizes  []int // q.Size of each Scan
	result error // what the last Scan returned
	done   chan struct{}
}

func (s *scanSearcher) Scan(ctx context.Context, q index.Query, fn func(*article.Article) error) error {
	s.mu.Lock()
	s.sizes = append(s.sizes, q.Size)
	s.mu.Unlock()
	err := s.walk(ctx, fn)
	s.mu.Lock()
	s.result = err
	s.mu.Unlock()
	close(s.done)
	return err
}

func (s *scanSearcher) walk(ctx context.Context, fn func(*article.Article) error) error {
	if s.err != nil {
		return s.err
	}
	for i := range s.n {
		if i == exportPageSize && s.gate != nil {
			select {
			case <-s.gate:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(sampleArticle(fmt.Sprintf("s%04d", i))); err != nil {
			if errors.Is(err, index.StopScan) {
				return nil
			}
			return err
		}
	}
	return nil
}

func (s *scanSearcher) Search(context.Context, index.Query) (*index.Result, error) {
	return nil, errors.New("export searched instead of scanning")
}

func newScanServer(t *testing.T, s *scanSearcher) *httptest.Server {
	t.Helper()
	s.done = make(chan struct{})
	h, err := New(Config{Searcher: s})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func waitDone(t *testing.T, s *scanSearcher) error {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		t.Fatal("Scan did not end")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.result
}

// TestExportStreamsWhileScanning reads the first lines of an export while the index's walk is
// still held up, then the rest: every article once, in the walk's order.
func TestExportStreamsWhileScanning(t *testing.T) {
	const n = 2500
	s := &scanSearcher{n: n, gate: make(chan struct{})}
	srv := newScanServer(t, s)
	resp, err := http.Get(srv.URL + "/api/export?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("export = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	br := bufio.NewReader(resp.Body)
	first, err := br.ReadString('\n') // arrives before the walk goes on: streamed, not buffered
	if err != nil {
		t.Fatalf("first line: %v", err)
	}
	close(s.gate)
	lines := []string{first}
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			break
		}
		lines = append(lines, l)
	}
	if len(lines) != n {
		t.Fatalf("lines = %d; want %d", len(lines), n)
	}
	for i, l := range lines {
		var a article.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil || a.ID != fmt.Sprintf("s%04d", i) || a.Text == "" {
			t.Fatalf("line %d = %v %.80s", i, err, l)
		}
	}
	if err := waitDone(t, s); err != nil {
		t.Errorf("Scan = %v", err)
	}
	if s.sizes[0] != index.ScanPageSize {
		t.Errorf("scan page = %d; want %d", s.sizes[0], index.ScanPageSize)
	}
}

func TestExportScanLimitAndFailures(t *testing.T) {
	t.Run("limit", func(t *testing.T) {
		s := &scanSearcher{n: 50}
		srv := newScanServer(t, s)
		resp, err := http.Get(srv.URL + "/api/export?format=csv&limit=3")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		_, _ = bufio.NewReader(resp.Body).WriteTo(&b)
		if rows := strings.Split(strings.TrimSpace(b.String()), "\n"); len(rows) != 4 || !strings.HasPrefix(rows[3], "s0002,") {
			t.Errorf("csv = %q; want a header and 3 rows", rows)
		}
		if err := waitDone(t, s); err != nil || s.sizes[0] != 3 {
			t.Errorf("Scan = %v with page %v; want nil, a page of 3 (the limit)", err, s.sizes)
		}
	})
	t.Run("index fails first", func(t *testing.T) {
		s := &scanSearcher{err: errors.New("index down")}
		srv := newScanServer(t, s)
		resp, err := http.Get(srv.URL + "/api/export")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("export on a failing index = %d; want 500", resp.StatusCode)
		}
	})
	t.Run("client leaves", func(t *testing.T) {
		s := &scanSearcher{n: 1 << 30} // would run for hours if the walk did not stop
		srv := newScanServer(t, s)
		resp, err := http.Get(srv.URL + "/api/export")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if err := waitDone(t, s); err == nil {
			t.Error("Scan ended without an error after the client left; want a write or context error")
		}
	})
}
