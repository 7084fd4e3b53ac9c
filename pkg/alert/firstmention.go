package alert

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/index"
)

// Rules in mode first_mention fire when an article they match mentions a person, organisation or
// place (Rule.NewEntity) that no other article they match mentioned before: "new people in
// Jiangsu". An entity is new for the article when
//
//  1. the index holds no article matching the rule's conditions plus that entity published
//     before this one (its published time; an undated article is placed at its fetch time),
//     so articles indexed with alerts off (an import's back-fill) make their entities known; and
//  2. no article fired for it in this rule before: its first-mention mark (keyFirstMention, a
//     Create in the fired KV) is this article's. The mark settles ties (copies published at the
//     same instant) and articles arriving out of published order: the first to be matched fires,
//     a back-filled earlier article does not fire again.
//
// Both are kept per version of the rule's conditions (firstMentionScope): editing the conditions
// starts afresh, where the index still knows what the new conditions matched. The marks are one
// key per entity that fired, never expiring, so they grow with the events fired, not with the
// articles. The event, id "<rule>.new.<article>", goes through the same exactly-once claim as a
// story rule's. Known entities are remembered per rule in memory (knownEntities), so a rule that
// matches many articles searches the index only for entities it has not seen before; the one KV
// read per matching article (a pending event of this article?) remains.

// NewEntity kinds (Rule.NewEntity); NewAny is any of the three.
const (
	NewPerson = "person"
	NewOrg    = "org"
	NewPlace  = "place"
	NewAny    = "any"
)

const (
	// keyFirstMention + rule id + "." + conditions hash + "." + entity hash → the event id that
	// announced the entity.
	keyFirstMention = "mode.first."
	// maxNewCandidates bounds the entities of one article looked up in the index per rule.
	maxNewCandidates = 50
	// maxKnownPerRule bounds the known entities remembered per rule; beyond, the set starts over.
	maxKnownPerRule = 100_000
)

// NewEntity is an entity an article mentions first (Event.NewEntities).
type NewEntity struct {
	Type string `json:"type"` // person | org | place
	Name string `json:"name"`
}

// key is how the entity is compared: its type and normalised name.
func (e NewEntity) key() string { return e.Type + "\x00" + index.Norm(e.Name) }

// validateNewEntity reports a NewEntity outside mode first_mention, or a missing or unknown one.
func (r Rule) validateNewEntity() []error {
	want := fmt.Sprintf("want %s, %s, %s or %s", NewPerson, NewOrg, NewPlace, NewAny)
	switch {
	case r.mode() != ModeFirstMention || r.Kind == KindSurge:
		if r.NewEntity != "" {
			return []error{fmt.Errorf("new_entity is only for mode %s", ModeFirstMention)}
		}
	case r.NewEntity == "":
		return []error{fmt.Errorf("mode %s needs new_entity: %s", ModeFirstMention, strings.TrimPrefix(want, "want "))}
	case r.NewEntity != NewPerson && r.NewEntity != NewOrg && r.NewEntity != NewPlace && r.NewEntity != NewAny:
		return []error{fmt.Errorf("new_entity %q: %s", r.NewEntity, want)}
	}
	return nil
}

// newCandidates lists the entities of the kinds the rule asks for that the article mentions, in
// order of first appearance, leaving out the rule's own values (a rule on person X does not
// announce X), at most maxNewCandidates.
func (r Rule) newCandidates(k index.Keys) []NewEntity {
	kinds := []struct {
		typ   string
		names []string
		own   []string
	}{{NewPerson, k.Persons, r.Person}, {NewOrg, k.Orgs, r.Org}, {NewPlace, k.Places, r.Place}}
	var out []NewEntity
	for _, kd := range kinds {
		if r.NewEntity != kd.typ && r.NewEntity != NewAny {
			continue
		}
		for _, n := range kd.names {
			if containsNorm(kd.own, n) {
				continue
			}
			if out = append(out, NewEntity{Type: kd.typ, Name: n}); len(out) == maxNewCandidates {
				return out
			}
		}
	}
	return out
}

