package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
)

// Event is one firing of a rule: for a story (modes every and first_in_window), for the stories
// gathered over a digest interval (mode digest, with Digest set and the article fields empty) or
// for a surge (kind surge, with Surge set and the article fields empty).
type Event struct {
	ID        string     `json:"id"` // rule id + "." + story id (digest: + ".digest." + unix time; first_mention: + ".new." + article id): the dedup key
	RuleID    string     `json:"rule_id"`
	RuleName  string     `json:"rule_name"`
	Mode      string     `json:"mode,omitempty"`
	Kind      string     `json:"kind,omitempty"` // KindSurge for a surge rule's event (then Surge is set)
	ArticleID string     `json:"article_id,omitempty"`
	StoryID   string     `json:"story_id,omitempty"` // the first article of the story; syndicated copies share it
	Title     string     `json:"title,omitempty"`
	URL       string     `json:"url,omitempty"`
	Source    string     `json:"source,omitempty"`
	Language  string     `json:"language,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Fired     time.Time  `json:"fired"`
	Reasons   []string   `json:"reasons,omitempty"`
	Summary   string     `json:"summary,omitempty"` // the article's opening, at most summaryLen code points
	Snippet   string     `json:"snippet,omitempty"` // text around the first matching mention
	Mentions  []Mention  `json:"mentions,omitempty"`
	Digest    []Item     `json:"digest,omitempty"`
	// Dropped counts digest stories left out because the digest was full (maxDigestItems).
	Dropped int `json:"dropped,omitempty"`
	// Surge, in the event of a surge rule, gives the counts that made it fire and the stories.
	Surge *Surge `json:"surge,omitempty"`
	// NewEntities, in the event of a rule in mode first_mention, are the entities the article
	// mentions first (see firstmention.go).
	NewEntities []NewEntity `json:"new_entities,omitempty"`
}

// Item is one story in a digest.
type Item struct {
	ArticleID string     `json:"article_id"`
	StoryID   string     `json:"story_id"`
	Title     string     `json:"title"`
	URL       string     `json:"url"`
	Source    string     `json:"source,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Matched   time.Time  `json:"matched"`
	Reasons   []string   `json:"reasons,omitempty"`
	Snippet   string     `json:"snippet,omitempty"`
}

const (
	// ruleCacheTTL bounds how stale the matcher's view of the rules may be; reading every rule from
	// the KV per article would make matching cost a round trip per rule.
	ruleCacheTTL   = 2 * time.Second
	summaryLen     = 300
	snippetBefore  = 80
	snippetAfter   = 160
	maxDigestItems = 200
	digestTick     = 5 * time.Second
)

// Matcher matches articles against every enabled rule and fires each (rule, story) at most once
// (ever, or within WithRetention), across processes that share the fired KV, which also holds
// story fingerprints, window marks and pending digests. It is safe for concurrent use.
type Matcher struct {
	rules   *Store
	fired   KV
	stories KV // story band values; fired unless WithStoryBands
	log     *slog.Logger
	now     func() time.Time
	// regionCode maps a GeoNames id in a rule's Region to "CC" or "CC.ADMIN1" (WithRegionCodes).
	regionCode func(id int) (string, bool)
	// regionName maps a region's name in another language or script to the same code (WithRegionNames).
	regionName func(name string) (string, bool)
	// retention is how long fired marks and story ids live (WithRetention); 0 keeps them forever.
	retention time.Duration

	mu       sync.Mutex
	cached   []Rule
	loadedAt time.Time
	// bands caches story band values (write-through) to spare a KV read per band per article.
	bands bandCache
	// surgeCounts spares surge rules two index searches per matching article.
	surgeCounts surgeCounter
	// known spares first_mention rules an index search per entity already mentioned before.
	known knownEntities
}

// MatcherOption configures a Matcher.
type MatcherOption func(*Matcher)

// WithRegionCodes lets rules name regions by GeoNames id (Region: ["1806260"] for Jiangsu): code
// maps a country's id to its ISO code ("CN") and a first-level region's to "CN.04"; every place
// inside then matches (geo.Gazetteer.RegionCode is such a function). Without it an id matches only
// a place with that very id.
func WithRegionCodes(code func(id int) (string, bool)) MatcherOption {
	return func(m *Matcher) { m.regionCode = code }
}

