package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/bus"
)

// TestImportJoiningAnEmbeddedRunSharesItsDedup: `run` with its embedded NATS keeps the per-article
// keys (URL claims, content hashes) in its own state file under --data; an `import` that joins
// that NATS asks the run for them, so the demo articles the run crawled are duplicates for an
// import of wget's WARC of the same site, and nothing is indexed twice.
func TestImportJoiningAnEmbeddedRunSharesItsDedup(t *testing.T) {
	if testing.Short() {
		t.Skip("embedded run and a joining import")
	}
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	data := t.TempDir()
	natsAddr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	pipe := writeDemoPipeline(t, site.URL)
	run := startRunning(t, "run", "--pipeline", pipe, "--data", data, "--http", "127.0.0.1:0",
		"--nats-listen", natsAddr, "--log-level", "info")
	run.waitOutput(t, "serving http://")
	api := servingRE.FindStringSubmatch(run.stdout.String())[1]
	want := len(demo.Articles())
	waitFor(t, 90*time.Second, func() error {
		if n := search(t, api, "size=1").Total; n < want {
			return fmt.Errorf("%d of %d demo articles searchable", n, want)
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(data, "state", bus.BucketCrawl+".db")); err != nil {
		t.Fatalf("the run keeps no state file of its crawl keys: %v", err)
	}

	creds, err := bus.LoadOrCreateCredentials(filepath.Join(data, natsCredentialsFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(bus.EnvUser, creds.User)
	t.Setenv(bus.EnvPassword, creds.Password)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	counts, stderr := importSummary(t, ctx, "--nats-url", "nats://"+natsAddr, "--data", t.TempDir(), wgetWARC)
	if counts[1] != 0 || counts[2] != want {
		t.Errorf("import of the crawled site: records/indexed/duplicates/skipped/failed = %v; want 0 indexed, %d duplicates\n%s",
			counts, want, tail(stderr, 3000))
	}
	if n := search(t, api, "size=1").Total; n != want {
		t.Errorf("searchable articles after the import = %d, want %d", n, want)
	}
}
