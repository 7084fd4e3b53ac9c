package bus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/nats-io/nats.go/jetstream"
)

// PackedKV is a bucket whose keys of some prefixes — state kept per article, such as the
// crawler's URL claims — are not keys of the bucket (packed keys), with the rest of the bucket as
// it is. Where they live (packedStore): in a file of the process running the embedded server
// (localStore), reached by the other processes of that server over the bus (remoteStore), or,
// with an external NATS, packed many to one bucket key (a shard, shardStore).
//
// Why: the NATS server keeps an entry of in-memory subject indexes (about 250 bytes, pointers the
// collector scans) for every key of a bucket as long as the key lives. Keys kept per article for
// the crawler's 30-day dedup window (URL claims, content hashes, story ids, alert marks: about
// five per article) made the server's live memory, and the collector's work over it, grow with the
// corpus (issue #25: CPU per article ×2.8 at 100,000 articles against 10,000). Packed, a key costs
// its bytes inside a shard's value in the file store, and the server indexes at most
// 2^packedShardBits subjects per bucket however many articles arrive.
//
// A packed key behaves as a key of its own: Get, Put, Create, CreateExpiring, CompareAndSwap and
// Delete are atomic against every other writer (a shard is rewritten by compare-and-swap; a file
// is written by one process), so workers sharing the bucket still agree on who created a key
// first. A key lives until its expiry: the bucket's window after it was written, or
// CreateExpiring's ttl; expired keys read as absent and are dropped later. Packed keys are not
// listed by Keys.
//
// Keys written before the bucket was packed stay readable: until one window after the first start
// that packs it, a key missing from its shard is looked up as a key of its own; a state file reads
// through to the shards in the same way.
type PackedKV struct {
	*KV
	prefixes []string
	// fileKeys, when set, tells further keys packed only where packed keys live in a state file
	// (localStore, remoteStore), never in shards: values too large to pack many to a shard value,
	// such as the alert matcher's fired marks, each carrying its whole event (~1–2 KB). Keys of
	// these kinds written as keys of their own before are still found there (see fileKey).
	fileKeys func(key string) bool
	// ownFileKeys: when the bucket was opened, some keys fileKeys tells were keys of their own
	// (written by an earlier version), so Get and Create look for them there too.
	ownFileKeys bool
	window      time.Duration // life of a key written by Put or Create (0: forever)
	store       packedStore
}

// 2^packedShardBits is how many shard keys a packed bucket uses at most: 16,384 subjects (~4 MB of
// the server's index) once ~20,000 articles have arrived; at 100,000 articles in the window a
// shard holds ~12 keys (a value of ~0.7 KB rewritten per write), at a million ~120 (~7 KB). With
// 65,536 shards two buckets took more subjects at 40,000 articles than they saved.
const (
	packedShardBits  = 14
	packedShardKey   = "pk."      // + 4 hex digits
	packedSinceKey   = "pk.since" // when the bucket was first opened packed (RFC 3339)
	packedIDLen      = 12         // bytes of a key's SHA-256 kept to tell keys of a shard apart
	packedVersion    = byte(1)    // first byte of a shard value
	packedCASRetries = 16         // shard rewrites lost to other writers before giving up
)

// Packed returns kv with the keys of prefixes packed (see PackedKV). window is how long a key
// written by Put or Create lives (0: forever); it should be the bucket's own TTL, if it has one.
//
// A bus whose Config.StateDir is set (the process running the embedded server) keeps the packed
// keys in a file there and answers other processes' operations on them; a process that finds such
// an owner's mark in the bucket asks it; otherwise they live in the bucket's shards.
func (b *Bus) Packed(ctx context.Context, kv *KV, window time.Duration, prefixes ...string) (*PackedKV, error) {
	shards, err := openShards(ctx, kv, window)
	if err != nil {
		return nil, fmt.Errorf("packed key-value bucket %s: %w", kv.kv.Bucket(), err)
	}
	p := &PackedKV{KV: kv, prefixes: prefixes, window: window, store: shards}
	switch {
	case b.cfg.StateDir != "":
		p.store, err = b.ownState(ctx, kv, window, shards)
	default:
		p.store, err = b.stateOwner(ctx, kv, shards)
	}
	if err != nil {
		return nil, fmt.Errorf("packed key-value bucket %s: %w", kv.kv.Bucket(), err)
	}
	return p, nil
}

