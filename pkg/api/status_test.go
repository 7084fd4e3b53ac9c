package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// /api/status answers the sources a page at a time, with the paging and the summary over all
// sources beside them; the other members stay as Status makes them.
func TestStatusSourcesPaged(t *testing.T) {
	var got []SourcesQuery
	h, err := New(Config{Searcher: &fakeSearcher{},
		Status: func() any { return map[string]any{"queues": map[string]any{"extract": 1}, "sources": "replaced"} },
		Sources: func(q SourcesQuery) (SourcesPage, error) {
			got = append(got, q)
			var page []string
			for i := (q.Page - 1) * q.Size; i < min(q.Page*q.Size, 250); i++ {
				page = append(page, "s"+strconv.Itoa(i))
			}
			return SourcesPage{Sources: page, Matching: 250, Summary: map[string]int{"sources": 250}}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	type answer struct {
		Sources []string        `json:"sources"`
		Page    sourcesPageInfo `json:"sources_page"`
		Summary map[string]int  `json:"sources_summary"`
		Queues  map[string]int  `json:"queues"`
	}
	tests := []struct {
		query     string
		wantQuery SourcesQuery
		wantLen   int
		wantPages int
	}{
		{"", SourcesQuery{Page: 1, Size: 100}, 100, 3},
		{"?page=3", SourcesQuery{Page: 3, Size: 100}, 50, 3},
		{"?page=2&size=200&state=error", SourcesQuery{Page: 2, Size: 200, State: "error"}, 50, 2},
	}
	for _, tt := range tests {
		got = nil
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/status"+tt.query, nil))
		var a answer
		if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", tt.query, rec.Code, rec.Body)
		}
		if len(got) != 1 || got[0] != tt.wantQuery {
			t.Errorf("%s: Sources asked %+v; want %+v", tt.query, got, tt.wantQuery)
		}
		if len(a.Sources) != tt.wantLen || a.Page.Pages != tt.wantPages || a.Page.Matching != 250 ||
			a.Summary["sources"] != 250 || a.Queues["extract"] != 1 {
			t.Errorf("%s: %d sources, page %+v, summary %v, queues %v", tt.query, len(a.Sources), a.Page, a.Summary, a.Queues)
		}
	}
	for _, bad := range []string{"?page=0", "?size=1001", "?size=x", "?state=broken"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/status"+bad, nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d; want 400", bad, rec.Code)
		}
	}
}