// WithRegionNames lets rules name regions in another language or script, or by an alias (Region:
// ["江苏"] for Jiangsu): code maps such a name to the region's code as WithRegionCodes does
// (geo.Gazetteer.RegionCodeOfName is such a function). Without it a name matches as written.
func WithRegionNames(code func(name string) (string, bool)) MatcherOption {
	return func(m *Matcher) { m.regionName = code }
}

// WithStoryBands keeps the story fingerprints' band values in kv instead of the fired KV. They are
// rewritten for every matching article, and are only an index: in a bucket kept in memory
// (bus.MemoryKV) they cost neither file-store churn nor cached blocks, and after a restart of an
// in-memory bucket only copies of stories seen before the restart go unrecognised (once).
// Every matcher sharing a fired KV must use the same bands KV.
func WithStoryBands(kv KV) MatcherOption { return func(m *Matcher) { m.stories = kv } }

// WithRetention lets the marks written once per matching article — that a rule fired for a story,
// and which story an article belongs to — expire d after they were written, so that a long-running
// instance does not keep one per alerted article forever. Rules' window marks and pending digests
// stay. Choose d at least as long as an article may come again (the crawler's dedup window): a
// story whose mark has expired fires again. The fired KV must implement
// CreateExpiring(ctx, key, val, ttl) (bus.KV opened with bus.ExpiringKV); over any other KV the
// marks are kept forever.
func WithRetention(d time.Duration) MatcherOption { return func(m *Matcher) { m.retention = d } }

// expiringCreator is a KV whose created keys can be given a lifetime.
type expiringCreator interface {
	CreateExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (bool, error)
}

// createMark creates a per-article key of the fired KV, with the retention when there is one.
func (m *Matcher) createMark(ctx context.Context, key string, val []byte) (bool, error) {
	if ec, ok := m.fired.(expiringCreator); ok && m.retention > 0 {
		return ec.CreateExpiring(ctx, key, val, m.retention)
	}
	return m.fired.Create(ctx, key, val)
}

// WithClock replaces time.Now (tests of windows and digests).
func WithClock(now func() time.Time) MatcherOption { return func(m *Matcher) { m.now = now } }

// NewMatcher returns a Matcher reading rules from rules and recording firings in fired.
// A nil log discards.
func NewMatcher(rules *Store, fired KV, log *slog.Logger, opts ...MatcherOption) *Matcher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := &Matcher{rules: rules, fired: fired, stories: fired, log: log.With("component", "alert"), now: time.Now}
	for _, o := range opts {
		o(m)
	}
	if _, ok := fired.(expiringCreator); m.retention > 0 && !ok {
		m.log.Warn("the fired KV cannot expire keys: fired marks and story ids are kept forever", "retention", m.retention)
	}
	return m
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
	if !m.loadedAt.IsZero() && m.now().Sub(m.loadedAt) < ruleCacheTTL && m.now().Sub(m.loadedAt) >= 0 {
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
			enabled = append(enabled, m.withRegionCodes(r))
		}
	}
	m.cached, m.loadedAt = enabled, m.now()
	return enabled, nil
}

// withRegionCodes rewrites the Region values of r that name a country or first-level region by id
// (or, with WithRegionNames, by a name in another script) into the "geo:CC[.ADMIN1]" form Evaluate
// matches by code, keeping the value as written for the reason text.
func (m *Matcher) withRegionCodes(r Rule) Rule {
	if m.regionCode == nil && m.regionName == nil {
		return r
	}
	var out []string
	for i, v := range r.Region {
		var code string
		var ok bool
		id, err := strconv.Atoi(strings.TrimSpace(v))
		switch {
		case err == nil && id > 0 && m.regionCode != nil:
			code, ok = m.regionCode(id)
		case err != nil && m.regionName != nil:
			code, ok = m.regionName(strings.TrimSpace(v))
		}
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(r.Region)
		}
		out[i] = regionCodePrefix + code + "=" + v
	}
	if out != nil {
		r.Region = out
	}
	return r
}