// openShards returns the shard store of kv, reading (or recording) when the bucket was first
// packed: keys written unpacked before that stay readable for one window.
func openShards(ctx context.Context, kv *KV, window time.Duration) (*shardStore, error) {
	s := newShards(kv)
	// The bucket's first read right after a (re)start can meet "no responders" like any JetStream
	// request then; packedSince is safe to repeat (its Create is a no-op once the key exists).
	var since time.Time
	err := retryAPI(ctx, func(ctx context.Context) error {
		var err error
		since, err = s.packedSince(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	switch {
	case since.IsZero():
	case window == 0:
		s.legacyUntil = packedForever // unpacked keys never expire: look for them always
	default:
		s.legacyUntil = since.Add(window)
	}
	return s, nil
}

func newShards(kv *KV) *shardStore {
	return &shardStore{kv: kv, shardBits: packedShardBits, now: time.Now}
}

// packedForever is a legacyUntil that never passes.
var packedForever = time.Unix(1<<40, 0)

// packedSince returns when the bucket was first opened packed, recording now if this is the first
// time; zero when the bucket was empty then (no unpacked keys can exist).
func (s *shardStore) packedSince(ctx context.Context) (time.Time, error) {
	raw, ok, err := s.kv.Get(ctx, packedSinceKey)
	if err != nil {
		return time.Time{}, err
	}
	if !ok {
		unpacked, err := s.mayHoldUnpacked(ctx)
		if err != nil {
			return time.Time{}, err
		}
		raw = []byte("empty")
		if unpacked {
			raw = []byte(s.now().UTC().Format(time.RFC3339))
		}
		if _, err := s.kv.Create(ctx, packedSinceKey, raw); err != nil {
			return time.Time{}, err
		}
		if raw, _, err = s.kv.Get(ctx, packedSinceKey); err != nil { // another worker may have won
			return time.Time{}, err
		}
	}
	if string(raw) == "empty" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, string(raw))
	if err != nil {
		return time.Time{}, fmt.Errorf("damaged %s %q: %w", packedSinceKey, raw, err)
	}
	return t, nil
}

// mayHoldUnpacked reports whether a bucket without packedSinceKey may hold unpacked keys: it has
// values, and no shard. (A bucket with a TTL drops packedSinceKey one window after it was written;
// keys written unpacked before it are gone by then, so shards without the marker mean none is left.)
func (s *shardStore) mayHoldUnpacked(ctx context.Context) (bool, error) {
	st, err := s.kv.kv.Status(ctx)
	if err != nil {
		return false, fmt.Errorf("status: %w", err)
	}
	if st.Values() == 0 {
		return false, nil
	}
	keys, err := s.kv.kv.ListKeysFiltered(ctx, packedShardKey+">")
	if err != nil {
		return false, fmt.Errorf("list shards: %w", err)
	}
	defer keys.Stop()
	for range keys.Keys() {
		return false, nil
	}
	return true, nil
}

func (p *PackedKV) packed(key string) bool {
	for _, pre := range p.prefixes {
		if strings.HasPrefix(key, pre) {
			return true
		}
	}
	return p.fileKey(key)
}

// packInFile makes the keys fileKeys tells packed too, if this bucket's packed keys live in a
// state file; with shards they stay keys of their own. It looks once whether the bucket holds
// such keys written by an earlier version (they live until they expire, one window at most).
func (p *PackedKV) packInFile(ctx context.Context, fileKeys func(key string) bool) error {
	if _, shards := p.store.(*shardStore); shards {
		return nil
	}
	p.fileKeys = fileKeys
	keys, err := p.KV.Keys(ctx)
	if err != nil {
		return fmt.Errorf("look for keys written before they were packed: %w", err)
	}
	p.ownFileKeys = slices.ContainsFunc(keys, fileKeys)
	return nil
}

// fileKey reports whether key is packed only because its packed keys live in a state file.
func (p *PackedKV) fileKey(key string) bool { return p.fileKeys != nil && p.fileKeys(key) }

// ownFileKey reports whether key may also exist as a key of its own, written before it was
// packed: Get and Create look there too, so that an alert fired before an upgrade is not fired
// again after it. The other operations see the state file only.
func (p *PackedKV) ownFileKey(key string) bool { return p.ownFileKeys && p.fileKey(key) }

// Get returns the value of key; ok is false when there is none.
func (p *PackedKV) Get(ctx context.Context, key string) ([]byte, bool, error) {
	if !p.packed(key) {
		return p.KV.Get(ctx, key)
	}
	val, ok, err := p.store.get(ctx, key)
	if ok && p.fileKey(key) && len(val) > 0 && val[0] == fileValueS2 {
		if val, err = s2.Decode(nil, val[1:]); err != nil {
			return nil, false, fmt.Errorf("kv get %s: damaged value: %w", key, err)
		}
	}
	if err != nil || ok || !p.ownFileKey(key) {
		return val, ok, err
	}
	return p.KV.Get(ctx, key)
}

// fileValue is what the state file stores for val of key: the values of fileKeys (whole alert
// events, JSON) S2-compressed behind a fileValueS2 byte, since the file's pages the process
// touches count in its resident set and the file holds one per alert of the window; other values
// as they are. A value without the byte (read through from a key written before) is as it was.
func (p *PackedKV) fileValue(key string, val []byte) []byte {
	if val == nil || !p.fileKey(key) {
		return val
	}
	return append([]byte{fileValueS2}, s2.Encode(nil, val)...)
}

// fileValueS2 starts a compressed value: no JSON text starts with a zero byte.
const fileValueS2 = 0

// Put sets key to val.
func (p *PackedKV) Put(ctx context.Context, key string, val []byte) error {
	if !p.packed(key) {
		return p.KV.Put(ctx, key, val)
	}
	_, err := p.store.apply(ctx, key, packedOp{kind: opPut, val: p.fileValue(key, val), ttl: p.window})
	return err
}

// PutExpiring sets key to val until ttl from now (0: never), for a packed key or, with ttl 0, any
// key; handled is false for a key of its own with a ttl, since NATS gives a key its lifetime only
// when it creates it.
func (p *PackedKV) PutExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (handled bool, err error) {
	if !p.packed(key) {
		if ttl != 0 {
			return false, nil
		}
		return true, p.KV.Put(ctx, key, val)
	}
	_, err = p.store.apply(ctx, key, packedOp{kind: opPut, val: p.fileValue(key, val), ttl: ttl})
	return err == nil, err
}

// Create sets key only if it has no value; created is false when it already had one.
func (p *PackedKV) Create(ctx context.Context, key string, val []byte) (bool, error) {
	return p.CreateExpiring(ctx, key, val, p.window)
}

// CreateExpiring is Create for a key that disappears ttl after it was created (0: never).
func (p *PackedKV) CreateExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (bool, error) {
	if !p.packed(key) {
		return p.KV.CreateExpiring(ctx, key, val, ttl)
	}
	if p.ownFileKey(key) {
		if _, own, err := p.KV.Get(ctx, key); err != nil || own {
			return false, err
		}
	}
	return p.store.apply(ctx, key, packedOp{kind: opCreate, val: p.fileValue(key, val), ttl: ttl})
}

// CompareAndSwap sets key to val only if its current value is old (nil old: the key has no value).
func (p *PackedKV) CompareAndSwap(ctx context.Context, key string, old, val []byte) (bool, error) {
	if !p.packed(key) {
		return p.KV.CompareAndSwap(ctx, key, old, val)
	}
	if old == nil {
		return p.Create(ctx, key, val)
	}
	return p.store.apply(ctx, key, packedOp{kind: opSwap, old: p.fileValue(key, old), val: p.fileValue(key, val), ttl: p.window})
}

// Delete removes key.
func (p *PackedKV) Delete(ctx context.Context, key string) error {
	if !p.packed(key) {
		return p.KV.Delete(ctx, key)
	}
	_, err := p.store.apply(ctx, key, packedOp{kind: opDelete})
	return err
}

// Keys lists the keys that have a value, packed keys excepted.
func (p *PackedKV) Keys(ctx context.Context) ([]string, error) {
	keys, err := p.KV.Keys(ctx)
	out := keys[:0]
	for _, k := range keys {
		if !strings.HasPrefix(k, packedShardKey) {
			out = append(out, k)
		}
	}
	return out, err
}

// packedStore holds the packed keys of a bucket: in the bucket's shards (shardStore), in a file of
// the process that runs the embedded server (localStore), or, for other processes on that server,
// in that process, asked over the bus (remoteStore).
type packedStore interface {
	get(ctx context.Context, key string) ([]byte, bool, error)
	// apply performs op on key atomically against every other writer; false when op's condition
	// does not hold.
	apply(ctx context.Context, key string, op packedOp) (bool, error)
}

// Kinds of packedOp.
const (
	opPut    = byte('p')
	opCreate = byte('c')
	opSwap   = byte('s')
	opDelete = byte('d')
)

// packedOp is one write to a packed key.
type packedOp struct {
	kind     byte
	old, val []byte
	ttl      time.Duration // life of the value written (0: forever)
}

// applies reports whether op goes ahead on a key whose current value is cur (exists false: none).
func (op packedOp) applies(cur []byte, exists bool) bool {
	switch op.kind {
	case opPut:
		return true
	case opCreate:
		return !exists
	case opSwap:
		return exists && bytes.Equal(cur, op.old)
	default: // opDelete: only a key that exists is worth a write
		return exists
	}
}

// expiry returns when a value written at now by op stops being live, in Unix seconds rounded up
// (0: never).
func (op packedOp) expiry(now time.Time) uint32 {
	if op.ttl <= 0 {
		return 0
	}
	return uint32(now.Add(op.ttl + time.Second - 1).Unix())
}

// shardStore keeps packed keys in the bucket's shard keys, each rewritten by compare-and-swap.
type shardStore struct {
	kv          *KV
	legacyUntil time.Time // before it, unpacked keys may still exist
	shardBits   int       // packedShardBits (fewer in tests)
	now         func() time.Time
}

// legacy reports whether a key may still exist unpacked.
func (s *shardStore) legacy() bool { return s.now().Before(s.legacyUntil) }

func (s *shardStore) get(ctx context.Context, key string) ([]byte, bool, error) {
	sh, err := s.readShard(ctx, key)
	if err != nil {
		return nil, false, err
	}
	if e, ok := sh.find(sh.id, s.now()); ok {
		return e.val, true, nil
	}
	if s.legacy() {
		return s.kv.Get(ctx, key)
	}
	return nil, false, nil
}

// apply reads key's shard and, if op applies to key's current value, writes the shard back with
// op done, by compare-and-swap on the shard's revision, again from a fresh read while other
// writers win. A delete also removes an unpacked key of the same name.
func (s *shardStore) apply(ctx context.Context, key string, op packedOp) (bool, error) {
	done, err := s.rewrite(ctx, key, op)
	if err == nil && op.kind == opDelete && s.legacy() {
		err = s.kv.Delete(ctx, key)
	}
	return done, err
}

func (s *shardStore) rewrite(ctx context.Context, key string, op packedOp) (bool, error) {
	for range packedCASRetries {
		sh, err := s.readShard(ctx, key)
		if err != nil {
			return false, err
		}
		now := s.now()
		e, exists := sh.find(sh.id, now)
		cur := e.val
		if !exists && s.legacy() {
			if cur, exists, err = s.kv.Get(ctx, key); err != nil {
				return false, err
			}
		}
		if !op.applies(cur, exists) {
			return false, nil
		}
		data := sh.encode(now, sh.id, op.val, op.expiry(now), op.kind == opDelete)
		written, err := s.writeShard(ctx, sh, data)
		if err != nil {
			return false, err
		}
		if written {
			return true, nil
		}
	}
	return false, fmt.Errorf("kv %s: shard of %s: %d rewrites lost to other writers", s.kv.kv.Bucket(), key, packedCASRetries)
}

// packedShard is one shard value as read, with the id of the key being worked on.
type packedShard struct {
	key      string
	revision uint64 // 0: the shard has no value yet
	raw      []byte
	id       [packedIDLen]byte
}

type packedEntry struct {
	id      []byte
	expires uint32 // Unix seconds; 0: never
	val     []byte
}

// shardOf returns the shard key of key (the first shardBits bits of its SHA-256, in hex) and the
// id that tells it apart inside the shard (the next packedIDLen bytes).
func shardOf(key string, shardBits int) (shardKey string, id [packedIDLen]byte) {
	sum := sha256.Sum256([]byte(key))
	copy(id[:], sum[2:])
	shard := binary.BigEndian.Uint16(sum[:2]) >> (16 - shardBits)
	return fmt.Sprintf("%s%04x", packedShardKey, shard), id
}

func (s *shardStore) readShard(ctx context.Context, key string) (*packedShard, error) {
	sk, id := shardOf(key, s.shardBits)
	sh := &packedShard{key: sk, id: id}
	e, err := s.kv.kv.Get(ctx, sk)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return sh, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kv get %s (shard of %s): %w", sk, key, err)
	}
	sh.revision, sh.raw = e.Revision(), e.Value()
	return sh, nil
}

// writeShard stores data as the shard's next revision; false when another writer got there first.
func (s *shardStore) writeShard(ctx context.Context, sh *packedShard, data []byte) (bool, error) {
	var err error
	if sh.revision == 0 {
		_, err = s.kv.kv.Create(ctx, sh.key, data)
	} else {
		_, err = s.kv.kv.Update(ctx, sh.key, data, sh.revision)
	}
	// A replicated bucket reports the conflict as ErrKeyRevisionMismatch (error code 10164), not
	// as ErrKeyExists (10071) like a single server.
	if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kv write %s: %w", sh.key, err)
	}
	return true, nil
}

