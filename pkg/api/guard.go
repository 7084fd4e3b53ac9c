package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"net"
	"net/http"
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
	// RatePerSecond and Burst bound requests to /api/ per client address (0: no limit).
	RatePerSecond float64
	Burst         int
	// RequestTimeout ends the context of non-streaming API requests (0: 30 s).
	RequestTimeout time.Duration
	// TrustProxy takes the client address from X-Forwarded-For (only behind a trusted proxy).
	TrustProxy bool
}

// tokenCookie carries a token the web page logged in with (POST /api/login), so that requests the
// page cannot add headers to (EventSource, export links) are authorised too.
const tokenCookie = "newsmon_token"

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
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		if api && limiter != nil && !limiter.allow(clientAddr(r, g.TrustProxy)) {
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "too many requests: slow down")
			return
		}
		if r.URL.Path == "/api/login" {
			next.ServeHTTP(w, r)
			return
		}
		write := r.Method != http.MethodGet && r.Method != http.MethodHead
		switch {
		case api && write && g.WriteToken != "":
			if !tokenMatches(presentedToken(r), g.WriteToken) {
				unauthorized(w, "this request changes state: it needs the API write token (Authorization: Bearer …)")
				return
			}
		case (api || r.URL.Path == "/metrics") && g.ReadToken != "":
			t := presentedToken(r)
			if !tokenMatches(t, g.ReadToken) && (g.WriteToken == "" || !tokenMatches(t, g.WriteToken)) {
				unauthorized(w, "this API needs a token (Authorization: Bearer …)")
				return
			}
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

// presentedToken reads a token from the Authorization header, X-Newsmon-Token, or the login cookie.
func presentedToken(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	}
	if h := r.Header.Get("X-Newsmon-Token"); h != "" {
		return h
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		return c.Value
	}
	return ""
}

// tokenMatches compares in constant time; hashing first also hides the secret's length.
func tokenMatches(got, want string) bool {
	if got == "" || want == "" {
		return false
	}
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// login checks a token and stores it in an HttpOnly, SameSite=Strict cookie for the web page.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "want {\"token\": \"…\"}")
		return
	}
	g := s.cfg.Guard
	if !tokenMatches(in.Token, g.WriteToken) && !tokenMatches(in.Token, g.ReadToken) {
		s.log.Warn("failed API login", "client", clientAddr(r, g.TrustProxy))
		unauthorized(w, "wrong token")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: in.Token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 7 * 24 * 3600})
	writeJSON(w, http.StatusOK, map[string]bool{"write": tokenMatches(in.Token, g.WriteToken) || g.WriteToken == ""})
}

func clientAddr(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			return strings.TrimSpace(strings.Split(xff, ",")[0])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
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
