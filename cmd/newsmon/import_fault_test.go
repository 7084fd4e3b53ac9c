package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/index"
	blevebackend "github.com/newsmon/newsmon/pkg/index/bleve"
)

// TestFaultImportKilledAndRestarted: an import killed with SIGKILL while its records are on their
// way through the embedded pipeline, then run again on the same data folder, leaves every record
// in the index exactly once. Ids are the index's document ids, so a record indexed twice would
// not show as two documents; what is checked is that none is lost, none is dead-lettered, the
// rerun reads on from the last saved position instead of from the start, and a third run has
// nothing left to do.
func TestFaultImportKilledAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	// More records than the backlog gate lets through (pipeline.DefaultMaxBacklog, 1,000): the import
	// then waits for extraction, and is still under way when its first position is saved (after
	// a second), however fast the machine reads and publishes.
	const n = 2500
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	jsonl := filepath.Join(dir, "export.jsonl")
	cities := []string{"Lisbon", "Oslo", "Nairobi", "Quito", "Hanoi", "Perth", "Tunis", "Riga", "Accra", "Bergen"}
	lines := make([]string, n)
	for i := range lines {
		c := cities[i%len(cities)]
		lines[i] = fmt.Sprintf(`{"url": "https://archive.example.net/harbour/%d", "title": "Harbour works in %s, phase %d", "text": "Engineers in %s began phase %d of the harbour works on Monday. The port authority said %d cranes would be replaced by 2027.", "published": "2019-0%d-2%d"}`,
			i, c, i, c, i, i%40, 1+i%9, i%8)
	}
	writeJSONL(t, jsonl, lines)

	first := startChild(t, false, "import", "--data", data, "--log-level", "warn", jsonl)
	var natsURL string
	waitFor(t, 60*time.Second, func() error {
		if natsURL = first.stdoutMatch(natsLineRE); natsURL == "" {
			return fmt.Errorf("no embedded NATS line yet; log:\n%s", first.tail())
		}
		return nil
	})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: withCredentials(t, natsURL, filepath.Join(data, natsCredentialsFile)), Name: "watch"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	progress, err := b.KV(ctx, bus.BucketImport, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Kill once the import has saved its position past a quarter of the file (it saves at most
	// once a second, so records after that position are in flight too), before it is done.
	waitFor(t, 90*time.Second, func() error {
		var rec struct {
			Next int  `json:"next"`
			Done bool `json:"done"`
		}
		keys, err := progress.Keys(ctx)
		if err == nil && len(keys) == 1 {
			data, _, gerr := progress.Get(ctx, keys[0])
			err = errors.Join(gerr, json.Unmarshal(data, &rec))
		}
		if err != nil || rec.Next < n/4 {
			return fmt.Errorf("import position %d of %d (%v)", rec.Next, n, err)
		}
		if rec.Done {
			t.Fatal("the import finished before it could be killed")
		}
		return nil
	})
	b.Close()
	first.kill()

	counts, stderr := importSummary(t, ctx, "--data", data, jsonl)
	t.Logf("rerun: %v\n%s", counts, tail(stderr, 400))
	if counts[0] >= n || counts[4] != 0 {
		t.Errorf("rerun counts records/indexed/duplicates/skipped/failed = %v: read from the start, or failed", counts)
	}
	idx, err := blevebackend.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := idx.Search(ctx, index.Query{Size: 1})
	idx.Close() // the next run opens it
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("FAULT %-34s accepted=%d indexed=%d dead_lettered=%d duplicates=%d", "import killed -9, restarted", n, all.Total, counts[4], max(all.Total-n, 0))
	if all.Total != n {
		t.Errorf("index holds %d articles after a kill -9 and a rerun, want each of the %d records once", all.Total, n)
	}
	if again, _ := importSummary(t, ctx, "--data", data, jsonl); again != [5]int{} {
		t.Errorf("third run counts %v, want nothing left to do", again)
	}
}
