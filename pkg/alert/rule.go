// Package alert owns alert rules, their storage, matching an enriched article against them, story
// deduplication, alert modes (every story, first mention in a window, periodic digest) and the
// delivery channels that are not the bus: the in-process SSE hub, signed webhooks and e-mail.
// A rule fires at most once per (rule, story): a story is an article and its near-duplicates
// (syndicated copies, found by SimHash), and the claim goes through a shared key-value store so
// redeliveries and several index workers never double-fire. It never imports the bus; webhook and
// SMTP traffic goes through the http.Client and dialer its caller provides.
package alert

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
	"github.com/newsmon/newsmon/pkg/text"
)

// Rule says which articles should raise an alert. All its non-empty conditions must hold (AND),
// and several values of one kind must all hold too, exactly as in index.Query, so that testing a
// rule against the index (Query) and matching new articles (Match) agree.
type Rule struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Text   string   `json:"text,omitempty"` // search-box syntax (index.ParseText): words, "phrases", -not, OR
	Person []string `json:"person,omitempty"`
	Org    []string `json:"org,omitempty"`
	Place  []string `json:"place,omitempty"`
	Region []string `json:"region,omitempty"` // a place or anything inside it: Jiangsu matches Wuxi
	Event  []string `json:"event,omitempty"`
	Source []string `json:"source,omitempty"`
	Lang   []string `json:"lang,omitempty"`
	// EventType matches articles reporting an event of that type (pkg/extract/event's set:
	// "protest", "visit", "disaster", …) that happens in the article's time frame: an event dated
	// more than EventPastWindow before publication ("the protests of 2024" in a 2026 story) or more
	// than EventFutureWindow after it does not count; an undated event does. With Region it means
	// "a protest in Jiangsu": an event of the type placed in the region, or in an article about the
	// region when the event has no place.
	EventType []string `json:"event_type,omitempty"`
	// MinCount is how often each condition must be mentioned in the article (0 or 1: once). For a
	// region it counts the mentions of every place inside it; for text, the occurrences of each
	// required term.
	MinCount int `json:"min_count,omitempty"`
	// Mode says when a matching story fires: ModeEvery (the default), ModeFirstInWindow (only when
	// the rule matched no story during the Window before) or ModeDigest (one event per Interval
	// listing the stories matched meanwhile).
	Mode     string `json:"mode,omitempty"`
	Window   string `json:"window,omitempty"`   // ModeFirstInWindow: e.g. "168h" or "7d"; KindSurge: the recent period
	Interval string `json:"interval,omitempty"` // ModeDigest: e.g. "24h" or "1d"
	// Kind says what fires: KindStory (the default) fires for matching stories as Mode says;
	// KindSurge fires once when attention surges: when the indexed articles the rule matches,
	// published in the last Window (default DefaultSurgeWindow), are at least MinArticles
	// (default DefaultMinArticles) and at least Factor (default DefaultSurgeFactor) times their
	// mean count per Window over the Baseline period before it (default DefaultSurgeBaseline).
	// It fires again only after the count fell below that threshold (see surge.go).
	Kind        string  `json:"kind,omitempty"`
	Factor      float64 `json:"factor,omitempty"`
	Baseline    string  `json:"baseline,omitempty"` // e.g. "7d" or "168h"
	MinArticles int     `json:"min_articles,omitempty"`
	// Webhook receives each event as signed JSON (see Deliverer); Email lists addresses that get it
	// by mail. Both are optional and need a Deliverer configured for them.
	Webhook string `json:"webhook,omitempty"`
	// WebhookSecret, when set, signs this rule's webhook deliveries instead of the shared
	// notify.webhook_secret. It is write-only: rules are shown with webhook_secret_set instead,
	// and a rule saved again with the same Webhook and no secret keeps the one it had.
	WebhookSecret string    `json:"webhook_secret,omitempty"`
	Email         []string  `json:"email,omitempty"`
	Created       time.Time `json:"created"`
	Enabled       bool      `json:"enabled"`
	// Tag matches articles from the sources in a collection: "key:value" as in Article.SourceTags
	// ("country:CN", "collection:asia-press").
	Tag []string `json:"tag,omitempty"`
	// NewEntity, for ModeFirstMention: which mentions may be new (see firstmention.go).
	NewEntity string `json:"new_entity,omitempty"`
}

