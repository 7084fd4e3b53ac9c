package crawl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"sync"
	"time"
)

// Store persists crawl state (URL claims, feed validators) so that a restart neither re-fetches nor
// re-publishes, and so that several crawler workers sharing one Store never fetch the same article
// twice. The lead implements it over a NATS KV bucket; NewMemoryStore serves tests and `analyze`.
//
// Keys match [A-Za-z0-9_=.-]+: a prefix ("url.", "feed.") and a hex hash.
type Store interface {
	Get(ctx context.Context, key string) (val []byte, ok bool, err error)
	Put(ctx context.Context, key string, val []byte) error
	// Create stores val only if key is absent; created=false means someone (maybe another worker) has it.
	Create(ctx context.Context, key string, val []byte) (created bool, err error)
}

// Swapper is an optional Store ability: replace the value of key only if it still equals old. The
// crawler uses it to take over an expired URL claim without racing another worker; without it, a
// takeover is a plain Put (two workers may then both re-fetch an expired URL, once).
// Over NATS KV: Get the entry, compare its value, then Update with the entry's revision.
type Swapper interface {
	CompareAndSwap(ctx context.Context, key string, old, new []byte) (swapped bool, err error)
}

var storeKeyRE = regexp.MustCompile(`^[A-Za-z0-9_=.-]+$`)

// ValidStoreKey reports whether key uses only the characters every Store (NATS KV included) accepts.
func ValidStoreKey(key string) bool { return storeKeyRE.MatchString(key) }

// URLKey is the Store key of a canonical article URL's claim.
func URLKey(canonicalURL string) string { return "url." + hashHex(canonicalURL) }

// FeedKey is the Store key of the conditional-GET validators of a feed, sitemap or section page.
func FeedKey(feedURL string) string { return "feed." + hashHex(feedURL) }

func hashHex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}

// memoryStore is the in-process Store.
type memoryStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemoryStore returns an in-memory Store (with CompareAndSwap) for tests, bench and `analyze`.
func NewMemoryStore() Store { return &memoryStore{m: map[string][]byte{}} }

func (s *memoryStore) Get(_ context.Context, key string) ([]byte, bool, error) {
	if !ValidStoreKey(key) {
		return nil, false, fmt.Errorf("store get: invalid key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return bytes.Clone(v), ok, nil
}

func (s *memoryStore) Put(_ context.Context, key string, val []byte) error {
	if !ValidStoreKey(key) {
		return fmt.Errorf("store put: invalid key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = bytes.Clone(val)
	return nil
}

func (s *memoryStore) Create(_ context.Context, key string, val []byte) (bool, error) {
	if !ValidStoreKey(key) {
		return false, fmt.Errorf("store create: invalid key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[key]; ok {
		return false, nil
	}
	s.m[key] = bytes.Clone(val)
	return true, nil
}

func (s *memoryStore) CompareAndSwap(_ context.Context, key string, old, new []byte) (bool, error) {
	if !ValidStoreKey(key) {
		return false, fmt.Errorf("store swap: invalid key %q", key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.m[key]; !ok || !bytes.Equal(cur, old) {
		return false, nil
	}
	s.m[key] = bytes.Clone(new)
	return true, nil
}

// urlClaim is the value under URLKey. A claim is pending while its fetch is under way, done once
// the page was handed to the sink (so the article is durably on its way), or released after a
// failure (so the next poll retries it).
type urlClaim struct {
	URL      string    `json:"url,omitempty"` // written by earlier versions only: claims are packed per article (bus.PackedKV), where every byte is kept for the dedup window
	At       time.Time `json:"at"`
	Done     bool      `json:"done,omitempty"`
	Released bool      `json:"released,omitempty"`
}

// fresh reports whether the claim still blocks a fetch at now. A done claim blocks for the dedup
// window (0: forever); a pending one only for the lease, because a worker killed mid-fetch never
// finishes or releases it, and its article must not be lost for a whole window.
func (c urlClaim) fresh(now time.Time, window, lease time.Duration) bool {
	switch {
	case c.Released:
		return false
	case c.Done:
		return window == 0 || now.Sub(c.At) < window
	default:
		return now.Sub(c.At) < lease
	}
}

// validators are the conditional-GET validators stored under FeedKey.
type validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// SitemapLastMod is the <lastmod> a sitemap index gave this child when we last read it, so an
	// unchanged child is not fetched at all.
	SitemapLastMod string `json:"sitemap_lastmod,omitempty"`
	// Feeds are the feeds a section page advertised, polled even when the page itself is unchanged.
	Feeds []string `json:"feeds,omitempty"`
	// Children are the sitemaps an index listed, visited even when the index itself is unchanged
	// (news sites often keep a static index over a constantly changing news sitemap).
	Children []childSitemap `json:"children,omitempty"`
}

type childSitemap struct {
	Loc     string `json:"loc"`
	LastMod string `json:"lastmod,omitempty"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil { // only plain structs are marshalled here
		panic(fmt.Sprintf("crawl: marshal %T: %v", v, err))
	}
	return b
}
