package bus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// DeadLetter is a message a stage gave up on, as stored on newsmon.dead.<stage>.
type DeadLetter struct {
	Subject         string // newsmon.dead.<stage>
	Stage           string
	OriginalSubject string
	Reason          string
	Deliveries      int
	Stored          time.Time
	Data            []byte
}

// DeadLetters returns up to max dead letters stored on subjects matching filter
// ("newsmon.dead.notify.>"), oldest first. It only reads: nothing is acknowledged or removed.
func (b *Bus) DeadLetters(ctx context.Context, filter string, max int) ([]DeadLetter, error) {
	var s jetstream.Stream
	var info *jetstream.StreamInfo
	err := retry(ctx, func() error {
		var err error
		if s, err = b.js.Stream(ctx, StreamDead); err != nil {
			return err
		}
		info, err = s.Info(ctx, jetstream.WithSubjectFilter(filter))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", StreamDead, err)
	}
	var want uint64
	for _, n := range info.State.Subjects {
		want += n
	}
	want = min(want, uint64(max))
	if want == 0 {
		return nil, nil
	}
	cons, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return nil, fmt.Errorf("read dead letters %s: %w", filter, err)
	}
	var out []DeadLetter
	for uint64(len(out)) < want {
		msgs, err := cons.Fetch(int(want)-len(out), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return out, fmt.Errorf("read dead letters %s: %w", filter, err)
		}
		n := len(out)
		for m := range msgs.Messages() {
			h := m.Headers()
			dl := DeadLetter{Subject: m.Subject(), Stage: h.Get(HeaderStage), OriginalSubject: h.Get(HeaderOriginalSubject),
				Reason: h.Get(HeaderError), Data: m.Data()}
			dl.Deliveries, _ = strconv.Atoi(h.Get(HeaderDeliveries))
			if md, err := m.Metadata(); err == nil {
				dl.Stored = md.Timestamp
			}
			out = append(out, dl)
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			return out, fmt.Errorf("read dead letters %s: %w", filter, err)
		}
		if len(out) == n || ctx.Err() != nil {
			break
		}
	}
	return out, nil
}
