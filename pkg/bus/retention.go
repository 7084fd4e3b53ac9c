package bus

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// The article streams are queues between stages, not records: once every consumer of the stream
// has acknowledged a message (or dead-lettered it, which stores a copy on the dead-letter stream
// first), nothing reads it again, and it is removed. Only what is in flight stays, so the store
// grows with the backlog, not with the corpus (the index is the record). The alert and dead-letter
// streams are records (alert history, deliveries retried for hours, failures to inspect): they
// keep their MaxAge.
//
// Removal is a purge up to the lowest acknowledgement floor among the stream's consumers, done by
// the consume loops of these streams, not a work-queue retention policy: JetStream cannot change
// an existing stream's retention to or from work-queue in place, and a purge bounded by the
// consumers' own floors is safe on a stream created by an older version, with old and new
// workers side by side, and while a worker dies (what it had not acknowledged stays above the
// floor). A stream without consumers keeps everything: the stage that will read it has not
// started yet.
var queueStreams = map[string]bool{StreamFetched: true, StreamEnriched: true}

// trimInterval is how often a consume loop of a queue stream removes handled messages: the
// store holds at most this long of handled articles beyond the backlog.
const trimInterval = 5 * time.Second

// finalTrimTimeout bounds the removal a stopping consume loop makes.
const finalTrimTimeout = 2 * time.Second

// RemoveHandled removes from stream the messages every one of its consumers has acknowledged. A
// stream without consumers, or whose consumers have acknowledged nothing, is left as it is.
func (b *Bus) RemoveHandled(ctx context.Context, stream string) error {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	floor, consumers := uint64(math.MaxUint64), 0
	lister := s.ListConsumers(ctx)
	for info := range lister.Info() {
		consumers++
		floor = min(floor, info.AckFloor.Stream)
	}
	if err := lister.Err(); err != nil { // a consumer missing from the list could be behind
		return fmt.Errorf("list consumers of %s: %w", stream, err)
	}
	if consumers == 0 || floor < s.CachedInfo().State.FirstSeq {
		return nil
	}
	if err := s.Purge(ctx, jetstream.WithPurgeSequence(floor+1)); err != nil { // removes sequences < floor+1
		return fmt.Errorf("remove handled messages of %s up to %d: %w", stream, floor, err)
	}
	return nil
}

// trimQueue removes handled messages from stream every trimInterval while ctx lasts, when stream
// is a queue stream. The returned function stops that and removes them once more; a consume loop
// calls it after its last acknowledgement, so that a stopped pipeline leaves only its backlog.
func (b *Bus) trimQueue(ctx context.Context, stream string, log *slog.Logger) (stop func()) {
	if !queueStreams[stream] {
		return func() {}
	}
	trim := func(ctx context.Context, timeout time.Duration) {
		tctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		if err := b.RemoveHandled(tctx, stream); err != nil {
			log.Debug("removing handled messages failed; trying again later", "stream", stream, "err", err)
		}
	}
	tctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(trimInterval)
		defer t.Stop()
		for {
			trim(tctx, apiAttemptTimeout)
			select {
			case <-tctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
		trim(context.WithoutCancel(ctx), finalTrimTimeout) // short: NATS may be down, shutdown must not wait
	}
}
