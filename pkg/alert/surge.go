package alert

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Surge rules (Rule.Kind == KindSurge) fire when attention to what they match rises above its
// own normal: at an instant t, with W the rule's window and B its baseline,
//
//	recent   = matching articles published in [t−W, ∞)   (dated later than t still count)
//	baseline = matching articles published in [t−W−B, t−W)
//	surge   ⇔ recent ≥ min_articles  and  recent ≥ factor × baseline×W/B
//
// baseline×W/B is the normal count per window; the recent window is left out of the baseline so
// that a surge does not raise its own bar. Both counts are index searches with the rule's Query,
// so they survive restarts and agree with what a search says; articles without a published time
// count in neither. They are looked at when an article that matches the rule has been indexed
// (never for articles the rule does not match), searched at most once a minute per rule and
// worker in between (surgeCounter) and always anew before a surge starts or ends.
//
// A rule fires once when a surge starts and is re-armed when a matching article finds the
// counts below the threshold, or when no article found it in surge for a whole window (then the
// window emptied meanwhile, which is below min_articles ≥ 1). The state — the surge under way and
// the event still owed — is kept per rule in the fired KV, so a restart neither fires the same
// surge again nor forgets one.

// KindStory and KindSurge are the values of Rule.Kind ("" means KindStory).
const (
	KindStory = "story"
	KindSurge = "surge"
)

// Defaults and bounds of the surge fields of Rule.
const (
	DefaultSurgeWindow   = 24 * time.Hour
	DefaultSurgeBaseline = 7 * 24 * time.Hour
	DefaultSurgeFactor   = 3.0
	DefaultMinArticles   = 3
	maxSurgeFactor       = 1000
	maxMinArticles       = 100000
	// maxSurgeStories bounds the recent stories a surge event lists.
	maxSurgeStories = 20
	// surgeSlack: a rule's Seen time moves in steps of window/surgeSlack (see surgeState).
	surgeSlack = 100
	// maxCountsAge bounds how long a surge rule's counts are estimated (see surgeCounter).
	maxCountsAge = time.Minute
)

// Searcher is what surge rules ask of the index: the articles a query matches, with their total
// (index.Index is one).
type Searcher interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
}

// Surge says, in the event of a surge rule, what surged.
type Surge struct {
	Window string `json:"window"` // the recent period, e.g. "24h0m0s"
	// Recent is the number of matching articles published in the window before Fired: the
	// recent rate, per window.
	Recent   int    `json:"recent"`
	Baseline string `json:"baseline"` // the period before the window the normal rate is measured over
	// BaselineCount is the number of matching articles published in the baseline period;
	// BaselineRate is that per window (BaselineCount × window / baseline): the normal Recent.
	BaselineCount int     `json:"baseline_count"`
	BaselineRate  float64 `json:"baseline_rate"`
	Factor        float64 `json:"factor"`
	MinArticles   int     `json:"min_articles"`
	// Stories are the newest of the recent articles, at most maxSurgeStories.
	Stories []Item `json:"stories"`
}

// surgeParams are a surge rule's settings, parsed, with the defaults filled in.
type surgeParams struct {
	window, baseline time.Duration
	factor           float64
	minArticles      int
}

func (r Rule) surgeParams() surgeParams {
	p := surgeParams{window: DefaultSurgeWindow, baseline: DefaultSurgeBaseline, factor: DefaultSurgeFactor,
		minArticles: DefaultMinArticles}
	if d, err := ParseDuration(r.Window); err == nil && r.Window != "" {
		p.window = d
	}
	if d, err := ParseDuration(r.Baseline); err == nil && r.Baseline != "" {
		p.baseline = d
	}
	if r.Factor != 0 {
		p.factor = r.Factor
	}
	if r.MinArticles != 0 {
		p.minArticles = r.MinArticles
	}
	return p
}

// withSurgeDefaults writes the defaults into a surge rule's empty fields, so that it shows what it
// does; other rules are returned as they are.
func (r Rule) withSurgeDefaults() Rule {
	if r.Kind != KindSurge {
		return r
	}
	p := r.surgeParams()
	r.Factor, r.MinArticles = p.factor, p.minArticles
	if r.Window == "" {
		r.Window = formatDays(p.window)
	}
	if r.Baseline == "" {
		r.Baseline = formatDays(p.baseline)
	}
	return r
}

// formatDays writes whole days as "7d", other durations as Go does ("90m0s").
func formatDays(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}