func containsNorm(vals []string, v string) bool {
	n := index.Norm(v)
	for _, x := range vals {
		if index.Norm(x) == n {
			return true
		}
	}
	return false
}

// firstMentionScope identifies the version of the rule's conditions the marks and the known set
// belong to: a hash of everything that decides which articles match and what is announced.
func (r Rule) firstMentionScope() string {
	h := sha256.New()
	fmt.Fprintf(h, "%#v", []any{r.Text, r.Person, r.Org, r.Place, r.Region, r.Event, r.Source, r.Lang, r.EventType,
		r.MinCount, r.NewEntity, r.Tag})
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// knownEntities remembers, per rule, the entities found not new: once mentioned before, always
// mentioned before, so they need no index search again.
type knownEntities struct {
	mu    sync.Mutex
	rules map[string]knownSet // by rule id
}

type knownSet struct {
	scope string
	keys  map[string]struct{}
}

func (k *knownEntities) has(rule, scope string, e NewEntity) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	s, ok := k.rules[rule]
	if !ok || s.scope != scope {
		return false
	}
	_, ok = s.keys[e.key()]
	return ok
}

func (k *knownEntities) add(rule, scope string, e NewEntity) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.rules == nil {
		k.rules = map[string]knownSet{}
	}
	s, ok := k.rules[rule]
	if !ok || s.scope != scope || len(s.keys) >= maxKnownPerRule {
		s = knownSet{scope: scope, keys: map[string]struct{}{}}
		k.rules[rule] = s
	}
	s.keys[e.key()] = struct{}{}
}

// MatchFirstMentions returns the events the article fires in rules of mode first_mention: for each
// enabled such rule the article matches and that finds entities it mentions first (idx, which must
// already hold the article, tells what was mentioned before). Like Match, an event is owed until
// Delivered records it and is returned again by the next call for the article until then.
func (m *Matcher) MatchFirstMentions(ctx context.Context, a *article.Article, idx Searcher) ([]Event, error) {
	if a == nil || a.ID == "" || strings.Contains(a.ID, ".") {
		return nil, errors.New("alert first mentions: article without a valid id")
	}
	return m.fireEach(ctx, a, "first-mention", func(r Rule) bool { return r.Kind != KindSurge && r.mode() == ModeFirstMention },
		func(r Rule, res Result) (*Event, error) { return m.firstMention(ctx, r, a, res, idx) })
}

