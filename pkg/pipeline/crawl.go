package pipeline

import (
	"time"

	"github.com/newsmon/newsmon/internal/netguard"
	"github.com/newsmon/newsmon/pkg/crawl"
)

// CrawlConfig is the crawler's configuration for this pipeline: the crawler's defaults with the
// crawl section's settings over them. The crawler always goes through the SSRF guard; only
// crawl.allow_networks opens internal addresses. Load has checked those networks, so an error
// comes only from a Spec built by hand.
func (s *Spec) CrawlConfig() (crawl.Config, error) {
	c := crawl.DefaultConfig()
	cs := s.Crawl
	allow, err := netguard.ParseAllow(cs.AllowNetworks)
	if err != nil {
		return c, err
	}
	c.Transport = netguard.Policy{Allow: allow}.Transport()
	if cs.UserAgent != "" {
		c.UserAgent = cs.UserAgent
	}
	setPositive(&c.Timeout, cs.Timeout)
	setPositive(&c.MaxBodyBytes, int64(cs.MaxBodyBytes))
	setPositive(&c.PerHostInterval, cs.PerHostInterval)
	setPositive(&c.PerHostConcurrency, cs.PerHostConcurrency)
	setPositive(&c.Concurrency, cs.Concurrency)
	if cs.RespectRobots != nil {
		c.RespectRobots = *cs.RespectRobots
	}
	setPositive(&c.DedupWindow, cs.DedupWindow)
	setPositive(&c.ClaimLease, cs.ClaimLease)
	setPositive(&c.MaxArticlesPerPoll, cs.MaxArticlesPerPoll)
	return c, nil
}

// setPositive sets *dst to v when v is set: zero (or less) keeps the crawler's default.
func setPositive[T int | int64 | time.Duration](dst *T, v T) {
	if v > 0 {
		*dst = v
	}
}

// CrawlSources are the pipeline's sources as the crawler takes them.
func (s *Spec) CrawlSources() []crawl.Source {
	out := make([]crawl.Source, len(s.Sources))
	for i, src := range s.Sources {
		out[i] = crawl.Source{Name: src.Name, Kind: src.Kind, URL: src.URL, URLs: src.URLs, Poll: src.Poll, Language: src.Language,
			Tags: src.SourceTags()}
	}
	return out
}
