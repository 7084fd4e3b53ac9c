package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/internal/redact"
)

// Delivery is one message handed to a stage.
type Delivery struct {
	Subject      string
	Data         []byte
	MsgID        string
	NumDelivered uint64    // 1 on first delivery
	Stored       time.Time // when the stream stored the message (zero if unknown)
	msg          jetstream.Msg
}

// InProgress tells the server the message is still being worked on, resetting its ack-wait.
func (d Delivery) InProgress() { _ = d.msg.InProgress() }

// BatchHandler processes a batch and returns one error per delivery (nil = done, ack it). An error
// wrapping ErrPermanent dead-letters that message at once; any other error retries it later.
// errs may be nil when every delivery succeeded.
type BatchHandler func(ctx context.Context, batch []Delivery) (errs []error)

// Handler processes one delivery; see BatchHandler for what its error means.
type Handler func(ctx context.Context, d Delivery) error

// ConsumerConfig describes a durable pull consumer. Every worker using the same Durable name shares
// the work: each message goes to one of them.
type ConsumerConfig struct {
	Stream  string
	Subject string // filter subject
	// Subjects, when set, filter on several subjects instead of Subject.
	Subjects []string
	Durable  string
	Stage    string // names the dead-letter subject: newsmon.dead.<Stage>
	// MaxDeliver bounds attempts: after that many failed deliveries the message is dead-lettered.
	MaxDeliver int
	AckWait    time.Duration // time a worker has before the server redelivers
	Batch      int           // messages per handler call
	MaxWait    time.Duration // how long a fetch waits to fill a batch
	// Backoff is the delay before the n-th retry: Backoff * 2^(n-1), capped at MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// DrainTimeout bounds how long an in-flight batch may keep working after shutdown begins.
	DrainTimeout time.Duration

	// DeliverNew makes a consumer created now start with the messages stored from now on instead
	// of the whole stream (a webhook added to the configuration does not get a month of history).
	DeliverNew bool
	// StartTime, when set, makes a consumer created now start with the messages stored since then.
	StartTime time.Time
	// MaxAge bounds attempts by time instead of by count: a message that has failed and would
	// next be tried more than MaxAge after it was stored is dead-lettered with its last error,
	// and one found older than MaxAge on delivery is dead-lettered untried. With MaxAge set and
	// MaxDeliver unset, attempts are not counted.
	MaxAge time.Duration
	// QuietRetries logs each retried failure at debug level: the handler reports failures in
	// its own terms (a webhook receiver down is one line, not one per event).
	QuietRetries bool
	// OnDeadLetter, when set, is called after a message has been stored as a dead letter.
	OnDeadLetter func(d Delivery, reason error)
	// InactiveThreshold lets the server delete the consumer after that long without any client
	// (a target removed from the configuration); 0: kept forever.
	InactiveThreshold time.Duration
	// ConfirmAcks waits for the server to confirm each acknowledgement and sends it again until
	// it does: for handlers whose work must not be repeated (a webhook POST), since an ack lost
	// with a server of a cluster means the message is handed out again after AckWait. It costs
	// a round trip per message.
	ConfirmAcks bool
}