// firstMention decides which entities the article mentions first in the rule and claims the event
// naming them. An event claimed before and still owed is returned as it was claimed.
func (m *Matcher) firstMention(ctx context.Context, r Rule, a *article.Article, res Result, idx Searcher) (*Event, error) {
	k := index.KeysOf(a)
	candidates := r.newCandidates(k)
	if len(candidates) == 0 {
		return nil, nil
	}
	id := r.ID + ".new." + a.ID
	if _, ok, err := m.fired.Get(ctx, id); err != nil || ok {
		if err != nil {
			return nil, fmt.Errorf("read alert %s: %w", id, err)
		}
		return eventIf(m.owed(ctx, id)) // claimed before: owed, or done
	}
	scope := r.firstMentionScope()
	var fresh []NewEntity
	for _, e := range candidates {
		if m.known.has(r.ID, scope, e) {
			continue
		}
		mine, err := m.claimFirstMention(ctx, r, scope, e, a, id, idx)
		if err != nil {
			return nil, err
		}
		if !mine {
			m.known.add(r.ID, scope, e)
			continue
		}
		fresh = append(fresh, e)
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	return eventIf(m.claim(ctx, r, m.firstMentionEvent(r, a, k, res, id, fresh)))
}

// FirstMentionsIn previews a first_mention rule on an article already in idx: the entities of the
// kinds the rule asks for that no earlier article matching the rule mentions, as the live matcher
// would announce them if no event had claimed them yet (the preview reads no marks and writes
// none). Other rules, and articles the rule does not match, have none.
func (r Rule) FirstMentionsIn(ctx context.Context, a *article.Article, idx Searcher) ([]NewEntity, error) {
	if r.Kind == KindSurge || r.mode() != ModeFirstMention || a == nil {
		return nil, nil
	}
	if ok, _ := r.Match(a); !ok {
		return nil, nil
	}
	var fresh []NewEntity
	for _, e := range r.newCandidates(index.KeysOf(a)) {
		before, err := mentionedBefore(ctx, idx, r.countQuery(), e, articleTime(a, time.Now()))
		if err != nil {
			return nil, err
		}
		if !before {
			fresh = append(fresh, e)
		}
	}
	return fresh, nil
}

// eventIf is the event to publish, if any, from an answer of claim or owed.
func eventIf(ev Event, fire bool, err error) (*Event, error) {
	if err != nil || !fire {
		return nil, err
	}
	return &ev, nil
}

// claimFirstMention reports whether the article is the first in the rule to mention e: nothing
// before it in the index, and e's first-mention mark is the event id (created now, or before by
// this very event, whose claim a crash interrupted).
func (m *Matcher) claimFirstMention(ctx context.Context, r Rule, scope string, e NewEntity, a *article.Article, id string, idx Searcher) (bool, error) {
	before, err := mentionedBefore(ctx, idx, r.countQuery(), e, articleTime(a, m.now()))
	if err != nil || before {
		return false, err
	}
	sum := sha256.Sum256([]byte(e.key()))
	key := keyFirstMention + r.ID + "." + scope + "." + hex.EncodeToString(sum[:16])
	created, err := m.fired.Create(ctx, key, []byte(id)) // never expires: "ever"
	if err != nil || created {
		if err != nil {
			err = fmt.Errorf("record first mention of %s %q: %w", e.Type, e.Name, err)
		}
		return created, err
	}
	val, _, err := m.fired.Get(ctx, key)
	if err != nil {
		return false, fmt.Errorf("read first mention of %s %q: %w", e.Type, e.Name, err)
	}
	return string(val) == id, nil
}

// articleTime is when the article counts as published: its published time, else its fetch time,
// else now.
func articleTime(a *article.Article, now time.Time) time.Time {
	switch {
	case a.Published != nil && !a.Published.IsZero():
		return *a.Published
	case !a.Fetched.IsZero():
		return a.Fetched
	}
	return now
}

// mentionedBefore reports whether the index holds an article matching q that mentions e and was
// published before t.
func mentionedBefore(ctx context.Context, idx Searcher, q index.Query, e NewEntity, t time.Time) (bool, error) {
	switch e.Type {
	case NewPerson:
		q.Person = append(q.Person[:len(q.Person):len(q.Person)], e.Name)
	case NewOrg:
		q.Org = append(q.Org[:len(q.Org):len(q.Org)], e.Name)
	default:
		q.Place = append(q.Place[:len(q.Place):len(q.Place)], e.Name)
	}
	n, err := count(ctx, idx, q, time.Time{}, t.Add(-time.Nanosecond))
	if err != nil {
		return false, fmt.Errorf("search earlier mentions of %s %q: %w", e.Type, e.Name, err)
	}
	return n > 0, nil
}

// firstMentionEvent is the rule's event for the article, naming the new entities, with their
// mentions first among the evidence (so the snippet shows the first new one).
func (m *Matcher) firstMentionEvent(r Rule, a *article.Article, k index.Keys, res Result, id string, fresh []NewEntity) Event {
	var ms []Mention
	reasons := make([]string, 0, len(fresh)+len(res.Reasons))
	for _, e := range fresh {
		reasons = append(reasons, fmt.Sprintf("first mention of %s %s", e.Type, e.Name))
		if _, got, _, ok := matchValue(e.Type, e.Name, a, k); ok {
			ms = append(ms, got...)
		}
	}
	res.Reasons = append(reasons, res.Reasons...)
	ms = sortMentions(ms)
	res.Mentions = sortMentions(append(ms, res.Mentions...))
	ev := m.event(r, a, a.ID, res)
	ev.ID, ev.NewEntities = id, fresh
	ev.Snippet = snippet(a.Text, ms)
	return ev
}
