package crawl

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Config holds the crawler's limits and manners. Start from DefaultConfig and check with Validate.
type Config struct {
	UserAgent    string        // sent on every request; its first product token is matched against robots.txt groups
	Timeout      time.Duration // whole request, body included, so slow servers are bounded
	MaxBodyBytes int64         // article and section pages; over it the fetch fails with ErrTooLarge
	MaxFeedBytes int64         // feeds and sitemaps, after gzip decompression too
	MaxRedirects int           // 0 = follow none

	PerHostInterval    time.Duration // min time between two requests to one host; robots Crawl-delay may raise it
	PerHostConcurrency int           // max requests in flight to one host
	Concurrency        int           // total fetch workers

	RespectRobots bool
	DedupWindow   time.Duration // a canonical URL is fetched at most once within it; 0 = never again
	// ClaimLease is how long a claim whose fetch never completed (its worker died) blocks others.
	ClaimLease time.Duration
	// MaxArticlesPerPoll caps the new articles fetched per source per poll; the rest wait for the
	// next poll. 0 = no cap.
	MaxArticlesPerPoll int

	// Transport is optional: nil means a clone of http.DefaultTransport. Set it to an SSRF-guarded
	// transport (internal/netguard) when crawling untrusted sources.
	Transport http.RoundTripper
}

// DefaultConfig returns polite defaults for crawling news sites.
func DefaultConfig() Config {
	return Config{
		UserAgent:          "newsmon/1.0 (+https://github.com/newsmon/newsmon)",
		Timeout:            20 * time.Second,
		MaxBodyBytes:       5 << 20,
		MaxFeedBytes:       20 << 20,
		MaxRedirects:       5,
		PerHostInterval:    time.Second,
		PerHostConcurrency: 2,
		Concurrency:        16,
		RespectRobots:      true,
		DedupWindow:        30 * 24 * time.Hour,
		ClaimLease:         2 * time.Minute,
		MaxArticlesPerPoll: 200,
	}
}

// Validate reports every problem of the config at once.
func (c Config) Validate() error {
	var errs []error
	for _, rule := range []struct {
		broken  bool
		problem string
	}{
		{c.UserAgent == "", "user_agent must not be empty"},
		{c.Timeout <= 0, "timeout must be > 0"},
		{c.MaxBodyBytes <= 0, "max_body_bytes must be > 0"},
		{c.MaxFeedBytes <= 0, "max_feed_bytes must be > 0"},
		{c.MaxRedirects < 0, "max_redirects must be >= 0"},
		{c.PerHostInterval < 0, "per_host_interval must be >= 0"},
		{c.PerHostConcurrency < 1, "per_host_concurrency must be >= 1"},
		{c.Concurrency < 1, "concurrency must be >= 1"},
		{c.ClaimLease <= 0, "claim_lease must be > 0"},
		{c.DedupWindow < 0, "dedup_window must be >= 0"},
		{c.MaxArticlesPerPoll < 0, "max_articles_per_poll must be >= 0"},
	} {
		if rule.broken {
			errs = append(errs, errors.New(rule.problem))
		}
	}
	return errors.Join(errs...)
}

// Source kinds.
const (
	KindFeed    = "feed"    // RSS 2.0, RSS 1.0 (RDF) or Atom, auto-detected
	KindSitemap = "sitemap" // urlset, sitemapindex, Google news sitemap, optionally gzipped
	KindURLs    = "urls"    // a fixed list of article URLs
	KindPage    = "page"    // an HTML section page: its article links and its advertised feeds
)

// Source is one place the crawler polls for article URLs.
type Source struct {
	Name     string // publisher / feed name, copied to article.Page.Source
	Kind     string // KindFeed, KindSitemap, KindURLs or KindPage
	URL      string
	URLs     []string      // for KindURLs
	Poll     time.Duration // how often to re-poll; 0 = once
	Language string        // optional hint, used when the feed says nothing
	Tags     []string      // the source's collection tags ("country:CN"), copied to article.Page.SourceTags
}

func (s Source) validate() error {
	var errs []error
	switch s.Kind {
	case KindFeed, KindSitemap, KindPage:
		if err := checkHTTPURL(s.URL); err != nil {
			errs = append(errs, fmt.Errorf("url: %w", err))
		}
	case KindURLs:
		if len(s.URLs) == 0 && s.URL == "" {
			errs = append(errs, errors.New("kind urls needs urls"))
		}
		for i, u := range s.URLs {
			if err := checkHTTPURL(u); err != nil {
				errs = append(errs, fmt.Errorf("urls[%d]: %w", i, err))
			}
		}
	default:
		errs = append(errs, fmt.Errorf("unknown kind %q (want feed, sitemap, urls or page)", s.Kind))
	}
	if s.Poll < 0 {
		errs = append(errs, errors.New("poll must be >= 0"))
	}
	return errors.Join(errs...)
}

func checkHTTPURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL", raw)
	}
	return nil
}