// KindProblems lists the problems of the rule's kind and of the fields that go with it: mode,
// window and interval for a story rule, factor, baseline, window and min_articles for a surge
// rule (Validate reports them too; pipeline lint asks for these alone, one line each).
func (r Rule) KindProblems() []error {
	if r.Kind == KindSurge {
		return append(r.validateSurge(), r.validateNewEntity()...)
	}
	return append(append(r.validateStoryKind(), r.validateMode()...), r.validateNewEntity()...)
}

// validateStoryKind reports surge fields on a rule that is not a surge rule.
func (r Rule) validateStoryKind() []error {
	var errs []error
	if r.Kind != "" && r.Kind != KindStory {
		errs = append(errs, fmt.Errorf("kind %q: want %s or %s", r.Kind, KindStory, KindSurge))
	}
	for field, set := range map[string]bool{"factor": r.Factor != 0, "baseline": r.Baseline != "", "min_articles": r.MinArticles != 0} {
		if set {
			errs = append(errs, fmt.Errorf("%s is only for kind %s", field, KindSurge))
		}
	}
	return errs
}

// validateSurge reports every problem with a surge rule's fields.
func (r Rule) validateSurge() []error {
	var errs []error
	if r.Mode != "" {
		errs = append(errs, fmt.Errorf("mode %q: a %s rule fires once per surge and takes no mode", r.Mode, KindSurge))
	}
	if r.Interval != "" {
		errs = append(errs, fmt.Errorf("interval is only for mode %s", ModeDigest))
	}
	duration := func(field, v string, lo, hi time.Duration) {
		if v == "" {
			return
		}
		if d, err := ParseDuration(v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", field, err))
		} else if d < lo || d > hi {
			errs = append(errs, fmt.Errorf("%s %s: want %v to %v", field, v, lo, hi))
		}
	}
	duration("window", r.Window, minWindow, maxWindow)
	duration("baseline", r.Baseline, minWindow, maxWindow)
	if p := r.surgeParams(); len(errs) == 0 && p.baseline < p.window {
		errs = append(errs, fmt.Errorf("baseline %v is shorter than the window %v it is the normal of", p.baseline, p.window))
	}
	if r.Factor != 0 && !(r.Factor > 1 && r.Factor <= maxSurgeFactor) { // also refuses NaN
		errs = append(errs, fmt.Errorf("factor %v: want more than 1 and at most %d (the recent rate must reach factor × the baseline rate)", r.Factor, maxSurgeFactor))
	}
	if r.MinArticles < 0 || r.MinArticles > maxMinArticles {
		errs = append(errs, fmt.Errorf("min_articles %d: want 1 to %d (0: %d)", r.MinArticles, maxMinArticles, DefaultMinArticles))
	}
	return errs
}

// surgeCounts are a surge rule's counts at one instant.
type surgeCounts struct {
	Recent, Baseline int
}

// baselineRate is the normal count per window.
func (p surgeParams) baselineRate(c surgeCounts) float64 {
	return float64(c.Baseline) * float64(p.window) / float64(p.baseline)
}

// surging reports whether the counts are a surge.
func (p surgeParams) surging(c surgeCounts) bool {
	return c.Recent >= p.minArticles && float64(c.Recent) >= p.factor*p.baselineRate(c)
}

// SurgeStatus is a surge rule's counts at one instant and whether they are a surge.
type SurgeStatus struct {
	Recent        int     `json:"recent"`
	BaselineCount int     `json:"baseline_count"`
	BaselineRate  float64 `json:"baseline_rate"` // per window
	// Threshold is what Recent must reach: min_articles, or factor × baseline_rate if more.
	Threshold float64 `json:"threshold"`
	Surging   bool    `json:"surging"`
}

// SurgeNow counts the articles of a surge rule in idx at now, as the matcher would ("test a
// rule"). The matcher searches regions given by GeoNames id by their region code (WithRegionCodes),
// so for those the counts here may be lower.
func (r Rule) SurgeNow(ctx context.Context, idx Searcher, now time.Time) (SurgeStatus, error) {
	p := r.surgeParams()
	c, err := countSurge(ctx, idx, r.countQuery(), p, now)
	if err != nil {
		return SurgeStatus{}, err
	}
	rate := p.baselineRate(c)
	return SurgeStatus{Recent: c.Recent, BaselineCount: c.Baseline, BaselineRate: rate,
		Threshold: max(float64(p.minArticles), p.factor*rate), Surging: p.surging(c)}, nil
}

