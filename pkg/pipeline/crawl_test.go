package pipeline

import (
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/crawl"
)

func TestCrawlConfig(t *testing.T) {
	t.Parallel()
	def := crawl.DefaultConfig()
	no := false
	for name, tc := range map[string]struct {
		spec    CrawlSpec
		check   func(c crawl.Config) bool
		wantErr bool
	}{
		"empty keeps the defaults": {check: func(c crawl.Config) bool {
			return c.UserAgent == def.UserAgent && c.DedupWindow == def.DedupWindow &&
				c.RespectRobots == def.RespectRobots && c.Transport != nil
		}},
		"settings override": {spec: CrawlSpec{UserAgent: "ua", Timeout: time.Second, MaxBodyBytes: 10,
			PerHostInterval: 2 * time.Second, PerHostConcurrency: 3, Concurrency: 4, RespectRobots: &no,
			DedupWindow: time.Hour, ClaimLease: time.Minute, MaxArticlesPerPoll: 5},
			check: func(c crawl.Config) bool {
				return c.UserAgent == "ua" && c.Timeout == time.Second && c.MaxBodyBytes == 10 &&
					c.PerHostInterval == 2*time.Second && c.PerHostConcurrency == 3 && c.Concurrency == 4 &&
					!c.RespectRobots && c.DedupWindow == time.Hour && c.ClaimLease == time.Minute &&
					c.MaxArticlesPerPoll == 5
			}},
		"bad network": {spec: CrawlSpec{AllowNetworks: []string{"not a cidr"}}, wantErr: true},
	} {
		s := &Spec{Crawl: tc.spec}
		c, err := s.CrawlConfig()
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v, want error %v", name, err, tc.wantErr)
			continue
		}
		if err == nil && !tc.check(c) {
			t.Errorf("%s: got %+v", name, c)
		}
	}
}

func TestCrawlSources(t *testing.T) {
	t.Parallel()
	s := &Spec{Sources: []Source{{Name: "a", Kind: "feed", URL: "http://x/feed", Poll: time.Minute, Language: "en", Country: "GB"}}}
	got := s.CrawlSources()
	want := crawl.Source{Name: "a", Kind: "feed", URL: "http://x/feed", Poll: time.Minute, Language: "en"}
	if len(got) != 1 || got[0].Name != want.Name || got[0].Kind != want.Kind || got[0].URL != want.URL ||
		got[0].Poll != want.Poll || got[0].Language != want.Language {
		t.Errorf("CrawlSources() = %+v, want [%+v]", got, want)
	}
}