// MarshalJSON shows the rule without its webhook secret (the API lists rules to readers), saying
// only whether it has one. The store keeps the secret (storedRule).
func (r Rule) MarshalJSON() ([]byte, error) {
	type plain Rule // without this method
	return json.Marshal(struct {
		plain
		WebhookSecret    string `json:"webhook_secret,omitempty"` // shadows the rule's: never shown
		WebhookSecretSet bool   `json:"webhook_secret_set,omitempty"`
	}{plain: plain(r), WebhookSecretSet: r.WebhookSecret != ""})
}

// storedRule is a Rule as the store writes it: secret included.
type storedRule Rule

// Modes of Rule.Mode.
const (
	ModeEvery         = "every"
	ModeFirstInWindow = "first_in_window"
	ModeDigest        = "digest"
	ModeFirstMention  = "first_mention"
)

// Bounds of Rule.Window and Rule.Interval.
const (
	minWindow   = time.Minute
	maxWindow   = 366 * 24 * time.Hour
	minInterval = time.Minute
	maxMinCount = 1000
	maxEmails   = 20
)

// ParseDuration reads a Go duration ("168h", "90m") or a number of days ("7d").
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err != nil {
			return 0, fmt.Errorf("duration %q: %w", s, err)
		}
		return time.Duration(n * float64(24*time.Hour)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("duration %q: %w", s, err)
	}
	return d, nil
}

// mode is r.Mode with the default filled in.
func (r Rule) mode() string {
	if r.Mode == "" {
		return ModeEvery
	}
	return r.Mode
}

// window and interval are the parsed durations; zero when absent or invalid (Validate reports it).
func (r Rule) window() time.Duration {
	d, _ := ParseDuration(r.Window)
	return d
}

func (r Rule) interval() time.Duration {
	d, _ := ParseDuration(r.Interval)
	return d
}

// validID is the key alphabet of the KV stores rules live in (NATS KV keys), without '.', which
// separates the rule id from the article id in fired-event keys.
var validID = regexp.MustCompile(`^[A-Za-z0-9_=-]{1,64}$`)

const (
	maxNameLen  = 200
	maxTextLen  = 1000
	maxValues   = 50
	maxValueLen = 200
)

// Validate reports every problem with the rule. A rule must have at least one condition, so that
// it cannot fire for every article.
func (r Rule) Validate() error {
	var errs []error
	if r.ID != "" && !validID.MatchString(r.ID) {
		errs = append(errs, fmt.Errorf("id %q: only letters, digits, '_', '=', '-' (at most 64)", r.ID))
	}
	if len(r.Name) > maxNameLen {
		errs = append(errs, fmt.Errorf("name longer than %d bytes", maxNameLen))
	}
	if len(r.Text) > maxTextLen {
		errs = append(errs, fmt.Errorf("text longer than %d bytes", maxTextLen))
	}
	conditions := 0
	if strings.TrimSpace(r.Text) != "" {
		// Exclusions alone ("-sport") would match nearly every article: they need company.
		if tq := index.ParseText(r.Text); len(text.LowerWords(r.Text)) == 0 {
			errs = append(errs, fmt.Errorf("text %q has no words", r.Text))
		} else if len(tq.Must) > 0 {
			conditions++
		}
	}
	for _, f := range r.filters() {
		if len(f.values) > maxValues {
			errs = append(errs, fmt.Errorf("%s: more than %d values", f.kind, maxValues))
		}
		for _, v := range f.values {
			switch {
			case strings.TrimSpace(v) == "":
				errs = append(errs, fmt.Errorf("%s: empty value", f.kind))
			case len(v) > maxValueLen:
				errs = append(errs, fmt.Errorf("%s: value longer than %d bytes", f.kind, maxValueLen))
			default:
				conditions++
			}
		}
	}
	if conditions == 0 {
		errs = append(errs, errors.New("rule has no condition: give text or at least one of person, org, place, region, event, source, lang"))
	}
	if r.MinCount < 0 || r.MinCount > maxMinCount {
		errs = append(errs, fmt.Errorf("min_count %d: want 0 to %d", r.MinCount, maxMinCount))
	}
	errs = append(errs, r.KindProblems()...)
	if err := r.validateWebhook(); err != nil {
		errs = append(errs, err)
	}
	if len(r.Email) > maxEmails {
		errs = append(errs, fmt.Errorf("email: more than %d addresses", maxEmails))
	}
	for _, e := range r.Email {
		if a, err := mail.ParseAddress(e); err != nil || a.Name != "" || strings.ContainsAny(e, "\r\n") {
			errs = append(errs, fmt.Errorf("email %q: want a plain address like name@example.org", e))
		}
	}
	return errors.Join(errs...)
}