// surgeState is a surge rule's state in the fired KV.
type surgeState struct {
	// Since is when the surge under way started (its event's time); zero when the rule is armed.
	Since time.Time `json:"since,omitzero"`
	// Seen is the last time a matching article found the rule in surge, to within the window's
	// slack: moving it costs a write, and while a surge lasts every matching article would.
	Seen time.Time `json:"seen,omitzero"`
	// Out is the event fired and not yet Delivered: emitted again, with the same id, until it is.
	Out *Event `json:"out,omitempty"`
}

// step moves the state to what a matching article observing surging (or not) at now makes it,
// and reports whether a surge starts: the rule was armed, or no article found it in surge during
// the last window (so the count fell to zero meanwhile, below min_articles). Seen lags by at most
// the slack, so the gap is measured against window+slack: a surge is never taken for a new one.
func (st *surgeState) step(surging bool, now time.Time, window time.Duration) (starts bool) {
	slack := window / surgeSlack
	switch {
	case !surging:
		st.Since, st.Seen = time.Time{}, time.Time{}
	case st.Since.IsZero() || now.Sub(st.Seen) > window+slack:
		st.Since, st.Seen = now, now
		return true
	case now.Sub(st.Seen) > slack: // also never moves it back when workers' clocks disagree
		st.Seen = now
	}
	return false
}

// changes reports whether step would start or end a surge.
func (st surgeState) changes(surging bool, now time.Time, window time.Duration) bool {
	next := st
	next.step(surging, now, window)
	return !next.Since.Equal(st.Since)
}

// errEstimated stops a change of a surge rule's state made on estimated counts.
var errEstimated = errors.New("surge state change on estimated counts")

// surgeCounter keeps, per surge rule, its last counts from the index, raised by one for each
// matching article published in the window matched here since. While they are younger than the
// rule's countsAge they stand in for the two count searches, which cost as much as the matching
// articles they count (tens of milliseconds for thousands on bleve): a rule that matches many
// articles is counted once per countsAge, not once per article. They undercount what other
// workers indexed meanwhile and overcount articles that left the window, so they decide only
// that nothing changes; a change is decided on fresh counts.
type surgeCounter struct {
	mu     sync.Mutex
	counts map[string]countsAt // by rule id
}

type countsAt struct {
	at time.Time
	c  surgeCounts
}

// estimate returns the rule's estimated counts, one more recent article if inWindow, and
// whether there are any younger than maxAge.
func (sc *surgeCounter) estimate(rule string, now time.Time, maxAge time.Duration, inWindow bool) (surgeCounts, bool) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	e, ok := sc.counts[rule]
	if !ok || now.Sub(e.at) > maxAge || now.Before(e.at) {
		return surgeCounts{}, false
	}
	if inWindow {
		e.c.Recent++
		sc.counts[rule] = e
	}
	return e.c, true
}

// store records counts fresh from the index.
func (sc *surgeCounter) store(rule string, at time.Time, c surgeCounts) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.counts == nil {
		sc.counts = map[string]countsAt{}
	}
	sc.counts[rule] = countsAt{at: at, c: c}
}

// countsAge is how long a rule's counts may be estimated: a hundredth of the window, at most
// maxCountsAge (how late another worker's articles may be noticed).
func (p surgeParams) countsAge() time.Duration { return min(p.window/surgeSlack, maxCountsAge) }

// MatchSurges returns the events the article fires in surge rules: for each enabled surge rule
// the article matches, the counts are taken from idx (which must already hold the article) and
// the rule fires if a surge starts. Like Match, an event is owed until Delivered records it, and
// is returned again by the next matching article until then. Match leaves surge rules out.
func (m *Matcher) MatchSurges(ctx context.Context, a *article.Article, idx Searcher) ([]Event, error) {
	if a == nil {
		return nil, errors.New("alert surges: no article")
	}
	return m.fireEach(ctx, a, KindSurge, func(r Rule) bool { return r.Kind == KindSurge },
		func(r Rule, _ Result) (*Event, error) { return m.checkSurge(ctx, r, idx, a) })
}

