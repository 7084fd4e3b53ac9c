package crawl

import (
	"slices"
	"strconv"
	"testing"
)

// The article queue starts at most `slots` jobs, at most `perHost` of one host, hosts taking turns
// and each host's jobs in order; a job that ends gives its slot to the next.
func TestArticleQueueBoundsAndTurns(t *testing.T) {
	var started []string
	q := newArticleQueue(3, 2, func(j articleJob) { started = append(started, j.host+"/"+j.it.url) })
	for i := range 4 {
		q.push(articleJob{host: "a", it: item{url: strconv.Itoa(i)}})
	}
	q.push(articleJob{host: "b", it: item{url: "0"}})
	q.push(articleJob{host: "c", it: item{url: "0"}})
	// a takes two (its limit), b the third slot; c waits for a slot.
	if want := []string{"a/0", "a/1", "b/0"}; !slices.Equal(started, want) {
		t.Fatalf("started %v; want %v", started, want)
	}
	if got := q.waiting(); got != 3 {
		t.Fatalf("waiting %d; want 3", got)
	}
	q.done("a") // a's slot goes to c, whose turn came first
	q.done("b") // then a again
	q.done("a")
	if want := []string{"a/0", "a/1", "b/0", "c/0", "a/2", "a/3"}; !slices.Equal(started, want) {
		t.Fatalf("started %v; want %v", started, want)
	}
	for _, h := range []string{"c", "a", "a"} {
		q.done(h)
	}
	if q.waiting() != 0 || q.busy != 0 || len(q.hosts) != 0 || len(q.ready) != 0 {
		t.Fatalf("after all done: waiting %d, busy %d, hosts %d, ready %d; want all 0", q.waiting(), q.busy, len(q.hosts), len(q.ready))
	}
}

// A big listing of one host drains in order and gives back the array it filled as it drains.
func TestArticleQueueShrinksABigListing(t *testing.T) {
	var started []string
	q := newArticleQueue(1, 1, func(j articleJob) { started = append(started, j.it.url) })
	const n = 5000
	for i := range n {
		q.push(articleJob{host: "a", it: item{url: strconv.Itoa(i)}})
	}
	full := cap(q.hosts["a"].jobs)
	for range n - 10 {
		q.done("a")
	}
	if c := cap(q.hosts["a"].jobs); c >= full/4 {
		t.Errorf("after draining all but 10 of %d jobs the host holds an array of %d (was %d)", n, c, full)
	}
	for range 10 {
		q.done("a")
	}
	if len(started) != n || started[0] != "0" || started[n-1] != strconv.Itoa(n-1) || !slices.IsSortedFunc(started, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x - y
	}) {
		t.Errorf("started %d jobs, not all in order", len(started))
	}
}
