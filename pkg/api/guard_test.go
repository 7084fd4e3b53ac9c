package api

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
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
		// The cookie holds a signed session, never the token: a cookie with the raw token is nothing.
		{"raw token in a cookie", Guard{WriteToken: "w"}, "POST", "/api/alerts", map[string]string{"Cookie": sessionCookie + "=w", "Content-Type": "application/json"}, 401},
		{"old token cookie", Guard{WriteToken: "w"}, "POST", "/api/alerts", map[string]string{"Cookie": "newsmon_token=w", "Content-Type": "application/json"}, 401},
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

var jsonType = map[string]string{"Content-Type": "application/json"}

// login logs in with tok and returns the session cookie, failing the test unless the login works.
func login(t *testing.T, h http.Handler, tok string, hdr map[string]string) *http.Cookie {
	t.Helper()
	all := map[string]string{"Content-Type": "application/json"}
	for k, v := range hdr {
		all[k] = v
	}
	rec := do(h, "POST", "/api/login", `{"token":"`+tok+`"}`, all)
	if rec.Code != 200 {
		t.Fatalf("login = %d %s", rec.Code, rec.Body)
	}
	c := rec.Result().Cookies()
	if len(c) != 1 {
		t.Fatalf("login cookies = %+v", c)
	}
	return c[0]
}

func TestLoginSetsASignedStrictHttpOnlyCookie(t *testing.T) {
	h := guarded(t, Guard{WriteToken: "w"})
	if rec := do(h, "POST", "/api/login", `{"token":"nope"}`, jsonType); rec.Code != 401 {
		t.Fatalf("wrong token login = %d", rec.Code)
	}
	c := login(t, h, "w", nil)
	if c.Name != sessionCookie || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Secure {
		t.Fatalf("cookie over plain http = %+v", c)
	}
	if !strings.HasPrefix(c.Value, scopeWrite+".") || strings.Count(c.Value, ".") != 3 {
		t.Fatalf("cookie value %q: want a signed session, not the token", c.Value)
	}
	// Two logins are two sessions (a random id each).
	if c2 := login(t, h, "w", nil); c2.Value == c.Value {
		t.Errorf("two logins gave the same session %q", c.Value)
	}
}

