package crawl

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Robots is the part of a robots.txt (RFC 9309) that applies to one user agent.
type Robots struct {
	rules    []robotsRule
	delay    time.Duration
	sitemaps []string
}

type robotsRule struct {
	allow   bool
	pattern string
}

const (
	robotsMaxBytes   = 500 << 10 // what Google reads; the rest is ignored
	robotsTTL        = time.Hour
	robotsFailTTL    = 10 * time.Minute // a 5xx or unreachable robots.txt is retried sooner
	robotsMaxDelay   = time.Minute      // a Crawl-delay above this is capped
	robotsMaxPattern = 2048
)

// allowAll is what a missing (4xx) robots.txt means; disallowAll what an unreachable one means.
var (
	allowAll    = &Robots{}
	disallowAll = &Robots{rules: []robotsRule{{allow: false, pattern: "/"}}}
)

// ParseRobots reads robots.txt and keeps the group for userAgent: the groups naming its product
// token (the part before the first "/", matched case-insensitively), else the "*" groups, else none
// (everything allowed). Unknown lines are ignored; it never fails.
func ParseRobots(data []byte, userAgent string) *Robots {
	token := strings.ToLower(userAgent)
	if i := strings.IndexAny(token, "/ "); i >= 0 {
		token = token[:i]
	}
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var (
		groups    []*group
		cur       *group
		lastAgent bool
		sitemaps  []string
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes+1)
	sc.Split(scanLinesCR)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent", "useragent", "user agent":
			if cur == nil || !lastAgent {
				cur = &group{}
				groups = append(groups, cur)
			}
			agent := strings.ToLower(val)
			if i := strings.IndexAny(agent, "/ "); i > 0 {
				agent = agent[:i]
			}
			cur.agents = append(cur.agents, agent)
			lastAgent = true
		case "allow", "disallow":
			lastAgent = false
			if cur == nil || val == "" || len(val) > robotsMaxPattern {
				continue // an empty Disallow allows everything, which is the default anyway
			}
			if val[0] != '/' && val[0] != '*' {
				val = "/" + val
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			lastAgent = false
			if cur == nil {
				continue
			}
			if secs, err := strconv.ParseFloat(val, 64); err == nil && secs > 0 && secs < 1e6 {
				cur.delay = time.Duration(secs * float64(time.Second))
			}
		case "sitemap":
			sitemaps = append(sitemaps, val)
		default:
			// unknown directives (Host, Clean-param, ...) neither open nor close a group
		}
	}
	pick := func(want string) *Robots {
		var r *Robots
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					if r == nil {
						r = &Robots{}
					}
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		return r
	}
	r := pick(token)
	if r == nil || token == "*" {
		r = pick("*")
	}
	if r == nil {
		r = &Robots{}
	}
	r.sitemaps = sitemaps
	return r
}

// scanLinesCR splits on \n, \r\n and lone \r (old Mac files exist in the wild).
func scanLinesCR(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			return i + 2, data[:i], nil
		}
		if data[i] == '\r' && i+1 == len(data) && !atEOF {
			return 0, nil, nil // maybe \r\n split across reads
		}
		return i + 1, data[:i], nil
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// Allowed reports whether the path (with its query, as in a URL's RequestURI) may be fetched: the
// longest matching rule wins, Allow wins ties, no match means allowed. /robots.txt is always allowed.
func (r *Robots) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	allowed, best := true, -1
	for _, rule := range r.rules {
		if len(rule.pattern) < best || !robotsMatch(rule.pattern, path) {
			continue
		}
		if len(rule.pattern) > best || rule.allow {
			allowed, best = rule.allow, len(rule.pattern)
		}
	}
	return allowed
}

// AllowedURL is Allowed for the path and query of u.
func (r *Robots) AllowedURL(u *url.URL) bool { return r.Allowed(u.RequestURI()) }

// CrawlDelay is the Crawl-delay of the chosen group, 0 if none.
func (r *Robots) CrawlDelay() time.Duration { return r.delay }

// Sitemaps lists the Sitemap: lines of the file.
func (r *Robots) Sitemaps() []string { return r.sitemaps }