// Match returns the events the article fires now: one per enabled matching rule in mode every
// that has not fired for the article's story before, or in mode first_in_window whose previous
// matching story is older than the window. Rules in mode digest fire nothing here; the story is
// kept for RunDigests. Surge rules fire nothing here either: see MatchSurges; nor do rules in mode
// first_mention: see MatchFirstMentions.
//
// Each returned event is owed until Delivered records it: the caller publishes it with its ID as
// the message id (JetStream drops a second copy) and then calls Delivered. Until then every Match
// of the story returns the same event again — a worker that died between the claim and the
// publish, or between the publish and Delivered, leaves it to the redelivered article — so an
// alert is neither lost nor, within the alert stream's duplicate window (bus.AlertDuplicateWindow,
// a day), published twice. On error the returned events must still be published; the failed
// rules are retried by calling Match again (e.g. on redelivery).
func (m *Matcher) Match(ctx context.Context, a *article.Article) ([]Event, error) {
	if a == nil || a.ID == "" {
		return nil, errors.New("alert match: article without id")
	}
	if strings.Contains(a.ID, ".") {
		return nil, fmt.Errorf("alert match: article id %q contains a dot", a.ID)
	}
	rules, err := m.enabledRules(ctx)
	if err != nil {
		return nil, err
	}
	var events []Event
	var errs []error
	story := ""
	for _, r := range rules {
		if r.Kind == KindSurge || r.mode() == ModeFirstMention {
			continue
		}
		res := r.Evaluate(a)
		if !res.Matched {
			continue
		}
		if story == "" {
			if story, err = m.storyOf(ctx, a.ID, a.Text); err != nil {
				return nil, fmt.Errorf("alert match %s: %w", a.ID, err)
			}
		}
		ev, fire, err := m.claim(ctx, r, m.event(r, a, story, res))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if fire {
			events = append(events, ev)
		}
	}
	return events, errors.Join(errs...)
}

// fireEach calls fire for every enabled rule that takes (the rules of one kind or mode) and the
// article matches, and gathers the events it returns and its errors, which name the rule
// ("surge rule x on y: …"). An error of one rule does not stop the others.
func (m *Matcher) fireEach(ctx context.Context, a *article.Article, what string, takes func(Rule) bool,
	fire func(Rule, Result) (*Event, error)) ([]Event, error) {
	rules, err := m.enabledRules(ctx)
	if err != nil {
		return nil, err
	}
	var events []Event
	var errs []error
	for _, r := range rules {
		if !takes(r) {
			continue
		}
		res := r.Evaluate(a)
		if !res.Matched {
			continue
		}
		ev, err := fire(r, res)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s rule %s on %s: %w", what, r.ID, a.ID, err))
			continue
		}
		if ev != nil {
			events = append(events, *ev)
		}
	}
	return events, errors.Join(errs...)
}

// Delivered records that ev, returned by Match or FlushDigests, has been published. first reports
// whether this call was the one that recorded it (several workers may publish the same owed
// event; the bus keeps one copy): that caller counts the alert. Webhooks and e-mail read the
// published event from the alert stream (Deliverer).
func (m *Matcher) Delivered(ctx context.Context, ev Event) (first bool, err error) {
	switch {
	case ev.Kind == KindSurge:
		first, err = m.deliveredSurge(ctx, ev)
	case ev.Mode == ModeDigest:
		err = m.updateDigest(ctx, ev.RuleID, func(st *digestState) bool {
			first = st.Out != nil && st.Out.ID == ev.ID
			if first {
				st.Out = nil
			}
			return first
		})
	default:
		first, err = m.createMark(ctx, keyDone+ev.ID, []byte(m.now().UTC().Format(time.RFC3339Nano)))
		if err == nil && first {
			m.settle(ctx, ev.ID)
		}
	}
	if err != nil {
		return false, fmt.Errorf("record alert %s delivered: %w", ev.ID, err)
	}
	return first, nil
}

// settledMark is the value of a fired mark once its event is done: an empty mark, not pending.
var settledMark = []byte("{}")

