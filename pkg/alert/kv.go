package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"sync"
)

// KV is what the alert package needs from a key-value store. The lead implements it over NATS KV
// so that separate processes share rules and fired marks; NewMemoryKV serves one process and tests.
// Keys match [A-Za-z0-9_=.-]+.
type KV interface {
	// Get returns the value and whether the key exists.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	Put(ctx context.Context, key string, val []byte) error
	// Delete removes the key; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
	Keys(ctx context.Context) ([]string, error)
	// Create stores the value only if the key does not exist yet, atomically, and reports whether
	// it did. This is what makes "fire once" hold across workers.
	Create(ctx context.Context, key string, val []byte) (bool, error)
	// CompareAndSwap stores val only if the key's value is old (nil old: the key does not exist),
	// atomically, and reports whether it did. Story fingerprints, windows and digests use it.
	CompareAndSwap(ctx context.Context, key string, old, val []byte) (bool, error)
}

type memoryKV struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemoryKV returns an in-process KV, safe for concurrent use.
func NewMemoryKV() KV { return &memoryKV{m: map[string][]byte{}} }

func (kv *memoryKV) Get(_ context.Context, key string) ([]byte, bool, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	v, ok := kv.m[key]
	return append([]byte(nil), v...), ok, nil
}

func (kv *memoryKV) Put(_ context.Context, key string, val []byte) error {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	kv.m[key] = append([]byte(nil), val...)
	return nil
}

func (kv *memoryKV) Delete(_ context.Context, key string) error {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	delete(kv.m, key)
	return nil
}

func (kv *memoryKV) Keys(_ context.Context) ([]string, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	keys := make([]string, 0, len(kv.m))
	for k := range kv.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

func (kv *memoryKV) Create(_ context.Context, key string, val []byte) (bool, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	if _, ok := kv.m[key]; ok {
		return false, nil
	}
	kv.m[key] = append([]byte(nil), val...)
	return true, nil
}

func (kv *memoryKV) CompareAndSwap(_ context.Context, key string, old, val []byte) (bool, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	cur, ok := kv.m[key]
	if old == nil {
		if ok {
			return false, nil
		}
	} else if !ok || !bytes.Equal(cur, old) {
		return false, nil
	}
	kv.m[key] = append([]byte(nil), val...)
	return true, nil
}

// updateJSON applies fn to the JSON value of key under compare-and-swap, retrying when another
// writer came first; fn returns false to leave the value unchanged. A damaged value is logged and
// replaced.
func updateJSON[T any](ctx context.Context, kv KV, log *slog.Logger, key string, fn func(*T) (bool, error)) error {
	for attempt := 1; ; attempt++ {
		old, ok, err := kv.Get(ctx, key)
		if err != nil {
			return fmt.Errorf("read %s: %w", key, err)
		}
		var v T
		if ok && len(old) > 0 {
			if err := json.Unmarshal(old, &v); err != nil {
				log.Warn("damaged alert state reset", "key", key, "err", err)
				var zero T
				v = zero
			}
		} else {
			old = nil
		}
		if changed, err := fn(&v); err != nil || !changed {
			return err
		}
		val, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encode %s: %w", key, err)
		}
		swapped, err := kv.CompareAndSwap(ctx, key, old, val)
		if err != nil {
			return fmt.Errorf("write %s: %w", key, err)
		}
		if swapped {
			return nil
		}
		if attempt >= casAttempts {
			return fmt.Errorf("%s contended", key)
		}
	}
}
