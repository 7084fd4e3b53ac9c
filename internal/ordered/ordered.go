// Package ordered works through a stream of items on several goroutines and hands the results on
// in the order the items came, as `newsmon analyze` and `newsmon import` do with archive records.
// It owns the goroutines and channels only; what is read, done and written is the caller's.
package ordered

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Queue takes the items read, in order.
type Queue[In, Out any] struct {
	ctx   context.Context
	jobs  chan job[In, Out]
	order chan chan Out // one slot per item, in read order, each filled by a worker or by Done
}

type job[In, Out any] struct {
	in  In
	out chan Out
}

// Work queues an item for a worker; its result is written in its turn. It fails only when the run
// is ending.
func (q *Queue[In, Out]) Work(in In) error {
	out := make(chan Out, 1)
	if err := q.reserve(out); err != nil {
		return err
	}
	select {
	case q.jobs <- job[In, Out]{in, out}:
		return nil
	case <-q.ctx.Done():
		return q.ctx.Err()
	}
}

// Done queues a result known without work (a record skipped while reading), written in its turn.
func (q *Queue[In, Out]) Done(res Out) error {
	out := make(chan Out, 1)
	out <- res
	return q.reserve(out)
}

func (q *Queue[In, Out]) reserve(out chan Out) error {
	select {
	case q.order <- out:
		return nil
	case <-q.ctx.Done():
		return q.ctx.Err()
	}
}

// Run calls read, which queues items until it returns; workers goroutines call work on the items
// queued with Work; write gets every result in queue order, one at a time. Up to 4×workers
// results wait for their turn, which bounds how far reading runs ahead. The first error of read or
// write ends the context of all three and is returned once every goroutine has returned.
func Run[In, Out any](ctx context.Context, workers int,
	read func(ctx context.Context, q *Queue[In, Out]) error,
	work func(ctx context.Context, in In) Out,
	write func(ctx context.Context, res Out) error) error {
	g, gctx := errgroup.WithContext(ctx)
	q := &Queue[In, Out]{ctx: gctx, jobs: make(chan job[In, Out]), order: make(chan chan Out, 4*workers)}
	g.Go(func() error {
		defer close(q.jobs)
		defer close(q.order)
		return read(gctx, q)
	})
	for range workers {
		g.Go(func() error {
			for j := range q.jobs {
				j.out <- work(gctx, j.in)
			}
			return nil
		})
	}
	g.Go(func() error {
		for out := range q.order {
			var res Out
			select {
			case res = <-out:
			case <-gctx.Done():
				return gctx.Err()
			}
			if err := write(gctx, res); err != nil {
				return err
			}
		}
		return nil
	})
	return g.Wait()
}
