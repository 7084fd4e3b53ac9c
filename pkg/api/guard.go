package api

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Guard protects the API: tokens for writing (and optionally reading), a request rate limit per
// client, and a time limit per request. The zero value guards nothing but the time limit.
type Guard struct {
	// WriteToken, when set, is required for every request that changes state (POST, PUT, DELETE
	// under /api/). It also grants reading.
	WriteToken string
	// ReadToken, when set, is required to read /api/* and /metrics. The web page itself, /healthz
	// and /readyz stay public.
	ReadToken string
	// RatePerSecond and Burst bound requests to /api/ and /metrics per client address (0: no limit).
	RatePerSecond float64
	Burst         int
	// RequestTimeout ends the context of non-streaming API requests (0: 30 s).
	RequestTimeout time.Duration
	// TrustedProxies are the reverse proxies (CIDRs) whose X-Forwarded-For, X-Forwarded-Proto and
	// X-Forwarded-Host are believed: the client address (for rate limits and logs) is the last
	// address in X-Forwarded-For that is not a trusted proxy, and the login cookie is Secure with
	// the __Host- prefix when the proxy says the client used https. Headers from anyone else are
	// ignored, so a client cannot pick its own rate-limit bucket.
	TrustedProxies []netip.Prefix
	// MaxStreamsPerClient bounds the open alert streams (SSE) of one client address (0:
	// DefaultMaxStreamsPerClient): each holds a connection, a goroutine and a hub subscription for
	// as long as the client likes, so one client must not open thousands.
	MaxStreamsPerClient int
}

// DefaultMaxStreamsPerClient allows a few browser tabs per person (and per NAT) at once.
const DefaultMaxStreamsPerClient = 8

// The login cookie holds a signed session, never a token: "<scope>.<expiry>.<random id>.<mac>",
// where the MAC is an HMAC-SHA256 under a key derived from the token of that scope, so changing a
// token ends its sessions and a stolen cookie expires. Over https it is named with the __Host-
// prefix, which browsers accept only when Secure, for Path=/ and without Domain: no sibling
// subdomain or plain-http page can plant or overwrite it.
const (
	sessionCookie       = "newsmon_session"
	secureSessionCookie = "__Host-" + sessionCookie
	sessionTTL          = 7 * 24 * time.Hour
	scopeWrite          = "w"
	scopeRead           = "r"
)

// access is what a request's credentials grant.
type access int

const (
	accessNone access = iota
	accessRead
	accessWrite
)

// streaming routes hold the connection open on purpose: no request time limit for them.
func streaming(path string) bool {
	return path == "/api/alerts/events" || path == "/api/export"
}

func (s *server) guard(next http.Handler) http.Handler {
	g := s.cfg.Guard
	timeout := g.RequestTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	limiter := newClientLimiter(g.RatePerSecond, g.Burst)
	streams := &streamCounter{max: g.MaxStreamsPerClient, open: map[string]int{}}
	if streams.max <= 0 {
		streams.max = DefaultMaxStreamsPerClient
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		// /metrics is limited too: every scrape gathers every collector, cheap to ask for and not
		// free to answer.
		if (api || r.URL.Path == "/metrics") && limiter != nil && !limiter.allow(g.clientAddr(r)) {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "too many requests: slow down")
			return
		}
		write := r.Method != http.MethodGet && r.Method != http.MethodHead
		if r.URL.Path == "/api/login" || r.URL.Path == "/api/logout" {
			if err := g.sameOrigin(r); err != nil { // no logging a victim into an attacker's session
				writeError(w, http.StatusForbidden, err.Error())
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		granted, byCookie := g.authenticate(r)
		if api && write {
			// A browser sends the cookie, and an Origin, on its own; a header token it never adds
			// by itself. So writes not carrying a header token must come from this site's page:
			// refused when the browser says they come from another site, and, when the cookie is
			// what authorises them, only as JSON, which another site cannot send without a CORS
			// preflight this server never grants (a form or text/plain POST needs none).
			if !headerToken(r) {
				if err := g.sameOrigin(r); err != nil {
					writeError(w, http.StatusForbidden, err.Error())
					return
				}
			}
			if byCookie && r.Method != http.MethodDelete && !isJSON(r) {
				// DELETE is exempt: it is never a "simple" cross-origin request, so a browser
				// always asks first, and it has no body to type.
				writeError(w, http.StatusUnsupportedMediaType, "a request authorised by the login cookie must send Content-Type: application/json")
				return
			}
		}
		switch {
		case api && write && g.WriteToken != "":
			if granted < accessWrite {
				unauthorized(w, "this request changes state: it needs the API write token (Authorization: Bearer …)")
				return
			}
		case (api || r.URL.Path == "/metrics") && g.ReadToken != "":
			if granted < accessRead {
				unauthorized(w, "this API needs a token (Authorization: Bearer …)")
				return
			}
		}
		if r.URL.Path == "/api/alerts/events" {
			client := g.clientAddr(r)
			if !streams.acquire(client) {
				w.Header().Set("Retry-After", "10")
				writeError(w, http.StatusTooManyRequests, fmt.Sprintf("too many open alert streams from %s (at most %d): close some", client, streams.max))
				return
			}
			defer streams.release(client)
		}
		if api && !streaming(r.URL.Path) {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			inner := r.WithContext(ctx)
			next.ServeHTTP(w, inner)
			r.Pattern = inner.Pattern // the metrics middleware outside labels by route
			return
		}
		next.ServeHTTP(w, r)
	})
}