// robotsMatch matches a robots pattern ("*" any run of characters, a final "$" anchors the end)
// against a prefix of path, without backtracking blow-ups.
func robotsMatch(pat, path string) bool {
	anchored := strings.HasSuffix(pat, "$")
	if anchored {
		pat = pat[:len(pat)-1]
	}
	p, s, starP, starS := 0, 0, -1, 0
	for {
		switch {
		case p == len(pat):
			if !anchored || s == len(path) {
				return true
			}
		case pat[p] == '*':
			starP, starS = p, s
			p++
			continue
		case s < len(path) && pat[p] == path[s]:
			p++
			s++
			continue
		}
		if starP < 0 || starS >= len(path) {
			return false
		}
		starS++
		s, p = starS, starP+1
	}
}

// robotsCache fetches a host's robots.txt when a fetch from that host first needs it, and keeps it
// for robotsTTL (robotsFailTTL after a failure), less up to a tenth at random: each host's copy
// expires on its own schedule, so hosts first crawled together do not all re-read robots.txt in
// the same minute.
type robotsCache struct {
	f       *Fetcher
	ua      string
	onDelay func(host string, d time.Duration)

	mu sync.Mutex
	m  map[robotsKey]*robotsEntry
}

type robotsEntry struct {
	ready   chan struct{} // closed once rules is set
	rules   *Robots
	expires time.Time
}

func newRobotsCache(f *Fetcher, ua string, onDelay func(host string, d time.Duration)) *robotsCache {
	return &robotsCache{f: f, ua: ua, onDelay: onDelay, m: map[robotsKey]*robotsEntry{}}
}

// robotsKey is the scheme and host a robots.txt covers (a struct, so a lookup builds no string).
type robotsKey struct{ scheme, host string }

func keyOf(u *url.URL) robotsKey { return robotsKey{u.Scheme, u.Host} }

// lookup returns the cached rules for u's host, if loaded and not expired.
func (rc *robotsCache) lookup(u *url.URL) (*Robots, bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	e := rc.m[keyOf(u)]
	if e == nil {
		return nil, false
	}
	select {
	case <-e.ready:
		if time.Now().Before(e.expires) {
			return e.rules, true
		}
		return nil, false
	default:
		return nil, false
	}
}

// load makes sure rules for u's host are cached, fetching robots.txt if needed; requested reports
// whether this call sent the request (a concurrent caller waits for the one in flight instead).
func (rc *robotsCache) load(ctx context.Context, u *url.URL) (requested bool) {
	key := keyOf(u)
	rc.mu.Lock()
	if e := rc.m[key]; e != nil {
		select {
		case <-e.ready:
			if time.Now().Before(e.expires) {
				rc.mu.Unlock()
				return false
			}
		default:
			rc.mu.Unlock()
			select {
			case <-e.ready:
			case <-ctx.Done():
			}
			return false
		}
	}
	e := &robotsEntry{ready: make(chan struct{})}
	rc.m[key] = e
	rc.mu.Unlock()

	rules, ttl := rc.fetch(ctx, key.scheme+"://"+key.host)
	ttl -= rand.N(ttl / 10)
	if rc.onDelay != nil { // before waiters wake up and fetch
		rc.onDelay(u.Host, min(rules.CrawlDelay(), robotsMaxDelay))
	}
	rc.mu.Lock()
	if ctx.Err() != nil && rules == disallowAll { // shutting down: the failure says nothing about the host
		delete(rc.m, key)
	}
	e.rules, e.expires = rules, time.Now().Add(ttl)
	close(e.ready)
	rc.mu.Unlock()
	return true
}

func (rc *robotsCache) fetch(ctx context.Context, base string) (*Robots, time.Duration) {
	resp, err := rc.f.Fetch(ctx, Request{
		URL: base + "/robots.txt", MaxBytes: robotsMaxBytes, Truncate: true, Kind: "robots", Accept: "text/plain,*/*",
	})
	var se *StatusError
	switch {
	case err == nil:
		return ParseRobots(resp.Body, rc.ua), robotsTTL
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != http.StatusTooManyRequests:
		return allowAll, robotsTTL // no robots.txt: everything is allowed
	default:
		rc.f.log.Info("robots.txt unavailable, host disallowed for now", "host", base, "err", err)
		return disallowAll, robotsFailTTL
	}
}
