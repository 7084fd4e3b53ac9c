package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Publish stores data on subject, durably, with msgID as Nats-Msg-Id so that a republish of the
// same message within the duplicate window is dropped by the server. It retries while NATS is
// unreachable or restarting, until ctx ends. duplicate reports that the server already had msgID.
func (b *Bus) Publish(ctx context.Context, subject, msgID string, data []byte, header map[string]string) (duplicate bool, err error) {
	msg := nats.NewMsg(subject)
	msg.Data = data
	for k, v := range header {
		msg.Header.Set(k, v)
	}
	var ack *jetstream.PubAck
	err = retry(ctx, func() error {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		var perr error
		ack, perr = b.js.PublishMsg(pctx, msg, jetstream.WithMsgID(msgID))
		return perr
	})
	if err != nil {
		return false, fmt.Errorf("publish %s to %s: %w", msgID, subject, err)
	}
	return ack.Duplicate, nil
}

// Subscribe delivers every message published on subject from now on to fn, until ctx ends. It is
// for live fan-out (alert events to SSE clients), not for work: nothing is acknowledged.
func (b *Bus) Subscribe(ctx context.Context, subject string, fn func(data []byte)) error {
	sub, err := b.nc.Subscribe(subject, func(m *nats.Msg) { fn(m.Data) })
	if err != nil {
		return fmt.Errorf("subscribe %s: %w", subject, err)
	}
	go func() {
		<-ctx.Done()
		_ = sub.Unsubscribe()
	}()
	return nil
}