func TestSessionCookieAuthorisesOnlySameOriginJSONWrites(t *testing.T) {
	h := guarded(t, Guard{WriteToken: "w"})
	c := login(t, h, "w", nil)
	cookie := c.Name + "=" + c.Value
	rule := `{"name":"x","region":["Jiangsu"]}`
	tests := []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"page's own fetch", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin", "Origin": "http://example.com"}, 201},
		{"old browser, same origin", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Origin": "http://example.com"}, 201},
		{"cross-site text/plain", map[string]string{"Cookie": cookie, "Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403},
		{"cross-site form", map[string]string{"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, 403},
		{"same-site sibling", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Sec-Fetch-Site": "same-site", "Origin": "http://sub.example.com"}, 403},
		{"old browser, other origin", map[string]string{"Cookie": cookie, "Content-Type": "text/plain", "Origin": "https://evil.example"}, 403},
		{"null origin", map[string]string{"Cookie": cookie, "Content-Type": "application/json", "Origin": "null"}, 403},
		{"cookie without JSON", map[string]string{"Cookie": cookie, "Content-Type": "text/plain"}, 415},
		{"cookie without a type", map[string]string{"Cookie": cookie}, 415},
		{"tampered session", map[string]string{"Cookie": cookie + "x", "Content-Type": "application/json"}, 401},
		// Programs with a token are unaffected.
		{"bearer, any type", map[string]string{"Authorization": "Bearer w", "Content-Type": "text/plain"}, 201},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if rec := do(h, "POST", "/api/alerts", rule, tc.hdr); rec.Code != tc.want {
				t.Errorf("POST /api/alerts = %d %s, want %d", rec.Code, rec.Body, tc.want)
			}
		})
	}
	// A session from the read token reads but cannot write; changing the token ends sessions.
	hr := guarded(t, Guard{WriteToken: "w", ReadToken: "r"})
	rc := login(t, hr, "r", nil)
	if rec := do(hr, "GET", "/api/search", "", map[string]string{"Cookie": rc.Name + "=" + rc.Value}); rec.Code != 200 {
		t.Errorf("read session GET = %d", rec.Code)
	}
	if rec := do(hr, "POST", "/api/alerts", rule, map[string]string{"Cookie": rc.Name + "=" + rc.Value, "Content-Type": "application/json"}); rec.Code != 401 {
		t.Errorf("read session POST = %d, want 401", rec.Code)
	}
	rotated := guarded(t, Guard{WriteToken: "w2"})
	if rec := do(rotated, "POST", "/api/alerts", rule, map[string]string{"Cookie": cookie, "Content-Type": "application/json"}); rec.Code != 401 {
		t.Errorf("session after the token changed = %d, want 401", rec.Code)
	}
}

func TestSessionExpires(t *testing.T) {
	now := time.Now()
	v, err := newSession(scopeWrite, "w", now)
	if err != nil {
		t.Fatal(err)
	}
	if !validSession(v, scopeWrite, "w", now) || validSession(v, scopeWrite, "w", now.Add(sessionTTL+time.Second)) ||
		validSession(v, scopeRead, "w", now) || validSession(v, scopeWrite, "other", now) {
		t.Errorf("session %q: valid now only, for its scope and token", v)
	}
}

func TestLoginRefusesCrossSite(t *testing.T) {
	h := guarded(t, Guard{WriteToken: "w"})
	hdr := map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
	if rec := do(h, "POST", "/api/login", `{"token":"w"}`, hdr); rec.Code != 403 {
		t.Errorf("cross-site login = %d, want 403", rec.Code)
	}
	if rec := do(h, "POST", "/api/login", `{"token":"w"}`, map[string]string{"Content-Type": "text/plain"}); rec.Code != 415 {
		t.Errorf("text/plain login = %d, want 415", rec.Code)
	}
}

func TestTrustedProxy(t *testing.T) {
	proxy := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	req := func(remote string, hdr map[string]string) *http.Request {
		r := httptest.NewRequest("POST", "/api/login", strings.NewReader(`{"token":"w"}`))
		r.RemoteAddr = remote
		r.Header.Set("Content-Type", "application/json")
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		return r
	}
	g := Guard{WriteToken: "w", TrustedProxies: proxy}
	tests := []struct {
		name     string
		remote   string
		hdr      map[string]string
		client   string
		secure   bool
		hostName string
	}{
		{"direct client ignores forwarded headers", "203.0.113.7:1", map[string]string{"X-Forwarded-For": "1.2.3.4", "X-Forwarded-Proto": "https"}, "203.0.113.7", false, "example.com"},
		{"trusted proxy", "10.1.2.3:1", map[string]string{"X-Forwarded-For": "198.51.100.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org"}, "198.51.100.9", true, "news.example.org"},
		{"client-written hop before the real one", "10.1.2.3:1", map[string]string{"X-Forwarded-For": "6.6.6.6, 198.51.100.9, 10.9.9.9"}, "198.51.100.9", false, "example.com"},
		{"proxy over http", "10.1.2.3:1", map[string]string{"X-Forwarded-For": "198.51.100.9", "X-Forwarded-Proto": "http"}, "198.51.100.9", false, "example.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := req(tc.remote, tc.hdr)
			if got := g.clientAddr(r); got != tc.client {
				t.Errorf("client = %q, want %q", got, tc.client)
			}
			if got := g.secure(r); got != tc.secure {
				t.Errorf("secure = %v, want %v", got, tc.secure)
			}
			if got := g.host(r); got != tc.hostName {
				t.Errorf("host = %q, want %q", got, tc.hostName)
			}
		})
	}
	// Behind a TLS proxy the cookie is Secure and __Host-, and the page's writes with it work.
	h := guarded(t, g)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req("10.1.2.3:1", map[string]string{"X-Forwarded-For": "198.51.100.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org"}))
	c := rec.Result().Cookies()
	if rec.Code != 200 || len(c) != 1 || c[0].Name != "__Host-newsmon_session" || !c[0].Secure || c[0].Path != "/" || c[0].Domain != "" {
		t.Fatalf("login behind a TLS proxy = %d, cookies %+v", rec.Code, c)
	}
	w := httptest.NewRequest("POST", "/api/alerts", strings.NewReader(`{"name":"x","region":["Jiangsu"]}`))
	w.RemoteAddr = "10.1.2.3:1"
	for k, v := range map[string]string{"X-Forwarded-For": "198.51.100.9", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org",
		"Origin": "https://news.example.org", "Content-Type": "application/json", "Cookie": c[0].Name + "=" + c[0].Value} {
		w.Header.Set(k, v)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, w)
	if rec.Code != 201 {
		t.Errorf("write with the __Host- session behind the proxy = %d %s", rec.Code, rec.Body)
	}
}

func TestRateLimitBehindTrustedProxyIsPerClient(t *testing.T) {
	h := guarded(t, Guard{RatePerSecond: 1, Burst: 1, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	get := func(client string) int {
		r := httptest.NewRequest("GET", "/api/search", nil)
		r.RemoteAddr = "127.0.0.1:5555"
		r.Header.Set("X-Forwarded-For", client)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code
	}
	if a, b, c := get("198.51.100.1"), get("198.51.100.2"), get("198.51.100.1"); a != 200 || b != 200 || c != 429 {
		t.Errorf("two clients behind one proxy: %d %d %d, want 200 200 429", a, b, c)
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

func TestMetricsAreRateLimited(t *testing.T) {
	h := guarded(t, Guard{RatePerSecond: 1, Burst: 2})
	codes := map[int]int{}
	for range 4 {
		codes[do(h, "GET", "/metrics", "", nil).Code]++
	}
	if codes[200] != 2 || codes[429] != 2 {
		t.Errorf("4 quick scrapes from one client: %v, want 2×200 and 2×429", codes)
	}
}

func TestOpenAlertStreamsAreCappedPerClient(t *testing.T) {
	srv := httptest.NewServer(guarded(t, Guard{MaxStreamsPerClient: 2}))
	defer srv.Close()
	open := func() (*http.Response, context.CancelFunc) {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/alerts/events", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		if resp.StatusCode == 200 { // the stream is registered once its first line arrives
			if line, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil || !strings.HasPrefix(line, ": connected") {
				t.Fatalf("stream start %q, %v", line, err)
			}
		}
		return resp, cancel
	}
	r1, c1 := open()
	r2, c2 := open()
	defer c2()
	defer r2.Body.Close()
	r3, c3 := open()
	r3.Body.Close()
	c3()
	if r1.StatusCode != 200 || r2.StatusCode != 200 || r3.StatusCode != 429 {
		t.Fatalf("three streams from one client: %d %d %d, want 200 200 429", r1.StatusCode, r2.StatusCode, r3.StatusCode)
	}
	// Closing one frees its place (once the server sees it gone).
	r1.Body.Close()
	c1()
	testutil.Eventually(t, 5*time.Second, func() error {
		r4, c4 := open()
		defer c4()
		r4.Body.Close()
		if r4.StatusCode != 200 {
			return fmt.Errorf("a stream after closing one = %d, want 200", r4.StatusCode)
		}
		return nil
	})
}