// maxSecretLen bounds a rule's webhook secret (an HMAC key; longer adds nothing).
const maxSecretLen = 256

func (r Rule) validateWebhook() error {
	if len(r.WebhookSecret) > maxSecretLen {
		return fmt.Errorf("webhook_secret: longer than %d bytes", maxSecretLen)
	}
	if r.Webhook == "" {
		return nil
	}
	if u, err := url.Parse(r.Webhook); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook %q: want an absolute http or https URL", r.Webhook)
	}
	return nil
}

func (r Rule) validateMode() []error {
	var errs []error
	duration := func(field, v string, lo, hi time.Duration) {
		d, err := ParseDuration(v)
		switch {
		case v == "":
			errs = append(errs, fmt.Errorf("mode %s needs %s", r.Mode, field))
		case err != nil:
			errs = append(errs, fmt.Errorf("%s: %w", field, err))
		case d < lo || d > hi:
			errs = append(errs, fmt.Errorf("%s %s: want %v to %v", field, v, lo, hi))
		}
	}
	switch r.mode() {
	case ModeEvery:
	case ModeFirstInWindow:
		duration("window", r.Window, minWindow, maxWindow)
	case ModeDigest:
		duration("interval", r.Interval, minInterval, maxWindow)
	case ModeFirstMention:
	default:
		errs = append(errs, fmt.Errorf("mode %q: want %s, %s, %s or %s", r.Mode, ModeEvery, ModeFirstInWindow, ModeDigest, ModeFirstMention))
	}
	if r.Window != "" && r.mode() != ModeFirstInWindow {
		errs = append(errs, fmt.Errorf("window is only for mode %s or kind %s", ModeFirstInWindow, KindSurge))
	}
	if r.Interval != "" && r.mode() != ModeDigest {
		errs = append(errs, fmt.Errorf("interval is only for mode %s", ModeDigest))
	}
	return errs
}

// Query is the index search that finds the articles the rule matches now ("test a rule").
func (r Rule) Query() index.Query {
	return index.Query{
		Text:   strings.TrimSpace(r.Text),
		Person: r.Person, Org: r.Org, Place: r.Place, Region: r.Region, Event: r.Event,
		Source: r.Source, Lang: r.Lang, EventType: r.EventType, Tag: r.Tag,
		Sort: "date",
	}
}

// countQuery is the rule's Query for counting: regions the Matcher resolved to codes
// ("geo:CN.04=1806260") are searched by code ("CN.04"), which takes in every place inside.
func (r Rule) countQuery() index.Query {
	q := r.Query()
	if len(r.Region) > 0 {
		q.Region = make([]string, len(r.Region))
		for i, v := range r.Region {
			if rest, ok := strings.CutPrefix(v, regionCodePrefix); ok {
				v, _, _ = strings.Cut(rest, "=")
			}
			q.Region[i] = v
		}
	}
	q.FacetSize, q.Lean, q.Page, q.Sort = -1, true, 1, "date"
	return q
}

type filter struct {
	kind   string
	values []string
}

func (r Rule) filters() []filter {
	return []filter{
		{"person", r.Person}, {"org", r.Org}, {"place", r.Place}, {"region", r.Region},
		{"event", r.Event}, {"source", r.Source}, {"lang", r.Lang}, {"event_type", r.EventType},
		{"tag", r.Tag},
	}
}

// regionCodePrefix marks a region value the Matcher resolved from a GeoNames id to a code.
const regionCodePrefix = "geo:"