// expiringPutter is a fired KV that can rewrite a key and give it a lifetime (bus.PackedKV); handled
// is false when it cannot for that key.
type expiringPutter interface {
	PutExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (handled bool, err error)
}

// settle replaces the fired mark id of a delivered event by settledMark, keeping the mark for the
// retention: only its existence is read from then on (claim's Create; owed reads the done key
// first), while the whole event, kept for one alert of the window each, was most of the fired
// state's size (issue #25). A mark that cannot be rewritten keeps its event, which is only larger.
func (m *Matcher) settle(ctx context.Context, id string) {
	var err error
	switch ep, ok := m.fired.(expiringPutter); {
	case ok:
		_, err = ep.PutExpiring(ctx, id, settledMark, m.retention)
	case m.retention == 0:
		err = m.fired.Put(ctx, id, settledMark)
	}
	if err != nil {
		m.log.Warn("delivered alert's mark kept whole", "event_id", id, "err", err)
	}
}

func (m *Matcher) event(r Rule, a *article.Article, story string, res Result) Event {
	return Event{
		ID: r.ID + "." + story, RuleID: r.ID, RuleName: r.Name, Mode: r.mode(), ArticleID: a.ID, StoryID: story,
		Title: a.Title, URL: a.URL, Source: a.Source, Language: a.Language, Published: a.Published,
		Fired: m.now().UTC(), Reasons: res.Reasons, Summary: summary(a.Text), Snippet: snippet(a.Text, res.Mentions),
		Mentions: res.Mentions,
	}
}

// mark is the value of a fired mark: the event as first claimed. A Pending mark stays owed until
// the key keyDone+ID exists; marks written before alerts were delivered exactly once have no
// Pending and count as done.
type mark struct {
	Event
	Pending bool `json:"pending,omitempty"`
}

// claim records that the rule matched the story and reports whether ev (or, when the story was
// claimed before and is still owed, the event claimed then) is to be published. The fired mark
// makes each (rule, story) count once; the mode's decision (window, digest) follows it, so a mark
// without its done key is resumed here, by whichever worker gets the story next.
func (m *Matcher) claim(ctx context.Context, r Rule, ev Event) (Event, bool, error) {
	val, err := json.Marshal(mark{Event: ev, Pending: true})
	if err != nil {
		return Event{}, false, fmt.Errorf("encode alert %s: %w", ev.ID, err)
	}
	created, err := m.createMark(ctx, ev.ID, val)
	if err != nil {
		return Event{}, false, fmt.Errorf("record alert %s: %w", ev.ID, err)
	}
	if !created {
		owed, ok, err := m.owed(ctx, ev.ID)
		if err != nil || !ok {
			return Event{}, false, err
		}
		// The event as claimed, not as this article would make it: the same bytes under the
		// same id, so that publishing it again is a duplicate the bus drops.
		ev = owed
	}
	var fire bool
	switch r.mode() {
	case ModeFirstInWindow:
		fire, err = m.decideWindow(ctx, r, ev, !created)
	case ModeDigest:
		err = m.addToDigest(ctx, r, ev)
	default:
		fire = true
	}
	if err == nil && !fire {
		_, err = m.createMark(ctx, keyDone+ev.ID, []byte(m.now().UTC().Format(time.RFC3339Nano)))
	}
	if err != nil {
		return Event{}, false, fmt.Errorf("alert %s (%s): %w", ev.ID, r.mode(), err)
	}
	return ev, fire, nil
}

// decideWindow reports whether ev, in a rule of mode first_in_window, fires. A decision to fire
// is recorded (keyFire) before it is acted on: by the time a claim is resumed, later stories may
// have moved the rule's last match, which alone could no longer tell that this one came first.
func (m *Matcher) decideWindow(ctx context.Context, r Rule, ev Event, resumed bool) (bool, error) {
	if resumed {
		if _, ok, err := m.fired.Get(ctx, keyFire+ev.ID); err != nil || ok {
			if err != nil {
				err = fmt.Errorf("read window decision: %w", err)
			}
			return ok, err
		}
	}
	fire, err := m.firstInWindow(ctx, r, ev)
	if err != nil || !fire {
		return false, err
	}
	if _, err := m.createMark(ctx, keyFire+ev.ID, []byte(ev.Fired.UTC().Format(time.RFC3339Nano))); err != nil {
		return false, fmt.Errorf("record window decision: %w", err)
	}
	return true, nil
}