func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="newsmon"`)
	writeError(w, http.StatusUnauthorized, msg)
}

// headerToken reports whether the request carries a token in a header, which only a program or
// the page's own script (never a cross-site form) can add.
func headerToken(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") || r.Header.Get("X-Newsmon-Token") != ""
}

// authenticate returns what the request's credentials grant and whether they came from the login
// cookie. A header token, when present, decides alone.
func (g Guard) authenticate(r *http.Request) (access, bool) {
	if headerToken(r) {
		t := r.Header.Get("X-Newsmon-Token")
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
			t = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
		}
		switch {
		case tokenMatches(t, g.WriteToken):
			return accessWrite, false
		case tokenMatches(t, g.ReadToken):
			return accessRead, false
		}
		return accessNone, false
	}
	c, err := r.Cookie(g.cookieName(r))
	if err != nil {
		return accessNone, false
	}
	now := time.Now()
	switch {
	case validSession(c.Value, scopeWrite, g.WriteToken, now):
		return accessWrite, true
	case validSession(c.Value, scopeRead, g.ReadToken, now):
		return accessRead, true
	}
	return accessNone, false
}

// tokenMatches compares in constant time; hashing first also hides the secret's length.
func tokenMatches(got, want string) bool {
	if got == "" || want == "" {
		return false
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// sessionMAC signs a session payload with a key derived from the token (so the token itself is
// never the HMAC key of anything an attacker can see).
func sessionMAC(token, payload string) []byte {
	kdf := hmac.New(sha256.New, []byte(token))
	kdf.Write([]byte("newsmon login session v1"))
	m := hmac.New(sha256.New, kdf.Sum(nil))
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// newSession returns a session value of the scope, valid for sessionTTL from now.
func newSession(scope, token string, now time.Time) (string, error) {
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", fmt.Errorf("session id: %w", err)
	}
	payload := scope + "." + strconv.FormatInt(now.Add(sessionTTL).Unix(), 10) + "." + base64.RawURLEncoding.EncodeToString(id)
	return payload + "." + base64.RawURLEncoding.EncodeToString(sessionMAC(token, payload)), nil
}

// validSession reports whether v is an unexpired session of the scope signed for token.
func validSession(v, scope, token string, now time.Time) bool {
	if token == "" || !strings.HasPrefix(v, scope+".") {
		return false
	}
	i := strings.LastIndexByte(v, '.')
	if i < 0 {
		return false
	}
	payload := v[:i]
	mac, err := base64.RawURLEncoding.DecodeString(v[i+1:])
	if err != nil || !hmac.Equal(mac, sessionMAC(token, payload)) {
		return false
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 3 {
		return false
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	return err == nil && now.Unix() < exp
}

// login checks a token and sets a session cookie (HttpOnly, SameSite=Strict, Secure and __Host-
// over https) for the web page, whose EventSource and export links cannot add headers.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "POST {\"token\": \"…\"}")
		return
	}
	if !isJSON(r) {
		writeError(w, http.StatusUnsupportedMediaType, "login wants Content-Type: application/json")
		return
	}
	var in struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "want {\"token\": \"…\"}")
		return
	}
	g := s.cfg.Guard
	scope, token := scopeWrite, g.WriteToken
	switch {
	case tokenMatches(in.Token, g.WriteToken):
	case tokenMatches(in.Token, g.ReadToken):
		scope, token = scopeRead, g.ReadToken
	default:
		s.log.Warn("failed API login", "client", g.clientAddr(r))
		unauthorized(w, "wrong token")
		return
	}
	v, err := newSession(scope, token, time.Now())
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	http.SetCookie(w, &http.Cookie{Name: g.cookieName(r), Value: v, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: g.secure(r), MaxAge: int(sessionTTL / time.Second)})
	writeJSON(w, http.StatusOK, map[string]bool{"write": scope == scopeWrite || g.WriteToken == ""})
}

// logout clears the session cookie.
func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	g := s.cfg.Guard
	http.SetCookie(w, &http.Cookie{Name: g.cookieName(r), Value: "", Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: g.secure(r), MaxAge: -1})
	writeJSON(w, http.StatusOK, map[string]bool{"logged_out": true})
}

// cookieName is the session cookie's name for this request: with the __Host- prefix over https.
func (g Guard) cookieName(r *http.Request) string {
	if g.secure(r) {
		return secureSessionCookie
	}
	return sessionCookie
}

// secure reports whether the client reached us over https: directly, or through a trusted proxy
// that says so in X-Forwarded-Proto.
func (g Guard) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return g.fromTrustedProxy(r) && strings.EqualFold(firstValue(r.Header.Get("X-Forwarded-Proto")), "https")
}

// sameOrigin refuses a request a browser marks as coming from another site: Sec-Fetch-Site
// (sent by every current browser) must be same-origin or none; without it, an Origin header must
// name this host. Requests with neither come from programs, not from a page.
func (g Guard) sameOrigin(r *http.Request) error {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return nil
	case "":
	default:
		return errors.New("cross-origin request refused: changes come only from this server's own page or from programs with a token")
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || !strings.EqualFold(u.Host, g.host(r)) {
		return fmt.Errorf("cross-origin request from %q refused: changes come only from this server's own page or from programs with a token", origin)
	}
	return nil
}

// host is the host the client asked for: X-Forwarded-Host from a trusted proxy, else Host.
func (g Guard) host(r *http.Request) string {
	if g.fromTrustedProxy(r) {
		if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" {
			return h
		}
	}
	return r.Host
}

// isJSON reports whether the request body is declared as JSON.
func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.TrimSpace(v)
}

// remoteIP is the address of the peer that connected.
func remoteIP(r *http.Request) (netip.Addr, string) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, _ := netip.ParseAddr(host)
	return ip.Unmap(), host
}

func (g Guard) trusted(ip netip.Addr) bool {
	for _, p := range g.TrustedProxies {
		if ip.IsValid() && p.Contains(ip) {
			return true
		}
	}
	return false
}

func (g Guard) fromTrustedProxy(r *http.Request) bool {
	ip, _ := remoteIP(r)
	return g.trusted(ip)
}

// clientAddr is the client's address: the peer's, or behind trusted proxies the last address in
// X-Forwarded-For that is not one of them (the ones before it could be written by the client).
func (g Guard) clientAddr(r *http.Request) string {
	ip, host := remoteIP(r)
	if !g.trusted(ip) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a garbled hop: nothing left of it can be believed
		}
		host = hop.Unmap().String()
		if !g.trusted(hop.Unmap()) {
			return host
		}
	}
	return host
}

// streamCounter counts the open alert streams per client address.
type streamCounter struct {
	mu   sync.Mutex
	max  int
	open map[string]int
}

func (c *streamCounter) acquire(client string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.open[client] >= c.max {
		return false
	}
	c.open[client]++
	return true
}

func (c *streamCounter) release(client string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.open[client]--; c.open[client] <= 0 {
		delete(c.open, client) // the map holds only clients with open streams
	}
}

// clientLimiter keeps one token bucket per client address, forgetting idle clients.
type clientLimiter struct {
	mu      sync.Mutex
	rate    rate.Limit
	burst   int
	clients map[string]*clientBucket
	swept   time.Time
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newClientLimiter(perSecond float64, burst int) *clientLimiter {
	if perSecond <= 0 {
		return nil
	}
	if burst <= 0 {
		burst = max(1, int(2*perSecond))
	}
	return &clientLimiter{rate: rate.Limit(perSecond), burst: burst, clients: map[string]*clientBucket{}, swept: time.Now()}
}

func (l *clientLimiter) allow(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.clients {
			if now.Sub(b.seen) > 5*time.Minute {
				delete(l.clients, k)
			}
		}
		l.swept = now
	}
	b, ok := l.clients[client]
	if !ok {
		b = &clientBucket{lim: rate.NewLimiter(l.rate, l.burst)}
		l.clients[client] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}
