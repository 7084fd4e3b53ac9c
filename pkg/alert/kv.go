package alert

import (
	"bytes"
	"context"
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