// owed returns the event of the fired mark id if it was claimed but is not done yet.
func (m *Matcher) owed(ctx context.Context, id string) (Event, bool, error) {
	if _, done, err := m.fired.Get(ctx, keyDone+id); err != nil || done {
		if err != nil {
			err = fmt.Errorf("read alert %s done: %w", id, err)
		}
		return Event{}, false, err
	}
	val, ok, err := m.fired.Get(ctx, id)
	if err != nil {
		return Event{}, false, fmt.Errorf("read alert %s: %w", id, err)
	}
	if !ok { // expired since the Create found it
		return Event{}, false, nil
	}
	var mk mark
	if err := json.Unmarshal(val, &mk); err != nil {
		m.log.Warn("damaged alert mark ignored", "event_id", id, "err", err)
		return Event{}, false, nil
	}
	return mk.Event, mk.Pending && mk.ID == id, nil
}

// firstInWindow moves the rule's last-match time to the event's and reports whether the previous
// one was at least the rule's window ago (or there was none). The value also names the event and
// the decision, "<time> <event id> fire|hold", so that a worker resuming the claim of that very
// event (a crash after this write, or a concurrent copy of the story) takes the same decision.
func (m *Matcher) firstInWindow(ctx context.Context, r Rule, ev Event) (bool, error) {
	key := keyLastMatch + r.ID
	for attempt := 1; ; attempt++ {
		now := ev.Fired.UTC()
		old, ok, err := m.fired.Get(ctx, key)
		if err != nil {
			return false, fmt.Errorf("read last match: %w", err)
		}
		fire := true
		if ok && len(old) > 0 {
			fields := strings.Fields(string(old))
			if len(fields) == 3 && fields[1] == ev.ID {
				return fields[2] == "fire", nil
			}
			if len(fields) == 0 {
				fields = []string{""}
			}
			if last, err := time.Parse(time.RFC3339Nano, fields[0]); err == nil {
				fire = now.Sub(last) >= r.window()
				if last.After(now) {
					now = last // clocks of workers disagree: never move the mark back
				}
			}
		} else {
			old = nil
		}
		decision := "hold"
		if fire {
			decision = "fire"
		}
		val := now.Format(time.RFC3339Nano) + " " + ev.ID + " " + decision
		swapped, err := m.fired.CompareAndSwap(ctx, key, old, []byte(val))
		if err != nil {
			return false, fmt.Errorf("write last match: %w", err)
		}
		if swapped {
			return fire, nil
		}
		if attempt >= casAttempts {
			return false, errors.New("last match contended")
		}
	}
}

// digestState is a rule's pending digest in the KV.
type digestState struct {
	Since   time.Time `json:"since"` // when the first pending story came
	Items   []Item    `json:"items"`
	Dropped int       `json:"dropped,omitempty"`
	// Out is the digest taken by FlushDigests and not yet Delivered: emitted again, with the same
	// id, until it is, so that a worker dying between taking and publishing loses nothing.
	Out *Event `json:"out,omitempty"`
}

func (m *Matcher) addToDigest(ctx context.Context, r Rule, ev Event) error {
	item := Item{ArticleID: ev.ArticleID, StoryID: ev.StoryID, Title: ev.Title, URL: ev.URL, Source: ev.Source,
		Published: ev.Published, Matched: ev.Fired, Reasons: ev.Reasons, Snippet: ev.Snippet}
	return m.updateDigest(ctx, r.ID, func(st *digestState) bool {
		for _, it := range st.Items {
			if it.StoryID == ev.StoryID { // a claim resumed after a crash: already added
				return false
			}
		}
		if len(st.Items) == 0 {
			st.Since = ev.Fired
		}
		if len(st.Items) >= maxDigestItems {
			st.Dropped++
		} else {
			st.Items = append(st.Items, item)
		}
		return true
	})
}

