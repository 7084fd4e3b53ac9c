package pipeline

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// report prints progress on stderr until the returned stop is called: redrawn in place on a
// terminal, a plain line every few seconds otherwise.
func (imp *Importer) report(ctx context.Context) (stop func()) {
	every, tty := 5*time.Second, false
	if f, ok := imp.cfg.Stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			every, tty = 250*time.Millisecond, true
		}
	}
	done := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(imp.cfg.Stderr, "\r\033[K")
				}
				return
			case <-ctx.Done():
				return
			case <-t.C:
				line := imp.progressLine(tty)
				if tty {
					fmt.Fprintf(imp.cfg.Stderr, "\r\033[K%s", line)
				} else {
					fmt.Fprintln(imp.cfg.Stderr, line)
				}
			}
		}
	}()
	return func() { once.Do(func() { close(done) }); wg.Wait() }
}

// progressLine says how far the import is; bar draws a bar in front (on a terminal).
func (imp *Importer) progressLine(bar bool) string {
	imp.mu.Lock()
	c, pending := imp.counts, len(imp.pending)
	imp.mu.Unlock()
	elapsed := time.Since(imp.start)
	rate := float64(c.indexed) / max(elapsed.Seconds(), 1e-9)
	read := imp.readBytes.Load() + imp.curBytes.Load()
	line := fmt.Sprintf("import %s of %s read", mib(read), mib(imp.totalBytes))
	// Reading runs ahead of indexing (up to the backlog), so the time left is estimated from
	// records settled (indexed, duplicate, skipped, failed) against the records the whole input
	// should hold at the size read so far.
	settled := c.records - pending
	if imp.totalBytes > 0 && read > 0 && settled > 0 {
		frac := min(float64(read)/float64(imp.totalBytes), 1)
		expected := float64(c.records) / frac
		perSecond := float64(settled) / max(elapsed.Seconds(), 1e-9)
		eta := time.Duration(max(expected-float64(settled), 0) / perSecond * float64(time.Second))
		done := min(float64(settled)/expected, 1)
		line += fmt.Sprintf(" (%.0f%% done, eta %s)", 100*done, eta.Round(time.Second))
		if bar {
			const width = 24
			fill := int(done * width)
			line = "[" + strings.Repeat("=", fill) + strings.Repeat(" ", width-fill) + "] " + line
		}
	}
	return line + fmt.Sprintf(" records=%d indexed=%d waiting=%d duplicates=%d skipped=%d failed=%d %.1f articles/s",
		c.records, c.indexed, pending, c.duplicates, c.skipped, c.failed, rate)
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// summary prints the reasons on stderr and the contract's last line on stdout.
func (imp *Importer) summary() {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	c := imp.counts
	for _, part := range []struct {
		name string
		why  map[string]int
	}{{"skipped", imp.skipWhy}, {"failed", imp.failWhy}} {
		if len(part.why) == 0 {
			continue
		}
		reasons := make([]string, 0, len(part.why))
		for r := range part.why {
			reasons = append(reasons, r)
		}
		sort.Slice(reasons, func(i, j int) bool { return part.why[reasons[i]] > part.why[reasons[j]] })
		for _, r := range reasons {
			fmt.Fprintf(imp.cfg.Stderr, "import %s: %d %s\n", part.name, part.why[r], r)
		}
	}
	secs := time.Since(imp.start).Seconds()
	fmt.Fprintf(imp.cfg.Stderr, "import: %d articles indexed in %.1f s (%.1f articles/s)\n", c.indexed, secs, float64(c.indexed)/max(secs, 1e-9))
	fmt.Fprintf(imp.cfg.Stdout, "import records=%d indexed=%d duplicates=%d skipped=%d failed=%d\n",
		c.records, c.indexed, c.duplicates, c.skipped, c.failed)
}