func (c *ConsumerConfig) defaults() {
	if c.MaxDeliver <= 0 && c.MaxAge > 0 {
		c.MaxDeliver = math.MaxInt32
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.AckWait <= 0 {
		c.AckWait = 60 * time.Second
	}
	if c.Batch <= 0 {
		c.Batch = 1
	}
	if c.MaxWait <= 0 {
		c.MaxWait = time.Second
	}
	if c.Backoff <= 0 {
		c.Backoff = time.Second
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = time.Minute
	}
	if c.DrainTimeout <= 0 {
		c.DrainTimeout = 20 * time.Second
	}
}

// Consume runs h on every message of one work item at a time and blocks until ctx ends.
func (b *Bus) Consume(ctx context.Context, cfg ConsumerConfig, h Handler) error {
	return b.ConsumeBatch(ctx, cfg, func(ctx context.Context, batch []Delivery) []error {
		errs := make([]error, len(batch))
		for i, d := range batch {
			errs[i] = h(ctx, d)
		}
		return errs
	})
}

// ConsumeBatch fetches batches from a durable pull consumer and ends each delivery: ack on
// success, dead letter + term on a permanent error or when MaxDeliver attempts have failed, and
// otherwise a negative ack with an exponential delay. A panicking handler is recovered and each
// message of the batch retried alone, so one poison message cannot sink its neighbours. It blocks
// until ctx ends, and returns nil then.
func (b *Bus) ConsumeBatch(ctx context.Context, cfg ConsumerConfig, h BatchHandler) error {
	cfg.defaults()
	cons, err := b.consumer(ctx, cfg)
	if err != nil {
		return err
	}
	log := b.log.With("consumer", cfg.Durable)
	defer b.trimQueue(ctx, cfg.Stream, log)()
	for ctx.Err() == nil {
		msgs, err := cons.Fetch(cfg.Batch, jetstream.FetchMaxWait(cfg.MaxWait))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			log.Warn("fetch failed", "err", err)
			sleep(ctx, time.Second)
			continue
		}
		var batch []Delivery
		for m := range msgs.Messages() {
			if d, ok := b.delivery(ctx, cfg, m); ok {
				batch = append(batch, d)
			}
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			log.Debug("fetch ended", "err", err)
		}
		if len(batch) == 0 {
			continue
		}
		b.handleBatch(ctx, cfg, h, batch, log)
	}
	return nil
}