// Mention is one piece of evidence for a rule in the article: a mention of a matching entity or
// place, or an occurrence of a text term. Start and End are code-point offsets into the article's
// text (contract §1), or -1 for a term found only in the title.
type Mention struct {
	Kind  string `json:"kind"`  // person|org|place|region|event|text
	Value string `json:"value"` // the rule's value, or the text term
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Result is the outcome of Evaluate.
type Result struct {
	Matched  bool
	Reasons  []string  // one per condition, e.g. "region Jiangsu via Wuxi"
	Mentions []Mention // the evidence, in text order, at most maxMentions
}

// maxMentions bounds Result.Mentions (and so events and webhook payloads).
const maxMentions = 50

// Match reports whether the article satisfies every condition of the rule, and why (one reason
// per condition, e.g. "region Jiangsu via Wuxi"). It is pure: no I/O, and it ignores Enabled.
func (r Rule) Match(a *article.Article) (bool, []string) {
	res := r.Evaluate(a)
	return res.Matched, res.Reasons
}

// Evaluate is Match with the evidence: the mentions that satisfy each condition. Every condition
// must be mentioned at least MinCount times.
func (r Rule) Evaluate(a *article.Article) Result {
	if a == nil {
		return Result{}
	}
	minCount := max(r.MinCount, 1)
	var res Result
	keys := index.KeysOf(a)
	for _, f := range r.filters() {
		for _, v := range f.values {
			why, ms, count, ok := matchValue(f.kind, v, a, keys)
			if !ok || count < minCount && f.kind != "source" && f.kind != "lang" && f.kind != "tag" {
				return Result{}
			}
			res.Reasons = append(res.Reasons, why)
			res.Mentions = append(res.Mentions, ms...)
		}
	}
	if strings.TrimSpace(r.Text) != "" {
		tq := index.ParseText(r.Text)
		if tq.Empty() || !MatchText(tq, a.Title+"\n"+a.Text) {
			return Result{}
		}
		ms, count := textMentions(tq, a)
		if count < minCount {
			return Result{}
		}
		res.Reasons = append(res.Reasons, fmt.Sprintf("text %q", strings.TrimSpace(r.Text)))
		res.Mentions = append(res.Mentions, ms...)
	}
	if len(r.EventType) > 0 && len(r.Region) > 0 && !eventInRegion(a, r.EventType, r.Region) {
		return Result{} // "a protest in Jiangsu", not a protest in Lagos in an article naming Jiangsu
	}
	if len(res.Reasons) == 0 { // a rule without conditions never fires
		return Result{}
	}
	res.Matched = true
	res.Mentions = sortMentions(res.Mentions)
	return res
}

// eventInRegion reports whether the article has an event of one of the types placed in one of the
// regions, or placed nowhere (then the article-level region match stands for it).
func eventInRegion(a *article.Article, types, regions []string) bool {
	for _, e := range a.Events {
		if !InTimeFrame(e, a) {
			continue
		}
		if !slices.ContainsFunc(types, func(t string) bool { return index.Norm(t) == index.Norm(e.Type) }) {
			continue
		}
		if e.Place == "" && e.GeonameID == 0 && e.CountryCode == "" {
			return true
		}
		for _, r := range regions {
			if rest, ok := strings.CutPrefix(r, regionCodePrefix); ok { // "geo:CN.04=1806260"
				code, id, _ := strings.Cut(rest, "=")
				cc, a1, _ := strings.Cut(code, ".")
				if strconv.Itoa(e.GeonameID) == id || e.CountryCode == cc && (a1 == "" || admin1CodeOf(a, e.GeonameID) == a1) {
					return true
				}
				r = id
			}
			n := index.Norm(r)
			if id, err := strconv.Atoi(r); err == nil && id == e.GeonameID {
				return true
			}
			for _, k := range []string{e.Place, e.Admin1, e.Country, e.CountryCode} {
				if k != "" && index.Norm(k) == n {
					return true
				}
			}
		}
	}
	return false
}

// admin1CodeOf finds the admin1 code of a resolved place of the article by its id.
func admin1CodeOf(a *article.Article, id int) string {
	for _, p := range a.Places {
		if p.GeonameID == id {
			return p.Admin1Code
		}
	}
	return ""
}

// sortMentions orders mentions by position (title-only ones last), drops repeats and keeps at most
// maxMentions.
func sortMentions(ms []Mention) []Mention {
	slices.SortStableFunc(ms, func(a, b Mention) int {
		if (a.Start < 0) != (b.Start < 0) {
			return cmp.Compare(b.Start, a.Start)
		}
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	ms = slices.CompactFunc(ms, func(a, b Mention) bool { return a.Start >= 0 && a.Start == b.Start && a.End == b.End })
	if len(ms) > maxMentions {
		ms = ms[:maxMentions]
	}
	return ms
}
