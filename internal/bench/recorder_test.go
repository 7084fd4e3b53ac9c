package bench

import (
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// TestRecorderCallsAtIndexedAtEachCheckpoint: the hook runs once per checkpoint reached, with the
// count, and not for counts that are no checkpoint.
func TestRecorderCallsAtIndexedAtEachCheckpoint(t *testing.T) {
	reached := make(chan int, 8)
	rec := newRecorder(Options{Articles: 5, Checkpoints: []int{2, 4, 9}, AtIndexed: func(n int) { reached <- n }})
	now := time.Now()
	for range 5 {
		rec.indexed(&article.Article{Fetched: now}, now)
	}
	<-rec.done
	var got []int
	for len(got) < 2 {
		select {
		case n := <-reached:
			got = append(got, n)
		case <-time.After(10 * time.Second):
			t.Fatalf("checkpoints reached %v; want [2 4]", got)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, []int{2, 4}) {
		t.Errorf("checkpoints reached %v; want [2 4]", got)
	}
}