// updateDigest applies fn to the rule's digest state under compare-and-swap; fn returns false to
// leave it unchanged.
func (m *Matcher) updateDigest(ctx context.Context, ruleID string, fn func(*digestState) bool) error {
	return updateJSON(ctx, m.fired, m.log, keyDigest+ruleID, func(st *digestState) (bool, error) { return fn(st), nil })
}

// FlushDigests returns the digest of every enabled digest rule whose oldest pending story is at
// least its interval old, and every digest taken before but not yet Delivered. Several workers may
// call it: each digest is taken by exactly one (compare-and-swap) and kept, until Delivered, as
// the rule's outgoing digest, which the next call returns again with the same id.
func (m *Matcher) FlushDigests(ctx context.Context) ([]Event, error) {
	rules, err := m.enabledRules(ctx)
	if err != nil {
		return nil, err
	}
	var events []Event
	var errs []error
	now := m.now().UTC()
	for _, r := range rules {
		if r.mode() != ModeDigest {
			continue
		}
		var out *Event
		err := m.updateDigest(ctx, r.ID, func(st *digestState) bool {
			out = st.Out
			if out != nil || len(st.Items) == 0 && st.Dropped == 0 || now.Sub(st.Since) < r.interval() {
				return false
			}
			out = &Event{
				ID: fmt.Sprintf("%s.digest.%d", r.ID, st.Since.Unix()), RuleID: r.ID, RuleName: r.Name, Mode: ModeDigest,
				Fired: now, Reasons: []string{fmt.Sprintf("%d stories since %s", len(st.Items)+st.Dropped, st.Since.Format(time.RFC3339))},
				Digest: st.Items, Dropped: st.Dropped,
			}
			*st = digestState{Out: out}
			return true
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("flush digest of rule %s: %w", r.ID, err))
			continue
		}
		if out != nil {
			events = append(events, *out)
		}
	}
	return events, errors.Join(errs...)
}

// RunDigests calls FlushDigests every few seconds, hands each digest to emit (e.g. publish on
// news.alert.<rule>, with the event id as message id) and records it Delivered once emit
// succeeded, until ctx ends. Errors are logged, never fatal; a digest not emitted is tried again.
func (m *Matcher) RunDigests(ctx context.Context, emit func(context.Context, Event) error) error {
	t := time.NewTicker(digestTick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		events, err := m.FlushDigests(ctx)
		if err != nil {
			m.log.Warn("alert digest flush failed", "err", err)
		}
		for _, ev := range events {
			if emit != nil {
				if err := emit(ctx, ev); err != nil {
					m.log.Warn("alert digest not published", "event_id", ev.ID, "err", err)
					continue
				}
			}
			if _, err := m.Delivered(ctx, ev); err != nil {
				m.log.Warn("alert digest not recorded as delivered", "event_id", ev.ID, "err", err)
			}
		}
	}
}

// summary is the article's opening paragraph, cut at a word boundary near summaryLen code points.
func summary(text string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(text), "\n\n")
	return cutWords([]rune(para), 0, summaryLen)
}

// snippet is the text around the first mention that has a position, else the opening.
func snippet(text string, ms []Mention) string {
	rs := []rune(text)
	for _, m := range ms {
		if m.Start >= 0 && m.End <= len(rs) {
			return cutWords(rs, m.Start-snippetBefore, m.End+snippetAfter)
		}
	}
	return cutWords(rs, 0, snippetBefore+snippetAfter)
}

// cutWords returns rs[from:to] widened or narrowed to whole words, with "…" where text was cut,
// and paragraph breaks made spaces.
func cutWords(rs []rune, from, to int) string {
	from, to = max(from, 0), min(to, len(rs))
	if from >= to {
		return ""
	}
	if from > 0 {
		for from < to && !unicode.IsSpace(rs[from-1]) {
			from++
		}
	}
	if to < len(rs) {
		for to > from && !unicode.IsSpace(rs[to]) {
			to--
		}
	}
	s := strings.Join(strings.Fields(string(rs[from:to])), " ")
	if from > 0 {
		s = "… " + s
	}
	if to < len(rs) {
		s += " …"
	}
	return s
}