// consumer creates or updates the durable pull consumer cfg describes, retrying while NATS is
// unreachable.
func (b *Bus) consumer(ctx context.Context, cfg ConsumerConfig) (jetstream.Consumer, error) {
	var cons jetstream.Consumer
	cc := jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		FilterSubject: cfg.Subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		// The server never gives up on its own: the consume loops decide, so that nothing
		// leaves the stream without either a successful handler or a dead letter.
		MaxDeliver:        -1,
		MaxAckPending:     max(1000, 4*cfg.Batch),
		DeliverPolicy:     jetstream.DeliverAllPolicy,
		InactiveThreshold: cfg.InactiveThreshold,
	}
	if len(cfg.Subjects) > 0 {
		cc.FilterSubject, cc.FilterSubjects = "", cfg.Subjects
	}
	if cfg.DeliverNew {
		cc.DeliverPolicy = jetstream.DeliverNewPolicy
	}
	if !cfg.StartTime.IsZero() {
		start := cfg.StartTime
		cc.DeliverPolicy, cc.OptStartTime = jetstream.DeliverByStartTimePolicy, &start
	}
	keepsPosition := cc.DeliverPolicy != jetstream.DeliverAllPolicy
	create := func(ctx context.Context) error {
		var err error
		if keepsPosition {
			// An existing consumer keeps its position: only its filter and limits are updated.
			if cons, err = b.js.Consumer(ctx, cfg.Stream, cfg.Durable); err == nil {
				info := cons.CachedInfo()
				cc.DeliverPolicy, cc.OptStartSeq, cc.OptStartTime = info.Config.DeliverPolicy, info.Config.OptStartSeq, info.Config.OptStartTime
			} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
				return err
			}
		}
		cons, err = b.js.CreateOrUpdateConsumer(ctx, cfg.Stream, cc)
		return err
	}
	err := retryAPI(ctx, func(ctx context.Context) error {
		err := create(ctx)
		if err != nil && keepsPosition && !transient(err) {
			// Another process created it meanwhile, from its own start: take that one.
			err = create(ctx)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", cfg.Durable, cfg.Stream, err)
	}
	return cons, nil
}

// delivery wraps a fetched message. A message delivered more often than allowed without ever
// being ended killed its worker each time (crash, OOM, kill -9): it is dead-lettered instead of
// being handed to the handler again, and ok is false.
func (b *Bus) delivery(ctx context.Context, cfg ConsumerConfig, m jetstream.Msg) (d Delivery, ok bool) {
	d = Delivery{Subject: m.Subject(), Data: m.Data(), msg: m, NumDelivered: 1}
	if md, err := m.Metadata(); err == nil {
		d.NumDelivered, d.Stored = md.NumDelivered, md.Timestamp
	}
	d.MsgID = m.Headers().Get(nats.MsgIdHdr)
	if d.NumDelivered > uint64(cfg.MaxDeliver) {
		b.deadLetter(ctx, cfg, d, fmt.Errorf("delivered %d times without completing (worker crashed on it?)", d.NumDelivered-1))
		return d, false
	}
	if age := d.age(); cfg.MaxAge > 0 && age > cfg.MaxAge {
		b.deadLetter(ctx, cfg, d, fmt.Errorf("expired: stored %s ago, more than the maximum age %s, after %d deliveries",
			age.Round(time.Second), cfg.MaxAge, d.NumDelivered-1))
		return d, false
	}
	return d, true
}

// handleBatch runs the handler on a batch and ends every delivery. Deliveries failing with
// ErrUnavailable stay with this worker: the batch is retried with backoff (the server is told
// they are in progress, so it neither redelivers them elsewhere nor counts attempts) until the
// dependency is back or shutdown begins, when they are released for redelivery. That is how a
// backend outage becomes a backlog held by JetStream instead of a pile of dead letters.
func (b *Bus) handleBatch(ctx context.Context, cfg ConsumerConfig, h BatchHandler, batch []Delivery, log *slog.Logger) {
	// A batch that has started is finished even if shutdown begins meanwhile: that is what
	// draining means. Its work gets DrainTimeout past the stop signal, then its context ends.
	work, cancelWork := drainContext(ctx, cfg.DrainTimeout)
	defer cancelWork()
	for attempt := 1; ; attempt++ {
		errs := runBatch(work, h, batch, log)
		var held []Delivery
		for i, d := range batch {
			var err error
			if i < len(errs) {
				err = errs[i]
			}
			if errors.Is(err, ErrUnavailable) && ctx.Err() == nil {
				held = append(held, d)
				continue
			}
			b.end(work, cfg, d, err)
		}
		if len(held) == 0 {
			return
		}
		delay := min(cfg.Backoff<<min(attempt-1, 16), cfg.MaxBackoff)
		log.Warn("dependency unavailable; holding messages and retrying", "stage", cfg.Stage,
			"messages", len(held), "attempt", attempt, "retry_in", delay)
		for wait := delay; wait > 0; {
			for _, d := range held {
				d.InProgress()
			}
			step := min(wait, cfg.AckWait/3)
			sleep(ctx, step)
			wait -= step
			if ctx.Err() != nil {
				break
			}
		}
		if ctx.Err() != nil {
			for _, d := range held {
				_ = d.msg.Nak() // shutting down: let whoever runs next take them
			}
			return
		}
		batch = held
	}
}

// runBatch calls the handler, isolating a panicking message by retrying the batch one by one.
func runBatch(ctx context.Context, h BatchHandler, batch []Delivery, log *slog.Logger) []error {
	errs, panicked := callBatch(ctx, h, batch)
	switch {
	case panicked != nil && len(batch) > 1:
		log.Error("handler panicked on a batch; retrying its messages one by one", "err", panicked)
		errs = make([]error, len(batch))
		for i := range batch {
			one, p := callBatch(ctx, h, batch[i:i+1])
			switch {
			case p != nil:
				errs[i] = p
			case len(one) > 0:
				errs[i] = one[0]
			}
		}
	case panicked != nil:
		errs = []error{panicked}
	}
	return errs
}

// drainContext returns a context that is not cancelled with parent but ends timeout after it.
func drainContext(parent context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(parent))
	stop := context.AfterFunc(parent, func() {
		t := time.AfterFunc(timeout, cancel)
		context.AfterFunc(ctx, func() { t.Stop() })
	})
	return ctx, func() { stop(); cancel() }
}

