package bus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Buckets newsmon keeps shared state in, so that every worker of a stage, in any process, sees it.
const (
	BucketCrawl      = "newsmon_crawl"       // crawl claims, feed validators, content hashes
	BucketAlertRules = "newsmon_alert_rules" // alert rules
	BucketAlertFired = "newsmon_alert_fired" // (rule, article) pairs already alerted
	// BucketStoryBands holds the alert matcher's story fingerprints (see alert.WithStoryBands): an
	// index rewritten on every article, kept in memory (Bus.MemoryKV).
	BucketStoryBands = "newsmon_story_bands"
	// StoryBandsBytes bounds BucketStoryBands (BoundedMemoryKV): about the bands of the last
	// ~60,000 articles, so that copies of recent stories are still recognised while the state, and
	// the collector's work over it, stop growing with the corpus (issue #25).
	StoryBandsBytes = 64 << 20
	// BucketImport holds each imported file's progress (records done), so an interrupted
	// import resumes where it stopped.
	BucketImport = "newsmon_import"
)

// KV is a JetStream key-value bucket. Its methods match the small store interfaces that
// pkg/crawl and pkg/alert declare.
type KV struct {
	kv jetstream.KeyValue
	// keyTTL says the bucket takes per-key TTLs (ExpiringKV on NATS ≥ 2.11).
	keyTTL bool
}

// KV opens (creating if needed) a bucket. ttl 0 keeps keys forever.
func (b *Bus) KV(ctx context.Context, bucket string, ttl time.Duration) (*KV, error) {
	return b.openKV(ctx, jetstream.KeyValueConfig{Bucket: bucket, TTL: ttl, Storage: jetstream.FileStorage})
}

// MemoryKV opens (creating if needed) a bucket kept in the NATS servers' memory: for state that is
// rewritten all the time and can be rebuilt, which a file-backed bucket would turn into a stream of
// superseded revisions, compactions and cached 4 MiB blocks. It is empty after the servers restart
// (with replicas, after all of them do).
func (b *Bus) MemoryKV(ctx context.Context, bucket string, ttl time.Duration) (*KV, error) {
	return b.openKV(ctx, jetstream.KeyValueConfig{Bucket: bucket, TTL: ttl, Storage: jetstream.MemoryStorage})
}

