package bus

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	bolt "go.etcd.io/bbolt"
)

// localStore keeps a bucket's packed keys in a B+tree file (bbolt) of the process that runs the
// embedded NATS server, and serves them to the other processes of that server (remoteStore).
//
// Why: packed into shards of the bucket, every operation on a key read a shard from the server's
// file store, and those reads, random over the whole window, kept most of the store's 4 MB blocks
// loaded: the server's live memory grew with the corpus (44 → 104 MB from 20,000 to 80,000
// articles, issue #25), and with it the collector's work per article. In a file of its own, a
// key costs ~40 bytes of a page the kernel caches and may drop, none of the Go heap.
//
// Writes are not synced to disk (the embedded server does not sync each write either): a crash of
// the process loses nothing, a crash of the machine may lose the last seconds' keys — articles
// fetched or alerts marked then are seen as new once more.
type localStore struct {
	db          *bolt.DB
	path        string
	kv          *KV         // the bucket, where the owner mark lives
	subject     string      // where other processes ask
	legacy      packedStore // the bucket's shards, read through until legacyUntil
	legacyUntil time.Time
	now         func() time.Time

	mu    sync.Mutex // guards sweep
	sweep sweepState

	wmu     sync.Mutex    // guards queue and leading (write)
	queue   []*stateWrite // writes waiting for the next commit
	leading bool          // a writer is committing
}

// Names inside a state file.
var (
	localKeys = []byte("keys") // 16 bytes of the key's SHA-256 → expiry (uint32 LE, 0: never) + value
	localMeta = []byte("meta")
	// localSince holds when the file was created while the bucket held keys of its own ("empty":
	// it held none), so that keys the bucket's shards hold stay readable for one window.
	localSince = []byte("since")
)

const (
	localIDLen = 16
	// The owner mark (packedOwnerKey) is written again at every sweep, so that it outlives a
	// bucket's TTL; a sweep walks every key, sweepStep at a time, every sweepEvery writes.
	packedOwnerKey = "pk.owner"
	sweepInterval  = time.Hour
	sweepStep      = 1000
	sweepEvery     = 64
)

// sweepState is where the sweep of expired keys has got to.
type sweepState struct {
	writes   int       // since the last step
	running  bool      // a pass is under way
	from     []byte    // the next key of the pass
	lastPass time.Time // when the last pass began
}

// ownState opens (once per process) the state file of kv's bucket under the bus's StateDir, marks
// the bucket as owned by this process and starts answering the other processes' operations.
func (b *Bus) ownState(ctx context.Context, kv *KV, window time.Duration, shards *shardStore) (*localStore, error) {
	bucket := kv.kv.Bucket()
	b.stateMu.Lock()
	defer b.stateMu.Unlock()
	if s, ok := b.states[bucket]; ok {
		return s, nil
	}
	s, err := openLocalStore(ctx, filepath.Join(b.cfg.StateDir, bucket+".db"), kv, window, shards)
	if err != nil {
		return nil, err
	}
	s.subject = stateSubjectPrefix + bucket
	sub, err := b.nc.Subscribe(s.subject, func(m *nats.Msg) { serveState(s, m) })
	if err == nil {
		// The server has the subscription once it answers a ping: only then may the mark tell
		// other workers (or ones that read an earlier owner's mark) to ask here.
		err = b.nc.Flush()
	}
	if err == nil {
		err = s.mark(ctx)
	}
	if err != nil {
		if sub != nil {
			_ = sub.Unsubscribe()
		}
		_ = s.db.Close()
		return nil, fmt.Errorf("serve %s: %w", s.subject, err)
	}
	if b.states == nil {
		b.states = map[string]*localStore{}
	}
	b.states[bucket] = s
	b.stateSubs = append(b.stateSubs, sub)
	return s, nil
}

