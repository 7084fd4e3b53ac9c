package pipeline

import (
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
	if cs.Timeout > 0 {
		c.Timeout = cs.Timeout
	}
	if cs.MaxBodyBytes > 0 {
		c.MaxBodyBytes = int64(cs.MaxBodyBytes)
	}
	if cs.PerHostInterval > 0 {
		c.PerHostInterval = cs.PerHostInterval
	}
	if cs.PerHostConcurrency > 0 {
		c.PerHostConcurrency = cs.PerHostConcurrency
	}
	if cs.Concurrency > 0 {
		c.Concurrency = cs.Concurrency
	}
	if cs.RespectRobots != nil {
		c.RespectRobots = *cs.RespectRobots
	}
	if cs.DedupWindow > 0 {
		c.DedupWindow = cs.DedupWindow
	}
	if cs.ClaimLease > 0 {
		c.ClaimLease = cs.ClaimLease
	}
	if cs.MaxArticlesPerPoll > 0 {
		c.MaxArticlesPerPoll = cs.MaxArticlesPerPoll
	}
	return c, nil
}

// CrawlSources are the pipeline's sources as the crawler takes them.
func (s *Spec) CrawlSources() []crawl.Source {
	out := make([]crawl.Source, len(s.Sources))
	for i, src := range s.Sources {
		out[i] = crawl.Source{Name: src.Name, Kind: src.Kind, URL: src.URL, URLs: src.URLs, Poll: src.Poll, Language: src.Language}
	}
	return out
}