// BoundedMemoryKV is MemoryKV holding at most maxBytes: once full, the keys written longest ago go
// first (their bucket's stream discards its oldest messages), so that state kept per article — the
// alert matcher's story bands — stays bounded however many articles arrive, forgetting the oldest
// instead of refusing new writes (a key-value bucket's default).
func (b *Bus) BoundedMemoryKV(ctx context.Context, bucket string, maxBytes int64) (*KV, error) {
	kv, err := b.openKV(ctx, jetstream.KeyValueConfig{Bucket: bucket, Storage: jetstream.MemoryStorage, MaxBytes: maxBytes})
	if err != nil {
		return nil, err
	}
	err = retryAPI(ctx, func(ctx context.Context) error {
		s, err := b.js.Stream(ctx, "KV_"+bucket)
		if err != nil {
			return err
		}
		cfg := s.CachedInfo().Config
		if cfg.Discard == jetstream.DiscardOld {
			return nil
		}
		cfg.Discard = jetstream.DiscardOld
		_, err = b.js.UpdateStream(ctx, cfg)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("key-value bucket %s: discard oldest when full: %w", bucket, err)
	}
	return kv, nil
}

// ExpiringKV opens (creating if needed) a file-backed bucket whose keys live forever unless
// CreateExpiring gives them a lifetime: for marks written once per article beside state that must
// stay (an alert rule's last match may matter for a year, the mark that it fired for an article
// only as long as the article could come again).
// Servers older than NATS 2.11 have no per-key TTLs: there the bucket opens without them, keys
// created by CreateExpiring are kept forever, and a warning says so.
func (b *Bus) ExpiringKV(ctx context.Context, bucket string) (*KV, error) {
	kv, err := b.openKV(ctx, jetstream.KeyValueConfig{Bucket: bucket, Storage: jetstream.FileStorage,
		LimitMarkerTTL: keyDeleteMarkerTTL})
	if errors.Is(err, jetstream.ErrLimitMarkerTTLNotSupported) {
		b.log.Warn("NATS server has no per-key TTLs (needs 2.11 or later): keys of this bucket never expire", "bucket", bucket)
		return b.openKV(ctx, jetstream.KeyValueConfig{Bucket: bucket, Storage: jetstream.FileStorage})
	}
	if err != nil {
		return nil, err
	}
	kv.keyTTL = true
	return kv, nil
}

// keyDeleteMarkerTTL is how long an ExpiringKV bucket keeps the marker of a deleted or expired
// key; setting it is what lets keys carry their own TTL.
const keyDeleteMarkerTTL = time.Minute

func (b *Bus) openKV(ctx context.Context, cfg jetstream.KeyValueConfig) (*KV, error) {
	cfg.Replicas = b.cfg.Replicas
	// A file bucket holds a key per article for the crawler's dedup window (claims, content
	// hashes, alert marks); S2-compressed blocks take about half the disk. An existing bucket is
	// updated in place: blocks written from now on are compressed.
	cfg.Compression = cfg.Storage == jetstream.FileStorage
	var kv jetstream.KeyValue
	err := retryAPI(ctx, func(ctx context.Context) error {
		var err error
		kv, err = b.js.CreateOrUpdateKeyValue(ctx, cfg)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", cfg.Bucket, err)
	}
	return &KV{kv: kv}, nil
}

// Get returns the value of key; ok is false when there is none.
func (k *KV) Get(ctx context.Context, key string) ([]byte, bool, error) {
	e, err := k.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("kv get %s: %w", key, err)
	}
	return e.Value(), true, nil
}

// Put sets key to val.
func (k *KV) Put(ctx context.Context, key string, val []byte) error {
	if _, err := k.kv.Put(ctx, key, val); err != nil {
		return fmt.Errorf("kv put %s: %w", key, err)
	}
	return nil
}

// Create sets key only if it has no value; created is false when it already had one. This is the
// atomic claim that lets several workers agree who does a thing once.
func (k *KV) Create(ctx context.Context, key string, val []byte) (bool, error) {
	_, err := k.kv.Create(ctx, key, val)
	if errors.Is(err, jetstream.ErrKeyExists) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kv create %s: %w", key, err)
	}
	return true, nil
}

// CreateExpiring is Create for a key that disappears ttl after it was created (rounded up to whole
// seconds) in a bucket opened with ExpiringKV; in any other bucket it is Create.
func (k *KV) CreateExpiring(ctx context.Context, key string, val []byte, ttl time.Duration) (bool, error) {
	if !k.keyTTL {
		return k.Create(ctx, key, val)
	}
	if r := ttl % time.Second; r != 0 {
		ttl += time.Second - r // NATS counts message TTLs in whole seconds
	}
	_, err := k.kv.Create(ctx, key, val, jetstream.KeyTTL(ttl))
	if errors.Is(err, jetstream.ErrKeyExists) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kv create %s (ttl %s): %w", key, ttl, err)
	}
	return true, nil
}

// Delete removes key.
func (k *KV) Delete(ctx context.Context, key string) error {
	if err := k.kv.Delete(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("kv delete %s: %w", key, err)
	}
	return nil
}

// Keys lists the keys that have a value.
func (k *KV) Keys(ctx context.Context) ([]string, error) {
	keys, err := k.kv.Keys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kv keys: %w", err)
	}
	return keys, nil
}