func openLocalStore(ctx context.Context, path string, kv *KV, window time.Duration, shards *shardStore) (*localStore, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("state folder: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout: 5 * time.Second, NoSync: true, NoGrowSync: true, NoFreelistSync: true,
		FreelistType: bolt.FreelistMapType,
	})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("state file %s is in use by another process", path)
	}
	if err != nil {
		return nil, fmt.Errorf("state file %s: %w (if it is damaged, remove it: keys already seen are then seen as new once)", path, err)
	}
	s := &localStore{db: db, path: path, kv: kv, legacy: shards, now: time.Now}
	since, err := s.since(ctx, shards)
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("state file %s: %w", path, err)
	}
	switch {
	case since.IsZero():
	case window == 0:
		s.legacyUntil = packedForever
	default:
		s.legacyUntil = since.Add(window)
	}
	return s, nil
}

// since returns when the file was created while the bucket's shards held keys (zero: they held
// none), recording it on first use.
func (s *localStore) since(ctx context.Context, shards *shardStore) (time.Time, error) {
	var raw []byte
	if err := s.db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(localMeta); m != nil {
			raw = append(raw, m.Get(localSince)...)
		}
		return nil
	}); err != nil {
		return time.Time{}, err
	}
	if raw == nil {
		st, err := shards.kv.kv.Status(ctx)
		if err != nil {
			return time.Time{}, fmt.Errorf("status: %w", err)
		}
		raw = []byte("empty")
		// pk.since is always there once the bucket was opened packed; more means keys.
		if st.Values() > 1 {
			raw = []byte(s.now().UTC().Format(time.RFC3339))
		}
		if err := s.db.Update(func(tx *bolt.Tx) error {
			m, err := tx.CreateBucketIfNotExists(localMeta)
			if err == nil {
				_, err = tx.CreateBucketIfNotExists(localKeys)
			}
			if err == nil {
				err = m.Put(localSince, raw)
			}
			return err
		}); err != nil {
			return time.Time{}, err
		}
	}
	if string(raw) == "empty" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339, string(raw))
}

// mark tells the other processes of the bus to ask this one for the bucket's packed keys.
func (s *localStore) mark(ctx context.Context) error {
	if err := s.kv.Put(ctx, packedOwnerKey, []byte(s.subject)); err != nil {
		return fmt.Errorf("mark the bucket's owner: %w", err)
	}
	return nil
}

func (s *localStore) legacyOn() bool { return s.now().Before(s.legacyUntil) }

func localID(key string) [localIDLen]byte {
	sum := sha256.Sum256([]byte(key))
	return [localIDLen]byte(sum[:localIDLen])
}

// liveValue returns the value of a stored entry that is live at now.
func liveValue(entry []byte, now time.Time) ([]byte, bool) {
	if len(entry) < 4 {
		return nil, false
	}
	exp := binary.LittleEndian.Uint32(entry)
	if exp != 0 && now.Unix() >= int64(exp) {
		return nil, false
	}
	return entry[4:], true
}

func (s *localStore) get(ctx context.Context, key string) ([]byte, bool, error) {
	id := localID(key)
	var val []byte
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		if v, ok := liveValue(tx.Bucket(localKeys).Get(id[:]), s.now()); ok {
			val, found = append([]byte{}, v...), true
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("state file %s: get %s: %w", s.path, key, err)
	}
	if !found && s.legacyOn() {
		return s.legacy.get(ctx, key)
	}
	return val, found, nil
}

func (s *localStore) apply(ctx context.Context, key string, op packedOp) (bool, error) {
	w := &stateWrite{id: localID(key), op: op, legacy: s.legacyOn(), wake: make(chan bool, 1)}
	if w.legacy { // read before the write transaction, which holds every other writer up
		var err error
		if w.old, w.oldExists, err = s.legacy.get(ctx, key); err != nil {
			return false, err
		}
	}
	s.write(w)
	if w.err != nil {
		return false, fmt.Errorf("state file %s: write %s: %w", s.path, key, w.err)
	}
	if w.done && op.kind == opDelete && w.legacy {
		if _, err := s.legacy.apply(ctx, key, op); err != nil {
			return false, err
		}
	}
	s.maybeSweep(ctx)
	return w.done, nil
}

// stateWrite is one operation on the state file, waiting to be committed.
type stateWrite struct {
	id        [localIDLen]byte
	op        packedOp
	legacy    bool   // the bucket's shards may still hold the key:
	old       []byte // its value there, read before
	oldExists bool
	wake      chan bool // true: lead the next commit; false: committed
	done      bool      // the operation applied
	err       error
}

