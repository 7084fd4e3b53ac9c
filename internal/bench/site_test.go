package bench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// releaseAtRate serves feeds at once and article pages one per slot: at one page per 1000 s the
// first page is served now and the next one waits (here until its request gives up).
func TestReleaseAtRate(t *testing.T) {
	t.Parallel()
	served := map[string]int{}
	h := releaseAtRate(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { served[r.URL.Path]++ }), 0.001)
	get := func(path string, ctx context.Context) {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, http.MethodGet, path, nil))
	}
	gaveUp, cancel := context.WithCancel(context.Background())
	cancel()
	get("/feeds/1.xml", context.Background())
	get("/robots.txt", context.Background())
	get("/a/1.html", context.Background())
	get("/a/2.html", gaveUp)
	get("/feeds/2.xml", gaveUp)
	want := map[string]int{"/feeds/1.xml": 1, "/robots.txt": 1, "/a/1.html": 1, "/feeds/2.xml": 1}
	for path, n := range want {
		if served[path] != n {
			t.Errorf("%s served %d times; want %d", path, served[path], n)
		}
	}
	if served["/a/2.html"] != 0 {
		t.Error("the second article page was served before its slot")
	}
}
