package bus

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Follow delivers to fn, in order, the messages stored on subject in stream: first up to the last
// `last` messages already stored (0: none), then each new one, until ctx ends. Unlike Subscribe it
// reads what the stream stored, so a message published twice under one Msg-Id (a redelivered
// worker publishing again) arrives once, and a process that starts later still sees the recent
// history. Nothing is acknowledged; the consumer is ephemeral and resumes after a reconnect where
// it stopped.
func (b *Bus) Follow(ctx context.Context, stream, subject string, last int, fn func(data []byte)) error {
	var s jetstream.Stream
	var info *jetstream.StreamInfo
	err := retry(ctx, func() error {
		var err error
		if s, err = b.js.Stream(ctx, stream); err != nil {
			return err
		}
		info, err = s.Info(ctx)
		return err
	})
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverNewPolicy}
	if st := info.State; last > 0 && st.Msgs > 0 {
		start := st.FirstSeq
		if st.LastSeq >= uint64(last) && st.LastSeq-uint64(last)+1 > start {
			start = st.LastSeq - uint64(last) + 1
		}
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, start
	}
	cons, err := s.OrderedConsumer(ctx, cfg)
	if err != nil {
		return fmt.Errorf("follow %s on %s: %w", subject, stream, err)
	}
	cc, err := cons.Consume(func(m jetstream.Msg) { fn(m.Data()) })
	if err != nil {
		return fmt.Errorf("follow %s on %s: %w", subject, stream, err)
	}
	go func() {
		<-ctx.Done()
		cc.Stop()
	}()
	return nil
}
