// Package alert owns alert rules, their storage, matching an enriched article against them, and the
// in-process fan-out of fired events. A rule fires at most once per (rule, article), enforced through
// a shared key-value store so redeliveries and several index workers never double-fire. It does no
// network I/O of its own and never imports the bus; callers deliver events (SSE, NATS, webhooks).
package alert

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Rule says which articles should raise an alert. All its non-empty conditions must hold (AND),
// and several values of one kind must all hold too, exactly as in index.Query, so that testing a
// rule against the index (Query) and matching new articles (Match) agree.
type Rule struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Text    string    `json:"text,omitempty"` // search-box syntax (index.ParseText): words, "phrases", -not, OR
	Person  []string  `json:"person,omitempty"`
	Org     []string  `json:"org,omitempty"`
	Place   []string  `json:"place,omitempty"`
	Region  []string  `json:"region,omitempty"` // a place or anything inside it: Jiangsu matches Wuxi
	Event   []string  `json:"event,omitempty"`
	Source  []string  `json:"source,omitempty"`
	Lang    []string  `json:"lang,omitempty"`
	Created time.Time `json:"created"`
	Enabled bool      `json:"enabled"`
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
		if tq := index.ParseText(r.Text); len(tokenize(r.Text)) == 0 {
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
	return errors.Join(errs...)
}

// Query is the index search that finds the articles the rule matches now ("test a rule").
func (r Rule) Query() index.Query {
	return index.Query{
		Text:   strings.TrimSpace(r.Text),
		Person: r.Person, Org: r.Org, Place: r.Place, Region: r.Region, Event: r.Event,
		Source: r.Source, Lang: r.Lang,
		Sort: "date",
	}
}

type filter struct {
	kind   string
	values []string
}

func (r Rule) filters() []filter {
	return []filter{
		{"person", r.Person}, {"org", r.Org}, {"place", r.Place}, {"region", r.Region},
		{"event", r.Event}, {"source", r.Source}, {"lang", r.Lang},
	}
}

// Match reports whether the article satisfies every condition of the rule, and why (one reason
// per condition, e.g. "region Jiangsu via Wuxi"). It is pure: no I/O, and it ignores Enabled.
func (r Rule) Match(a *article.Article) (bool, []string) {
	if a == nil {
		return false, nil
	}
	var reasons []string
	keys := index.KeysOf(a)
	for _, f := range r.filters() {
		for _, v := range f.values {
			why, ok := matchValue(f.kind, v, a, keys)
			if !ok {
				return false, nil
			}
			reasons = append(reasons, why)
		}
	}
	if strings.TrimSpace(r.Text) != "" {
		tq := index.ParseText(r.Text)
		if tq.Empty() || !MatchText(tq, a.Title+"\n"+a.Text) {
			return false, nil
		}
		reasons = append(reasons, fmt.Sprintf("text %q", strings.TrimSpace(r.Text)))
	}
	if len(reasons) == 0 { // a rule without conditions never fires
		return false, nil
	}
	return true, reasons
}

func matchValue(kind, v string, a *article.Article, k index.Keys) (string, bool) {
	n := index.Norm(v)
	has := func(vals []string) (string, bool) {
		for _, x := range vals {
			if index.Norm(x) == n {
				return x, true
			}
		}
		return "", false
	}
	switch kind {
	case "person", "org", "place", "event":
		vals := map[string][]string{"person": k.Persons, "org": k.Orgs, "place": k.Places, "event": k.Events}[kind]
		if x, ok := has(vals); ok {
			return kind + " " + x, true
		}
	case "region":
		for _, p := range a.Places {
			for _, rk := range index.RegionKeys(p) {
				if index.Norm(rk) != n {
					continue
				}
				if index.Norm(p.Name) == n {
					return "region " + p.Name, true
				}
				return "region " + rk + " via " + p.Name, true
			}
		}
		if x, ok := has(k.Regions); ok { // unresolved PLACE entities match by name only
			return "region " + x, true
		}
	case "source":
		if index.Norm(a.Source) == n {
			return "source " + a.Source, true
		}
	case "lang":
		if index.Norm(a.Language) == n {
			return "lang " + a.Language, true
		}
	}
	return "", false
}

// MatchText reports whether text satisfies the parsed query the way the index reads it (see
// index.ParseText): every Must group has an alternative that occurs, no Not term occurs. Words are
// compared whole and case-insensitively; a phrase (or a term like "hi-tech") must occur as
// consecutive words. Unlike the index there is no stemming: "chip" does not match "chips".
func MatchText(q index.TextQuery, text string) bool {
	words := tokenize(text)
	occurs := func(t index.TextTerm) bool {
		seq := tokenize(t.Text)
		return len(seq) > 0 && containsSeq(words, seq)
	}
	for _, group := range q.Must {
		found := false
		for _, t := range group {
			if occurs(t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, t := range q.Not {
		if occurs(t) {
			return false
		}
	}
	return true
}

// tokenize lower-cases s and splits it into runs of letters and digits.
func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func containsSeq(words, seq []string) bool {
outer:
	for i := 0; i+len(seq) <= len(words); i++ {
		for j, w := range seq {
			if words[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}