// checkSurge moves the rule's state by its counts now and returns the event to publish: the one a
// starting surge fires, or one fired before and still owed. The counts are estimates (the last
// counts from the index, plus the articles matched here since: see surgeCounter) unless the
// state is to change: a surge starts or ends only on counts fresh from the index.
func (m *Matcher) checkSurge(ctx context.Context, r Rule, idx Searcher, a *article.Article) (*Event, error) {
	p := r.surgeParams()
	now := m.now().UTC()
	q := r.countQuery()
	inWindow := a.Published != nil && !a.Published.Before(now.Add(-p.window))
	c, cached := m.surgeCounts.estimate(r.ID, now, p.countsAge(), inWindow)
	exact := false
	var out *Event
	var stories []Item
	for {
		if !cached {
			var err error
			if c, err = countSurge(ctx, idx, q, p, now); err != nil {
				return nil, err
			}
			m.surgeCounts.store(r.ID, now, c)
			exact = true
		}
		err := updateJSON(ctx, m.fired, m.log, keySurge+r.ID, func(st *surgeState) (bool, error) {
			before := *st
			out = st.Out
			surging := p.surging(c)
			if !exact && st.changes(surging, now, p.window) {
				return false, errEstimated
			}
			if !st.step(surging, now, p.window) {
				return *st != before, nil
			}
			if stories == nil { // the compare-and-swap may run this again: search once
				var err error
				if stories, err = recentStories(ctx, idx, q, now, p.window); err != nil {
					return false, err
				}
			}
			if st.Out != nil {
				m.log.Warn("surge alert never delivered, replaced by the next surge", "event_id", st.Out.ID)
			}
			st.Out = m.surgeEvent(r, p, c, now, stories)
			out = st.Out
			return true, nil
		})
		if !errors.Is(err, errEstimated) {
			return out, err
		}
		cached = false
	}
}

// countSurge counts the rule's articles in the recent window and in the baseline before it.
func countSurge(ctx context.Context, idx Searcher, q index.Query, p surgeParams, now time.Time) (surgeCounts, error) {
	start := now.Add(-p.window)
	recent, err := count(ctx, idx, q, start, time.Time{})
	if err != nil {
		return surgeCounts{}, fmt.Errorf("count recent articles: %w", err)
	}
	base, err := count(ctx, idx, q, start.Add(-p.baseline), start.Add(-time.Nanosecond))
	if err != nil {
		return surgeCounts{}, fmt.Errorf("count baseline articles: %w", err)
	}
	return surgeCounts{Recent: recent, Baseline: base}, nil
}

func count(ctx context.Context, idx Searcher, q index.Query, from, to time.Time) (int, error) {
	q.From, q.To, q.Size = from, to, 1 // Size 0 would mean the default page
	res, err := idx.Search(ctx, q)
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

// recentStories lists the newest articles of the surge found at now.
func recentStories(ctx context.Context, idx Searcher, q index.Query, now time.Time, window time.Duration) ([]Item, error) {
	q.From, q.Size = now.Add(-window), maxSurgeStories
	res, err := idx.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list recent articles: %w", err)
	}
	items := make([]Item, 0, len(res.Hits))
	for _, h := range res.Hits {
		if h.Article == nil {
			continue
		}
		items = append(items, Item{ArticleID: h.ID, StoryID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source,
			Published: h.Published, Matched: now})
	}
	return items, nil
}

func (m *Matcher) surgeEvent(r Rule, p surgeParams, c surgeCounts, now time.Time, stories []Item) *Event {
	rate := p.baselineRate(c)
	return &Event{
		ID: fmt.Sprintf("%s.surge.%d", r.ID, now.Unix()), RuleID: r.ID, RuleName: r.Name, Kind: KindSurge, Fired: now,
		Reasons: []string{fmt.Sprintf("%d articles in %s against %.2f per %s over the %s before (factor %g, at least %d)",
			c.Recent, formatDays(p.window), rate, formatDays(p.window), formatDays(p.baseline), p.factor, p.minArticles)},
		Surge: &Surge{Window: formatDays(p.window), Recent: c.Recent, Baseline: formatDays(p.baseline),
			BaselineCount: c.Baseline, BaselineRate: rate, Factor: p.factor, MinArticles: p.minArticles, Stories: stories},
	}
}

// deliveredSurge records the surge event ev published: it is no longer owed.
func (m *Matcher) deliveredSurge(ctx context.Context, ev Event) (first bool, err error) {
	err = updateJSON(ctx, m.fired, m.log, keySurge+ev.RuleID, func(st *surgeState) (bool, error) {
		first = st.Out != nil && st.Out.ID == ev.ID
		if first {
			st.Out = nil
		}
		return first, nil
	})
	return first, err
}