// CompareAndSwap sets key to val only if its current value is old (nil old: the key has no
// value), so that two workers racing to renew an expired claim agree on one winner.
func (k *KV) CompareAndSwap(ctx context.Context, key string, old, val []byte) (bool, error) {
	if old == nil {
		return k.Create(ctx, key, val)
	}
	e, err := k.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kv get %s: %w", key, err)
	}
	if !bytes.Equal(e.Value(), old) {
		return false, nil
	}
	if _, err := k.kv.Update(ctx, key, val, e.Revision()); err != nil {
		// A replicated bucket reports the conflict as ErrKeyRevisionMismatch (error code 10164),
		// not as ErrKeyExists (10071) like a single server.
		if errors.Is(err, jetstream.ErrKeyExists) || errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			return false, nil // someone else updated it first
		}
		return false, fmt.Errorf("kv update %s: %w", key, err)
	}
	return true, nil
}

// Key prefixes written once or a few times per article, packed (PackedKV) so that the NATS
// server's memory does not grow with the corpus: the crawler's URL claims and the crawl sink's
// content hashes; the alert matcher's story ids and delivery and window marks. A fired mark
// itself (firedMark) is packed only in a state file.
var (
	crawlPackedPrefixes = []string{"url.", "content."}
	firedPackedPrefixes = []string{"story.art.", "mark."}
)

// firedMark reports whether key of BucketAlertFired is a fired mark — "<rule id>.<story id>", or
// "<rule id>.new.<article id>" for a first-mention rule: the event until it is delivered — that
// is, none of the matcher's other keys (mode.: a rule's state; story.: story ids and bands;
// mark.: delivery and window marks) nor the packing's own (pk.). One per alert, each holding its
// whole event: kept as keys of the bucket, they made the server's subject indexes, timers and
// block caches grow with the alerts of the window (issue #25), so with a state file they live
// there; packed many to a shard value they would make each rewrite too large.
func firedMark(key string) bool {
	first, _, _ := strings.Cut(key, ".")
	switch first + "." {
	case "mode.", "story.", "mark.", packedShardKey:
		return false
	}
	return true
}

// CrawlKV opens BucketCrawl as the crawler and the crawl sink share it: keys live window (the
// crawler's dedup window) after their last write, per-article keys packed.
func (b *Bus) CrawlKV(ctx context.Context, window time.Duration) (*PackedKV, error) {
	kv, err := b.KV(ctx, BucketCrawl, window)
	if err != nil {
		return nil, err
	}
	return b.Packed(ctx, kv, window, crawlPackedPrefixes...)
}

// AlertFiredKV opens BucketAlertFired as the alert matchers share it: keys carry their own TTLs
// (ExpiringKV), per-article keys packed and living retention (0: forever) unless created with
// a TTL of their own.
func (b *Bus) AlertFiredKV(ctx context.Context, retention time.Duration) (*PackedKV, error) {
	kv, err := b.ExpiringKV(ctx, BucketAlertFired)
	if err != nil {
		return nil, err
	}
	p, err := b.Packed(ctx, kv, retention, firedPackedPrefixes...)
	if err != nil {
		return nil, err
	}
	if err := p.packInFile(ctx, firedMark); err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", BucketAlertFired, err)
	}
	return p, nil
}

// AlertFiredView reads BucketAlertFired as it is, changing nothing (no configuration update, no
// marker written): for tools and tests that inspect a running deployment's alert marks. Keys
// written before the bucket was packed are looked up too.
func AlertFiredView(ctx context.Context, js jetstream.JetStream) (*PackedKV, error) {
	kv, err := js.KeyValue(ctx, BucketAlertFired)
	if err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", BucketAlertFired, err)
	}
	view := &KV{kv: kv}
	shards := newShards(view)
	shards.legacyUntil = packedForever
	store, err := ownerOf(ctx, js.Conn(), view, shards)
	if err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", BucketAlertFired, err)
	}
	p := &PackedKV{KV: view, prefixes: firedPackedPrefixes, store: store}
	if err := p.packInFile(ctx, firedMark); err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", BucketAlertFired, err)
	}
	return p, nil
}
