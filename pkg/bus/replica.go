package bus

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/nats-io/nats.go/jetstream"
)

// shardReplica is this process's copy of a packed bucket's shard values, kept current by a watch
// on the shard keys, so that reading a packed key, and the read before each compare-and-swap
// rewrite, costs no request to the NATS server.
//
// Why: a shard's latest revision lies anywhere in the bucket's recent file blocks, and the server
// answers a read of it by loading that whole block (4 MB for a key-value stream) into a cache it
// keeps for 10 s. Reads of random shards at ingest speed kept every block holding a live shard
// loaded, so the server's memory grew with the live data of the window — about half of the live
// heap's growth at 20,000–60,000 articles in `newsmon bench --heap-at` (issue #25). The replica
// holds only the live shard values.
//
// Correctness does not rest on it being current: every write is a compare-and-swap on the
// revision the replica holds, and a lost one is retried from a fresh read of the server. A read
// of a key written by another process meanwhile sees it once the watch delivers it (milliseconds),
// as a read from the server would had it come a moment earlier. When the watch stops (its context
// ended, the connection closed), reads go to the server again.
type shardReplica struct {
	mu     sync.RWMutex
	shards map[string]replicaShard
	live   atomic.Bool
}

type replicaShard struct {
	revision uint64
	raw      []byte // never changed in place: a rewrite stores a new slice
}

// startReplica watches kv's shard keys until ctx ends, returning once it holds every shard the
// bucket had when it started.
func startReplica(ctx context.Context, kv jetstream.KeyValue) (*shardReplica, error) {
	w, err := kv.Watch(ctx, packedShardKey+"*")
	if err != nil {
		return nil, fmt.Errorf("watch shards: %w", err)
	}
	r := &shardReplica{shards: map[string]replicaShard{}}
	synced := make(chan struct{})
	go r.follow(ctx, w, synced)
	select {
	case <-synced:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return r, nil
}

// follow applies the watch's updates until ctx ends or the watch closes; it closes synced when the
// initial values are in.
func (r *shardReplica) follow(ctx context.Context, w jetstream.KeyWatcher, synced chan struct{}) {
	defer w.Stop()
	defer r.live.Store(false)
	updates := w.Updates()
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-updates:
			if !ok {
				return
			}
			if e == nil { // every value present at the start has been delivered
				r.live.Store(true)
				close(synced)
				continue
			}
			if e.Key() == packedSinceKey {
				continue
			}
			if e.Operation() != jetstream.KeyValuePut {
				r.forget(e.Key(), e.Revision())
				continue
			}
			r.store(e.Key(), e.Revision(), e.Value())
		}
	}
}

// lookup returns the shard as last seen; usable is false when the replica has stopped following
// the bucket (ask the server).
func (r *shardReplica) lookup(key string) (sh replicaShard, usable bool) {
	if r == nil || !r.live.Load() {
		return replicaShard{}, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.shards[key], true
}

// store records revision of key unless a later one is known (the watch and this process's own
// writes both report revisions, in either order).
func (r *shardReplica) store(key string, revision uint64, raw []byte) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if cur, ok := r.shards[key]; ok && cur.revision >= revision {
		return
	}
	r.shards[key] = replicaShard{revision: revision, raw: raw}
}

// forget drops key as of revision (a delete or purge marker).
func (r *shardReplica) forget(key string, revision uint64) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if cur, ok := r.shards[key]; ok && cur.revision < revision {
		delete(r.shards, key)
	}
}
