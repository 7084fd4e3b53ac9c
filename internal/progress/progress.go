// Package progress draws a progress bar for long batch work on the command line (evals, bench,
// backfills). On a terminal it redraws one line in place; elsewhere (CI logs, pipes) it prints a
// plain line at most every few seconds, so logs stay readable.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Bar reports progress towards a known total. Safe for concurrent use; a nil *Bar does nothing.
type Bar struct {
	mu       sync.Mutex
	w        io.Writer
	label    string
	total    int
	done     int
	start    time.Time
	last     time.Time
	tty      bool
	interval time.Duration
}

// New returns a bar writing to w. It draws in place only when w is a terminal.
func New(w io.Writer, label string, total int) *Bar {
	b := &Bar{w: w, label: label, total: total, start: time.Now(), interval: 5 * time.Second}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			b.tty, b.interval = true, 100*time.Millisecond
		}
	}
	return b
}

// Add records n more items done and redraws when due.
func (b *Bar) Add(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	if now := time.Now(); now.Sub(b.last) >= b.interval || b.done == b.total {
		b.last = now
		b.draw(now)
	}
}

// Done finishes the line.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.draw(time.Now())
	if b.tty {
		fmt.Fprintln(b.w)
	}
}

func (b *Bar) draw(now time.Time) {
	elapsed := now.Sub(b.start)
	rate := float64(b.done) / max(elapsed.Seconds(), 1e-9)
	line := fmt.Sprintf("%s %d/%d", b.label, b.done, b.total)
	if b.total > 0 {
		frac := float64(b.done) / float64(b.total)
		const width = 30
		fill := int(frac * width)
		line = fmt.Sprintf("%s [%s%s] %3.0f%% %d/%d", b.label, strings.Repeat("=", fill), strings.Repeat(" ", width-fill), 100*frac, b.done, b.total)
		if b.done > 0 && b.done < b.total {
			eta := time.Duration(float64(b.total-b.done) / rate * float64(time.Second))
			line += fmt.Sprintf(" %.1f/s eta %s", rate, eta.Round(time.Second))
		}
	}
	if b.tty {
		fmt.Fprintf(b.w, "\r\033[K%s", line)
		return
	}
	fmt.Fprintln(b.w, line)
}
