package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
)

// Event is one firing of a rule for an article.
type Event struct {
	ID        string     `json:"id"` // rule id + "." + article id: the dedup key
	RuleID    string     `json:"rule_id"`
	RuleName  string     `json:"rule_name"`
	ArticleID string     `json:"article_id"`
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Source    string     `json:"source"`
	Published *time.Time `json:"published,omitempty"`
	Fired     time.Time  `json:"fired"`
	Reasons   []string   `json:"reasons"`
}

// ruleCacheTTL bounds how stale the matcher's view of the rules may be; reading every rule from
// the KV per article would make matching cost a round trip per rule.
const ruleCacheTTL = 2 * time.Second

// Matcher matches articles against every enabled rule and fires each (rule, article) at most
// once ever, across processes that share the fired KV. It is safe for concurrent use.
type Matcher struct {
	rules *Store
	fired KV
	log   *slog.Logger
	now   func() time.Time

	mu       sync.Mutex
	cached   []Rule
	loadedAt time.Time
}

// NewMatcher returns a Matcher reading rules from rules and recording firings in fired.
// A nil log discards.
func NewMatcher(rules *Store, fired KV, log *slog.Logger) *Matcher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Matcher{rules: rules, fired: fired, log: log.With("component", "alert"), now: time.Now}
}

// Refresh makes the next Match reload the rules.
func (m *Matcher) Refresh() {
	m.mu.Lock()
	m.loadedAt = time.Time{}
	m.mu.Unlock()
}

func (m *Matcher) enabledRules(ctx context.Context) ([]Rule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.loadedAt.IsZero() && m.now().Sub(m.loadedAt) < ruleCacheTTL {
		return m.cached, nil
	}
	all, err := m.rules.List(ctx)
	if err != nil {
		if m.cached != nil { // keep alerting on the last known rules while the store is unreachable
			m.log.Warn("alert rules reload failed, using cached rules", "err", err)
			return m.cached, nil
		}
		return nil, fmt.Errorf("load alert rules: %w", err)
	}
	enabled := make([]Rule, 0, len(all))
	for _, r := range all {
		if r.Enabled {
			enabled = append(enabled, r)
		}
	}
	m.cached, m.loadedAt = enabled, m.now()
	return enabled, nil
}

// Match returns the events the article fires now: one per enabled matching rule that has not
// fired for this article before. On error the returned events did fire and must still be
// delivered; the failed rules can be retried by calling Match again (e.g. on redelivery).
func (m *Matcher) Match(ctx context.Context, a *article.Article) ([]Event, error) {
	if a == nil || a.ID == "" {
		return nil, errors.New("alert match: article without id")
	}
	rules, err := m.enabledRules(ctx)
	if err != nil {
		return nil, err
	}
	var events []Event
	var errs []error
	for _, r := range rules {
		ok, reasons := r.Match(a)
		if !ok {
			continue
		}
		ev := Event{
			ID: r.ID + "." + a.ID, RuleID: r.ID, RuleName: r.Name, ArticleID: a.ID,
			Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published,
			Fired: m.now().UTC(), Reasons: reasons,
		}
		b, err := json.Marshal(ev)
		if err != nil {
			errs = append(errs, fmt.Errorf("encode alert %s: %w", ev.ID, err))
			continue
		}
		created, err := m.fired.Create(ctx, ev.ID, b)
		if err != nil {
			errs = append(errs, fmt.Errorf("record alert %s: %w", ev.ID, err))
			continue
		}
		if created {
			events = append(events, ev)
		}
	}
	return events, errors.Join(errs...)
}
