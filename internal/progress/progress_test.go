package progress

import (
	"strings"
	"sync"
	"testing"
)

func TestBarPlainOutput(t *testing.T) {
	var out strings.Builder
	b := New(&out, "eval", 4)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); b.Add(1) }()
	}
	wg.Wait()
	b.Done()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.Contains(last, "100% 4/4") || strings.Contains(out.String(), "\r") {
		t.Errorf("output %q: want plain lines ending at 100%% 4/4", out.String())
	}
	var nilBar *Bar
	nilBar.Add(1) // must not panic
	nilBar.Done()
}