// age is how long ago the stream stored the message (0 when unknown).
func (d Delivery) age() time.Duration {
	if d.Stored.IsZero() {
		return 0
	}
	return time.Since(d.Stored)
}

func (b *Bus) end(ctx context.Context, cfg ConsumerConfig, d Delivery, err error) {
	delay := min(cfg.Backoff<<min(d.NumDelivered-1, 16), cfg.MaxBackoff)
	switch {
	case err == nil && cfg.ConfirmAcks:
		b.ackConfirmed(ctx, cfg, d)
	case err == nil:
		if aerr := d.msg.Ack(); aerr != nil {
			b.log.Warn("ack failed; message will be redelivered", "msg_id", d.MsgID, "err", aerr)
		}
	case errors.Is(err, ErrPermanent) || d.NumDelivered >= uint64(cfg.MaxDeliver):
		b.deadLetter(ctx, cfg, d, err)
	case cfg.MaxAge > 0 && d.age()+delay > cfg.MaxAge:
		b.deadLetter(ctx, cfg, d, fmt.Errorf("gave up after %d attempts over %s (maximum age %s): %w",
			d.NumDelivered, d.age().Round(time.Second), cfg.MaxAge, err))
	case ctx.Err() != nil:
		// Shutting down: let the message be redelivered promptly to whoever runs next.
		_ = d.msg.Nak()
	default:
		level := slog.LevelWarn
		if cfg.QuietRetries {
			level = slog.LevelDebug
		}
		b.log.Log(ctx, level, "handler failed; will retry", "stage", cfg.Stage, "msg_id", d.MsgID,
			"attempt", d.NumDelivered, "retry_in", delay, "err", err)
		_ = d.msg.NakWithDelay(delay)
	}
}

