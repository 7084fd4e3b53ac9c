package bus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// PackedKV is a bucket whose keys of some prefixes — state kept per article, such as the
// crawler's URL claims — are packed many to one bucket key (a shard), with the rest of the bucket
// as it is.
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
// Delete rewrite its shard by compare-and-swap, so workers sharing the bucket still agree on who
// created a key first. A key lives until its expiry: the bucket's window after it was written, or
// CreateExpiring's ttl; expired keys read as absent and are dropped when their shard is next
// rewritten. Packed keys are not listed by Keys.
//
// Keys written before the bucket was packed stay readable: until one window after the first start
// that packs it, a key missing from its shard is looked up as a key of its own.
type PackedKV struct {
	*KV
	prefixes    []string
	window      time.Duration // life of a key written by Put or Create (0: forever)
	legacyUntil time.Time     // before it, unpacked keys of the prefixes may still exist
	shardBits   int           // packedShardBits (fewer in tests)
	now         func() time.Time
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
func (b *Bus) Packed(ctx context.Context, kv *KV, window time.Duration, prefixes ...string) (*PackedKV, error) {
	p := newPacked(kv, window, prefixes)
	since, err := p.packedSince(ctx)
	if err != nil {
		return nil, fmt.Errorf("packed key-value bucket %s: %w", kv.kv.Bucket(), err)
	}
	switch {
	case since.IsZero():
	case window == 0:
		p.legacyUntil = packedForever // unpacked keys never expire: look for them always
	default:
		p.legacyUntil = since.Add(window)
	}
	return p, nil
}

func newPacked(kv *KV, window time.Duration, prefixes []string) *PackedKV {
	return &PackedKV{KV: kv, prefixes: prefixes, window: window, shardBits: packedShardBits, now: time.Now}
}

// packedForever is a legacyUntil that never passes.
var packedForever = time.Unix(1<<40, 0)

// packedSince returns when the bucket was first opened packed, recording now if this is the first
// time; zero when the bucket was empty then (no unpacked keys can exist).
func (p *PackedKV) packedSince(ctx context.Context) (time.Time, error) {
	raw, ok, err := p.KV.Get(ctx, packedSinceKey)
	if err != nil {
		return time.Time{}, err
	}
	if !ok {
		unpacked, err := p.mayHoldUnpacked(ctx)
		if err != nil {
			return time.Time{}, err
		}
		raw = []byte("empty")
		if unpacked {
			raw = []byte(p.now().UTC().Format(time.RFC3339))
		}
		if _, err := p.KV.Create(ctx, packedSinceKey, raw); err != nil {
			return time.Time{}, err
		}
		if raw, _, err = p.KV.Get(ctx, packedSinceKey); err != nil { // another worker may have won
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
func (p *PackedKV) mayHoldUnpacked(ctx context.Context) (bool, error) {
	st, err := p.kv.Status(ctx)
	if err != nil {
		return false, fmt.Errorf("status: %w", err)
	}
	if st.Values() == 0 {
		return false, nil
	}
	keys, err := p.kv.ListKeysFiltered(ctx, packedShardKey+">")
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
	return false
}

// legacy reports whether key may still exist unpacked.
func (p *PackedKV) legacy() bool { return p.now().Before(p.legacyUntil) }

// Get returns the value of key; ok is false when there is none.
func (p *PackedKV) Get(ctx context.Context, key string) ([]byte, bool, error) {
	if !p.packed(key) {
		return p.KV.Get(ctx, key)
	}
	sh, err := p.readShard(ctx, key)
	if err != nil {
		return nil, false, err
	}
	if e, ok := sh.find(sh.id, p.now()); ok {
		return e.val, true, nil
	}
	if p.legacy() {
		return p.KV.Get(ctx, key)
	}
	return nil, false, nil
}

// Put sets key to val.
func (p *PackedKV) Put(ctx context.Context, key string, val []byte) error {
	if !p.packed(key) {
		return p.KV.Put(ctx, key, val)
	}
	_, err := p.rewrite(ctx, key, func([]byte, bool) bool { return true }, val, p.window)
	return err
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
	return p.rewrite(ctx, key, func(_ []byte, exists bool) bool { return !exists }, val, ttl)
}

// CompareAndSwap sets key to val only if its current value is old (nil old: the key has no value).
func (p *PackedKV) CompareAndSwap(ctx context.Context, key string, old, val []byte) (bool, error) {
	if !p.packed(key) {
		return p.KV.CompareAndSwap(ctx, key, old, val)
	}
	if old == nil {
		return p.Create(ctx, key, val)
	}
	return p.rewrite(ctx, key, func(cur []byte, exists bool) bool {
		return exists && bytes.Equal(cur, old)
	}, val, p.window)
}

// Delete removes key.
func (p *PackedKV) Delete(ctx context.Context, key string) error {
	if !p.packed(key) {
		return p.KV.Delete(ctx, key)
	}
	// Only a shard that holds the key is rewritten (exists also counts an unpacked key).
	if _, err := p.rewrite(ctx, key, func(_ []byte, exists bool) bool { return exists }, nil, -1); err != nil {
		return err
	}
	if p.legacy() {
		return p.KV.Delete(ctx, key)
	}
	return nil
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

// rewrite reads key's shard and, if decide says so given key's current value (exists false: none),
// writes the shard back with key set to val living ttl (0: forever; negative: key removed), by
// compare-and-swap on the shard's revision, again from a fresh read while other writers win.
func (p *PackedKV) rewrite(ctx context.Context, key string, decide func(cur []byte, exists bool) bool, val []byte, ttl time.Duration) (bool, error) {
	for range packedCASRetries {
		sh, err := p.readShard(ctx, key)
		if err != nil {
			return false, err
		}
		now := p.now()
		e, exists := sh.find(sh.id, now)
		cur := e.val
		if !exists && p.legacy() {
			if cur, exists, err = p.KV.Get(ctx, key); err != nil {
				return false, err
			}
		}
		if !decide(cur, exists) {
			return false, nil
		}
		var expires uint32
		if ttl > 0 {
			expires = uint32(now.Add(ttl + time.Second - 1).Unix())
		}
		data := sh.encode(now, sh.id, val, expires, ttl < 0)
		written, err := p.writeShard(ctx, sh, data)
		if err != nil {
			return false, err
		}
		if written {
			return true, nil
		}
	}
	return false, fmt.Errorf("kv %s: shard of %s: %d rewrites lost to other writers", p.kv.Bucket(), key, packedCASRetries)
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

func (p *PackedKV) readShard(ctx context.Context, key string) (*packedShard, error) {
	sk, id := shardOf(key, p.shardBits)
	sh := &packedShard{key: sk, id: id}
	e, err := p.kv.Get(ctx, sk)
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
func (p *PackedKV) writeShard(ctx context.Context, sh *packedShard, data []byte) (bool, error) {
	var err error
	if sh.revision == 0 {
		_, err = p.kv.Create(ctx, sh.key, data)
	} else {
		_, err = p.kv.Update(ctx, sh.key, data, sh.revision)
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
