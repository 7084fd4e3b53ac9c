package alert

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// ErrNoRule is returned by Get and Delete when no rule has the id.
var ErrNoRule = errors.New("alert: no such rule")

// rulePrefix keeps rules apart from anything else a shared bucket may hold.
const rulePrefix = "rule."

// Store keeps rules in a KV, one JSON value per rule.
type Store struct {
	kv  KV
	now func() time.Time
}

// NewStore returns a Store over kv.
func NewStore(kv KV) *Store { return &Store{kv: kv, now: time.Now} }

// List returns every rule, oldest first.
func (s *Store) List(ctx context.Context) ([]Rule, error) {
	keys, err := s.kv.Keys(ctx)
	if err != nil {
		return nil, fmt.Errorf("list rules: %w", err)
	}
	rules := []Rule{}
	for _, k := range keys {
		if !strings.HasPrefix(k, rulePrefix) {
			continue
		}
		r, err := s.Get(ctx, strings.TrimPrefix(k, rulePrefix))
		if errors.Is(err, ErrNoRule) { // deleted meanwhile
			continue
		}
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
	}
	sort.SliceStable(rules, func(i, j int) bool {
		if !rules[i].Created.Equal(rules[j].Created) {
			return rules[i].Created.Before(rules[j].Created)
		}
		return rules[i].ID < rules[j].ID
	})
	return rules, nil
}

// Get returns the rule with the id, or ErrNoRule.
func (s *Store) Get(ctx context.Context, id string) (Rule, error) {
	if !validID.MatchString(id) {
		return Rule{}, fmt.Errorf("get rule %q: %w", id, ErrNoRule)
	}
	b, ok, err := s.kv.Get(ctx, rulePrefix+id)
	if err != nil {
		return Rule{}, fmt.Errorf("get rule %s: %w", id, err)
	}
	if !ok {
		return Rule{}, fmt.Errorf("get rule %s: %w", id, ErrNoRule)
	}
	var r Rule
	if err := json.Unmarshal(b, &r); err != nil {
		return Rule{}, fmt.Errorf("decode rule %s: %w", id, err)
	}
	return r, nil
}

// Put validates and stores the rule, assigning an id if it has none and a creation time if it
// has none, writing a surge rule's defaults into its empty fields, and returns the stored rule.
func (s *Store) Put(ctx context.Context, r Rule) (Rule, error) {
	if err := r.Validate(); err != nil {
		return Rule{}, fmt.Errorf("invalid rule: %w", err)
	}
	if r.ID == "" {
		r.ID = newID()
	}
	r = r.withSurgeDefaults()
	if r.Created.IsZero() {
		r.Created = s.now().UTC().Truncate(time.Second)
	}
	if r.Webhook != "" && r.WebhookSecret == "" {
		// Rules are shown without their secret; saving one back unchanged must not drop it.
		if old, err := s.Get(ctx, r.ID); err == nil && old.Webhook == r.Webhook {
			r.WebhookSecret = old.WebhookSecret
		}
	}
	b, err := json.Marshal(storedRule(r))
	if err != nil {
		return Rule{}, fmt.Errorf("encode rule %s: %w", r.ID, err)
	}
	if err := s.kv.Put(ctx, rulePrefix+r.ID, b); err != nil {
		return Rule{}, fmt.Errorf("put rule %s: %w", r.ID, err)
	}
	return r, nil
}

// Delete removes the rule, or returns ErrNoRule.
func (s *Store) Delete(ctx context.Context, id string) error {
	if _, err := s.Get(ctx, id); err != nil {
		return err
	}
	if err := s.kv.Delete(ctx, rulePrefix+id); err != nil {
		return fmt.Errorf("delete rule %s: %w", id, err)
	}
	return nil
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}