// write commits w together with the writes queued while the previous commit ran (group commit):
// a bbolt transaction costs the same for one key or hundreds — it rewrites the touched pages and
// the meta page — and the workers of one process write a few keys per article each, at once. The
// first writer to find no commit under way leads: it commits the queue, then hands the lead to
// the first writer queued meanwhile. A lone writer commits at once; nobody waits for a timer.
func (s *localStore) write(w *stateWrite) {
	s.wmu.Lock()
	s.queue = append(s.queue, w)
	if s.leading {
		s.wmu.Unlock()
		if lead := <-w.wake; !lead {
			return
		}
		s.wmu.Lock()
	}
	s.leading = true
	batch := s.queue
	s.queue = nil
	s.wmu.Unlock()

	s.commit(batch)

	s.wmu.Lock()
	for _, b := range batch {
		if b != w {
			b.wake <- false
		}
	}
	if len(s.queue) > 0 {
		s.queue[0].wake <- true // s.leading stays set: the lead passes on
	} else {
		s.leading = false
	}
	s.wmu.Unlock()
}

// commit applies batch in order in one transaction; each write's done and err say how it went.
func (s *localStore) commit(batch []*stateWrite) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		keys := tx.Bucket(localKeys)
		now := s.now()
		for _, w := range batch {
			w.done = false
			cur, exists := liveValue(keys.Get(w.id[:]), now)
			if !exists && w.legacy {
				cur, exists = w.old, w.oldExists
			}
			if !w.op.applies(cur, exists) {
				continue
			}
			w.done = true
			var err error
			if w.op.kind == opDelete {
				err = keys.Delete(w.id[:])
			} else {
				entry := binary.LittleEndian.AppendUint32(make([]byte, 0, 4+len(w.op.val)), w.op.expiry(now))
				err = keys.Put(w.id[:], append(entry, w.op.val...))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && len(batch) > 1 {
		// One write's failure must not fail the others: each again on its own.
		for _, w := range batch {
			s.commit([]*stateWrite{w})
		}
		return
	}
	for _, w := range batch {
		if w.err = err; err != nil {
			w.done = false
		}
	}
}

// maybeSweep removes a step of expired keys every sweepEvery writes while a pass is under way,
// and begins a pass every sweepInterval. Expired keys read as absent anyway: sweeping only frees
// their room for new keys, so that the file stays the size of one window.
func (s *localStore) maybeSweep(ctx context.Context) {
	s.mu.Lock()
	s.sweep.writes++
	now := s.now()
	if !s.sweep.running && now.Sub(s.sweep.lastPass) >= sweepInterval {
		s.sweep.running, s.sweep.lastPass, s.sweep.from, s.sweep.writes = true, now, nil, sweepEvery
		if err := s.mark(ctx); err != nil {
			s.sweep.lastPass = time.Time{} // try again at the next write
		}
	}
	if !s.sweep.running || s.sweep.writes < sweepEvery {
		s.mu.Unlock()
		return
	}
	s.sweep.writes = 0
	from := s.sweep.from
	s.mu.Unlock()
	next, err := s.sweepFrom(from, now)
	s.mu.Lock()
	if err == nil {
		s.sweep.from, s.sweep.running = next, next != nil
	}
	s.mu.Unlock()
}

// sweepFrom deletes the expired keys among sweepStep keys from from (nil: the first); it returns
// the key to go on from, nil at the end.
func (s *localStore) sweepFrom(from []byte, now time.Time) ([]byte, error) {
	var next []byte
	err := s.db.Update(func(tx *bolt.Tx) error {
		keys := tx.Bucket(localKeys)
		c := keys.Cursor()
		k, v := c.First()
		if from != nil {
			k, v = c.Seek(from)
		}
		var expired [][]byte
		for n := 0; k != nil && n < sweepStep; n++ {
			if _, live := liveValue(v, now); !live {
				expired = append(expired, append([]byte{}, k...))
			}
			k, v = c.Next()
		}
		if k != nil {
			next = append([]byte{}, k...)
		}
		for _, k := range expired {
			if err := keys.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return next, err
}

// close closes the file.
func (s *localStore) close() error { return s.db.Close() }