// entries calls fn for each well-formed entry of the shard, in order, until fn returns false. A
// damaged tail is ignored: its keys read as absent (they are fetched, alerted, … again), which
// beats refusing every key of the shard.
func (sh *packedShard) entries(fn func(packedEntry) bool) {
	b := sh.raw
	if len(b) == 0 || b[0] != packedVersion {
		return
	}
	b = b[1:]
	for len(b) >= packedIDLen+4 {
		e := packedEntry{id: b[:packedIDLen], expires: binary.LittleEndian.Uint32(b[packedIDLen:])}
		b = b[packedIDLen+4:]
		n, w := binary.Uvarint(b)
		if w <= 0 || uint64(len(b)-w) < n {
			return
		}
		e.val, b = b[w:w+int(n)], b[w+int(n):]
		if !fn(e) {
			return
		}
	}
}

func (e packedEntry) live(now time.Time) bool {
	return e.expires == 0 || now.Unix() < int64(e.expires)
}

// find returns the live entry of id.
func (sh *packedShard) find(id [packedIDLen]byte, now time.Time) (packedEntry, bool) {
	var found packedEntry
	ok := false
	sh.entries(func(e packedEntry) bool {
		if bytes.Equal(e.id, id[:]) {
			found, ok = e, e.live(now)
			return false
		}
		return true
	})
	return found, ok
}

// encode returns the shard's value with id set to val (or removed), expired entries dropped.
func (sh *packedShard) encode(now time.Time, id [packedIDLen]byte, val []byte, expires uint32, remove bool) []byte {
	out := make([]byte, 1, len(sh.raw)+packedIDLen+4+binary.MaxVarintLen32+len(val))
	out[0] = packedVersion
	sh.entries(func(e packedEntry) bool {
		if e.live(now) && !bytes.Equal(e.id, id[:]) {
			out = appendPackedEntry(out, e.id, e.expires, e.val)
		}
		return true
	})
	if !remove {
		out = appendPackedEntry(out, id[:], expires, val)
	}
	return out
}

func appendPackedEntry(out, id []byte, expires uint32, val []byte) []byte {
	out = append(out, id...)
	out = binary.LittleEndian.AppendUint32(out, expires)
	out = binary.AppendUvarint(out, uint64(len(val)))
	return append(out, val...)
}