// ackConfirmed acknowledges d and waits for the server's confirmation, asking again while none
// comes (the server the ack went to died; the consumer's new leader takes it), until AckWait has
// passed, after which the server hands the message out again anyway, or ctx ends.
func (b *Bus) ackConfirmed(ctx context.Context, cfg ConsumerConfig, d Delivery) {
	deadline := time.Now().Add(cfg.AckWait)
	for {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := d.msg.DoubleAck(actx)
		cancel()
		if err == nil || errors.Is(err, jetstream.ErrMsgAlreadyAckd) {
			return
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			b.log.Warn("ack not confirmed; message will be redelivered", "stage", cfg.Stage, "msg_id", d.MsgID, "err", err)
			return
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// deadLetter publishes the message with its reason to newsmon.dead.<stage> and terminates it. If
// the dead letter cannot be stored, the message is left to be redelivered: never lost.
func (b *Bus) deadLetter(ctx context.Context, cfg ConsumerConfig, d Delivery, reason error) {
	subject := SubjectDeadPrefix + cfg.Stage
	id := d.MsgID
	if id == "" {
		if md, err := d.msg.Metadata(); err == nil {
			id = md.Stream + "." + strconv.FormatUint(md.Sequence.Stream, 10)
		}
	}
	_, err := b.Publish(ctx, subject, id+".dead."+cfg.Stage, d.Data, map[string]string{
		HeaderError:           redact.URL(reason.Error()),
		HeaderStage:           cfg.Stage,
		HeaderOriginalSubject: d.Subject,
		HeaderDeliveries:      strconv.FormatUint(d.NumDelivered, 10),
	})
	if err != nil {
		b.log.Error("dead letter failed; message stays for redelivery", "msg_id", d.MsgID, "err", err)
		_ = d.msg.NakWithDelay(cfg.Backoff)
		return
	}
	b.log.Warn("message dead-lettered", "stage", cfg.Stage, "msg_id", d.MsgID, "attempts", d.NumDelivered, "reason", reason)
	_ = d.msg.TermWithReason(truncate(reason.Error(), 200))
	if cfg.OnDeadLetter != nil {
		cfg.OnDeadLetter(d, reason)
	}
}

func callBatch(ctx context.Context, h BatchHandler, batch []Delivery) (errs []error, panicked error) {
	defer func() {
		if r := recover(); r != nil {
			// A panic is retried like any failure (it may be a transient state); only the
			// delivery count turns it into a dead letter, whose reason carries the stack top.
			panicked = fmt.Errorf("panic: %v: %s", r, truncate(string(debug.Stack()), 1500))
		}
	}()
	return h(ctx, batch), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// Pending reports, per durable consumer of stream, how many messages wait to be delivered and how
// many are delivered but not yet acknowledged.
func (b *Bus) Pending(ctx context.Context, stream string) (map[string][2]uint64, error) {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", stream, err)
	}
	out := map[string][2]uint64{}
	lister := s.ListConsumers(ctx)
	for info := range lister.Info() {
		out[info.Name] = [2]uint64{info.NumPending, uint64(info.NumAckPending)}
	}
	if err := lister.Err(); err != nil {
		return out, fmt.Errorf("list consumers of %s: %w", stream, err)
	}
	return out, nil
}

// StreamMessages returns the number of messages stored in a stream.
func (b *Bus) StreamMessages(ctx context.Context, stream string) (uint64, error) {
	s, err := b.js.Stream(ctx, stream)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", stream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream %s info: %w", stream, err)
	}
	return info.State.Msgs, nil
}

// ConsumeConcurrent runs h on up to workers messages at once from one durable pull consumer and
// blocks until ctx ends. Each message is handled and ended on its own, exactly as Consume does
// (ack after h succeeds, dead letter on a permanent error or after MaxDeliver attempts, held and
// retried while a dependency is unavailable), but one fetch request brings as many messages as
// there are idle workers, instead of one pull round trip per message and worker.
func (b *Bus) ConsumeConcurrent(ctx context.Context, cfg ConsumerConfig, workers int, h Handler) error {
	workers = max(workers, 1)
	cfg.Batch = workers
	cfg.defaults()
	cons, err := b.consumer(ctx, cfg)
	if err != nil {
		return err
	}
	log := b.log.With("consumer", cfg.Durable)
	one := func(ctx context.Context, batch []Delivery) []error {
		errs := make([]error, len(batch))
		for i, d := range batch {
			errs[i] = h(ctx, d)
		}
		return errs
	}
	idle := make(chan struct{}, workers) // a token per idle worker
	for range workers {
		idle <- struct{}{}
	}
	defer b.trimQueue(ctx, cfg.Stream, log)() // after the drain below: its acknowledgements count
	var running sync.WaitGroup
	defer running.Wait() // in-flight messages drain (bounded by DrainTimeout) before returning
	for ctx.Err() == nil {
		// Wait for at least one idle worker, then ask for as many messages as are idle.
		select {
		case <-ctx.Done():
			return nil
		case <-idle:
		}
		free := 1
	count:
		for free < workers {
			select {
			case <-idle:
				free++
			default:
				break count
			}
		}
		msgs, err := cons.Fetch(free, jetstream.FetchMaxWait(cfg.MaxWait))
		if err != nil {
			for range free {
				idle <- struct{}{}
			}
			if ctx.Err() != nil {
				return nil
			}
			log.Warn("fetch failed", "err", err)
			sleep(ctx, time.Second)
			continue
		}
		for m := range msgs.Messages() {
			d, ok := b.delivery(ctx, cfg, m)
			if !ok {
				continue
			}
			free--
			running.Add(1)
			go func() {
				defer running.Done()
				defer func() { idle <- struct{}{} }()
				b.handleBatch(ctx, cfg, one, []Delivery{d}, log)
			}()
		}
		if err := msgs.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			log.Debug("fetch ended", "err", err)
		}
		for range free { // workers the fetch brought nothing for
			idle <- struct{}{}
		}
	}
	return nil
}

// EnsureConsumer creates (or updates) the durable consumer cfg describes without consuming, so
// that a consumer starting with DeliverNew exists before the first message it must see is stored.
func (b *Bus) EnsureConsumer(ctx context.Context, cfg ConsumerConfig) error {
	cfg.defaults()
	_, err := b.consumer(ctx, cfg)
	return err
}
