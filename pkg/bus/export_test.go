package bus

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// SetPackedShardBits makes p use 2^bits shards, so that tests can fill shards with few keys.
// (Only a bucket whose keys live in its shards has any.)
func SetPackedShardBits(p *PackedKV, bits int) {
	if s, ok := p.store.(*shardStore); ok {
		s.shardBits = bits
	}
}

// SetStateClock makes the state file of p (when this process owns it) tell time by now.
func SetStateClock(p *PackedKV, now func() time.Time) {
	if s, ok := p.store.(*localStore); ok {
		s.now = now
	}
}

// StateFileKeys counts the entries of p's state file (expired ones not yet swept included); -1
// when p's keys are not in a file of this process.
func StateFileKeys(p *PackedKV) int {
	s, ok := p.store.(*localStore)
	if !ok {
		return -1
	}
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(localKeys).Stats().KeyN
		return nil
	})
	return n
}

// PackedStoreKind says where p's packed keys live: "shards", "file" or "remote".
func PackedStoreKind(p *PackedKV) string {
	switch p.store.(type) {
	case *localStore:
		return "file"
	case *remoteStore:
		return "remote"
	}
	return "shards"
}
