package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func guarded(t *testing.T, g Guard) http.Handler {
	t.Helper()
	h, err := New(Config{Searcher: &fakeSearcher{}, Guard: g})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func do(h http.Handler, method, path, body string, hdr map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = "203.0.113.7:4242"
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestGuardTokens(t *testing.T) {
	rule := `{"name":"x","region":["Jiangsu"]}`
	bearer := func(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }
	tests := []struct {
		name         string
		guard        Guard
		method, path string
		hdr          map[string]string
		want         int
	}{
		{"open API reads", Guard{}, "GET", "/api/search", nil, 200},
		{"open API writes", Guard{}, "POST", "/api/alerts", nil, 201},
		{"write without token", Guard{WriteToken: "s3cret"}, "POST", "/api/alerts", nil, 401},
		{"write with wrong token", Guard{WriteToken: "s3cret"}, "POST", "/api/alerts", bearer("guess"), 401},
		{"write with token", Guard{WriteToken: "s3cret"}, "POST", "/api/alerts", bearer("s3cret"), 201},
		{"write with header token", Guard{WriteToken: "s3cret"}, "DELETE", "/api/alerts/nope", map[string]string{"X-Newsmon-Token": "s3cret"}, 404},
		{"read stays public with only a write token", Guard{WriteToken: "s3cret"}, "GET", "/api/search", nil, 200},
		{"read token required", Guard{ReadToken: "r"}, "GET", "/api/search", nil, 401},
		{"read token given", Guard{ReadToken: "r"}, "GET", "/api/search", bearer("r"), 200},
		{"write token also reads", Guard{ReadToken: "r", WriteToken: "w"}, "GET", "/api/search", bearer("w"), 200},
		{"read token cannot write", Guard{ReadToken: "r", WriteToken: "w"}, "POST", "/api/alerts", bearer("r"), 401},
		{"metrics need the read token", Guard{ReadToken: "r"}, "GET", "/metrics", nil, 401},
		{"health is public", Guard{ReadToken: "r", WriteToken: "w"}, "GET", "/healthz", nil, 200},
		{"page is public", Guard{ReadToken: "r", WriteToken: "w"}, "GET", "/", nil, 200},
		{"cookie from login", Guard{WriteToken: "w"}, "POST", "/api/alerts", map[string]string{"Cookie": tokenCookie + "=w"}, 201},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(guarded(t, tc.guard), tc.method, tc.path, rule, tc.hdr)
			if rec.Code != tc.want {
				t.Errorf("%s %s = %d %s, want %d", tc.method, tc.path, rec.Code, rec.Body, tc.want)
			}
		})
	}
}

func TestLoginSetsAStrictHttpOnlyCookie(t *testing.T) {
	h := guarded(t, Guard{WriteToken: "w"})
	if rec := do(h, "POST", "/api/login", `{"token":"nope"}`, nil); rec.Code != 401 {
		t.Fatalf("wrong token login = %d", rec.Code)
	}
	rec := do(h, "POST", "/api/login", `{"token":"w"}`, nil)
	if rec.Code != 200 {
		t.Fatalf("login = %d %s", rec.Code, rec.Body)
	}
	c := rec.Result().Cookies()
	if len(c) != 1 || c[0].Name != tokenCookie || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie = %+v", c)
	}
}

func TestGuardRateLimitPerClient(t *testing.T) {
	h := guarded(t, Guard{RatePerSecond: 1, Burst: 3})
	codes := map[int]int{}
	for range 6 {
		codes[do(h, "GET", "/api/search", "", nil).Code]++
	}
	if codes[200] != 3 || codes[429] != 3 {
		t.Errorf("6 quick requests from one client: %v, want 3×200 and 3×429", codes)
	}
	// Another client has its own bucket; the page is never limited.
	req := httptest.NewRequest("GET", "/api/search", nil)
	req.RemoteAddr = "198.51.100.1:1"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("second client = %d, want 200", rec.Code)
	}
	if rec := do(h, "GET", "/", "", nil); rec.Code != 200 {
		t.Errorf("page = %d, want 200 (not rate limited)", rec.Code)
	}
}
